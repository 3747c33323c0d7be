//! SVG → PNG with resvg, drawing text with the embedded fonts only, so the image is the
//! same, byte for byte, on every machine.

mod glyphs;

use std::borrow::Cow;

use rayon::prelude::*;
use resvg::{tiny_skia, usvg};

use super::xml::num;
use super::{Format, RenderError, svg};
use crate::layout::{Layout, Page};
use crate::text::Fonts;

/// The largest image drawn, in pixels (about 1 GB of memory at 4 bytes a pixel).
pub const MAX_PIXELS: u64 = 250_000_000;

/// Refuses an image over [`MAX_PIXELS`]: a drawing `width` × `height` SVG units at
/// `scale`. Callers that know the size ask before building the SVG tree, which for a
/// large map costs more memory than the refusal saves.
pub fn check_size(width: f32, height: f32, scale: f32) -> Result<(), RenderError> {
    let (w, h) = ((width * scale).ceil() as u64, (height * scale).ceil() as u64);
    if w * h > MAX_PIXELS {
        return Err(RenderError::TooManyPixels { width: w, height: h });
    }
    Ok(())
}

/// Draws `svg` at `scale` pixels per SVG unit. A panic inside the rasteriser becomes an
/// error, never a crash.
pub fn png(svg: &str, scale: f32, fonts: &Fonts) -> Result<Vec<u8>, RenderError> {
    guarded(scale, || {
        let tree = usvg::Tree::from_str(svg, &options(fonts)).map_err(unreadable)?;
        let size = tree.size();
        draw((size.width(), size.height()), scale, |_| Ok(Cow::Borrowed(&tree)), u32::MAX)
    })
}

/// Draws a laid-out map (its `Page::Auto` drawing) at `scale`, as [`png`] draws its
/// SVG, byte for byte, but faster: the image is cut into windows of
/// [`WINDOW_ROWS`] rows, each read from an SVG document of only the items that
/// reach it ([`svg::render_window`]), so that reading the SVG, which shapes and outlines
/// every text, is shared out between the threads and starts drawing sooner.
pub fn png_of_layout(layout: &Layout, scale: f32, fonts: &Fonts) -> Result<Vec<u8>, RenderError> {
    guarded(scale, || {
        // The size the SVG document states, as usvg reads it.
        let size = |v: f32| num(v).parse::<f32>().unwrap_or(v);
        let window = |(top, bottom): (f32, f32)| {
            let svg = svg::render_window(layout, Page::Auto, top - WINDOW_MARGIN, bottom + WINDOW_MARGIN);
            usvg::Tree::from_str(&svg, &options(fonts)).map(Cow::Owned).map_err(unreadable)
        };
        let (width, _) = pixels_of((size(layout.width), size(layout.height)), scale);
        let window_strips = (WINDOW_ROWS / strip_rows(width)).max(1);
        draw((size(layout.width), size(layout.height)), scale, window, window_strips)
    })
}

fn guarded(scale: f32, f: impl FnOnce() -> Result<Vec<u8>, RenderError>) -> Result<Vec<u8>, RenderError> {
    if !super::valid_scale(f64::from(scale)) {
        return Err(RenderError::BadScale(scale));
    }
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .unwrap_or_else(|_| Err(failed("the PNG rasteriser (resvg) failed on this map; SVG output still works".into())))
}

fn options(fonts: &Fonts) -> usvg::Options<'static> {
    usvg::Options { fontdb: self::fonts(fonts), resources_dir: None, ..usvg::Options::default() }
}

fn unreadable(e: usvg::Error) -> RenderError {
    failed(format!("cannot read the SVG: {e}"))
}

fn failed(message: String) -> RenderError {
    RenderError::Failed { format: Format::Png, message }
}

/// Rows to a window, at most: the 50-step map at scale 2 (2,510 rows) is read in two
/// windows, one per core here. Smaller windows share the reading out more evenly but
/// read the style sheet, and the items that cross their edges, more often: eight
/// windows cost 10 % more instructions than one, two cost 1 %. The windows depend on the
/// image's size only, never on the number of cores.
const WINDOW_ROWS: u32 = 1280;

