---- MODULE BadCharacters ----
A == 1 ? 2
B == \foo 3
C == "bad \q escape"
D == 2 ` 3
E == 5
====
