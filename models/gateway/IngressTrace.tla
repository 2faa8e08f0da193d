---------------------------- MODULE IngressTrace ----------------------------
(***************************************************************************)
(* Trace correlation across fan-out (family D).                            *)
(*                                                                         *)
(* Two external events, each fanned out into NumParts internal messages.   *)
(* Parts of the two events are emitted in every interleaving (EmitE1 /     *)
(* EmitE2 are the two event handlers).  The runtime keeps an ambient trace *)
(* context that the FIRST part of each event sets; a correct stamper uses  *)
(* the part's own event, never the ambient context.  Every produced part   *)
(* is appended to a sequence (counted, ordered).                           *)
(***************************************************************************)
EXTENDS Naturals, Sequences

CONSTANT Bug   \* "none" | "first_part_only" | "ambient_context"

Events == {"e1", "e2"}
NumParts == 2
Trace(e) == IF e = "e1" THEN "t1" ELSE "t2"
EventId(e) == IF e = "e1" THEN "p1" ELSE "p2"
Provider(e) == IF e = "e1" THEN "telegram" ELSE "slack"

VARIABLES nextIdx, produced, ambient
vars == <<nextIdx, produced, ambient>>

Stamp(e, idx) ==
  CASE Bug = "first_part_only" /\ idx > 0 -> ""
    [] Bug = "ambient_context" /\ idx > 0 -> ambient
    [] OTHER -> Trace(e)

EmitPart(e) ==
  /\ nextIdx[e] < NumParts
  /\ LET idx == nextIdx[e] IN
       /\ produced' = Append(produced, [ev |-> e, idx |-> idx, trace |-> Stamp(e, idx),
                                        eid |-> EventId(e), provider |-> Provider(e)])
       /\ ambient' = IF idx = 0 THEN Trace(e) ELSE ambient
  /\ nextIdx' = [nextIdx EXCEPT ![e] = @ + 1]

EmitE1 == nextIdx["e1"] < NumParts /\ EmitPart("e1")
EmitE2 == nextIdx["e2"] < NumParts /\ EmitPart("e2")

Init == /\ nextIdx = [e \in Events |-> 0]
        /\ produced = <<>>
        /\ ambient = ""
Next == EmitE1 \/ EmitE2
Spec == Init /\ [][Next]_vars

Parts == {produced[i] : i \in 1..Len(produced)}

\* GW-INGRESS-TRACE: every part carries a trace id and its event's event id
\* and provider.
Inv_AllPartsCorrelated ==
  \A p \in Parts : p.trace # "" /\ p.eid = EventId(p.ev) /\ p.provider = Provider(p.ev)
\* GW-INGRESS-TRACE-MULTI: a part's trace id is its own event's, never the
\* other in-flight event's.
Inv_CorrectTracePerEvent == \A p \in Parts : p.trace # "" => p.trace = Trace(p.ev)

W_AllPartsProduced == Len(produced) = 2 * NumParts
W_Interleaved == \E i \in 1..Len(produced) :
                   /\ produced[i].idx > 0
                   /\ i > 1 /\ produced[i - 1].ev # produced[i].ev
=============================================================================