/// How far past its rows, in SVG units, a window's document reaches, besides the ink
/// margin each item's extent already has: anti-aliasing and a glyph's overhang.
const WINDOW_MARGIN: f32 = 8.0;

/// Draws an image of `size` SVG units at `scale` in strips. `window(top, bottom)` gives
/// a tree holding at least every item that reaches between `top` and `bottom`, in SVG
/// units; it is asked once for each run of `window_strips` strips.
fn draw<'t>(
    size: (f32, f32),
    scale: f32,
    window: impl Fn((f32, f32)) -> Result<Cow<'t, usvg::Tree>, RenderError> + Sync,
    window_strips: u32,
) -> Result<Vec<u8>, RenderError> {
    let (width, height) = pixels_of(size, scale);
    check_size(size.0, size.1, scale)?;
    let strip_rows = strip_rows(width);
    let count = height.div_ceil(strip_rows);
    let windows = count.div_ceil(window_strips.max(1));
    let glyphs = glyphs::Cache::default();
    let strips: Vec<Vec<Strip>> = (0..windows)
        .into_par_iter()
        .map(|w| {
            let first = w.saturating_mul(window_strips);
            let strips = first..count.min(first.saturating_add(window_strips));
            let rows = |i: u32| (i * strip_rows)..height.min((i + 1) * strip_rows);
            let units = (rows(strips.start).start as f32 / scale, rows(strips.end - 1).end as f32 / scale);
            let tree = window(units)?;
            let drawing = Drawing::new(&tree, scale, &glyphs);
            strips
                .into_par_iter()
                .map(|i| BUFFERS.with_borrow_mut(|buffers| strip(buffers, &drawing, width, rows(i), i + 1 == count)))
                .collect::<Result<Vec<_>, _>>()
        })
        .collect::<Result<_, _>>()?;
    Ok(assemble(width, height, strips.iter().flatten()))
}

/// The image's size in pixels: `size` SVG units at `scale`.
fn pixels_of(size: (f32, f32), scale: f32) -> (u32, u32) {
    ((size.0 * scale).ceil() as u32, (size.1 * scale).ceil() as u32)
}

/// Rows drawn and compressed together: each strip is one task for the thread pool and
/// one flushed segment of the deflate stream. About a million pixels (4 MB) a strip,
/// so memory stays bounded however wide the map is; 256 rows for an ordinary width
/// (taller strips mean fewer passes over the drawing). The height depends on the
/// image's width only, never on the number of cores, so the file is the same on every
/// machine.
fn strip_rows(width: u32) -> u32 {
    (STRIP_PIXELS / width.max(1)).clamp(8, 256)
}

const STRIP_PIXELS: u32 = 1 << 20;

/// The widest piece of a strip drawn at once: tiny-skia cuts anything wider into tiles
/// of this width itself, and then transforms and clips every path once per tile. A
/// strip is drawn tile by tile instead, at the same cuts, each tile getting only the
/// items that reach it.
const TILE_WIDTH: u32 = 8191;

/// The columns of each tile of a row `width` pixels wide.
fn tiles(width: u32) -> impl Iterator<Item = std::ops::Range<u32>> {
    (0..width.div_ceil(TILE_WIDTH)).map(move |t| t * TILE_WIDTH..width.min((t + 1) * TILE_WIDTH))
}

/// The tree as a list of what to draw, in order, each item with the pixels it reaches,
/// so that a tile draws only the items that reach it. Groups that are drawn straight
/// onto the canvas (no opacity, clip, mask or filter) are opened up; a path in plain
/// colours is stroked once here (dashed and outlined, which tiny-skia would otherwise
/// do again for every tile the path reaches), the rest is left to resvg.
struct Drawing<'a> {
    tree: &'a usvg::Tree,
    scale: f32,
    /// `None` when some node cannot be drawn on its own (see [`Drawing::add`]): then
    /// every tile draws the whole tree.
    items: Option<Vec<Item<'a>>>,
}

struct Item<'a> {
    /// The pixels it may touch, in the whole image, anti-aliasing included.
    reach: tiny_skia::Rect,
    /// The transform from the node's coordinates to the canvas.
    transform: tiny_skia::Transform,
    draw: Draw<'a>,
}

