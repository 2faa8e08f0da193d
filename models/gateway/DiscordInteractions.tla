------------------------ MODULE DiscordInteractions ------------------------
(***************************************************************************)
(* Retried Discord interactions (family F, dynamic).                       *)
(*                                                                         *)
(* One interaction (button / modal / slash command) sent from a thread    *)
(* whose parent channel requires a role.  Whether the user holds the role *)
(* is chosen in Init (both cases).  Discord may deliver the interaction    *)
(* again (Retry) up to MaxAttempts times; the handler may also fail before *)
(* acknowledging (Drop: the attempt is lost, nothing recorded).  Every     *)
(* execution is COUNTED, and green and red check the same properties (the  *)
(* published green checked "executed \subseteq seen", the red a count).   *)
(***************************************************************************)
EXTENDS Naturals

CONSTANT Bug   \* "none" | "not_marked_seen" | "seen_path_executes"

MaxAttempts == 3
ParentRequiresRole == TRUE

VARIABLES hasRole, attempts, seen, execCount, rejected
vars == <<hasRole, attempts, seen, execCount, rejected>>

RoleOK == ~ParentRequiresRole \/ hasRole

\* first delivery or a retry; the handler dedupes on the interaction id
Process ==
  IF seen
  THEN \* already handled: acknowledge only.  The red treats a previously
       \* rejected interaction as deferred work and runs it, unchecked.
       /\ IF Bug = "seen_path_executes" /\ execCount = 0
          THEN execCount' = execCount + 1 ELSE UNCHANGED execCount
       /\ UNCHANGED <<seen, rejected>>
  ELSE IF RoleOK
       THEN /\ execCount' = execCount + 1
            /\ seen' = (Bug # "not_marked_seen")
            /\ UNCHANGED rejected
       ELSE /\ rejected' = rejected + 1
            /\ seen' = TRUE
            /\ UNCHANGED execCount

Handle ==
  /\ attempts = 0
  /\ attempts' = 1
  /\ Process
  /\ UNCHANGED hasRole

Retry ==
  /\ attempts >= 1 /\ attempts < MaxAttempts
  /\ attempts' = attempts + 1
  /\ Process
  /\ UNCHANGED hasRole

Drop ==
  /\ attempts < MaxAttempts
  /\ attempts' = attempts + 1
  /\ UNCHANGED <<hasRole, seen, execCount, rejected>>

Init == /\ hasRole \in BOOLEAN
        /\ attempts = 0
        /\ seen = FALSE
        /\ execCount = 0
        /\ rejected = 0
Next == Handle \/ Retry \/ Drop
Spec == Init /\ [][Next]_vars

\* GW-DISCORD-INTERACTION-ONCE (and -ROLE-RETRY): executed at most once
Inv_AtMostOnce == execCount <= 1
\* GW-DISCORD-INTERACTION-ROLE-RETRY: never executed for a user lacking the
\* role the parent channel requires, however often it is retried
Inv_NoRoleBypassInThread == execCount >= 1 => RoleOK

W_RetriedAfterExecution == execCount = 1 /\ attempts >= 2 /\ seen
W_UnauthorizedRetried == ~hasRole /\ rejected = 1 /\ attempts >= 2
W_DroppedThenHandled == execCount = 1 /\ attempts = 2 /\ hasRole
=============================================================================
