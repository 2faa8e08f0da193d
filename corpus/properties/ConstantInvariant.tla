---------------------------- MODULE ConstantInvariant ----------------------------
(* An invariant that is a constant-level formula and FALSE: TLC rejects it *)
(* before computing initial states ("The invariant of Big is equal to      *)
(* FALSE", exit code 151).                                                  *)
EXTENDS Naturals

CONSTANT N
VARIABLE x

Init == x = 0
Next == x' = (x + 1) % N

Big == N > 10
=============================================================================
