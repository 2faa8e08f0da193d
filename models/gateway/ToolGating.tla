----------------------------- MODULE ToolGating -----------------------------
(***************************************************************************)
(* Static tool-policy decisions (family B, kind K).                        *)
(*                                                                         *)
(* Each claim is a predicate over configuration inputs.  Instead of one    *)
(* constant point per claim, Init enumerates the WHOLE input space of every *)
(* decision as a tagged union ("probe"): every node allow/deny/declaration *)
(* combination, every 3-layer allow/deny stack, every deny list built from *)
(* group and tool names, every pair of elevated switches.  Next is a       *)
(* stutter; a counterexample is a single state naming the bad input.       *)
(* Bug selects one code mutation; GroupTable (the group expansion as       *)
(* extracted from the implementation) may be overridden with `<-`.         *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANT Bug
  \* "none" | "node_ignores_declaration" | "deny_before_extra"
  \* | "allowlist_ignored" | "layer_readds_allow" | "elevated_or"

(* ---------------------- node command policy (NS3/NS4) -------------------- *)
Commands == {"system.run", "system.notify", "camera.snap", "screen.record"}
PlatformDefaults == {"system.run", "system.notify"}

NodeProbes == [kind : {"node"}, extra : SUBSET Commands, deny : SUBSET Commands,
               declared : SUBSET Commands, cmd : Commands]

Allowlisted(p) == p.cmd \in PlatformDefaults \cup p.extra     \* before deny
RefEffective(p) == (PlatformDefaults \cup p.extra) \ p.deny
ImplEffective(p) ==
  IF Bug = "deny_before_extra"
  THEN (PlatformDefaults \ p.deny) \cup p.extra  \* deny only filters defaults
  ELSE (PlatformDefaults \cup p.extra) \ p.deny
NodeAllowed(p) ==
  CASE Bug = "node_ignores_declaration" -> p.cmd \in ImplEffective(p)
    [] Bug = "allowlist_ignored" -> p.cmd \in p.declared /\ p.cmd \notin p.deny
    [] OTHER -> p.cmd \in ImplEffective(p) /\ p.cmd \in p.declared

(* -------------------- ordered policy layers (C3) ------------------------ *)
LTools == {"memory_get", "message_send"}
Layers == 1..3
LayerProbes == [kind : {"layers"},
                stack : [Layers -> [allow : SUBSET LTools, deny : SUBSET LTools]]]
\* an empty allow list means "no restriction at this layer"
ApplyLayer(cur, l) ==
  LET kept == IF l.allow = {} THEN cur ELSE cur \cap l.allow
  IN IF Bug = "layer_readds_allow" THEN (kept \ l.deny) \cup l.allow
     ELSE kept \ l.deny
FinalTools(p) ==
  ApplyLayer(ApplyLayer(ApplyLayer(LTools, p.stack[1]), p.stack[2]), p.stack[3])

(* ------------------------- tool groups (C4) ----------------------------- *)
Tools == {"memory_get", "memory_search", "message_send", "sessions_send"}
GroupNames == {"group:memory", "group:messaging"}
\* the claim's statement of the groups
RefGroups == [g \in GroupNames |->
               IF g = "group:memory" THEN {"memory_search", "memory_get"}
               ELSE {"message_send", "sessions_send"}]
\* the expansion table as shipped by the implementation (overridable)
GroupTable == [g \in GroupNames |->
               IF g = "group:memory" THEN {"memory_search", "memory_get"}
               ELSE {"message_send", "sessions_send"}]
\* a realistic drift: a newly added memory tool is missing from the group
GroupTableMissingGet == [g \in GroupNames |->
               IF g = "group:memory" THEN {"memory_search"}
               ELSE {"message_send", "sessions_send"}]
GroupProbes == [kind : {"groups"}, deny : SUBSET (GroupNames \cup {"memory_get", "message_send"})]
ExpandWith(tbl, S) == (S \cap Tools) \cup UNION {tbl[g] : g \in S \cap GroupNames}
GroupFinal(p) == Tools \ ExpandWith(GroupTable, p.deny)

(* ------------------------- elevated switches (C5) ----------------------- *)
ElevProbes == [kind : {"elevated"}, global : BOOLEAN, agent : BOOLEAN]
ElevatedOn(p) == IF Bug = "elevated_or" THEN p.global \/ p.agent
                 ELSE p.global /\ p.agent

VARIABLE probe
vars == <<probe>>
Init == probe \in NodeProbes \cup LayerProbes \cup GroupProbes \cup ElevProbes
Next == UNCHANGED vars
Spec == Init /\ [][Next]_vars

IsNode == probe.kind = "node"
IsLayers == probe.kind = "layers"
IsGroups == probe.kind = "groups"
IsElev == probe.kind = "elevated"

(* ------------------------------ properties ----------------------------- *)
\* GW-NODES-POLICY: deny always wins ...
Inv_NodeDenyWins == IsNode => (probe.cmd \in probe.deny => ~NodeAllowed(probe))
\* ... an allowed command was declared by the node ...
Inv_NodeAllowedDeclared == IsNode => (NodeAllowed(probe) => probe.cmd \in probe.declared)
\* ... and a command in neither the platform defaults nor the extra allow
\* list is never allowed.
Inv_NodeNotListedNotAllowed == IsNode => (~Allowlisted(probe) => ~NodeAllowed(probe))

\* GW-TOOL-DENY-WINS: a tool denied at any layer is not in the final set.
Inv_DenyWins == IsLayers =>
  \A i \in Layers : probe.stack[i].deny \cap FinalTools(probe) = {}

\* GW-TOOL-GROUPS: denying group:memory removes exactly the memory tools
\* of the claim (memory_search, memory_get) and nothing else.
Inv_GroupMemoryExact == IsGroups =>
  GroupFinal(probe) = Tools \ ExpandWith(RefGroups, probe.deny)

\* GW-ELEVATED-BOTH
Inv_ElevatedRequiresBoth == IsElev => (ElevatedOn(probe) => probe.global /\ probe.agent)

(* ------------------------------- witnesses ----------------------------- *)
W_NodeCommandAllowed == IsNode /\ NodeAllowed(probe)
W_DeniedExtraDeclared == IsNode /\ probe.cmd \in probe.deny /\ probe.cmd \in probe.extra
                         /\ probe.cmd \in probe.declared
W_AllowlistedUndeclared == IsNode /\ probe.cmd \in RefEffective(probe)
                           /\ probe.cmd \notin probe.declared
W_DeclaredNotListed == IsNode /\ ~Allowlisted(probe) /\ probe.cmd \in probe.declared
W_DeniedThenAllowedLater == IsLayers /\
  \E i, j \in Layers : i < j /\ probe.stack[i].deny \cap probe.stack[j].allow # {}
W_ToolSurvivesLayers == IsLayers /\ FinalTools(probe) # {}
W_GroupMemoryDenied == IsGroups /\ "group:memory" \in probe.deny
                       /\ "memory_get" \notin GroupFinal(probe)
                       /\ "message_send" \in GroupFinal(probe)
W_ElevatedOn == IsElev /\ ElevatedOn(probe)
W_OneSwitchOnly == IsElev /\ probe.global # probe.agent
=============================================================================
