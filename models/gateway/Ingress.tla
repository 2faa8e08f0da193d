------------------------------- MODULE Ingress -------------------------------
(***************************************************************************)
(* Provider event ingestion: dedupe, id fallback, retries (family D).      *)
(*                                                                         *)
(* Two distinct external events e1, e2 with distinct trace ids.  Whether   *)
(* the provider supplied an event id for each is chosen in Init over all   *)
(* four combinations.  The provider may re-deliver each event (Deliver is  *)
(* repeatable); an admitted event is processed with transient failures,    *)
(* bounded retries, success (emit) or drop.  Emissions and admissions are  *)
(* COUNTED per event, so a duplicate emission is visible to the invariant  *)
(* (the published green kept a set of derived message ids, which could    *)
(* never hold a duplicate).  Green and red check the same properties.      *)
(***************************************************************************)
EXTENDS Naturals

CONSTANT Bug   \* "none" | "no_dedupe" | "key_empty_id" | "success_stays_pending"

Events == {"e1", "e2"}
Trace(e) == IF e = "e1" THEN "t1" ELSE "t2"
OwnId(e) == IF e = "e1" THEN "p1" ELSE "p2"
MaxDeliveries == 2
MaxAttempts == 2
MaxEmits == 2

VARIABLES pid, delivered, seen, admitted, pending, attempts, emitted, dropped
vars == <<pid, delivered, seen, admitted, pending, attempts, emitted, dropped>>

\* dedupe key: provider event id, falling back to the trace id when absent
DedupeKey(e) ==
  IF Bug = "key_empty_id" THEN <<"id", pid[e]>>
  ELSE IF pid[e] # "" THEN <<"id", pid[e]>> ELSE <<"trace", Trace(e)>>

Init == /\ pid \in {f \in [Events -> {"", "p1", "p2"}] : \A e \in Events : f[e] \in {"", OwnId(e)}}
        /\ delivered = [e \in Events |-> 0]
        /\ seen = {}
        /\ admitted = [e \in Events |-> 0]
        /\ pending = [e \in Events |-> FALSE]
        /\ attempts = [e \in Events |-> 0]
        /\ emitted = [e \in Events |-> 0]
        /\ dropped = [e \in Events |-> FALSE]

Deliver(e) ==
  /\ delivered[e] < MaxDeliveries
  /\ delivered' = [delivered EXCEPT ![e] = @ + 1]
  /\ IF DedupeKey(e) \in seen /\ Bug # "no_dedupe"
     THEN UNCHANGED <<seen, admitted, pending, attempts>>
     ELSE /\ seen' = seen \cup {DedupeKey(e)}
          /\ admitted' = [admitted EXCEPT ![e] = @ + 1]
          /\ pending' = [pending EXCEPT ![e] = TRUE]
          /\ attempts' = [attempts EXCEPT ![e] = 0]
  /\ UNCHANGED <<pid, emitted, dropped>>

ProcessFail(e) ==
  /\ pending[e] /\ attempts[e] < MaxAttempts
  /\ attempts' = [attempts EXCEPT ![e] = @ + 1]
  /\ UNCHANGED <<pid, delivered, seen, admitted, pending, emitted, dropped>>

ProcessSuccess(e) ==
  /\ pending[e] /\ emitted[e] < MaxEmits
  /\ emitted' = [emitted EXCEPT ![e] = @ + 1]
  /\ pending' = [pending EXCEPT ![e] = (Bug = "success_stays_pending")]
  /\ UNCHANGED <<pid, delivered, seen, admitted, attempts, dropped>>

Drop(e) ==
  /\ pending[e] /\ attempts[e] = MaxAttempts
  /\ pending' = [pending EXCEPT ![e] = FALSE]
  /\ dropped' = [dropped EXCEPT ![e] = TRUE]
  /\ UNCHANGED <<pid, delivered, seen, admitted, attempts, emitted>>

Next == \E e \in Events : Deliver(e) \/ ProcessFail(e) \/ ProcessSuccess(e) \/ Drop(e)
Spec == Init /\ [][Next]_vars

\* GW-INGRESS-IDEMPOTENCY, GW-INGRESS-RETRY: one external event yields at
\* most one internal message, whatever the re-deliveries and retries.
Inv_NoDuplicateEmit == \A e \in Events : emitted[e] <= 1
\* GW-INGRESS-DEDUPE-FALLBACK: a delivered event is never merged into a
\* different event (it is admitted at least once), also without event ids.
Inv_DistinctEventsNotMerged == \A e \in Events : delivered[e] >= 1 => admitted[e] >= 1

W_RedeliveredEmittedOnce == \E e \in Events : delivered[e] = 2 /\ emitted[e] = 1
W_BothWithoutIdsEmitted == (\A e \in Events : pid[e] = "") /\ (\A e \in Events : emitted[e] = 1)
W_BothWithoutIdsDelivered == \A e \in Events : pid[e] = "" /\ delivered[e] >= 1
W_RetriedThenEmitted == \E e \in Events : attempts[e] >= 1 /\ emitted[e] = 1 /\ ~pending[e]
W_DroppedAfterRetries == \E e \in Events : dropped[e]
=============================================================================
