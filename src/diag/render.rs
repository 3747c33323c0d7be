//! Showing diagnostics: through miette for people, as JSON for machines.
//!
//! The diagnostic data knows nothing of either format.

use std::fmt;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, SourceCode, SourceSpan, SpanContents,
};
use serde::Serialize;

use super::{Diag, Severity};
use crate::LineIndex;

/// How human output looks.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
    /// Unicode box drawing; ASCII otherwise.
    pub unicode: bool,
    pub width: usize,
}

/// Renders one file's diagnostics as miette reports.
pub fn human(file: &str, source: &str, diags: &[Diag], style: Style) -> String {
    let theme = match (style.unicode, style.color) {
        (true, true) => GraphicalTheme::unicode(),
        (true, false) => GraphicalTheme::unicode_nocolor(),
        (false, true) => GraphicalTheme::ascii(),
        (false, false) => GraphicalTheme::none(),
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(style.width).with_links(false);
    let named = Named { name: file, text: source };
    let index = LineIndex::new(source);
    let mut out = String::new();
    for diag in diags {
        let showable = std::iter::once(&diag.primary).chain(&diag.secondary).all(|l| short_lines(source, l.span));
        let report = Report { diag, source: showable.then_some(&named) };
        let mut text = String::new();
        // miette is a dependency: should it panic on some input, the diagnostic is
        // still shown, plainly, rather than lost in a crash.
        let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            handler.render_report(&mut text, &report).is_ok()
        }));
        let (line, column) = index.line_col(diag.primary.span.start);
        if rendered.unwrap_or(false) {
            if !showable {
                text.push_str(&format!("  at {file}:{line}:{column} (the line is too long to quote)\n"));
            }
        } else {
            let code = diag.code.info().code;
            let severity = severity_name(diag.severity);
            text =
                format!("{severity}[{code}]: {}\n  at {file}:{line}:{column}\n  help: {}\n", diag.message, diag.help);
        }
        out.push_str(&text);
        out.push('\n');
    }
    out
}

/// Lines longer than this are not quoted in a report: a 1 MB line is no help to read,
/// and miette cannot underline past column 65,535.
const MAX_QUOTED_LINE: usize = 2_000;

/// Whether every line `span` touches is short enough to quote.
fn short_lines(source: &str, span: crate::Span) -> bool {
    let start = source[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = source[span.end..].find('\n').map_or(source.len(), |i| span.end + i);
    source[start..end].split('\n').all(|line| line.len() <= MAX_QUOTED_LINE)
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A source file with its name, as miette reads it.
struct Named<'a> {
    name: &'a str,
    text: &'a str,
}

impl SourceCode for Named<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let contents = self.text.read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.to_string(),
            contents.data(),
            *contents.span(),
            contents.line(),
            contents.column(),
            contents.line_count(),
        )))
    }
}

struct Report<'a> {
    diag: &'a Diag,
    /// `None` when the lines are too long to quote.
    source: Option<&'a Named<'a>>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diag, f)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl std::error::Error for Report<'_> {}

impl Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.diag.code.info().code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.diag.help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source?;
        let primary = &self.diag.primary;
        let first = LabeledSpan::new_primary_with_span(primary.message.clone(), to_miette(primary.span));
        let rest = self.diag.secondary.iter().map(|l| LabeledSpan::new_with_span(l.message.clone(), to_miette(l.span)));
        Some(Box::new(std::iter::once(first).chain(rest)))
    }
}

fn to_miette(span: crate::Span) -> SourceSpan {
    SourceSpan::new(span.start.into(), span.len())
}

/// One diagnostic as `check --format json` prints it.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct JsonDiag {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub end_line: usize,
    /// 1-based, in characters, just past the span's last character.
    pub end_column: usize,
    pub help: String,
}

/// The diagnostics of one file in their JSON form.
pub fn json(file: &str, source: &str, diags: &[Diag]) -> Vec<JsonDiag> {
    let index = LineIndex::new(source);
    diags
        .iter()
        .map(|d| {
            let (line, column) = index.line_col(d.primary.span.start);
            let (end_line, end_column) = index.line_col(d.primary.span.end);
            JsonDiag {
                code: d.code.info().code,
                severity: d.severity,
                message: d.message.clone(),
                file: file.to_string(),
                line,
                column,
                end_line,
                end_column,
                help: d.help.clone(),
            }
        })
        .collect()
}

/// The whole document `check --format json` prints.
#[derive(Debug, Serialize)]
pub struct JsonReport {
    pub diagnostics: Vec<JsonDiag>,
}
