---- MODULE Declarations ----
CONSTANTS N, F(_, x)
VARIABLES 1
EXTENDS Naturals
INSTANCE WITH a <- 1
G(a, == 2
H == 3
====
