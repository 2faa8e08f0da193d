------------------------------- MODULE AssumeOk -------------------------------
(* ASSUME statements that hold (named and unnamed), over cfg constants.    *)
EXTENDS Naturals, FiniteSets

CONSTANTS N, S

ASSUME N \in Nat /\ N > 1
ASSUME SizeOK == Cardinality(S) = N
ASSUME \A s \in S : s \in 1..10

VARIABLE x

Init == x \in S
Next == x' = (x % N) + 1

Inv == x \in 1..N \cup S
=============================================================================
