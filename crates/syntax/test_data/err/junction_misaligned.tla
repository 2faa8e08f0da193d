---- MODULE JunctionMisaligned ----
VARIABLES x, y
Init == /\ x = 0
       /\ y = 0
Bad == /\ x = 0
     /\ = 1
====
