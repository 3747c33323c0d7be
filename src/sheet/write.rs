//! A journey as the grid, and the grid as CSV or an xlsx workbook.

use super::cells;
use super::labels;
use crate::lanes::{Carries, LaneKind, reading_order};
use crate::model::{Cites, Detail, Details, Extra, Journey, Lang, Scale};

/// What a cell is, for the workbook's look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A row's label, column A.
    Label,
    /// A phase's name.
    Phase,
    /// A step's action.
    Step,
    /// A score alone: a number in the workbook.
    Score,
    /// The map's title.
    Title,
    Text,
}

#[derive(Clone, Debug)]
pub struct Cell {
    pub text: String,
    pub kind: Kind,
}

/// The grid of a map: rows of cells, the phase row's index, and each phase's columns.
pub struct Sheet {
    pub rows: Vec<Vec<Cell>>,
    pub phase_row: usize,
    /// Each phase's first and last column.
    pub phases: Vec<(usize, usize)>,
    pub width: usize,
}

fn cell(text: impl Into<String>, kind: Kind) -> Cell {
    Cell { text: text.into(), kind }
}

fn label(text: impl Into<String>) -> Cell {
    cell(text, Kind::Label)
}

fn empty() -> Cell {
    cell("", Kind::Text)
}

/// One column of the grid: a phase's own (its details as a whole) or a step's.
enum Column<'a> {
    Phase(&'a Details),
    Step(&'a crate::model::Step),
}

impl Column<'_> {
    fn details(&self) -> &Details {
        match self {
            Column::Phase(d) => d,
            Column::Step(s) => &s.details,
        }
    }
}

