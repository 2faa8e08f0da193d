------------------------------ MODULE Unassigned ------------------------------
(* One disjunct of Next forgets to assign y: TLC reports that the successor *)
(* is not completely specified (exit 75).                                    *)
EXTENDS Naturals

VARIABLES x, y

Init == x = 0 /\ y = 0
Next == \/ x < 2 /\ x' = x + 1 /\ y' = y
        \/ x = 2 /\ x' = 0
=============================================================================
