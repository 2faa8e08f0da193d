--------------------------- MODULE ActionConstraintInvariant ---------------------------
(* The invariant is checked on a successor even when the step violates    *)
(* the ACTION_CONSTRAINT: x = 32 is only reachable by a forbidden doubling *)
(* step, yet TLC reports it as an invariant violation.                     *)
EXTENDS Naturals

VARIABLE x

Init == x \in {1, 2}

Next == \/ x < 20 /\ x' = 2 * x
        \/ x < 20 /\ x' = x + 3
        \/ x > 10 /\ x' = x - 10

NoBigDoubling == x' = 2 * x => x <= 3
Inv == x < 30
=============================================================================
