//! A grid to journey source. Every statement is written from cells and remembers the
//! cell it came from; the map is compiled before it is handed to the [`Writer`], and
//! whatever the language refuses is reported at that cell.

use super::cells;
use super::grid::{CellRef, Grid, Problem};
use super::labels::{self, Key, Row};
use super::read::{at, whole};
use crate::diag::Code;
use crate::import::{Failure, Writer, one_line_kept};
use crate::lanes::{Carries, LaneKind};

/// A statement to write, and the cell it came from.
struct Stmt {
    keyword: &'static str,
    words: Vec<String>,
    text: Option<String>,
    at: Option<CellRef>,
    /// For a lane's card: its row's label cell and the words the label gives.
    label: Option<(CellRef, Vec<String>)>,
}

impl Stmt {
    fn line(&self) -> String {
        let mut line = String::from(self.keyword);
        for w in self.words.iter().filter(|w| !w.is_empty()) {
            line.push(' ');
            line.push_str(w);
        }
        if let Some(text) = &self.text {
            line.push_str(": ");
            line.push_str(&one_line_kept(text));
        }
        line
    }
}

/// A row of the grid that is part of the map.
struct Labelled {
    row: usize,
    kind: Row,
    /// The words after the label (`emotion anna`).
    words: Vec<String>,
}

fn keyword(lane: LaneKind) -> &'static str {
    match lane {
        LaneKind::Actions => "step",
        LaneKind::Touchpoints => "touchpoint",
        LaneKind::Emotions => "emotion",
        other => other.detail().map_or("note", |(k, _)| k),
    }
}

