-------------------------- MODULE DiscordPreflight --------------------------
(***************************************************************************)
(* Discord-specific ingress preflight (family F, static claims).           *)
(*                                                                         *)
(* Init enumerates every input point of two decisions (tagged union):      *)
(*  - "pk": PluralKit sender resolution.  A message may come from a        *)
(*    webhook; PluralKit may report a member for it; the allowlist may     *)
(*    name the author user and/or the PluralKit member.  A webhook can     *)
(*    impersonate a PluralKit member, so resolution must not apply to it.  *)
(*  - "role": role-gated interactions.  The channel (for a thread message: *)
(*    the PARENT channel) may require a role; a thread has its own,        *)
(*    irrelevant context flag; the user may lack the role.                 *)
(***************************************************************************)
CONSTANT Bug
  \* "none" | "pk_ignores_webhook" | "allowlist_any_kind"
  \* | "role_ignored" | "thread_own_context"

PkProbes == [kind : {"pk"}, webhook : BOOLEAN, pkMember : BOOLEAN,
             userListed : BOOLEAN, memberListed : BOOLEAN]
RoleProbes == [kind : {"role"}, inThread : BOOLEAN, chRequires : BOOLEAN,
               threadRequires : BOOLEAN, hasRole : BOOLEAN]

VARIABLE x
vars == <<x>>

\* implementation: resolved sender kind and allowlist decision
ResolvedKind(i) ==
  IF i.pkMember /\ (~i.webhook \/ Bug = "pk_ignores_webhook") THEN "member" ELSE "author"
AllowedBy(i, kind) == IF kind = "member" THEN i.memberListed ELSE i.userListed
PkAuthorized(i) ==
  IF Bug = "allowlist_any_kind" THEN i.userListed \/ i.memberListed
  ELSE AllowedBy(i, ResolvedKind(i))

RequiredRole(i) ==
  IF i.inThread /\ Bug = "thread_own_context" THEN i.threadRequires ELSE i.chRequires
RoleAuthorized(i) == ~RequiredRole(i) \/ i.hasRole \/ Bug = "role_ignored"

Init == x \in PkProbes \cup RoleProbes
Next == UNCHANGED vars
Spec == Init /\ [][Next]_vars

IsPk == x.kind = "pk"
IsRole == x.kind = "role"

\* GW-DISCORD-PLURALKIT: PluralKit resolution never applies to webhook messages ...
Inv_NoPluralKitForWebhook == (IsPk /\ x.webhook) => ResolvedKind(x) = "author"
\* ... and the allowlist is checked against the resolved sender kind.
Inv_AllowlistMatchesKind == IsPk => (PkAuthorized(x) <=> AllowedBy(x, ResolvedKind(x)))
\* GW-DISCORD-ROLE: no role, no authorisation (channel messages)
Inv_NoRoleNoAuth == (IsRole /\ ~x.inThread /\ x.chRequires /\ ~x.hasRole) => ~RoleAuthorized(x)
\* GW-DISCORD-ROLE-THREAD: in a thread the parent's requirement applies
Inv_NoRoleNoAuthInThread ==
  (IsRole /\ x.inThread /\ x.chRequires /\ ~x.hasRole) => ~RoleAuthorized(x)

W_WebhookClaimsMember == IsPk /\ x.webhook /\ x.pkMember /\ x.memberListed /\ ~x.userListed
W_PluralKitResolved == IsPk /\ ResolvedKind(x) = "member" /\ PkAuthorized(x)
W_MemberListedUserNot == IsPk /\ ~x.webhook /\ x.pkMember /\ ~x.memberListed /\ x.userListed
W_RoleHolderAuthorized == IsRole /\ x.chRequires /\ x.hasRole /\ RoleAuthorized(x)
W_NoRoleUserInChannel == IsRole /\ ~x.inThread /\ x.chRequires /\ ~x.hasRole
W_ThreadWithoutOwnRequirement == IsRole /\ x.inThread /\ x.chRequires /\ ~x.threadRequires
                                 /\ ~x.hasRole
=============================================================================
