//! Layout: the model turned into plain geometry ([`Layout`]): boxes, lines, curves and
//! wrapped text with positions. It knows nothing of SVG; renderers only draw it.
//!
//! The map is a grid: one column per step, phases as bands over their steps, one row
//! per lane. Every box grows to fit its wrapped text, so no text leaves its box. A map
//! wider than the page asked for is wrapped into bands of phases stacked downwards.

mod baseline;
mod emotion;
mod geometry;
pub mod header;
mod lanes;
pub mod matrix;
mod role;
mod sources;
mod style;

pub use geometry::*;
pub use lanes::step_details;
pub use matrix::{MatrixInput, MatrixPoint, Quadrant, Unscored, layout_matrix, matrix_input, quadrant};
pub use role::{CardRole, CurveRole, KpiLook, LineRole, RectRole, TextRole};
pub use sources::{source_line, state_label, step_source_lines};
pub use style::{Color, PALETTE, PERSONA_STYLES, PersonaLook, PersonaStyle, Theme};

use crate::diff::baseline::Baseline;
use crate::lanes::{LaneKind, View};
use crate::model::{Journey, StepRef};

/// What a layout draws: the map, the view and that view's lanes.
pub(crate) struct Drawn<'a> {
    pub journey: &'a Journey,
    pub view: View,
    pub lanes: Vec<LaneKind>,
    /// What the map is compared with (`render --baseline`), if anything.
    pub baseline: Option<&'a Baseline>,
}
use crate::text::{FontStyle, Fonts, wrap};

/// The page a map is laid out for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Page {
    /// As large as the content.
    #[default]
    Auto,
    /// A4 landscape.
    A4,
    /// A3 landscape.
    A3,
}

impl Page {
    /// Width and height in millimetres (landscape).
    pub fn size_mm(self) -> Option<(f32, f32)> {
        match self {
            Page::Auto => None,
            Page::A4 => Some((297.0, 210.0)),
            Page::A3 => Some((420.0, 297.0)),
        }
    }
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    pub page: Page,
    /// What to draw, whatever the map says (`--view`).
    pub view: Option<View>,
    /// What to draw when the map has no `view` of its own (the project file's default).
    pub default_view: Option<View>,
    /// Leave out the header (title, goal, legend): for a page that shows it itself.
    pub no_header: bool,
}

impl Options {
    /// The view drawn: `--view`, else the map's own `view`, else the project's default,
    /// else the journey map.
    pub fn view_of(&self, journey: &Journey) -> View {
        match (self.view, journey.view_explicit) {
            (Some(view), _) => view,
            (None, true) => journey.view,
            (None, false) => self.default_view.unwrap_or(journey.view),
        }
    }
}

/// The largest maps drawn; beyond them a render is refused with a message instead of
/// taking minutes and gigabytes. At the limits (measured, `docs/performance.md`):
/// 10,000 steps to SVG in 0.5 s and 125 MB; 2,000 steps to PDF in under 2 s and
/// 450 MB (a PNG of them only at a scale of 0.5 or less, under the pixel limit).
pub mod limits {
    /// Steps in an SVG or HTML drawing.
    pub const MAX_STEPS: usize = 10_000;
    /// Steps in a PNG or PDF: their renderers hold the whole drawing as a tree of paths.
    pub const MAX_RASTER_STEPS: usize = 2_000;
    /// Personas: each has a curve across the whole emotion lane and a legend entry.
    pub const MAX_PERSONAS: usize = 48;

