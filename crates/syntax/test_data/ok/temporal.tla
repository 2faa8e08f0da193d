---- MODULE Temporal ----
VARIABLES x, y
vars == <<x, y>>
A == x' = x
Spec == x = 0 /\ [][A]_vars /\ WF_vars(A) /\ SF_<<x, y>>(A) /\ WF_x(A)
Angle == <<A>>_vars /\ <<A>>_<<x, y>> /\ [A]_(x)
Leads == [](x = 0) ~> <>(x = 1)
Always == []<>(x = 1) /\ <>[](x = 2)
Enabled == ENABLED A /\ ENABLED <<A>>_x
Unchanged == UNCHANGED <<x, y>> /\ UNCHANGED x
Hiding == \EE z : z = x
ForallT == \AA z : z = x
Plus == x -+-> y
====
