//! TLC-style source locations: `line L, col C to line L2, col C2 of module M`.
//!
//! The model keeps a copy of what it needs (line starts, module extents) so that locations
//! can be printed for evaluation errors found long after loading.

use source::{FileId, SourceDb, Span};

/// What is needed to turn spans into TLC locations.
#[derive(Debug, Default)]
pub(crate) struct Locator {
    files: Vec<(FileId, String)>,
    /// Module extents `(span, name)`, used to name the module a span lies in.
    modules: Vec<(Span, String)>,
}

impl Locator {
    pub(crate) fn new(db: &SourceDb, modules: Vec<(Span, String)>) -> Locator {
        let mut files: Vec<(FileId, String)> = Vec::new();
        for (s, _) in &modules {
            if !files.iter().any(|(f, _)| *f == s.file) {
                files.push((s.file, db.text(s.file).to_string()));
            }
        }
        Locator { files, modules }
    }

    fn line_col(&self, file: FileId, offset: u32) -> (u32, u32) {
        let Some((_, text)) = self.files.iter().find(|(f, _)| *f == file) else {
            return (0, 0);
        };
        let offset = (offset as usize).min(text.len());
        let mut line = 1;
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if i >= offset {
                break;
            }
            if c == '\n' {
                line += 1;
                start = i + 1;
            }
        }
        let col = text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line, col as u32 + 1)
    }

    /// The module a span lies in (the innermost one).
    pub(crate) fn module_of(&self, span: Span) -> &str {
        self.modules
            .iter()
            .filter(|(m, _)| m.file == span.file && m.start <= span.start && span.end <= m.end)
            .min_by_key(|(m, _)| m.end - m.start)
            .map_or("?", |(_, n)| n.as_str())
    }

    /// `line L, col C to line L2, col C2 of module M`.
    pub(crate) fn location(&self, span: Span) -> String {
        let (l1, c1) = self.line_col(span.file, span.start);
        let (l2, c2) = self.line_col(span.file, span.end.saturating_sub(1).max(span.start));
        format!(
            "line {l1}, col {c1} to line {l2}, col {c2} of module {}",
            self.module_of(span)
        )
    }
}
