----------------------------- MODULE CounterLib -----------------------------
(* Library module (no cfg: not a corpus entry on its own). Instantiated by  *)
(* InstanceNamed, InstanceParam and InstanceUnnamed with different          *)
(* substitutions for its constant and variable.                             *)
EXTENDS Naturals

CONSTANT Limit
VARIABLE c

LOCAL Bump(v) == v + 1

CInit == c = 0
CInc == c < Limit /\ c' = Bump(c)
CReset == c = Limit /\ c' = 0
CNext == CInc \/ CReset
CTypeOK == c \in 0..Limit
=============================================================================
