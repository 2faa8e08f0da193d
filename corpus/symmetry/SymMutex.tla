---- MODULE SymMutex ----
\* Three symmetric processes queue for a lock. SYMMETRY merges states that differ only by a
\* renaming of the processes (functions, sets and sequences over them).
EXTENDS Naturals, Sequences, FiniteSets, TLC
CONSTANTS Procs
VARIABLES pc, owner, waiting

Init == /\ pc = [p \in Procs |-> "idle"]
        /\ owner = {}
        /\ waiting = <<>>

Request(p) == /\ pc[p] = "idle"
              /\ pc' = [pc EXCEPT ![p] = "wait"]
              /\ waiting' = Append(waiting, p)
              /\ UNCHANGED owner

Enter(p) == /\ pc[p] = "wait"
            /\ owner = {}
            /\ waiting # <<>>
            /\ Head(waiting) = p
            /\ pc' = [pc EXCEPT ![p] = "cs"]
            /\ owner' = {p}
            /\ waiting' = Tail(waiting)

Exit(p) == /\ pc[p] = "cs"
           /\ pc' = [pc EXCEPT ![p] = "idle"]
           /\ owner' = {}
           /\ UNCHANGED waiting

Next == \E p \in Procs : Request(p) \/ Enter(p) \/ Exit(p)

Mutex == Cardinality(owner) <= 1

Sym == Permutations(Procs)
====
