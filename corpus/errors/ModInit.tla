-------------------------------- MODULE ModInit --------------------------------
(* % by a negative number in Init: exit 75 (the same error in Next: 255).   *)
EXTENDS Integers

VARIABLE x

Init == x = 3 % -1
Next == x' = x
=============================================================================
