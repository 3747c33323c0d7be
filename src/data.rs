//! KPI data: a CSV file of measured figures (`--data FILE.csv`, or `data:` in the project
//! file) that fills in a map's KPIs by id.
//!
//! The file has a header row naming its columns: `kpi` and `value`, and optionally
//! `target`, `date` (ISO 8601) and `source`, in any order. For each KPI id the row with
//! the latest date gives the value (rows without a date are older than any with one; of
//! rows with the same date, the later in the file). [`read`] parses the file into
//! [`Data`], with diagnostics whose spans point into the file; [`Data::apply`] fills a
//! map's KPIs from it; [`Data::unknown`] names the ids no map had.

use std::collections::{BTreeMap, BTreeSet};

use crate::Span;
use crate::diag::{Code, Diag};
use crate::model::{FromData, Goal, GoalKind, Journey, Measure};

/// The latest row of each KPI id in a data file.
#[derive(Clone, Debug, Default)]
pub struct Data {
    latest: BTreeMap<String, Row>,
}

/// One row of figures, with where its cells are in the file.
#[derive(Clone, Debug)]
pub struct Row {
    pub kpi: String,
    pub kpi_span: Span,
    pub value: Cell<Figure>,
    pub target: Option<Cell<Figure>>,
    pub date: Option<String>,
    pub source: Option<String>,
    /// The date as numbers (year, month, day, hour, minute, second), to order rows:
    /// `T09:30` and `T09:30:00Z` are one moment.
    when: Option<[u32; 6]>,
    /// The row's place in the file, to order rows with the same date.
    index: usize,
}

/// A value and the span of the cell it came from.
#[derive(Clone, Debug)]
pub struct Cell<T> {
    pub value: T,
    pub span: Span,
}

/// A number as the map language writes them: `38`, `-1.5`, `12%`.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub value: f64,
    pub percent: bool,
    /// As written in the file, trimmed.
    pub text: String,
}

/// The columns a data file may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Kpi,
    Value,
    Target,
    Date,
    Source,
}

impl Column {
    const ALL: [(&'static str, Column); 5] = [
        ("kpi", Column::Kpi),
        ("value", Column::Value),
        ("target", Column::Target),
        ("date", Column::Date),
        ("source", Column::Source),
    ];
}

/// Reads a data file's bytes: a UTF-8 byte-order mark is dropped, and bytes that are
/// not UTF-8 are a diagnostic (the text, with U+FFFD in their place, is read all the
/// same). Returns the text the diagnostics point into.
pub fn read_bytes(bytes: &[u8]) -> (String, Data, Vec<Diag>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, bad) = match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), None),
        Err(e) => {
            let at = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).len();
            (String::from_utf8_lossy(bytes).into_owned(), Some(at))
        }
    };
    let (data, mut diags) = read(&text);
    if let Some(at) = bad {
        diags.insert(
            0,
            Diag::new(
                Code::DataSyntax,
                Span::new(at, at + '\u{FFFD}'.len_utf8()),
                "the data file is not UTF-8 text",
                "save it as CSV UTF-8 (in Excel: Save As, “CSV UTF-8”)",
            ),
        );
    }
    (text, data, diags)
}

