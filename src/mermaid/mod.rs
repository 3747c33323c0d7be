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
    let failure = |diags| Failure { source: source.to_owned(), diags };
    if !markdown {
        return write::write(&parse::parse(&whole).map_err(failure)?);
    }
    let blocks = text::markdown_blocks(&whole);
    let Some((block, open)) = blocks.first() else {
        let mut d = problem(
            Code::MermaidNoBlock,
            Span::new(0, 0),
            "this Markdown file has no ```mermaid block",
            "put the diagram in a fenced block that starts with the line ```mermaid, or import the .mmd file",
        );
        // An HTML embed is not read: say where it is.
        if let Some(at) = source.find("class=\"mermaid\"").or_else(|| source.find("class='mermaid'")) {
            let start = source[..at].rfind('<').unwrap_or(at);
            let end = source[at..].find('>').map_or(source.len(), |k| at + k + 1);
            d = d.with_secondary(Span::new(start, end), "an HTML embed, which is not read");
            d.help = "copy the diagram from this HTML element into a fenced block that starts with the line ```mermaid"
                .into();
        }
        return Err(Failure::one(source, d));
    };
    let diagram = parse::parse(block).map_err(|mut diags| {
        if diags[0].code == Code::MermaidNotJourney {
            let not_journey = |b: &text::Mapped| matches!(parse::parse(b), Err(d) if d[0].code == Code::MermaidNotJourney);
            let mut d = diags.remove(0).with_secondary(*open, "the first ```mermaid block, the one read");
            if let Some((_, later)) = blocks.iter().skip(1).find(|(b, _)| !not_journey(b)) {
                let line = crate::LineIndex::new(source).line_col(later.start).0;
                d.help = format!("the file's first ```mermaid block is the one read; the journey is the block at line {line}: move it first, or import a copy of it");
            }
            diags.insert(0, d);
        }
        failure(diags)
    })?;
    write::write(&diagram)
}
