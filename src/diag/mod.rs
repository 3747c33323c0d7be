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
        }
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

/// Keeps the first [`MAX_PER_FILE`] diagnostics and says how many more there were.
pub fn cap(diags: &mut Vec<Diag>) {
    if diags.len() <= MAX_PER_FILE {
        return;
    }
    let hidden = diags.len() - MAX_PER_FILE;
    diags.truncate(MAX_PER_FILE);
    let at = diags.last().map_or(Span::empty(0), |d| d.primary.span);
    diags.push(Diag::new(
        Code::TooManyProblems,
        at,
        format!("{hidden} more problems in this file are not shown"),
        "fix the problems above and check again; a file this broken may not be a journey map",
    ));
}