/// Reads a data file's text. Rows with problems are left out; the diagnostics say why.
pub fn read(text: &str) -> (Data, Vec<Diag>) {
    let mut diags = Vec::new();
    let mut data = Data::default();
    // Excel may write its separator on a first line of its own: `sep=;`.
    let first_line = text.lines().next().unwrap_or("");
    let sep = first_line.trim().strip_prefix("sep=").and_then(|s| {
        let mut chars = s.chars();
        chars.next().filter(|c| c.is_ascii() && chars.next().is_none())
    });
    let base = match sep {
        Some(_) => text.find('\n').map_or(text.len(), |i| i + 1),
        None => 0,
    };
    // Excel writes `;` between cells where the decimal separator is `,` (Danish, German…).
    let header_line = text[base..].lines().next().unwrap_or("");
    let delimiter = match sep {
        Some(c) => c as u8,
        None if header_line.contains(';') && !header_line.contains(',') => b';',
        None => b',',
    };
    let decimal_comma = delimiter == b';';
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(&text.as_bytes()[base..]);
    let mut columns: Vec<Option<Column>> = Vec::new();
    let mut header_seen = false;
    let mut width = 0;
    let mut record = csv::StringRecord::new();
    let mut index = 0;
    loop {
        let start = base + reader.position().byte() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let at = e.position().map_or(start, |p| base + p.byte() as usize).min(text.len());
                diags.push(Diag::new(
                    Code::DataSyntax,
                    line_span(text, at),
                    format!("this is not a CSV row: {}", csv_error(&e)),
                    "save the file as CSV (UTF-8), one row per line, cells separated by `,`",
                ));
                // The reader cannot go on after an invalid byte.
                break;
            }
        }
        // The reader's position is where it started to read the record: before the `\n`
        // of a CRLF and before blank lines, which it skips.
        let start = record.position().map_or(start, |p| base + p.byte() as usize);
        let start = start + text[start..].bytes().take_while(|b| matches!(b, b'\r' | b'\n')).count();
        let spans = field_spans(text, start, delimiter, record.len());
        // Blank lines (one empty cell) are passed over.
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if !header_seen {
            header_seen = true;
            width = record.len();
            columns = header(&record, &spans, &mut diags);
            if !columns.contains(&Some(Column::Kpi)) || !columns.contains(&Some(Column::Value)) {
                let missing: Vec<&str> = [("kpi", Column::Kpi), ("value", Column::Value)]
                    .iter()
                    .filter(|(_, c)| !columns.contains(&Some(*c)))
                    .map(|(n, _)| *n)
                    .collect();
                diags.push(Diag::new(
                    Code::DataMissingColumn,
                    line_span(text, start),
                    format!("the header row has no `{}` column", missing.join("` or `")),
                    "the first row names the columns: `kpi,value` and optionally `target`, `date` and `source`",
                ));
                return (data, diags);
            }
            continue;
        }
        index += 1;
        if record.len() != width {
            diags.push(Diag::new(
                Code::DataSyntax,
                line_span(text, start),
                format!("this row has {} cells; the header row has {width}", record.len()),
                "give every row one cell per column, empty where there is nothing",
            ));
            continue;
        }
        if let Some(row) = row(&record, &spans, start, &columns, index, decimal_comma, text, &mut diags) {
            let newer = match data.latest.get(&row.kpi) {
                None => true,
                Some(old) => (row.when, row.index) > (old.when, old.index),
            };
            if newer {
                data.latest.insert(row.kpi.clone(), row);
            }
        }
    }
    if !header_seen {
        diags.push(Diag::new(
            Code::DataMissingColumn,
            Span::new(0, 0),
            "the data file is empty",
            "the first row names the columns: `kpi,value` and optionally `target`, `date` and `source`",
        ));
    }
    (data, diags)
}

fn csv_error(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "it is not UTF-8 text".into(),
        _ => e.to_string(),
    }
}

/// The columns the header row names; an unknown name is a warning and its column unused.
fn header(record: &csv::StringRecord, spans: &[Span], diags: &mut Vec<Diag>) -> Vec<Option<Column>> {
    let mut seen = BTreeSet::new();
    let mut columns = Vec::new();
    for (i, name) in record.iter().enumerate() {
        let span = spans.get(i).copied().unwrap_or_default();
        let name = name.trim().to_lowercase();
        let column = Column::ALL.iter().find(|(n, _)| *n == name).map(|(_, c)| *c);
        match column {
            Some(c) if !seen.insert(name.clone()) => {
                diags.push(Diag::new(
                    Code::DataUnknownColumn,
                    span,
                    format!("the column `{name}` is named twice; this one is not read"),
                    "name each column once",
                ));
                let _ = c;
                columns.push(None);
            }
            Some(c) => columns.push(Some(c)),
            None => {
                let suggestion = crate::model::suggest::closest(&name, Column::ALL.iter().map(|(n, _)| *n));
                let help = match suggestion {
                    Some(s) => {
                        format!("did you mean `{s}`? The columns are `kpi`, `value`, `target`, `date` and `source`")
                    }
                    None => "the columns are `kpi`, `value`, `target`, `date` and `source`; other columns are not read"
                        .to_string(),
                };
                let mut d = Diag::new(
                    Code::DataUnknownColumn,
                    span,
                    format!("`{name}` is not a column of a KPI data file"),
                    help,
                );
                d.suggestion = suggestion.map(str::to_string);
                diags.push(d);
                columns.push(None);
            }
        }
    }
    columns
}

