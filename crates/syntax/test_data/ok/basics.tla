Some prose before the module is ignored.
---------------------------- MODULE Basics ----------------------------
EXTENDS Naturals, Sequences
CONSTANTS N, Procs, F(_, _), _ ++ _
VARIABLES x, y
vars == <<x, y>>

Init == /\ x = 0
        /\ y \in 1..N

Inc(p) == x' = x + 1
Dec == x' = x - 1 /\ UNCHANGED y
Next == \/ Inc(1)
        \/ /\ Dec
           /\ x > 0
Spec == Init /\ [][Next]_vars /\ WF_vars(Next) /\ SF_<<x, y>>(Dec)
TypeOK == x \in Nat /\ y \in 1..N
Prec == 1 + 2 * 3 - 4 = -5 ^ 2
=============================================================================
Trailing text is ignored too.
