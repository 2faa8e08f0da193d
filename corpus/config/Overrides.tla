------------------------------ MODULE Overrides ------------------------------
(* cfg substitutions with <-: a constant replaced by a definition          *)
(* (N <- MCN), an operator replaced by another (Bound <- MCBound), and a   *)
(* set constant given an ordinary value (Vals = {..}).                      *)
EXTENDS Naturals

CONSTANTS N, Vals

Bound == 100          \* overridden in the cfg: the checked bound is MCBound
MCN == 3
MCBound == N + 1

VARIABLES x, hist

Init == x \in Vals /\ hist = {}

Next == /\ x < Bound
        /\ \E v \in Vals : x' = x + v
        /\ hist' = hist \cup {x % N}

Inv == x <= Bound + 2 /\ hist \subseteq 0..(N - 1)
=============================================================================
