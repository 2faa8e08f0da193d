------------------------------ MODULE MathLib ------------------------------
(* Library module extended by ExtendsUser: operators and a LOCAL helper    *)
(* that must not be visible to the extending module.                        *)
EXTENDS Naturals

LOCAL Sq(x) == x * x
SumSq(a, b) == Sq(a) + Sq(b)
Max(a, b) == IF a > b THEN a ELSE b
Bound == 4
=============================================================================
