---------------------------- MODULE ChooseScope ----------------------------
(* A CHOOSE body extends as far right as possible: in Init the conjunct  *)
(* `/\ seen = {}` becomes part of the CHOOSE predicate, so `seen` is      *)
(* evaluated before it has a value: an evaluation error in Init.          *)
EXTENDS Naturals

VARIABLES cur, seen

Words == {"beta", "alpha", "gamma", "ab", "b"}

Init == cur = CHOOSE w \in Words : TRUE /\ seen = {}

Next == /\ Words \ (seen \cup {cur}) # {}
        /\ \/ cur' = CHOOSE w \in Words \ (seen \cup {cur}) : TRUE
           \/ cur' = CHOOSE w \in Words \ (seen \cup {cur}) : w # "gamma"
        /\ seen' = seen \cup {cur}

Inv == cur \notin seen
=============================================================================
