//! Text measurement with the fonts journeymap draws with, and line breaking.
//!
//! Widths come from shaping with harfrust (the version usvg uses, so the PNG that
//! resvg draws has the widths the layout measured). Latin, Greek, Cyrillic and Hebrew
//! are in Liberation Sans, which is metric-compatible with Arial and Helvetica: an SVG
//! shown with Arial where the embedded font is missing keeps its layout. Other scripts
//! (Arabic, Devanagari, Thai, CJK) are in the embedded script fonts and emoji in
//! Twemoji, each in runs of their own ([`Run`]), placed in visual order (right-to-left
//! text reordered by the Unicode bidirectional algorithm). Emoji, and characters no font
//! has, are measured at the width a fallback font gives them, erring wide.

mod coverage;
mod fonts;
mod wrap;

pub use coverage::undrawable;

pub use fonts::{EMOJI_FAMILY, EMOJI_NAME, Family, FontFile, FontStyle, Fonts, RunFont, read_font_files};
pub use wrap::{Line, Run, wrap};

/// A text shaped once: the advance of each cluster, so that the width of any part of
/// it is a sum, with the kerning between the letters kept.
pub struct Measured<'t> {
    text: &'t str,
    /// Cluster start (byte offset) and the width of the text before it, in pixels;
    /// a last entry at `text.len()` holds the whole width.
    prefix: Vec<(usize, f32)>,
    /// Byte ranges and the font each is drawn in, in order, covering the text.
    fonts: Vec<(usize, usize, RunFont)>,
    /// The bidirectional analysis of the whole text, made for its first right-to-left
    /// line and kept for the others.
    bidi: std::cell::OnceCell<unicode_bidi::BidiInfo<'t>>,
}

impl<'t> Measured<'t> {
    /// The width of `text[start..end]`; both must be cluster boundaries, as the break
    /// opportunities of [`wrap`] are.
    pub fn width(&self, start: usize, end: usize) -> f32 {
        self.offset(end) - self.offset(start)
    }

    fn offset(&self, at: usize) -> f32 {
        let i = self.prefix.partition_point(|&(b, _)| b < at);
        self.prefix.get(i).map_or(self.total(), |&(_, x)| x)
    }

    pub fn total(&self) -> f32 {
        self.prefix.last().map_or(0.0, |&(_, x)| x)
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The runs of `text[start..end]` in visual order, each positioned from the left
    /// of the part, without the spaces at its ends; empty when the whole part is
    /// left-to-right in the primary font, and is drawn as one text.
    pub fn runs(&self, start: usize, end: usize) -> Vec<Run> {
        let inside: Vec<(usize, usize, RunFont)> = self
            .fonts
            .iter()
            .filter(|r| r.0 < end && r.1 > start)
            .map(|&(a, b, font)| (a.max(start), b.min(end), font))
            .collect();
        let rtl = self.text[start..end].chars().any(is_rtl);
        if !rtl && inside.iter().all(|r| r.2 == RunFont::Family(0)) {
            return Vec::new();
        }
        // Pieces of one font and one direction, in visual order.
        let mut pieces: Vec<(usize, usize, RunFont, bool)> = Vec::new();
        if rtl {
            let bidi = self.bidi.get_or_init(|| unicode_bidi::BidiInfo::new(self.text, None));
            let Some(paragraph) = bidi.paragraphs.first() else { return Vec::new() };
            let (levels, visual) = bidi.visual_runs(paragraph, start..end);
            for range in visual {
                let level_rtl = levels[range.start].is_rtl();
                let mut part: Vec<_> = inside
                    .iter()
                    .filter(|r| r.0 < range.end && r.1 > range.start)
                    .map(|&(a, b, font)| (a.max(range.start), b.min(range.end), font, level_rtl))
                    .collect();
                if level_rtl {
                    part.reverse();
                }
                pieces.extend(part);
            }
        } else {
            pieces.extend(inside.iter().map(|&(a, b, font)| (a, b, font, false)));
        }
        let mut runs = Vec::new();
        let mut x = 0.0;
        for (a, b, font, rtl) in pieces {
            let piece = &self.text[a..b];
            let lead = piece.len() - piece.trim_start().len();
            let trail = piece.len() - piece.trim_end().len();
            let width = self.width(a, b);
            if lead + trail < piece.len() {
                // The spaces at the piece's visual left are room before its text.
                let before = if rtl { self.width(b - trail, b) } else { self.width(a, a + lead) };
                runs.push(Run { start: a + lead - start, end: b - trail - start, x: x + before, font, rtl });
            }
            x += width;
        }
        runs
    }
}

/// Whether `c` is written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko, …), or
/// is a control that starts right-to-left text.
pub(crate) fn is_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF | 0x200F | 0x202B | 0x202E | 0x2067)
}
