---------------------------- MODULE HigherOrder ----------------------------
(* Operators taking operator arguments, LAMBDA arguments, an operator      *)
(* passed on through two levels, and a higher-order fold.                   *)
EXTENDS Naturals, Sequences

RECURSIVE Fold(_, _, _)
Fold(Op(_, _), acc, s) == IF s = <<>> THEN acc ELSE Fold(Op, Op(acc, Head(s)), Tail(s))
Map(F(_), s) == [i \in DOMAIN s |-> F(s[i])]
Twice(F(_), x) == F(F(x))
Apply(G(_, _), F(_), x) == G(F(x), x)
Add(a, b) == a + b
Inc(x) == x + 1

VARIABLE v

Init == v \in {<<1>>, <<2, 1>>}
Next == /\ Len(v) < 4
        /\ v' = Append(Map(LAMBDA x : x % 3, v), Twice(Inc, Fold(Add, 0, v)) % 4)

Inv == /\ Fold(Add, 0, v) <= 12
       /\ Fold(LAMBDA a, b : a * b, 1, <<2, 3>>) = 6
       /\ Apply(LAMBDA a, b : a - b, Inc, 5) = 1
       /\ Apply(Add, LAMBDA x : 2 * x, 3) = 9
=============================================================================
