---- MODULE Brackets ----
A == (1 + 2
B == [a |-> 1, b]
C == <<1, 2
D == f[1
E == [x \in S : 1]
F == 6
====
