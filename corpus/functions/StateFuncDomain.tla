--------------------------- MODULE StateFuncDomain ---------------------------
(* A function definition that reads the state, applied twice at a point of  *)
(* its domain and then outside it: TLC's error, with the trace to it.        *)
EXTENDS Naturals
VARIABLE k
g[i \in 0..2] == 2 * i + k - k
Init == k = 0
Next == k' = g[k] + g[k] - g[k] + 1
=============================================================================
