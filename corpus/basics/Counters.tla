------------------------------- MODULE Counters -------------------------------
(* A larger state space (7^5 = 16807 states): five bounded counters, each   *)
(* incremented on its own or decremented together with its neighbour.       *)
EXTENDS Naturals

CONSTANTS N, Max
VARIABLE c

P == 1..N

Init == c = [p \in P |-> 0]

Next == \/ \E p \in P : c[p] < Max /\ c' = [c EXCEPT ![p] = @ + 1]
        \/ \E p \in P : LET q == (p % N) + 1
                        IN  /\ c[p] > 0 /\ c[q] > 0
                            /\ c' = [c EXCEPT ![p] = @ - 1, ![q] = @ - 1]

TypeOK == c \in [P -> 0..Max]
=============================================================================