enum Draw<'a> {
    Path {
        data: &'a tiny_skia::Path,
        fill: Option<(tiny_skia::Color, tiny_skia::FillRule)>,
        /// The stroke's outline, to be filled.
        stroke: Option<(tiny_skia::Color, tiny_skia::Path)>,
        fill_first: bool,
        anti_alias: bool,
    },
    /// A plain text's glyphs, from the cache of masks.
    Glyphs(Vec<glyphs::Placed>),
    /// Drawn by resvg, which draws a node at its bounding box's origin.
    Node { node: &'a usvg::Node, origin: (f32, f32) },
}

impl<'a> Drawing<'a> {
    fn new(tree: &'a usvg::Tree, scale: f32, glyphs: &glyphs::Cache) -> Self {
        let mut items = Vec::new();
        let ok = Self::add(tree.root(), tiny_skia::Transform::identity(), scale, &mut items);
        // Plain texts, the bulk of the work, are made into glyphs on all threads.
        items.par_iter_mut().for_each(|item| {
            if let Draw::Node { node: usvg::Node::Text(text), .. } = item.draw {
                let transform = item.transform.post_scale(scale, scale);
                if let Some(placed) = glyphs.place(text, transform, tree.fontdb()) {
                    item.draw = Draw::Glyphs(placed);
                }
            }
        });
        Drawing { tree, scale, items: ok.then_some(items) }
    }

    /// Adds `group`'s children, drawn with `transform`; false if one cannot be drawn on
    /// its own: resvg cannot draw a lone node of zero size (a horizontal line), only the
    /// whole tree. Our SVG puts lines in groups (`svg.rs`).
    fn add(group: &'a usvg::Group, transform: tiny_skia::Transform, scale: f32, items: &mut Vec<Item<'a>>) -> bool {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) if !g.should_isolate() => {
                    let mut inner = Vec::new();
                    if Self::add(g, transform.pre_concat(g.transform()), scale, &mut inner) {
                        items.append(&mut inner);
                        continue;
                    }
                }
                usvg::Node::Path(path) => {
                    if !path.is_visible() {
                        continue;
                    }
                    if let Some(draw) = plain_path(path, transform.post_scale(scale, scale)) {
                        let reach = if path.stroke().is_some() {
                            path.abs_stroke_bounding_box()
                        } else {
                            path.abs_bounding_box()
                        };
                        items.push(Item { reach: pixels(reach, scale), transform, draw });
                        continue;
                    }
                }
                _ => {}
            }
            let Some(bounds) = node.abs_layer_bounding_box() else { return false };
            // A group's layer box holds its strokes; a text's outlines may reach past it.
            let (b, s) = (bounds.to_rect(), node.abs_stroke_bounding_box());
            let reach = usvg::Rect::from_ltrb(
                b.left().min(s.left()),
                b.top().min(s.top()),
                b.right().max(s.right()),
                b.bottom().max(s.bottom()),
            )
            .unwrap_or(b);
            let origin = (bounds.x(), bounds.y());
            items.push(Item { reach: pixels(reach, scale), transform, draw: Draw::Node { node, origin } });
        }
        true
    }

    /// Draws the tile of the image whose top left corner is pixel `(x, y)`.
    fn tile(&self, x: u32, y: u32, pixmap: &mut tiny_skia::PixmapMut) {
        let transform =
            tiny_skia::Transform::from_scale(self.scale, self.scale).post_translate(-(x as f32), -(y as f32));
        let Some(items) = &self.items else {
            resvg::render(self.tree, transform, pixmap);
            return;
        };
        let (left, top) = (x as f32, y as f32);
        let (right, bottom) = (left + pixmap.width() as f32, top + pixmap.height() as f32);
        for item in items {
            let r = item.reach;
            if r.right() < left || r.left() > right || r.bottom() < top || r.top() > bottom {
                continue;
            }
            let transform = transform.pre_concat(item.transform);
            match &item.draw {
                Draw::Path { data, fill, stroke, fill_first, anti_alias } => {
                    let paint = |color: tiny_skia::Color| {
                        let mut paint = tiny_skia::Paint { anti_alias: *anti_alias, ..tiny_skia::Paint::default() };
                        paint.set_color(color);
                        paint
                    };
                    let fill = |pixmap: &mut tiny_skia::PixmapMut| {
                        if let Some((color, rule)) = fill {
                            pixmap.fill_path(data, &paint(*color), *rule, transform, None);
                        }
                    };
                    let stroke = |pixmap: &mut tiny_skia::PixmapMut| {
                        if let Some((color, outline)) = stroke {
                            pixmap.fill_path(outline, &paint(*color), tiny_skia::FillRule::Winding, transform, None);
                        }
                    };
                    if *fill_first {
                        fill(pixmap);
                        stroke(pixmap);
                    } else {
                        stroke(pixmap);
                        fill(pixmap);
                    }
                }
                Draw::Glyphs(placed) => glyphs::draw(placed, x, y, pixmap),
                Draw::Node { node, origin } => {
                    resvg::render_node(node, transform.pre_translate(origin.0, origin.1), pixmap);
                }
            }
        }
    }
}

