//! The TLA+ operator table: every built-in prefix, infix and postfix operator symbol, its
//! canonical ASCII spelling, its synonyms (ASCII and Unicode), its precedence range and its
//! associativity, after the table in Lamport's *Specifying Systems* (§15.2.1) as SANY uses it.
//!
//! The lexer maps every synonym to the canonical spelling, so the parser and everything after
//! it see one name per operator: [`ast::ExprKind::OpApp`](crate::ast::ExprKind::OpApp) stores
//! exactly the `name` of an [`OpInfo`]. Canonical names worth knowing:
//!
//! * conjunction `/\` (synonyms `\land`, `∧`), disjunction `\/` (`\lor`, `∨`), negation `~`
//!   (`\lnot`, `\neg`, `¬`), implication `=>`, equivalence `<=>` (`\equiv`, `⇔`, `≡`);
//! * inequality `#` (`/=`, `≠`), `=<` (`<=`, `\leq`, `≤`), `>=` (`\geq`, `≥`);
//! * `\cup` (`\union`, `∪`), `\cap` (`\intersect`, `∩`), set difference `\`, `\in`, `\notin`,
//!   `\subseteq`, composition `\o` (`\circ`, `∘`), `(+)` (`\oplus`, `⊕`) and the other
//!   circled operators in their parenthesised form;
//! * prefix minus is `-.` (the binary one is `-`), prime is `'`, the temporal prefix
//!   operators are `[]` and `<>`, and the keyword operators `ENABLED`, `UNCHANGED`, `SUBSET`,
//!   `UNION`, `DOMAIN` are stored under their keyword.
//!
//! Cartesian product `\X` (`\times`, `×`) is in the table for its precedence but is parsed
//! into [`ast::ExprKind::Times`](crate::ast::ExprKind::Times), n-ary; `/\` and `\/` chains are
//! flattened into [`ast::ExprKind::Junction`](crate::ast::ExprKind::Junction).
//!
//! Two operators whose precedence ranges overlap cannot be mixed without parentheses (`a = b
//! = c`, `a \cup b \cap c`), except that a left-associative operator may repeat (`a + b +
//! c`). The parser reports a `precedence-conflict` for the rest, like SANY.

/// How an operator is written relative to its operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fixity {
    /// `op a`.
    Prefix,
    /// `a op b`.
    Infix,
    /// `a op`.
    Postfix,
}

/// Whether `a op b op c` is allowed (and means `(a op b) op c`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Assoc {
    /// Left-associative: may repeat without parentheses.
    Left,
    /// Not associative: repeating it is a precedence conflict.
    None,
}

/// One operator of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpInfo {
    /// The canonical ASCII spelling, as stored in the syntax tree.
    pub name: &'static str,
    /// Prefix, infix or postfix.
    pub fixity: Fixity,
    /// Lowest precedence of its range (1 binds loosest).
    pub low: u8,
    /// Highest precedence of its range.
    pub high: u8,
    /// Associativity (meaningful for infix operators).
    pub assoc: Assoc,
    /// Other spellings, ASCII and Unicode, that mean the same operator.
    pub synonyms: &'static [&'static str],
}

impl OpInfo {
    /// Whether the precedence ranges of two operators overlap.
    pub fn overlaps(&self, other: &OpInfo) -> bool {
        self.low <= other.high && other.low <= self.high
    }
}

const fn op(
    name: &'static str,
    fixity: Fixity,
    low: u8,
    high: u8,
    assoc: Assoc,
    synonyms: &'static [&'static str],
) -> OpInfo {
    OpInfo {
        name,
        fixity,
        low,
        high,
        assoc,
        synonyms,
    }
}

use Assoc::{Left, None as NonAssoc};
use Fixity::{Infix, Postfix, Prefix};

