//! Text drawn from a cache of glyph coverage masks, the way text renderers draw it,
//! rather than by filling every glyph's outline anew: a map repeats a few hundred
//! glyphs at four sizes thousands of times, and filling outlines was half the PNG's
//! drawing time.
//!
//! A glyph's mask is its outline (as usvg outlines it: skrifa, unhinted) filled with
//! tiny-skia's anti-aliasing, at its pixel size and its position's fraction of a pixel
//! rounded to a quarter ([`PHASES`]); the glyph then lands within an eighth of a pixel of
//! where the outline would have been filled. Only plain text is drawn this way: outline
//! glyphs filled with one colour, upright and unstretched. Anything else (emoji in
//! colour, strokes, decorations, rotated text) is left to resvg.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use resvg::{tiny_skia, usvg};
use skrifa::MetadataProvider;
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::raw::TableProvider;

/// Positions a glyph can take within a pixel, on each axis.
const PHASES: f32 = 4.0;

/// One glyph's coverage at one size and phase: `width × height` bytes, its top left
/// corner `(left, top)` pixels from the pixel its origin falls in.
pub struct Mask {
    left: i32,
    top: i32,
    width: u32,
    height: u32,
    coverage: Vec<u8>,
}

/// A glyph of a text to draw: its mask, where the mask's top left corner goes in the
/// image, and the colour (premultiplied RGBA).
pub struct Placed {
    mask: Arc<Mask>,
    x: i32,
    y: i32,
    color: [u8; 4],
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    font: usvg::fontdb::ID,
    glyph: u32,
    /// The pixel size (pixels per font unit), as bits.
    size: u32,
    phase: (u8, u8),
}

/// The masks made so far for one image, shared by its windows and threads, and what is
/// known of each font: whether its glyphs are all plain outlines.
#[derive(Default)]
pub struct Cache {
    masks: Mutex<HashMap<Key, Option<Arc<Mask>>>>,
    plain_fonts: Mutex<HashMap<usvg::fontdb::ID, bool>>,
}

impl Cache {
    /// The glyphs of `text`, drawn with `transform` (text coordinates to image pixels),
    /// or `None` if it is not plain text.
    pub fn place(
        &self,
        text: &usvg::Text,
        transform: tiny_skia::Transform,
        fontdb: &usvg::fontdb::Database,
    ) -> Option<Vec<Placed>> {
        let anti_alias = !matches!(text.rendering_mode(), usvg::TextRendering::OptimizeSpeed);
        if !anti_alias {
            return None;
        }
        let mut placed = Vec::new();
        for span in text.layouted() {
            if span.underline.is_some() || span.overline.is_some() || span.line_through.is_some() {
                return None;
            }
            // usvg asks for a weight (`wght`) even of fonts without axes; a font with
            // axes is not plain.
            if span.stroke.is_some() {
                return None;
            }
            if !span.visible {
                continue;
            }
            let Some(fill) = &span.fill else { continue };
            let usvg::Paint::Color(c) = fill.paint() else { return None };
            if fill.rule() != usvg::FillRule::NonZero {
                return None;
            }
            let color = tiny_skia::Color::from_rgba8(c.red, c.green, c.blue, fill.opacity().to_u8()).premultiply();
            let color = color.to_color_u8();
            let color = [color.red(), color.green(), color.blue(), color.alpha()];
            for glyph in &span.positioned_glyphs {
                if !self.plain_font(glyph.font, fontdb) {
                    return None;
                }
                let t = transform.pre_concat(glyph.outline_transform());
                // Upright and unstretched: x scaled as y is, with y flipped.
                if t.kx != 0.0 || t.ky != 0.0 || t.sx <= 0.0 || (t.sx + t.sy).abs() > t.sx * 1e-4 {
                    return None;
                }
                let (qx, qy) = ((t.tx * PHASES).round() / PHASES, (t.ty * PHASES).round() / PHASES);
                let (ox, oy) = (qx.floor(), qy.floor());
                if !(ox.abs() < 1e8 && oy.abs() < 1e8) {
                    return None;
                }
                let phase = (((qx - ox) * PHASES) as u8, ((qy - oy) * PHASES) as u8);
                let key = Key { font: glyph.font, glyph: glyph.id.0, size: t.sx.to_bits(), phase };
                if let Some(mask) = self.mask(key, fontdb)? {
                    placed.push(Placed { x: ox as i32 + mask.left, y: oy as i32 + mask.top, mask, color });
                }
            }
        }
        Some(placed)
    }

    /// Whether a font's glyphs are all outlines that nothing varies: no colour layers,
    /// SVG or bitmap glyphs, no variation axes.
    fn plain_font(&self, id: usvg::fontdb::ID, fontdb: &usvg::fontdb::Database) -> bool {
        let mut known = self.plain_fonts.lock().unwrap_or_else(|p| p.into_inner());
        *known.entry(id).or_insert_with(|| {
            fontdb
                .with_face_data(id, |data, index| {
                    let Ok(font) = skrifa::FontRef::from_index(data, index) else { return false };
                    let has = |tag: &[u8; 4]| font.table_data(skrifa::Tag::new(tag)).is_some();
                    !["COLR", "SVG ", "CBDT", "sbix", "EBDT", "fvar"]
                        .iter()
                        .any(|t| has(&t.as_bytes().try_into().expect("4 bytes")))
                        && font.head().is_ok()
                })
                .unwrap_or(false)
        })
    }

