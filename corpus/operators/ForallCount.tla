---- MODULE ForallCount ----
(* \A in an action or in Init is the conjunction of its instances: each way an instance
   holds (here, each j of an \E) is a separate branch, and TLC counts every branch's
   state as generated, even when the set is constant. *)
EXTENDS Naturals
VARIABLES x, y
Init == /\ \A i \in {1, 2} : \E j \in {1, 2, 3} : j >= i
        /\ x = 0
        /\ y = 0
Next == /\ x < 2
        /\ \A i \in {1, 2} : \E j \in {x, x + 1, x + 2} : j >= i
        /\ x' = x + 1
        /\ \A i \in {} : y' = i
        /\ y' = y
====
