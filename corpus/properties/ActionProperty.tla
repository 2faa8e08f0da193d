----------------------------- MODULE ActionProperty -----------------------------
(* An action property [][A]_v in PROPERTY: every step must not decrease   *)
(* the counter. The wrap-around step at depth 4 violates it; the trace    *)
(* ends with that step (its target state was already seen).               *)
EXTENDS Naturals

VARIABLES n, m
vars == <<n, m>>

Init == n = 0 /\ m \in {0, 1}
Next == \/ n < 3 /\ n' = n + 1 /\ UNCHANGED m
        \/ n = 3 /\ n' = 0 /\ m' = 1 - m
Spec == Init /\ [][Next]_vars

Monotone == [][n' >= n]_vars
=============================================================================
