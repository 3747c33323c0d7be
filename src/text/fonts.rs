//! The embedded fonts and shaping.

use std::sync::{Arc, Mutex, OnceLock};

use harfrust::{Direction, Script, ShapeOptions, ShapePlan, Shaper, ShaperData, UnicodeBuffer};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use super::Measured;

/// The family name written in SVG: the embedded font first, then the fonts with the
/// same metrics that viewers have.
pub const FAMILY: &str = "'Liberation Sans', Arial, Helvetica, sans-serif";

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");
static ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Italic.ttf");
/// Twemoji Mozilla 0.7 (Twemoji 15, OFL): colour emoji (COLR) with the sequences
/// (skin tones, flags, ZWJ families) as ligatures.
static EMOJI: &[u8] = include_bytes!("../../assets/fonts/TwemojiMozilla.ttf");

/// The family name of emoji runs in SVG: the embedded emoji font, then the emoji
/// fonts of the common systems.
pub const EMOJI_FAMILY: &str =
    "'Twemoji Mozilla', 'Noto Color Emoji', 'Apple Color Emoji', 'Segoe UI Emoji', sans-serif";

/// The font files, for renderers that draw text themselves (PNG, PDF).
pub static FONT_FILES: [&[u8]; 4] = [REGULAR, BOLD, ITALIC, EMOJI];

/// The text font's regular, bold and italic files, and the emoji font's.
pub static TEXT_FONT_FILES: [&[u8]; 3] = [REGULAR, BOLD, ITALIC];
pub static EMOJI_FONT_FILE: &[u8] = EMOJI;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FontStyle {
    Regular,
    Bold,
    Italic,
}

struct Face {
    font: FontRef<'static>,
    shaper: ShaperData,
    /// Shape plans by direction and script: compiling one costs more than shaping a
    /// short text, and a map has thousands of texts in one or two scripts.
    plans: Mutex<Vec<(Direction, Script, Arc<ShapePlan>)>>,
    units_per_em: f32,
    ascent: f32,
    descent: f32,
}

impl Face {
    fn plan(&self, shaper: &Shaper<'_>, direction: Direction, script: Script) -> Arc<ShapePlan> {
        let mut plans = self.plans.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((_, _, plan)) = plans.iter().find(|(d, s, _)| *d == direction && *s == script) {
            return Arc::clone(plan);
        }
        let plan = Arc::new(ShapePlan::new(shaper, direction, Some(script), None, &[]));
        plans.push((direction, script, Arc::clone(&plan)));
        plan
    }

    fn load(data: &'static [u8]) -> Face {
        // The fonts are part of the binary and tested; failing to read them is a bug.
        let font = FontRef::new(data).expect("embedded font is valid");
        let metrics = font.metrics(Size::unscaled(), LocationRef::default());
        Face {
            shaper: ShaperData::new(&font),
            plans: Mutex::new(Vec::new()),
            units_per_em: f32::from(metrics.units_per_em),
            ascent: metrics.ascent,
            descent: -metrics.descent,
            font,
        }
    }
}

/// The fonts text is measured with.
pub struct Fonts {
    regular: Face,
    bold: Face,
    italic: Face,
    /// Only its character map is read: emoji are measured at a fallback width that
    /// also holds the wider emoji of browsers, and drawn in runs of their own.
    emoji: FontRef<'static>,
}

