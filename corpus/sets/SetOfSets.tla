------------------------------ MODULE SetOfSets ------------------------------
(* Init picks a partition-like family: each state is a set of sets drawn    *)
(* from SUBSET SUBSET; Next merges two members. Exercises sets of sets,     *)
(* equality of sets, \in on nested sets and set normalisation.              *)
EXTENDS Naturals, FiniteSets

VARIABLE blocks

Init == blocks \in {b \in SUBSET ((SUBSET (1..3)) \ {{}}) :
                      /\ UNION b = 1..3
                      /\ \A x, y \in b : x = y \/ x \cap y = {}}

Next == \E x, y \in blocks : /\ x # y
                             /\ blocks' = (blocks \ {x, y}) \cup {x \cup y}

Inv == UNION blocks = 1..3 /\ Cardinality(blocks) \in 1..3
=============================================================================
