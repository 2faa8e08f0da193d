---- MODULE SymMutexBug ----
\* Entering does not wait for the lock to be free: the invariant fails, and the trace shows
\* the states as they were generated, not their symmetric representatives.
EXTENDS Naturals, FiniteSets, TLC
CONSTANTS Procs
VARIABLES pc, owner

Init == /\ pc = [p \in Procs |-> "idle"]
        /\ owner = {}

Request(p) == /\ pc[p] = "idle"
              /\ pc' = [pc EXCEPT ![p] = "wait"]
              /\ UNCHANGED owner

Enter(p) == /\ pc[p] = "wait"
            /\ pc' = [pc EXCEPT ![p] = "cs"]
            /\ owner' = owner \cup {p}

Exit(p) == /\ pc[p] = "cs"
           /\ pc' = [pc EXCEPT ![p] = "idle"]
           /\ owner' = owner \ {p}

Next == \E p \in Procs : Request(p) \/ Enter(p) \/ Exit(p)

Mutex == Cardinality(owner) <= 1

Sym == Permutations(Procs)
====
