---------------------------- MODULE IngressGating ----------------------------
(***************************************************************************)
(* Group mention gating and the control-command bypass (family D, K).      *)
(*                                                                         *)
(* The published harness fixed all seven inputs to one point.  Here Init   *)
(* enumerates all 2^7 combinations of the facts the gate reads; Next is a  *)
(* stutter, so every state is one inbound message and a counterexample     *)
(* names it.  When a mention cannot be detected the gate is skipped by     *)
(* design (the message triggers), which the witness shows is reachable.    *)
(***************************************************************************)
CONSTANT Bug   \* "none" | "bypass_ignores_auth" | "bypass_ignores_text_flag"

Msgs == [group : BOOLEAN, requireMention : BOOLEAN, canDetect : BOOLEAN,
         mentioned : BOOLEAN, controlCmd : BOOLEAN, textCmdsAllowed : BOOLEAN,
         authorized : BOOLEAN]

VARIABLE m
vars == <<m>>

GateApplies(x) == x.group /\ x.requireMention /\ x.canDetect
\* implementation: may an unmentioned message in a gated group bypass?
Bypass(x) == /\ x.controlCmd
             /\ x.textCmdsAllowed \/ Bug = "bypass_ignores_text_flag"
             /\ x.authorized \/ Bug = "bypass_ignores_auth"
Triggers(x) == IF GateApplies(x) /\ ~x.mentioned THEN Bypass(x) ELSE TRUE

Init == m \in Msgs
Next == UNCHANGED vars
Spec == Init /\ [][Next]_vars

\* GW-INGRESS-GATING: an unauthorised sender never gets past the mention
\* gate, control command or not ...
Inv_UnauthCannotBypass ==
  (GateApplies(m) /\ ~m.mentioned /\ ~m.authorized) => ~Triggers(m)
\* ... and the bypass exists only for control commands sent as text when
\* text commands are enabled.
Inv_BypassNeedsTextCommand ==
  (GateApplies(m) /\ ~m.mentioned /\ Triggers(m)) => (m.controlCmd /\ m.textCmdsAllowed)

W_UnauthControlInGatedGroup == GateApplies(m) /\ ~m.mentioned /\ ~m.authorized
                               /\ m.controlCmd /\ m.textCmdsAllowed
W_AuthorizedBypass == GateApplies(m) /\ ~m.mentioned /\ Triggers(m)
W_AuthorizedControlTextOff == GateApplies(m) /\ ~m.mentioned /\ m.authorized
                              /\ m.controlCmd /\ ~m.textCmdsAllowed
W_UndetectablePassesByDesign == m.group /\ m.requireMention /\ ~m.canDetect
                                /\ ~m.mentioned /\ Triggers(m)
=============================================================================
