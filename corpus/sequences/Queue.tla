------------------------------- MODULE Queue -------------------------------
(* A bounded FIFO channel: Append, Head, Tail, Len, \o, SubSeq,           *)
(* SelectSeq, Seq(S) membership. Producer sends 1..3 in order, consumer    *)
(* receives; the invariant checks the received prefix.                     *)
EXTENDS Naturals, Sequences

CONSTANT Cap
VARIABLES q, sent, got

Init == q = <<>> /\ sent = 0 /\ got = <<>>

Send == /\ sent < 3
        /\ Len(q) < Cap
        /\ q' = Append(q, sent + 1)
        /\ sent' = sent + 1
        /\ UNCHANGED got

Recv == /\ q # <<>>
        /\ got' = got \o <<Head(q)>>
        /\ q' = Tail(q)
        /\ UNCHANGED sent

Next == Send \/ Recv

IsEven(x) == x % 2 = 0

Inv == /\ got \o q = [i \in 1..sent |-> i]
       /\ q \in Seq(1..3)
       /\ Len(q) <= Cap
       /\ SubSeq(got \o q, 1, Len(got)) = got
       /\ SelectSeq(got, IsEven) = IF Len(got) >= 2 THEN <<2>> ELSE <<>>
       /\ got \in Seq({1, 2, 3})
=============================================================================
