--------------------------- MODULE ConstFuncDomain ---------------------------
(* A constant function definition applied outside its domain in a reachable *)
(* state: TLC's error, with the trace that reaches it.                       *)
EXTENDS Naturals
step[n \in 0..3] == n + 2
VARIABLE k
Init == k = 0
Next == k' = step[k]
=============================================================================