/// One row read, or `None` when it has a problem (reported).
#[allow(clippy::too_many_arguments)]
fn row(
    record: &csv::StringRecord,
    spans: &[Span],
    start: usize,
    columns: &[Option<Column>],
    index: usize,
    decimal_comma: bool,
    text: &str,
    diags: &mut Vec<Diag>,
) -> Option<Row> {
    let cell = |column: Column| {
        let i = columns.iter().position(|c| *c == Some(column))?;
        let value = record.get(i)?.trim();
        let span = spans.get(i).copied().unwrap_or_default();
        Some(Cell { value, span })
    };
    let kpi = cell(Column::Kpi).filter(|c| !c.value.is_empty());
    let value = cell(Column::Value).filter(|c| !c.value.is_empty());
    let (Some(kpi), Some(value)) = (kpi, value) else {
        let what = if cell(Column::Kpi).is_none_or(|c| c.value.is_empty()) { "a KPI id" } else { "a value" };
        diags.push(Diag::new(
            Code::DataEmptyCell,
            line_span(text, start),
            format!("this row has no {what}"),
            "give every row a KPI id and its value, or delete the row",
        ));
        return None;
    };
    let mut ok = true;
    let mut figure = |c: Cell<&str>, what: &str| match parse_figure(c.value, decimal_comma) {
        Some(f) => Some(Cell { value: f, span: c.span }),
        None => {
            diags.push(Diag::new(
                Code::DataBadNumber,
                c.span,
                format!("`{}` is not a number ({what} of `{}`)", c.value, kpi.value),
                if decimal_comma {
                    "write a number such as `38`, `-1,5` or `12%`"
                } else {
                    "write a number such as `38`, `-1.5` or `12%`"
                },
            ));
            ok = false;
            None
        }
    };
    let value = figure(value, "the value");
    let target = cell(Column::Target).filter(|c| !c.value.is_empty()).and_then(|c| figure(c, "the target"));
    let date = cell(Column::Date).filter(|c| !c.value.is_empty());
    let when = date.as_ref().and_then(|d| iso_date(d.value));
    if let Some(d) = &date
        && when.is_none()
    {
        diags.push(Diag::new(
            Code::DataBadDate,
            d.span,
            format!("`{}` is not an ISO 8601 date", d.value),
            "write the date as YYYY-MM-DD, e.g. 2026-03-01 (a time may follow: 2026-03-01T09:30)",
        ));
        ok = false;
    }
    if let (Some(v), Some(t)) = (&value, &target)
        && v.value.percent != t.value.percent
    {
        diags.push(Diag::new(
            Code::DataUnitMismatch,
            t.span,
            format!("the target `{}` and the value `{}` are in different units", t.value.text, v.value.text),
            "write both as percentages (`38%`) or both as plain numbers",
        ));
        ok = false;
    }
    let source = cell(Column::Source).filter(|c| !c.value.is_empty()).map(|c| c.value.to_string());
    let value = value?;
    ok.then(|| Row {
        kpi: kpi.value.to_string(),
        kpi_span: kpi.span,
        value,
        target,
        date: date.map(|d| d.value.to_string()),
        source,
        when,
        index,
    })
}

impl Data {
    /// The latest row for a KPI id.
    pub fn get(&self, id: &str) -> Option<&Row> {
        self.latest.get(id)
    }

