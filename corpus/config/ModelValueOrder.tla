--------------------------- MODULE ModelValueOrder ---------------------------
(* Model values from the configuration are interned when TLC reads the cfg, *)
(* before the spec is parsed, in cfg order: CHOOSE picks Zed, declared      *)
(* first in the cfg, over Amy; the strings "Amy"/"Zed" of the spec come     *)
(* later. The count depends on the choice.                                   *)
EXTENDS Naturals

CONSTANTS Procs, Amy, Zed

VARIABLE n

Limit == IF (CHOOSE p \in Procs : TRUE) = Zed THEN 3 ELSE 1
Names == {"Zed", "Amy", "Bob"}

Init == n = 0
Next == n < Limit + (IF (CHOOSE s \in Names : TRUE) = "Amy" THEN 10 ELSE 0)
        /\ n' = n + 1
=============================================================================
