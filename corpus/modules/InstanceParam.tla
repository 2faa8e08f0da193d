---------------------------- MODULE InstanceParam ----------------------------
(* A parameterised instance P(i) == INSTANCE ... WITH c <- cs[i]: one      *)
(* counter per process, each substitution an expression over the state.     *)
(* CInc's c' = c + 1 becomes (cs[i])' = cs[i] + 1, evaluated after cs'.     *)
EXTENDS Naturals

VARIABLE cs

P(i) == INSTANCE CounterLib WITH c <- cs[i], Limit <- i

Procs == 1..3

Init == cs = [i \in Procs |-> 0]

Next == \E i \in Procs :
          /\ cs' = [cs EXCEPT ![i] = @ + 1]
          /\ P(i)!CInc   \* after cs' is assigned: (cs[i])' is now a test

Inv == \A i \in Procs : P(i)!CTypeOK
=============================================================================
