-------------------------- MODULE ConstraintInvariant --------------------------
(* Is a successor that violates the CONSTRAINT still checked against the  *)
(* invariant? The invariant fails exactly on x = 5, which is outside the  *)
(* constraint x < 5. (TLC's answer is in the .expect file.)                *)
EXTENDS Naturals

VARIABLE x

Init == x = 0
Next == x < 8 /\ x' = x + 1

InModel == x < 5
Inv == x # 5
=============================================================================
