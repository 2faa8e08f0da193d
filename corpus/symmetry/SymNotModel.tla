---- MODULE SymNotModel ----
\* A symmetry set must permute model values; permuting integers is a configuration error.
EXTENDS Naturals, TLC
VARIABLES x

Init == x \in {1, 2}
Next == x' \in {1, 2}

Sym == Permutations({1, 2})
====
