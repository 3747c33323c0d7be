//! Text measurement with the fonts journeymap embeds, and line breaking.
//!
//! Widths come from shaping with harfrust (the version usvg uses, so the PNG that
//! resvg draws has the widths the layout measured), on Liberation Sans, which is
//! metric-compatible with Arial and Helvetica: an SVG shown with Arial where the
//! embedded font is missing keeps its layout. Emoji are drawn with the embedded
//! Twemoji, in runs of their own ([`Run`]); they and the other characters the font
//! lacks (CJK) are measured at the width a fallback font gives them, erring wide.

mod fonts;
mod wrap;

pub use fonts::{EMOJI_FAMILY, EMOJI_FONT_FILE, FAMILY, FONT_FILES, FontStyle, Fonts, TEXT_FONT_FILES};
pub use wrap::{Line, Run, wrap};

/// A text shaped once: the advance of each cluster, so that the width of any part of
/// it is a sum, with the kerning between the letters kept.
pub struct Measured<'t> {
    text: &'t str,
    /// Cluster start (byte offset) and the width of the text before it, in pixels;
    /// a last entry at `text.len()` holds the whole width.
    prefix: Vec<(usize, f32)>,
    /// Byte ranges drawn with the emoji font, in order.
    emoji: Vec<(usize, usize)>,
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

    /// The runs of `text[start..end]`, positioned from `start`; empty when the whole
    /// part is in the text font.
    pub fn runs(&self, start: usize, end: usize) -> Vec<Run> {
        let inside = self.emoji.iter().filter(|r| r.0 < end && r.1 > start);
        let mut runs = Vec::new();
        let mut at = start;
        for &(a, b) in inside {
            let (a, b) = (a.max(start), b.min(end));
            if a > at {
                runs.push(Run { start: at - start, end: a - start, x: self.width(start, at), emoji: false });
            }
            runs.push(Run { start: a - start, end: b - start, x: self.width(start, a), emoji: true });
            at = b;
        }
        if runs.is_empty() {
            return runs;
        }
        if at < end {
            runs.push(Run { start: at - start, end: end - start, x: self.width(start, at), emoji: false });
        }
        runs
    }
}
