------------------------------ MODULE Pairing ------------------------------
(***************************************************************************)
(* DM pairing store (family C).                                            *)
(*                                                                         *)
(* Unknown senders request pairing; each request is a row (id, sender,     *)
(* createdAt) of the channel's pending store.  A row is live while younger *)
(* than TTL.  Two request-handler threads A and B serve requests           *)
(* concurrently; a request is a two-step operation:                        *)
(*   Begin  - read the store and decide: refresh (the sender has a live    *)
(*            row: snapshot it) or create (cap check on live keys);        *)
(*   Commit - write: create = upsert keyed by (channel, sender);           *)
(*            refresh = delete the snapshot row and insert a fresh row.    *)
(* The correct store takes the store lock in Begin and releases it in      *)
(* Commit, so check-and-write is atomic.  The operator approves live rows  *)
(* (moving the sender into allowFrom) and time ticks.                      *)
(*                                                                         *)
(* One module for green and every red: Bug selects one code mutation, so   *)
(* the race reds are the same actions with the lock taken too late, and    *)
(* their counterexamples contain both threads' actions (BeginA.., BeginB..) *)
(* One channel is modelled: the cap and the dedupe key are per channel.    *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANT Bug
  \* "none"
  \* "no_expiry"            Approve does not check the row's age
  \* "approve_keeps_row"    approval does not consume the pending row
  \* "no_cap_check"         create path skips the cap check
  \* "race"                 create: cap check before taking the lock
  \* "append_always"        every request appends a row (no upsert/replace)
  \* "refresh_cap_checked"  refresh path applies the cap check
  \* "refresh_race"         refresh: snapshot read before taking the lock

Threads == {"A", "B"}
Senders == {"s1", "s2"}
TTL == 2
MaxPending == 1
MaxTime == 3
MaxSteps == 5
MaxApprovals == 2

Idle == [op |-> "idle", s |-> "none", snap |-> 0]

VARIABLES now, rows, nextId, pc, lock, allowFrom, approveLog, reqCount, steps
vars == <<now, rows, nextId, pc, lock, allowFrom, approveLog, reqCount, steps>>

Live(r) == now - r.created < TTL
LiveRows == {r \in rows : Live(r)}
LiveFor(s) == {r \in LiveRows : r.s = s}
LiveKeys == {r.s : r \in LiveRows}

\* take the lock in Begin (correct) or not (bug: the read happens unlocked)
BeginLock(t, locked) ==
  IF locked THEN lock = "free" /\ lock' = t ELSE UNCHANGED lock

BeginCreate(t, s) ==
  /\ pc[t].op = "idle" /\ s \notin allowFrom /\ steps < MaxSteps
  /\ LiveFor(s) = {}
  /\ Bug = "no_cap_check" \/ Cardinality(LiveKeys) < MaxPending
  /\ BeginLock(t, Bug # "race")
  /\ pc' = [pc EXCEPT ![t] = [op |-> "create", s |-> s, snap |-> 0]]
  /\ steps' = steps + 1
  /\ UNCHANGED <<now, rows, nextId, allowFrom, approveLog, reqCount>>

BeginRefresh(t, s) ==
  /\ pc[t].op = "idle" /\ s \notin allowFrom /\ steps < MaxSteps
  /\ LiveFor(s) # {}
  /\ Bug = "refresh_cap_checked" => Cardinality(LiveKeys) < MaxPending
  /\ BeginLock(t, Bug # "refresh_race")
  /\ \E r \in LiveFor(s) :
       pc' = [pc EXCEPT ![t] = [op |-> "refresh", s |-> s, snap |-> r.id]]
  /\ steps' = steps + 1
  /\ UNCHANGED <<now, rows, nextId, allowFrom, approveLog, reqCount>>

\* a thread whose Begin ran unlocked takes the lock for the write itself
CommitLockOK(t) == lock = t \/ lock = "free"

Commit(t) ==
  /\ pc[t].op # "idle"
  /\ CommitLockOK(t)
  /\ LET s == pc[t].s
         new == [id |-> nextId, s |-> s, created |-> now]
     IN rows' = CASE Bug = "append_always" -> rows \cup {new}
                  [] pc[t].op = "create" -> {r \in rows : r.s # s} \cup {new}
                  [] OTHER -> {r \in rows : r.id # pc[t].snap} \cup {new}
  /\ nextId' = nextId + 1
  /\ reqCount' = [reqCount EXCEPT ![pc[t].s] = @ + 1]
  /\ lock' = "free"
  /\ pc' = [pc EXCEPT ![t] = Idle]
  /\ UNCHANGED <<now, allowFrom, approveLog, steps>>

BeginA == pc["A"].op = "idle" /\ \E s \in Senders : BeginCreate("A", s) \/ BeginRefresh("A", s)
BeginB == pc["B"].op = "idle" /\ \E s \in Senders : BeginCreate("B", s) \/ BeginRefresh("B", s)
CommitA == pc["A"].op # "idle" /\ Commit("A")
CommitB == pc["B"].op # "idle" /\ Commit("B")

Approve ==
  /\ Len(approveLog) < MaxApprovals
  /\ \E r \in rows :
       /\ Bug = "no_expiry" \/ Live(r)
       /\ allowFrom' = allowFrom \cup {r.s}
       /\ rows' = IF Bug = "approve_keeps_row" THEN rows ELSE rows \ {r}
       /\ approveLog' = Append(approveLog, [id |-> r.id, s |-> r.s,
                                            created |-> r.created, at |-> now])
  /\ UNCHANGED <<now, nextId, pc, lock, reqCount, steps>>

Tick ==
  /\ now < MaxTime
  /\ now' = now + 1
  /\ UNCHANGED <<rows, nextId, pc, lock, allowFrom, approveLog, reqCount, steps>>

Init == /\ now = 0
        /\ rows = {}
        /\ nextId = 1
        /\ pc = [t \in Threads |-> Idle]
        /\ lock = "free"
        /\ allowFrom = {}
        /\ approveLog = <<>>
        /\ reqCount = [s \in Senders |-> 0]
        /\ steps = 0

Next == BeginA \/ BeginB \/ CommitA \/ CommitB \/ Approve \/ Tick
Spec == Init /\ [][Next]_vars

(* ------------------------------ properties ----------------------------- *)
\* GW-PAIRING-TTL: every logged approval was of a row younger than TTL ...
Inv_NoApproveExpired ==
  \A i \in 1..Len(approveLog) : approveLog[i].at - approveLog[i].created < TTL
\* ... and each pending row (pairing code) is approved at most once.
Inv_PairingApprovalSingleUse ==
  \A i, j \in 1..Len(approveLog) : i < j => approveLog[i].id # approveLog[j].id
\* GW-PAIRING-CAP / GW-PAIRING-RACE: at most MaxPending senders hold a
\* live pending request (pending slots are keyed by (channel, sender)).
Inv_PendingCap == Cardinality(LiveKeys) <= MaxPending
\* GW-PAIRING-IDEMPOTENCY / GW-PAIRING-REFRESH-RACE: at most one live row
\* per (channel, sender): rows are counted, not collapsed into a set of keys.
Inv_NoDuplicateLive == \A s \in Senders : Cardinality(LiveFor(s)) <= 1
\* GW-PAIRING-REFRESH (enabledness): whenever a sender has a live row and a
\* handler thread is free, that sender's refresh can be started, even at cap.
Inv_RefreshEnabled ==
  \A t \in Threads, s \in Senders :
    (pc[t].op = "idle" /\ lock = "free" /\ LiveFor(s) # {}
       /\ s \notin allowFrom /\ steps < MaxSteps)
      => ENABLED BeginRefresh(t, s)

(* ------------------------------- witnesses ----------------------------- *)
W_ExpiredRowAwaiting == \E r \in rows : ~Live(r) /\ r.s \notin allowFrom
W_ApprovedAtTtlEdge == \E i \in 1..Len(approveLog) :
                         approveLog[i].at - approveLog[i].created = TTL - 1
W_CapFullOtherSenderWaiting ==
  Cardinality(LiveKeys) = MaxPending /\ \E s \in Senders : LiveFor(s) = {} /\ s \notin allowFrom
W_CreateInFlightOtherSenderFree ==
  \E t \in Threads : pc[t].op = "create" /\ Cardinality(LiveKeys) = MaxPending - 1
    /\ \E s \in Senders : s # pc[t].s /\ LiveFor(s) = {} /\ s \notin allowFrom
W_RetriedSender == \E s \in Senders : reqCount[s] >= 2 /\ Cardinality(LiveFor(s)) = 1
W_RefreshedAtCap == \E s \in Senders : reqCount[s] >= 2 /\ Cardinality(LiveKeys) = MaxPending
W_RefreshInFlightAtCap == Cardinality(LiveKeys) = MaxPending
                          /\ \E t \in Threads : pc[t].op = "refresh"
=============================================================================
