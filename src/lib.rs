//! journeymap compiles plain-text customer-journey maps (`*.journey`) into a typed,
//! validated model, and from it into diagrams.
//!
//! The pipeline, one module per stage:
//! [`syntax`] (bytes → lines → statements) → [`model`] (lowering, validation, derived
//! facts) → outputs: drawings ([`render::render`]: [`layout`], then SVG, PNG, PDF or
//! HTML), [`export`], [`report`], [`diff`]. Every stage returns what it could build
//! together with its diagnostics; none stops at the first problem. Only the binary
//! touches the file system.
#![forbid(unsafe_code)]

pub mod config;
pub mod data;
pub mod diag;
pub mod diff;
pub mod escape;
pub mod export;
pub mod format;
pub mod generate;
pub mod import;
pub mod lanes;
pub mod layout;
pub mod lsp;
pub mod mermaid;
pub mod model;
pub mod render;
pub mod report;
pub mod sheet;
pub mod syntax;
pub mod templates;
pub mod text;

mod span;

pub use span::{LineIndex, Span};

use diag::Diag;
use model::Journey;

/// The result of compiling one source file.
#[derive(Debug)]
pub struct Compiled {
    /// The decoded source text the spans of the diagnostics point into.
    pub source: String,
    /// The map, when it has no errors (it may still have warnings).
    pub journey: Option<Journey>,
    /// Every problem found, in source order.
    pub diags: Vec<Diag>,
}

impl Compiled {
    pub fn has_errors(&self) -> bool {
        self.diags.iter().any(Diag::is_error)
    }
}

/// Limits that keep a run bounded whatever the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Larger files are refused with one diagnostic ([`diag::Code::FileTooLarge`]).
    pub max_bytes: usize,
    /// Longer lines, in characters, are errors ([`diag::Code::LineTooLong`]).
    pub max_line_chars: usize,
}

impl Default for Options {
    fn default() -> Self {
        // A map of 10,000 steps is about 3.5 MB; a hand-written one a few kilobytes.
        // A card's text is a sentence or two; 10,000 characters is a dozen pages.
        Options { max_bytes: 16 * 1024 * 1024, max_line_chars: 10_000 }
    }
}

/// Compiles the bytes of one `.journey` file: decode, parse, lower and validate.
pub fn compile(bytes: &[u8]) -> Compiled {
    compile_with(bytes, &Options::default())
}

/// [`compile`] with explicit limits.
pub fn compile_with(bytes: &[u8], options: &Options) -> Compiled {
    compile_with_fonts(bytes, options, text::Fonts::get())
}

/// [`compile_with`], for maps drawn with `fonts` (a project's): a character none of
/// them has is a warning.
pub fn compile_with_fonts(bytes: &[u8], options: &Options, fonts: &text::Fonts) -> Compiled {
    let mut diags = diag::Diags::default();
    if bytes.len() > options.max_bytes {
        diags.push(diag::too_large(options.max_bytes));
        return Compiled { source: String::new(), journey: None, diags: diags.finish() };
    }
    let decoded = syntax::decode(bytes, &mut diags);
    if decoded.binary {
        return Compiled { source: decoded.text, journey: None, diags: diags.finish() };
    }
    for span in syntax::split_lines(&decoded.text) {
        let line = span.of(&decoded.text);
        // Bytes bound characters from above: only a long line is counted.
        if line.len() > options.max_line_chars
            && let Some((cut, _)) = line.char_indices().nth(options.max_line_chars)
        {
            diags.push(diag::line_too_long(span, span.start + cut, line.chars().count(), options.max_line_chars));
        }
    }
    let file = syntax::parse(&decoded.text, &mut diags);
    let journey = model::lower(&decoded.text, &file, &mut diags);
    let journey = if diags.has_errors() { None } else { journey };
    if let Some(journey) = &journey {
        for diag in text::undrawable(journey, fonts) {
            diags.push(diag);
        }
    }
    let diags = diags.finish();
    Compiled { source: decoded.text, journey, diags }
}
