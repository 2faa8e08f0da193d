----------------------------- MODULE InitViolation -----------------------------
(* One of the initial states violates the invariant: TLC reports it "by   *)
(* the initial state", with no trace header and no state-count summary.   *)
EXTENDS Naturals

VARIABLES x, y

Init == x \in 0..4 /\ y \in {"lo", "hi"}
Next == x' = x /\ y' = y

Inv == ~(x = 3 /\ y = "hi")
=============================================================================
