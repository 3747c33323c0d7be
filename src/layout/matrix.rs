//! The impact/effort matrix (`view opportunities`): impact up, effort across, both 1 to
//! 5, on a 5 × 5 grid of cells; each scored opportunity a numbered point in its cell,
//! the four quadrants shaded and named, a legend of the points beside the chart and,
//! under it, the opportunities without both scores.
//!
//! The middle score, 3, belongs to the higher-impact and the lower-effort side: the
//! quadrants are impact 3–5 against 1–2 and effort 1–3 against 4–5, so the lines
//! between them run between the cells 2 and 3 of impact and 3 and 4 of effort, and a
//! point on a middle score is drawn inside its quadrant, never on a line.
//!
//! It is laid out from plain data ([`MatrixInput`]), not from the model: whoever has
//! the scores and the ranking builds the input.

use super::metrics::{BODY, HEADING, MARGIN, SMALL, TITLE};
use super::{Anchor, Dot, Item, Layout, LineRole, Rect, RectRole, Segment, TextRole, text_block};
use crate::lanes::{LaneKind, View};
use crate::model::{Journey, Label, Lang};
use crate::text::{FontStyle, Fonts};

/// What the matrix draws.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MatrixInput {
    /// The map's title.
    pub title: String,
    /// The language of the labels.
    pub lang: Lang,
    /// The opportunities with both scores, in any order (drawn by `number`).
    pub points: Vec<MatrixPoint>,
    /// The opportunities without both scores, in map order.
    pub unscored: Vec<Unscored>,
}

/// An opportunity with both scores.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixPoint {
    /// Its rank, from 1.
    pub number: usize,
    /// 1 (low) to 5 (high); anything else is clamped.
    pub impact: u8,
    pub effort: u8,
    pub text: String,
    /// The action of its step, if it belongs to a step rather than a phase.
    pub step: Option<String>,
    /// The name of its phase.
    pub phase: String,
}

/// An opportunity without both scores.
#[derive(Clone, Debug, PartialEq)]
pub struct Unscored {
    pub text: String,
    pub step: Option<String>,
    pub phase: String,
}

/// A quadrant of the matrix: the model's (`Quadrant::of` decides where a point goes).
pub use crate::model::Quadrant;

/// The scores a quadrant covers: impact and effort, each an inclusive range.
pub fn scores(q: Quadrant) -> ((u8, u8), (u8, u8)) {
    let high_impact = (MIDDLE, 5);
    let low_impact = (1, MIDDLE - 1);
    let low_effort = (1, MIDDLE);
    let high_effort = (MIDDLE + 1, 5);
    match q {
        Quadrant::QuickWin => (high_impact, low_effort),
        Quadrant::BigBet => (high_impact, high_effort),
        Quadrant::FillIn => (low_impact, low_effort),
        Quadrant::MoneyPit => (low_impact, high_effort),
    }
}

/// The middle score: it counts as high impact and as low effort.
pub const MIDDLE: u8 = crate::model::SCORE_MIDDLE;

/// The quadrant of a pair of scores (1 to 5): the middle score, 3, is high impact and
/// low effort ([`Quadrant::of`]).
pub fn quadrant(impact: u8, effort: u8) -> Quadrant {
    Quadrant::of(impact, effort)
}

/// Sizes, in pixels.
pub(crate) mod sizes {
    /// A cell of the grid, square.
    pub const CELL: f32 = 96.0;
    /// The strip at the top and at the bottom of the chart that holds the quadrants'
    /// names, so that no name covers a point.
    pub const STRIP: f32 = 28.0;
    /// The room left of the chart for the impact ticks and title.
    pub const AXIS: f32 = 72.0;
    /// The gap between the chart and the legend.
    pub const GAP: f32 = 40.0;
    /// The legend's width.
    pub const LEGEND: f32 = 440.0;
    /// The radius of a point alone in its cell, and the least radius of a crowded one.
    pub const RADIUS: f32 = 12.0;
    pub const MIN_RADIUS: f32 = 7.0;
    /// The radius of a legend entry's point.
    pub const LEGEND_RADIUS: f32 = 10.0;
    /// The most points drawn in one cell (a 5 × 5 cluster); beyond, the last place
    /// holds a "+n" point that lists the rest in its tooltip (the legend lists all).
    pub const PER_CELL: usize = 25;
}

use sizes::*;

/// The chart's geometry: where the cells are.
#[derive(Clone, Copy, Debug)]
struct Chart {
    left: f32,
    top: f32,
}

