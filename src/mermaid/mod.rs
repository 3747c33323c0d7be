//! Mermaid `journey` diagrams, in ([`import`]) and out ([`export`]).
//!
//! The import follows Mermaid's parser as it really is (the corpus's `SYNTAX.md`):
//! `text.rs` its preprocessing and a Markdown file's block, `parse.rs` its lexer and
//! grammar, `number.rs` JavaScript's `Number()` for scores; `write.rs` makes the map.
//! `export.rs` writes the best Mermaid `journey` a map allows.

mod export;
mod number;
mod parse;
mod text;
mod write;

use crate::Span;
use crate::diag::Code;
use crate::import::{Failure, problem};

pub use export::export;

/// Imports the Mermaid `journey` in `source`: the text of a `.mmd`/`.mermaid` file, or of
/// a Markdown file (`markdown`), whose first ```` ```mermaid ```` block is read.
/// Diagnostics point into `source`.
pub fn import(source: &str, markdown: bool) -> Result<String, Failure> {
    let whole = text::Mapped::whole(source);
    let input = if markdown {
        match text::markdown_block(&whole) {
            Some((block, _)) => block,
            None => {
                return Err(Failure::one(
                    source,
                    problem(
                        Code::MermaidNoBlock,
                        Span::new(0, 0),
                        "this Markdown file has no ```mermaid block",
                        "put the diagram in a fenced block that starts with the line ```mermaid, or import the .mmd file",
                    ),
                ));
            }
        }
    } else {
        whole
    };
    let diagram = parse::parse(&input).map_err(|diags| Failure { source: source.to_owned(), diags })?;
    write::write(&diagram)
}