    /// Fills the KPIs of `journey` that have an id in the data: the row's value, and its
    /// target where the map has no goal. Returns the ids used, and a diagnostic (into the
    /// data file) for each row whose unit is unlike its KPI's, which is not used.
    pub fn apply(&self, journey: &mut Journey) -> (BTreeSet<String>, Vec<Diag>) {
        let mut used = BTreeSet::new();
        let mut diags = Vec::new();
        for (span, figures) in journey.figures_mut() {
            let Some(id) = figures.id.clone() else { continue };
            let Some(row) = self.latest.get(&id) else { continue };
            used.insert(id.clone());
            // The KPI's unit is its value's, else its goal's; with neither, any.
            let unit = figures.value.as_ref().or(figures.goal.as_ref().map(|g| &g.measure)).map(|m| (m.percent, m));
            if let Some((percent, m)) = unit
                && percent != row.value.value.percent
            {
                let kind = |p: bool| if p { "a percentage" } else { "a plain number" };
                diags.push(Diag::new(
                    Code::DataUnitMismatch,
                    row.value.span,
                    format!(
                        "`{}` is {}, but the KPI `{id}` is {} in the map (`{}`)",
                        row.value.value.text,
                        kind(row.value.value.percent),
                        kind(percent),
                        m.text
                    ),
                    "write the figure in the KPI's unit, or change the KPI in the map",
                ));
                continue;
            }
            let measure = |f: &Figure| Measure { value: f.value, percent: f.percent, text: f.text.clone(), span };
            figures.value = Some(measure(&row.value.value));
            if figures.goal.is_none()
                && let Some(t) = &row.target
            {
                figures.goal = Some(Goal { kind: GoalKind::Target, measure: measure(&t.value) });
            }
            figures.data = Some(FromData { date: row.date.clone(), source: row.source.clone() });
        }
        (used, diags)
    }

    /// A warning for each KPI id of the data that is not in `used` (no map has it), at
    /// its latest row.
    pub fn unknown(&self, used: &BTreeSet<String>) -> Vec<Diag> {
        let mut rows: Vec<&Row> = self.latest.values().filter(|r| !used.contains(&r.kpi)).collect();
        rows.sort_by_key(|r| r.kpi_span.start);
        rows.iter()
            .map(|r| {
                Diag::new(
                    Code::DataUnknownKpi,
                    r.kpi_span,
                    format!("no KPI has the id `{}`", r.kpi),
                    "give the KPI in the map this id (`kpi <id> …`), or correct the id here",
                )
            })
            .collect()
    }
}

