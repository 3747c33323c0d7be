//! The fonts text is measured and drawn with, and shaping.
//!
//! A [`Fonts`] is a list of families in the order a character looks for a face: the
//! project's own fonts (`fonts:` in `journeymap.yaml`), Liberation Sans, the emoji font,
//! then the script fonts (Arabic, Devanagari, Thai, CJK; the `script-fonts` feature).
//! Each character is drawn by the first family that has it, and the text is shaped in
//! runs of one face each, so the widths measured are those of the faces drawn.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use harfrust::{Direction, Script, ShapeOptions, ShapePlan, Shaper, ShaperData, UnicodeBuffer};
use skrifa::instance::{LocationRef, Size};
use skrifa::raw::TableProvider;
use skrifa::string::StringId;
use skrifa::{FontRef, MetadataProvider};

use super::Measured;

/// The family names written in SVG after the primary family: the fonts with Liberation
/// Sans's metrics that viewers have.
const FALLBACK_FAMILIES: &str = "Arial, Helvetica, sans-serif";

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");
static ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Italic.ttf");
/// Twemoji Mozilla 0.7 (Twemoji 15, OFL): colour emoji (COLR) with the sequences
/// (skin tones, flags, ZWJ families) as ligatures.
static EMOJI: &[u8] = include_bytes!("../../assets/fonts/TwemojiMozilla.ttf");

/// The script fonts, regular and bold (a missing style uses the regular face).
#[cfg(feature = "script-fonts")]
static SCRIPT_FONTS: &[[Option<&[u8]>; 2]] = &[
    [
        Some(include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf")),
        Some(include_bytes!("../../assets/fonts/NotoSansArabic-Bold.ttf")),
    ],
    [
        Some(include_bytes!("../../assets/fonts/NotoSansDevanagari-Regular.ttf")),
        Some(include_bytes!("../../assets/fonts/NotoSansDevanagari-Bold.ttf")),
    ],
    [
        Some(include_bytes!("../../assets/fonts/NotoSansThai-Regular.ttf")),
        Some(include_bytes!("../../assets/fonts/NotoSansThai-Bold.ttf")),
    ],
    [Some(include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf")), None],
    [Some(include_bytes!("../../assets/fonts/NanumGothic-Hangul.ttf")), None],
];
#[cfg(not(feature = "script-fonts"))]
static SCRIPT_FONTS: &[[Option<&[u8]>; 2]] = &[];

/// The family name of emoji runs in SVG: the embedded emoji font, then the emoji
/// fonts of the common systems.
pub const EMOJI_FAMILY: &str =
    "'Twemoji Mozilla', 'Noto Color Emoji', 'Apple Color Emoji', 'Segoe UI Emoji', sans-serif";
/// The emoji font's family name.
pub const EMOJI_NAME: &str = "Twemoji Mozilla";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontStyle {
    Regular,
    Bold,
    Italic,
}

impl FontStyle {
    pub const ALL: [FontStyle; 3] = [FontStyle::Regular, FontStyle::Bold, FontStyle::Italic];

    fn index(self) -> usize {
        self as usize
    }
}

struct Face {
    data: &'static [u8],
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

    fn load(data: &'static [u8]) -> Result<Face, String> {
        let font = FontRef::new(data).map_err(|e| format!("not a font file that can be read ({e})"))?;
        if font.glyf().is_err() && font.cff().is_err() {
            return Err("the font has no outlines journeymap can draw (glyf or CFF)".into());
        }
        let metrics = font.metrics(Size::unscaled(), LocationRef::default());
        Ok(Face {
            data,
            shaper: ShaperData::new(&font),
            plans: Mutex::new(Vec::new()),
            units_per_em: f32::from(metrics.units_per_em.max(1)),
            ascent: metrics.ascent,
            descent: -metrics.descent,
            font,
        })
    }

    fn covers(&self, c: char) -> bool {
        self.font.charmap().map(c).is_some()
    }

    /// The family name, as font databases (fontdb, browsers' `@font-face`) match it.
    fn family_name(&self) -> Option<String> {
        [StringId::TYPOGRAPHIC_FAMILY_NAME, StringId::FAMILY_NAME].into_iter().find_map(|id| {
            let name = self.font.localized_strings(id).english_or_first()?.to_string();
            (!name.trim().is_empty()).then_some(name)
        })
    }

    /// Whether the face is bold (OS/2 weight 600 or more) and italic.
    fn weight_and_slant(&self) -> (bool, bool) {
        match self.font.os2() {
            Ok(os2) => (os2.us_weight_class() >= 600, os2.fs_selection().bits() & 1 != 0),
            Err(_) => (false, false),
        }
    }
}

/// A family: its name and up to three faces (regular, bold, italic). A style it lacks
/// is drawn, and measured, with another of its faces.
pub struct Family {
    name: String,
    faces: [Option<Face>; 3],
}

impl Family {
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The face drawn for `style`: its own, or regular, or whichever the family has.
    fn face(&self, style: FontStyle) -> &Face {
        self.faces[style.index()]
            .as_ref()
            .or(self.faces[0].as_ref())
            .or_else(|| self.faces.iter().flatten().next())
            .expect("a family has at least one face")
    }

    /// The font file drawn for `style`.
    pub fn data(&self, style: FontStyle) -> &'static [u8] {
        self.face(style).data
    }

    /// The styles the family has a face of its own for.
    pub fn has_style(&self, style: FontStyle) -> bool {
        self.faces[style.index()].is_some()
    }

    fn of(faces: Vec<Face>) -> Result<Family, String> {
        let name = faces.iter().find_map(Face::family_name).ok_or("the font has no family name")?;
        let mut slots: [Option<Face>; 3] = [None, None, None];
        for face in faces {
            let style = match face.weight_and_slant() {
                (_, true) => FontStyle::Italic,
                (true, false) => FontStyle::Bold,
                (false, false) => FontStyle::Regular,
            };
            slots[style.index()].get_or_insert(face);
        }
        Ok(Family { name, faces: slots })
    }
}

/// Which font draws a run of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RunFont {
    /// The family at this index of [`Fonts::families`].
    Family(usize),
    /// The emoji font.
    Emoji,
}

/// A font file a project adds (`fonts:` in `journeymap.yaml`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FontFile {
    pub path: PathBuf,
    pub data: Vec<u8>,
}