pub fn grid(journey: &Journey) -> Sheet {
    let ids = |cites: &Cites| -> Vec<&str> { cites.iter().map(|&s| journey.source(s).id.as_str()).collect() };
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let header = |rows: &mut Vec<Vec<Cell>>, key: &str, words: Option<String>, text: Option<&str>| {
        let mut row = vec![label(key)];
        if let Some(w) = words {
            row.push(cell(w, Kind::Text));
        }
        if let Some(t) = text {
            row.push(cell(cells::header_cell(t), Kind::Text));
        }
        rows.push(row);
    };
    let text = |t: &Option<crate::model::Text>| t.as_ref().map(|t| t.value.clone());
    rows.push(vec![label("journey"), cell(cells::header_cell(&journey.title.value), Kind::Title)]);
    if let Some(g) = text(&journey.goal) {
        header(&mut rows, "goal", None, Some(&g));
    }
    if let Some(s) = text(&journey.scope) {
        header(&mut rows, "scope", None, Some(&s));
    }
    for n in &journey.notes {
        header(&mut rows, "note", None, Some(&n.value));
    }
    if journey.lang != Lang::En {
        header(&mut rows, "lang", Some(journey.lang.code().into()), None);
    }
    if journey.scale != Scale::default() {
        header(&mut rows, "scale", Some(format!("{}..{}", journey.scale.min(), journey.scale.max())), None);
    }
    if let Some(s) = journey.state {
        header(&mut rows, "state", Some(s.name().into()), None);
    }
    if journey.view_explicit {
        header(&mut rows, "view", Some(journey.view.name().into()), None);
    }
    if journey.lanes_explicit {
        let names: Vec<&str> = journey.lanes.iter().map(|l| l.name()).collect();
        header(&mut rows, "lanes", Some(names.join(" ")), None);
    }
    for p in &journey.personas {
        header(&mut rows, "persona", Some(p.id.clone()), p.description.as_ref().map(|t| t.value.as_str()));
    }
    for c in &journey.channels {
        let mode = c.mode.map(|m| match m {
            crate::model::ChannelMode::Online => " online",
            crate::model::ChannelMode::Offline => " offline",
        });
        header(
            &mut rows,
            "channel",
            Some(format!("{}{}", c.id, mode.unwrap_or(""))),
            c.label.as_ref().map(|t| t.value.as_str()),
        );
    }
    for o in &journey.owners {
        let ext = if o.external { " external" } else { "" };
        header(&mut rows, "owner", Some(format!("{}{ext}", o.id)), o.label.as_ref().map(|t| t.value.as_str()));
    }
    for s in &journey.sources {
        let kind = s.kind.map(|k| format!(" {}", k.name())).unwrap_or_default();
        header(&mut rows, "source", Some(format!("{}{kind}", s.id)), s.description.as_ref().map(|t| t.value.as_str()));
    }
    rows.push(Vec::new());

    // The columns.
    let mut columns: Vec<Column<'_>> = Vec::new();
    let mut phase_cells = vec![label(labels::phase_label(journey.lang))];
    let mut step_cells = vec![label(LaneKind::Actions.label(journey.lang))];
    let mut phases = Vec::new();
    for phase in &journey.phases {
        let first = columns.len() + 1;
        let mut named = false;
        let name = cells::text_cell(&[], &phase.name.value);
        if !phase.details.is_empty() || phase.steps.is_empty() {
            columns.push(Column::Phase(&phase.details));
            phase_cells.push(cell(name.clone(), Kind::Phase));
            step_cells.push(empty());
            named = true;
        }
        for step in &phase.steps {
            columns.push(Column::Step(step));
            phase_cells.push(if named { empty() } else { cell(name.clone(), Kind::Phase) });
            named = true;
            let mut words: Vec<&str> = Vec::new();
            if step.critical {
                words.push("critical");
            }
            words.extend(step.personas.iter().map(|&p| journey.persona(p).id.as_str()));
            words.extend(ids(&step.cites));
            step_cells.push(cell(cells::text_cell(&words, &step.action.value), Kind::Step));
        }
        phases.push((first, columns.len()));
    }
    let phase_row = rows.len();
    rows.push(phase_cells);
    rows.push(step_cells);

    // The lanes, in reading order, each as many rows as its fullest column needs.
    for lane in reading_order() {
        let header = lane.label(journey.lang);
        match lane {
            LaneKind::Actions => {}
            LaneKind::Touchpoints => {
                let n = columns.iter().map(|c| if let Column::Step(s) = c { s.touchpoints.len() } else { 0 }).max();
                for i in 0..n.unwrap_or(0) {
                    let mut row = vec![label(header)];
                    for c in &columns {
                        let t = match c {
                            Column::Step(s) => s.touchpoints.get(i),
                            Column::Phase(_) => None,
                        };
                        row.push(t.map_or_else(empty, |t| {
                            let mut words: Vec<&str> = Vec::new();
                            words.extend(t.channel.map(|c| journey.channel(c).id.as_str()));
                            words.extend(t.owner.map(|o| journey.owner(o).id.as_str()));
                            words.extend(ids(&t.cites));
                            cell(cells::text_cell(&words, &t.text.value), Kind::Text)
                        }));
                    }
                    rows.push(row);
                }
            }
            LaneKind::Emotions => {
                let steps = || columns.iter().filter_map(|c| if let Column::Step(s) = c { Some(*s) } else { None });
                let mut who: Vec<(Option<crate::model::PersonaId>, String)> = Vec::new();
                if steps().any(|s| s.emotions.iter().any(|e| !e.named)) {
                    who.push((None, header.to_owned()));
                }
                for p in journey.persona_ids() {
                    if steps().any(|s| s.emotions.iter().any(|e| e.named && e.persona == Some(p))) {
                        who.push((Some(p), format!("{header} {}", journey.persona(p).id)));
                    }
                }
                for (persona, name) in who {
                    let mut row = vec![label(name)];
                    for c in &columns {
                        let e = match c {
                            Column::Step(s) => s.emotions.iter().find(|e| match persona {
                                None => !e.named,
                                Some(p) => e.named && e.persona == Some(p),
                            }),
                            Column::Phase(_) => None,
                        };
                        row.push(e.map_or_else(empty, |e| {
                            let why = e.text.as_ref().map(|t| t.value.as_str());
                            let cites = ids(&e.cites);
                            let kind = if why.is_none() && cites.is_empty() { Kind::Score } else { Kind::Text };
                            cell(cells::emotion_cell(e.score.get(), &cites, why), kind)
                        }));
                    }
                    rows.push(row);
                }
            }
            _ => {
                let Some((_, carries)) = lane.detail() else { continue };
                let n = columns.iter().map(|c| c.details().of(lane).count()).max().unwrap_or(0);
                for i in 0..n {
                    let mut row = vec![label(header)];
                    for c in &columns {
                        row.push(
                            c.details()
                                .of(lane)
                                .nth(i)
                                .map_or_else(empty, |d| cell(detail_cell(journey, carries, d), Kind::Text)),
                        );
                    }
                    rows.push(row);
                }
            }
        }
    }
    let width = columns.len() + 1;
    Sheet { rows, phase_row, phases, width }
}

