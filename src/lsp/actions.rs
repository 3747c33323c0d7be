//! Quick fixes: a diagnostic's did-you-mean applied, and an undeclared id declared in
//! the header.

use std::collections::HashMap;

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, Uri, WorkspaceEdit};

use super::diagnostics::{self, bom_shift};
use super::document::Document;
use super::index::{IdKind, Index, Role};
use crate::Span;
use crate::diag::{Code, Diag};
use crate::syntax::ast::{Keyword, LineKind, Words};

/// The quick fixes for the diagnostics whose primary span meets `range`.
pub fn quick_fixes(doc: &Document, uri: &Uri, diags: &[Diag], range: Range) -> Vec<CodeActionOrCommand> {
    let index = Index::new(doc.text());
    let (start, end) = (doc.offset(range.start), doc.offset(range.end));
    let shift = bom_shift(doc.text());
    let mut actions = Vec::new();
    for diag in diags {
        let span = Span::new(diag.primary.span.start + shift, diag.primary.span.end + shift);
        if span.end < start || span.start > end {
            continue;
        }
        let for_editor = diagnostics::to_lsp(doc, uri, diag);
        if let Some(replacement) = &diag.suggestion {
            let title = format!("Replace `{}` with `{replacement}`", span.of(doc.text()));
            let edit = TextEdit::new(doc.range(span), replacement.to_string());
            actions.push(action(title, uri, vec![edit], for_editor.clone(), true));
        }
        if diag.code == Code::UndeclaredId
            && let Some(o) = index.occurrence_at(span.start)
            && let Role::Refers(wanted) = o.role
        {
            for &kind in wanted.kinds() {
                let title = format!("Declare `{}` as {}", o.name, kind.phrase());
                let edit = declaration(doc, &index, kind, o.name);
                actions.push(action(title, uri, vec![edit], for_editor.clone(), false));
            }
        }
    }
    actions
}

fn action(
    title: String,
    uri: &Uri,
    edits: Vec<TextEdit>,
    diag: lsp_types::Diagnostic,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diag]),
        edit: Some(WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), edits)])), ..WorkspaceEdit::default() }),
        is_preferred: Some(preferred),
        ..CodeAction::default()
    })
}

/// A declaration line for `name`: after the last declaration of its kind, else after the
/// last declaration of any kind, else before the first phase, else at the end.
fn declaration(doc: &Document, index: &Index, kind: IdKind, name: &str) -> TextEdit {
    let text = doc.text();
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let line = format!("{} {name}: {name}", kind.keyword());
    let (mut last_same, mut last_any, mut first_phase) = (None, None, None);
    for l in &index.file.lines {
        let LineKind::Statement(stmt) = &l.kind else { continue };
        let declared = match stmt.words {
            Words::Persona(_) => Some(IdKind::Persona),
            Words::Channel { .. } => Some(IdKind::Channel),
            Words::Owner { .. } => Some(IdKind::Owner),
            Words::Source { .. } => Some(IdKind::Source),
            _ => None,
        };
        match declared {
            Some(k) if first_phase.is_none() => {
                last_any = Some(l.span.end);
                if k == kind {
                    last_same = Some(l.span.end);
                }
            }
            _ if stmt.keyword == Some(Keyword::Phase) && first_phase.is_none() => first_phase = Some(l.span.start),
            _ => {}
        }
    }
    let (at, new_text) = match (last_same.or(last_any), first_phase) {
        (Some(end), _) => (end, format!("{newline}{line}")),
        (None, Some(start)) => (start, format!("{line}{newline}")),
        (None, None) if text.is_empty() || text.ends_with('\n') => (text.len(), format!("{line}{newline}")),
        (None, None) => (text.len(), format!("{newline}{line}")),
    };
    let position = doc.position(at);
    TextEdit::new(Range::new(position, position), new_text)
}
