---- MODULE Proofs ----
EXTENDS Naturals
CONSTANT N
ASSUME NAssumption == N \in Nat
ASSUMPTION N > 0
AXIOM TRUE
VARIABLE x
Init == x = 0
Next == x' = x + 1
Inv == x \in Nat

THEOREM Safety == Init /\ [][Next]_x => []Inv
<1>1. Init => Inv
  BY DEF Init, Inv
<1>2. Inv /\ [Next]_x => Inv'
  <2>1. SUFFICES ASSUME Inv, [Next]_x
                 PROVE  Inv'
    OBVIOUS
  <2>2. CASE Next
    BY <2>1 DEF Next
  <2>a. PICK y \in Nat : y = x
    OMITTED
  <2> DEFINE z == 1
             w == 2
  <2>3. QED
    BY <2>1, <2>2
<1>3. QED
  PROOF BY <1>1, <1>2, PTL DEF Init

AfterTheorem == 1

LEMMA Simple == TRUE
OBVIOUS

LEMMA Assumed ==
  ASSUME NEW n \in Nat,
         NEW CONSTANT c
  PROVE  n + 0 = n
PROOF
  <1> TAKE m \in Nat
  <1> WITNESS 1 \in Nat
  <1> HAVE m = m
  <1> QED OBVIOUS

USE DEF Init, Next
HIDE DEF Next

PROPOSITION N + 0 = N
COROLLARY Named == N = N BY DEF Init

AfterCorollary == 2

THEOREM Unproved == TRUE
ASSUME N >= 0
LastDef == 3
------------------------------------------------------------
Separated == 4
====
