//! Renders diagnostics as text: `error[code]: message`, then `--> file:line:col` and the
//! source line with a caret under the span.

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, termcolor::NoColor};
use std::ops::Range;

use crate::{Diagnostic, FileId, Severity, SourceDb};

impl<'a> Files<'a> for SourceDb {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.check(id)?;
        Ok(SourceDb::name(self, id))
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.check(id)?;
        Ok(self.text(id))
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        self.check(id)?;
        Ok(self.line_starts(id).partition_point(|&s| s <= byte_index) - 1)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        self.check(id)?;
        let starts = self.line_starts(id);
        let len = self.text(id).len();
        let start = *starts.get(line_index).ok_or(FilesError::LineTooLarge {
            given: line_index,
            max: starts.len() - 1,
        })?;
        let end = starts.get(line_index + 1).copied().unwrap_or(len);
        Ok(start..end)
    }
}

impl SourceDb {
    fn check(&self, id: FileId) -> Result<(), FilesError> {
        if (id.0 as usize) < self.len() {
            Ok(())
        } else {
            Err(FilesError::FileMissing)
        }
    }
}

/// Renders one diagnostic as plain text (no colour), ending with a newline.
pub fn render(db: &SourceDb, diagnostic: &Diagnostic) -> String {
    let severity = match diagnostic.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
    };
    let labels = diagnostic
        .labels
        .iter()
        .filter(|l| (l.span.file.0 as usize) < db.len())
        .map(|l| {
            let len = db.text(l.span.file).len();
            let mut start = (l.span.start as usize).min(len);
            let mut end = (l.span.end as usize).clamp(start, len);
            let text = db.text(l.span.file);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let style = if l.primary {
                cs::LabelStyle::Primary
            } else {
                cs::LabelStyle::Secondary
            };
            cs::Label::new(style, l.span.file, start..end).with_message(l.message.clone())
        })
        .collect();
    let d = cs::Diagnostic::new(severity)
        .with_code(diagnostic.code)
        .with_message(diagnostic.message.clone())
        .with_labels(labels)
        .with_notes(diagnostic.notes.clone());
    let mut out = NoColor::new(Vec::new());
    let config = term::Config {
        chars: term::Chars::ascii(),
        ..term::Config::default()
    };
    if term::emit(&mut out, &config, db, &d).is_err() {
        return format!("error[{}]: {}\n", diagnostic.code, diagnostic.message);
    }
    String::from_utf8_lossy(&out.into_inner()).into_owned()
}

/// Renders several diagnostics, one after another.
pub fn render_all(db: &SourceDb, diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().map(|d| render(db, d)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    #[test]
    fn renders_file_line_column_and_caret() {
        let mut db = SourceDb::new();
        let f = db.add(
            "Spec.tla",
            "---- MODULE Spec ----\nFoo == 1 +\n====\n".to_string(),
        );
        let d = Diagnostic::error(
            "parse-error",
            "expected an expression",
            Span::new(f, 33, 37),
        )
        .with_label_message("found `====`");
        let text = render(&db, &d);
        assert!(
            text.contains("error[parse-error]: expected an expression"),
            "{text}"
        );
        assert!(text.contains("Spec.tla:3:1"), "{text}");
        assert!(text.contains("^^^^"), "{text}");
    }
}
