//! TLC's order of strings and model values: the order in which TLC interns their text.
//!
//! TLC compares two strings (and two model values) by their `UniqueString` token, which
//! `util.InternTable` hands out in increasing order as texts are first interned
//! (`UniqueString.compareTo` subtracts tokens). So `CHOOSE s \in {"beta", "b"} : TRUE` and
//! the print order of record fields depend on when TLC first met each text. In TLC 2.19 a
//! run interns, in this order (sources under `tlatools/org.lamport.tlatools/src/`):
//!
//! 1. The configuration (`tlc2.tool.impl.Spec` parses it before calling SANY): each model
//!    value (`ModelConfig.parseValue` → `ModelValue.make` → `UniqueString.uniqueStringOf`)
//!    and each string (`new StringValue(String)`) in the cfg, in the order they appear.
//!    Operator names in the cfg (`INIT Init`, `x <- Op`) are plain Java strings there.
//! 2. Parsing (`tla2sany.parser.SyntaxTreeNode(Token)` interns every token image as the
//!    parser builds the tree): the root module first, then the modules it uses in the order
//!    SANY loads them (`Parsing file …` lines), every identifier and keyword in token order.
//!    The standard modules are parsed from their own text, so their parameter and bound
//!    names (`a`, `b` in Naturals, `s`, `e` in Sequences …) are interned then. A string
//!    token is interned with its quotes, which is a different text.
//! 3. Semantic analysis (`tla2sany.semantic.StringNode` strips the quotes and interns the
//!    content), module by module in SANY's semantic order (a module after the modules it
//!    uses, the root last), string literals in source order.
//! 4. Strings built while checking (`ToString`, …) as they are first evaluated. warden
//!    leaves those out of the table; the `value` crate orders unlisted strings after the
//!    listed ones, by text.
//!
//! # One order per process
//!
//! The `value` crate keeps one process-wide table (values are sorted as they are built, and
//! carrying an order in every value would cost every comparison). `warden suite` loads
//! several specs in one process, possibly in parallel, so the table must never change the
//! rank of a name another spec already relies on. The table is therefore append-only:
//! [`install`] appends, under a lock, the names of one spec load that are not yet ranked, in
//! that spec's TLC order, and reinstalls the whole list. Ranks of names already listed never
//! move, so sets and records built by specs loaded earlier stay sorted. The one spec of a
//! `warden check` run gets exactly TLC's order; a spec loaded after another one gets TLC's
//! order for every name the earlier specs did not intern, and the earlier specs' relative
//! order for the names they share (TLC, one spec per process, would not share them).

use std::collections::HashSet;
use std::sync::Mutex;

use source::{FileId, SourceDb};
use syntax::token::Tok;

/// Every name ranked so far in this process, in rank order (append-only).
static INTERNED: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// The identifiers (and keywords) of TLC 2.19's standard modules in the order their text
/// first uses them (the files in `tla2sany/StandardModules/` of `tla2tools.jar`).
fn standard_module_names(module: &str) -> &'static [&'static str] {
    match module {
        "Naturals" => &[
            "MODULE", "Naturals", "Nat", "a", "b", "CHOOSE", "n", "TRUE", "leq", "geq", "div",
        ],
        "Integers" => &["MODULE", "Integers", "EXTENDS", "Naturals", "Int", "a"],
        "Reals" => &[
            "MODULE", "Reals", "EXTENDS", "Integers", "Real", "a", "b", "CHOOSE", "m", "in",
            "Infinity", "i", "notin", "A", "r",
        ],
        "Sequences" => &[
            "MODULE",
            "Sequences",
            "LOCAL",
            "INSTANCE",
            "Naturals",
            "Seq",
            "S",
            "UNION",
            "n",
            "in",
            "Nat",
            "Len",
            "s",
            "CHOOSE",
            "DOMAIN",
            "o",
            "t",
            "i",
            "IF",
            "leq",
            "THEN",
            "ELSE",
            "Append",
            "e",
            "Head",
            "Tail",
            "CASE",
            "SubSeq",
            "m",
            "SelectSeq",
            "Test",
            "LET",
            "F",
            "IN",
        ],
        "FiniteSets" => &[
            "MODULE",
            "FiniteSets",
            "LOCAL",
            "INSTANCE",
            "Naturals",
            "Sequences",
            "IsFiniteSet",
            "S",
            "E",
            "seq",
            "in",
            "Seq",
            "A",
            "s",
            "n",
            "Len",
            "Cardinality",
            "LET",
            "CS",
            "T",
            "SUBSET",
            "IF",
            "THEN",
            "ELSE",
            "CHOOSE",
            "x",
            "IN",
        ],
        "TLC" => &[
            "MODULE",
            "TLC",
            "LOCAL",
            "INSTANCE",
            "Naturals",
            "Sequences",
            "FiniteSets",
            "Print",
            "out",
            "val",
            "PrintT",
            "TRUE",
            "Assert",
            "IF",
            "THEN",
            "ELSE",
            "CHOOSE",
            "v",
            "JavaTime",
            "n",
            "in",
            "Nat",
            "TLCGet",
            "i",
            "TLCSet",
            "d",
            "e",
            "x",
            "f",
            "g",
            "DOMAIN",
            "cup",
            "Permutations",
            "S",
            "A",
            "w",
            "E",
            "SortSeq",
            "s",
            "Op",
            "LET",
            "Perm",
            "p",
            "Len",
            "j",
            "IN",
            "RandomElement",
            "Any",
            "ToString",
            "a",
            "b",
            "STRING",
            "TLCEval",
        ],
        "Bags" => &[
            "MODULE",
            "Bags",
            "EXTENDS",
            "TLC",
            "LOCAL",
            "INSTANCE",
            "Naturals",
            "IsABag",
            "B",
            "in",
            "DOMAIN",
            "n",
            "Nat",
            "BagToSet",
            "SetToBag",
            "S",
            "e",
            "BagIn",
            "EmptyBag",
            "B1",
            "B2",
            "cup",
            "IF",
            "THEN",
            "ELSE",
            "LET",
            "IN",
            "d",
            "Sum",
            "f",
            "DSum",
            "SUBSET",
            "elt",
            "CHOOSE",
            "TRUE",
            "BagUnion",
            "UNION",
            "sqsubseteq",
            "subseteq",
            "A",
            "leq",
            "SubBag",
            "RemoveFromDom",
            "x",
            "y",
            "Combine",
            "BagSet",
            "i",
            "Biggest",
            "Range",
            "r",
            "s",
            "geq",
            "RSB",
            "BB",
            "SB",
            "AllBagsOfSubset",
            "BagOfAll",
            "F",
            "BagCardinality",
            "CopiesIn",
        ],
        _ => &[],
    }
}

