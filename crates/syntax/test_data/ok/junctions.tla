---- MODULE Junctions ----
VARIABLES x, y, z

\* A list of one bullet is legal.
One == /\ x = 1

\* Nested lists: the inner list ends at a bullet left of its column.
Nested == \/ /\ x = 1
             /\ y = 2
          \/ /\ z = 3
          \/ x = y

\* Infix conjunction inside an item continues the item.
Infix == /\ x = 1 /\ y = 2
         /\ z = 3

\* Infix chains are flattened.
Chain == x = 1 /\ y = 2 /\ z = 3
OrChain == x = 1 \/ y = 2 \/ z = 3

\* A bullet list as an operand, inside parentheses and after quantifiers.
Quant == \E i \in {1, 2} :
            /\ x' = i
            /\ y' = y
Paren == (/\ x = 1
          /\ y = 2) \/ z = 3

\* Items may span lines as long as they stay right of the bullet.
Long == /\ x = 1
            + 2
        /\ IF x > 0
           THEN y
           ELSE z
====
