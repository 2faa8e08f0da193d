--------------------------- MODULE InstanceUnnamed ---------------------------
(* Unnamed INSTANCE: CounterLib's definitions become this module's, with   *)
(* its constant Limit and variable c substituted implicitly by this        *)
(* module's Limit and c of the same names.                                  *)
CONSTANT Limit
VARIABLE c

INSTANCE CounterLib

Init == CInit
Next == CNext
=============================================================================
