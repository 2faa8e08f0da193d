---------------------------- MODULE SessionTools ----------------------------
(***************************************************************************)
(* Tool gating by session type (family B).                                 *)
(*                                                                         *)
(* Two sessions: the owner's main session and a shared (group / public)    *)
(* channel in which an attacker can queue ANY tool request.  The           *)
(* operator's shared-session allow list is chosen in Init over ALL subsets *)
(* of the tools, so the claims are checked for every configuration.  Memory *)
(* tools are hard-denied in shared sessions regardless of that list; other *)
(* sensitive tools run in a shared session only when the operator listed   *)
(* them.  Executions are appended to a log (counted, duplicates visible).  *)
(* This replaces the published C1/C2 harnesses whose configs registered no *)
(* invariant at all.                                                       *)
(***************************************************************************)
EXTENDS Naturals, Sequences

CONSTANT Bug   \* "none" | "policy_fallthrough" | "memory_policy_only"

Tools == {"message_send", "memory_get", "memory_search", "exec"}
MemoryTools == {"memory_get", "memory_search"}
Sensitive == {"memory_get", "memory_search", "exec"}
MaxLog == 2

VARIABLES sharedAllow, inbox, log
vars == <<sharedAllow, inbox, log>>

\* shared-session tool policy; the bug falls through to the agent-wide
\* (main-session) policy, which allows every tool, when the shared list
\* does not mention the tool
PolicyOK(r) == r.sess = "main" \/ r.tool \in sharedAllow
               \/ Bug = "policy_fallthrough"
MemoryOK(r) == r.sess = "main" \/ r.tool \notin MemoryTools
               \/ Bug = "memory_policy_only"

Init == /\ sharedAllow \in SUBSET Tools
        /\ inbox = <<>>
        /\ log = <<>>

AttackerSend ==
  /\ inbox = <<>>
  /\ \E t \in Tools : inbox' = <<[sess |-> "shared", tool |-> t]>>
  /\ UNCHANGED <<sharedAllow, log>>

OwnerSend ==
  /\ inbox = <<>>
  /\ \E t \in Tools : inbox' = <<[sess |-> "main", tool |-> t]>>
  /\ UNCHANGED <<sharedAllow, log>>

AgentStep ==
  /\ inbox # <<>> /\ Len(log) < MaxLog
  /\ LET r == Head(inbox) IN
       log' = IF PolicyOK(r) /\ MemoryOK(r) THEN Append(log, r) ELSE log
  /\ inbox' = Tail(inbox)
  /\ UNCHANGED sharedAllow

Next == AttackerSend \/ OwnerSend \/ AgentStep
Spec == Init /\ [][Next]_vars

Executed == {log[i] : i \in 1..Len(log)}

\* GW-SHARED-NO-SENSITIVE: a sensitive tool executes in a shared session
\* only if the operator explicitly put it on the shared allow list (with
\* the default list {message_send} that means never).
Inv_NoSensitiveExecInShared ==
  \A e \in Executed : (e.sess = "shared" /\ e.tool \in Sensitive)
                        => e.tool \in sharedAllow
\* GW-MEMORY-SHARED: memory tools never run in a shared session, whatever
\* the allow list says.
Inv_NoMemoryToolInShared ==
  \A e \in Executed : ~(e.sess = "shared" /\ e.tool \in MemoryTools)

QueuedShared(t) == inbox = <<[sess |-> "shared", tool |-> t]>>
W_DefaultPolicySensitiveQueued == sharedAllow = {"message_send"} /\ QueuedShared("exec")
W_SensitiveOptInShared == \E e \in Executed : e.sess = "shared" /\ e.tool = "exec"
W_MemoryListedQueued == "memory_get" \in sharedAllow /\ QueuedShared("memory_get")
W_MemoryRunsInMain == \E e \in Executed : e.sess = "main" /\ e.tool = "memory_get"
W_SharedMessageRuns == \E e \in Executed : e.sess = "shared" /\ e.tool = "message_send"
=============================================================================
