---- MODULE SymTooSmall ----
\* A symmetry set with one element: TLC warns and checks without reduction.
EXTENDS Naturals, TLC
CONSTANTS Procs, Other
VARIABLES who, n

Init == who = Other /\ n = 0
Next == n < 3 /\ who' \in Procs \cup {Other} /\ n' = n + 1

Sym == Permutations(Procs)
====
