------------------------------- MODULE LetMemo -------------------------------
(* LET definitions used more than once, inside recursion, quantifiers and    *)
(* actions, whose values depend on the state and on bound variables: a value *)
(* remembered for one state or one binding must not leak into another.       *)
EXTENDS Naturals
VARIABLES x, y
RECURSIVE Tri(_)
Tri(n) == IF n = 0 THEN 0 ELSE LET t == Tri(n - 1) IN t + n + (t - t) + x
Init == x = 0 /\ y = 0
Next == \/ /\ x < 3
           /\ x' = x + 1
           /\ y' = LET t == Tri(x) IN (t + t) % 5
        \/ /\ y < 4
           /\ y' = y + 1
           /\ x' = x
Inv == /\ Tri(x) = (x * (x + 1)) \div 2 + x * x
       /\ \A i \in 0..3 : LET v == Tri(i) IN v = (i * (i + 1)) \div 2 + i * x /\ v >= i
       /\ \A i \in 1..3 : LET k == i * x + y IN k >= y /\ k - y = i * x
       /\ LET w == x + y IN w - y = x
Small == x + y <= 7
==============================================================================
