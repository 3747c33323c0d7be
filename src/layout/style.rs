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
    /// The Okabe–Ito palette, designed for colour-blind readers.
    pub color: &'static str,
    /// The dash pattern, lengths of dash and gap in turn (px); empty for a solid line.
    pub dash: &'static [u8],
    pub marker: MarkerShape,
}

/// Styles in the order personas are declared; the thirteenth takes the first again.
pub const PERSONA_STYLES: [PersonaStyle; 12] = [
    PersonaStyle { color: "#0072B2", dash: &[], marker: MarkerShape::Circle },
    PersonaStyle { color: "#D55E00", dash: &[7, 4], marker: MarkerShape::Square },
    PersonaStyle { color: "#009E73", dash: &[2, 3], marker: MarkerShape::Triangle },
    PersonaStyle { color: "#CC79A7", dash: &[9, 3, 2, 3], marker: MarkerShape::Diamond },
    PersonaStyle { color: "#E69F00", dash: &[4, 4], marker: MarkerShape::Circle },
    PersonaStyle { color: "#56B4E9", dash: &[12, 4], marker: MarkerShape::Square },
    PersonaStyle { color: "#000000", dash: &[1, 3], marker: MarkerShape::Triangle },
    PersonaStyle { color: "#8C510A", dash: &[6, 2, 1, 2], marker: MarkerShape::Diamond },
    PersonaStyle { color: "#0072B2", dash: &[3, 2], marker: MarkerShape::Square },
    PersonaStyle { color: "#D55E00", dash: &[], marker: MarkerShape::Triangle },
    PersonaStyle { color: "#009E73", dash: &[8, 4], marker: MarkerShape::Diamond },
    PersonaStyle { color: "#CC79A7", dash: &[], marker: MarkerShape::Circle },
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
    fn colours_parse_short_and_long_forms_only() {
        assert_eq!(Color::parse("#0072b2"), Some(Color([0x00, 0x72, 0xB2])));
        assert_eq!(Color::parse("#fA0"), Some(Color([0xFF, 0xAA, 0x00])));
        assert_eq!(Color::parse("#0072B2").unwrap().to_string(), "#0072B2");
        for bad in ["", "#", "0072B2", "#0072B", "#12345g", "#+12", "red", "#ééé", "#0072B2 "] {
            assert_eq!(Color::parse(bad), None, "{bad:?}");
        }
    }
}
