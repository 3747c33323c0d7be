//! How personas' curves differ: colour, dash and marker shape, so that each stays
//! distinguishable for colour-blind readers and in grayscale print.

use super::MarkerShape;

/// One persona's look on the emotion lane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PersonaStyle {
    /// The Okabe–Ito palette, designed for colour-blind readers.
    pub color: &'static str,
    /// An SVG `stroke-dasharray`, or `None` for a solid line.
    pub dash: Option<&'static str>,
    pub marker: MarkerShape,
}

/// Styles in the order personas are declared; the thirteenth takes the first again.
pub const PERSONA_STYLES: [PersonaStyle; 12] = [
    PersonaStyle { color: "#0072B2", dash: None, marker: MarkerShape::Circle },
    PersonaStyle { color: "#D55E00", dash: Some("7 4"), marker: MarkerShape::Square },
    PersonaStyle { color: "#009E73", dash: Some("2 3"), marker: MarkerShape::Triangle },
    PersonaStyle { color: "#CC79A7", dash: Some("9 3 2 3"), marker: MarkerShape::Diamond },
    PersonaStyle { color: "#E69F00", dash: Some("4 4"), marker: MarkerShape::Circle },
    PersonaStyle { color: "#56B4E9", dash: Some("12 4"), marker: MarkerShape::Square },
    PersonaStyle { color: "#000000", dash: Some("1 3"), marker: MarkerShape::Triangle },
    PersonaStyle { color: "#8C510A", dash: Some("6 2 1 2"), marker: MarkerShape::Diamond },
    PersonaStyle { color: "#0072B2", dash: Some("3 2"), marker: MarkerShape::Square },
    PersonaStyle { color: "#D55E00", dash: None, marker: MarkerShape::Triangle },
    PersonaStyle { color: "#009E73", dash: Some("8 4"), marker: MarkerShape::Diamond },
    PersonaStyle { color: "#CC79A7", dash: None, marker: MarkerShape::Circle },
];

pub(crate) fn persona_style(index: usize) -> (usize, MarkerShape) {
    let i = index % PERSONA_STYLES.len();
    (i, PERSONA_STYLES[i].marker)
}
