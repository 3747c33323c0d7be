//! Files to grids: CSV and TSV text (with each cell's span), and workbooks (xlsx, ods)
//! through calamine.

use std::io::Cursor;

use calamine::{Data, Reader};

use super::Format;
use super::grid::{CellRef, Grid, Origin, Problem};
use crate::Span;
use crate::diag::Code;
use crate::import::{Failure, problem};

/// The input's text: UTF-8 (a byte-order mark dropped), UTF-16 with a byte-order mark,
/// or else Windows-1252, as Excel saves "CSV" on Windows. The second value names the
/// encoding when it was not UTF-8.
pub fn decode(bytes: &[u8]) -> (String, Option<&'static str>) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), None);
    }
    let utf16 = |rest: &[u8], le: bool| {
        let units = rest.chunks(2).map(|c| match (c, le) {
            ([a, b], true) => u16::from_le_bytes([*a, *b]),
            ([a, b], false) => u16::from_be_bytes([*a, *b]),
            _ => 0xFFFD,
        });
        char::decode_utf16(units).map(|c| c.unwrap_or('\u{FFFD}')).collect::<String>()
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (utf16(rest, true), Some("UTF-16"));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (utf16(rest, false), Some("UTF-16"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), None),
        Err(_) => (bytes.iter().map(|&b| windows_1252(b)).collect(), Some("Windows-1252")),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// The separator of a CSV text: a `sep=X` first line's `X`; else whichever of `,`, `;`
/// (Excel in Danish or German writes them) and tab stands most often outside quotes in
/// its first 20 lines that are not comments; `,` when none does. The second value is the byte offset where the records start (after a `sep=`
/// line).
pub fn separator(text: &str) -> (u8, usize) {
    let first = text.lines().next().unwrap_or("");
    let sep = first.strip_prefix("sep=").or_else(|| first.strip_prefix("\"sep=").map(|s| s.trim_end_matches('"')));
    if let Some(sep) = sep
        && let [b] = sep.trim_end().as_bytes()
    {
        let skip = text.find('\n').map_or(text.len(), |n| n + 1);
        return (*b, skip);
    }
    let (mut counts, mut quoted) = ([0usize; 3], false);
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.starts_with("\"#")).take(20) {
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => counts[0] += 1,
                ';' if !quoted => counts[1] += 1,
                '\t' if !quoted => counts[2] += 1,
                _ => {}
            }
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    ([b',', b';', b'\t'][best], 0)
}

/// A CSV or TSV text as a grid. Rows are numbered as a spreadsheet shows them: blank
/// lines are empty rows.
pub fn text_grid(text: String, delimiter: u8, skip: usize) -> Grid {
    let body = &text.as_bytes()[skip.min(text.len())..];
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(body);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut spans: Vec<Vec<Span>> = Vec::new();
    let mut end = skip;
    let mut record = csv::StringRecord::new();
    while let Ok(true) = reader.read_record(&mut record) {
        // The reader's position is where it started reading: before any blank lines.
        let mut start = record.position().map_or(end, |p| skip + p.byte() as usize).max(end).min(text.len());
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let breaks = line_breaks(&text[end..start]);
        let blank = if rows.is_empty() { breaks } else { breaks.saturating_sub(1) };
        for _ in 0..blank {
            rows.push(Vec::new());
            spans.push(Vec::new());
        }
        let values: Vec<String> = record.iter().map(str::to_owned).collect();
        let (mut field_spans, record_end) = field_spans(&text, start, delimiter);
        if field_spans.len() != values.len() {
            field_spans = vec![Span::new(start, record_end); values.len()];
        }
        end = record_end;
        rows.push(values);
        spans.push(field_spans);
    }
    Grid { rows, origin: Origin::Text { text, spans } }
}

fn line_breaks(s: &str) -> usize {
    s.replace("\r\n", "\n").chars().filter(|&c| c == '\n' || c == '\r').count()
}

