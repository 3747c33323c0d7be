//! SVG → PDF with krilla: vector graphics and real, selectable text in the embedded
//! fonts, on pages of the size asked for, with the map's title in the metadata.
//!
//! krilla-svg reads SVG through usvg 0.47 (a different version from the one resvg uses
//! for PNG); it is told about the same embedded fonts, and no others.

use krilla::Document;
use krilla::geom::{PathBuilder, Rect, Size, Transform};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::FillRule;
use krilla_svg::{SurfaceExt, SvgSettings};
use usvg_for_pdf as usvg;

use super::{Format, RenderError};
use crate::layout::print::{MARGIN_PT as MARGIN, PT_PER_PX};
use crate::layout::{Layout, Page};
use crate::text::Fonts;

const MM_TO_PT: f32 = 72.0 / 25.4;
/// The largest page side PDF readers accept, in points.
const MAX_SIDE: f32 = 14_400.0;

/// Renders a laid-out map onto pages of `page` (`Page::Auto`: one page the size of the
/// drawing), with the map's title in the metadata.
pub fn pdf(layout: &Layout, page: Page, fonts: &Fonts) -> Result<Vec<u8>, RenderError> {
    let result = std::panic::catch_unwind(|| draw(layout, page, fonts))
        .unwrap_or_else(|_| Err("the PDF writer (krilla) failed on this map; SVG output still works".into()));
    result.map_err(|message| RenderError::Failed { format: Format::Pdf, message })
}

/// Where pages may end: between bands (preferred), and between the lanes of a band.
#[derive(Clone, Copy)]
pub struct Breaks<'a> {
    pub bands: &'a [f32],
    pub lanes: &'a [f32],
}

/// The part of the drawing between `top` and `bottom` as a usvg tree the size of the
/// whole drawing.
fn window(layout: &Layout, fonts: &Fonts, top: f32, bottom: f32) -> Result<usvg::Tree, String> {
    let svg = crate::render::svg::render_window(layout, Page::Auto, top, bottom);
    let options = usvg::Options { fontdb: self::fonts(fonts), resources_dir: None, ..usvg::Options::default() };
    usvg::Tree::from_str(&svg, &options).map_err(|e| format!("cannot read the SVG: {e}"))
}

fn draw(layout: &Layout, page: Page, fonts: &Fonts) -> Result<Vec<u8>, String> {
    let (width, height) = (layout.width, layout.height);
    let drawing = Size::from_wh(width, height).ok_or("the drawing has no size")?;
    let mut document = Document::new();
    match page.size_mm() {
        None => {
            // PDF readers stop at 14,400 points (200 inches) a side: a wider map is shrunk.
            let scale = PT_PER_PX.min(MAX_SIDE / width).min(MAX_SIDE / height);
            let settings = PageSettings::from_wh(width * scale, height * scale).ok_or("empty page")?;
            let tree = window(layout, fonts, f32::NEG_INFINITY, f32::INFINITY)?;
            let mut pdf_page = document.start_page_with(settings);
            let mut surface = pdf_page.surface();
            surface.push_transform(&Transform::from_scale(scale, scale));
            surface.draw_svg(&tree, drawing, SvgSettings::default());
            surface.pop();
            surface.finish();
            pdf_page.finish();
        }
        Some((w_mm, h_mm)) => {
            let (page_w, page_h) = (w_mm * MM_TO_PT, h_mm * MM_TO_PT);
            let scale = (page_w - 2.0 * MARGIN) / width;
            let breaks = Breaks { bands: &layout.breaks, lanes: &layout.lane_breaks };
            for (top, bottom) in pages(height, (page_h - 2.0 * MARGIN) / scale, breaks) {
                let tree = window(layout, fonts, top, bottom)?;
                let settings = PageSettings::from_wh(page_w, page_h).ok_or("empty page")?;
                let mut pdf_page = document.start_page_with(settings);
                let mut surface = pdf_page.surface();
                // Page point = margin + scale × (drawing point − (0, top)).
                let place = Transform::from_row(scale, 0.0, 0.0, scale, MARGIN, MARGIN - scale * top);
                surface.push_transform(&place);
                let clip = Rect::from_xywh(0.0, top, width, bottom - top).ok_or("empty page")?;
                let mut path = PathBuilder::new();
                path.push_rect(clip);
                surface.push_clip_path(&path.finish().ok_or("empty page")?, &FillRule::NonZero);
                surface.draw_svg(&tree, drawing, SvgSettings::default());
                surface.pop();
                surface.pop();
                surface.finish();
                pdf_page.finish();
            }
        }
    }
    let metadata = Metadata::new().title(layout.title.clone()).creator("journeymap".to_string());
    document.set_metadata(metadata);
    document.finish().map_err(|e| format!("cannot write the PDF: {e:?}"))
}

/// Cuts a drawing `height` units tall into pages `room` units tall: at the last band
/// break that fits on each page, unless that leaves the page less than half full; then
/// at the last lane break that fits; where the page is full when neither fits.
pub fn pages(height: f32, room: f32, breaks: Breaks<'_>) -> Vec<(f32, f32)> {
    let mut pages = Vec::new();
    let mut top = 0.0;
    while height - top > 0.5 {
        let limit = top + room;
        let last_fitting = |list: &[f32]| list.iter().copied().rev().find(|&b| b > top + 1.0 && b <= limit);
        let bottom = if limit >= height {
            height
        } else {
            last_fitting(breaks.bands)
                .filter(|&b| b - top >= room / 2.0)
                .or_else(|| last_fitting(breaks.lanes))
                .or_else(|| last_fitting(breaks.bands))
                .unwrap_or(limit)
        };
        pages.push((top, bottom));
        top = bottom;
    }
    pages
}

super::font_database!(usvg);

#[cfg(test)]
mod tests {
    use super::{Breaks, pages};

    fn bands(bands: &[f32]) -> Breaks<'_> {
        Breaks { bands, lanes: &[] }
    }

    #[test]
    fn pages_end_at_breaks_that_fit() {
        assert_eq!(pages(100.0, 200.0, bands(&[])), [(0.0, 100.0)]);
        assert_eq!(pages(300.0, 120.0, bands(&[50.0, 110.0, 200.0])), [(0.0, 110.0), (110.0, 200.0), (200.0, 300.0)]);
        // A band taller than a page is cut where the page is full.
        assert_eq!(pages(300.0, 100.0, bands(&[])), [(0.0, 100.0), (100.0, 200.0), (200.0, 300.0)]);
    }

    #[test]
    fn a_band_taller_than_a_page_is_cut_between_lanes() {
        // A header ends at 20; the band's lanes end at 60, 95, 150; the page holds 100.
        let breaks = Breaks { bands: &[20.0], lanes: &[60.0, 95.0, 150.0] };
        assert_eq!(pages(180.0, 100.0, breaks), [(0.0, 95.0), (95.0, 180.0)]);
    }
}
