//! Text measurement with the fonts journeymap embeds, and line breaking.
//!
//! Widths come from shaping with harfrust (the version usvg uses, so the PNG that
//! resvg draws has the widths the layout measured), on Liberation Sans, which is
//! metric-compatible with Arial and Helvetica: an SVG shown with Arial where the
//! embedded font is missing keeps its layout. Characters the font lacks (emoji, CJK)
//! are measured at the width a fallback font gives them: one em for wide characters.

mod fonts;
mod wrap;

pub use fonts::{FAMILY, FONT_FILES, FontStyle, Fonts};
pub use wrap::{Line, wrap};

/// A text shaped once: the advance of each cluster, so that the width of any part of
/// it is a sum, with the kerning between the letters kept.
pub struct Measured<'t> {
    text: &'t str,
    /// Cluster start (byte offset) and the width of the text before it, in pixels;
    /// a last entry at `text.len()` holds the whole width.
    prefix: Vec<(usize, f32)>,
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
}
