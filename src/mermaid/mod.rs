//! Mermaid `journey` diagrams, in ([`import`]) and out ([`export`]).

use crate::import::Failure;
use crate::model::Journey;

/// Imports the Mermaid `journey` in `source`: the text of a `.mmd`/`.mermaid` file, or of
/// a Markdown file (`markdown`), whose first ```` ```mermaid ```` block is read.
pub fn import(source: &str, markdown: bool) -> Result<String, Failure> {
    let _ = markdown;
    Err(crate::import::Failure::one(
        source,
        crate::import::problem(
            crate::diag::Code::ImportUnreadable,
            crate::Span::new(0, 0),
            "Mermaid import is not built yet",
            "see issue 15",
        ),
    ))
}

/// The best Mermaid `journey` the map allows.
pub fn export(journey: &Journey) -> String {
    let _ = journey;
    String::from("journey\n")
}
