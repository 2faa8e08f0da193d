---------------------------- MODULE SpecFormula ----------------------------
(* SPECIFICATION with Init /\ [][Next]_vars; a bounded clock of hours and *)
(* minutes in steps of 15.                                                 *)
EXTENDS Naturals

VARIABLES hr, min
vars == <<hr, min>>

Init == hr \in 1..12 /\ min = 0

Tick == IF min = 45
          THEN /\ min' = 0
               /\ hr' = IF hr = 12 THEN 1 ELSE hr + 1
          ELSE /\ min' = min + 15
               /\ UNCHANGED hr

Spec == Init /\ [][Tick]_vars

TypeOK == hr \in 1..12 /\ min \in {0, 15, 30, 45}
=============================================================================
