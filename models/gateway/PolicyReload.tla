---------------------------- MODULE PolicyReload ----------------------------
(***************************************************************************)
(* Policy hot reload vs pending requests (family G).                       *)
(*                                                                         *)
(* An attacker queues requests for an action the current policy allows; an *)
(* operator hot-reloads a policy that denies it, at any interleaving point.*)
(* The executor decides at execution time.  The red executor consults a    *)
(* deny bit cached when the request was queued.  Each execution is logged *)
(* with the live policy at that instant.                                   *)
(***************************************************************************)
EXTENDS Naturals, Sequences

CONSTANT Bug   \* "none" | "stale_cache"

MaxRequests == 2

VARIABLES queue, denyNow, reloads, execLog, sent
vars == <<queue, denyNow, reloads, execLog, sent>>

Init == /\ queue = <<>>
        /\ denyNow = FALSE
        /\ reloads = 0
        /\ execLog = <<>>
        /\ sent = 0

Enqueue ==
  /\ sent < MaxRequests
  /\ queue' = Append(queue, [cachedDeny |-> denyNow])
  /\ sent' = sent + 1
  /\ UNCHANGED <<denyNow, reloads, execLog>>

ReloadDeny ==
  /\ ~denyNow
  /\ denyNow' = TRUE
  /\ reloads' = reloads + 1
  /\ UNCHANGED <<queue, execLog, sent>>

Denied(r) == IF Bug = "stale_cache" THEN r.cachedDeny ELSE denyNow

Execute ==
  /\ queue # <<>>
  /\ LET r == Head(queue) IN
       execLog' = IF Denied(r) THEN execLog ELSE Append(execLog, [liveDeny |-> denyNow])
  /\ queue' = Tail(queue)
  /\ UNCHANGED <<denyNow, reloads, sent>>

Next == Enqueue \/ ReloadDeny \/ Execute
Spec == Init /\ [][Next]_vars

\* GW-POLICY-HOT-RELOAD: nothing executes while the live policy denies it;
\* in particular a request pending across the reload never executes.
Inv_NoExecAfterDenyReload == \A i \in 1..Len(execLog) : ~execLog[i].liveDeny

W_ReloadWhilePending == reloads = 1 /\ queue # <<>> /\ ~Head(queue).cachedDeny
W_ExecutedBeforeReload == Len(execLog) >= 1 /\ reloads = 1
=============================================================================
