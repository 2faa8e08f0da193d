-------------------------------- MODULE Proofs --------------------------------
(* EXTENDS TLAPS, with THEOREMs, LEMMAs and structured proofs in the spec: *)
(* a model checker parses and ignores proofs, and checks the model.        *)
EXTENDS Naturals, TLAPS

VARIABLE x

Init == x = 0
Next == x' = (x + 1) % 4
Spec == Init /\ [][Next]_x

TypeOK == x \in 0..3

LEMMA ModBound == \A n \in Nat : n % 4 \in 0..3
  BY SMT

THEOREM TypeInvariant == Spec => []TypeOK
<1>1. Init => TypeOK
  BY DEF Init, TypeOK
<1>2. TypeOK /\ [Next]_x => TypeOK'
  <2>1. SUFFICES ASSUME TypeOK, [Next]_x PROVE TypeOK'
    OBVIOUS
  <2>2. CASE Next
    BY <2>2, ModBound DEF Next, TypeOK
  <2>3. CASE UNCHANGED x
    BY <2>3 DEF TypeOK
  <2>4. QED
    BY <2>2, <2>3
<1>3. QED
  BY <1>1, <1>2, PTL DEF Spec
=============================================================================
