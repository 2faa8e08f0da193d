//! The TLA+ lexer: text to [`Token`]s, skipping whitespace and comments.
//!
//! It never fails: a character it does not know, an unterminated string or comment becomes a
//! diagnostic and lexing goes on. Every synonym of an operator (ASCII or Unicode) is turned
//! into the operator's canonical spelling here, so the parser only sees canonical names.

use source::{Diagnostic, FileId, Span};

use crate::ops;
use crate::token::{Tok, Token, KEYWORDS};

/// ASCII punctuation and operator symbols, with their canonical spelling. Matched longest
/// first.
static SYMBOLS: &[(&str, &str)] = &[
    ("-+->", "-+->"),
    ("(\\X)", "(\\X)"),
    ("<=>", "<=>"),
    ("|->", "|->"),
    ("::=", "::="),
    ("...", "..."),
    ("(+)", "(+)"),
    ("(-)", "(-)"),
    ("(.)", "(.)"),
    ("(/)", "(/)"),
    (">>_", ">>_"),
    ("==", "=="),
    ("<-", "<-"),
    ("->", "->"),
    ("<<", "<<"),
    (">>", ">>"),
    ("]_", "]_"),
    ("<>", "<>"),
    ("[]", "[]"),
    ("/\\", "/\\"),
    ("\\/", "\\/"),
    ("=>", "=>"),
    ("=<", "=<"),
    ("<=", "=<"),
    (">=", ">="),
    ("/=", "#"),
    ("~>", "~>"),
    ("|-", "|-"),
    ("-|", "-|"),
    ("|=", "|="),
    ("=|", "=|"),
    (":=", ":="),
    (":>", ":>"),
    ("<:", "<:"),
    ("::", "::"),
    ("..", ".."),
    ("!!", "!!"),
    ("##", "##"),
    ("$$", "$$"),
    ("??", "??"),
    ("@@", "@@"),
    ("%%", "%%"),
    ("||", "||"),
    ("&&", "&&"),
    ("**", "**"),
    ("++", "++"),
    ("--", "--"),
    ("//", "//"),
    ("^^", "^^"),
    ("^+", "^+"),
    ("^*", "^*"),
    ("^#", "^#"),
    ("-.", "-."),
    ("=", "="),
    ("#", "#"),
    ("<", "<"),
    (">", ">"),
    ("~", "~"),
    ("+", "+"),
    ("-", "-"),
    ("*", "*"),
    ("/", "/"),
    ("^", "^"),
    ("%", "%"),
    ("|", "|"),
    ("&", "&"),
    ("$", "$"),
    ("(", "("),
    (")", ")"),
    ("[", "["),
    ("]", "]"),
    ("{", "{"),
    ("}", "}"),
    (",", ","),
    (":", ":"),
    (".", "."),
    ("!", "!"),
    ("@", "@"),
    ("'", "'"),
    ("_", "_"),
    (";", ";"),
    ("?", "?"),
];

/// The result of lexing one file.
#[derive(Debug, Default)]
pub struct Lexed {
    /// The tokens, ending with one [`Tok::Eof`].
    pub tokens: Vec<Token>,
    /// Problems found (unknown characters, unterminated strings and comments).
    pub errors: Vec<Diagnostic>,
}

/// Lexes `text[start..]` of `file` (offsets in spans are relative to the whole text).
pub fn lex(file: FileId, text: &str, start: usize) -> Lexed {
    let mut lx = Lexer {
        file,
        text,
        bytes: text.as_bytes(),
        pos: start.min(text.len()),
        line: 0,
        line_start: 0,
        last_line_with_token: u32::MAX,
        col_at: (0, 0),
        out: Lexed::default(),
    };
    // Establish the line number and line start of `start`.
    let prefix = &text.as_bytes()[..lx.pos];
    lx.line = prefix.iter().filter(|&&b| b == b'\n').count() as u32;
    lx.line_start = prefix
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    lx.run();
    lx.out
}

struct Lexer<'a> {
    file: FileId,
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    line: u32,
    line_start: usize,
    last_line_with_token: u32,
    /// A byte offset on the current line and its column, to count columns from.
    col_at: (usize, u32),
    out: Lexed,
}

