------------------------------- MODULE AssertFail -------------------------------
(* Assert fails inside Next after three steps: TLC reports the message     *)
(* and the trace up to the state being expanded (exit code 14).             *)
EXTENDS Naturals, TLC

VARIABLES x, y

Init == x = 0 /\ y \in {0, 1}

Next == /\ Assert(x + y < 4, <<"x + y too large", x, y>>)
        /\ x' = x + 1
        /\ y' = y
=============================================================================
