------------------------------ MODULE TailEmpty ------------------------------
(* Tail of the empty sequence in Next: an error of TLC's Sequences module   *)
(* (exit 255).                                                              *)
EXTENDS Naturals, Sequences

VARIABLE s

Init == s = <<1, 2>>
Next == s' = Tail(s)
=============================================================================
