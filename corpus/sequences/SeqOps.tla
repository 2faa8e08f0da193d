------------------------------ MODULE SeqOps ------------------------------
(* Sequence operators on a state that is a word over {"a","b"} of length  *)
(* at most 4: the invariant fails when the word contains "b" three times, *)
(* found at depth 4. Tuples indexed with [i], <<>> vs empty function.     *)
EXTENDS Naturals, Sequences

VARIABLE w

Count(s, c) == Len(SelectSeq(s, LAMBDA x : x = c))

Init == w \in {<<>>, <<"a">>}

Next == \/ Len(w) < 4 /\ \E c \in {"a", "b"} : w' = Append(w, c)
        \/ Len(w) > 1 /\ w' = SubSeq(w, 2, Len(w))
        \/ Len(w) = 4 /\ w' = Tail(w) \o <<Head(w)>>

Inv == /\ Count(w, "b") < 3
       /\ Len(w) = Count(w, "a") + Count(w, "b")
       /\ <<1, 2, 3>>[2] = 2
       /\ <<>> = [i \in {} |-> 0]
       /\ DOMAIN w = 1..Len(w)
==========================================================================