impl Chart {
    /// The top of the cells (below the quadrants' names).
    fn cells_top(self) -> f32 {
        self.top + STRIP
    }

    fn cell(self, impact: u8, effort: u8) -> Rect {
        let (impact, effort) = (impact.clamp(1, 5), effort.clamp(1, 5));
        Rect::new(self.left + f32::from(effort - 1) * CELL, self.cells_top() + f32::from(5 - impact) * CELL, CELL, CELL)
    }

    fn width(self) -> f32 {
        5.0 * CELL
    }

    fn height(self) -> f32 {
        5.0 * CELL + 2.0 * STRIP
    }

    fn bottom(self) -> f32 {
        self.top + self.height()
    }

    /// A quadrant's area, its names' strip included.
    fn quadrant(self, q: Quadrant) -> Rect {
        let ((lo_i, hi_i), (lo_e, hi_e)) = scores(q);
        let top = self.cell(hi_i, lo_e);
        let bottom = self.cell(lo_i, hi_e);
        let y = if hi_i == 5 { self.top } else { top.y };
        let end = if lo_i == 1 { self.bottom() } else { bottom.bottom() };
        Rect::new(top.x, y, bottom.right() - top.x, end - y)
    }
}

/// The centres and radius of `n` points sharing a cell: a square cluster, centred, as
/// large as the cell allows (at most [`RADIUS`], at least [`MIN_RADIUS`]; at most
/// [`PER_CELL`] places).
pub fn cluster(cell: Rect, n: usize) -> (Vec<(f32, f32)>, f32) {
    let n = n.min(PER_CELL);
    if n == 0 {
        return (Vec::new(), RADIUS);
    }
    let cols = (1..=5).find(|c| c * c >= n).unwrap_or(5);
    let rows = n.div_ceil(cols);
    let pitch = ((cell.width - 6.0) / cols as f32).min(2.0 * RADIUS + 4.0);
    let r = (pitch / 2.0 - 1.5).clamp(MIN_RADIUS, RADIUS);
    let (cx, cy) = (cell.x + cell.width / 2.0, cell.y + cell.height / 2.0);
    let centres = (0..n)
        .map(|i| {
            let (row, col) = (i / cols, i % cols);
            // The last row, if short, is centred too.
            let in_row = if row == rows - 1 { n - row * cols } else { cols };
            let x = cx + (col as f32 - (in_row as f32 - 1.0) / 2.0) * pitch;
            let y = cy + (row as f32 - (rows as f32 - 1.0) / 2.0) * pitch;
            (x, y)
        })
        .collect();
    (centres, r)
}

/// Where an opportunity is: its step and its phase ("Pays online · Checkout").
pub fn where_of(step: Option<&str>, phase: &str) -> String {
    match step {
        Some(step) if !phase.is_empty() => format!("{step} \u{00b7} {phase}"),
        Some(step) => step.to_string(),
        None => phase.to_string(),
    }
}

/// A point's tooltip: its number, its text, where it is and its scores.
fn point_title(p: &MatrixPoint, lang: Lang) -> String {
    format!(
        "{}. {}\n{}\n{} {}, {} {}",
        p.number,
        p.text,
        where_of(p.step.as_deref(), &p.phase),
        Label::Impact.text(lang),
        p.impact,
        Label::Effort.text(lang),
        p.effort
    )
}

fn dot(fonts: &Fonts, (cx, cy): (f32, f32), r: f32, label: &str, title: String, number: usize, legend: bool) -> Dot {
    // The number fits the circle: smaller for two digits and for small circles.
    let size = (r * if label.chars().count() > 2 { 0.72 } else { 0.95 }).clamp(6.5, 11.0);
    let mut text = text_block(
        fonts,
        label,
        (FontStyle::Bold, size),
        f32::INFINITY,
        (cx, 0.0),
        Anchor::Middle,
        TextRole::PointNumber,
    );
    // Centre the digits' height (their cap height, about 0.72 em) on the circle.
    text.y = cy + 0.36 * size;
    Dot { cx, cy, r, title, text, number, legend }
}

