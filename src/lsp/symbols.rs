//! The map's outline: phases with their steps as document symbols, and a folding range
//! per phase.

use lsp_types::{DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind};

use super::document::Document;
use super::index::Index;

/// Phases, each with its steps as children.
pub fn document_symbols(doc: &Document) -> Vec<DocumentSymbol> {
    let index = Index::new(doc.text());
    index
        .phases()
        .into_iter()
        .map(|phase| {
            let children = phase
                .steps
                .iter()
                .map(|&(name, span)| symbol(name, "step", SymbolKind::EVENT, doc.range(span), None))
                .collect();
            let range = doc.range(phase.extent);
            let mut symbol = symbol(phase.name, "phase", SymbolKind::NAMESPACE, range, Some(children));
            symbol.selection_range = doc.range(phase.span);
            symbol
        })
        .collect()
}

#[allow(deprecated)] // `deprecated` is a field the protocol still has; it must be set.
fn symbol(
    name: &str,
    detail: &str,
    kind: SymbolKind,
    range: lsp_types::Range,
    children: Option<Vec<DocumentSymbol>>,
) -> DocumentSymbol {
    DocumentSymbol {
        // An editor refuses an empty name: a phase or step without text is still listed.
        name: if name.is_empty() { format!("({detail})") } else { name.to_string() },
        detail: Some(detail.to_string()),
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: range,
        children,
    }
}

/// One folding range per phase of more than one line.
pub fn folding_ranges(doc: &Document) -> Vec<FoldingRange> {
    let index = Index::new(doc.text());
    index
        .phases()
        .into_iter()
        .filter_map(|phase| {
            let range = doc.range(phase.extent);
            (range.end.line > range.start.line).then(|| FoldingRange {
                start_line: range.start.line,
                end_line: range.end.line,
                kind: Some(FoldingRangeKind::Region),
                collapsed_text: Some(phase.name.to_string()),
                ..FoldingRange::default()
            })
        })
        .collect()
}
