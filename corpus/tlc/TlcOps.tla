-------------------------------- MODULE TlcOps --------------------------------
(* TLC module operators: :> and @@ to build functions, Permutations,       *)
(* SortSeq, ToString, Print (prints and returns its second argument),      *)
(* PrintT, and Assert that holds.                                           *)
EXTENDS Naturals, Sequences, TLC

VARIABLES perm, step

Init == /\ perm \in Permutations(1..3)
        /\ step = 0

Next == /\ step < 2
        /\ step' = step + 1
        /\ perm' = (1 :> perm[2]) @@ (2 :> perm[1]) @@ perm
        /\ Assert(perm[1] \in 1..3, "perm out of range")

Sorted == SortSeq(<<perm[3], perm[1], perm[2]>>, LAMBDA a, b : a < b)

Inv == /\ Sorted = <<1, 2, 3>>
       /\ ToString(perm[1]) \in {"1", "2", "3"}
       /\ (1 :> "a" @@ 2 :> "b")[2] = "b"
       /\ ("k" :> 1 @@ "k" :> 2)["k"] = 1
       /\ Print("checked", TRUE)
=============================================================================
