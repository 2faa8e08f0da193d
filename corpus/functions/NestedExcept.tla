---------------------------- MODULE NestedExcept ----------------------------
(* Nested EXCEPT paths: ![p][q], !.field[k], ![p].field with @, and a     *)
(* function of records of functions.                                       *)
EXTENDS Naturals

VARIABLES m, r

Init == /\ m = [p \in 1..2 |-> [q \in 1..2 |-> 0]]
        /\ r = [p \in 1..2 |-> [cnt |-> 0, hist |-> [k \in 0..1 |-> FALSE]]]

Next == \E p, q \in 1..2 :
          /\ m[p][q] < 2
          /\ m' = [m EXCEPT ![p][q] = @ + 1]
          /\ r' = [r EXCEPT ![p].cnt = (@ + 1) % 2,
                            ![p].hist[m[p][q] % 2] = TRUE]

Inv == /\ \A p \in 1..2 : r[p].cnt \in 0..1
       /\ [m EXCEPT ![1][2] = 9][1][2] = 9
       /\ [r EXCEPT ![1].hist[0] = 5][1].hist[0] = 5
=============================================================================
