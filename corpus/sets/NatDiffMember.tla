---- MODULE NatDiffMember ----
(* Membership of a state value in infinite constant sets built from Nat and Int: the sets *)
(* must be tested lazily, never enumerated.                                                *)
EXTENDS Integers
VARIABLE x
Init == x = 1
Next == x' = IF x < 6 THEN x + 1 ELSE -1
TypeOK == /\ x \in Int \ {0}
          /\ x \in (Nat \ {0}) \cup {-1}
          /\ x \in {n \in Int : n # 7}
          /\ <<x, x>> \in Int \X (Int \ {0})
====
