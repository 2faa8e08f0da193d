---- MODULE Unicode ----
EXTENDS Naturals
VARIABLES x, S
Init ≜ x ∈ ℕ ∧ S ⊆ {1} ∪ {2} ∪ ℤ
Ops ≜ ¬(x ≠ 1) ∨ (x ≤ 2 ⇒ x ≥ 0) ∨ (TRUE ⇔ TRUE) ∨ (TRUE ≡ TRUE)
Rest ≜ ∀ y ∈ S : ∃ z ∈ S : y ∉ {z} ∧ S ⊂ S
Tup ≜ ⟨1, 2⟩ ∘ ⟨3⟩
Fn ≜ [y ∈ S ↦ y] ∈ [S → S]
Prod ≜ S × S
Temporal ≜ □(x = 1) ∧ ◇(x = 2)
Circled ≜ (x ⊕ x) ⊖ (x ⊗ x) ⊙ x
Order ≜ x ≺ x ∧ x ≻ x ∧ x ⪯ x ∧ x ⪰ x ∧ x ⊑ x ∧ x ⊒ x ∧ x ⊏ x ∧ x ⊐ x
Lattice ≜ (x ⊓ x) ⊔ x
Par ≜ x ∥ x
====
