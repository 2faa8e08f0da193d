---------------------------- MODULE InvariantError ----------------------------
(* The invariant itself fails to evaluate (sequence index out of range) in  *)
(* a reachable state at depth 3.                                            *)
EXTENDS Naturals, Sequences

VARIABLE s

Init == s = <<1, 2, 3>>
Next == Len(s) > 0 /\ s' = Tail(s)

Inv == s[1] > 0 \/ Len(s) < 2
=============================================================================
