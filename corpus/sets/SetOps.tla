------------------------------- MODULE SetOps -------------------------------
(* Set expressions: enumeration, intervals, filter {x \in S : P}, map      *)
(* {e : x \in S}, \cup \cap \ \subseteq, SUBSET, UNION, \X, Cardinality.   *)
(* The state is a subset of 1..4 plus a derived pair set.                 *)
EXTENDS Naturals, FiniteSets

VARIABLES s, t

Universe == 1..4

Init == s = {} /\ t \in {{1}, {2, 3}}

Next == \/ \E e \in Universe \ s : s' = s \cup {e} /\ t' = {x \in t : x # e}
        \/ \E sub \in SUBSET s : /\ Cardinality(sub) = 2
                                 /\ s' = s \ sub
                                 /\ t' = t \cup {m \div 2 : m \in sub}
        \/ s = Universe /\ s' = {} /\ t' = UNION {{x, x + 1} : x \in t}

Inv == /\ s \subseteq Universe
       /\ Cardinality(s \X t) = Cardinality(s) * Cardinality(t)
       /\ s \cap {} = {}
       /\ {<<1, 2>>} \subseteq (1..2) \X (2..3)
       /\ Cardinality(SUBSET s) = 2^Cardinality(s)
       /\ UNION {{1}, {2, 3}, {}} = 1..3
       /\ t \subseteq 0..8
=============================================================================
