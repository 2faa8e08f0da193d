------------------------------- MODULE Routing -------------------------------
(***************************************************************************)
(* DM session routing, identity links, thread inheritance, agent binding   *)
(* and cross-platform identity (family E, static claims).                  *)
(*                                                                         *)
(* Init enumerates the WHOLE configuration space as a tagged union:        *)
(*  - "route": global dmScope, the channel's override, a thread's own      *)
(*    (to be ignored) override, thread or not, every set of identity-link  *)
(*    groups over three peers (overlapping groups included), the global    *)
(*    identity-link switch and the channel's link override;                *)
(*  - "bind": explicit thread binding x parent-channel binding;            *)
(*  - "xp": cross-platform display-handle clash, link, both channels'      *)
(*    permission.                                                          *)
(* Next is a stutter; every state is one configuration.  Properties are    *)
(* stated against the reference semantics (RefLinked, ParentScope); the   *)
(* implementation (ImplScope, ImplLinked, Key, Agent, Unified) carries the *)
(* Bug mutation.  Semantics fixed here (the published harnesses disagreed, *)
(* Obs. 5): identity links are an equivalence (reflexive, symmetric,       *)
(* transitive closure of the groups) and linked peers share a DM session   *)
(* under per-peer scope; main scope puts every DM in one session.          *)
(***************************************************************************)
EXTENDS Naturals

CONSTANT Bug
  \* "none" | "dm_all_main" | "global_always" | "canon_ignores_groups"
  \* | "no_closure" | "one_way_link" | "links_global_flag_wins"
  \* | "thread_own_scope" | "parent_overrides" | "unify_on_handle" | "link_alone"

Peers == {"a", "b", "c"}
Scopes == {"main", "per-peer"}
Overrides == {"inherit", "main", "per-peer"}
GroupChoices == {{"a", "b"}, {"b", "c"}, {"a", "c"}}
Agents == {"none", "agentA", "agentB"}

RouteProbes == [kind : {"route"}, gScope : Scopes, chScope : Overrides,
                thScope : Overrides, isThread : BOOLEAN,
                groups : SUBSET GroupChoices, gLinks : BOOLEAN,
                chLinks : {"inherit", "on", "off"}]
BindProbes == [kind : {"bind"}, thread : Agents, parent : Agents]
XpProbes == [kind : {"xp"}, sameHandle : BOOLEAN, link : BOOLEAN,
             chA : BOOLEAN, chB : BOOLEAN]

VARIABLE cfg
vars == <<cfg>>

(* ----------------------------- reference ------------------------------- *)
ParentScope(i) == IF i.chScope # "inherit" THEN i.chScope ELSE i.gScope
RefLinksOn(i) == IF i.chLinks = "inherit" THEN i.gLinks ELSE i.chLinks = "on"
Direct(i, p, q) == \E g \in i.groups : p \in g /\ q \in g
RefLinked(i, p, q) ==
  \/ p = q
  \/ RefLinksOn(i) /\ (Direct(i, p, q) \/ \E r \in Peers : Direct(i, p, r) /\ Direct(i, r, q))

(* --------------------------- implementation ---------------------------- *)
ChannelScope(i) == IF Bug = "global_always" THEN i.gScope ELSE ParentScope(i)
ImplScope(i) ==
  IF i.isThread /\ Bug = "thread_own_scope" /\ i.thScope # "inherit"
  THEN i.thScope ELSE ChannelScope(i)
ImplLinksOn(i) == IF Bug = "links_global_flag_wins" THEN i.gLinks ELSE RefLinksOn(i)
Rank(p) == CASE p = "a" -> 1 [] p = "b" -> 2 [] OTHER -> 3
MinOf(S) == CHOOSE p \in S : \A q \in S : Rank(p) <= Rank(q)
\* one link edge as the implementation derives it from the groups
ImplEdge(i, p, q) ==
  IF Bug = "one_way_link"
  THEN \E g \in i.groups : p = MinOf(g) /\ q \in g     \* only from a group's first member
  ELSE Direct(i, p, q)
ImplLinked(i, p, q) ==
  p = q \/ (ImplLinksOn(i) /\ Bug # "canon_ignores_groups" /\ ImplEdge(i, p, q))
ImplClass(i, p) ==
  IF Bug = "no_closure" THEN {q \in Peers : ImplLinked(i, p, q)}
  ELSE {q \in Peers : ImplLinked(i, p, q) \/ \E r \in Peers : ImplLinked(i, p, r) /\ ImplLinked(i, r, q)}
Key(i, p) ==
  IF Bug = "dm_all_main" \/ ImplScope(i) = "main" THEN "main"
  ELSE MinOf(ImplClass(i, p))

Agent(i) ==
  IF Bug = "parent_overrides" /\ i.parent # "none" THEN i.parent
  ELSE IF i.thread # "none" THEN i.thread
  ELSE IF i.parent # "none" THEN i.parent
  ELSE "default"

Unified(i) ==
  CASE Bug = "unify_on_handle" -> i.sameHandle \/ (i.link /\ i.chA /\ i.chB)
    [] Bug = "link_alone" -> i.link
    [] OTHER -> i.link /\ i.chA /\ i.chB

Init == cfg \in RouteProbes \cup BindProbes \cup XpProbes
Next == UNCHANGED vars
Spec == Init /\ [][Next]_vars

IsRoute == cfg.kind = "route"
IsBind == cfg.kind = "bind"
IsXp == cfg.kind = "xp"
PerPeer == IsRoute /\ ImplScope(cfg) = "per-peer"

(* ------------------------------ properties ----------------------------- *)
\* GW-ROUTING-ISOLATION: under per-peer scope, unlinked peers never share a key
Inv_NoUnlinkedCollapse ==
  PerPeer => \A p, q \in Peers : (p # q /\ ~RefLinked(cfg, p, q)) => Key(cfg, p) # Key(cfg, q)
\* GW-ROUTING-PRECEDENCE, GW-ROUTING-LINK-CHANNEL-OFF: channel overrides
\* (dmScope and identity-link switch) beat the global defaults
Inv_ChannelOverrideWins ==
  IsRoute => /\ (~cfg.isThread /\ cfg.chScope # "inherit") => ImplScope(cfg) = cfg.chScope
             /\ cfg.chLinks # "inherit" => (ImplLinksOn(cfg) <=> cfg.chLinks = "on")
\* GW-ROUTING-IDENTITYLINKS: peers in a common link group share a session
Inv_LinkedShare ==
  PerPeer => \A p, q \in Peers : (RefLinksOn(cfg) /\ Direct(cfg, p, q)) => Key(cfg, p) = Key(cfg, q)
\* GW-ROUTING-LINK-TRANSITIVE: so do peers linked through a chain of groups
Inv_TransitiveCollapse ==
  PerPeer => \A p, q \in Peers : RefLinked(cfg, p, q) => Key(cfg, p) = Key(cfg, q)
\* GW-ROUTING-LINK-SYMMETRY: the implemented link relation is reflexive and symmetric
Inv_Reflexive == IsRoute => \A p \in Peers : ImplLinked(cfg, p, p)
Inv_Symmetric == IsRoute => \A p, q \in Peers : ImplLinked(cfg, p, q) <=> ImplLinked(cfg, q, p)
\* GW-ROUTING-LINK-CHANNEL-OFF: links disabled on the channel => strict per-peer
Inv_NoCollapseWhenDisabled ==
  (PerPeer /\ cfg.chLinks = "off") => \A p, q \in Peers : p # q => Key(cfg, p) # Key(cfg, q)
\* GW-ROUTING-THREAD-SCOPE: a thread resolves exactly its parent channel's scope
Inv_ThreadInheritsParent ==
  (IsRoute /\ cfg.isThread) => ImplScope(cfg) = ImplScope([cfg EXCEPT !.isThread = FALSE])
\* GW-ROUTING-TRIRULE: under a per-peer parent, a thread never collapses
\* unlinked peers, whatever the thread's own scope says
Inv_ThreadPerPeerParentNoCollapse ==
  (IsRoute /\ cfg.isThread /\ ParentScope(cfg) = "per-peer") =>
    \A p, q \in Peers : (p # q /\ ~RefLinked(cfg, p, q)) => Key(cfg, p) # Key(cfg, q)
\* GW-ROUTING-THREAD-PARENT: explicit thread binding > parent binding > default
Inv_ThreadBindingWins == (IsBind /\ cfg.thread # "none") => Agent(cfg) = cfg.thread
Inv_ParentBindingInherited ==
  (IsBind /\ cfg.thread = "none" /\ cfg.parent # "none") => Agent(cfg) = cfg.parent
Inv_DefaultAgent == (IsBind /\ cfg.thread = "none" /\ cfg.parent = "none") => Agent(cfg) = "default"
\* GW-IDENTITY-XPLATFORM: no cross-platform unification without an explicit link
Inv_NoCrossPlatformCollapseWithoutLink == (IsXp /\ Unified(cfg)) => cfg.link
\* GW-IDENTITY-XPLATFORM-OVERRIDE: and only if both channels permit it
Inv_CrossChannelCollapseNeedsBoth == (IsXp /\ Unified(cfg)) => (cfg.chA /\ cfg.chB)

(* ------------------------------- witnesses ----------------------------- *)
W_PerPeerUnlinkedPair == PerPeer /\ \E p, q \in Peers : p # q /\ ~RefLinked(cfg, p, q)
W_ChannelOverridesGlobal == IsRoute /\ ~cfg.isThread /\ cfg.chScope # "inherit"
                            /\ cfg.chScope # cfg.gScope
W_LinkedPeersShare == PerPeer /\ \E p, q \in Peers : p # q /\ Direct(cfg, p, q)
                                 /\ RefLinksOn(cfg) /\ Key(cfg, p) = Key(cfg, q)
W_UnlinkedPeerAmongLinked == PerPeer /\ RefLinksOn(cfg) /\ cfg.groups = {{"a", "b"}}
W_TransitiveOnlyPair == PerPeer /\ \E p, q \in Peers : RefLinked(cfg, p, q) /\ ~Direct(cfg, p, q) /\ p # q
W_LinkEdgeExists == IsRoute /\ \E p, q \in Peers : p # q /\ ImplLinked(cfg, p, q)
W_ChannelLinksOffGlobalOn == PerPeer /\ cfg.gLinks /\ cfg.chLinks = "off" /\ cfg.groups # {}
W_ThreadOwnScopeDiffers == IsRoute /\ cfg.isThread /\ cfg.thScope # "inherit"
                           /\ cfg.thScope # ParentScope(cfg)
W_TriRulePremise == IsRoute /\ cfg.isThread /\ ParentScope(cfg) = "per-peer"
                    /\ cfg.thScope = "main" /\ RefLinksOn(cfg) /\ cfg.groups = {{"a", "b"}}
W_BothBindingsDiffer == IsBind /\ cfg.thread # "none" /\ cfg.parent # "none" /\ cfg.thread # cfg.parent
W_ParentBindingOnly == IsBind /\ cfg.thread = "none" /\ cfg.parent # "none"
W_SameHandleNoLink == IsXp /\ cfg.sameHandle /\ ~cfg.link
W_LinkOneChannelForbids == IsXp /\ cfg.link /\ cfg.chA /\ ~cfg.chB
W_Unified == IsXp /\ Unified(cfg)
=============================================================================
