---------------------------- MODULE ChooseCounts ----------------------------
(* CHOOSE is deterministic: the same set always yields the same element.   *)
(* Here the chosen element decides the successor, so the number of         *)
(* distinct states depends on which element TLC's CHOOSE returns (TLC: the *)
(* first satisfying element in its canonical order of the set).            *)
EXTENDS Naturals, Sequences

VARIABLES pool, picked

Init == pool = 1..6 /\ picked = <<>>

Next == /\ pool # {}
        /\ \E parity \in {0, 1} :
             LET cands == {x \in pool : x % 2 = parity}
                 c == CHOOSE x \in cands : TRUE
             IN  /\ cands # {}
                 /\ pool' = pool \ {c}
                 /\ picked' = picked \o <<c>>

StrChoice == CHOOSE s \in {"b", "a", "c"} : TRUE
RecChoice == CHOOSE r \in [a : {1, 2}, b : {"x", "y"}] : r.a = 2

Inv == /\ StrChoice \in {"a", "b", "c"}
       /\ RecChoice.a = 2
       /\ (CHOOSE x \in 1..10 : x > 3) = (CHOOSE x \in 1..10 : x > 3)
=============================================================================
