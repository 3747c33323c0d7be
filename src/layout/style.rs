//! How personas' curves differ: colour, dash and marker shape, so that each stays
//! distinguishable for colour-blind readers and in grayscale print. A [`Theme`] may
//! replace a persona's colour; its dash and marker stay.

use std::collections::BTreeMap;
use std::fmt;

use super::MarkerShape;
use crate::model::Journey;

/// One persona's look on the emotion lane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PersonaStyle {
    /// From the Okabe–Ito palette, designed for colour-blind readers.
    pub color: &'static str,
    /// The dash pattern, lengths of dash and gap in turn (px); empty for a solid line.
    pub dash: &'static [u8],
    pub marker: MarkerShape,
}

/// The Okabe–Ito palette without its yellow, which vanishes on white paper: seven
/// colours that colour-blind readers tell apart, in the order personas take them.
pub const PALETTE: [&str; 7] = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];

/// Six dash patterns that differ in grayscale: solid, dashed, dotted, dash-dot,
/// short dashes, dash-dot-dot.
const DASHES: [&[u8]; 6] = [&[], &[10, 4], &[2, 3], &[10, 3, 2, 3], &[5, 2], &[10, 3, 2, 3, 2, 3]];

/// Six marker shapes.
const SHAPES: [MarkerShape; 6] = [
    MarkerShape::Circle,
    MarkerShape::Square,
    MarkerShape::Triangle,
    MarkerShape::Diamond,
    MarkerShape::TriangleDown,
    MarkerShape::Cross,
];

/// The `k`-th style: the palette's colours in turn, and a (dash, marker) pair of its
/// own among the twelve, so that curves differ without colour; the second six pair
/// each dash with the marker three places on.
const fn style(k: usize) -> PersonaStyle {
    PersonaStyle { color: PALETTE[k % PALETTE.len()], dash: DASHES[k % 6], marker: SHAPES[(k + k / 6 * 3) % 6] }
}

/// Styles in the order personas are declared; the thirteenth takes the first again.
/// No two share both dash and marker, nor both colour and marker (a note shows the
/// marker alone).
pub const PERSONA_STYLES: [PersonaStyle; 12] = [
    style(0),
    style(1),
    style(2),
    style(3),
    style(4),
    style(5),
    style(6),
    style(7),
    style(8),
    style(9),
    style(10),
    style(11),
];

/// An opaque colour as red, green and blue. It is written out as `#RRGGBB` only, so a
/// colour from a project file reaches a stylesheet without any text of the user's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Color(pub [u8; 3]);

impl Color {
    /// `#rgb` or `#rrggbb` (hex digits in either case); nothing else.
    pub fn parse(text: &str) -> Option<Color> {
        let hex = text.strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..i + 1], 16).ok();
        match hex.len() {
            3 => Some(Color([digit(0)? * 17, digit(1)? * 17, digit(2)? * 17])),
            6 => {
                let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
                Some(Color([byte(0)?, byte(2)?, byte(4)?]))
            }
            _ => None,
        }
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02X}{g:02X}{b:02X}")
    }
}

/// Colours chosen for personas by id, e.g. by a team's project file. A persona the map
/// does not declare is passed over: one theme serves many maps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Theme {
    pub personas: BTreeMap<String, Color>,
}

/// One persona style as a map is drawn with it: the palette's, or the theme's colour
/// with the palette's dash and marker.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonaLook {
    /// `#RRGGBB`.
    pub color: String,
    pub dash: &'static [u8],
    pub marker: MarkerShape,
}

/// The looks of one map: the palette first (so an unthemed map is drawn as always),
/// then one look per persona whose theme colour differs from its palette colour.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Looks {
    pub looks: Vec<PersonaLook>,
    /// Index into `looks` of each traveller (declared persona, or the anonymous one).
    pub of_traveller: Vec<usize>,
}

impl Looks {
    pub fn new(journey: &Journey, theme: &Theme) -> Looks {
        let mut looks: Vec<PersonaLook> = PERSONA_STYLES
            .iter()
            .map(|s| PersonaLook { color: s.color.to_string(), dash: s.dash, marker: s.marker })
            .collect();
        let mut of_traveller = Vec::new();
        for (k, persona) in journey.travellers().into_iter().enumerate() {
            let slot = k % PERSONA_STYLES.len();
            let themed = persona.and_then(|p| theme.personas.get(&journey.persona(p).id)).map(Color::to_string);
            match themed.filter(|c| *c != looks[slot].color) {
                Some(color) => {
                    looks.push(PersonaLook { color, ..looks[slot].clone() });
                    of_traveller.push(looks.len() - 1);
                }
                None => of_traveller.push(slot),
            }
        }
        Looks { looks, of_traveller }
    }

    /// The style index and marker of the `k`-th traveller.
    pub fn of(&self, k: usize) -> (usize, MarkerShape) {
        let i = self.of_traveller.get(k).copied().unwrap_or(k % PERSONA_STYLES.len());
        (i, self.looks[i].marker)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_styles_differ_in_dash_and_marker_and_in_colour_and_marker() {
        for (i, a) in PERSONA_STYLES.iter().enumerate() {
            for b in &PERSONA_STYLES[..i] {
                assert!((a.dash, a.marker) != (b.dash, b.marker), "{a:?} / {b:?}");
                assert!((a.color, a.marker) != (b.color, b.marker), "{a:?} / {b:?}");
            }
        }
        // Colours repeat only after the whole palette.
        let colours: Vec<&str> = PERSONA_STYLES.iter().map(|s| s.color).collect();
        assert_eq!(colours[..PALETTE.len()], PALETTE);
    }

    #[test]
    fn colours_parse_short_and_long_forms_only() {
        assert_eq!(Color::parse("#0072b2"), Some(Color([0x00, 0x72, 0xB2])));
        assert_eq!(Color::parse("#fA0"), Some(Color([0xFF, 0xAA, 0x00])));
        assert_eq!(Color::parse("#0072B2").unwrap().to_string(), "#0072B2");
        for bad in ["", "#", "0072B2", "#0072B", "#12345g", "#+12", "red", "#ééé", "#0072B2 "] {
            assert_eq!(Color::parse(bad), None, "{bad:?}");
        }
    }
}
