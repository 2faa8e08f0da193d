---------------------------- MODULE StateFuncDef ----------------------------
(* Function definitions that read the state: applied again and again at the *)
(* same points while one state is evaluated (directly, through an operator, *)
(* and passed to a recursive operator as an argument), and a recursive one. *)
EXTENDS Naturals, FiniteSets

VARIABLES grid, steps

N == 3
Pos == (1..N) \X (1..N)

cell[<<x, y>> \in (0 .. N + 1) \X (0 .. N + 1)] ==
    IF x \in 1..N /\ y \in 1..N /\ grid[<<x, y>>] THEN 1 ELSE 0

count[k \in 0 .. N * N] ==
    IF k = 0 THEN 0
    ELSE cell[<<((k - 1) \div N) + 1, ((k - 1) % N) + 1>>] + count[k - 1]

RECURSIVE Sum(_, _)
Sum(f, S) == IF S = {} THEN 0
             ELSE LET x == CHOOSE x \in S : TRUE
                  IN  f[x] + Sum(f, S \ {x})

nbrs(p) == {<<p[1] - 1, p[2]>>, <<p[1] + 1, p[2]>>, <<p[1], p[2] - 1>>, <<p[1], p[2] + 1>>}

Init == /\ grid = [p \in Pos |-> p[1] = p[2]]
        /\ steps = 0

Flip(p) == /\ Sum(cell, nbrs(p)) + cell[p] \in {1, 2}
           /\ grid' = [grid EXCEPT ![p] = ~@]
           /\ steps' = steps + 1

Next == steps < 6 /\ \E p \in Pos : Flip(p)

Inv == /\ count[N * N] = Cardinality({p \in Pos : grid[p]})
       /\ Sum(cell, Pos) = count[N * N]
=============================================================================
