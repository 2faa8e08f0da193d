------------------------------ MODULE NodesRun ------------------------------
(***************************************************************************)
(* The nodes.run pipeline in a shared session (family B).                  *)
(*                                                                         *)
(* A shared-channel attacker queues nodes.run requests (command, request   *)
(* id).  Request ids are client-chosen idempotency keys, so the attacker   *)
(* may re-send an id.  The agent pops the head of the queue and executes   *)
(* it only if four gates pass: shared session policy (deliberately allows  *)
(* nodes.run here, so the other gates carry the weight), the gateway       *)
(* command allowlist ((defaults \cup extra) \ deny), the node's declared   *)
(* commands, and a live human approval bound to that request id.  An      *)
(* approval is SINGLE-USE: executing consumes it.                          *)
(*                                                                         *)
(* Every execution is appended to `log` with a snapshot of the approval    *)
(* (state, bound rid, grant serial), so the properties are history (H)     *)
(* properties over counted executions, one property per gate.  The        *)
(* constants exercise each gate: system.run is declared but denied by the  *)
(* gateway, camera.snap is allowlisted but undeclared, system.notify      *)
(* passes.  Bug selects one code mutation; actions and initial state are   *)
(* the same for green and red.                                            *)
(***************************************************************************)
EXTENDS Naturals, Sequences

CONSTANT Bug
  \* "none" | "ignore_rid" | "not_consumed" | "revocation_ignored"
  \* | "pending_as_granted" | "declared_ignored" | "deny_only_extra"

Cmds == {"system.run", "system.notify", "camera.snap"}
PlatformDefaults == {"system.run", "system.notify"}
ExtraAllow == {"camera.snap"}
DenyCommands == {"system.run"}
Declared == {"system.run", "system.notify"}
SharedPolicyAllowsNodesRun == TRUE
Rids == {"r1", "r2"}
MaxQueue == 2
MaxLog == 2
MaxSends == 3
MaxGrants == 2

Requests == [cmd : Cmds, rid : Rids]

VARIABLES inbox, log, apState, apRid, grants, sends
vars == <<inbox, log, apState, apRid, grants, sends>>

RefEffective == (PlatformDefaults \cup ExtraAllow) \ DenyCommands
ImplEffective == IF Bug = "deny_only_extra"
                 THEN PlatformDefaults \cup (ExtraAllow \ DenyCommands)
                 ELSE (PlatformDefaults \cup ExtraAllow) \ DenyCommands

PolicyOK(h) == SharedPolicyAllowsNodesRun
AllowOK(h) == h.cmd \in ImplEffective
DeclOK(h) == Bug = "declared_ignored" \/ h.cmd \in Declared
ApprovalOK(h) ==
  CASE Bug = "ignore_rid" -> apState = "approved"
    [] Bug = "revocation_ignored" ->
         apState \in {"approved", "expired", "denied"} /\ apRid = h.rid
    [] Bug = "pending_as_granted" ->
         apState \in {"approved", "pending"} /\ apRid = h.rid
    [] OTHER -> apState = "approved" /\ apRid = h.rid
Gates(h) == PolicyOK(h) /\ AllowOK(h) /\ DeclOK(h) /\ ApprovalOK(h)

Init == /\ inbox = <<>>
        /\ log = <<>>
        /\ apState = "none"
        /\ apRid = "none"
        /\ grants = 0
        /\ sends = 0

AttackerSend ==
  /\ sends < MaxSends /\ Len(inbox) < MaxQueue
  /\ \E r \in Requests : inbox' = Append(inbox, r)
  /\ sends' = sends + 1
  /\ UNCHANGED <<log, apState, apRid, grants>>

RequestApproval ==
  /\ apState \in {"none", "denied", "expired"}
  /\ \E r \in Rids : apRid' = r
  /\ apState' = "pending"
  /\ UNCHANGED <<inbox, log, grants, sends>>

HumanApprove ==
  /\ apState = "pending" /\ grants < MaxGrants
  /\ apState' = "approved"
  /\ grants' = grants + 1
  /\ UNCHANGED <<inbox, log, apRid, sends>>

HumanDeny ==
  /\ apState = "pending"
  /\ apState' = "denied"
  /\ UNCHANGED <<inbox, log, apRid, grants, sends>>

ExpireApproval ==
  /\ apState \in {"pending", "approved"}
  /\ apState' = "expired"
  /\ UNCHANGED <<inbox, log, apRid, grants, sends>>

AgentStep ==
  /\ inbox # <<>> /\ Len(log) < MaxLog
  /\ LET h == Head(inbox) IN
       IF Gates(h)
       THEN /\ log' = Append(log, [cmd |-> h.cmd, rid |-> h.rid, ap |-> apState,
                                   apRid |-> apRid, grant |-> grants])
            /\ apState' = IF Bug = "not_consumed" THEN apState ELSE "none"
       ELSE UNCHANGED <<log, apState>>
  /\ inbox' = Tail(inbox)
  /\ UNCHANGED <<apRid, grants, sends>>

Next == AttackerSend \/ RequestApproval \/ HumanApprove \/ HumanDeny
        \/ ExpireApproval \/ AgentStep
Spec == Init /\ [][Next]_vars

Executed == {log[i] : i \in 1..Len(log)}

(* ------------------------------ properties ----------------------------- *)
\* gate 2: gateway allowlist after deny (GW-NODES-GATEWAY-DENY)
Inv_NodeCommandAllowlisted == \A e \in Executed : e.cmd \in RefEffective
\* gate 3: node declaration (GW-NODES-DECLARED)
Inv_NodeCommandDeclared == \A e \in Executed : e.cmd \in Declared
\* gate 4a: never with no / denied / expired approval (GW-APPROVAL-LIVE)
Inv_NoNodesRunWithoutApproval ==
  \A e \in Executed : e.ap \notin {"none", "denied", "expired"}
\* gate 4b: never while the approval is still pending (GW-APPROVAL-PENDING)
Inv_ApprovalGate == \A e \in Executed : e.ap # "pending"
\* gate 4c: an approval authorises only its own request id (GW-APPROVAL-TOKEN)
Inv_NoApprovalReplay ==
  \A e \in Executed : e.ap = "approved" => e.apRid = e.rid
\* gate 4d: one grant authorises at most one execution (counted over the log)
Inv_ApprovalSingleUse ==
  \A i, j \in 1..Len(log) :
    (i < j /\ log[i].ap = "approved" /\ log[j].ap = "approved")
      => log[i].grant # log[j].grant

(* ------------------------------- witnesses ----------------------------- *)
Queued(c, r) == \E i \in 1..Len(inbox) : inbox[i] = [cmd |-> c, rid |-> r]
W_NodesRunExecuted == Len(log) >= 1
W_ReplayAttempt == apState = "approved" /\ Queued("system.notify", IF apRid = "r1" THEN "r2" ELSE "r1")
W_ReuseAttempt == \E e \in Executed : e.ap = "approved" /\ apState = "none"
                                      /\ Queued("system.notify", e.rid)
W_RevokedWithQueued == apState \in {"expired", "denied"} /\ Queued("system.notify", apRid)
W_PendingWithQueued == apState = "pending" /\ Queued("system.notify", apRid)
W_DeniedCommandApproved == apState = "approved" /\ Queued("system.run", apRid)
W_UndeclaredApproved == apState = "approved" /\ Queued("camera.snap", apRid)
=============================================================================
