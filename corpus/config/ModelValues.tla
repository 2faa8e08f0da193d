----------------------------- MODULE ModelValues -----------------------------
(* Model values from the cfg: a set of them (Procs = {p1, p2, p3}) and a  *)
(* single one (NoOwner = NoOwner). Model values are equal only to         *)
(* themselves; comparing one with a number is an error in TLC, so the spec *)
(* only compares them with each other.                                      *)
CONSTANTS Procs, NoOwner

VARIABLES owner, waiting

Init == owner = NoOwner /\ waiting = {}

Request(p) == /\ p # owner
              /\ p \notin waiting
              /\ waiting' = waiting \cup {p}
              /\ UNCHANGED owner

Grant(p) == /\ owner = NoOwner
            /\ p \in waiting
            /\ owner' = p
            /\ waiting' = waiting \ {p}

Release == /\ owner # NoOwner
           /\ owner' = NoOwner
           /\ UNCHANGED waiting

Next == Release \/ \E p \in Procs : Request(p) \/ Grant(p)

Inv == /\ owner \in Procs \cup {NoOwner}
       /\ owner \notin waiting
       /\ NoOwner \notin Procs
=============================================================================
