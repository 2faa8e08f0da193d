---- MODULE SetsFunctions ----
EXTENDS Naturals
CONSTANT S
VARIABLES f, r

Empty == {}
Enum == {1, 2, 3}
Filter == {x \in S : x > 1}
TupleFilter == {<<a, b>> \in S \X S : a < b}
Map == {x + y : x \in S, y \in 1..2}
MapShared == {<<x, y>> : x, y \in S}
EnumOfMembership == {x \in S}
Tup == <<>>
Tup2 == <<1, "a", TRUE>>
Rec == [a |-> 1, b |-> {2}]
RecSet == [a : S, b : BOOLEAN]
Fn == [x \in S |-> x + 1]
Fn2 == [x, y \in S, z \in 1..3 |-> x + y + z]
FnTuple == [<<a, b>> \in S \X S |-> a]
FnSet == [S -> BOOLEAN]
App == f[1] + f[1, 2] + f[<<1, 2>>]
Dot == r.a + r.b.c
Except == [f EXCEPT ![1] = 2, ![2] = @ + 1]
ExceptPath == [r EXCEPT !.a[1].b = @, !["k"] = 0]
ExceptTuple == [f EXCEPT ![1, 2] = 3]
fact[n \in Nat] == IF n = 0 THEN 1 ELSE n * fact[n - 1]
grid[i, j \in 1..3] == i + j
====
