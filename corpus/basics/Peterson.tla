------------------------------- MODULE Peterson -------------------------------
(* Peterson's mutual exclusion for two processes, written with explicit    *)
(* program counters. Mutual exclusion holds; no deadlock.                  *)
EXTENDS Naturals

VARIABLES flag, turn, pc

Other(p) == 3 - p

Init == /\ flag = [p \in {1, 2} |-> FALSE]
        /\ turn \in {1, 2}
        /\ pc = [p \in {1, 2} |-> "idle"]

SetFlag(p) == /\ pc[p] = "idle"
              /\ flag' = [flag EXCEPT ![p] = TRUE]
              /\ pc' = [pc EXCEPT ![p] = "turn"]
              /\ UNCHANGED turn

GiveTurn(p) == /\ pc[p] = "turn"
               /\ turn' = Other(p)
               /\ pc' = [pc EXCEPT ![p] = "wait"]
               /\ UNCHANGED flag

Enter(p) == /\ pc[p] = "wait"
            /\ ~flag[Other(p)] \/ turn = p
            /\ pc' = [pc EXCEPT ![p] = "cs"]
            /\ UNCHANGED <<flag, turn>>

Exit(p) == /\ pc[p] = "cs"
           /\ flag' = [flag EXCEPT ![p] = FALSE]
           /\ pc' = [pc EXCEPT ![p] = "idle"]
           /\ UNCHANGED turn

Next == \E p \in {1, 2} : SetFlag(p) \/ GiveTurn(p) \/ Enter(p) \/ Exit(p)

MutualExclusion == ~(pc[1] = "cs" /\ pc[2] = "cs")
=============================================================================
