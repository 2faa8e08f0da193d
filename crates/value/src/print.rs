//! TLC's printing of values.
//!
//! [`std::fmt::Display`] is TLC's `toString`: `TRUE`, `-3`, `"a\"b"`, model values bare,
//! `{1, 2}`, `<<1, 2>>`, `[a |-> 1, b |-> 2]` (fields in TLC's string order), other
//! functions `(1 :> "a" @@ 2 :> "b")`, the empty function `<<>>`. Lazy sets print as TLC
//! prints them: `a..b` (`{}` when empty), small `SUBSET`/function/record/product sets
//! expanded (TLC expands a `SUBSET S` when `S` has fewer than 7 elements, the others below
//! 2000 elements), larger ones as `SUBSET S`, `[S -> T]`, `[a: S]`, `(S \X T)`.
//!
//! [`Value::to_tlc_string`] is what TLC shows in traces and error messages (`Values.ppr`):
//! the flat text is re-parsed and, where it does not fit in 80 columns, broken across lines
//! as TLC's `tlc2.pprint` formatter does (`{ a,\n  b }`, `[ f |-> 1,\n  g |-> 2 ]` …). The
//! parser is deliberately the same small grammar as TLC's, including its limits: text it
//! cannot parse (say, a model value with an underscore) is printed flat, as TLC prints it.

use std::fmt::{self, Write};

use crate::{LazySet, Value};

/// The line width TLC pretty-prints values to.
pub const PRETTY_WIDTH: usize = 80;

/// TLC expands `SUBSET S` when printing if `S` has fewer than this many elements.
const SUBSET_EXPAND_BELOW: usize = 7;
/// TLC expands other lazy sets when printing if they have fewer than this many elements
/// (`TLCGlobals.enumBound`).
const EXPAND_BELOW: u128 = 2000;

fn write_str_literal(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    f.write_char('"')?;
    for c in s.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\t' => f.write_str("\\t")?,
            '\n' => f.write_str("\\n")?,
            '\u{c}' => f.write_str("\\f")?,
            '\r' => f.write_str("\\r")?,
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}

fn write_list<'a>(
    f: &mut fmt::Formatter<'_>,
    open: &str,
    items: impl Iterator<Item = &'a Value>,
    close: &str,
) -> fmt::Result {
    f.write_str(open)?;
    for (i, v) in items.enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        fmt::Display::fmt(v, f)?;
    }
    f.write_str(close)
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Bool(true) => f.write_str("TRUE"),
            Value::Bool(false) => f.write_str("FALSE"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Str(s) => write_str_literal(f, s),
            Value::ModelValue(m) => f.write_str(m),
            Value::Set(elems) => write_list(f, "{", elems.iter(), "}"),
            Value::Tuple(elems) => write_list(f, "<<", elems.iter(), ">>"),
            Value::Record(fields) => {
                f.write_char('[')?;
                for (i, (n, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{n} |-> {v}")?;
                }
                f.write_char(']')
            }
            Value::Func(pairs) => {
                if pairs.is_empty() {
                    return f.write_str("<<>>");
                }
                f.write_char('(')?;
                for (i, (k, v)) in pairs.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" @@ ")?;
                    }
                    write!(f, "{k} :> {v}")?;
                }
                f.write_char(')')
            }
            Value::Lazy(l) => fmt_lazy(self, l, f),
        }
    }
}

