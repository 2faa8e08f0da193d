-------------------------- MODULE UseBeforeDefinition --------------------------
(* An operator used before its definition: TLA+ requires definitions to   *)
(* precede uses (except RECURSIVE), so this is a semantic error (exit 150) *)
(* and no state is computed.                                               *)
EXTENDS Naturals

VARIABLE v

Init == v = 0
Next == v' = Bump(v)

Bump(n) == (n + 1) % 3
=============================================================================
