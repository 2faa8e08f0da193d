---- MODULE ArgBinders ----
(* Operator arguments that bind names of their own (EXCEPT's @, quantifiers, set filters),  *)
(* passed after an ordinary argument: each must see its own bound value, not the arguments *)
(* evaluated before it.                                                                     *)
EXTENDS Naturals
VARIABLE r
Pair(a, b) == <<a, b>>
Init == r = [n |-> 0, m |-> 10]
Next == /\ r.n < 3
        /\ r' = Pair("x", [r EXCEPT !.n = @ + 1, !.m = @ - 1])[2]
        /\ Pair(r.n, \E k \in {1, 2} : k > r.n)[2] \/ r.n >= 2
        /\ Pair("y", {k \in 0..5 : k > r.n})[2] # {}
Inv == r.n + r.m = 10
====
