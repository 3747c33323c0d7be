//! Plain geometry: what the renderers draw. Numbers and text, no markup.

use super::role::{CardRole, CurveRole, LineRole, RectRole, TextRole};
use crate::text::{FontStyle, Line};

/// An axis-aligned rectangle; `y` grows downwards.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

impl Rect {
    pub fn new(x: f32, y: f32, width: f32, height: f32) -> Rect {
        Rect { x, y, width, height }
    }

    pub fn right(&self) -> f32 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f32 {
        self.y + self.height
    }

    /// Whether `other` lies inside this rectangle (with a rounding tolerance).
    pub fn contains(&self, other: &Rect) -> bool {
        const EPS: f32 = 0.01;
        other.x >= self.x - EPS
            && other.y >= self.y - EPS
            && other.right() <= self.right() + EPS
            && other.bottom() <= self.bottom() + EPS
    }

    /// Whether the two rectangles share some area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        const EPS: f32 = 0.01;
        self.x < other.right() - EPS
            && other.x < self.right() - EPS
            && self.y < other.bottom() - EPS
            && other.y < self.bottom() - EPS
    }
}

/// How a text block is aligned on its `x`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// Lines of text, laid out: the baseline of line `i` is `y + i * line_height`.
#[derive(Clone, Debug, PartialEq)]
pub struct TextBlock {
    pub x: f32,
    /// Baseline of the first line.
    pub y: f32,
    pub lines: Vec<Line>,
    pub size: f32,
    pub style: FontStyle,
    pub line_height: f32,
    pub anchor: Anchor,
    /// The room the lines were wrapped to: a right-to-left paragraph anchored at its
    /// start is aligned to its end.
    pub width: f32,
    /// Ascent and descent of the font at this size, for bounding boxes.
    pub ascent: f32,
    pub descent: f32,
    pub role: TextRole,
}

impl TextBlock {
    /// The box each line's glyphs occupy.
    pub fn line_boxes(&self) -> impl Iterator<Item = Rect> + '_ {
        self.lines.iter().enumerate().map(|(i, line)| {
            let left = self.left_of(line);
            let baseline = self.y + i as f32 * self.line_height;
            Rect::new(left, baseline - self.ascent, line.width, self.ascent + self.descent)
        })
    }

    /// Where `line` starts: at the anchor, or, for a right-to-left paragraph anchored at
    /// its start, where it ends at the right of the room.
    pub fn left_of(&self, line: &crate::text::Line) -> f32 {
        match self.anchor {
            Anchor::Start if line.rtl && self.width.is_finite() => self.x + (self.width - line.width).max(0.0),
            Anchor::Start => self.x,
            Anchor::Middle => self.x - line.width / 2.0,
            Anchor::End => self.x - line.width,
        }
    }

    /// The height the block takes from the top of its first line.
    pub fn height(&self) -> f32 {
        if self.lines.is_empty() {
            0.0
        } else {
            (self.lines.len() - 1) as f32 * self.line_height + self.ascent + self.descent
        }
    }
}

/// A box with texts inside and the whole, unshortened text as its tooltip.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub rect: Rect,
    pub role: CardRole,
    /// The full text, for `<title>` (hover and screen readers).
    pub title: String,
    pub texts: Vec<TextBlock>,
    /// The number of the step the card belongs to, for interactive outputs.
    pub step: Option<usize>,
    /// Rounded boxes drawn behind badges among its texts (a step's "new"), inside the
    /// card, each around its text.
    pub pills: Vec<Rect>,
}

/// A polyline through points; `None` breaks it (the next point starts a new piece).
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    pub role: CurveRole,
    /// The persona's id, or `None` for the anonymous persona (and for the mean).
    pub persona: Option<String>,
    /// Index of the persona's style (colour, dash, marker); 0 for the mean.
    pub style: usize,
    pub points: Vec<Option<(f32, f32)>>,
}

/// The range of the personas' scores: pieces of a filled band, each a run of steps with
/// a score, every point its `x` and the `y` of the highest and the lowest score.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub pieces: Vec<Vec<(f32, f32, f32)>>,
}

/// Shapes of the points on emotion curves, so that curves differ without colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerShape {
    Circle,
    Square,
    Triangle,
    Diamond,
    /// A triangle pointing down.
    TriangleDown,
    /// A diagonal cross (×).
    Cross,
}

/// One persona's reason for a score, written under the curve in its step's column:
/// the persona's marker, then the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    /// The note's box; its text stays inside.
    pub rect: Rect,
    /// The persona's id (`None`: the anonymous one).
    pub persona: Option<String>,
    /// The number of the step.
    pub step: usize,
    /// The persona's style and marker, as on its curve.
    pub style: usize,
    pub shape: MarkerShape,
    /// The centre of the marker drawn before the text.
    pub glyph: (f32, f32),
    pub text: TextBlock,
}

