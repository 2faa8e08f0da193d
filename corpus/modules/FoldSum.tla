------------------------------- MODULE FoldSum -------------------------------
(* MapThenFoldSet from a module named Folds: sums, an order-sensitive fold    *)
(* into a sequence, and a fold whose choice is not the least element. The    *)
(* state records fold results, so the counts depend on them.                 *)
EXTENDS Naturals, Sequences
LOCAL INSTANCE Folds
VARIABLES x, log
Sum(f, S) == MapThenFoldSet(LAMBDA a, b : a + b, 0, LAMBDA i : f[i],
                            LAMBDA s : CHOOSE e \in s : TRUE, S)
ToSeq(S) == MapThenFoldSet(LAMBDA a, b : <<a>> \o b, <<>>, LAMBDA e : e,
                           LAMBDA s : CHOOSE e \in s : TRUE, S)
Largest(S) == MapThenFoldSet(LAMBDA a, b : <<a>> \o b, <<>>, LAMBDA e : 10 * e,
                             LAMBDA s : CHOOSE e \in s : \A y \in s : e >= y, S)
Init == x = [i \in 1..3 |-> 0] /\ log = <<>>
Next == \E i \in 1..3 :
          /\ x[i] < 2
          /\ x' = [x EXCEPT ![i] = @ + 1]
          /\ log' = IF Sum(x', 1..3) % 2 = 0
                      THEN ToSeq({x'[j] * 3 + j : j \in 1..3})
                      ELSE Largest({x'[j] * 3 + j : j \in 1..3})
Orders == /\ ToSeq({3, 1, 2}) = <<1, 2, 3>>
          /\ Largest({3, 1, 2}) = <<30, 20, 10>>
          /\ Sum([i \in 1..3 |-> i], {}) = 0
Small == Sum(x, DOMAIN x) < 5
==============================================================================
