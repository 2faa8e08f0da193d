----------------------------- MODULE LetIfCase -----------------------------
(* LET with several definitions (one of them parameterised), nested IF,   *)
(* CASE with OTHER, CASE without OTHER whose arms cover all states.        *)
EXTENDS Naturals

VARIABLES light, timer

Init == light = "red" /\ timer \in 0..2

Next ==
  LET Dur(c) == CASE c = "red" -> 3 [] c = "green" -> 2 [] OTHER -> 1
      nextColor == CASE light = "red" -> "green"
                     [] light = "green" -> "yellow"
                     [] light = "yellow" -> "red"
  IN  IF timer > 0
        THEN /\ timer' = timer - 1
             /\ UNCHANGED light
        ELSE /\ light' = nextColor
             /\ timer' = IF nextColor = "red" THEN Dur(nextColor) - 1 ELSE Dur(nextColor)

Inv == /\ light \in {"red", "green", "yellow"}
       /\ timer <= (CASE light = "red" -> 2 [] light = "green" -> 2 [] OTHER -> 1)
=============================================================================
