------------------------------ MODULE ChooseError ------------------------------
(* CHOOSE with no satisfying element, reached after two steps.             *)
EXTENDS Naturals

VARIABLE x

Init == x \in {0, 1}
Next == x' = CHOOSE y \in 0..3 : y > x /\ y < 3
=============================================================================