/// A number as the map language writes it (`+2`, `-1.5`, `12%`); with a decimal comma,
/// `-1,5` too.
fn parse_figure(text: &str, decimal_comma: bool) -> Option<Figure> {
    let (digits, percent) = match text.strip_suffix('%') {
        Some(d) => (d.trim_end(), true),
        None => (text, false),
    };
    let unsigned = digits.strip_prefix(['+', '-']).unwrap_or(digits);
    let separator = if decimal_comma { ',' } else { '.' };
    let (whole, fraction) = match unsigned.split_once(separator) {
        Some((w, f)) => (w, Some(f)),
        None => (unsigned, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || fraction.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    let written = digits.replace(separator, ".");
    let value: f64 = written.parse().ok().filter(|v: &f64| v.is_finite())?;
    // As the map language writes it, so that the figure reads back anywhere: `12,5 %`
    // from a `;` file is `12.5%`.
    let text = if percent { format!("{written}%") } else { written };
    Some(Figure { value, percent, text })
}

/// `YYYY-MM-DD`, optionally followed by `Thh:mm`, `Thh:mm:ss` and `Z`, as numbers.
fn iso_date(text: &str) -> Option<[u32; 6]> {
    let (date, time) = match text.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
    };
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts[..] else { return None };
    let (Some(y), Some(m), Some(d)) = (number(y, 4), number(m, 2), number(d, 2)) else { return None };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if d == 0 || d > days {
        return None;
    }
    let Some(time) = time else { return Some([y, m, d, 0, 0, 0]) };
    let time = time.strip_suffix('Z').unwrap_or(time);
    let parts: Vec<&str> = time.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut hms = [0u32; 3];
    for ((p, max), slot) in parts.iter().zip([24, 60, 60]).zip(&mut hms) {
        *slot = number(p, 2).filter(|&n| n < max)?;
    }
    Some([y, m, d, hms[0], hms[1], hms[2]])
}

/// The span of the line that holds byte `at`, without its line break.
fn line_span(text: &str, at: usize) -> Span {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find(['\r', '\n']).map_or(text.len(), |i| at + i);
    Span::new(start, end.max(start))
}

/// The spans of the first `n` cells of the record that starts at byte `start`, quotes
/// included: the csv crate gives a record's position, not its cells'.
fn field_spans(text: &str, start: usize, delimiter: u8, n: usize) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut spans = Vec::with_capacity(n);
    let mut at = start.min(bytes.len());
    for _ in 0..n {
        let cell_start = at;
        if bytes.get(at) == Some(&b'"') {
            at += 1;
            while at < bytes.len() {
                if bytes[at] == b'"' {
                    if bytes.get(at + 1) == Some(&b'"') {
                        at += 2;
                        continue;
                    }
                    at += 1;
                    break;
                }
                at += 1;
            }
        }
        while at < bytes.len() && bytes[at] != delimiter && bytes[at] != b'\n' && bytes[at] != b'\r' {
            at += 1;
        }
        spans.push(Span::new(cell_start, at));
        if bytes.get(at) == Some(&delimiter) {
            at += 1;
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        read(text).1.iter().map(|d| d.code.info().code).collect()
    }

    #[test]
    fn the_latest_row_wins() {
        let (data, diags) =
            read("kpi,value,date\nconv,30%,2026-02-01\nconv,38%,2026-03-01\nconv,35%,2026-01-01\nwait,12,\nwait,9,\n");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(data.get("conv").unwrap().value.value.text, "38%");
        assert_eq!(data.get("conv").unwrap().date.as_deref(), Some("2026-03-01"));
        // Without dates, the later row.
        assert_eq!(data.get("wait").unwrap().value.value.value, 9.0);
    }

    #[test]
    fn cells_are_found_where_they_are_written() {
        let text = "kpi,value\n\"a,b\",12\nx,\"1 2\"\n";
        let (_, diags) = read(text);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].primary.span.of(text), "\"1 2\"");
    }

    #[test]
    fn semicolons_and_decimal_commas() {
        let (data, diags) = read("kpi;value;target\nnps;12,5;20\n");
        assert!(diags.is_empty(), "{diags:?}");
        let row = data.get("nps").unwrap();
        assert_eq!(row.value.value.value, 12.5);
        assert_eq!(row.target.as_ref().unwrap().value.value, 20.0);
    }

    #[test]
    fn problems() {
        assert_eq!(codes("kpi,valu\n"), ["J0903", "J0902"]);
        assert_eq!(codes(""), ["J0902"]);
        assert_eq!(codes("kpi,value\na,1,2\n"), ["J0901"]);
        assert_eq!(codes("kpi,value\n,1\n"), ["J0908"]);
        assert_eq!(codes("kpi,value,date\na,1,2026-02-30\n"), ["J0906"]);
        assert_eq!(codes("kpi,value,target\na,1%,2\n"), ["J0907"]);
        assert_eq!(codes("kpi,value\na,1.5.2\n"), ["J0905"]);
    }

    #[test]
    fn dates() {
        for ok in ["2024-02-29", "2026-12-01T09:30", "2026-12-01T09:30:59Z"] {
            assert!(iso_date(ok).is_some(), "{ok}");
        }
        for bad in
            ["2023-02-29", "2026-13-01", "26-01-01", "2026-1-1", "2026-12-01T25:00", "01/02/2026", "2026-12-01T09"]
        {
            assert!(iso_date(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn one_moment_written_two_ways_is_ordered_by_the_file() {
        let (data, _) =
            read("kpi,value,date\na,1,2026-03-01T09:30:00Z\na,2,2026-03-01T09:30\na,3,2026-03-01T09:29:59Z\n");
        assert_eq!(data.get("a").unwrap().value.value.value, 2.0);
    }

    #[test]
    fn crlf_blank_lines_and_a_sep_line_keep_the_spans() {
        let text = "kpi,value\r\n\r\nconv,abc\r\n";
        let (_, diags) = read(text);
        assert_eq!(diags[0].primary.span.of(text), "abc");
        let text = "sep=;\nkpi;value\nconv;12,5 %\nnps;x\n";
        let (data, diags) = read(text);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].primary.span.of(text), "x");
        // As maps write it.
        assert_eq!(data.get("conv").unwrap().value.value.text, "12.5%");
        let (_, diags) = read(&format!("kpi,value\na,1{}\n", "0".repeat(400)));
        assert_eq!(diags[0].code, Code::DataBadNumber);
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_figure("+12%", false).unwrap().value, 12.0);
        assert_eq!(parse_figure("-1.5", false).unwrap().value, -1.5);
        for bad in ["", "1e3", "1,5", "12 %%", "abc", ".5", "5."] {
            assert!(parse_figure(bad, false).is_none(), "{bad}");
        }
    }
}
