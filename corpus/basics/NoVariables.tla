------------------------------ MODULE NoVariables ------------------------------
(* A module without variables whose cfg names only CONSTANTS: TLC evaluates *)
(* the ASSUMEs (a puzzle solved by brute force in an ASSUME, with PrintT)    *)
(* and reports success with 0 states.                                       *)
EXTENDS Naturals, FiniteSets, TLC

CONSTANT Total

Pairs == {<<a, b>> \in (0..Total) \X (0..Total) : a + b = Total /\ a * b = 21}

ASSUME Cardinality(Pairs) = 2
ASSUME PrintT(Pairs)
=============================================================================
