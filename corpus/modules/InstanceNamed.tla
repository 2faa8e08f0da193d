---------------------------- MODULE InstanceNamed ----------------------------
(* Named instances with WITH substitutions: two counters over different   *)
(* variables and limits, stepped independently. A!Op and B!Op references.  *)
EXTENDS Naturals

VARIABLES x, y

A == INSTANCE CounterLib WITH c <- x, Limit <- 2
B == INSTANCE CounterLib WITH c <- y, Limit <- 3

Init == A!CInit /\ B!CInit
Next == \/ A!CNext /\ UNCHANGED y
        \/ B!CNext /\ UNCHANGED x

Inv == A!CTypeOK /\ B!CTypeOK /\ (x = 2 => y # 3)
=============================================================================
