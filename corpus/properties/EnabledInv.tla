------------------------------- MODULE EnabledInv -------------------------------
(* ENABLED in an invariant: some process can always move, and process 1's  *)
(* Acquire is enabled exactly when the lock is free (holds). The second   *)
(* invariant, SomeoneCanWant, fails once both processes want (depth 3).    *)
EXTENDS Naturals

VARIABLES lock, want

Procs == {1, 2}

Init == lock = 0 /\ want = [p \in Procs |-> FALSE]

Want(p) == /\ ~want[p]
           /\ want' = [want EXCEPT ![p] = TRUE]
           /\ UNCHANGED lock
Acquire(p) == /\ want[p] /\ lock = 0
              /\ lock' = p
              /\ UNCHANGED want
Release(p) == /\ lock = p
              /\ lock' = 0
              /\ want' = [want EXCEPT ![p] = FALSE]

Next == \E p \in Procs : Want(p) \/ Acquire(p) \/ Release(p)

FreeIffEnabled == want[1] => ((lock = 0) <=> ENABLED Acquire(1))
SomeoneCanWant == ENABLED (\E p \in Procs : Want(p))
=============================================================================
