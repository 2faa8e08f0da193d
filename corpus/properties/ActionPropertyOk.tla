---------------------------- MODULE ActionPropertyOk ----------------------------
(* Action properties that hold, one on a tuple subscript and one stated as *)
(* [][A]_v with a named action; also an invariant-shaped PROPERTY []P.     *)
EXTENDS Naturals

VARIABLES n, total
vars == <<n, total>>

Init == n = 0 /\ total = 0
Next == /\ n < 4
        /\ \E k \in 1..2 : n' = n + k /\ total' = total + n'
Spec == Init /\ [][Next]_vars

Grows == total' >= total
StepProp == [][Grows]_vars
NStep == [][n' - n \in 1..2]_n
AlwaysBounded == [](total <= 20)
=============================================================================
