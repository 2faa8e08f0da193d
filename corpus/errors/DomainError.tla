------------------------------ MODULE DomainError ------------------------------
(* A function applied outside its domain in Next, at the third step: an    *)
(* evaluation error with the trace to the state being expanded (exit 75).  *)
EXTENDS Naturals

VARIABLES i, f

Init == i = 0 /\ f = [k \in 0..2 |-> k * k]

Next == /\ i' = i + 1
        /\ f' = [f EXCEPT ![0] = f[i + 1]]
=============================================================================
