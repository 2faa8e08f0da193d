//! The TLC model configuration reader: `.cfg` text to [`Config`].
//!
//! A `.cfg` is a sequence of sections, each a keyword followed by its entries, which may
//! span lines (`INVARIANT A B`, `CONSTANTS N = 3 Procs = {p1, p2}`). It uses TLA+'s lexical
//! conventions (comments, strings, `<-`), so it reuses the TLA+ lexer. Errors are reported
//! and skipped; the configuration read so far is always returned.

use source::{Diagnostic, FileId, SourceDb, Span};

use crate::cfg::{CfgConstant, CfgName, CfgValue, Config};
use crate::lexer;
use crate::token::{self, Tok, Token};

/// The section keywords of a `.cfg` file.
const SECTIONS: &[&str] = &[
    "SPECIFICATION",
    "INIT",
    "NEXT",
    "CONSTANT",
    "CONSTANTS",
    "INVARIANT",
    "INVARIANTS",
    "PROPERTY",
    "PROPERTIES",
    "CONSTRAINT",
    "CONSTRAINTS",
    "ACTION_CONSTRAINT",
    "ACTION_CONSTRAINTS",
    "SYMMETRY",
    "VIEW",
    "ALIAS",
    "POSTCONDITION",
    "CHECK_DEADLOCK",
];

/// Deepest nesting of `{ }` / `<< >>` in a value.
const MAX_DEPTH: u32 = 100;

/// Reads a TLC `.cfg` file.
pub fn parse_cfg(db: &SourceDb, file: FileId) -> (Config, Vec<Diagnostic>) {
    let lexed = lexer::lex(file, db.text(file), 0);
    let mut p = CfgParser {
        tokens: &lexed.tokens,
        pos: 0,
        errors: lexed.errors.clone(),
        config: Config::default(),
    };
    p.run();
    let mut errors = p.errors;
    errors.sort_by_key(|d| d.primary_span().map_or(0, |s| s.start));
    (p.config, errors)
}

struct CfgParser<'t> {
    tokens: &'t [Token],
    pos: usize,
    errors: Vec<Diagnostic>,
    config: Config,
}

fn word(tok: &Tok) -> Option<&str> {
    match tok {
        Tok::Ident(s) => Some(s),
        Tok::Kw(k) => Some(k),
        _ => None,
    }
}

fn is_section(tok: &Tok) -> bool {
    word(tok).is_some_and(|w| SECTIONS.contains(&w))
}

