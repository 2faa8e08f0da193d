------------------------------ MODULE Injection ------------------------------
(***************************************************************************)
(* Prompt-injection boundary and taint propagation (family G).             *)
(*                                                                         *)
(* Content enters from a source that is either trusted (the owner) or      *)
(* tainted external content (a fetched page, an inbound message): chosen   *)
(* in Init, both cases.  The pipeline builds a prompt, the model proposes  *)
(* a sensitive tool call, a human may approve it at any time, and the      *)
(* executor runs the call if its gate passes.  The correct gate asks for   *)
(* approval only for TAINTED calls, so taint really decides the outcome    *)
(* (the published green always required approval, so taint could not      *)
(* matter).  `origin` is a ghost: the truth the implementation's taint     *)
(* bits must track.  Executions are logged with the approval state.        *)
(* Each red is ONE change.                                                 *)
(***************************************************************************)
EXTENDS Naturals, Sequences

CONSTANT Bug
  \* "none" | "gate_ignores_approval" | "prompt_drops_taint" | "proposal_drops_taint"

VARIABLES origin, promptTainted, callTainted, phase, approved, execLog
vars == <<origin, promptTainted, callTainted, phase, approved, execLog>>

Init == /\ origin \in BOOLEAN
        /\ promptTainted = FALSE
        /\ callTainted = FALSE
        /\ phase = "start"
        /\ approved = FALSE
        /\ execLog = <<>>

BuildPrompt ==
  /\ phase = "start"
  /\ promptTainted' = (origin /\ Bug # "prompt_drops_taint")
  /\ phase' = "prompt"
  /\ UNCHANGED <<origin, callTainted, approved, execLog>>

ProposeToolCall ==
  /\ phase = "prompt"
  /\ callTainted' = (promptTainted /\ Bug # "proposal_drops_taint")
  /\ phase' = "proposed"
  /\ UNCHANGED <<origin, promptTainted, approved, execLog>>

HumanApprove ==
  /\ phase = "proposed" /\ ~approved
  /\ approved' = TRUE
  /\ UNCHANGED <<origin, promptTainted, callTainted, phase, execLog>>

GateOK == IF Bug = "gate_ignores_approval" THEN TRUE ELSE (~callTainted \/ approved)

ExecuteSensitive ==
  /\ phase = "proposed" /\ GateOK
  /\ execLog' = Append(execLog, [tainted |-> origin, approved |-> approved])
  /\ phase' = "done"
  /\ UNCHANGED <<origin, promptTainted, callTainted, approved>>

Next == BuildPrompt \/ ProposeToolCall \/ HumanApprove \/ ExecuteSensitive
Spec == Init /\ [][Next]_vars

\* GW-INJECTION-BOUNDARY: an instruction from tainted content never executes
\* a sensitive tool without explicit approval (judged on the ghost origin).
Inv_NoExecFromTaintedWithoutApproval ==
  \A i \in 1..Len(execLog) : execLog[i].tainted => execLog[i].approved
\* GW-TAINT-PROPAGATION: taint survives prompt building and tool-call proposal.
Inv_TaintPreserved ==
  /\ (origin /\ phase # "start") => promptTainted
  /\ (origin /\ phase \in {"proposed", "done"}) => callTainted

W_TaintedApprovedRuns == \E i \in 1..Len(execLog) : execLog[i].tainted /\ execLog[i].approved
W_TrustedRunsWithoutApproval == \E i \in 1..Len(execLog) : ~execLog[i].tainted /\ ~execLog[i].approved
W_TaintedCallAwaitingApproval == origin /\ phase = "proposed" /\ ~approved
=============================================================================
