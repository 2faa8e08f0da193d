---- MODULE Precedence ----
EXTENDS Naturals
VARIABLE x

Arith == 1 + 2 * 3 - 4 \div 2 /\ 7 % 3 = 1
Minus == -x + -1 - - 2
Power == -2 ^ 2
LeftAssoc == 1 + 2 + 3 - 4 - 5
Range == 1 .. x + 1
Compare == x + 1 =< 2 * x
Neg == ~ x = 1 /\ ~(x > 2)
Impl == x = 1 => x > 0 <=> TRUE
Sets == ({1} \cup {2}) \ {3}
SetOps == SUBSET {1} \ {{}}
Union == UNION {{1}} \cup {2}
Dom == DOMAIN <<1>> \cup {3}
Prime == x' + (x + 1)' = x''
Postfix == x^+ \cup x^*
Field == x.a.b[1, 2].c
Times == Nat \X Nat \X BOOLEAN
Synonyms == x \leq 1 /\ x <= 1 /\ x =< 1 /\ x /= 2 /\ x # 2 /\ \lnot TRUE /\ \neg FALSE
Circ == (x \circ x) \o x
Equiv == (x \equiv x) /\ (x <=> x)
MoreSyn == ({1} \union {2}) \intersect {3} \intersect {4}
Seq == <<1>> \o <<2>>
Colon == x :> 1 @@ x :> 2
====