impl Fonts {
    /// The embedded fonts, loaded once.
    pub fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| Fonts {
            regular: Face::load(REGULAR),
            bold: Face::load(BOLD),
            italic: Face::load(ITALIC),
            emoji: FontRef::new(EMOJI).expect("embedded font is valid"),
        })
    }

    fn face(&self, style: FontStyle) -> &Face {
        match style {
            FontStyle::Regular => &self.regular,
            FontStyle::Bold => &self.bold,
            FontStyle::Italic => &self.italic,
        }
    }

    /// Ascent and descent (both positive) at `size` pixels.
    pub fn extents(&self, style: FontStyle, size: f32) -> (f32, f32) {
        let face = self.face(style);
        (face.ascent / face.units_per_em * size, face.descent / face.units_per_em * size)
    }

    /// Whether the embedded font has a glyph for `c`.
    pub fn covers(&self, style: FontStyle, c: char) -> bool {
        self.face(style).font.charmap().map(c).is_some()
    }

    /// Whether `c` is drawn with the emoji font: the text font lacks it and the emoji
    /// font has it.
    fn is_emoji(&self, style: FontStyle, c: char) -> bool {
        !self.covers(style, c) && self.emoji.charmap().map(c).is_some()
    }

    /// The width of `text` at `size` pixels.
    pub fn width(&self, text: &str, style: FontStyle, size: f32) -> f32 {
        self.measure(text, style, size).total()
    }

    /// Shapes `text` once for measuring its parts.
    pub fn measure<'t>(&self, text: &'t str, style: FontStyle, size: f32) -> Measured<'t> {
        let face = self.face(style);
        let scale = size / face.units_per_em;
        let mut prefix = Vec::with_capacity(text.len() + 1);
        let mut emoji: Vec<(usize, usize)> = Vec::new();
        let mut x = 0.0;
        // Runs of characters the font has are shaped; the others get a fallback width.
        // Joiners and modifiers belong to the run of the character before them.
        let covered = |c: char| if is_invisible(c) { None } else { Some(self.covers(style, c)) };
        let mut chars = text.char_indices().peekable();
        while let Some(&(start, first)) = chars.peek() {
            let run_covered = covered(first).unwrap_or(true);
            chars.next();
            let mut end = text.len();
            while let Some(&(i, c)) = chars.peek() {
                if covered(c).is_some_and(|k| k != run_covered) {
                    end = i;
                    break;
                }
                chars.next();
            }
            let run = &text[start..end];
            if run_covered {
                let mut buffer = UnicodeBuffer::new();
                buffer.push_str(run);
                buffer.guess_segment_properties();
                let shaper = face.shaper.shaper(&face.font).build();
                let glyphs = match buffer.language() {
                    // The cached plans are for no particular language.
                    None => {
                        let plan = face.plan(&shaper, buffer.direction(), buffer.script());
                        shaper.shape(buffer, ShapeOptions::new().plan(Some(&plan)))
                    }
                    Some(_) => shaper.shape(buffer, ShapeOptions::new()),
                };
                let mut clusters: Vec<(usize, f32)> = Vec::new();
                for (info, pos) in glyphs.glyph_infos().iter().zip(glyphs.glyph_positions()) {
                    let at = start + info.cluster as usize;
                    let advance = pos.x_advance as f32 * scale;
                    match clusters.last_mut() {
                        Some(last) if last.0 == at => last.1 += advance,
                        _ => clusters.push((at, advance)),
                    }
                }
                clusters.sort_by_key(|c| c.0);
                for (at, advance) in clusters {
                    prefix.push((at, x));
                    x += advance;
                }
            } else {
                let mut after_joiner = false;
                for (i, c) in run.char_indices() {
                    let at = start + i;
                    prefix.push((at, x));
                    // A zero-width joiner makes one picture of the emoji around it.
                    x += match c {
                        _ if is_invisible(c) || after_joiner => 0.0,
                        '\u{1F1E6}'..='\u{1F1FF}' => REGIONAL_INDICATOR_WIDTH * size,
                        _ if self.is_emoji(style, c) => EMOJI_WIDTH * size,
                        _ => fallback_width(c) * size,
                    };
                    after_joiner = c == '\u{200D}';
                    // Emoji, with the joiners and modifiers after them, form runs of
                    // their own, drawn in the emoji font.
                    let joins = is_invisible(c) && emoji.last().is_some_and(|r| r.1 == at);
                    if joins || self.is_emoji(style, c) {
                        match emoji.last_mut() {
                            Some(r) if r.1 == at => r.1 = at + c.len_utf8(),
                            _ => emoji.push((at, at + c.len_utf8())),
                        }
                    }
                }
            }
        }
        prefix.push((text.len(), x));
        Measured { text, prefix, emoji }
    }
}