    /// The mask for `key`, made on first use: `Some(None)` for a glyph with no ink (a
    /// space), `None` if the glyph cannot be read.
    fn mask(&self, key: Key, fontdb: &usvg::fontdb::Database) -> Option<Option<Arc<Mask>>> {
        if let Some(known) = self.masks.lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
            return Some(known.clone());
        }
        let outline = outline(key, fontdb)?;
        let mask = outline.and_then(|path| rasterise(&path, key)).map(Arc::new);
        let mut masks = self.masks.lock().unwrap_or_else(|p| p.into_inner());
        Some(masks.entry(key).or_insert(mask).clone())
    }
}

/// The glyph's outline in font units, y up: `Some(None)` for a glyph with no outline.
fn outline(key: Key, fontdb: &usvg::fontdb::Database) -> Option<Option<tiny_skia::Path>> {
    fontdb.with_face_data(key.font, |data, index| {
        let font = skrifa::FontRef::from_index(data, index).ok()?;
        let glyph = font.outline_glyphs().get(skrifa::GlyphId::new(key.glyph))?;
        let mut pen = Pen(tiny_skia::PathBuilder::new());
        let location = font.axes().location(std::iter::empty::<(skrifa::Tag, f32)>());
        glyph.draw(DrawSettings::unhinted(skrifa::prelude::Size::unscaled(), &location), &mut pen).ok()?;
        Some(pen.0.finish())
    })?
}

/// The glyph's coverage at `key`'s size and phase.
fn rasterise(path: &tiny_skia::Path, key: Key) -> Option<Mask> {
    let size = f32::from_bits(key.size);
    let place = tiny_skia::Transform::from_row(
        size,
        0.0,
        0.0,
        -size,
        f32::from(key.phase.0) / PHASES,
        f32::from(key.phase.1) / PHASES,
    );
    let bounds = path.clone().transform(place)?.bounds();
    let (left, top) = (bounds.left().floor() as i32 - 1, bounds.top().floor() as i32 - 1);
    let (right, bottom) = (bounds.right().ceil() as i32 + 1, bounds.bottom().ceil() as i32 + 1);
    let (width, height) = ((right - left) as u32, (bottom - top) as u32);
    let mut mask = tiny_skia::Mask::new(width, height)?;
    let shift = place.post_translate(-left as f32, -top as f32);
    mask.fill_path(path, tiny_skia::FillRule::Winding, true, shift);
    Some(Mask { left, top, width, height, coverage: mask.take() })
}

struct Pen(tiny_skia::PathBuilder);

impl OutlinePen for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }

    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.0.quad_to(cx0, cy0, x, y);
    }

    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.0.cubic_to(cx0, cy0, cx1, cy1, x, y);
    }

    fn close(&mut self) {
        self.0.close();
    }
}

/// Draws `glyphs` onto `pixmap`, whose top left corner is image pixel `(x, y)`: each
/// colour blended over what is there by its coverage (premultiplied source-over, as
/// tiny-skia blends).
pub fn draw(glyphs: &[Placed], x: u32, y: u32, pixmap: &mut tiny_skia::PixmapMut) {
    let (width, height) = (pixmap.width() as i32, pixmap.height() as i32);
    let data = pixmap.data_mut();
    for glyph in glyphs {
        let (gx, gy) = (glyph.x - x as i32, glyph.y - y as i32);
        let mask = &glyph.mask;
        let (x0, x1) = (gx.max(0), (gx + mask.width as i32).min(width));
        let (y0, y1) = (gy.max(0), (gy + mask.height as i32).min(height));
        if x0 >= x1 || y0 >= y1 {
            continue;
        }
        let [r, g, b, a] = glyph.color.map(u32::from);
        for row in y0..y1 {
            let m =
                &mask.coverage[((row - gy) as usize * mask.width as usize)..][(x0 - gx) as usize..(x1 - gx) as usize];
            let start = (row as usize * width as usize + x0 as usize) * 4;
            let px = &mut data[start..start + m.len() * 4];
            for (p, &c) in px.chunks_exact_mut(4).zip(m) {
                if c == 0 {
                    continue;
                }
                let c = u32::from(c);
                let keep = 255 - div255(a * c);
                let over = |src: u32, dst: u8| (div255(src * c) + div255(u32::from(dst) * keep)).min(255) as u8;
                p[0] = over(r, p[0]);
                p[1] = over(g, p[1]);
                p[2] = over(b, p[2]);
                p[3] = over(a, p[3]);
            }
        }
    }
}

/// `v / 255`, rounded, for `v` up to 255².
fn div255(v: u32) -> u32 {
    let v = v + 128;
    (v + (v >> 8)) >> 8
}
