------------------------------ MODULE Exposure ------------------------------
(***************************************************************************)
(* Gateway exposure and connect-time authentication (family A).            *)
(*                                                                         *)
(* The deployment configuration is chosen nondeterministically in Init     *)
(* over the WHOLE configuration space (every bind, every auth mode, every  *)
(* combination of configured secrets, Tailscale on/off, and both ways the  *)
(* "auto" bind may resolve), so one run checks every §1.2 scenario at      *)
(* once instead of one constant point per config.                          *)
(*                                                                         *)
(* The attacker is remote and reaches the gateway directly (no reverse     *)
(* proxy in front of it: proxy classification is ProxyAuth.tla).  It picks *)
(* any request: which secret it presents (none / the real token / the real *)
(* password, i.e. "holds the secret"), the Host header, forwarded headers  *)
(* and the two Tailscale header groups.  It then connects and invokes a    *)
(* sensitive tool.                                                         *)
(*                                                                         *)
(* The properties are written against a REFERENCE statement of the policy  *)
(* (RefMode, Open, Legit); the implementation (ImplMode, LocalDirect,      *)
(* Accept, ImplAuditOpen) is separate, and Bug selects one realistic code  *)
(* mutation of it.  Green and red differ only in Bug.                      *)
(***************************************************************************)
EXTENDS Naturals

CONSTANT Bug
  \* "none"                      correct implementation
  \* "auto_auth_ignores_password" auth=auto resolves from the token only
  \* "local_direct_host_only"    local-direct shortcut trusts the Host header
  \* "tailscale_user_only"       Tailscale identity header accepted without
  \*                             the Tailscale proxy headers
  \* "audit_literal_config"      audit reads the literal config, missing the
  \*                             auto-bind / auto-auth resolution

Binds == {"loopback", "lan", "auto", "custom", "tailnet"}
Modes == {"none", "token", "password", "auto"}
Creds == {"none", "token", "password"}

Configs == [bind : Binds, autoRemote : BOOLEAN, mode : Modes,
            token : BOOLEAN, password : BOOLEAN, tailscale : BOOLEAN]

Requests == [cred : Creds, hostLocal : BOOLEAN, fwd : BOOLEAN,
             tsUser : BOOLEAN, tsProxy : BOOLEAN]

NoReq == [cred |-> "none", hostLocal |-> FALSE, fwd |-> FALSE,
          tsUser |-> FALSE, tsProxy |-> FALSE]

VARIABLES cfg, connected, req, invoked, findings
vars == <<cfg, connected, req, invoked, findings>>

(* ---------------- reference policy (what the claims say) --------------- *)
ResolvedBind(c) == IF c.bind = "auto"
                   THEN (IF c.autoRemote THEN "lan" ELSE "loopback")
                   ELSE c.bind
Remote(c) == ResolvedBind(c) # "loopback"
RefMode(c) == IF c.mode # "auto" THEN c.mode
              ELSE IF c.password THEN "password"
              ELSE IF c.token THEN "token"
              ELSE "none"
Open(c) == Remote(c) /\ RefMode(c) = "none"
SecretOK(c, r) == \/ RefMode(c) = "token" /\ c.token /\ r.cred = "token"
                  \/ RefMode(c) = "password" /\ c.password /\ r.cred = "password"
TailscaleOK(c, r) == c.tailscale /\ r.tsUser /\ r.tsProxy
Legit(c, r) == Open(c) \/ SecretOK(c, r) \/ TailscaleOK(c, r)

(* ---------------- implementation (Bug mutates one piece) --------------- *)
ImplMode(c) ==
  IF Bug = "auto_auth_ignores_password" /\ c.mode = "auto"
  THEN (IF c.token THEN "token" ELSE "none")
  ELSE RefMode(c)