/// What a legend's sample shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Sample {
    /// A persona's curve (colour and dash) with its marker.
    Persona { style: usize, shape: MarkerShape, thin: bool },
    /// The mean curve.
    Mean,
    /// The band from the lowest to the highest score.
    Range,
    /// A baseline's curve (faint, in a persona's style) with its marker.
    Baseline { style: usize, shape: MarkerShape },
}

/// One emotion score on a curve.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub x: f32,
    pub y: f32,
    pub style: usize,
    pub shape: MarkerShape,
    /// The persona's low point (`Some(false)`) or high point (`Some(true)`).
    pub extreme: Option<bool>,
    pub title: String,
    /// The persona's id (`None`: the anonymous one, or a legend sample).
    pub persona: Option<String>,
    /// The number of the step the score belongs to (`None` in the legend).
    pub step: Option<usize>,
    /// A score of the baseline (`render --baseline`), drawn faintly.
    pub baseline: bool,
}

/// A straight line, e.g. an axis or the neutral line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    pub x1: f32,
    pub y1: f32,
    pub x2: f32,
    pub y2: f32,
    pub role: LineRole,
}

/// A numbered point of the impact/effort matrix, or its sample in the matrix's legend:
/// a circle with the number inside and the opportunity (with its step) as its tooltip.
#[derive(Clone, Debug, PartialEq)]
pub struct Dot {
    pub cx: f32,
    pub cy: f32,
    pub r: f32,
    /// The opportunity and its step, for `<title>` (hover and screen readers).
    pub title: String,
    /// The number, centred in the circle.
    pub text: TextBlock,
    /// The opportunity's rank, shared by its point and its legend entry.
    pub number: usize,
    /// Whether it is the legend's sample rather than the point on the chart.
    pub legend: bool,
}

impl Dot {
    /// The square the circle fits in.
    pub fn bounds(&self) -> Rect {
        Rect::new(self.cx - self.r, self.cy - self.r, 2.0 * self.r, 2.0 * self.r)
    }
}

/// Everything on the map, in drawing order.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A filled rectangle without text (backgrounds, lane stripes, gap columns).
    Rect {
        rect: Rect,
        role: RectRole,
    },
    Card(Card),
    Text(TextBlock),
    Segment(Segment),
    Curve(Curve),
    Band(Band),
    Marker(Marker),
    /// The notes of one band's emotion lane, drawn (and hidden) together.
    Notes(Vec<Note>),
    /// A numbered point of the impact/effort matrix.
    Dot(Dot),
    /// A sample of a curve's style, for the legend, centred on `y`.
    LegendSwatch {
        x: f32,
        y: f32,
        width: f32,
        sample: Sample,
        /// The persona whose curve it shows.
        persona: Option<String>,
    },
}

impl Item {
    /// The top and bottom of everything the item draws, strokes and marks included
    /// (generously: it decides what a page of a PDF draws, never what is cut).
    pub fn vertical_extent(&self) -> (f32, f32) {
        const INK: f32 = 12.0;
        let (top, bottom) = match self {
            Item::Rect { rect, .. } => (rect.y, rect.y + rect.height),
            Item::Card(card) => (card.rect.y, card.rect.y + card.rect.height),
            Item::Text(block) => (block.y - block.ascent, block.y + block.height()),
            Item::Segment(s) => (s.y1.min(s.y2), s.y1.max(s.y2)),
            Item::Curve(curve) => curve
                .points
                .iter()
                .flatten()
                .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &(_, y)| (lo.min(y), hi.max(y))),
            Item::Band(band) => {
                band.pieces.iter().flatten().fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &(_, top, bottom)| {
                    (lo.min(top), hi.max(bottom))
                })
            }
            Item::Marker(m) => (m.y, m.y),
            Item::Notes(notes) => notes
                .iter()
                .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), n| (lo.min(n.rect.y), hi.max(n.rect.bottom()))),
            Item::LegendSwatch { y, .. } => (*y, *y),
            Item::Dot(dot) => (dot.cy - dot.r, dot.cy + dot.r),
        };
        (top - INK, bottom + INK)
    }
}

/// A whole map, laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// What it draws: the journey map or the service blueprint.
    pub view: crate::lanes::View,
    pub width: f32,
    pub height: f32,
    /// The map's title, for the document's `<title>`.
    pub title: String,
    /// A one-paragraph description, for `<desc>`.
    pub description: String,
    pub items: Vec<Item>,
    /// Heights where a printed page may end without cutting a band: after the header
    /// and between bands, in order.
    pub breaks: Vec<f32>,
    /// Heights between the lanes of a band, in order: where a page may end when a band
    /// is taller than the page.
    pub lane_breaks: Vec<f32>,
    /// The persona styles drawn with: `style` of curves, markers and swatches indexes it.
    pub persona_looks: Vec<super::PersonaLook>,
    /// The style of each traveller (declared persona, or the anonymous one), in order.
    pub traveller_looks: Vec<usize>,
    /// The `font-family` of the text.
    pub font_family: String,
    /// The declarations of a run in each family of the fonts measured with: a run in
    /// [`RunFont::Family`](crate::text::RunFont::Family) `i` is drawn with the `i`-th.
    pub font_runs: Vec<String>,
}
