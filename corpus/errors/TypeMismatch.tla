------------------------------ MODULE TypeMismatch ------------------------------
(* Comparing a string with an integer in Next (x < "a"): TLC reports an     *)
(* evaluation error on the first step.                                      *)
EXTENDS Naturals

VARIABLE x

Init == x = 0
Next == \/ x < 2 /\ x' = x + 1
        \/ x = 2 /\ x < "a" /\ x' = 0
=============================================================================
