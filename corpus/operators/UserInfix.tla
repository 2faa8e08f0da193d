------------------------------ MODULE UserInfix ------------------------------
(* User-defined infix operators (\oplus, ++, **, \prec) and their         *)
(* precedence: \oplus binds tighter than =, ++ and ** are set-valued.      *)
EXTENDS Naturals

a \oplus b == (a + b) % 5
a ++ b == a \cup b
a ** b == {<<x, y>> : x \in a, y \in b}
a \prec b == a < b

Cardinality2(S) == IF S = {} THEN 0 ELSE IF \E x, y \in S : x # y THEN 2 ELSE 1

VARIABLES v, w

Init == v = 0 /\ w = {}

Next == /\ v' = v \oplus 2
        /\ w' = IF Cardinality2(w) < 3 THEN w ++ {v} ELSE w

Inv == /\ v \oplus 0 = v
       /\ 1 \prec 2
       /\ {1} ** {2, 3} = {<<1, 2>>, <<1, 3>>}
       /\ w \subseteq 0..4
=============================================================================
