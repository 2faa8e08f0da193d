--------------------------- MODULE ActionConstraint ---------------------------
(* ACTION_CONSTRAINT: a step is only taken if the constraint, a formula    *)
(* over the old and new state, holds. Steps that double x are forbidden    *)
(* once x > 3, so states reachable only that way are not found.            *)
EXTENDS Naturals

VARIABLE x

Init == x \in {1, 2}

Next == \/ x < 20 /\ x' = 2 * x
        \/ x < 20 /\ x' = x + 3
        \/ x > 10 /\ x' = x - 10

NoBigDoubling == x' = 2 * x => x <= 3
Inv == x < 40   \* 32 would violate x < 30: see ActionConstraintInvariant
=============================================================================
