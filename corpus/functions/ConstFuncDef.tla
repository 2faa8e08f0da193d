---------------------------- MODULE ConstFuncDef ----------------------------
(* Constant function definitions f[x \in S] == e applied in actions and in *)
(* an invariant: one over a set of integers, one over a tuple domain, and one   *)
(* over a domain of 20,001 points of which few are applied.                *)
EXTENDS Naturals
Procs == {3, 1, 2}
next[p \in Procs] == CHOOSE q \in Procs : q # p /\ \A r \in Procs : r # p => q <= r
dist[<<p, q>> \in Procs \X Procs] == IF p = q THEN 0 ELSE 1
sq[n \in 0..20000] == n * n
VARIABLES at, k, d
Init == /\ at \in Procs
        /\ k = 0
        /\ d = 0
Next == /\ k < 4
        /\ \E p \in Procs :
             /\ at' = next[p]
             /\ d' = d + dist[<<at, p>>]
        /\ k' = k + 1
Inv == /\ sq[k + d] = (k + d) * (k + d)
       /\ next[at] # at
=============================================================================
