---------------------------- MODULE DieHard ----------------------------
(* The jug puzzle: a 3-gallon and a 5-gallon jug, fill, empty, pour.   *)
(* The invariant "big # 4" is violated; the shortest trace has 7       *)
(* states. Covers: several action disjuncts, IF, arithmetic, UNCHANGED. *)
EXTENDS Naturals

VARIABLES small, big

Min(m, n) == IF m < n THEN m ELSE n

TypeOK == small \in 0..3 /\ big \in 0..5

Init == small = 0 /\ big = 0

FillSmall == small' = 3 /\ UNCHANGED big
FillBig == big' = 5 /\ UNCHANGED small
EmptySmall == small' = 0 /\ UNCHANGED big
EmptyBig == big' = 0 /\ UNCHANGED small

SmallToBig ==
  LET poured == Min(small, 5 - big)
  IN  /\ big' = big + poured
      /\ small' = small - poured

BigToSmall ==
  LET poured == Min(big, 3 - small)
  IN  /\ small' = small + poured
      /\ big' = big - poured

Next == \/ FillSmall \/ FillBig
        \/ EmptySmall \/ EmptyBig
        \/ SmallToBig \/ BigToSmall

NotSolved == big # 4
=========================================================================
