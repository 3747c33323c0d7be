//! journeymap compiles plain-text customer-journey maps (`*.journey`) into a typed,
//! validated model, and from it into diagrams.
//!
//! The pipeline, one module per stage:
//! [`syntax`] (bytes → lines → statements) → [`model`] (lowering, validation, derived
//! facts) → outputs ([`export`]). Every stage returns what it could build together with
//! its diagnostics; none stops at the first problem. Only the binary touches the file
//! system.
#![forbid(unsafe_code)]

pub mod diag;
pub mod export;
pub mod generate;
pub mod model;
pub mod syntax;

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

/// Compiles the bytes of one `.journey` file: decode, parse, lower and validate.
pub fn compile(bytes: &[u8]) -> Compiled {
    let decoded = syntax::decode(bytes);
    let mut diags = decoded.diags;
    if decoded.binary {
        return Compiled { source: decoded.text, journey: None, diags };
    }
    let file = syntax::parse(&decoded.text, &mut diags);
    let journey = model::lower(&decoded.text, &file, &mut diags);
    diag::sort_in_source_order(&mut diags);
    diag::cap(&mut diags);
    let journey = if diags.iter().any(Diag::is_error) { None } else { journey };
    Compiled { source: decoded.text, journey, diags }
}