/// What the matrix of `journey` draws: its title, its language, the opportunities with
/// both scores as [`MatrixPoint`]s numbered by the model's ranking
/// (`Derived::ranked_opportunities`), and the others, in map order, as [`Unscored`].
pub fn matrix_input(journey: &Journey) -> MatrixInput {
    let place = |at: crate::model::DetailAt| {
        let phase = &journey.phases[at.phase];
        (phase.name.value.clone(), at.step.map(|s| phase.steps[s].action.value.clone()))
    };
    // The scored ones in the model's ranking, numbered by it.
    let points = journey
        .derived
        .ranked_opportunities
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let (phase, step) = place(o.at);
            MatrixPoint { number: i + 1, impact: o.impact, effort: o.effort, text: o.text.clone(), step, phase }
        })
        .collect();
    // The rest (one score or none), in map order.
    let mut unscored = Vec::new();
    for phase in &journey.phases {
        let name = &phase.name.value;
        let details = std::iter::once((None, &phase.details))
            .chain(phase.steps.iter().map(|s| (Some(s.action.value.clone()), &s.details)));
        for (step, details) in details {
            for d in details.of(LaneKind::Opportunities) {
                let scored = matches!(d.extra, crate::model::Extra::Opportunity(s) if s.both().is_some());
                if !scored {
                    unscored.push(Unscored { text: d.text.value.clone(), step: step.clone(), phase: name.clone() });
                }
            }
        }
    }
    MatrixInput { title: journey.title.value.clone(), lang: journey.lang, points, unscored }
}