fn fmt_lazy(whole: &Value, l: &LazySet, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let expand = |f: &mut fmt::Formatter<'_>| -> Option<fmt::Result> {
        let elems = whole.explicit_elems()?;
        Some(write_list(f, "{", elems.iter(), "}"))
    };
    match l {
        LazySet::Interval(a, b) => {
            if a <= b {
                write!(f, "{a}..{b}")
            } else {
                f.write_str("{}")
            }
        }
        LazySet::Subset(s) => {
            if s.cardinality_u128()
                .is_some_and(|n| n < SUBSET_EXPAND_BELOW as u128)
            {
                if let Some(r) = expand(f) {
                    return r;
                }
            }
            f.write_str("SUBSET ")?;
            if let Value::Lazy(inner) = s {
                if let LazySet::Interval(..) = **inner {
                    return write!(f, "({s})");
                }
            }
            write!(f, "{s}")
        }
        LazySet::FnSet(d, r) => {
            if whole.cardinality_u128().is_some_and(|n| n < EXPAND_BELOW) {
                if let Some(res) = expand(f) {
                    return res;
                }
            }
            write!(f, "[{d} -> {r}]")
        }
        LazySet::RecordSet(fields) => {
            if whole.cardinality_u128().is_some_and(|n| n < EXPAND_BELOW) {
                if let Some(res) = expand(f) {
                    return res;
                }
            }
            f.write_char('[')?;
            for (i, (n, s)) in fields.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{n}: {s}")?;
            }
            f.write_char(']')
        }
        LazySet::Product(sets) => {
            if whole.cardinality_u128().is_some_and(|n| n < EXPAND_BELOW) {
                if let Some(res) = expand(f) {
                    return res;
                }
            }
            if sets.is_empty() {
                return Ok(());
            }
            f.write_char('(')?;
            for (i, s) in sets.iter().enumerate() {
                if i > 0 {
                    f.write_str(" \\X ")?;
                }
                write!(f, "{s}")?;
            }
            f.write_char(')')
        }
        LazySet::Nat => f.write_str("Nat"),
        LazySet::Int => f.write_str("Int"),
        LazySet::String => f.write_str("STRING"),
        LazySet::Seq(s) => write!(f, "Seq({s})"),
    }
}

impl Value {
    /// The value as TLC shows it in traces and messages: pretty-printed to 80 columns.
    pub fn to_tlc_string(&self) -> String {
        pretty_print(&self.to_string())
    }

    /// The value pretty-printed to `width` columns, as TLC's formatter does.
    pub fn pretty(&self, width: usize) -> String {
        pretty_print_width(&self.to_string(), width)
    }
}

/// Pretty-prints the flat text of a value to [`PRETTY_WIDTH`] columns (TLC's `Values.ppr`).
pub fn pretty_print(flat: &str) -> String {
    pretty_print_width(flat, PRETTY_WIDTH)
}