/// A box in canvas units as pixels at `scale`, grown by 2 pixels for anti-aliasing.
fn pixels(r: usvg::Rect, scale: f32) -> tiny_skia::Rect {
    let grown = tiny_skia::Rect::from_ltrb(
        r.left() * scale - 2.0,
        r.top() * scale - 2.0,
        r.right() * scale + 2.0,
        r.bottom() * scale + 2.0,
    );
    grown.unwrap_or(tiny_skia::Rect::from_ltrb(-1e30, -1e30, 1e30, 1e30).expect("a box"))
}

/// A path filled and stroked with plain colours, as resvg draws it (`resvg::path`), its
/// stroke dashed and outlined the way tiny-skia does on every call to `stroke_path`;
/// `None` for anything else (gradients, patterns, a stroke thin enough for tiny-skia to
/// draw as a hairline), which resvg draws.
fn plain_path(path: &usvg::Path, transform: tiny_skia::Transform) -> Option<Draw<'_>> {
    let data = path.data();
    let anti_alias = path.rendering_mode().use_shape_antialiasing();
    let color = |paint: &usvg::Paint, opacity: usvg::Opacity| match paint {
        usvg::Paint::Color(c) => Some(tiny_skia::Color::from_rgba8(c.red, c.green, c.blue, opacity.to_u8())),
        _ => None,
    };
    let fill = match path.fill() {
        // resvg does not fill a horizontal or vertical line.
        Some(_) if data.bounds().width() == 0.0 || data.bounds().height() == 0.0 => None,
        Some(fill) => {
            let rule = match fill.rule() {
                usvg::FillRule::NonZero => tiny_skia::FillRule::Winding,
                usvg::FillRule::EvenOdd => tiny_skia::FillRule::EvenOdd,
            };
            Some((color(fill.paint(), fill.opacity())?, rule))
        }
        None => None,
    };
    let stroke = match path.stroke() {
        Some(stroke) => {
            let color = color(stroke.paint(), stroke.opacity())?;
            let stroke = stroke.to_tiny_skia();
            if !anti_alias || hairline(&stroke, transform) {
                return None;
            }
            let res_scale = tiny_skia::PathStroker::compute_resolution_scale(&transform);
            let dashed;
            let data = match &stroke.dash {
                Some(dash) => {
                    dashed = data.dash(dash, res_scale)?;
                    &dashed
                }
                None => data,
            };
            Some((color, data.stroke(&stroke, res_scale)?))
        }
        None => None,
    };
    let fill_first = path.paint_order() == usvg::PaintOrder::FillAndStroke;
    Some(Draw::Path { data, fill, stroke, fill_first, anti_alias })
}

/// Whether tiny-skia draws `stroke` as a hairline rather than filling its outline
/// (tiny-skia's `treat_as_hairline`, for an anti-aliased paint).
fn hairline(stroke: &tiny_skia::Stroke, mut transform: tiny_skia::Transform) -> bool {
    if stroke.width == 0.0 {
        return true;
    }
    transform.tx = 0.0;
    transform.ty = 0.0;
    let mut points = [tiny_skia::Point::from_xy(stroke.width, 0.0), tiny_skia::Point::from_xy(0.0, stroke.width)];
    transform.map_points(&mut points);
    let fast_len = |p: tiny_skia::Point| {
        let (x, y) = (p.x.abs(), p.y.abs());
        let (x, y) = if x < y { (y, x) } else { (x, y) };
        x + y * 0.5
    };
    fast_len(points[0]) <= 1.0 && fast_len(points[1]) <= 1.0
}

