-------------------------------- MODULE BagsOps --------------------------------
(* The Bags module: EmptyBag, SetToBag, (+), (-), BagIn, CopiesIn,         *)
(* BagToSet, BagCardinality, \sqsubseteq, IsABag, BagOfAll.                 *)
EXTENDS Naturals, Bags

VARIABLE bag

Items == {"a", "b"}
Twin(x) == <<x, x>>

Init == bag = EmptyBag

Next == \/ \E i \in Items : /\ CopiesIn(i, bag) < 2
                            /\ bag' = bag (+) SetToBag({i})
        \/ \E i \in Items : /\ BagIn(i, bag)
                            /\ bag' = bag (-) SetToBag({i})

Inv == /\ IsABag(bag)
       /\ BagToSet(bag) \subseteq Items
       /\ BagCardinality(bag) <= 4
       /\ EmptyBag \sqsubseteq bag
       /\ BagCardinality(BagOfAll(Twin, bag)) = BagCardinality(bag)
=============================================================================