fn pretty_print_width(flat: &str, width: usize) -> String {
    let chars: Vec<char> = flat.chars().collect();
    let parser = Parser { s: &chars };
    let Ok(tree) = parser.parse(0) else {
        return flat.to_string();
    };
    if tree.last + 1 < chars.len() {
        return flat.to_string();
    }
    let fmt = Formatter { s: &chars };
    match fmt.format(&tree, width as i64, 0, "") {
        Ok(s) => s,
        Err(()) => flat.to_string(),
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum NodeKind {
    Constant,
    Set,
    Sequence,
    Record,
    RecordPair,
    Function,
    FunctionPair,
    Subset,
}

struct Node {
    kind: NodeKind,
    first: usize,
    last: usize,
    children: Vec<Node>,
}

impl Node {
    fn len(&self) -> i64 {
        self.last as i64 - self.first as i64 + 1
    }
}

/// TLC's value-text grammar; any failure (running off the end, an unexpected character)
/// makes the caller print the text flat.
struct Parser<'a> {
    s: &'a [char],
}

type PResult<T> = Result<T, ()>;

impl Parser<'_> {
    fn at(&self, i: usize) -> PResult<char> {
        self.s.get(i).copied().ok_or(())
    }

    fn skip_ws(&self, mut i: usize) -> PResult<usize> {
        while self.at(i)?.is_whitespace() {
            i += 1;
        }
        Ok(i)
    }

    fn starts_with(&self, i: usize, pat: &str) -> bool {
        (i..)
            .zip(pat.chars())
            .all(|(j, c)| self.s.get(j) == Some(&c))
    }

    fn parse(&self, index: usize) -> PResult<Node> {
        if self.s.is_empty() || index >= self.s.len() {
            return Err(());
        }
        let i = self.skip_ws(index)?;
        match self.at(i)? {
            '{' => self.parse_list(i, NodeKind::Set, 1, '}', 0),
            '<' => self.parse_list(i, NodeKind::Sequence, 2, '>', 1),
            '[' => self.parse_record(i),
            '(' => self.parse_function(i),
            _ if self.starts_with(i, "SUBSET") => {
                let j = self.skip_ws(i + 6)?;
                let elt = self.parse(j)?;
                Ok(Node {
                    kind: NodeKind::Subset,
                    first: i,
                    last: elt.last,
                    children: vec![elt],
                })
            }
            _ => self.parse_constant(i),
        }
    }

    /// A comma-separated list between `open` (of `open_len` characters) and `close`
    /// (whose token is `close_extra + 1` characters long).
    fn parse_list(
        &self,
        first: usize,
        kind: NodeKind,
        open_len: usize,
        close: char,
        close_extra: usize,
    ) -> PResult<Node> {
        let mut children = Vec::new();
        let mut last = self.skip_ws(first + open_len)?;
        while self.at(last)? != close {
            let elt = self.parse(last)?;
            last = self.skip_ws(elt.last + 1)?;
            children.push(elt);
            if self.at(last)? == ',' {
                last += 1;
            }
            last = self.skip_ws(last)?;
        }
        Ok(Node {
            kind,
            first,
            last: last + close_extra,
            children,
        })
    }

    fn parse_pair(&self, first: usize, kind: NodeKind, div: &str) -> PResult<Node> {
        let arg = self.parse(first)?;
        let mut last = self.skip_ws(arg.last + 1)?;
        if !self.starts_with(last, div) {
            return Err(());
        }
        last = self.skip_ws(last + div.chars().count())?;
        let val = self.parse(last)?;
        Ok(Node {
            kind,
            first,
            last: val.last,
            children: vec![arg, val],
        })
    }

    fn parse_record(&self, first: usize) -> PResult<Node> {
        let mut children = Vec::new();
        let mut last = self.skip_ws(first + 1)?;
        while self.at(last)? != ']' {
            let pair = self.parse_pair(last, NodeKind::RecordPair, "|->")?;
            last = self.skip_ws(pair.last + 1)?;
            children.push(pair);
            if self.at(last)? == ',' {
                last += 1;
            }
            last = self.skip_ws(last)?;
        }
        Ok(Node {
            kind: NodeKind::Record,
            first,
            last,
            children,
        })
    }

    fn parse_function(&self, first: usize) -> PResult<Node> {
        let mut children = Vec::new();
        let mut last = self.skip_ws(first + 1)?;
        while self.at(last)? != ')' {
            let pair = self.parse_pair(last, NodeKind::FunctionPair, ":>")?;
            last = self.skip_ws(pair.last + 1)?;
            children.push(pair);
            if self.starts_with(last, "@@") {
                last += 2;
            }
            last = self.skip_ws(last)?;
        }
        Ok(Node {
            kind: NodeKind::Function,
            first,
            last,
            children,
        })
    }

    fn constant(first: usize, last: usize) -> Node {
        Node {
            kind: NodeKind::Constant,
            first,
            last,
            children: Vec::new(),
        }
    }

    fn parse_constant(&self, index: usize) -> PResult<Node> {
        let first = self.skip_ws(index)?;
        let mut last = first;
        let c = self.at(first)?;
        if c == '"' {
            // TLC's formatter ends a string at the next quote, escaped or not.
            loop {
                last += 1;
                if self.at(last)? == '"' {
                    break;
                }
            }
            return Ok(Self::constant(first, last));
        }
        if is_digit(c) {
            if let Some(node) = self.parse_interval(index) {
                return Ok(node);
            }
        }
        if c == '-' {
            last += 1;
            while is_digit(self.at(last)?) {
                last += 1;
                if last == self.s.len() {
                    break;
                }
            }
            return Ok(Self::constant(first, last - 1));
        }
        if c.is_alphanumeric() {
            while self.at(last)?.is_alphanumeric() {
                last += 1;
                if last == self.s.len() {
                    break;
                }
            }
            return Ok(Self::constant(first, last - 1));
        }
        Err(())
    }

    fn parse_interval(&self, first: usize) -> Option<Node> {
        let mut last = first;
        if !is_digit(*self.s.get(last)?) {
            return None;
        }
        while last < self.s.len() && is_digit(self.s[last]) {
            last += 1;
        }
        if !self.starts_with(last, "..") {
            return None;
        }
        last += 2;
        if !is_digit(*self.s.get(last)?) {
            return None;
        }
        while is_digit(*self.s.get(last)?) {
            last += 1;
            if last == self.s.len() {
                break;
            }
        }
        Some(Self::constant(first, last - 1))
    }
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric())
}

struct Formatter<'a> {
    s: &'a [char],
}

struct Style {
    open: &'static str,
    close: &'static str,
    pad: &'static str,
    sep: &'static str,
}

