------------------------------- MODULE PrimedIn -------------------------------
(* Nondeterministic assignment with x' \in S in Next (over an interval,   *)
(* a set of records and SUBSET), mixed with x' = e in other disjuncts.     *)
EXTENDS Naturals

VARIABLES x, r, s

Init == x = 0 /\ r = [tag |-> "a", n |-> 0] /\ s = {}

Next == \/ /\ x < 3
           /\ x' \in (x + 1)..3
           /\ UNCHANGED <<r, s>>
        \/ /\ r' \in [tag : {"a", "b"}, n : {x}]
           /\ UNCHANGED <<x, s>>
        \/ /\ s' \in SUBSET {x, r.n}
           /\ UNCHANGED <<x, r>>

TypeOK == x \in 0..3 /\ r.n \in 0..3 /\ s \subseteq 0..3
=============================================================================
