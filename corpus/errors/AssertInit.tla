------------------------------ MODULE AssertInit ------------------------------
(* Assert failing while computing the initial states: TLC reports every     *)
(* error in Init as a nested-expression error, exit 75 (14 only in Next).   *)
EXTENDS Naturals, TLC

VARIABLE x

Init == x \in {1, 2} /\ Assert(x < 2, "too big")
Next == x' = x
=============================================================================
