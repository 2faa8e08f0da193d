---- MODULE Control ----
EXTENDS Naturals
CONSTANT S
VARIABLE x

If == IF x > 0 THEN 1 ELSE IF x < 0 THEN -1 ELSE 0
Case == CASE x = 1 -> "one"
          [] x = 2 -> "two"
          [] OTHER -> "many"
CaseNoOther == CASE x = 1 -> 1 [] x = 2 -> 2
Let == LET a == 1
           b(y) == y + a
           c[i \in S] == i
           RECURSIVE d(_)
           d(n) == IF n = 0 THEN 0 ELSE d(n - 1)
       IN  a + b(2) + c[1] + d(3)
Choose == CHOOSE y \in S : y > 1
ChooseUnbounded == CHOOSE y : y \in S
ChooseTuple == CHOOSE <<a, b>> \in S \X S : a = b
Forall == \A a \in S, b \in S : a = b
Exists == \E a, b \in S, c \in S : a = c
Unbounded == \A a, b : a = b
TupleBound == \E <<a, b>> \in S \X S : a # b
Map(Op(_), y) == Op(y)
UseLambda == Map(LAMBDA z : z + 1, 2)
UseName == Map(Choose2, 1)
Choose2(q) == q
FoldPlus == Map2(+, 1)
Map2(Op(_, _), y) == Op(y, y)
Label == lab :: x > 0
LabelArgs == \A i \in S : p(i) :: i > 0
====
