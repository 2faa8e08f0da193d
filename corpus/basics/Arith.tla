------------------------------- MODULE Arith -------------------------------
(* Integer arithmetic: + - * \div % ^, unary minus, comparisons, ranges   *)
(* with negative bounds. The invariant checks identities of \div and %    *)
(* (floor division, modulus in 0..b-1; TLC requires b > 0 for both).      *)
EXTENDS Integers

VARIABLES a, b, s

Init == a \in -4..4 /\ b \in {2, 3} /\ s \in {-1, 1}

Next == \/ a \in -5..5 /\ a' = a + s * b /\ UNCHANGED <<b, s>>
        \/ a > -6 /\ a' = a - 1 /\ s' = -s /\ UNCHANGED b
        \/ a' = ((a * b) % 7) - 3 /\ UNCHANGED <<b, s>>

Laws == /\ a = (a \div b) * b + (a % b)
        /\ a % b \in 0..(b - 1)
        /\ 2^3 = 8 /\ (-2)^3 = -8 /\ (-7) \div 2 = -4 /\ (-7) % 2 = 1 /\ -7 \div 2 = -3
        /\ -(-a) = a /\ a - -1 = a + 1
        /\ a \in -12..12
=============================================================================