fn detail_cell(journey: &Journey, carries: Carries, d: &Detail) -> String {
    let mut words: Vec<&str> = Vec::new();
    let cites: Vec<&str> = d.cites.iter().map(|&s| journey.source(s).id.as_str()).collect();
    match (&d.extra, carries) {
        (Extra::Kpi(f), _) => {
            words.extend(f.id.as_deref());
            words.extend(f.value.as_ref().map(|v| v.text.as_str()));
            if let Some(g) = &f.goal {
                words.push(g.kind.name());
                words.push(&g.measure.text);
            }
            words.extend(cites);
            return cells::kpi_cell(&words, &d.text.value);
        }
        (Extra::Need(kind, status), _) => {
            words.extend(kind.map(|k| k.name()));
            words.extend(status.map(|s| s.name()));
        }
        (Extra::Opportunity(scores), _) => {
            const DIGITS: [&str; 6] = ["0", "1", "2", "3", "4", "5"];
            let digit = |v: u8| DIGITS[usize::from(v.min(5))];
            if let Some(i) = scores.impact {
                words.extend(["impact", digit(i)]);
            }
            if let Some(e) = scores.effort {
                words.extend(["effort", digit(e)]);
            }
        }
        (Extra::Owner(owner), _) => words.extend(owner.map(|o| journey.owner(o).id.as_str())),
        (Extra::Text, _) => {}
    }
    words.extend(cites);
    cells::text_cell(&words, &d.text.value)
}

/// The grid as CSV: UTF-8 with a byte-order mark, commas, `\n` line ends; an empty
/// row is an empty line.
pub fn csv(sheet: &Sheet) -> String {
    let mut out = String::from("\u{FEFF}");
    for row in &sheet.rows {
        if row.is_empty() {
            out.push('\n');
            continue;
        }
        let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
        let fields: Vec<String> = row.iter().map(|c| inert(&c.text)).collect();
        if writer.write_record(&fields).is_ok() {
            out.push_str(&String::from_utf8_lossy(&writer.into_inner().unwrap_or_default()));
        }
    }
    out
}

/// A CSV field that no spreadsheet program takes for a formula: one that starts with
/// `-`, `+`, `=` or `@` and is not a number (an emotion `-2: why`, a KPI `-3%: Churn`)
/// is written after a space, which the import trims. (Texts are written after `[] `.)
fn inert(field: &str) -> String {
    if field.starts_with(['-', '+', '=', '@']) && field.parse::<f64>().is_err() {
        format!(" {field}")
    } else {
        field.to_owned()
    }
}

/// How many lines `text` takes wrapped at word boundaries in a column `width`
/// characters wide (a word longer than the column takes as many as it fills).
fn wrapped_lines(text: &str, width: usize) -> usize {
    let mut lines = 0;
    for paragraph in text.split('\n') {
        let mut line = 0;
        let mut count = 1;
        for word in paragraph.split_whitespace() {
            let len = word.chars().count();
            if line > 0 && line + 1 + len > width {
                count += 1;
                line = 0;
            }
            if line == 0 {
                count += len.saturating_sub(1) / width;
                line = len % width;
                if line == 0 && len > 0 {
                    line = width;
                }
            } else {
                line += 1 + len;
            }
        }
        lines += count;
    }
    lines.max(1)
}

