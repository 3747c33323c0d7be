//! The grid, whatever file it came from: rows of cell texts, and where each cell is in
//! the input, so that a problem can be shown there (a CSV file's line and column, a
//! workbook's sheet and cell).

use std::fmt;

use crate::Span;
use crate::diag::{Code, Diag};
use crate::import::{Failure, one_line};

/// A cell's place: 0-based row and column, shown as `B7`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellRef {
    pub row: usize,
    pub col: usize,
}

impl CellRef {
    pub fn new(row: usize, col: usize) -> Self {
        CellRef { row, col }
    }
}

/// The column's letters: `A`, …, `Z`, `AA`, ….
pub fn column_name(col: usize) -> String {
    let mut n = col + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", column_name(self.col), self.row + 1)
    }
}

/// Where the grid came from, for diagnostics.
#[derive(Debug)]
pub enum Origin {
    /// A CSV or TSV file's decoded text, and each cell's span in it (the field's
    /// content, quotes left out).
    Text { text: String, spans: Vec<Vec<Span>> },
    /// A workbook's sheet.
    Sheet { name: String },
}

/// The cells of one sheet, as text; rows may have any number of cells.
#[derive(Debug)]
pub struct Grid {
    pub rows: Vec<Vec<String>>,
    pub origin: Origin,
}

/// A problem found in a grid: at a cell, or (`None`) about the grid as a whole.
#[derive(Debug)]
pub struct Problem {
    pub code: Code,
    pub at: Option<CellRef>,
    pub message: String,
    pub help: String,
    pub suggestion: Option<String>,
    /// The part of the cell's text to underline, when it is there (a misspelt id).
    pub within: Option<String>,
}

impl Grid {
    /// The text of a cell, `""` past the end of its row.
    pub fn cell(&self, at: CellRef) -> &str {
        self.rows.get(at.row).and_then(|r| r.get(at.col)).map_or("", String::as_str)
    }

    /// How the grid names a cell in messages: `B7`, or `Sheet1!B7` in a workbook.
    pub fn name(&self, at: CellRef) -> String {
        match &self.origin {
            Origin::Text { .. } => at.to_string(),
            Origin::Sheet { name } => format!("{}!{at}", sheet_ref(name)),
        }
    }

    /// The problems as a [`Failure`]: against the CSV text, or against a listing of the
    /// workbook's cells concerned (`Sheet1!B7: <text>`, one a line).
    pub fn failure(&self, mut problems: Vec<Problem>) -> Failure {
        problems.sort_by_key(|p| p.at.map(|a| (a.row, a.col)));
        // One problem of a row's label found at each of its cells is reported once.
        problems.dedup_by(|a, b| a.at == b.at && a.message == b.message);
        let more = problems.len().saturating_sub(crate::diag::MAX_PER_FILE);
        problems.truncate(crate::diag::MAX_PER_FILE);
        let mut failure = self.listed(problems);
        if more > 0 {
            let at = failure.diags.last().map_or(Span::default(), |d| d.primary.span);
            failure.diags.push(Diag::new(
                Code::TooManyProblems,
                at,
                format!("{more} more problems in this file are not shown"),
                "fix the problems above and import again; a file this broken may not be a journey-map grid",
            ));
        }
        failure
    }

    fn listed(&self, problems: Vec<Problem>) -> Failure {
        match &self.origin {
            Origin::Text { text, spans } => {
                let span_of = |at: Option<CellRef>| {
                    at.and_then(|a| spans.get(a.row).and_then(|r| r.get(a.col)).copied())
                        .or_else(|| {
                            at.and_then(|a| spans.get(a.row).and_then(|r| r.last()).map(|s| Span::new(s.end, s.end)))
                        })
                        .unwrap_or_default()
                };
                let diags = problems
                    .into_iter()
                    .map(|p| {
                        let span = narrow(text, span_of(p.at), p.within.as_deref());
                        diag(span, p)
                    })
                    .collect();
                Failure { source: text.clone(), diags }
            }
            Origin::Sheet { name } => {
                let mut source = String::new();
                let mut placed: Vec<(Option<CellRef>, Span)> = Vec::new();
                for p in &problems {
                    if placed.iter().any(|(a, _)| *a == p.at) {
                        continue;
                    }
                    let start = source.len();
                    let span = match p.at {
                        Some(at) => {
                            let head = format!("{}: ", self.name(at));
                            let text = one_line(self.cell(at));
                            source.push_str(&head);
                            if text.is_empty() {
                                source.push_str("(empty)");
                                Span::new(start, start + head.len() - 2)
                            } else {
                                source.push_str(&text);
                                Span::new(start + head.len(), start + head.len() + text.len())
                            }
                        }
                        None => {
                            source.push_str(name);
                            Span::new(start, source.len())
                        }
                    };
                    source.push('\n');
                    placed.push((p.at, span));
                }
                let diags = problems
                    .into_iter()
                    .map(|p| {
                        let span = placed.iter().find(|(a, _)| *a == p.at).map(|(_, s)| *s).unwrap_or_default();
                        let span = narrow(&source, span, p.within.as_deref());
                        diag(span, p)
                    })
                    .collect();
                Failure { source, diags }
            }
        }
    }
}

/// The first place in `span` of `source` where `part` stands as a whole word; `span`
/// itself when it does not.
fn narrow(source: &str, span: Span, part: Option<&str>) -> Span {
    let (Some(part), Some(text)) = (part.filter(|p| !p.is_empty()), source.get(span.start..span.end)) else {
        return span;
    };
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || "_-+.%".contains(c));
    let found = text
        .match_indices(part)
        .find(|&(i, _)| !word(text[..i].chars().next_back()) && !word(text[i + part.len()..].chars().next()));
    match found {
        Some((i, _)) => Span::new(span.start + i, span.start + i + part.len()),
        None => span,
    }
}

fn diag(span: Span, p: Problem) -> Diag {
    let d = Diag::new(p.code, span, p.message, p.help);
    match p.suggestion {
        Some(s) => d.suggest(Some(&s)),
        None => d,
    }
}

/// A sheet's name as a cell reference writes it: quoted when it is not one word.
pub fn sheet_ref(name: &str) -> String {
    if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        name.to_owned()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_spreadsheets_do() {
        assert_eq!(CellRef::new(6, 1).to_string(), "B7");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
        assert_eq!(sheet_ref("Sheet1"), "Sheet1");
        assert_eq!(sheet_ref("My map"), "'My map'");
    }
}