/// The modules a standard module uses (for the order in which SANY loads them).
fn standard_module_uses(module: &str) -> &'static [&'static str] {
    match module {
        "Integers" => &["Naturals"],
        "Reals" => &["Integers"],
        "Sequences" => &["Naturals"],
        "FiniteSets" => &["Naturals", "Sequences"],
        "TLC" => &["Naturals", "Sequences", "FiniteSets"],
        "Bags" => &["TLC", "Naturals"],
        _ => &[],
    }
}

/// One module as the order needs it: its file (none for a standard module) and the modules
/// it uses, in the order its text names them.
pub(crate) struct ModuleText {
    /// The module's name.
    pub(crate) name: String,
    /// Its file, `None` for a built-in standard module.
    pub(crate) file: Option<FileId>,
    /// The modules it names in EXTENDS and INSTANCE, in text order.
    pub(crate) uses: Vec<String>,
}

/// The tokens of `file` from its module header on.
fn tokens(db: &SourceDb, file: FileId) -> Vec<Tok> {
    let text = db.text(file);
    let start = text.find("----").unwrap_or(0);
    syntax::lexer::lex(file, text, start)
        .tokens
        .into_iter()
        .map(|t| t.tok)
        .collect()
}

/// The spelling TLC interns for a token (identifiers and keywords; other tokens are
/// interned too but cannot be the text of a string a spec compares).
fn token_name(t: &Tok) -> Option<&str> {
    match t {
        Tok::Ident(s) => Some(s),
        Tok::Kw(k) => Some(k),
        _ => None,
    }
}

/// The model values and strings of the configuration, in the order TLC's `ModelConfig`
/// interns them: a string anywhere, an identifier that is a value (after `=` or inside a
/// set `{…}`).
fn config_names(db: &SourceDb, cfg: FileId, out: &mut Vec<String>) {
    let toks = syntax::lexer::lex(cfg, db.text(cfg), 0).tokens;
    let mut depth = 0usize;
    let mut after_eq = false;
    for t in &toks {
        match &t.tok {
            Tok::Str(s) => out.push(s.clone()),
            Tok::Sym("{") => depth += 1,
            Tok::Sym("}") => depth = depth.saturating_sub(1),
            Tok::Ident(s) if depth > 0 || after_eq => out.push(s.clone()),
            _ => {}
        }
        after_eq = matches!(t.tok, Tok::Sym("="));
    }
}

/// TLC's interning order for one spec: see the module documentation.
pub(crate) fn spec_order(
    db: &SourceDb,
    modules: &[ModuleText],
    root: &ModuleText,
    cfg: FileId,
) -> Vec<String> {
    let mut names = Vec::new();
    config_names(db, cfg, &mut names);
    // Parse order, over user modules and standard ones alike.
    let mut parsed: Vec<(String, Option<FileId>)> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut stack = vec![root.name.clone()];
    while let Some(name) = stack.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let user = modules.iter().find(|m| m.name == name);
        let uses: Vec<String> = match user {
            Some(m) => m.uses.clone(),
            None => standard_module_uses(&name)
                .iter()
                .map(|s| s.to_string())
                .collect(),
        };
        parsed.push((name, user.and_then(|m| m.file)));
        stack.extend(uses.into_iter().rev());
    }
    let mut strings_by_module = Vec::new();
    for (name, file) in &parsed {
        match file {
            Some(f) => {
                let toks = tokens(db, *f);
                names.extend(toks.iter().filter_map(token_name).map(str::to_string));
                let strings: Vec<String> = toks
                    .iter()
                    .filter_map(|t| match t {
                        Tok::Str(s) => Some(s.clone()),
                        _ => None,
                    })
                    .collect();
                strings_by_module.push(strings);
            }
            None => names.extend(standard_module_names(name).iter().map(|s| s.to_string())),
        }
    }
    // Semantic analysis: a module after those it uses, so the reverse of the parse order.
    for strings in strings_by_module.into_iter().rev() {
        names.extend(strings);
    }
    names
}

/// Appends `names` (one spec's order) to the process-wide table and installs it.
pub(crate) fn install(names: Vec<String>) {
    let mut table = INTERNED.lock().unwrap_or_else(|e| e.into_inner());
    let mut known: HashSet<&str> = table.iter().map(String::as_str).collect();
    let mut fresh = Vec::new();
    for n in &names {
        if known.insert(n.as_str()) {
            fresh.push(n.clone());
        }
    }
    table.extend(fresh);
    value::set_string_order(table.iter());
}
