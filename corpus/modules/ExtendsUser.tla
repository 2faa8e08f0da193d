----------------------------- MODULE ExtendsUser -----------------------------
(* EXTENDS a user module that sits beside the spec (MathLib.tla). Sq is    *)
(* LOCAL in MathLib, so this module defines its own Sq without a clash.     *)
EXTENDS MathLib, FiniteSets

Sq(x) == x * x * x   \* a different Sq: MathLib's is LOCAL

VARIABLES a, b

Init == a \in 0..Bound /\ b = 0

Next == \/ b < Bound /\ b' = b + 1 /\ UNCHANGED a
        \/ a > 0 /\ a' = a - 1 /\ UNCHANGED b

Inv == /\ SumSq(a, b) <= 2 * Bound * Bound
       /\ Max(a, b) <= Bound
       /\ Sq(2) = 8
=============================================================================