    /// Why a map is too large to draw.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum TooLarge {
        /// More steps than the format's limit (`raster`: PNG and PDF, else SVG and HTML).
        Steps { steps: usize, max: usize, raster: bool },
        /// More personas than [`MAX_PERSONAS`].
        Personas { personas: usize },
    }

    impl std::fmt::Display for TooLarge {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            match *self {
                TooLarge::Steps { steps, max, raster } => {
                    let what = if raster { "PNG and PDF" } else { "SVG and HTML" };
                    write!(
                        f,
                        "this map has {steps} steps; journeymap draws at most {max} as {what}: split it into several maps"
                    )
                }
                TooLarge::Personas { personas } => write!(
                    f,
                    "this map has {personas} personas; journeymap draws at most {MAX_PERSONAS}: split it by segment"
                ),
            }
        }
    }

    /// Why `journey` is too large to draw (`raster`: as PNG or PDF), if it is.
    pub fn too_large(journey: &crate::model::Journey, raster: bool) -> Option<TooLarge> {
        let steps = journey.steps().count();
        let max = if raster { MAX_RASTER_STEPS } else { MAX_STEPS };
        if steps > max {
            return Some(TooLarge::Steps { steps, max, raster });
        }
        let personas = journey.personas.len();
        (personas > MAX_PERSONAS).then_some(TooLarge::Personas { personas })
    }
}

/// Printed pages (the PDF's): their margin and units. Layout sizes its bands to fit the
/// page less the margins; the PDF writer places the drawing inside them.
pub mod print {
    /// The margin on each side of a printed page, in points (1/72 inch).
    pub const MARGIN_PT: f32 = 28.0;
    /// A point is 1/72 inch; a layout unit is a CSS pixel, 1/96 inch.
    pub const PT_PER_PX: f32 = 0.75;
}

/// Sizes, in pixels (1/96 inch).
pub(crate) mod metrics {
    pub const MARGIN: f32 = 24.0;
    pub const LABEL_WIDTH: f32 = 128.0;
    pub const COLUMN_WIDTH: f32 = 176.0;
    pub const COLUMN_GAP: f32 = 10.0;
    pub const PAD: f32 = 6.0;
    pub const CARD_GAP: f32 = 6.0;
    pub const ROW_GAP: f32 = 4.0;
    pub const BAND_GAP: f32 = 28.0;
    pub const BODY: f32 = 11.0;
    pub const SMALL: f32 = 9.5;
    pub const HEADING: f32 = 12.5;
    pub const TITLE: f32 = 22.0;
    pub const LINE: f32 = 1.3;
    /// Printed on a page, text is not shrunk below this fraction of its size: 11 px
    /// body text stays 6.8 px (5.1 pt), and a wider map is wrapped into bands instead.
    pub const MIN_PRINT_SCALE: f32 = 0.62;
}

use metrics::*;

/// A place for one column: a step, or an empty phase (which still shows its name).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Slot {
    pub phase: usize,
    pub step: Option<usize>,
}

impl Slot {
    pub fn step_ref(self) -> Option<StepRef> {
        self.step.map(|step| StepRef { phase: self.phase, step })
    }
}

/// Lays out a validated journey.
pub fn layout(journey: &Journey, options: &Options) -> Layout {
    layout_themed(journey, options, &Theme::default(), Fonts::get())
}

/// [`layout`] with personas' colours from a theme (the project file's `theme`), text in
/// a project's fonts.
// Not a field of `Options`: `Options` is built field by field where it is used.
pub fn layout_themed(journey: &Journey, options: &Options, theme: &Theme, fonts: &Fonts) -> Layout {
    layout_compared(journey, options, theme, fonts, None)
}

