---------------------------- MODULE ChooseState ----------------------------
(* CHOOSE over a set of strings: the successor is the chosen string, so    *)
(* the distinct count and the trace depend on TLC's order of strings,      *)
(* which is NOT lexicographic: strings compare by the order in which TLC   *)
(* first interned them (identifiers at parse time, then string literals    *)
(* as first evaluated). Here "b" is also a bound name in TLC's standard    *)
(* modules, so it sorts before the other literals.                          *)
EXTENDS Naturals

VARIABLES cur, seen

Words == {"beta", "alpha", "gamma", "ab", "b"}

Init == cur = (CHOOSE w \in Words : TRUE) /\ seen = {}

Next == LET rest == Words \ (seen \cup {cur})
        IN  /\ rest # {}
            /\ \/ cur' = CHOOSE w \in rest : TRUE
               \/ rest # {"gamma"} /\ cur' = CHOOSE w \in rest : w # "gamma"
            /\ seen' = seen \cup {cur}

Inv == cur \notin seen
=============================================================================
