------------------------------ MODULE Tuples ------------------------------
(* Tuples and Cartesian products: <<a, b>> \in S \X T in Init, tuple      *)
(* patterns in \E <<x, y>> \in ..., tuple equality and indexing.            *)
EXTENDS Integers

VARIABLES pos, visited

Dirs == {<<0, 1>>, <<1, 0>>, <<0, -1>>, <<-1, 0>>}

Init == pos \in {<<0, 0>>, <<2, 2>>} /\ visited = {pos}

Next == \E <<dx, dy>> \in Dirs :
          LET p == <<pos[1] + dx, pos[2] + dy>>
          IN  /\ p \in (0..2) \X (0..2)
              /\ p \notin visited
              /\ pos' = p
              /\ visited' = visited \cup {p}

Inv == pos \in (0..2) \X (0..2) /\ pos \in visited
==========================================================================
