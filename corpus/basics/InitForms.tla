----------------------------- MODULE InitForms -----------------------------
(* Init built from \in, a disjunction and an existential; Next uses \E   *)
(* and UNCHANGED on a tuple. No deadlock: every state can stutter-free   *)
(* move because the walk wraps around.                                    *)
EXTENDS Naturals

VARIABLES x, y, z

Init == /\ x \in 1..3
        /\ \/ y = "a"
           \/ y = "b" /\ x > 1
        /\ \E k \in {10, 20} : z = k + x

Next == \/ /\ x' = (x % 3) + 1
           /\ UNCHANGED <<y, z>>
        \/ \E k \in {10, 20} : /\ z' = k + x
                               /\ UNCHANGED <<x, y>>

TypeOK == x \in 1..3 /\ y \in {"a", "b"} /\ z \in 11..23
=============================================================================
