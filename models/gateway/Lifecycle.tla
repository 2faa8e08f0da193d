------------------------------ MODULE Lifecycle ------------------------------
(***************************************************************************)
(* Session keys of thread messages and of message lifecycle events         *)
(* (family E, dynamic).                                                    *)
(*                                                                         *)
(* One message m, posted either directly in channel p or in thread t under *)
(* parent channel p (chosen in Init: both).  The provider delivers the     *)
(* message's create event and its edit, delete and reaction events, each   *)
(* possibly replayed (up to MaxDeliveries times, any order).  Every        *)
(* delivery is routed and the resolved session key is appended to `log`,  *)
(* so keys are compared across real deliveries, not derived twice from the *)
(* same expression (the published stability check was "X = X").           *)
(***************************************************************************)
EXTENDS Naturals, Sequences

CONSTANT Bug   \* "none" | "anchor_thread" | "retry_salted" | "anchor_event_id"

EventTypes == {"create", "edit", "delete", "reaction"}
Lifecycle == EventTypes \ {"create"}
MaxDeliveries == 2
RefKey == <<"chan", "p">>     \* sessions of channel and thread messages live on the parent

VARIABLES inThread, count, log
vars == <<inThread, count, log>>

ImplKey(et, n) ==
  LET anchor == IF inThread /\ Bug = "anchor_thread" THEN <<"chan", "t">> ELSE <<"chan", "p">>
      base == IF et \in Lifecycle /\ Bug = "anchor_event_id" THEN <<"event", et>> ELSE anchor
  IN IF Bug = "retry_salted" /\ n > 1 THEN <<base[1], base[2], "retry">> ELSE base

Deliver(et) ==
  /\ count[et] < MaxDeliveries
  /\ count' = [count EXCEPT ![et] = @ + 1]
  /\ log' = Append(log, [type |-> et, n |-> count[et] + 1, key |-> ImplKey(et, count[et] + 1)])
  /\ UNCHANGED inThread

Init == /\ inThread \in BOOLEAN
        /\ count = [et \in EventTypes |-> 0]
        /\ log = <<>>
Next == \E et \in EventTypes : Deliver(et)
Spec == Init /\ [][Next]_vars

Creates == {i \in 1..Len(log) : log[i].type = "create"}

\* GW-SESSIONKEY-THREAD: the message's session is anchored to the parent channel ...
Inv_ThreadBindsToParent == \A i \in Creates : log[i].n = 1 => log[i].key = RefKey
\* ... and every retry of it resolves the same key.
Inv_StableAcrossRetries == \A i, j \in Creates : log[i].key = log[j].key
\* GW-LIFECYCLE-BINDING: edits, deletes and reactions, replayed or not, bind to
\* the session the message itself resolves to, never to their own event id.
Inv_LifecycleBindsToMessage ==
  \A i \in 1..Len(log) : log[i].type \in Lifecycle => log[i].key = ImplKey("create", 1)

W_ThreadCreateDelivered == inThread /\ Creates # {}
W_CreateRetried == \E i \in Creates : log[i].n = 2
W_LifecycleReplayedInThread == inThread /\ \E i \in 1..Len(log) : log[i].type \in Lifecycle /\ log[i].n = 2
W_AllLifecycleSeen == \A et \in Lifecycle : count[et] >= 1
=============================================================================