/// The fonts text is measured with, in the order a character looks for one.
pub struct Fonts {
    families: Vec<Family>,
    /// How many families come before the emoji font: the project's and Liberation Sans.
    primary: usize,
    /// Only its character map is read: emoji are measured at a fallback width that
    /// also holds the wider emoji of browsers, and drawn in runs of their own.
    emoji: FontRef<'static>,
    /// A name for this set, the same for the same files: renderers cache their font
    /// databases by it.
    key: u64,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.families.iter().map(|family| &family.name)).finish()
    }
}

impl Fonts {
    /// The embedded fonts, loaded once.
    pub fn get() -> &'static Fonts {
        Self::builtin_arc()
    }

    /// The embedded fonts, shared.
    pub fn builtin() -> Arc<Fonts> {
        Arc::clone(Self::builtin_arc())
    }

    fn builtin_arc() -> &'static Arc<Fonts> {
        static FONTS: OnceLock<Arc<Fonts>> = OnceLock::new();
        FONTS.get_or_init(|| {
            // The fonts are part of the binary and tested; failing to read them is a bug.
            Arc::new(Fonts::with_files(&[]).expect("the embedded fonts are valid"))
        })
    }

    /// The embedded fonts with a project's own in front: the project's families draw
    /// every character they have, the embedded ones the rest.
    pub fn with_files(files: &[FontFile]) -> Result<Fonts, (PathBuf, String)> {
        let mut families: Vec<Family> = Vec::new();
        let mut project: Vec<(String, Vec<Face>)> = Vec::new();
        for file in files {
            let face = Face::load(leak(&file.data)).map_err(|why| (file.path.clone(), why))?;
            let name = face.family_name().ok_or_else(|| (file.path.clone(), "the font has no family name".into()))?;
            match project.iter_mut().find(|(n, _)| *n == name) {
                Some((_, faces)) => faces.push(face),
                None => project.push((name, vec![face])),
            }
        }
        for (_, faces) in project {
            families.push(Family::of(faces).map_err(|why| (PathBuf::new(), why))?);
        }
        let builtin = |files: &[Option<&'static [u8]>]| -> Family {
            let faces = files.iter().flatten().map(|d| Face::load(d).expect("embedded font is valid")).collect();
            Family::of(faces).expect("embedded font is valid")
        };
        families.push(builtin(&[Some(REGULAR), Some(BOLD), Some(ITALIC)]));
        let primary = families.len();
        for files in SCRIPT_FONTS {
            families.push(builtin(files));
        }
        let key = {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            for file in files {
                file.data.hash(&mut h);
            }
            h.finish()
        };
        Ok(Fonts { families, primary, emoji: FontRef::new(EMOJI).expect("embedded font is valid"), key })
    }

    /// The families, in the order characters look for a face.
    pub fn families(&self) -> &[Family] {
        &self.families
    }

    /// The same for the same font files.
    pub fn key(&self) -> u64 {
        self.key
    }

    /// Every font file, for renderers that draw text themselves (PNG, PDF): each
    /// family's own faces, then the emoji font.
    pub fn files(&self) -> Vec<&'static [u8]> {
        let mut files: Vec<&'static [u8]> =
            self.families.iter().flat_map(|f| f.faces.iter().flatten().map(|face| face.data)).collect();
        files.push(EMOJI);
        files
    }

    /// The emoji font's file.
    pub fn emoji_file(&self) -> &'static [u8] {
        EMOJI
    }

    /// The `font-family` of text in the primary family: it, then the fonts with
    /// Liberation Sans's metrics.
    pub fn css_family(&self) -> String {
        let mut names: Vec<String> = self.families[..self.primary].iter().map(|f| quoted(&f.name)).collect();
        names.push(FALLBACK_FAMILIES.to_string());
        names.join(", ")
    }

    /// The declarations of a run in the family at `index`: its `font-family`, and
    /// upright or regular where the family has no italic or bold face, so that no
    /// viewer slants or thickens it (resvg draws the regular face, as it was measured).
    pub fn css_run_of(&self, index: usize) -> String {
        let Some(family) = self.families.get(index) else { return format!("font-family:{}", self.css_family()) };
        let mut css = format!("font-family:{}, sans-serif", quoted(&family.name));
        if !family.has_style(FontStyle::Italic) {
            css.push_str(";font-style:normal");
        }
        if !family.has_style(FontStyle::Bold) {
            css.push_str(";font-weight:normal");
        }
        css
    }

    fn primary(&self, style: FontStyle) -> &Face {
        self.families[0].face(style)
    }

    /// Ascent and descent (both positive) at `size` pixels, of the primary family.
    pub fn extents(&self, style: FontStyle, size: f32) -> (f32, f32) {
        let face = self.primary(style);
        (face.ascent / face.units_per_em * size, face.descent / face.units_per_em * size)
    }

    /// Ascent and descent at `size` pixels of the text `lines` are drawn in: the most of
    /// the primary family and of each other family a run is drawn in (emoji fit in the
    /// primary family's line).
    pub fn extents_of<'a>(
        &self,
        lines: impl IntoIterator<Item = &'a super::Line>,
        style: FontStyle,
        size: f32,
    ) -> (f32, f32) {
        let mut used = vec![false; self.families.len()];
        used[0] = true;
        for run in lines.into_iter().flat_map(|l| &l.runs) {
            if let RunFont::Family(i) = run.font {
                used[i] = true;
            }
        }
        let mut extents = (0.0f32, 0.0f32);
        for (i, _) in used.iter().enumerate().filter(|(_, u)| **u) {
            let face = self.families[i].face(style);
            extents.0 = extents.0.max(face.ascent / face.units_per_em * size);
            extents.1 = extents.1.max(face.descent / face.units_per_em * size);
        }
        extents
    }

    /// Whether the primary family has a glyph for `c`.
    pub fn covers(&self, style: FontStyle, c: char) -> bool {
        self.families[..self.primary].iter().any(|f| f.face(style).covers(c))
    }

    /// Whether some font draws `c` (an invisible joiner or modifier always counts).
    pub fn can_draw(&self, c: char) -> bool {
        c.is_ascii()
            || is_invisible(c)
            || c.is_whitespace()
            || c.is_control()
            || self.emoji.charmap().map(c).is_some()
            || self.families.iter().any(|f| f.face(FontStyle::Regular).covers(c))
    }

    /// The font for `c`, or `None` where it joins the run before it: the primary
    /// families, then the emoji font, then the script fonts. A character no font has
    /// is measured at a fallback width and drawn in the primary family.
    fn pick(&self, style: FontStyle, c: char, current: Option<Pick>) -> Option<Pick> {
        if is_invisible(c) {
            return None;
        }
        // Spaces, digits and punctuation stay in the font of the words around them.
        if let Some(Pick::Font(RunFont::Family(i))) = current
            && !c.is_alphabetic()
            && self.families[i].face(style).covers(c)
        {
            return None;
        }
        let covering = |range: std::ops::Range<usize>| {
            range.into_iter().find(|&i| self.families[i].face(style).covers(c)).map(|i| Pick::Font(RunFont::Family(i)))
        };
        covering(0..self.primary)
            .or_else(|| self.emoji.charmap().map(c).map(|_| Pick::Font(RunFont::Emoji)))
            .or_else(|| covering(self.primary..self.families.len()))
            .or(Some(Pick::Missing))
    }

    /// The font that draws `c` where it starts a run; `None` for a joiner or modifier
    /// (drawn with the character before it) and for a character no font has.
    pub fn first_font(&self, c: char) -> Option<RunFont> {
        match self.pick(FontStyle::Regular, c, None) {
            Some(Pick::Font(font)) => Some(font),
            _ => None,
        }
    }

    /// The width of `text` at `size` pixels.
    pub fn width(&self, text: &str, style: FontStyle, size: f32) -> f32 {
        self.measure(text, style, size).total()
    }

    /// Shapes `text` once for measuring its parts.
    pub fn measure<'t>(&self, text: &'t str, style: FontStyle, size: f32) -> Measured<'t> {
        let mut prefix = Vec::with_capacity(text.len() + 1);
        let mut fonts: Vec<(usize, usize, RunFont)> = Vec::new();
        let mut x = 0.0;
        // Cut the text where the font changes.
        let mut cuts: Vec<(usize, Pick)> = Vec::new();
        for (i, c) in text.char_indices() {
            let current = cuts.last().map(|c| c.1);
            match self.pick(style, c, current) {
                Some(pick) if Some(pick) != current => cuts.push((i, pick)),
                Some(_) => {}
                None if current.is_none() => cuts.push((i, Pick::Font(RunFont::Family(0)))),
                None => {}
            }
        }
        for (k, &(start, pick)) in cuts.iter().enumerate() {
            let end = cuts.get(k + 1).map_or(text.len(), |c| c.0);
            let run = &text[start..end];
            match pick {
                Pick::Font(RunFont::Family(i)) => {
                    let face = self.families[i].face(style);
                    x = shape(face, run, start, size, x, &mut prefix);
                    fonts.push((start, end, RunFont::Family(i)));
                }
                Pick::Font(RunFont::Emoji) | Pick::Missing => {
                    let mut after_joiner = false;
                    for (i, c) in run.char_indices() {
                        prefix.push((start + i, x));
                        // A zero-width joiner makes one picture of the emoji around it.
                        x += match c {
                            _ if is_invisible(c) || after_joiner => 0.0,
                            '\u{1F1E6}'..='\u{1F1FF}' => REGIONAL_INDICATOR_WIDTH * size,
                            _ if pick != Pick::Missing => EMOJI_WIDTH * size,
                            _ => fallback_width(c) * size,
                        };
                        after_joiner = c == '\u{200D}';
                    }
                    let font = if pick == Pick::Missing { RunFont::Family(0) } else { RunFont::Emoji };
                    fonts.push((start, end, font));
                }
            }
        }
        prefix.push((text.len(), x));
        // Neighbouring runs in the same font are one run.
        fonts.dedup_by(|b, a| {
            let same = a.2 == b.2 && a.1 == b.0;
            if same {
                a.1 = b.1;
            }
            same
        });
        Measured { text, prefix, fonts, bidi: std::cell::OnceCell::new() }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pick {
    Font(RunFont),
    /// No font has the character.
    Missing,
}