/// Characters that take no room of their own: joiners, variation selectors, skin-tone
/// modifiers and tags, which join the character before them.
fn is_invisible(c: char) -> bool {
    matches!(c as u32, 0x200B..=0x200F | 0xFE00..=0xFE0F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0x2060..=0x2064)
}

/// The width, in em, given to an emoji: Noto Color Emoji advances 1.245 em, the
/// embedded Twemoji 1 em (drawn centred in the room).
const EMOJI_WIDTH: f32 = 1.25;
/// Two regional indicators make one flag.
const REGIONAL_INDICATOR_WIDTH: f32 = EMOJI_WIDTH / 2.0;

/// The width, in em, of a character no embedded font has, as a fallback font draws it,
/// erring wide (a line wrapped a little early never overflows): East Asian wide
/// characters take one em (Noto Sans CJK), pictographs an emoji's width, anything else
/// 0.7 em, wider than most letters.
fn fallback_width(c: char) -> f32 {
    match c as u32 {
        0x1F000..=0x1FAFF | 0x2600..=0x27BF => EMOJI_WIDTH,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 => {
            1.0
        }
        0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD => 1.0,
        _ => 0.7,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_font_and_its_kerning() {
        let fonts = Fonts::get();
        let w = fonts.width("Hamburg", FontStyle::Regular, 12.0);
        assert!(w > 40.0 && w < 60.0, "{w}");
        assert!(fonts.width("Hamburg", FontStyle::Bold, 12.0) > w);
        assert!((fonts.width("Hamburg", FontStyle::Regular, 24.0) - 2.0 * w).abs() < 0.01);
        // "AV" is kerned in Liberation Sans: narrower than A and V apart.
        let (a, v) = (fonts.width("A", FontStyle::Regular, 100.0), fonts.width("V", FontStyle::Regular, 100.0));
        assert!(fonts.width("AV", FontStyle::Regular, 100.0) < a + v - 1.0);
    }

    #[test]
    fn nordic_letters_and_accents_are_in_the_font() {
        let fonts = Fonts::get();
        for c in "æøåÆØÅäöüÄÖÜßéèêçñ–—“”‘’€".chars() {
            assert!(fonts.covers(FontStyle::Regular, c), "{c}");
        }
        // A combining accent adds no width of its own.
        let composed = fonts.width("e\u{301}", FontStyle::Regular, 12.0);
        assert!((composed - fonts.width("é", FontStyle::Regular, 12.0)).abs() < 0.5, "{composed}");
    }

    #[test]
    fn emoji_and_cjk_get_the_width_of_a_fallback_font() {
        let fonts = Fonts::get();
        assert!(!fonts.covers(FontStyle::Regular, '😀'));
        assert_eq!(fonts.width("😀", FontStyle::Regular, 10.0), 12.5);
        assert_eq!(fonts.width("👍🏽", FontStyle::Regular, 10.0), 12.5, "a skin tone adds nothing");
        assert_eq!(fonts.width("🇩🇰", FontStyle::Regular, 10.0), 12.5, "two indicators make one flag");
        assert_eq!(fonts.width("👨‍👩‍👧", FontStyle::Regular, 10.0), 12.5, "joined emoji make one picture");
        assert_eq!(fonts.width("東京", FontStyle::Regular, 10.0), 20.0);
    }

    #[test]
    fn parts_add_up_to_the_whole() {
        let fonts = Fonts::get();
        let m = fonts.measure("Plain text, with 😀 emoji", FontStyle::Regular, 12.0);
        let mid = "Plain text,".len();
        assert!((m.width(0, mid) + m.width(mid, m.text().len()) - m.total()).abs() < 1e-3);
    }
}
