------------------------------ MODULE Deadlock ------------------------------
(* Two processes each take one of two locks and then want the other:      *)
(* classic deadlock, found at depth 3.                                     *)
VARIABLES holder, pc

Init == holder = [l \in {"L1", "L2"} |-> "none"] /\ pc = [p \in {"p", "q"} |-> "start"]

Take(p, l, next) == /\ holder[l] = "none"
                    /\ holder' = [holder EXCEPT ![l] = p]
                    /\ pc' = [pc EXCEPT ![p] = next]

Release(p) == /\ pc[p] = "both"
              /\ holder' = [l \in {"L1", "L2"} |-> "none"]
              /\ pc' = [pc EXCEPT ![p] = "start"]

Next == \/ pc["p"] = "start" /\ Take("p", "L1", "one")
        \/ pc["p"] = "one" /\ Take("p", "L2", "both")
        \/ pc["q"] = "start" /\ Take("q", "L2", "one")
        \/ pc["q"] = "one" /\ Take("q", "L1", "both")
        \/ Release("p") \/ Release("q")
=============================================================================