/// Shapes `run` (at byte `start` of its text) with `face`, appending each cluster's
/// start and offset to `prefix`; returns the offset after it.
fn shape(face: &Face, run: &str, start: usize, size: f32, mut x: f32, prefix: &mut Vec<(usize, f32)>) -> f32 {
    let scale = size / face.units_per_em;
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
    // Right-to-left text comes out of the shaper in visual order.
    clusters.sort_by_key(|c| c.0);
    for (at, advance) in clusters {
        prefix.push((at, x));
        x += advance;
    }
    x
}

/// Font data that lives as long as the program: a project's fonts are read once per
/// content, however often a watched project is reloaded.
fn leak(data: &[u8]) -> &'static [u8] {
    static LOADED: Mutex<Vec<&'static [u8]>> = Mutex::new(Vec::new());
    let mut loaded = LOADED.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(known) = loaded.iter().find(|known| **known == data) {
        return known;
    }
    let leaked: &'static [u8] = Box::leak(data.to_vec().into_boxed_slice());
    loaded.push(leaked);
    leaked
}

fn quoted(name: &str) -> String {
    let clean: String =
        name.chars().filter(|c| !matches!(c, '\'' | '"' | '\\' | '<' | '>' | '&' | ';' | '{' | '}')).collect();
    format!("'{clean}'")
}

