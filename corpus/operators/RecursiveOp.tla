---------------------------- MODULE RecursiveOp ----------------------------
(* RECURSIVE operators: a sum over a sequence, set-based recursion and a   *)
(* mutually recursive pair (declared together).                             *)
EXTENDS Naturals, Sequences

RECURSIVE SumSeq(_), SetMax(_), IsEven(_), IsOdd(_)
SumSeq(s) == IF s = <<>> THEN 0 ELSE Head(s) + SumSeq(Tail(s))
SetMax(S) == IF S = {} THEN 0
             ELSE LET x == CHOOSE y \in S : TRUE
                      m == SetMax(S \ {x})
                  IN  IF x > m THEN x ELSE m
IsEven(n) == IF n = 0 THEN TRUE ELSE IsOdd(n - 1)
IsOdd(n) == IF n = 0 THEN FALSE ELSE IsEven(n - 1)

VARIABLE s

Init == s = <<>>
Next == /\ SumSeq(s) < 7
        /\ \E k \in 1..3 : s' = Append(s, k)

Inv == /\ SumSeq(s) <= 9
       /\ SetMax({s[i] : i \in DOMAIN s}) <= 3
       /\ IsEven(SumSeq(s)) # IsOdd(SumSeq(s))
=============================================================================