thread_local! {
    /// Each thread's buffers, kept from one strip and one image to the next: fresh ones
    /// cost a page fault every 4 KB.
    static BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::default();
}

/// A thread's pixels, filtered scanlines and deflate output, kept from one strip to
/// the next.
#[derive(Default)]
struct Buffers {
    pixels: Vec<u8>,
    filtered: Vec<u8>,
    deflated: Vec<u8>,
}

/// One band of rows, filtered and deflated on its own.
struct Strip {
    /// Raw deflate data, ending with a sync flush (or the final block for the last strip).
    deflated: Vec<u8>,
    /// Adler-32 of the filtered bytes, and their length, to combine into the zlib trailer.
    adler: u32,
    len: u64,
}

/// Draws rows `rows` of the image on opaque white, tile by tile, and deflates them as
/// PNG scanlines.
///
/// Scanlines are 8-bit RGB: on white, alpha is 255 everywhere and premultiplied colours
/// are the colours. Each row is stored with the `Up` filter (rows of a map repeat their
/// neighbours), except a strip's first, which uses `Sub` so that it does not depend on a
/// row drawn by another task.
fn strip(
    buffers: &mut Buffers,
    drawing: &Drawing,
    width: u32,
    rows: std::ops::Range<u32>,
    last: bool,
) -> Result<Strip, RenderError> {
    let height = (rows.end - rows.start) as usize;
    let Buffers { pixels, filtered, deflated } = buffers;
    pixels.clear();
    pixels.resize(width as usize * height * 4, 255); // opaque white
    // The tiles one after the other, each `columns × height` pixels.
    let mut rest = &mut pixels[..];
    for columns in tiles(width) {
        let (tile, more) = rest.split_at_mut(columns.len() * height * 4);
        rest = more;
        let mut pixmap = tiny_skia::PixmapMut::from_bytes(tile, columns.len() as u32, height as u32)
            .ok_or_else(|| failed("cannot allocate the image".into()))?;
        drawing.tile(columns.start, rows.start, &mut pixmap);
    }

    // Packed to RGB row by row, each behind its filter-type byte; then, from the last row
    // up, each row less the row above it (`Up`), which the compiler vectorises.
    let stride = width as usize * 3;
    let len = (stride + 1) * height;
    if filtered.len() != len {
        filtered.resize(len, 0); // every byte is written below
    }
    for (n, line) in filtered.chunks_exact_mut(stride + 1).enumerate() {
        let mut tile_start = 0;
        for columns in tiles(width) {
            let row_bytes = columns.len() * 4;
            let tile = &pixels[tile_start..tile_start + row_bytes * height];
            tile_start += row_bytes * height;
            rgb(
                &tile[n * row_bytes..(n + 1) * row_bytes],
                &mut line[1 + columns.start as usize * 3..][..columns.len() * 3],
            );
        }
    }
    for n in (1..height).rev() {
        let (above, line) = filtered.split_at_mut(n * (stride + 1));
        let above = &above[(n - 1) * (stride + 1) + 1..];
        line[0] = 2; // Up: each byte less the one above
        for (b, up) in line[1..=stride].iter_mut().zip(above) {
            *b = b.wrapping_sub(*up);
        }
    }
    // A strip's first row uses `Sub`, so that it does not depend on a row drawn by
    // another task: each byte less the same colour of the pixel on its left.
    if height > 0 {
        filtered[0] = 1;
        for i in (4..=stride).rev() {
            filtered[i] = filtered[i].wrapping_sub(filtered[i - 3]);
        }
    }

    let filtered = &filtered[..];
    let mut adler = simd_adler32::Adler32::new();
    adler.write(filtered);
    let config = zlib_rs::DeflateConfig { level: LEVEL, window_bits: -15, ..zlib_rs::DeflateConfig::default() };
    let mut compress = zlib_rs::Deflate::new_with_config(config);
    deflated.resize(zlib_rs::compress_bound(filtered.len()), 0);
    let flush = if last { zlib_rs::DeflateFlush::Finish } else { zlib_rs::DeflateFlush::SyncFlush };
    let status = compress
        .compress(filtered, deflated, flush)
        .map_err(|e| failed(format!("cannot compress the image: {}", e.as_str())))?;
    // The output has room for the worst case, so one call takes all the input.
    if compress.total_in() != filtered.len() as u64 || (last && status != zlib_rs::Status::StreamEnd) {
        return Err(failed("cannot compress the image: the output buffer is too small".into()));
    }
    let deflated = deflated[..compress.total_out() as usize].to_vec();
    Ok(Strip { deflated, adler: adler.finish(), len: filtered.len() as u64 })
}

