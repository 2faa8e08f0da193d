------------------------------ MODULE ProxyAuth ------------------------------
(***************************************************************************)
(* Reverse-proxy request classification (family A, static claims).         *)
(*                                                                         *)
(* Instead of checking one hand-picked request, Init ranges over EVERY     *)
(* combination of the request/deployment facts the decision reads; the    *)
(* next-state relation is a stutter, so each reachable state is one point  *)
(* of the input space and a counterexample names the offending point.      *)
(*                                                                         *)
(*   sockLoopback  the TCP peer address is loopback (e.g. a reverse proxy  *)
(*                 on the same host forwards a remote client)              *)
(*   hostLocal     the Host header names localhost (attacker-controlled)   *)
(*   fwd           forwarded headers (X-Forwarded-For etc.) are present    *)
(*   trustedMode   a trusted proxy is configured                           *)
(*   peerIsProxy   the TCP peer is that configured trusted proxy           *)
(*   idHeader      a forwarded user-identity header is present             *)
(*   backendOK     the backend would accept the named user                 *)
(***************************************************************************)
CONSTANT Bug
  \* "none" | "local_ignores_forwarded" | "header_any_origin"

Inputs == [sockLoopback : BOOLEAN, hostLocal : BOOLEAN, fwd : BOOLEAN,
           trustedMode : BOOLEAN, peerIsProxy : BOOLEAN,
           idHeader : BOOLEAN, backendOK : BOOLEAN]

VARIABLE in
vars == <<in>>

FromTrustedProxy(i) == i.trustedMode /\ i.peerIsProxy

\* implementation of the loopback shortcut
IsLocalDirect(i) ==
  IF Bug = "local_ignores_forwarded"
  THEN i.sockLoopback /\ i.hostLocal
  ELSE i.sockLoopback /\ i.hostLocal /\ ~i.fwd

\* implementation of trusted-proxy identity authentication
ProxyUserAuthed(i) ==
  IF Bug = "header_any_origin"
  THEN i.trustedMode /\ i.idHeader /\ i.backendOK
  ELSE FromTrustedProxy(i) /\ i.idHeader /\ i.backendOK

Init == in \in Inputs
Next == UNCHANGED vars
Spec == Init /\ [][Next]_vars

\* GW-AUTH-PROXY-LOCAL: forwarded headers from a peer that is not the
\* trusted proxy never yield the local-direct classification.
Inv_NoLocalDirectViaSpoof ==
  (in.fwd /\ ~FromTrustedProxy(in)) => ~IsLocalDirect(in)

\* GW-AUTH-PROXY-HEADER: a forwarded identity only authenticates when the
\* connection really comes from the configured trusted proxy.
Inv_NoSpoofWithoutTrustedProxy == ProxyUserAuthed(in) => FromTrustedProxy(in)

\* witnesses: premises and positive paths are reachable
W_SpoofedLocalRequest == in.sockLoopback /\ in.hostLocal /\ in.fwd
                         /\ ~FromTrustedProxy(in)
W_LocalDirect == IsLocalDirect(in)
W_ForgedHeaderDirect == in.trustedMode /\ ~in.peerIsProxy /\ in.idHeader
                        /\ in.backendOK
W_ProxyUserAuthed == ProxyUserAuthed(in)
=============================================================================