const SET: Style = Style {
    open: "{ ",
    close: " }",
    pad: "  ",
    sep: ",",
};
const SEQ: Style = Style {
    open: "<< ",
    close: " >>",
    pad: "   ",
    sep: ",",
};
const FUN: Style = Style {
    open: "( ",
    close: " )",
    pad: "  ",
    sep: " @@",
};
const REC: Style = Style {
    open: "[ ",
    close: " ]",
    pad: "  ",
    sep: ",",
};
const SUBSET: Style = Style {
    open: "SUBSET ",
    close: " ",
    pad: " ",
    sep: ",",
};

fn w(s: &str) -> i64 {
    s.chars().count() as i64
}

impl Formatter<'_> {
    fn text(&self, n: &Node) -> String {
        self.s[n.first..=n.last].iter().collect()
    }

    fn format(&self, n: &Node, width: i64, trailer: i64, leftpad: &str) -> Result<String, ()> {
        if n.len() <= width - trailer {
            return Ok(self.text(n));
        }
        match n.kind {
            NodeKind::Constant => Ok(self.text(n)),
            NodeKind::Set => self.simple(n, width, trailer, leftpad, &SET),
            NodeKind::Sequence => self.simple(n, width, trailer, leftpad, &SEQ),
            NodeKind::Subset => self.simple(n, width, trailer, leftpad, &SUBSET),
            NodeKind::Function => self.pairs(n, width, trailer, leftpad, &FUN, " :>"),
            NodeKind::Record => self.pairs(n, width, trailer, leftpad, &REC, " |->"),
            NodeKind::RecordPair | NodeKind::FunctionPair => Err(()),
        }
    }

    fn simple(
        &self,
        n: &Node,
        width: i64,
        trailer: i64,
        leftpad: &str,
        st: &Style,
    ) -> Result<String, ()> {
        let width = width - w(st.open).max(w(st.pad));
        let trailer = trailer + w(st.close);
        let pad = format!("{leftpad}{}", st.pad);
        let mut out = String::from(st.open);
        let count = n.children.len();
        for (i, c) in n.children.iter().enumerate() {
            if i + 1 < count {
                out.push_str(&self.format(c, width, w(st.sep), &pad)?);
                out.push_str(st.sep);
                out.push('\n');
                out.push_str(&pad);
            } else {
                out.push_str(&self.format(c, width, trailer, &pad)?);
            }
        }
        out.push_str(st.close);
        Ok(out)
    }

    fn pairs(
        &self,
        n: &Node,
        width: i64,
        trailer: i64,
        leftpad: &str,
        st: &Style,
        div: &str,
    ) -> Result<String, ()> {
        const DIV_PAD: &str = "    ";
        let width = width - w(st.open).max(w(st.pad));
        let trailer = trailer + w(st.close);
        let pad = format!("{leftpad}{}", st.pad);
        let divpad = format!("{pad}{DIV_PAD}");
        let (sep, div_w, dp_w) = (st.sep, w(div), w(DIV_PAD));
        let mut out = String::from(st.open);
        let count = n.children.len();
        for (i, pair) in n.children.iter().enumerate() {
            let (arg, val) = match &pair.children[..] {
                [a, v] => (a, v),
                _ => return Err(()),
            };
            let last = i + 1 == count;
            let (room, val_trailer) = if last {
                (width - trailer, trailer)
            } else {
                (width, w(sep))
            };
            let tail = if last {
                String::new()
            } else {
                format!("{sep}\n{pad}")
            };
            let extra = if last { 0 } else { w(sep) };
            if arg.len() + div_w + 1 + val.len() + extra <= room {
                out.push_str(&self.text(arg));
                out.push_str(div);
                out.push(' ');
                out.push_str(&self.text(val));
            } else if arg.len() + div_w <= width {
                out.push_str(&self.text(arg));
                out.push_str(div);
                out.push('\n');
                out.push_str(&divpad);
                out.push_str(&self.format(val, width - dp_w, val_trailer, &divpad)?);
            } else {
                out.push_str(&self.format(arg, width, trailer + div_w, &pad)?);
                out.push_str(div);
                out.push('\n');
                out.push_str(&divpad);
                out.push_str(&self.format(val, width - dp_w, val_trailer, &divpad)?);
            }
            out.push_str(&tail);
        }
        out.push_str(st.close);
        Ok(out)
    }
}
