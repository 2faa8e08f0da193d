---- MODULE Instances ----
EXTENDS Naturals
CONSTANTS N, Plus(_, _), _ ** _, -. _
VARIABLES x

---- MODULE Inner ----
CONSTANT K
VARIABLE v
Get == v + K
a (+) b == a + b
====

INSTANCE Inner WITH K <- N, v <- x
I == INSTANCE Inner WITH K <- 1, v <- x
P(k) == INSTANCE Inner WITH K <- k, v <- x
LOCAL L == INSTANCE Inner WITH K <- 2, v <- x
LOCAL INSTANCE Naturals
J == INSTANCE Ops WITH + <- Plus, - <- Minus, \cup <- U

Use == I!Get + P(3)!Get + I!(+)(1, 2)
Nested == A!B!C(1)
Selector == Use!1 /\ Use!:

RECURSIVE Fact(_), Fib
Fact(n) == IF n = 0 THEN 1 ELSE n * Fact(n - 1)
Fib == 1

a ++ b == a + b
a ^+ == a
-. a == 0 - a
LOCAL Hidden == 1
LOCAL h[i \in 1..2] == i
Twice(F(_), v) == F(F(v))
Infix(_ + _, a, b) == a + b
====
