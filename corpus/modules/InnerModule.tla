----------------------------- MODULE InnerModule -----------------------------
(* A module nested inside the spec's file, instantiated with a named       *)
(* INSTANCE and a substitution.                                             *)
EXTENDS Naturals

VARIABLE t

------------------------------- MODULE Toggle -------------------------------
VARIABLE bit
Flip == bit' = 1 - bit
=============================================================================

T == INSTANCE Toggle WITH bit <- t

Init == t \in {0, 1}
Next == T!Flip
Inv == t \in {0, 1}
=============================================================================
