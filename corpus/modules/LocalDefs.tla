------------------------------ MODULE LocalDefs ------------------------------
(* LOCAL definitions and LOCAL INSTANCE: Sequences is instantiated        *)
(* locally, so its operators are usable here but not exported.             *)
LOCAL INSTANCE Naturals
LOCAL INSTANCE Sequences
LOCAL Double(n) == 2 * n

VARIABLE s

Init == s = <<1>>
Next == Len(s) < 4 /\ \E k \in {1, 2} : s' = Append(s, Double(k) + (s[Len(s)] % 3))

Inv == \A i \in 1..Len(s) : s[i] \in 1..6
=============================================================================