/// Packs RGBA pixels as RGB, four at a time: three words from four.
fn rgb(rgba: &[u8], rgb: &mut [u8]) {
    let mut quads = rgba.chunks_exact(16);
    let mut out = rgb.chunks_exact_mut(12);
    let word = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    for (quad, out) in (&mut quads).zip(&mut out) {
        let (p0, p1, p2, p3) = (word(&quad[0..4]), word(&quad[4..8]), word(&quad[8..12]), word(&quad[12..16]));
        let w0 = (p0 & 0xff_ffff) | (p1 << 24);
        let w1 = ((p1 >> 8) & 0xffff) | (p2 << 16);
        let w2 = ((p2 >> 16) & 0xff) | (p3 << 8);
        out[0..4].copy_from_slice(&w0.to_le_bytes());
        out[4..8].copy_from_slice(&w1.to_le_bytes());
        out[8..12].copy_from_slice(&w2.to_le_bytes());
    }
    for (out, pixel) in out.into_remainder().chunks_exact_mut(3).zip(quads.remainder().chunks_exact(4)) {
        out.copy_from_slice(&pixel[..3]);
    }
}

/// Deflate level: 2, zlib-rs's `deflate_fast` (greedy matching, short hash chains).
/// Filtered map rows are mostly zeros in long runs, which it finds as well as level 6
/// does: on the 50-step map at scale 2 the file is 8 % larger (1.19 MB against 1.10 MB)
/// and deflating takes half the instructions. Level 1 (`deflate_quick`, fixed Huffman
/// codes) doubles the file, the `Rle` strategy nearly quadruples it.
const LEVEL: i32 = 2;