/// The most rows frozen at the top of the workbook: the header and the phase and step
/// rows, when there are no more.
const FROZEN_ROWS: u32 = 12;

/// The grid as an xlsx workbook: label column bold and frozen (with the header and the
/// phase and step rows when they are at most [`FROZEN_ROWS`]), wrapped text, phases merged over their columns; fixed document properties, so
/// the same map gives the same bytes.
pub fn xlsx(sheet: &Sheet) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook};
    // A worksheet has 16,384 columns and 1,048,576 rows; past them the casts below would wrap.
    if sheet.width > 16_384 || sheet.rows.len() > 1_048_576 {
        return Err(rust_xlsxwriter::XlsxError::RowColumnLimitError);
    }
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created).set_author("journeymap"));
    let ws = workbook.add_worksheet();
    ws.set_name("Journey")?;
    let top = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let bold = top.clone().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let phase = bold.clone().set_background_color(Color::RGB(0xD9E2EC)).set_border(FormatBorder::Thin);
    let step = bold.clone().set_background_color(Color::RGB(0xF0F4F8)).set_border(FormatBorder::Thin);
    let number = Format::new().set_align(FormatAlign::Top).set_align(FormatAlign::Left);
    ws.set_column_width(0, 24)?;
    for c in 1..sheet.width.max(3) {
        ws.set_column_width(c as u16, 30)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell.kind {
                Kind::Label => ws.write_string_with_format(r, c, &cell.text, &bold)?,
                Kind::Phase => ws.write_string_with_format(r, c, &cell.text, &phase)?,
                Kind::Step => ws.write_string_with_format(r, c, &cell.text, &step)?,
                Kind::Title => ws.write_string_with_format(r, c, &cell.text, &title)?,
                Kind::Score => match cell.text.parse::<f64>() {
                    Ok(n) => ws.write_number_with_format(r, c, n, &number)?,
                    Err(_) => ws.write_string_with_format(r, c, &cell.text, &top)?,
                },
                Kind::Text if cell.text.is_empty() => ws,
                Kind::Text => ws.write_string_with_format(r, c, &cell.text, &top)?,
            };
        }
    }
    // Wrapped text needs its rows tall enough: Excel fits a row without a height on
    // load, LibreOffice does not, so each row that wraps gets the height of its most
    // lines (15 points a line, Calibri 11).
    for (r, row) in sheet.rows.iter().enumerate() {
        let lines = row
            .iter()
            .enumerate()
            .filter(|(_, cell)| !matches!(cell.kind, Kind::Title | Kind::Score))
            .map(|(c, cell)| wrapped_lines(&cell.text, if c == 0 { 24 } else { 30 }))
            .max()
            .unwrap_or(1);
        if lines > 1 {
            ws.set_row_height(r as u32, 15.0 * lines.min(100) as f64)?;
        }
    }
    let phase_row = sheet.phase_row as u32;
    for &(first, last) in &sheet.phases {
        if last > first {
            let name = sheet.rows[sheet.phase_row].get(first).map_or("", |c| c.text.as_str());
            ws.merge_range(phase_row, first as u16, phase_row, last as u16, name, &phase)?;
        }
    }
    // The label column stays in view, and so do the phase and step rows when the header
    // above them is short enough to leave room for the lanes.
    let frozen = if phase_row + 2 <= FROZEN_ROWS { phase_row + 2 } else { 0 };
    ws.set_freeze_panes(frozen, 1)?;
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::wrapped_lines;

    #[test]
    fn wrapped_lines_count_words_as_a_column_wraps_them() {
        assert_eq!(wrapped_lines("", 30), 1);
        assert_eq!(wrapped_lines("Buys", 30), 1);
        // 29 + 1 + 4 characters: the last word goes to a second line.
        assert_eq!(wrapped_lines(&format!("{} four", "a".repeat(29)), 30), 2);
        assert_eq!(wrapped_lines(&"x".repeat(61), 30), 3);
        assert_eq!(wrapped_lines("one\ntwo", 30), 2);
    }
}