/// Every built-in operator.
pub static OPERATORS: &[OpInfo] = &[
    // Prefix operators.
    op("~", Prefix, 4, 4, NonAssoc, &["\\lnot", "\\neg", "¬"]),
    op("ENABLED", Prefix, 4, 15, NonAssoc, &[]),
    op("UNCHANGED", Prefix, 4, 15, NonAssoc, &[]),
    op("[]", Prefix, 4, 15, NonAssoc, &["□"]),
    op("<>", Prefix, 4, 15, NonAssoc, &["◇"]),
    op("SUBSET", Prefix, 8, 8, NonAssoc, &[]),
    op("UNION", Prefix, 8, 8, NonAssoc, &[]),
    op("DOMAIN", Prefix, 9, 9, NonAssoc, &[]),
    op("-.", Prefix, 12, 12, NonAssoc, &[]),
    // Postfix operators.
    op("'", Postfix, 15, 15, NonAssoc, &[]),
    op("^+", Postfix, 15, 15, NonAssoc, &["⁺"]),
    op("^*", Postfix, 15, 15, NonAssoc, &[]),
    op("^#", Postfix, 15, 15, NonAssoc, &[]),
    // Infix operators.
    op("=>", Infix, 1, 1, NonAssoc, &["⇒"]),
    op("<=>", Infix, 2, 2, NonAssoc, &["\\equiv", "⇔", "≡"]),
    op("~>", Infix, 2, 2, NonAssoc, &["\\leadsto", "↝"]),
    op("-+->", Infix, 2, 2, NonAssoc, &["⇸"]),
    op("/\\", Infix, 3, 3, Left, &["\\land", "∧"]),
    op("\\/", Infix, 3, 3, Left, &["\\lor", "∨"]),
    op("=", Infix, 5, 5, NonAssoc, &[]),
    op("#", Infix, 5, 5, NonAssoc, &["/=", "≠"]),
    op("<", Infix, 5, 5, NonAssoc, &[]),
    op(">", Infix, 5, 5, NonAssoc, &[]),
    op("=<", Infix, 5, 5, NonAssoc, &["<=", "\\leq", "≤"]),
    op(">=", Infix, 5, 5, NonAssoc, &["\\geq", "≥"]),
    op("\\in", Infix, 5, 5, NonAssoc, &["∈"]),
    op("\\notin", Infix, 5, 5, NonAssoc, &["∉"]),
    op("\\subseteq", Infix, 5, 5, NonAssoc, &["⊆"]),
    op("\\subset", Infix, 5, 5, NonAssoc, &["⊂"]),
    op("\\supseteq", Infix, 5, 5, NonAssoc, &["⊇"]),
    op("\\supset", Infix, 5, 5, NonAssoc, &["⊃"]),
    op("\\sqsubseteq", Infix, 5, 5, NonAssoc, &["⊑"]),
    op("\\sqsubset", Infix, 5, 5, NonAssoc, &["⊏"]),
    op("\\sqsupseteq", Infix, 5, 5, NonAssoc, &["⊒"]),
    op("\\sqsupset", Infix, 5, 5, NonAssoc, &["⊐"]),
    op("\\prec", Infix, 5, 5, NonAssoc, &["≺"]),
    op("\\succ", Infix, 5, 5, NonAssoc, &["≻"]),
    op("\\preceq", Infix, 5, 5, NonAssoc, &["⪯"]),
    op("\\succeq", Infix, 5, 5, NonAssoc, &["⪰"]),
    op("\\approx", Infix, 5, 5, NonAssoc, &["≈"]),
    op("\\asymp", Infix, 5, 5, NonAssoc, &["≍"]),
    op("\\cong", Infix, 5, 5, NonAssoc, &["≅"]),
    op("\\doteq", Infix, 5, 5, NonAssoc, &["≐"]),
    op("\\propto", Infix, 5, 5, NonAssoc, &["∝"]),
    op("\\sim", Infix, 5, 5, NonAssoc, &["∼"]),
    op("\\simeq", Infix, 5, 5, NonAssoc, &["≃"]),
    op("|-", Infix, 5, 5, NonAssoc, &["⊢"]),
    op("-|", Infix, 5, 5, NonAssoc, &["⊣"]),
    op("|=", Infix, 5, 5, NonAssoc, &["⊨"]),
    op("=|", Infix, 5, 5, NonAssoc, &["⫤"]),
    op(":=", Infix, 5, 5, NonAssoc, &["≔"]),
    op("::=", Infix, 5, 5, NonAssoc, &["⩴"]),
    op("\\cdot", Infix, 5, 14, Left, &["⋅"]),
    op("@@", Infix, 6, 6, Left, &[]),
    op(":>", Infix, 7, 7, NonAssoc, &[]),
    op("<:", Infix, 7, 7, NonAssoc, &[]),
    op("\\ll", Infix, 7, 7, NonAssoc, &["≪"]),
    op("\\gg", Infix, 7, 7, NonAssoc, &["≫"]),
    op("\\cup", Infix, 8, 8, Left, &["\\union", "∪"]),
    op("\\cap", Infix, 8, 8, Left, &["\\intersect", "∩"]),
    op("\\", Infix, 8, 8, NonAssoc, &["\\setminus"]),
    op("..", Infix, 9, 9, NonAssoc, &["‥"]),
    op("...", Infix, 9, 9, NonAssoc, &["…"]),
    op("!!", Infix, 9, 13, NonAssoc, &[]),
    op("##", Infix, 9, 13, Left, &[]),
    op("$", Infix, 9, 13, Left, &[]),
    op("$$", Infix, 9, 13, Left, &[]),
    op("??", Infix, 9, 13, Left, &[]),
    op("\\sqcap", Infix, 9, 13, Left, &["⊓"]),
    op("\\sqcup", Infix, 9, 13, Left, &["⊔"]),
    op("\\uplus", Infix, 9, 13, Left, &["⊎"]),
    op("\\wr", Infix, 9, 14, NonAssoc, &["≀"]),
    op("(+)", Infix, 10, 10, Left, &["\\oplus", "⊕"]),
    op("+", Infix, 10, 10, Left, &[]),
    op("++", Infix, 10, 10, Left, &[]),
    op("%", Infix, 10, 11, NonAssoc, &[]),
    op("%%", Infix, 10, 11, Left, &[]),
    op("|", Infix, 10, 11, Left, &[]),
    op("||", Infix, 10, 11, Left, &["∥"]),
    op("\\X", Infix, 10, 13, Left, &["\\times", "×"]),
    op("(-)", Infix, 11, 11, Left, &["\\ominus", "⊖"]),
    op("-", Infix, 11, 11, Left, &[]),
    op("--", Infix, 11, 11, Left, &[]),
    op("&", Infix, 13, 13, Left, &[]),
    op("&&", Infix, 13, 13, Left, &[]),
    op("(.)", Infix, 13, 13, Left, &["\\odot", "⊙"]),
    op("(/)", Infix, 13, 13, NonAssoc, &["\\oslash", "⊘"]),
    op("(\\X)", Infix, 13, 13, Left, &["\\otimes", "⊗"]),
    op("*", Infix, 13, 13, Left, &[]),
    op("**", Infix, 13, 13, Left, &[]),
    op("/", Infix, 13, 13, NonAssoc, &[]),
    op("//", Infix, 13, 13, NonAssoc, &[]),
    op("\\bigcirc", Infix, 13, 13, Left, &["◯"]),
    op("\\bullet", Infix, 13, 13, Left, &["•"]),
    op("\\div", Infix, 13, 13, NonAssoc, &["÷"]),
    op("\\o", Infix, 13, 13, Left, &["\\circ", "∘"]),
    op("\\star", Infix, 13, 13, Left, &["⋆"]),
    op("^", Infix, 14, 14, NonAssoc, &[]),
    op("^^", Infix, 14, 14, NonAssoc, &[]),
];