/// The PNG file: signature, header, one IDAT chunk holding the strips as one zlib
/// stream, end.
fn assemble<'s>(width: u32, height: u32, strips: impl Iterator<Item = &'s Strip> + Clone) -> Vec<u8> {
    let mut zlib = Vec::with_capacity(strips.clone().map(|s| s.deflated.len()).sum::<usize>() + 6);
    zlib.extend_from_slice(&[0x78, 0x9c]);
    let mut adler = 1u32;
    for s in strips {
        zlib.extend_from_slice(&s.deflated);
        adler = adler32_combine(adler, s.adler, s.len);
    }
    zlib.extend_from_slice(&adler.to_be_bytes());

    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB, deflate, adaptive filters, no interlace

    let mut out = Vec::with_capacity(zlib.len() + 64);
    out.extend_from_slice(b"\x89PNG\r\n\x1a\n");
    chunk(&mut out, b"IHDR", &header);
    for part in zlib.chunks(1 << 30) {
        chunk(&mut out, b"IDAT", part);
    }
    chunk(&mut out, b"IEND", &[]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(data);
    out.extend_from_slice(&crc.finalize().to_be_bytes());
}

/// The Adler-32 of two byte strings joined, from the checksum of each and the second's
/// length (zlib's `adler32_combine`).
fn adler32_combine(first: u32, second: u32, second_len: u64) -> u32 {
    const BASE: u64 = 65521;
    let rem = second_len % BASE;
    let (a1, b1) = (u64::from(first & 0xffff), u64::from(first >> 16));
    let (a2, b2) = (u64::from(second & 0xffff), u64::from(second >> 16));
    let a = (a1 + a2 + BASE - 1) % BASE;
    let b = (rem * a1 % BASE + b1 + b2 + BASE - rem) % BASE;
    ((b << 16) | a) as u32
}

super::font_database!(usvg);

#[cfg(test)]
mod tests {
    use super::*;

    /// Our maps take the fast path: each top-level node drawn only in the strips it
    /// reaches (flat curves and grid lines are wrapped in groups), and every text but
    /// those with emoji drawn from glyph masks.
    #[test]
    fn maps_are_drawn_node_by_node_and_text_from_masks() {
        for source in [include_str!("../../../examples/home-insurance.journey"), &crate::generate::map(30)] {
            let journey = crate::compile(source.as_bytes()).journey.expect("a valid map");
            let page = crate::layout::Page::Auto;
            let svg = crate::render::svg::render(&crate::layout::layout(&journey, &Default::default()), page);
            let options = usvg::Options { fontdb: fonts(Fonts::get()), ..usvg::Options::default() };
            let tree = usvg::Tree::from_str(&svg, &options).unwrap();
            let items = Drawing::new(&tree, 2.0, &Default::default()).items.expect("drawn item by item");
            let glyphs = items.iter().filter(|i| matches!(i.draw, Draw::Glyphs(_))).count();
            let nodes = items.iter().filter(|i| matches!(i.draw, Draw::Node { .. })).count();
            assert!(glyphs > 100, "{glyphs} texts drawn from masks");
            assert_eq!(nodes, 0, "every text is plain");
        }
        let line = r#"<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><line x1="0" y1="4" x2="9" y2="4" stroke="black"/></svg>"#;
        let tree = usvg::Tree::from_str(line, &usvg::Options::default()).unwrap();
        assert!(Drawing::new(&tree, 1.0, &Default::default()).items.is_none());
    }

    /// A map drawn in windows, each read from the SVG of only the items that reach it,
    /// is the map drawn from its whole SVG, byte for byte: no item reaches past the
    /// extent the window goes by. One strip to a window, the most edges there can be.
    #[test]
    fn windows_draw_what_the_whole_drawing_draws() {
        let maps = [
            include_str!("../../../examples/home-insurance.journey"),
            include_str!("../../../examples/bredbaand-blueprint.journey"),
            include_str!("../../../tests/maps/mixed-scripts.journey"),
            include_str!("../../../tests/maps/twelve-personas.journey"),
            include_str!("../../../tests/maps/long-notes-de.journey"),
        ];
        for source in maps {
            let journey = crate::compile(source.as_bytes()).journey.expect("a valid map");
            let layout = crate::layout::layout(&journey, &Default::default());
            let whole = png(&svg::render(&layout, Page::Auto), 1.0, Fonts::get()).unwrap();
            let size = |v: f32| num(v).parse::<f32>().unwrap();
            let window = |(top, bottom): (f32, f32)| {
                let svg = svg::render_window(&layout, Page::Auto, top - WINDOW_MARGIN, bottom + WINDOW_MARGIN);
                usvg::Tree::from_str(&svg, &options(Fonts::get())).map(Cow::Owned).map_err(unreadable)
            };
            let windowed = draw((size(layout.width), size(layout.height)), 1.0, window, 1).unwrap();
            assert!(windowed == whole, "{}: drawn in windows, the map differs", layout.title);
        }
    }

    /// Every character of every script the fonts cover is drawn with a real glyph,
    /// in the font the layout measured it in: none is the missing-glyph box (glyph 0).
    #[test]
    fn every_script_is_drawn_with_real_glyphs() {
        let source = include_str!("../../../tests/maps/mixed-scripts.journey");
        let journey = crate::compile(source.as_bytes()).journey.expect("a valid map");
        let page = crate::layout::Page::Auto;
        let svg = crate::render::svg::render(&crate::layout::layout(&journey, &Default::default()), page);
        let options = usvg::Options { fontdb: fonts(Fonts::get()), ..usvg::Options::default() };
        let tree = usvg::Tree::from_str(&svg, &options).unwrap();
        let mut glyphs = Vec::new();
        collect_glyphs(tree.root(), &mut glyphs);
        assert!(glyphs.len() > 400, "{}", glyphs.len());
        let missing: Vec<&String> = glyphs.iter().filter(|(id, _)| *id == 0).map(|(_, text)| text).collect();
        assert!(missing.is_empty(), "drawn as boxes: {missing:?}");
        for family in
            ["Noto Sans Arabic", "Noto Sans Devanagari", "Noto Sans Thai", "Droid Sans Fallback", "NanumGothic"]
        {
            assert!(svg.contains(&format!("'{family}'")), "{family} is named for its runs");
        }
    }

    fn collect_glyphs(group: &usvg::Group, out: &mut Vec<(u32, String)>) {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => collect_glyphs(g, out),
                usvg::Node::Text(t) => {
                    for span in t.layouted() {
                        out.extend(span.positioned_glyphs.iter().map(|g| (g.id.0, g.text.clone())));
                    }
                }
                _ => {}
            }
        }
    }

    #[test]
    fn adler32_combines_like_one_pass() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
        let whole = simd_adler32::adler32(&data.as_slice());
        for cut in [0, 1, 65_520, 65_521, 100_000, 199_999, 200_000] {
            let (a, b) = data.split_at(cut);
            let combined = adler32_combine(simd_adler32::adler32(&a), simd_adler32::adler32(&b), b.len() as u64);
            assert_eq!(combined, whole, "cut at {cut}");
        }
    }

    /// The strips, decoded, are the picture resvg draws in one piece.
    #[test]
    fn strips_decode_to_the_whole_picture() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="400">
            <circle cx="150" cy="160" r="60" fill="#0072b2"/><path d="M0 0 L300 170" stroke="#d55e00" stroke-width="3"/>
            <text x="10" y="130" font-family="Liberation Sans" font-size="20">Strips æøå</text></svg>"##;
        assert_like_one_piece(svg, 1.5, (450, 600));
    }

    /// Wider than a tile (8191 pixels), with dashed strokes outlined once and a text
    /// across the cut between two tiles.
    #[test]
    fn wide_strips_decode_to_the_whole_picture() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="4400" height="120">
            <g><path d="M10 20 L4000 100 L4390 30" fill="none" stroke="#d55e00" stroke-width="2.5"
              stroke-linecap="round" stroke-linejoin="round" stroke-dasharray="7 4"/></g>
            <rect x="4000" y="10" width="190" height="100" fill="#fff1f1" stroke="#e8a3a3" stroke-dasharray="6 4"/>
            <text x="4040" y="60" font-family="Liberation Sans" font-size="20">Tiles æøå</text></svg>"##;
        assert_like_one_piece(svg, 2.0, (8800, 240));
    }

    fn assert_like_one_piece(svg: &str, scale: f32, size: (u32, u32)) {
        let encoded = png(svg, scale, Fonts::get()).unwrap();
        let decoder = ::png::Decoder::new(std::io::Cursor::new(&encoded));
        let mut reader = decoder.read_info().unwrap();
        let mut decoded = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut decoded).unwrap();
        assert_eq!((info.width, info.height, info.color_type), (size.0, size.1, ::png::ColorType::Rgb));
        assert!(info.height > strip_rows(info.width), "the test covers more than one strip");

        let options = usvg::Options { fontdb: fonts(Fonts::get()), ..usvg::Options::default() };
        let tree = usvg::Tree::from_str(svg, &options).unwrap();
        let mut whole = tiny_skia::Pixmap::new(size.0, size.1).unwrap();
        whole.fill(tiny_skia::Color::WHITE);
        resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut whole.as_mut());
        let expected: Vec<u8> = whole.data().chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
        // Drawn in strips, a path cut by a strip's edge is anti-aliased a little
        // differently (tiny-skia clips before it supersamples): edge pixels may shift by a
        // few levels, nothing else may change.
        let differing: Vec<u8> = decoded[..info.buffer_size()]
            .iter()
            .zip(&expected)
            .map(|(a, b)| a.abs_diff(*b))
            .filter(|&d| d > 0)
            .collect();
        assert!(differing.len() < expected.len() / 200, "{} of {} bytes differ", differing.len(), expected.len());
        assert!(differing.iter().all(|&d| d <= 72), "an edge moved by more than anti-aliasing: {differing:?}");
    }
}