\* The remote attacker's socket peer is never loopback in this model.
SockLoopback == FALSE
LocalDirect(r) ==
  IF Bug = "local_direct_host_only" THEN r.hostLocal
  ELSE SockLoopback /\ r.hostLocal /\ ~r.fwd

TsAccept(c, r) == c.tailscale /\ ~LocalDirect(r) /\ r.tsUser
                  /\ (r.tsProxy \/ Bug = "tailscale_user_only")

Accept(c, r) ==
  /\ ResolvedBind(c) # "loopback"          \* reachable from the network
  /\ \/ LocalDirect(r)
     \/ ImplMode(c) = "none"
     \/ ImplMode(c) = "token" /\ c.token /\ r.cred = "token"
     \/ ImplMode(c) = "password" /\ c.password /\ r.cred = "password"
     \/ TsAccept(c, r)

ImplAuditOpen(c) ==
  IF Bug = "audit_literal_config"
  THEN c.bind \notin {"loopback", "auto"} /\ c.mode = "none"
  ELSE ResolvedBind(c) # "loopback" /\ ImplMode(c) = "none"

(* ------------------------------- actions ------------------------------- *)
Init == /\ cfg \in Configs
        /\ connected = FALSE
        /\ req = NoReq
        /\ invoked = FALSE
        /\ findings = 0

AttackerConnect ==
  /\ ~connected
  /\ \E r \in Requests :
       /\ Accept(cfg, r)
       /\ req' = r
  /\ connected' = TRUE
  \* the security audit runs on the accepted connection and appends (counts)
  \* a bind-without-auth finding when it judges the deployment open
  /\ findings' = findings + (IF ImplAuditOpen(cfg) THEN 1 ELSE 0)
  /\ UNCHANGED <<cfg, invoked>>

AttackerInvokeSensitive ==
  /\ connected /\ ~invoked
  /\ invoked' = TRUE
  /\ UNCHANGED <<cfg, connected, req, findings>>

Next == AttackerConnect \/ AttackerInvokeSensitive
Spec == Init /\ [][Next]_vars

(* ------------------------------ properties ----------------------------- *)
TypeOK == /\ cfg \in Configs /\ req \in Requests \cup {NoReq}
          /\ connected \in BOOLEAN /\ invoked \in BOOLEAN /\ findings \in 0..1

\* GW-EXPOSURE, GW-AUTH-CONFORMANCE, GW-AUTH-TAILSCALE: a sensitive tool is
\* invoked only if the deployment is open (remote bind AND auth resolving to
\* none), or the attacker holds the resolved secret, or presents a complete
\* Tailscale identity (identity header AND proxy headers) where allowed.
Inv_NotCompromised == invoked => Legit(cfg, req)

\* GW-EXPOSURE-AUDIT: an open deployment that was connected to has exactly
\* one bind-without-auth finding logged for that connection.
Inv_AuditFlagsOpenGateway == (connected /\ Open(cfg)) => findings = 1

(* ------------------------------- witnesses ----------------------------- *)
\* the open-gateway misconfiguration really is exploitable (old cfg-red)
W_OpenGatewayCompromised == invoked /\ Open(cfg)
\* ... including through the auto bind and auto auth resolution
W_AutoOpenAudited == connected /\ Open(cfg) /\ cfg.bind = "auto"
                     /\ cfg.mode = "auto" /\ findings = 1
\* the credential path is live: a secret holder gets through a protected gateway
W_SecretHolderInvokes == invoked /\ ~Open(cfg) /\ SecretOK(cfg, req)
\* a protected gateway resolved through auth=auto is reached with a secret
W_AutoProtectedReached == invoked /\ Remote(cfg) /\ cfg.mode = "auto"
                          /\ RefMode(cfg) # "none" /\ SecretOK(cfg, req)
\* Tailscale identity path is live on a protected gateway
W_TailscaleInvokes == invoked /\ ~Open(cfg) /\ ~SecretOK(cfg, req)
                      /\ TailscaleOK(cfg, req)
=============================================================================
