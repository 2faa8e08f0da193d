---------------------------- MODULE PrimedBeforeAssign ---------------------------
(* P(i)!CInc contains c' = c + 1 with c <- cs[i], i.e. (cs[i])' = ..., a   *)
(* test of cs' before cs' has been assigned: TLC reports an evaluation     *)
(* error in the first successor computation.                               *)
EXTENDS Naturals

VARIABLE cs

P(i) == INSTANCE CounterLib WITH c <- cs[i], Limit <- i

Procs == 1..3

Init == cs = [i \in Procs |-> 0]

Next == \E i \in Procs :
          /\ P(i)!CInc
          /\ cs' = [cs EXCEPT ![i] = @ + 1]

Inv == \A i \in Procs : P(i)!CTypeOK
=============================================================================
