---- MODULE UnexpectedToken ----
VARIABLE x
A == x +
B == IF x THEN 1
C == [x EXCEPT ![1] 2]
D == {1, 2
E == 1
F == x x
====
