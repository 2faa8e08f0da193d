----------------------------- MODULE SpecFairness -----------------------------
(* A SPECIFICATION with fairness conjuncts (WF and SF) and only safety     *)
(* checking: the fairness part does not change the reachable states.       *)
EXTENDS Naturals

VARIABLES x, y
vars == <<x, y>>

Init == x = 0 /\ y = 0
IncX == x < 3 /\ x' = x + 1 /\ UNCHANGED y
IncY == y < x /\ y' = y + 1 /\ UNCHANGED x
Next == IncX \/ IncY

Spec == /\ Init
        /\ [][Next]_vars
        /\ WF_vars(IncX)
        /\ SF_vars(IncY)

Inv == y <= x
=============================================================================
