---------------------------- MODULE RecursiveFunc ----------------------------
(* Recursive function definitions f[n \in S] == ... (factorial, Fibonacci) *)
(* and a recursive function over sets.                                       *)
EXTENDS Naturals

fact[n \in 0..10] == IF n = 0 THEN 1 ELSE n * fact[n - 1]
fib[n \in Nat] == IF n < 2 THEN n ELSE fib[n - 1] + fib[n - 2]
sum[S \in SUBSET (0..6)] == IF S = {} THEN 0
                            ELSE LET x == CHOOSE y \in S : TRUE
                                 IN  x + sum[S \ {x}]

VARIABLE n

Init == n = 0
Next == n < 6 /\ n' = n + 1

Inv == /\ fact[n] >= fib[n]
       /\ fib[6] = 8 /\ fact[5] = 120
       /\ sum[0..n] = (n * (n + 1)) \div 2
=============================================================================
