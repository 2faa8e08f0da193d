---------------------------- MODULE ChooseLiteral ----------------------------
(* CHOOSE over string literals that are no identifier anywhere: TLC interns *)
(* them during semantic analysis in source order, so "pear" (first in the   *)
(* text) is chosen, then "fig"; the count is the chosen string's weight.    *)
EXTENDS Naturals

VARIABLE n

W(s) == CASE s = "pear" -> 2 [] s = "fig" -> 4 [] s = "apple" -> 1
Fruit == {"fig", "apple"} \cup {"pear"}

Init == n = 0
Next == n < W(CHOOSE f \in Fruit : TRUE) + W(CHOOSE f \in Fruit \ {"pear"} : TRUE)
        /\ n' = n + 1
=============================================================================
