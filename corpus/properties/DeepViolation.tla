------------------------------ MODULE DeepViolation ------------------------------
(* Several initial states and branching: the shortest counterexample to    *)
(* the invariant is 6 states long; BFS must find a shortest one, and the   *)
(* counts at the stop depend on the order successors are generated.        *)
EXTENDS Naturals

VARIABLES a, b

Init == a \in 0..2 /\ b \in 0..2

Next == \/ a < 9 /\ a' = a + 2 /\ UNCHANGED b
        \/ b < 9 /\ b' = b + 1 /\ UNCHANGED a
        \/ a > 0 /\ b > 0 /\ a' = a - 1 /\ b' = b - 1

Inv == a + b < 13
=============================================================================
