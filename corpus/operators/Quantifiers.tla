---------------------------- MODULE Quantifiers ----------------------------
(* \A and \E with several bound variables, over sets of tuples, nested     *)
(* quantifiers, quantifiers over empty sets, \E with tuple patterns.        *)
(* Edges are added until a 3-cycle appears: Acyclic3 fails at depth 4.      *)
EXTENDS Naturals

VARIABLE g   \* a directed graph on 1..3 as a set of edges

Nodes == 1..3

Init == g = {}

Next == \E a, b \in Nodes : /\ a # b
                            /\ <<a, b>> \notin g
                            /\ ~\E <<x, y>> \in g : x = b /\ y = a
                            /\ g' = g \cup {<<a, b>>}

Acyclic3 == ~\E a, b, c \in Nodes : {<<a, b>>, <<b, c>>, <<c, a>>} \subseteq g

Inv == /\ \A <<x, y>> \in g : x # y
       /\ \A e \in {} : FALSE
       /\ ~\E e \in {} : TRUE
       /\ \A x \in Nodes : \E y \in Nodes \cup {0} : <<x, y>> \notin g
=============================================================================