impl Lexer<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start as u32, end as u32)
    }

    fn peek_at(&self, i: usize) -> u8 {
        self.bytes.get(i).copied().unwrap_or(0)
    }

    fn error(&mut self, code: &'static str, msg: impl Into<String>, start: usize, end: usize) {
        let span = self.span(start, end);
        self.out.errors.push(Diagnostic::error(code, msg, span));
    }

    fn push(&mut self, tok: Tok, start: usize, end: usize) {
        // Columns are counted incrementally from the previous token on the same line, so
        // long lines stay linear.
        let (from, base) = if self.col_at.0 >= self.line_start && self.col_at.0 <= start {
            self.col_at
        } else {
            (self.line_start, 0)
        };
        let col = base
            + self
                .text
                .get(from..start)
                .map_or(start - from, |s| s.chars().count()) as u32;
        self.col_at = (start, col);
        let first_on_line = self.last_line_with_token != self.line;
        self.last_line_with_token = self.line;
        self.out.tokens.push(Token {
            tok,
            span: self.span(start, end),
            line: self.line,
            col,
            first_on_line,
        });
    }

    /// Advances over a newline at `pos` (which must be `\n`).
    fn newline(&mut self) {
        self.pos += 1;
        self.line += 1;
        self.line_start = self.pos;
    }

    fn run(&mut self) {
        while self.pos < self.bytes.len() {
            let b = self.bytes[self.pos];
            match b {
                b'\n' => self.newline(),
                b' ' | b'\t' | b'\r' | 0x0c => self.pos += 1,
                b'\\' if self.peek_at(self.pos + 1) == b'*' => self.line_comment(),
                b'(' if self.peek_at(self.pos + 1) == b'*' => self.block_comment(),
                b'"' => self.string(),
                b'-' if self.run_of(b'-') >= 4 => {
                    let n = self.run_of(b'-');
                    self.push(Tok::Dashes, self.pos, self.pos + n);
                    self.pos += n;
                }
                b'=' if self.run_of(b'=') >= 4 => {
                    let n = self.run_of(b'=');
                    self.push(Tok::ModuleEnd, self.pos, self.pos + n);
                    self.pos += n;
                }
                b'<' if self.step_label() => {}
                b'\\' => self.backslash(),
                b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b'_' => self.word(),
                _ if b >= 0x80 => self.unicode(),
                _ => self.symbol(),
            }
        }
        let end = self.bytes.len();
        self.line_start = self.line_start.min(end);
        self.push(Tok::Eof, end, end);
    }

    fn run_of(&self, c: u8) -> usize {
        self.bytes[self.pos..]
            .iter()
            .take_while(|&&b| b == c)
            .count()
    }

    fn line_comment(&mut self) {
        while self.pos < self.bytes.len() && self.bytes[self.pos] != b'\n' {
            self.pos += 1;
        }
    }

    fn block_comment(&mut self) {
        let start = self.pos;
        let mut depth = 0usize;
        while self.pos < self.bytes.len() {
            let b = self.bytes[self.pos];
            if b == b'(' && self.peek_at(self.pos + 1) == b'*' {
                depth += 1;
                self.pos += 2;
            } else if b == b'*' && self.peek_at(self.pos + 1) == b')' {
                depth -= 1;
                self.pos += 2;
                if depth == 0 {
                    return;
                }
            } else if b == b'\n' {
                self.newline();
            } else {
                self.pos += 1;
            }
        }
        self.error(
            "unterminated-comment",
            "unterminated comment: this `(*` has no matching `*)`",
            start,
            start + 2,
        );
    }

    fn string(&mut self) {
        let start = self.pos;
        self.pos += 1;
        let mut value = String::new();
        loop {
            let Some(c) = self.text.get(self.pos..).and_then(|s| s.chars().next()) else {
                self.error(
                    "unterminated-string",
                    "unterminated string: expected a closing `\"`",
                    start,
                    start + 1,
                );
                break;
            };
            match c {
                '"' => {
                    self.pos += 1;
                    break;
                }
                '\n' => {
                    self.error(
                        "unterminated-string",
                        "unterminated string: a string ends at the end of its line",
                        start,
                        start + 1,
                    );
                    break;
                }
                '\\' => {
                    let esc = self.text.get(self.pos + 1..).and_then(|s| s.chars().next());
                    let (ch, len) = match esc {
                        Some('"') => ('"', 1),
                        Some('\\') => ('\\', 1),
                        Some('n') => ('\n', 1),
                        Some('t') => ('\t', 1),
                        Some('r') => ('\r', 1),
                        Some('f') => ('\u{c}', 1),
                        Some(other) if other != '\n' => {
                            let l = other.len_utf8();
                            self.error(
                                "invalid-escape",
                                format!("unknown escape `\\{other}` in a string"),
                                self.pos,
                                self.pos + 1 + l,
                            );
                            (other, l)
                        }
                        _ => ('\\', 0),
                    };
                    value.push(ch);
                    self.pos += 1 + len;
                }
                c => {
                    value.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
        self.push(Tok::Str(value), start, self.pos);
    }

    /// A proof step label: `<1>`, `<12>3.`, `<1>a`, `<*>`, `<+>`; only where a step may
    /// begin (after whitespace), so `a<1` stays an expression.
    fn step_label(&mut self) -> bool {
        let start = self.pos;
        if start > 0 && !self.bytes[start - 1].is_ascii_whitespace() {
            return false;
        }
        let mut i = start + 1;
        match self.peek_at(i) {
            b'*' | b'+' => i += 1,
            b'0'..=b'9' => {
                while self.peek_at(i).is_ascii_digit() {
                    i += 1;
                }
            }
            _ => return false,
        }
        if self.peek_at(i) != b'>' {
            return false;
        }
        i += 1;
        while self.peek_at(i).is_ascii_alphanumeric() || self.peek_at(i) == b'_' {
            i += 1;
        }
        while self.peek_at(i) == b'.' && self.peek_at(i + 1) != b'.' {
            i += 1;
        }
        let text = self.text.get(start..i).unwrap_or("").to_string();
        self.push(Tok::Step(text), start, i);
        self.pos = i;
        true
    }

    fn backslash(&mut self) {
        let start = self.pos;
        let next = self.peek_at(start + 1);
        if next == b'/' {
            self.push(Tok::Sym("\\/"), start, start + 2);
            self.pos += 2;
            return;
        }
        if !next.is_ascii_alphabetic() {
            self.push(Tok::Sym("\\"), start, start + 1);
            self.pos += 1;
            return;
        }
        // Numbers in other bases: \b1010, \o17, \h1F.
        let after = self.peek_at(start + 2);
        let base = match (next, after) {
            (b'b' | b'B', b'0' | b'1') => Some(2),
            (b'o' | b'O', b'0'..=b'7') => Some(8),
            (b'h' | b'H', _) if after.is_ascii_hexdigit() => Some(16),
            _ => None,
        };
        if let Some(base) = base {
            let mut i = start + 2;
            while self.peek_at(i).is_ascii_alphanumeric() {
                i += 1;
            }
            let digits = self.text.get(start + 2..i).unwrap_or("");
            match to_decimal(digits, base) {
                Some(n) => self.push(Tok::Num(n), start, i),
                None => {
                    self.error(
                        "invalid-number",
                        format!("`{digits}` is not a number in base {base}"),
                        start,
                        i,
                    );
                    self.push(Tok::Num("0".to_string()), start, i);
                }
            }
            self.pos = i;
            return;
        }
        let mut i = start + 1;
        while self.peek_at(i).is_ascii_alphabetic() {
            i += 1;
        }
        let word = self.text.get(start..i).unwrap_or("");
        let sym = match word {
            "\\A" => Some("\\A"),
            "\\E" => Some("\\E"),
            "\\AA" => Some("\\AA"),
            "\\EE" => Some("\\EE"),
            _ => ops::canonical_static(word),
        };
        match sym {
            Some(s) => self.push(Tok::Sym(s), start, i),
            None => {
                self.error(
                    "unknown-operator",
                    format!("unknown operator `{word}`"),
                    start,
                    i,
                );
                self.push(Tok::Sym("\\"), start, i);
            }
        }
        self.pos = i;
    }

    fn word(&mut self) {
        let start = self.pos;
        let mut i = start;
        while self.peek_at(i).is_ascii_alphanumeric() || self.peek_at(i) == b'_' {
            i += 1;
        }
        let word = self.text.get(start..i).unwrap_or("");
        if word.bytes().all(|b| b.is_ascii_digit()) {
            // A decimal `1.5` (but not the range `1..5`).
            if self.peek_at(i) == b'.' && self.peek_at(i + 1).is_ascii_digit() {
                let mut j = i + 1;
                while self.peek_at(j).is_ascii_digit() {
                    j += 1;
                }
                let text = self.text.get(start..j).unwrap_or("").to_string();
                self.push(Tok::Decimal(text), start, j);
                self.pos = j;
                return;
            }
            let trimmed = word.trim_start_matches('0');
            let n = if trimmed.is_empty() { "0" } else { trimmed };
            self.push(Tok::Num(n.to_string()), start, i);
            self.pos = i;
            return;
        }
        if word == "_" {
            self.push(Tok::Sym("_"), start, i);
            self.pos = i;
            return;
        }
        if let Some(rest) = word
            .strip_prefix("WF_")
            .or_else(|| word.strip_prefix("SF_"))
        {
            let tok = if word.starts_with('W') {
                Tok::Wf
            } else {
                Tok::Sf
            };
            self.push(tok, start, start + 3);
            if !rest.is_empty() {
                self.push(Tok::Ident(rest.to_string()), start + 3, i);
            }
            self.pos = i;
            return;
        }
        let tok = match KEYWORDS.iter().find(|k| **k == word) {
            Some(k) => Tok::Kw(k),
            None => Tok::Ident(word.to_string()),
        };
        self.push(tok, start, i);
        self.pos = i;
    }

    fn unicode(&mut self) {
        let start = self.pos;
        let Some(c) = self.text.get(start..).and_then(|s| s.chars().next()) else {
            // Not at a character boundary: cannot happen for a `&str`, but never panic.
            self.pos += 1;
            return;
        };
        let end = start + c.len_utf8();
        // The standard sets have Unicode names too.
        let set_name = match c {
            'ℕ' => Some("Nat"),
            'ℤ' => Some("Int"),
            'ℝ' => Some("Real"),
            _ => None,
        };
        if let Some(name) = set_name {
            self.push(Tok::Ident(name.to_string()), start, end);
            self.pos = end;
            return;
        }
        let mut buf = [0u8; 4];
        let s: &str = c.encode_utf8(&mut buf);
        let sym = ops::UNICODE_PUNCTUATION
            .iter()
            .find(|(u, _)| *u == c)
            .map(|(_, a)| *a)
            .or_else(|| ops::canonical_static(s));
        match sym {
            Some(sym) => {
                let sym = SYMBOLS
                    .iter()
                    .find(|(a, _)| *a == sym)
                    .map_or(sym, |(_, canon)| *canon);
                self.push(Tok::Sym(sym), start, end);
            }
            None if c.is_whitespace() => {}
            None => self.error(
                "unexpected-character",
                format!("unexpected character `{c}`"),
                start,
                end,
            ),
        }
        self.pos = end;
    }

    fn symbol(&mut self) {
        let start = self.pos;
        let rest = &self.bytes[start..];
        for (spelling, canon) in SYMBOLS {
            if rest.starts_with(spelling.as_bytes()) {
                self.push(Tok::Sym(canon), start, start + spelling.len());
                self.pos += spelling.len();
                return;
            }
        }
        let c = self.text.get(start..).and_then(|s| s.chars().next());
        let len = c.map_or(1, char::len_utf8);
        self.error(
            "unexpected-character",
            format!("unexpected character `{}`", c.unwrap_or('?')),
            start,
            start + len,
        );
        self.pos += len;
    }
}

/// Converts digits in `base` to decimal digits, without overflow.
fn to_decimal(digits: &str, base: u32) -> Option<String> {
    // Little-endian base-10^9 limbs.
    let mut limbs: Vec<u64> = vec![0];
    for c in digits.chars() {
        let d = c.to_digit(base)? as u64;
        let mut carry = d;
        for limb in limbs.iter_mut() {
            let v = *limb * base as u64 + carry;
            *limb = v % 1_000_000_000;
            carry = v / 1_000_000_000;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    let mut out = String::new();
    for (i, limb) in limbs.iter().rev().enumerate() {
        if i == 0 {
            out.push_str(&limb.to_string());
        } else {
            out.push_str(&format!("{limb:09}"));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Tok> {
        lex(FileId(0), text, 0)
            .tokens
            .into_iter()
            .map(|t| t.tok)
            .collect()
    }

    #[test]
    fn synonyms_become_canonical() {
        assert_eq!(
            toks("a \\land b ∧ c <= d ≠ e"),
            vec![
                Tok::Ident("a".into()),
                Tok::Sym("/\\"),
                Tok::Ident("b".into()),
                Tok::Sym("/\\"),
                Tok::Ident("c".into()),
                Tok::Sym("=<"),
                Tok::Ident("d".into()),
                Tok::Sym("#"),
                Tok::Ident("e".into()),
                Tok::Eof
            ]
        );
    }

    #[test]
    fn numbers_in_other_bases() {
        assert_eq!(
            toks("\\b1010 \\o17 \\h1F 007 1..2 1.5"),
            vec![
                Tok::Num("10".into()),
                Tok::Num("15".into()),
                Tok::Num("31".into()),
                Tok::Num("7".into()),
                Tok::Num("1".into()),
                Tok::Sym(".."),
                Tok::Num("2".into()),
                Tok::Decimal("1.5".into()),
                Tok::Eof
            ]
        );
        assert_eq!(
            to_decimal("FFFFFFFFFFFFFFFFFFFFFFFF", 16).as_deref(),
            Some("79228162514264337593543950335")
        );
    }

    #[test]
    fn comments_nest_and_strings_unescape() {
        assert_eq!(
            toks("(* a (* b *) c *) \"x\\\"y\\n\" \\* rest"),
            vec![Tok::Str("x\"y\n".into()), Tok::Eof]
        );
    }

    #[test]
    fn wf_splits_and_steps_lex() {
        assert_eq!(
            toks("WF_vars <1>2. <*>"),
            vec![
                Tok::Wf,
                Tok::Ident("vars".into()),
                Tok::Step("<1>2.".into()),
                Tok::Step("<*>".into()),
                Tok::Eof
            ]
        );
    }
}
