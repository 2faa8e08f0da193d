------------------------------ MODULE Constraint ------------------------------
(* CONSTRAINT: successors violating it are generated but neither counted  *)
(* as distinct nor explored. Unbounded walk on a grid, cut at x + y <= 4.   *)
EXTENDS Naturals

VARIABLES x, y

Init == x = 0 /\ y = 0

Next == \/ x' = x + 1 /\ UNCHANGED y
        \/ y' = y + 1 /\ UNCHANGED x
        \/ x > 0 /\ y > 0 /\ x' = x - 1 /\ y' = y - 1

Small == x + y <= 4
Inv == x + y <= 5   \* also checked on the cut-off successors (x + y = 5)
=============================================================================
