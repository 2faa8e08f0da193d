----------------------------- MODULE CompareKinds -----------------------------
(* A set compared with an integer in Next: an error of TLC's evaluator      *)
(* proper, not of a standard module, so TLC exits 75.                       *)
EXTENDS Naturals

VARIABLE x

Init == x = 0
Next == x' = IF x < 2 THEN x + 1 ELSE (IF {1} = 1 THEN 0 ELSE 1)
=============================================================================
