------------------------------- MODULE Records -------------------------------
(* Records: [a |-> e], record sets [a : S, b : T] in Init, field access,   *)
(* EXCEPT !.f, records as function (DOMAIN), equality with a function.      *)
EXTENDS Naturals

VARIABLES msg, log

Msg == [kind : {"req", "ack"}, from : 1..2, val : 0..1]

Init == msg \in Msg /\ log = [count |-> 0, last |-> "none"]

Next == \/ /\ msg.kind = "req"
           /\ msg' = [msg EXCEPT !.kind = "ack", !.val = 1 - @]
           /\ log' = [log EXCEPT !.count = @ + 1, !.last = msg.kind]
        \/ /\ msg.kind = "ack"
           /\ log.count < 2
           /\ msg' = [kind |-> "req", from |-> 3 - msg.from, val |-> msg.val]
           /\ log' = [count |-> log.count + 1, last |-> "ack"]

Inv == /\ msg \in Msg
       /\ DOMAIN log = {"count", "last"}
       /\ [count |-> 1, last |-> "x"] = [f \in {"last", "count"} |-> IF f = "count" THEN 1 ELSE "x"]
=============================================================================
