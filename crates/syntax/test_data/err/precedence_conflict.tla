---- MODULE PrecedenceConflict ----
A == 1 = 2 = 3
B == {1} \cup {2} \cap {3}
C == 1 + 2 * 3
====