/// Lays out the impact/effort matrix.
pub fn layout_matrix(input: &MatrixInput, fonts: &Fonts) -> Layout {
    let lang = input.lang;
    let mut items = Vec::new();
    let chart_left = MARGIN + AXIS;
    let width = chart_left + 5.0 * CELL + GAP + LEGEND + MARGIN;

    let title = text_block(
        fonts,
        &input.title,
        (FontStyle::Bold, TITLE),
        width - 2.0 * MARGIN,
        (MARGIN, MARGIN),
        Anchor::Start,
        TextRole::Title,
    );
    let top = MARGIN + title.height() + 24.0;
    items.push(Item::Text(title));
    let chart = Chart { left: chart_left, top };

    // The quadrants, shaded, each named in its strip (the top ones above their cells,
    // the bottom ones below).
    for q in Quadrant::ALL {
        items.push(Item::Rect { rect: chart.quadrant(q), role: RectRole::Quadrant(q) });
    }
    for q in Quadrant::ALL {
        let area = chart.quadrant(q);
        let name = q.label().text(lang);
        let high = matches!(q, Quadrant::QuickWin | Quadrant::BigBet);
        let block = text_block(
            fonts,
            name,
            (FontStyle::Bold, HEADING),
            area.width - 12.0,
            (area.x + area.width / 2.0, 0.0),
            Anchor::Middle,
            TextRole::QuadrantName,
        );
        // One line fits every language's name; a project font that does not is cut to
        // its first line rather than spilling over a cell.
        let mut block = block;
        block.lines.truncate(1);
        let strip_top = if high { chart.top } else { chart.bottom() - STRIP };
        block.y = strip_top + (STRIP - block.ascent - block.descent) / 2.0 + block.ascent;
        items.push(Item::Text(block));
    }
    // The grid: thin lines between cells, the middle lines stronger, then the frame.
    let cells_top = chart.cells_top();
    let cells_bottom = cells_top + 5.0 * CELL;
    for k in 1..5u8 {
        let x = chart.left + f32::from(k) * CELL;
        let y = cells_top + f32::from(k) * CELL;
        let middle_x = k == MIDDLE;
        let middle_y = k == 5 - (MIDDLE - 1);
        if !middle_x {
            items.push(Item::Segment(Segment {
                x1: x,
                y1: cells_top,
                x2: x,
                y2: cells_bottom,
                role: LineRole::MatrixGrid,
            }));
        }
        if !middle_y {
            items.push(Item::Segment(Segment {
                x1: chart.left,
                y1: y,
                x2: chart.left + chart.width(),
                y2: y,
                role: LineRole::MatrixGrid,
            }));
        }
    }
    for edge in [cells_top, cells_bottom] {
        items.push(Item::Segment(Segment {
            x1: chart.left,
            y1: edge,
            x2: chart.left + chart.width(),
            y2: edge,
            role: LineRole::MatrixGrid,
        }));
    }
    let middle_x = chart.left + f32::from(MIDDLE) * CELL;
    let middle_y = cells_top + f32::from(5 - (MIDDLE - 1)) * CELL;
    items.push(Item::Segment(Segment {
        x1: middle_x,
        y1: chart.top,
        x2: middle_x,
        y2: chart.bottom(),
        role: LineRole::MatrixMiddle,
    }));
    items.push(Item::Segment(Segment {
        x1: chart.left,
        y1: middle_y,
        x2: chart.left + chart.width(),
        y2: middle_y,
        role: LineRole::MatrixMiddle,
    }));
    items.push(Item::Rect {
        rect: Rect::new(chart.left, chart.top, chart.width(), chart.height()),
        role: RectRole::MatrixFrame,
    });

    // Ticks: impact left of the rows, effort under the columns; the axes' names.
    for score in 1..=5u8 {
        let row = chart.cell(score, 1);
        let mut tick = text_block(
            fonts,
            &score.to_string(),
            (FontStyle::Regular, BODY),
            f32::INFINITY,
            (chart.left - 10.0, 0.0),
            Anchor::End,
            TextRole::Tick,
        );
        tick.y = row.y + row.height / 2.0 + 0.36 * BODY;
        items.push(Item::Text(tick));
        let column = chart.cell(1, score);
        items.push(Item::Text(text_block(
            fonts,
            &score.to_string(),
            (FontStyle::Regular, BODY),
            f32::INFINITY,
            (column.x + column.width / 2.0, chart.bottom() + 6.0),
            Anchor::Middle,
            TextRole::Tick,
        )));
    }
    let effort = text_block(
        fonts,
        &format!("{} \u{2192}", Label::Effort.text(lang)),
        (FontStyle::Bold, BODY),
        chart.width(),
        (chart.left + chart.width() / 2.0, chart.bottom() + 6.0 + BODY * 1.3 + 4.0),
        Anchor::Middle,
        TextRole::AxisTitle,
    );
    let chart_end = effort.y + effort.height();
    items.push(Item::Text(effort));
    let mut impact = text_block(
        fonts,
        &format!("\u{2191} {}", Label::Impact.text(lang)),
        (FontStyle::Bold, BODY),
        AXIS - 4.0,
        (chart.left - 10.0, 0.0),
        Anchor::End,
        TextRole::AxisTitle,
    );
    impact.y = chart.top + (STRIP - impact.ascent - impact.descent) / 2.0 + impact.ascent;
    items.push(Item::Text(impact));

    // The points, by cell, in rank order.
    let mut points: Vec<&MatrixPoint> = input.points.iter().collect();
    points.sort_by_key(|p| p.number);
    let mut cells: std::collections::BTreeMap<(u8, u8), Vec<&MatrixPoint>> = std::collections::BTreeMap::new();
    for p in &points {
        cells.entry((p.impact.clamp(1, 5), p.effort.clamp(1, 5))).or_default().push(p);
    }
    for (&(i, e), in_cell) in &cells {
        let (centres, r) = cluster(chart.cell(i, e), in_cell.len());
        let overflow = in_cell.len() > PER_CELL;
        for (k, &centre) in centres.iter().enumerate() {
            if overflow && k == PER_CELL - 1 {
                let rest = &in_cell[k..];
                let title = rest.iter().map(|p| point_title(p, lang)).collect::<Vec<_>>().join("\n\n");
                let label = format!("+{}", rest.len());
                items.push(Item::Dot(dot(fonts, centre, r, &label, title, 0, false)));
                break;
            }
            let p = in_cell[k];
            items.push(Item::Dot(dot(fonts, centre, r, &p.number.to_string(), point_title(p, lang), p.number, false)));
        }
    }

    // The legend beside the chart: each point's number, text, step and phase.
    let legend_left = chart.left + chart.width() + GAP;
    let text_left = legend_left + 2.0 * LEGEND_RADIUS + 10.0;
    let text_room = legend_left + LEGEND - text_left;
    let mut y = chart.top;
    let entry = |items: &mut Vec<Item>, y: f32, text: &str, place: &str, dot_of: Option<&MatrixPoint>| {
        let text = text_block(
            fonts,
            text,
            (FontStyle::Regular, BODY),
            text_room,
            (text_left, y),
            Anchor::Start,
            TextRole::MatrixText,
        );
        let mut bottom = y + text.height();
        let first_centre = text.y - 0.36 * BODY;
        items.push(Item::Text(text));
        if !place.is_empty() {
            let place = text_block(
                fonts,
                place,
                (FontStyle::Regular, SMALL),
                text_room,
                (text_left, bottom + 3.0),
                Anchor::Start,
                TextRole::MatrixWhere,
            );
            bottom += 3.0 + place.height();
            items.push(Item::Text(place));
        }
        let centre = (legend_left + LEGEND_RADIUS, first_centre.max(y + LEGEND_RADIUS));
        match dot_of {
            Some(p) => {
                let d = dot(fonts, centre, LEGEND_RADIUS, &p.number.to_string(), point_title(p, lang), p.number, true);
                bottom = bottom.max(centre.1 + LEGEND_RADIUS);
                items.push(Item::Dot(d));
            }
            None => {
                let mut dash = text_block(
                    fonts,
                    "\u{2013}",
                    (FontStyle::Regular, BODY),
                    f32::INFINITY,
                    (centre.0, 0.0),
                    Anchor::Middle,
                    TextRole::MatrixText,
                );
                dash.y = first_centre + 0.36 * BODY;
                items.push(Item::Text(dash));
            }
        }
        bottom
    };
    let heading = |items: &mut Vec<Item>, y: f32, label: Label| {
        let block = text_block(
            fonts,
            label.text(lang),
            (FontStyle::Bold, HEADING),
            LEGEND,
            (legend_left, y),
            Anchor::Start,
            TextRole::MatrixHeading,
        );
        let bottom = y + block.height() + 10.0;
        items.push(Item::Text(block));
        bottom
    };
    if !points.is_empty() {
        y = heading(&mut items, y, Label::Scored);
        for p in &points {
            let place = where_of(p.step.as_deref(), &p.phase);
            y = entry(&mut items, y, &p.text, &place, Some(p)) + 10.0;
        }
    }
    if !input.unscored.is_empty() {
        if !points.is_empty() {
            y += 14.0;
        }
        y = heading(&mut items, y, Label::Unscored);
        for u in &input.unscored {
            let place = where_of(u.step.as_deref(), &u.phase);
            y = entry(&mut items, y, &u.text, &place, None) + 10.0;
        }
    }

    let height = chart_end.max(y) + MARGIN;
    let description = format!(
        "Impact/effort matrix \u{201c}{}\u{201d}: {} scored opportunities, {} not scored.",
        input.title,
        input.points.len(),
        input.unscored.len()
    );
    Layout {
        view: View::Opportunities,
        width,
        height,
        title: input.title.clone(),
        description,
        items,
        breaks: Vec::new(),
        lane_breaks: Vec::new(),
        persona_looks: Vec::new(),
        traveller_looks: Vec::new(),
        font_family: fonts.css_family(),
        font_runs: (0..fonts.families().len()).map(|i| fonts.css_run_of(i)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quadrant of every pair of scores: 3 is high impact and low effort.
    #[test]
    fn quadrants_put_the_middle_on_the_high_impact_low_effort_side() {
        use Quadrant::*;
        let table: [[Quadrant; 5]; 5] = [
            // effort 1..5, for impact 5 down to 1
            [QuickWin, QuickWin, QuickWin, BigBet, BigBet],
            [QuickWin, QuickWin, QuickWin, BigBet, BigBet],
            [QuickWin, QuickWin, QuickWin, BigBet, BigBet],
            [FillIn, FillIn, FillIn, MoneyPit, MoneyPit],
            [FillIn, FillIn, FillIn, MoneyPit, MoneyPit],
        ];
        for (row, impact) in (1..=5u8).rev().enumerate() {
            for effort in 1..=5u8 {
                let q = quadrant(impact, effort);
                assert_eq!(q, table[row][effort as usize - 1], "impact {impact}, effort {effort}");
                let ((lo_i, hi_i), (lo_e, hi_e)) = scores(q);
                assert!((lo_i..=hi_i).contains(&impact) && (lo_e..=hi_e).contains(&effort));
            }
        }
    }

    /// Up to the most a cell holds, its points never overlap and stay in the cell.
    #[test]
    fn points_in_one_cell_do_not_overlap() {
        let cell = Rect::new(100.0, 50.0, CELL, CELL);
        for n in 1..=PER_CELL {
            let (centres, r) = cluster(cell, n);
            assert_eq!(centres.len(), n);
            assert!(r >= MIN_RADIUS);
            for (i, a) in centres.iter().enumerate() {
                assert!(a.0 - r >= cell.x && a.0 + r <= cell.right(), "{n}: {a:?}");
                assert!(a.1 - r >= cell.y && a.1 + r <= cell.bottom(), "{n}: {a:?}");
                for b in &centres[i + 1..] {
                    let d = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
                    assert!(d >= 2.0 * r + 1.0, "{n} points: {a:?} and {b:?} overlap");
                }
            }
        }
        assert_eq!(cluster(cell, 40).0.len(), PER_CELL);
    }
}