/// [`layout_themed`] of a map compared with its baseline (`render --baseline`): the
/// baseline's curves behind the map's, a "new" badge on each step it lacks, and under
/// the map the list of its steps that are gone.
pub fn layout_compared(
    journey: &Journey,
    options: &Options,
    theme: &Theme,
    fonts: &Fonts,
    baseline: Option<&Baseline>,
) -> Layout {
    let looks = style::Looks::new(journey, theme);
    let view = options.view_of(journey);
    let drawn = Drawn { journey, view, lanes: journey.lanes_for(view), baseline };
    let slots: Vec<Slot> = journey
        .phases
        .iter()
        .enumerate()
        .flat_map(|(p, phase)| {
            let steps: Vec<Slot> = (0..phase.steps.len()).map(|s| Slot { phase: p, step: Some(s) }).collect();
            if steps.is_empty() { vec![Slot { phase: p, step: None }] } else { steps }
        })
        .collect();
    let per_band = columns_per_band(options.page).unwrap_or(slots.len()).max(1);
    let bands = bands(&slots, per_band);
    let widest = bands.iter().map(|b| b.len()).max().unwrap_or(1);
    let width = (2.0 * MARGIN + LABEL_WIDTH + widest as f32 * (COLUMN_WIDTH + COLUMN_GAP)).max(720.0);

    let mut items = Vec::new();
    let mut y = if options.no_header {
        MARGIN - BAND_GAP / 2.0
    } else {
        header::header(journey, view, baseline.is_some(), fonts, &looks, width, &mut items)
    };
    let (mut breaks, mut lane_breaks) = (Vec::new(), Vec::new());
    for band in bands {
        breaks.push(y + BAND_GAP / 2.0);
        y += BAND_GAP;
        let (bottom, lanes) = lanes::band(&drawn, fonts, &looks, band, y, width, &mut items);
        y = bottom;
        lane_breaks.extend(lanes);
    }
    if let Some(gone) = baseline.map(|b| &b.gone).filter(|g| !g.is_empty()) {
        breaks.push(y + BAND_GAP / 2.0);
        y = baseline::gone_list(journey.lang, gone, fonts, y + BAND_GAP, width, &mut items, &mut lane_breaks);
    }
    // The Sources list under the map, last, after a break where a printed page may end.
    if !journey.sources.is_empty() {
        breaks.push(y + BAND_GAP / 2.0);
        let (bottom, rows) = sources::list(journey, fonts, width, y + BAND_GAP, &mut items);
        y = bottom;
        lane_breaks.extend(rows);
    }
    let mut description = description(journey, view);
    if let Some(b) = baseline {
        description.push_str(&baseline::description(journey, b));
    }
    let title = journey.title.value.clone();
    let style::Looks { looks, of_traveller } = looks;
    Layout {
        view,
        width,
        height: y + MARGIN,
        title,
        description,
        items,
        breaks,
        lane_breaks,
        persona_looks: looks,
        traveller_looks: of_traveller,
        font_family: fonts.css_family(),
        font_runs: (0..fonts.families().len()).map(|i| fonts.css_run_of(i)).collect(),
    }
}

/// Splits the columns into bands of at most `per_band`, ending bands between phases
/// where it can: a phase is split when it is wider than a band, or when ending the band
/// before it would leave the band less than half full.
fn bands(slots: &[Slot], per_band: usize) -> Vec<&[Slot]> {
    let mut bands = Vec::new();
    let mut start = 0;
    while start < slots.len() {
        let limit = (start + per_band).min(slots.len());
        // The last phase boundary within the limit, unless the band would be empty.
        let end = if limit == slots.len() {
            limit
        } else {
            let boundary = (start + 1..=limit).rev().find(|&e| slots[e].phase != slots[e - 1].phase);
            // A band less than half full wastes the page: split the phase instead.
            boundary.filter(|&e| 2 * (e - start) >= per_band).unwrap_or(limit)
        };
        bands.push(&slots[start..end]);
        start = end;
    }
    bands
}

/// How many step columns fit a page at the smallest print scale.
fn columns_per_band(page: Page) -> Option<usize> {
    let (width_mm, _) = page.size_mm()?;
    // The page less the PDF's margins, in pixels.
    let page_px = (width_mm / 25.4 * 72.0 - 2.0 * print::MARGIN_PT) / print::PT_PER_PX;
    let usable = page_px / MIN_PRINT_SCALE - 2.0 * MARGIN - LABEL_WIDTH;
    Some((usable / (COLUMN_WIDTH + COLUMN_GAP)).floor() as usize)
}

fn description(journey: &Journey, view: View) -> String {
    let steps = journey.steps().count();
    let what = match view {
        View::Journey => "Customer journey map",
        View::Blueprint => "Service blueprint",
        View::Opportunities => "Impact/effort matrix",
    };
    let mut d = format!(
        "{what} \u{201c}{}\u{201d}: {} phases, {} steps, {} personas.",
        journey.title.value,
        journey.phases.len(),
        steps,
        journey.personas.len()
    );
    if let Some(goal) = &journey.goal {
        d.push_str(&format!(" Goal: {}.", goal.value.trim_end_matches('.')));
    }
    d
}

