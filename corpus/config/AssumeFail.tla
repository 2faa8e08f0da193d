------------------------------ MODULE AssumeFail ------------------------------
(* The second ASSUME is false for the cfg's N: TLC stops before computing  *)
(* initial states.                                                         *)
EXTENDS Naturals

CONSTANT N

ASSUME N \in Nat
ASSUME N > 5

VARIABLE x

Init == x = 0
Next == x' = (x + 1) % N
=============================================================================