/// The spans of a record's fields starting at `start` (each field's content, without
/// its quotes), and where the record ends (at its line break, or the text's end).
fn field_spans(text: &str, start: usize, delimiter: u8) -> (Vec<Span>, usize) {
    let b = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = start;
    loop {
        if b.get(i) == Some(&b'"') {
            let open = i + 1;
            i = open;
            while i < b.len() {
                if b[i] == b'"' {
                    if b.get(i + 1) == Some(&b'"') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                i += 1;
            }
            let close = i.min(b.len());
            spans.push(Span::new(open, close));
            i = close + 1;
            while i < b.len() && b[i] != delimiter && b[i] != b'\n' && b[i] != b'\r' {
                i += 1;
            }
        } else {
            let from = i;
            while i < b.len() && b[i] != delimiter && b[i] != b'\n' && b[i] != b'\r' {
                i += 1;
            }
            spans.push(Span::new(from, i));
        }
        if i < b.len() && b[i] == delimiter {
            i += 1;
            continue;
        }
        let end = i.min(b.len());
        // Spans end on character boundaries: the delimiter and quotes are ASCII.
        return (spans, end);
    }
}

type GetSheet<'a> = dyn FnMut(&str) -> Result<calamine::Range<Data>, String> + 'a;

/// A workbook's sheet as a grid: the first sheet with a phase row, else the first sheet.
/// The second value is the sheet's name and how many sheets there are.
pub fn workbook_grid(name: &str, bytes: &[u8], format: Format) -> Result<(Grid, usize), Failure> {
    let unreadable = |what: String| {
        Failure::one(
            name.to_owned(),
            problem(
                Code::ImportUnreadable,
                Span::new(0, name.len()),
                what,
                "save it from a spreadsheet program as .xlsx or .ods, or as CSV and import that",
            ),
        )
    };
    let kind = if format == Format::Ods { "an OpenDocument spreadsheet (.ods)" } else { "an Excel workbook (.xlsx)" };
    let read = std::panic::catch_unwind(|| -> Result<Vec<(String, calamine::Range<Data>)>, String> {
        let cursor = Cursor::new(bytes);
        let sheets = |names: Vec<String>, mut get: Box<GetSheet<'_>>| {
            names.into_iter().map(|n| get(&n).map(|r| (n, r))).collect::<Result<Vec<_>, String>>()
        };
        if format == Format::Ods {
            let mut wb: calamine::Ods<_> =
                calamine::open_workbook_from_rs(cursor).map_err(|e: calamine::OdsError| e.to_string())?;
            let names = wb.sheet_names();
            sheets(names, Box::new(move |n| wb.worksheet_range(n).map_err(|e| e.to_string())))
        } else {
            let mut wb: calamine::Xlsx<_> =
                calamine::open_workbook_from_rs(cursor).map_err(|e: calamine::XlsxError| e.to_string())?;
            let names = wb.sheet_names();
            sheets(names, Box::new(move |n| wb.worksheet_range(n).map_err(|e| e.to_string())))
        }
    });
    let sheets = match read {
        Ok(Ok(sheets)) => sheets,
        Ok(Err(e)) => return Err(unreadable(format!("`{name}` cannot be read as {kind}: {e}"))),
        Err(_) => return Err(unreadable(format!("`{name}` cannot be read as {kind}"))),
    };
    let count = sheets.len();
    // A grid is padded to its first used cell: a sheet used only far right or down
    // would take gigabytes. A journey map's grid is thousands of cells.
    if let Some((n, range)) = sheets.iter().find(|(_, range)| {
        let (row0, col0) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
        (col0 + range.width()).saturating_mul(row0 + range.height()) > MAX_CELLS
    }) {
        let _ = range;
        return Err(unreadable(format!(
            "the sheet `{n}` of `{name}` spans more than {MAX_CELLS} cells; a journey map's grid is far smaller"
        )));
    }
    let grids: Vec<Grid> = sheets.into_iter().map(|(n, range)| sheet_grid(n, &range)).collect();
    let pick = grids
        .iter()
        .position(|g| g.rows.iter().any(|r| r.iter().find(|c| !c.trim().is_empty()).is_some_and(|l| is_phase_label(l))))
        .or_else(|| grids.iter().position(|g| g.rows.iter().any(|r| r.iter().any(|c| !c.trim().is_empty()))))
        .unwrap_or(0);
    match grids.into_iter().nth(pick) {
        Some(g) => Ok((g, count)),
        None => Err(unreadable(format!("`{name}` has no sheet"))),
    }
}

fn is_phase_label(label: &str) -> bool {
    matches!(super::labels::parse(label), Some((super::labels::Row::Phase, _)))
}

/// The most cells a sheet's grid may span, from A1 to its last used cell.
const MAX_CELLS: usize = 4_000_000;

fn sheet_grid(name: String, range: &calamine::Range<Data>) -> Grid {
    let (row0, col0) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let mut rows: Vec<Vec<String>> = vec![Vec::new(); row0];
    for r in range.rows() {
        let mut row = vec![String::new(); col0];
        row.extend(r.iter().map(cell_text));
        while row.last().is_some_and(String::is_empty) {
            row.pop();
        }
        rows.push(row);
    }
    Grid { rows, origin: Origin::Sheet { name } }
}

/// A cell's value as the text it shows: whole numbers without a decimal point.
fn cell_text(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        other => other.to_string(),
    }
}

/// A problem about the grid as a whole.
pub fn whole(code: Code, message: impl Into<String>, help: impl Into<String>) -> Problem {
    Problem { code, at: None, message: message.into(), help: help.into(), suggestion: None, within: None }
}

/// A problem at a cell.
pub fn at(code: Code, cell: CellRef, message: impl Into<String>, help: impl Into<String>) -> Problem {
    Problem { code, at: Some(cell), message: message.into(), help: help.into(), suggestion: None, within: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_have_spans_and_blank_lines_are_rows() {
        let text = "a,\"b,\"\"c\"\"\",d\n\nx;y\r\n".to_owned();
        let g = text_grid(text.clone(), b',', 0);
        assert_eq!(g.rows, vec![vec!["a", "b,\"c\"", "d"], vec![], vec!["x;y"]]);
        let Origin::Text { spans, .. } = &g.origin else { panic!() };
        assert_eq!(&text[spans[0][1].start..spans[0][1].end], "b,\"\"c\"\"");
        assert_eq!(&text[spans[0][2].start..spans[0][2].end], "d");
        assert_eq!(&text[spans[2][0].start..spans[2][0].end], "x;y");
    }

    #[test]
    fn separators_and_encodings() {
        assert_eq!(separator("journey;Titel, med komma;\n"), (b';', 0));
        assert_eq!(separator("journey,\"a;b;c\"\n"), (b',', 0));
        assert_eq!(separator("sep=;\njourney;T\n"), (b';', 6));
        assert_eq!(decode(b"\xEF\xBB\xBFa").0, "a");
        assert_eq!(decode(b"S\xF8ren \x80"), ("Søren €".to_owned(), Some("Windows-1252")));
        assert_eq!(decode(b"\xFF\xFEa\0b\0").0, "ab");
    }
}
