---- MODULE AllAssigned ----
(* Once every variable is assigned, TLC evaluates the rest of Init or of an action as a
   formula: however many ways it holds (an \E with several witnesses, a disjunction with
   both sides true, \A over an \E), it gives one state. Here each state has one successor. *)
EXTENDS Naturals
VARIABLES x, y
Init == /\ x \in {0, 1}
        /\ y = 0
        /\ \E i \in {1, 2, 3} : i > x
Next == /\ x' = 1 - x
        /\ y' = (y + 1) % 3
        /\ \/ x' = 0
           \/ y' # 5
        /\ \A i \in {1, 2} : \E j \in {1, 2} : j >= i
====
