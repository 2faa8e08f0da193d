---- MODULE UnterminatedComment ----
A == 1
(* this comment (* is nested *) but never closed
B == 2
====
