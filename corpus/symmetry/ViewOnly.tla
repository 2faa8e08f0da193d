---- MODULE ViewOnly ----
\* VIEW without SYMMETRY: states with the same view count once; the history variable is
\* carried along but does not tell states apart.
EXTENDS Naturals, Sequences, TLC
VARIABLES x, hist

Init == x = 0 /\ hist = <<>>

Next == /\ Len(hist) < 6
        /\ \/ x' = (x + 1) % 3
           \/ x' = (x + 2) % 3
        /\ hist' = Append(hist, x)

View == [val |-> x, parity |-> Len(hist) % 2]

Inv == Len(hist) < 5
====
