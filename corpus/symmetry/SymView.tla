---- MODULE SymView ----
\* VIEW with SYMMETRY: TLC evaluates the view in the state's representative (the least
\* symmetric image of the whole state), not the least view over all images. Here the view
\* keeps y and n: <<a, a>> and <<a, b>> have representatives with different y.
EXTENDS Naturals, TLC
CONSTANTS S
VARIABLES x, y, n

Init == /\ x \in S
        /\ y \in S
        /\ n = 0

Next == /\ n < 2
        /\ x' \in S
        /\ y' \in S
        /\ n' = n + 1

View == <<y, n>>

Sym == Permutations(S)
====
