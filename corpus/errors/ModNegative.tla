------------------------------ MODULE ModNegative ------------------------------
(* TLC requires a positive divisor for %: x % d with d = -2 is an          *)
(* evaluation error (the state is computed by Init, the error is in Next).  *)
EXTENDS Integers

VARIABLES x, d

Init == x = 7 /\ d \in {2, -2}
Next == x' = x % d /\ UNCHANGED d
=============================================================================
