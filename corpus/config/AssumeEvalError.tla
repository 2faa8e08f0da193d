---- MODULE AssumeEvalError ----
EXTENDS Naturals
ASSUME 1 + "a" = 2
VARIABLE x
Init == x = 0
Next == x' = x
====
