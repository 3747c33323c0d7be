//! Diagnostics: what every stage reports instead of stopping at the first problem.
//!
//! A [`Diag`] is plain data (code, message, labelled spans, help). How it is shown
//! (miette for people, JSON for machines) lives in [`render`], apart from the data.

mod codes;
pub mod render;

pub use codes::{Code, CodeInfo};

use crate::Span;

/// How bad a problem is. Warnings become errors under `check --deny-warnings`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// A span with an optional short message, underlined in the human output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: Option<String>,
}

/// One problem in one source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diag {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    /// The offending span; its start gives the reported line and column.
    pub primary: Label,
    /// Related places ("first declared here").
    pub secondary: Vec<Label>,
    /// What to do about it. Every diagnostic says.
    pub help: String,
    /// The did-you-mean of `help` as data: the text to put in place of the primary
    /// span (an editor's quick fix). Never shown by itself.
    pub suggestion: Option<String>,
}

impl Diag {
    /// A diagnostic with the code's default severity.
    pub fn new(code: Code, span: Span, message: impl Into<String>, help: impl Into<String>) -> Self {
        Diag {
            code,
            severity: code.info().severity,
            message: message.into(),
            primary: Label { span, message: None },
            secondary: Vec::new(),
            help: help.into(),
            suggestion: None,
        }
    }

    /// Sets the replacement for the primary span that `help` suggests.
    pub fn suggest(mut self, replacement: Option<&str>) -> Self {
        self.suggestion = replacement.map(str::to_string);
        self
    }

    /// Sets the message under the primary span.
    pub fn label(mut self, message: impl Into<String>) -> Self {
        self.primary.message = Some(message.into());
        self
    }

    /// Adds a related span.
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label { span, message: Some(message.into()) });
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Orders diagnostics by where they start in the file; ties keep the order found.
pub fn sort_in_source_order(diags: &mut [Diag]) {
    diags.sort_by_key(|d| d.primary.span.start);
}

/// Most diagnostics one file reports; the rest are summed up in one last diagnostic.
pub const MAX_PER_FILE: usize = 200;

/// The diagnostics of one file as the stages find them, kept in bounded memory: of a
/// file with millions of bad lines only the first [`MAX_PER_FILE`] (by position) are
/// kept, and the others counted. Pruning is exact: a diagnostic beyond the first
/// `MAX_PER_FILE` positions can never move back into them.
#[derive(Debug, Default)]
pub struct Diags {
    list: Vec<Diag>,
    dropped: usize,
    dropped_error: bool,
    /// Once `MAX_PER_FILE` diagnostics are kept, the position of the last: a new one
    /// there or later would be dropped anyway.
    horizon: Option<usize>,
}

impl Diags {
    pub fn push(&mut self, diag: Diag) {
        self.push_lazy(diag.primary.span.start, diag.is_error(), || diag);
    }

    /// Adds the diagnostic `make` builds, at byte `at`; when it would be dropped anyway,
    /// only counts it. For the paths that can report on every line of a huge file.
    pub fn push_lazy(&mut self, at: usize, error: bool, make: impl FnOnce() -> Diag) {
        if self.horizon.is_some_and(|h| at >= h) {
            self.dropped += 1;
            self.dropped_error |= error;
            return;
        }
        self.list.push(make());
        if self.list.len() == MAX_PER_FILE && self.horizon.is_none() {
            // All kept so far: nothing past the last of them can be shown.
            self.horizon = self.list.iter().map(|d| d.primary.span.start).max();
        } else if self.list.len() >= 2 * MAX_PER_FILE {
            self.prune();
        }
    }

    fn prune(&mut self) {
        sort_in_source_order(&mut self.list);
        for d in self.list.drain(MAX_PER_FILE.min(self.list.len())..) {
            self.dropped += 1;
            self.dropped_error |= d.is_error();
        }
        if self.list.len() == MAX_PER_FILE {
            self.horizon = self.list.last().map(|d| d.primary.span.start);
        }
    }

    pub fn has_errors(&self) -> bool {
        self.dropped_error || self.list.iter().any(Diag::is_error)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diag> {
        self.list.iter()
    }

    /// The diagnostics in source order, and a last one saying how many more there were.
    pub fn finish(mut self) -> Vec<Diag> {
        self.prune();
        if self.dropped > 0 {
            let at = self.list.last().map_or(Span::empty(0), |d| d.primary.span);
            let mut more = Diag::new(
                Code::TooManyProblems,
                at,
                format!("{} more problems in this file are not shown", self.dropped),
                "fix the problems above and check again; a file this broken may not be a journey map",
            );
            // Only warnings left out: the file has no more errors than it shows.
            if !self.dropped_error {
                more.severity = Severity::Warning;
            }
            self.list.push(more);
        }
        self.list
    }
}

/// The diagnostic for a line over the length limit: the part past the limit underlined.
pub fn line_too_long(line: Span, cut: usize, chars: usize, limit: usize) -> Diag {
    Diag::new(
        Code::LineTooLong,
        Span::new(cut, line.end),
        format!("this line is {chars} characters long; journeymap reads lines of up to {limit}"),
        "a card holds a sentence or two: shorten the text, or split it over several statements",
    )
    .label(format!("past {limit} characters"))
}

/// The diagnostic for a file over the size limit.
pub fn too_large(limit: usize) -> Diag {
    let show = |bytes: usize| match bytes {
        0..1_048_576 => format!("{bytes} bytes"),
        _ => format!("{:.1} MB", bytes as f64 / 1_048_576.0),
    };
    Diag::new(
        Code::FileTooLarge,
        Span::empty(0),
        // Only the first `limit + 1` bytes are read: the file's whole size is unknown.
        format!("the file is larger than {}, the most journeymap reads", show(limit)),
        "a map of 10,000 steps is about 3.5 MB: check that this is a journey map, or split it into several",
    )
    .label("file too large")
}
