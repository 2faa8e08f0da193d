//! Tokens: what the lexer hands to the parser.
//!
//! Operator symbols and punctuation are stored in their canonical ASCII spelling (see
//! [`crate::ops`]) so that `∧`, `\land` and `/\` are one token kind. Every token remembers
//! its line and character column because TLA+ junction lists are laid out by column.

use source::{Diagnostic, Span};

/// What a token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    /// An identifier (also proof keywords such as `BY`, which are only reserved in proofs).
    Ident(String),
    /// A reserved word of the expression and module language (`IF`, `VARIABLE` …).
    Kw(&'static str),
    /// A natural number, converted to decimal digits.
    Num(String),
    /// A decimal numeral `1.5`.
    Decimal(String),
    /// A string literal with escapes resolved.
    Str(String),
    /// Punctuation or an operator symbol, canonical ASCII spelling.
    Sym(&'static str),
    /// A proof step label `<1>2.`, `<1>a`, `<*>`, `<+>` (kept as written).
    Step(String),
    /// The `WF_` prefix of `WF_vars(A)`.
    Wf,
    /// The `SF_` prefix of `SF_vars(A)`.
    Sf,
    /// Four or more dashes.
    Dashes,
    /// Four or more equal signs: the end of a module.
    ModuleEnd,
    /// End of input.
    Eof,
}

/// A token with its place in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub tok: Tok,
    /// Where it is.
    pub span: Span,
    /// Zero-based line number.
    pub line: u32,
    /// Zero-based column, counted in characters.
    pub col: u32,
    /// Whether it is the first token on its line.
    pub first_on_line: bool,
}

/// Reserved words of TLA+ that the lexer turns into [`Tok::Kw`]. Proof-language words are
/// left as identifiers and recognised by the parser only where a proof may stand.
pub static KEYWORDS: &[&str] = &[
    "ASSUME",
    "ASSUMPTION",
    "AXIOM",
    "CASE",
    "CHOOSE",
    "CONSTANT",
    "CONSTANTS",
    "COROLLARY",
    "DOMAIN",
    "ELSE",
    "ENABLED",
    "EXCEPT",
    "EXTENDS",
    "FALSE",
    "HIDE",
    "IF",
    "IN",
    "INSTANCE",
    "LAMBDA",
    "LEMMA",
    "LET",
    "LOCAL",
    "MODULE",
    "OTHER",
    "PROPOSITION",
    "RECURSIVE",
    "SUBSET",
    "THEN",
    "THEOREM",
    "TRUE",
    "UNCHANGED",
    "UNION",
    "USE",
    "VARIABLE",
    "VARIABLES",
    "WITH",
];

impl Tok {
    /// A short description for error messages: "`==`", "identifier `x`", "end of file".
    pub fn describe(&self) -> String {
        match self {
            Tok::Ident(s) => format!("identifier `{s}`"),
            Tok::Kw(k) => format!("`{k}`"),
            Tok::Num(n) => format!("number `{n}`"),
            Tok::Decimal(n) => format!("number `{n}`"),
            Tok::Str(_) => "a string".to_string(),
            Tok::Sym(s) => format!("`{s}`"),
            Tok::Step(s) => format!("proof step `{s}`"),
            Tok::Wf => "`WF_`".to_string(),
            Tok::Sf => "`SF_`".to_string(),
            Tok::Dashes => "`----`".to_string(),
            Tok::ModuleEnd => "`====`".to_string(),
            Tok::Eof => "end of file".to_string(),
        }
    }

    /// Whether this is the given symbol.
    pub fn is_sym(&self, s: &str) -> bool {
        matches!(self, Tok::Sym(x) if *x == s)
    }

    /// Whether this is the given keyword.
    pub fn is_kw(&self, s: &str) -> bool {
        matches!(self, Tok::Kw(x) if *x == s)
    }

    /// Whether this is an identifier spelled `s` (for contextual proof keywords).
    pub fn is_word(&self, s: &str) -> bool {
        matches!(self, Tok::Ident(x) if x == s)
    }
}

/// The `unexpected-token` error of the module and config parsers: expected `what`, found
/// `found` (a token's [`Tok::describe`], perhaps with an explanation) at `span`.
pub(crate) fn unexpected_token(what: &str, found: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        "unexpected-token",
        format!("expected {what}, found {found}"),
        span,
    )
    .with_label_message(format!("expected {what}"))
}
