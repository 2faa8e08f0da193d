---- MODULE UnterminatedString ----
A == "no closing quote
B == 1
====
