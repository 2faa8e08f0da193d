----------------------------- MODULE ChooseField -----------------------------
(* CHOOSE over the fields of a record: field names are identifiers, which   *)
(* TLC interns while parsing, in token order, so "zeta" (met first) comes   *)
(* before "alpha"; the number of states is the chosen field's weight.       *)
EXTENDS Naturals

VARIABLE n

Weight == [zeta |-> 3, alpha |-> 1, mid |-> 2]
First == CHOOSE f \in DOMAIN Weight : TRUE

Init == n = 0
Next == n < Weight[First] /\ n' = n + 1
=============================================================================
