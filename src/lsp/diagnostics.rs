//! The compiler's diagnostics as the protocol's: compiling an open map under its
//! project's settings, and each [`Diag`] turned into an LSP `Diagnostic`.

use lsp_types::{Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Range, Uri};

use super::Settings;
use super::document::Document;
use crate::Span;
use crate::diag::{Diag, Severity};

/// Compiles a map's text as `check` does under the same project: its limits, its fonts,
/// then its lint levels.
pub fn compile(text: &str, settings: &Settings) -> Vec<Diag> {
    let mut compiled = crate::compile_with_fonts(text.as_bytes(), &settings.options, &settings.fonts);
    settings.lints.apply(&mut compiled.diags);
    compiled.diags
}

/// The compiler drops a leading byte-order mark before it counts offsets; the editor's
/// text keeps it.
pub fn bom_shift(text: &str) -> usize {
    if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 }
}

/// A compiler span as a range in the editor's text.
pub fn range(doc: &Document, span: Span) -> Range {
    let shift = bom_shift(doc.text());
    doc.range(Span::new(span.start + shift, span.end + shift))
}

/// One diagnostic for the editor: the primary span is its range, the other spans its
/// related information, the help line follows the message.
pub fn to_lsp(doc: &Document, uri: &Uri, diag: &Diag) -> Diagnostic {
    let mut message = diag.message.clone();
    if !diag.help.is_empty() {
        message.push_str("\nhelp: ");
        message.push_str(&diag.help);
    }
    // The primary label ("expected a persona id") is the underline's caption in the
    // terminal; the message and help already say it, and an editor has no caption.
    let related: Vec<DiagnosticRelatedInformation> = diag
        .secondary
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), range(doc, label.span)),
            message: label.message.clone().unwrap_or_default(),
        })
        .collect();
    Diagnostic {
        range: range(doc, diag.primary.span),
        severity: Some(match diag.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(diag.code.info().code.to_string())),
        source: Some("journeymap".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    }
}