pub fn build(grid: &Grid, mut choices: Vec<String>) -> Result<String, Failure> {
    let mut problems: Vec<Problem> = Vec::new();
    let filled = |s: &String| !s.trim().is_empty();
    if !grid.rows.iter().any(|r| r.iter().any(filled)) {
        problems.push(whole(
            Code::SheetEmpty,
            "the sheet is empty",
            "fill in the template `examples/journey-template.csv`: a `journey` row, a phase row and a step row",
        ));
        return Err(grid.failure(problems));
    }

    // Each row's label, in the leftmost column with a filled cell (column A, unless the
    // grid starts further right).
    let left = grid.rows.iter().filter_map(|r| r.iter().position(filled)).min().unwrap_or(0);
    let mut rows: Vec<Labelled> = Vec::new();
    let mut translated: Vec<(String, &'static str)> = Vec::new();
    for (r, cells) in grid.rows.iter().enumerate() {
        if !cells.iter().any(filled) {
            continue;
        }
        let label = cells.get(left).map_or("", |s| s.trim());
        if label.starts_with('#') {
            continue;
        }
        if label.is_empty() {
            let c = cells.iter().position(filled).unwrap_or(0);
            problems.push(at(
                Code::SheetUnlabelledRow,
                CellRef::new(r, c),
                format!("row {} has cells but no label in {}", r + 1, CellRef::new(r, left)),
                "write what the row holds in column A: a lane (`pain`, `touchpoint`, `emotion anna`…) or a header (`goal`, `persona`…); start it with `#` to leave the row out",
            ));
            continue;
        }
        match labels::parse(label) {
            Some((kind, words)) => {
                let bare = label.trim_end_matches(':');
                let head = bare
                    .split_whitespace()
                    .take(bare.split_whitespace().count().saturating_sub(words.len()))
                    .collect::<Vec<_>>()
                    .join(" ");
                let kw = match kind {
                    Row::Header(k) => k.keyword(),
                    Row::Note => "note",
                    Row::Phase => "phase",
                    Row::Step => "step",
                    Row::Lane(l) => keyword(l),
                };
                // Only labels other than the keyword and its plural are worth a comment.
                let lower = head.to_lowercase();
                let plain = lower == kw
                    || lower.strip_suffix('s') == Some(kw)
                    || (kw == "opportunity" && lower == "opportunities");
                if !plain && !translated.iter().any(|(h, _)| *h == head) {
                    translated.push((head, kw));
                }
                rows.push(Labelled { row: r, kind, words });
            }
            None => {
                let cell = CellRef::new(r, left);
                let suggestion = labels::closest(label);
                let help = match &suggestion {
                    Some(s) => format!("did you mean `{s}`? Start the label with `#` to leave the row out"),
                    None => "use a lane (`touchpoint`, `emotion`, `thought`, `pain`… or its header in a label language) or a header (`journey`, `goal`, `persona`…); start the label with `#` to leave the row out".into(),
                };
                let mut p = at(
                    Code::SheetUnknownLabel,
                    cell,
                    format!("{} is labelled `{label}`, which is no lane and no header statement", grid.name(cell)),
                    help,
                );
                p.suggestion = suggestion;
                problems.push(p);
            }
        }
    }

    // The phase and step rows, once each.
    let once = |kind: Row, rows: &[Labelled], problems: &mut Vec<Problem>| -> Option<usize> {
        let mut found = rows.iter().filter(|l| l.kind == kind);
        let first = found.next().map(|l| l.row);
        for again in found {
            let cell = CellRef::new(again.row, left);
            problems.push(at(
                Code::SheetRepeatedRow,
                cell,
                format!(
                    "{} repeats row {}'s `{}` row",
                    grid.name(cell),
                    first.unwrap_or(0) + 1,
                    grid.cell(CellRef::new(first.unwrap_or(0), left)).trim()
                ),
                "a grid has one phase row and one step row; put the phases and steps side by side in them",
            ));
        }
        first
    };
    let phase_row = once(Row::Phase, &rows, &mut problems);
    let step_row = once(Row::Step, &rows, &mut problems);
    let Some(phase_row) = phase_row else {
        problems.push(whole(
            Code::SheetNoPhases,
            "the grid has no phase row",
            "add a row labelled `phase` with each phase's name above its first step (blank cells to its right continue it), and a `step` row below it",
        ));
        return Err(grid.failure(problems));
    };

    // The header.
    let mut header: Vec<Stmt> = Vec::new();
    let mut title: Option<Stmt> = None;
    let mut seen: Vec<(Key, usize)> = Vec::new();
    for l in &rows {
        let cells = &grid.rows[l.row];
        let label = CellRef::new(l.row, left);
        let text_from = |from: usize| {
            let t: Vec<String> =
                cells.iter().skip(from).map(|c| cells::header_text(c)).filter(|c| !c.is_empty()).collect();
            (!t.is_empty()).then(|| t.join(", "))
        };
        // A header row with nothing after its label says nothing (a template's empty row).
        let empty = l.words.is_empty() && !cells.iter().skip(left + 1).any(filled);
        let key = match l.kind {
            Row::Header(_) | Row::Note if empty && (l.kind != Row::Note || l.row < phase_row) => continue,
            Row::Header(k) => k,
            Row::Note if l.row < phase_row => {
                header.push(Stmt {
                    keyword: "note",
                    words: l.words.clone(),
                    text: text_from(left + 1),
                    at: Some(label),
                    label: None,
                });
                continue;
            }
            _ => continue,
        };
        if key.once() {
            if let Some(&(_, first)) = seen.iter().find(|(k, _)| *k == key) {
                problems.push(at(
                    Code::SheetRepeatedRow,
                    label,
                    format!("{} gives `{}` again, after row {}", grid.name(label), key.keyword(), first + 1),
                    format!("a map has one `{}`; keep one of the rows", key.keyword()),
                ));
                continue;
            }
            seen.push((key, l.row));
        }
        let mut words = l.words.clone();
        let text = if key.has_words() {
            let from_b: Vec<String> = match key {
                Key::Lanes => {
                    cells.iter().skip(left + 1).flat_map(|c| c.split_whitespace().map(str::to_owned)).collect()
                }
                _ => cells.get(left + 1).map(|c| c.split_whitespace().map(str::to_owned).collect()).unwrap_or_default(),
            };
            words.extend(from_b);
            // A declaration's flag may stand in a cell of its own: `channel | web | online | Website`.
            let flags: &[&str] = match key {
                Key::Channel => &["online", "offline"],
                Key::Owner => &["external"],
                Key::Source => &["interview", "survey", "observation", "analytics", "workshop", "document"],
                _ => &[],
            };
            let mut next = left + 2;
            while let Some(flag) = cells.get(next).map(|c| c.trim()).filter(|c| flags.contains(c)) {
                words.push(flag.to_owned());
                next += 1;
            }
            if key == Key::Lanes { None } else { text_from(next) }
        } else {
            text_from(left + 1)
        };
        let stmt = Stmt { keyword: key.keyword(), words, text, at: Some(label), label: None };
        if key == Key::Journey {
            title = Some(stmt);
        } else {
            header.push(stmt);
        }
    }
    let Some(title) = title else {
        problems.push(whole(
            Code::SheetNoTitle,
            "the grid has no title: no row labelled `journey`",
            "add a row `journey` with the map's title in column B, above the phase row",
        ));
        return Err(grid.failure(problems));
    };

    // A row label's words name ids in any case (`Emotions Anna` for `anna`), as a label does.
    let declared: Vec<&str> = header
        .iter()
        .filter(|s| matches!(s.keyword, "persona" | "channel" | "owner" | "source"))
        .filter_map(|s| s.words.first().map(String::as_str))
        .collect();
    let as_declared = |word: &String| -> String {
        match declared.iter().find(|d| d.eq_ignore_ascii_case(word)) {
            Some(d) if !declared.contains(&word.as_str()) => (*d).to_owned(),
            _ => word.clone(),
        }
    };
    let rows: Vec<Labelled> =
        rows.into_iter().map(|l| Labelled { words: l.words.iter().map(as_declared).collect(), ..l }).collect();

    // The body, column by column.
    let lane_rows: Vec<&Labelled> =
        rows.iter().filter(|l| matches!(l.kind, Row::Lane(_)) || (l.kind == Row::Note && l.row > phase_row)).collect();
    let body_rows = rows.iter().filter(|l| {
        matches!(l.kind, Row::Phase | Row::Step | Row::Lane(_)) || (l.kind == Row::Note && l.row > phase_row)
    });
    let width = body_rows.map(|l| grid.rows[l.row].len()).max().unwrap_or(0);
    let mut body: Vec<Stmt> = Vec::new();
    let mut in_phase = false;
    let mut phase_columns: Vec<String> = Vec::new();
    for c in left + 1..width {
        let phase_cell = CellRef::new(phase_row, c);
        let phase = grid.cell(phase_cell).trim();
        let step = step_row.map(|r| (CellRef::new(r, c), grid.cell(CellRef::new(r, c)).trim()));
        let has_step = step.is_some_and(|(_, s)| !s.is_empty());
        if !phase.is_empty() {
            let (words, name) = cells::words_and_text(phase);
            body.push(Stmt {
                keyword: "phase",
                words,
                text: Some(name).filter(|n| !n.is_empty()),
                at: Some(phase_cell),
                label: None,
            });
            in_phase = true;
        }
        if has_step {
            let (cell, text) = step.unwrap_or((phase_cell, ""));
            if !in_phase {
                problems.push(at(
                    Code::SheetStepWithoutPhase,
                    cell,
                    format!("the step in {} is left of the first phase", grid.name(cell)),
                    format!(
                        "write a phase's name in {} (the phase row), or move the step right of one",
                        grid.name(phase_cell)
                    ),
                ));
                continue;
            }
            let (words, action) = cells::words_and_text(text);
            body.push(Stmt {
                keyword: "step",
                words,
                text: Some(action).filter(|n| !n.is_empty()),
                at: Some(cell),
                label: None,
            });
        } else if !phase.is_empty() {
            phase_columns.push(format!("{} ({})", super::column_name(c), phase));
        }
        for l in &lane_rows {
            let cell = CellRef::new(l.row, c);
            let text = grid.cell(cell).trim();
            if text.is_empty() {
                continue;
            }
            let lane = match l.kind {
                Row::Lane(lane) => lane,
                _ => LaneKind::Notes,
            };
            let phase_column = !has_step && !phase.is_empty();
            if !has_step && (!phase_column || matches!(lane, LaneKind::Touchpoints | LaneKind::Emotions)) {
                let why = if phase_column {
                    format!(
                        "{} is a touchpoint or emotion in the column of phase `{phase}` as a whole, which has no step",
                        grid.name(cell)
                    )
                } else {
                    format!("{} is a card in a column with no step", grid.name(cell))
                };
                problems.push(at(
                    Code::SheetCardWithoutStep,
                    cell,
                    why,
                    "write the step's action in the step row above it; only a phase's own column (a phase and no step) holds details of the phase as a whole, and no touchpoints or emotions",
                ));
                continue;
            }
            match stmt(lane, &l.words, left, text, cell, grid) {
                Ok(s) => body.push(s),
                Err(p) => problems.push(*p),
            }
        }
    }
    if !body.iter().any(|s| s.keyword == "phase") {
        problems.push(at(
            Code::SheetNoPhases,
            CellRef::new(phase_row, left),
            format!("the phase row ({}) names no phase", phase_row + 1),
            "write each phase's name in the phase row, above its first step",
        ));
    }
    // Words that would change a line's shape.
    for s in std::iter::once(&title).chain(&header).chain(&body) {
        if let Some(bad) = s.words.iter().find(|w| !cells::is_word(w)) {
            let cell = s.at.unwrap_or_default();
            problems.push(at(
                Code::SheetBadCell,
                cell,
                format!("{}: `{bad}` is not a word of the language (an id, a flag or a number)", grid.name(cell)),
                "words are ids of personas, channels, owners and sources, flags such as `critical`, and numbers; a text that starts with `[` is written after `[] `",
            ));
        }
    }
    if !problems.is_empty() {
        return Err(grid.failure(problems));
    }

    // What the language refuses, at the cell it came from.
    let stmts: Vec<&Stmt> = std::iter::once(&title).chain(&header).chain(&body).collect();
    let mut text = String::new();
    let mut starts = Vec::new();
    for s in &stmts {
        starts.push(text.len());
        text.push_str(&s.line());
        text.push('\n');
    }
    let compiled = crate::compile(text.as_bytes());
    for d in compiled.diags.iter().filter(|d| d.is_error()) {
        let line = starts.partition_point(|&s| s <= d.primary.span.start).saturating_sub(1);
        let part = text.get(d.primary.span.start..d.primary.span.end).unwrap_or("");
        let stmt = stmts.get(line);
        // A word the row's label gives is reported at the label.
        let (cell, message) = match stmt.and_then(|s| s.label.as_ref()) {
            Some((label, words)) if words.iter().any(|w| w == part) => {
                (*label, format!("{}: {} ({})", grid.name(*label), d.message, d.code.info().code))
            }
            _ => {
                let cell = stmt.and_then(|s| s.at).unwrap_or_default();
                let line = stmt.map(|s| s.line()).unwrap_or_default();
                (cell, format!("{}: {} (as `{line}`, {})", grid.name(cell), d.message, d.code.info().code))
            }
        };
        let mut p = at(Code::SheetBadCell, cell, message, d.help.clone());
        // The word the language underlines, if the cell has it.
        p.within = cells::is_word(part).then(|| part.to_owned());
        problems.push(p);
    }
    if !problems.is_empty() {
        return Err(grid.failure(problems));
    }

    if !translated.is_empty() {
        let list: Vec<String> = translated.iter().map(|(h, k)| format!("{h} = {k}")).collect();
        choices.push(format!("Row labels read as statements: {}.", list.join(", ")));
    }
    if !phase_columns.is_empty() {
        choices.push(format!(
            "Columns with a phase and no step hold details of the phase as a whole: {}.",
            phase_columns.join(", ")
        ));
    }
    let mut writer = Writer::default();
    for c in choices {
        writer.choice(c);
    }
    for s in stmts {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        writer.statement_kept(s.keyword, &words, s.text.as_deref());
    }
    writer.finish()
}

/// The statement a lane's cell makes.
fn stmt(
    lane: LaneKind,
    row_words: &[String],
    left: usize,
    text: &str,
    cell: CellRef,
    grid: &Grid,
) -> Result<Stmt, Box<Problem>> {
    let mut words = row_words.to_vec();
    let kw = keyword(lane);
    let (words, text) = match lane {
        LaneKind::Emotions => {
            let Some((score, cites, why)) = cells::emotion(text) else {
                return Err(Box::new(at(
                    Code::SheetBadEmotion,
                    cell,
                    format!("{}: the emotion `{text}` is not a score", grid.name(cell)),
                    "write the score, a whole number on the map's scale (-2..2 unless a `scale` row says otherwise), then optionally its sources and `: why`, e.g. `-1 i3: Had to call`",
                )));
            };
            words.push(score);
            words.extend(cites);
            (words, why)
        }
        _ if lane.detail().is_some_and(|(_, c)| c == Carries::Kpi) => {
            let Some((figures, label)) = cells::kpi(text) else {
                return Err(Box::new(at(
                    Code::SheetBadCell,
                    cell,
                    format!("{}: a KPI cell is its figures, `:` and its label, not `{text}`", grid.name(cell)),
                    "write e.g. `12% target 20%: Quote conversion` or `wait 14 max 8: Minutes in queue`",
                )));
            };
            words.extend(figures);
            (words, Some(label).filter(|l| !l.is_empty()))
        }
        _ => {
            let (more, text) = cells::words_and_text(text);
            words.extend(more);
            (words, Some(text).filter(|t| !t.is_empty()))
        }
    };
    let label = Some((CellRef::new(cell.row, left), row_words.to_vec()));
    Ok(Stmt { keyword: kw, words, text, at: Some(cell), label })
}