/// Reads the font files a project names, relative to `base`.
pub fn read_font_files(base: &Path, paths: &[PathBuf]) -> Result<Vec<FontFile>, (PathBuf, String)> {
    paths
        .iter()
        .map(|p| {
            let path = base.join(p);
            std::fs::read(&path).map(|data| FontFile { path: path.clone(), data }).map_err(|e| (path, e.to_string()))
        })
        .collect()
}

/// Characters that take no room of their own: joiners, variation selectors, skin-tone
/// modifiers and tags, which join the character before them.
pub(super) fn is_invisible(c: char) -> bool {
    matches!(c as u32, 0x200B..=0x200F | 0xFE00..=0xFE0F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0x2060..=0x2064)
}

/// The width, in em, given to an emoji: Noto Color Emoji advances 1.245 em, the
/// embedded Twemoji 1 em (drawn centred in the room).
const EMOJI_WIDTH: f32 = 1.25;
/// Two regional indicators make one flag.
const REGIONAL_INDICATOR_WIDTH: f32 = EMOJI_WIDTH / 2.0;

/// The width, in em, of a character no font has, as a system's fallback font would
/// draw it, erring wide (a line wrapped a little early never overflows): East Asian
/// wide characters take one em, pictographs an emoji's width, anything else 0.7 em,
/// wider than most letters.
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
    fn emoji_get_the_width_of_a_wide_emoji_font() {
        let fonts = Fonts::get();
        assert!(!fonts.covers(FontStyle::Regular, '😀'));
        assert_eq!(fonts.width("😀", FontStyle::Regular, 10.0), 12.5);
        assert_eq!(fonts.width("👍🏽", FontStyle::Regular, 10.0), 12.5, "a skin tone adds nothing");
        assert_eq!(fonts.width("🇩🇰", FontStyle::Regular, 10.0), 12.5, "two indicators make one flag");
        assert_eq!(fonts.width("👨‍👩‍👧", FontStyle::Regular, 10.0), 12.5, "joined emoji make one picture");
        assert_eq!(fonts.width("👩‍👩‍👧‍👦", FontStyle::Regular, 10.0), 12.5, "joined emoji make one picture");
    }

    #[cfg(feature = "script-fonts")]
    #[test]
    fn every_script_has_a_face_and_is_shaped_in_it() {
        let fonts = Fonts::get();
        for (text, family) in [
            ("東京の駅で切符を買う", "Droid Sans Fallback"),
            ("한국어", "NanumGothic"),
            ("العميل ينتظر", "Noto Sans Arabic"),
            ("नमस्ते", "Noto Sans Devanagari"),
            ("สวัสดีครับ", "Noto Sans Thai"),
            ("לקוח מחכה", "Liberation Sans"),
        ] {
            let m = fonts.measure(text, FontStyle::Regular, 10.0);
            let names: Vec<&str> = m
                .fonts
                .iter()
                .map(|r| match r.2 {
                    RunFont::Family(i) => fonts.families()[i].name(),
                    RunFont::Emoji => "emoji",
                })
                .collect();
            assert_eq!(names, [family], "{text}");
            assert!(m.total() > 10.0, "{text}: {}", m.total());
            assert!(text.chars().all(|c| fonts.can_draw(c)), "{text}");
        }
        // Arabic letters join: the shaped word is narrower than its letters apart.
        let word = fonts.width("سلام", FontStyle::Regular, 20.0);
        let apart: f32 = "سلام".chars().map(|c| fonts.width(&c.to_string(), FontStyle::Regular, 20.0)).sum();
        assert!(word < apart, "{word} < {apart}");
    }

    #[test]
    fn a_character_no_font_has_is_told() {
        let fonts = Fonts::get();
        // A private-use character and a Linear B syllable.
        assert!(!fonts.can_draw('\u{E000}'));
        assert!(!fonts.can_draw('\u{10000}'));
        assert!(fonts.can_draw('a') && fonts.can_draw('😀') && fonts.can_draw('\u{200D}'));
    }

    #[test]
    fn parts_add_up_to_the_whole() {
        let fonts = Fonts::get();
        let m = fonts.measure("Plain text, with 😀 emoji", FontStyle::Regular, 12.0);
        let mid = "Plain text,".len();
        assert!((m.width(0, mid) + m.width(mid, m.text().len()) - m.total()).abs() < 1e-3);
    }
}
