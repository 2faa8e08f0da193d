---------------------------- MODULE DivByZeroNext ----------------------------
(* \div by zero while computing a successor: TLC's Naturals module raises   *)
(* an EvalException whose code maps to no exit status, so TLC exits 255     *)
(* (the same error in Init exits 75).                                       *)
EXTENDS Naturals

VARIABLE x

Init == x = 2
Next == x' = 4 \div (x - 1)
=============================================================================