/// The operator with this canonical name and fixity.
pub fn lookup(name: &str, fixity: Fixity) -> Option<&'static OpInfo> {
    OPERATORS
        .iter()
        .find(|o| o.fixity == fixity && o.name == name)
}

/// The infix operator spelled `name` (canonical spelling).
pub fn infix(name: &str) -> Option<&'static OpInfo> {
    lookup(name, Fixity::Infix)
}

/// The prefix operator spelled `name` (canonical spelling; `-.` for minus).
pub fn prefix(name: &str) -> Option<&'static OpInfo> {
    lookup(name, Fixity::Prefix)
}

/// The postfix operator spelled `name` (canonical spelling).
pub fn postfix(name: &str) -> Option<&'static OpInfo> {
    lookup(name, Fixity::Postfix)
}

/// The canonical spelling of any operator spelling (itself when it is already canonical or
/// not an operator synonym).
pub fn canonical(spelling: &str) -> &str {
    canonical_static(spelling).unwrap_or(spelling)
}

/// The canonical spelling of an operator spelling, if it is one.
pub fn canonical_static(spelling: &str) -> Option<&'static str> {
    OPERATORS
        .iter()
        .find(|o| o.name == spelling || o.synonyms.contains(&spelling))
        .map(|o| o.name)
}

/// Unicode characters that stand for ASCII punctuation which is not an operator (tuple
/// brackets, maps-to, arrows, definition, quantifiers …), with their ASCII spelling.
pub static UNICODE_PUNCTUATION: &[(char, &str)] = &[
    ('⟨', "<<"),
    ('⟩', ">>"),
    ('↦', "|->"),
    ('→', "->"),
    ('←', "<-"),
    ('≜', "=="),
    ('∀', "\\A"),
    ('∃', "\\E"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_map_to_one_canonical_name() {
        assert_eq!(canonical("\\land"), "/\\");
        assert_eq!(canonical("/="), "#");
        assert_eq!(canonical("<="), "=<");
        assert_eq!(canonical("\\leq"), "=<");
        assert_eq!(canonical("\\circ"), "\\o");
        assert_eq!(canonical("\\neg"), "~");
        assert_eq!(canonical("\\union"), "\\cup");
        assert_eq!(canonical("\\intersect"), "\\cap");
        assert_eq!(canonical("\\equiv"), "<=>");
        assert_eq!(canonical("≤"), "=<");
        assert_eq!(canonical("⊕"), "(+)");
        assert_eq!(canonical("foo"), "foo");
    }

    #[test]
    fn every_spelling_is_unique() {
        let mut seen = std::collections::BTreeMap::new();
        for o in OPERATORS {
            for s in std::iter::once(&o.name).chain(o.synonyms.iter()) {
                if let Some(prev) = seen.insert((*s, o.fixity as u8), o.name) {
                    panic!("{s} is both {prev} and {}", o.name);
                }
            }
        }
    }

    #[test]
    fn ranges_overlap_as_in_the_book() {
        let plus = infix("+").expect("+");
        let minus = infix("-").expect("-");
        let cdot = infix("\\cdot").expect("cdot");
        assert!(!plus.overlaps(minus));
        assert!(cdot.overlaps(plus));
        assert!(low_high("..") == (9, 9));
    }

    fn low_high(name: &str) -> (u8, u8) {
        let o = infix(name).expect("operator");
        (o.low, o.high)
    }
}
