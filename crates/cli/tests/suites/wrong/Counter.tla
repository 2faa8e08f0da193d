---- MODULE Counter ----
\* A counter that must stay below Max; the `Bug` constant lets it skip the bound check.
EXTENDS Naturals
CONSTANTS Max, Bug
VARIABLE n
Init == n = 0
Inc == /\ (Bug \/ n < Max)
       /\ n' = n + 1
Reset == /\ n = Max
         /\ n' = 0
Next == Inc \/ Reset
Bounded == n <= Max
NotTooFar == n <= Max + 5
AtMax == n = Max
====
