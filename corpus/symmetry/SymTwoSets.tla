---- MODULE SymTwoSets ----
\* Two independent symmetry sets (a union of Permutations), a model value outside both, and
\* values of every shape over them: a set of records, a function with a model-value domain,
\* a sequence of tuples.
EXTENDS Naturals, Sequences, FiniteSets, TLC
CONSTANTS Procs, Vals, None
VARIABLES msgs, decided, log

Init == /\ msgs = {}
        /\ decided = [p \in Procs |-> None]
        /\ log = <<>>

Send(p, v) == /\ Cardinality(msgs) < 3
              /\ msgs' = msgs \cup {[from |-> p, val |-> v]}
              /\ UNCHANGED <<decided, log>>

Decide(p) == /\ decided[p] = None
             /\ \E m \in msgs : /\ m.from # p
                                /\ decided' = [decided EXCEPT ![p] = m.val]
                                /\ log' = IF Len(log) < 2 THEN Append(log, <<p, m.val>>) ELSE log
             /\ UNCHANGED msgs

Next == \/ \E p \in Procs, v \in Vals : Send(p, v)
        \/ \E p \in Procs : Decide(p)

TypeOK == /\ msgs \subseteq [from : Procs, val : Vals]
          /\ decided \in [Procs -> Vals \cup {None}]

Sym == Permutations(Procs) \cup Permutations(Vals)
====