impl CfgParser<'_> {
    fn tok(&self) -> &Token {
        &self.tokens[self.pos.min(self.tokens.len() - 1)]
    }

    fn peek(&self) -> &Tok {
        &self.tok().tok
    }

    fn span(&self) -> Span {
        self.tok().span
    }

    fn bump(&mut self) {
        if self.pos + 1 < self.tokens.len() {
            self.pos += 1;
        }
    }

    fn at_end(&self) -> bool {
        matches!(self.peek(), Tok::Eof)
    }

    fn error(&mut self, code: &'static str, msg: impl Into<String>, span: Span) {
        self.errors.push(Diagnostic::error(code, msg, span));
    }

    fn expected(&mut self, what: &str) {
        let found = self.peek().describe();
        let span = self.span();
        self.errors
            .push(token::unexpected_token(what, &found, span));
    }

    /// Skips to the next section keyword.
    fn sync(&mut self) {
        while !self.at_end() && !is_section(self.peek()) {
            self.bump();
        }
    }

    fn run(&mut self) {
        while !self.at_end() {
            let span = self.span();
            let Some(kw) = word(self.peek()).filter(|w| SECTIONS.contains(w)) else {
                self.not_a_keyword("every entry follows a keyword");
                self.bump();
                self.sync();
                continue;
            };
            let kw = kw.to_string();
            self.bump();
            match kw.as_str() {
                "SPECIFICATION" => self.single(span, |c| &mut c.specification),
                "INIT" => self.single(span, |c| &mut c.init),
                "NEXT" => self.single(span, |c| &mut c.next),
                "SYMMETRY" => self.single(span, |c| &mut c.symmetry),
                "VIEW" => self.single(span, |c| &mut c.view),
                "ALIAS" => self.single(span, |c| &mut c.alias),
                "POSTCONDITION" => self.single(span, |c| &mut c.postcondition),
                "INVARIANT" | "INVARIANTS" => self.names(&kw, |c| &mut c.invariants),
                "PROPERTY" | "PROPERTIES" => self.names(&kw, |c| &mut c.properties),
                "CONSTRAINT" | "CONSTRAINTS" => self.names(&kw, |c| &mut c.constraints),
                "ACTION_CONSTRAINT" | "ACTION_CONSTRAINTS" => {
                    self.names(&kw, |c| &mut c.action_constraints)
                }
                "CHECK_DEADLOCK" => self.check_deadlock(),
                _ => self.constants(),
            }
        }
    }

    /// The keyword a section token spells (for messages).
    fn tokens_text(&self, span: Span) -> String {
        self.tokens
            .iter()
            .find(|t| t.span == span)
            .and_then(|t| word(&t.tok).map(str::to_string))
            .unwrap_or_default()
    }

    /// Reports a token where a section keyword should be: `unknown-keyword` for a word in
    /// capitals (a misspelt keyword), `unexpected-token` otherwise.
    fn not_a_keyword(&mut self, why: &str) {
        let span = self.span();
        let tok = self.peek().clone();
        let d = match &tok {
            Tok::Ident(w)
                if w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') =>
            {
                Diagnostic::error(
                    "unknown-keyword",
                    format!("unknown configuration keyword `{w}`"),
                    span,
                )
                .with_label_message("not a configuration keyword")
                .with_note(format!("the keywords are: {}", SECTIONS.join(", ")))
            }
            _ => Diagnostic::error(
                "unexpected-token",
                format!(
                    "expected a configuration keyword, found {} ({why})",
                    tok.describe()
                ),
                span,
            ),
        };
        self.errors.push(d);
    }

    /// Consumes the next token if it is a name (an identifier, not a section keyword).
    fn eat_name(&mut self) -> Option<CfgName> {
        match self.peek() {
            Tok::Ident(n) if !is_section(self.peek()) => {
                let name = CfgName {
                    name: n.clone(),
                    span: self.span(),
                };
                self.bump();
                Some(name)
            }
            _ => None,
        }
    }

    /// A name after a single-valued keyword.
    fn single(&mut self, kw_span: Span, slot: impl Fn(&mut Config) -> &mut Option<CfgName>) {
        match self.eat_name() {
            Some(name) => {
                if let Some(first) = slot(&mut self.config).as_ref() {
                    let first_span = first.span;
                    let kw = self.tokens_text(kw_span);
                    self.errors.push(
                        Diagnostic::error(
                            "duplicate-entry",
                            format!("`{kw}` is given more than once"),
                            kw_span,
                        )
                        .with_label_message("given again here")
                        .with_secondary(first_span, "first given here"),
                    );
                }
                *slot(&mut self.config) = Some(name);
                if !self.at_end() && !is_section(self.peek()) {
                    self.not_a_keyword("this setting takes one name");
                    self.sync();
                }
            }
            None => {
                self.expected("an operator name");
                self.sync();
            }
        }
    }

    /// One or more names after a list keyword.
    fn names(&mut self, kw: &str, slot: impl Fn(&mut Config) -> &mut Vec<CfgName>) {
        let mut any = false;
        loop {
            if let Some(name) = self.eat_name() {
                slot(&mut self.config).push(name);
                any = true;
                continue;
            }
            match self.peek() {
                Tok::Sym(",") if any => self.bump(),
                Tok::Eof => break,
                _ if is_section(self.peek()) => break,
                _ => {
                    self.expected(&format!("an operator name after {kw}"));
                    self.bump();
                    self.sync();
                    return;
                }
            }
        }
    }

    fn check_deadlock(&mut self) {
        match self.peek() {
            Tok::Kw("TRUE") => {
                self.config.check_deadlock = Some(true);
                self.bump();
            }
            Tok::Kw("FALSE") => {
                self.config.check_deadlock = Some(false);
                self.bump();
            }
            _ => {
                self.expected("TRUE or FALSE after CHECK_DEADLOCK");
                self.sync();
            }
        }
    }

    /// `N = 3`, `S = {a, b}`, `N <- Op`, `N <- [Mod] Op`, several per section.
    fn constants(&mut self) {
        let mut any = false;
        loop {
            if self.at_end() || is_section(self.peek()) {
                break;
            }
            if any && self.peek().is_sym(",") {
                self.bump();
                continue;
            }
            let entry = self.pos;
            let Tok::Ident(name) = self.peek() else {
                self.expected("a constant name");
                self.sync_entry(entry);
                continue;
            };
            let name = name.clone();
            let start = self.span();
            self.bump();
            // `F(a, b) = …` / `F(a) <- G`: an operator with parameters (TLC allows it for
            // substitution); the parameters are not needed.
            if self.peek().is_sym("(") {
                while !self.at_end() && !self.peek().is_sym(")") {
                    self.bump();
                }
                self.bump();
            }
            if self.peek().is_sym("=") {
                self.bump();
                let mut module = None;
                if self.peek().is_sym("[") {
                    self.bump();
                    let Tok::Ident(m) = self.peek() else {
                        self.expected("a module name in `[Module]`");
                        self.sync_entry(entry);
                        continue;
                    };
                    module = Some(m.clone());
                    self.bump();
                    if !self.peek().is_sym("]") {
                        self.expected("`]` after the module name");
                        self.sync_entry(entry);
                        continue;
                    }
                    self.bump();
                }
                let Some(value) = self.value(0) else {
                    self.sync_entry(entry);
                    continue;
                };
                let span = start.to(self.prev_span());
                let entry = match module {
                    Some(module) => CfgConstant::ModuleValue {
                        module,
                        name,
                        value,
                        span,
                    },
                    None => CfgConstant::Value { name, value, span },
                };
                self.config.constants.push(entry);
            } else if self.peek().is_sym("<-") {
                self.bump();
                let mut module = None;
                if self.peek().is_sym("[") {
                    self.bump();
                    match self.peek() {
                        Tok::Ident(m) => {
                            module = Some(m.clone());
                            self.bump();
                        }
                        _ => {
                            self.expected("a module name in `[Module]`");
                            self.sync_entry(entry);
                            continue;
                        }
                    }
                    if !self.peek().is_sym("]") {
                        self.expected("`]` after the module name");
                        self.sync_entry(entry);
                        continue;
                    }
                    self.bump();
                }
                let target = match self.peek() {
                    Tok::Ident(t) if !is_section(self.peek()) => t.clone(),
                    _ => {
                        self.expected("the name of the replacing operator after `<-`");
                        self.sync_entry(entry);
                        continue;
                    }
                };
                self.bump();
                let span = start.to(self.prev_span());
                self.config.constants.push(CfgConstant::Subst {
                    name,
                    module,
                    target,
                    span,
                });
            } else {
                self.expected(&format!("`=` or `<-` after the constant `{name}`"));
                self.sync_entry(entry);
                continue;
            }
            any = true;
        }
    }

    /// Skips a malformed constant entry (which began at token `entry`): up to the next line
    /// start or section keyword, always making progress.
    fn sync_entry(&mut self, entry: usize) {
        if self.pos == entry || !self.tok().first_on_line {
            self.bump();
        }
        while !self.at_end() && !is_section(self.peek()) && !self.tok().first_on_line {
            self.bump();
        }
    }

    fn prev_span(&self) -> Span {
        self.tokens[self.pos.saturating_sub(1)].span
    }

    fn value(&mut self, depth: u32) -> Option<CfgValue> {
        if depth > MAX_DEPTH {
            let span = self.span();
            self.error(
                "nesting-too-deep",
                format!("value nested more than {MAX_DEPTH} levels deep"),
                span,
            );
            return None;
        }
        let v = match self.peek() {
            Tok::Num(n) => {
                let span = self.span();
                let n = self.int(n.clone(), false, span)?;
                self.bump();
                n
            }
            Tok::Sym("-") => {
                let span = self.span();
                self.bump();
                let Tok::Num(n) = self.peek() else {
                    self.expected("a number after `-`");
                    return None;
                };
                let span = span.to(self.span());
                let n = self.int(n.clone(), true, span)?;
                self.bump();
                n
            }
            Tok::Str(s) => {
                let v = CfgValue::Str(s.clone());
                self.bump();
                v
            }
            Tok::Kw("TRUE") => {
                self.bump();
                CfgValue::Bool(true)
            }
            Tok::Kw("FALSE") => {
                self.bump();
                CfgValue::Bool(false)
            }
            Tok::Ident(m) if !is_section(self.peek()) => {
                let v = CfgValue::ModelValue(m.clone());
                self.bump();
                v
            }
            Tok::Sym(open @ ("{" | "<<")) => {
                let close = if *open == "{" { "}" } else { ">>" };
                let set = *open == "{";
                self.bump();
                let mut items = Vec::new();
                if !self.peek().is_sym(close) {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.peek().is_sym(",") {
                            self.bump();
                        } else {
                            break;
                        }
                    }
                }
                if !self.peek().is_sym(close) {
                    self.expected(&format!("`,` or `{close}`"));
                    return None;
                }
                self.bump();
                if set {
                    CfgValue::Set(items)
                } else {
                    CfgValue::Tuple(items)
                }
            }
            _ => {
                self.expected(
                    "a value (a number, a string, TRUE/FALSE, a model value, a set or a tuple)",
                );
                return None;
            }
        };
        Some(v)
    }

    fn int(&mut self, digits: String, negative: bool, span: Span) -> Option<CfgValue> {
        let text = if negative {
            format!("-{digits}")
        } else {
            digits
        };
        match text.parse::<i64>() {
            Ok(n) => Some(CfgValue::Int(n)),
            Err(_) => {
                self.error(
                    "number-too-large",
                    format!("the number {text} does not fit in 64 bits"),
                    span,
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(text: &str) -> (Config, Vec<Diagnostic>) {
        let mut db = SourceDb::new();
        let f = db.add("M.cfg", text.to_string());
        parse_cfg(&db, f)
    }

    #[test]
    fn reads_the_common_sections() {
        let (c, e) = cfg(
            "SPECIFICATION Spec\nCONSTANTS N = 3 Procs = {p1, p2}\n  Nil = Nil\nINVARIANT A B\n",
        );
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(c.specification.map(|n| n.name).as_deref(), Some("Spec"));
        assert_eq!(c.constants.len(), 3);
        assert_eq!(c.invariants.len(), 2);
    }
}
