----------------------------- MODULE Functions -----------------------------
(* Functions: [x \in S |-> e], [S -> T] in Init, DOMAIN, application,     *)
(* EXCEPT with @, EXCEPT on several keys, functions as values in sets.     *)
EXTENDS Naturals

VARIABLES f, g

Init == /\ f \in [1..3 -> 0..2]
        /\ g = [x \in {"a", "b"} |-> 0]

Next == \/ \E i \in DOMAIN f : /\ f[i] < 2
                               /\ f' = [f EXCEPT ![i] = @ + 1]
                               /\ UNCHANGED g
        \/ /\ \A i \in DOMAIN f : f[i] = 2
           /\ f' = [i \in DOMAIN f |-> 0]
           /\ g' = [g EXCEPT !["a"] = (@ + 1) % 2, !["b"] = @ + g["a"]]
           /\ g["b"] < 3

Inv == /\ DOMAIN f = 1..3
       /\ f \in [1..3 -> 0..2]
       /\ DOMAIN g = {"a", "b"}
       /\ [f EXCEPT ![1] = 7][1] = 7
=============================================================================