/// The heading of a list under the map (the gone steps, the sources), at the left margin
/// from `top`, `room` wide; returns where the list's first row starts.
pub(super) fn list_heading(
    fonts: &Fonts,
    text: &str,
    room: f32,
    top: f32,
    role: TextRole,
    items: &mut Vec<Item>,
) -> f32 {
    let heading = text_block(fonts, text, (FontStyle::Bold, HEADING), room, (MARGIN, top), Anchor::Start, role);
    let y = top + heading.height() + 6.0;
    items.push(Item::Text(heading));
    y
}

/// A block of wrapped text whose first line's top is at `top`.
pub(crate) fn text_block(
    fonts: &Fonts,
    text: &str,
    (style, size): (FontStyle, f32),
    max_width: f32,
    (x, top): (f32, f32),
    anchor: Anchor,
    role: TextRole,
) -> TextBlock {
    let lines = wrap(fonts, text, style, size, max_width);
    // Lines in a script font with taller lines (Arabic, Thai) are spaced by its metrics.
    let (ascent, descent) = fonts.extents_of(&lines, style, size);
    TextBlock {
        x,
        y: top + ascent,
        lines,
        size,
        style,
        line_height: (size * LINE).max(ascent + descent),
        anchor,
        // Inside a card a right-to-left paragraph sits at the card's right; in the header
        // and the legend text keeps to the left, where the rest starts.
        width: match role {
            TextRole::ActionText
            | TextRole::CardText
            | TextRole::Who
            | TextRole::PhaseName
            | TextRole::EmotionNote
            | TextRole::SourceText => max_width,
            _ => f32::INFINITY,
        },
        ascent,
        descent,
        role,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A right-to-left paragraph in a card ends at the card's right; a left-to-right one,
    /// and right-to-left text in the header, start at the left.
    #[test]
    fn right_to_left_paragraphs_are_aligned_right_in_cards() {
        let fonts = Fonts::get();
        let block = |text: &str, role| {
            text_block(fonts, text, (FontStyle::Regular, 12.0), 200.0, (10.0, 0.0), Anchor::Start, role)
        };
        let hebrew = block("לקוח מחכה לתשובה", TextRole::CardText);
        let right = hebrew.line_boxes().map(|b| b.x + b.width).next().unwrap();
        assert!((right - 210.0).abs() < 0.01, "{right}");
        assert!(hebrew.lines[0].rtl);
        let mixed = block("IKEA: לקוח מחכה לתשובה", TextRole::CardText);
        assert!(!mixed.lines[0].rtl, "a paragraph that starts in Latin is left to right");
        assert_eq!(mixed.line_boxes().next().unwrap().x, 10.0);
        assert_eq!(block("לקוח מחכה", TextRole::Title).line_boxes().next().unwrap().x, 10.0);
    }

    fn slots(phases: &[usize]) -> Vec<Slot> {
        phases.iter().enumerate().flat_map(|(p, &n)| (0..n).map(move |s| Slot { phase: p, step: Some(s) })).collect()
    }

    fn sizes(phases: &[usize], per_band: usize) -> Vec<usize> {
        bands(&slots(phases), per_band).iter().map(|b| b.len()).collect()
    }

    #[test]
    fn bands_end_between_phases() {
        assert_eq!(sizes(&[3, 4, 2], 8), [7, 2]);
        assert_eq!(sizes(&[3, 4, 2], 9), [9]);
        assert_eq!(sizes(&[2, 2, 2, 2], 5), [4, 4]);
    }

    #[test]
    fn a_phase_wider_than_a_band_is_split() {
        assert_eq!(sizes(&[20], 8), [8, 8, 4]);
        assert_eq!(sizes(&[1, 10], 8), [8, 3]);
    }
}
