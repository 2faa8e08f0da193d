----------------------------- MODULE ActionArgs -----------------------------
(* Actions with arguments, chosen by \E over a constant set of processes.  *)
(* Each process increments its own counter modulo 3, or resets all.       *)
EXTENDS Naturals

CONSTANT N
VARIABLES cnt, resets

Procs == 1..N

Init == cnt = [p \in Procs |-> 0] /\ resets = 0

Inc(p) == /\ cnt' = [cnt EXCEPT ![p] = (@ + 1) % 3]
          /\ UNCHANGED resets

ResetAll(bound) == /\ resets < bound
                   /\ \A p \in Procs : cnt[p] = 2
                   /\ cnt' = [p \in Procs |-> 0]
                   /\ resets' = resets + 1

Next == (\E p \in Procs : Inc(p)) \/ ResetAll(2)

Inv == resets <= 2
=============================================================================
