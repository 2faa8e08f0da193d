---- MODULE ForallOrder ----
(* In an action, the instances of \A are processed as a conjunction: the first instance,
   then the others from the last back to the second. Each instance assigns one variable
   here, so the order decides which successor is generated first, and so the trace TLC
   reports: x = 1, y = 3, z = 2. *)
EXTENDS Naturals
VARIABLES x, y, z
Init == x = 0 /\ y = 0 /\ z = 0
Next == /\ x = 0
        /\ \A i \in {1, 2, 3} : \/ x' = i
                                \/ y' = i
                                \/ z' = i
Inv == x = 0
====
