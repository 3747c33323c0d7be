//! SVG → PNG with resvg, drawing text with the embedded fonts only, so the image is the
//! same, byte for byte, on every machine.

use rayon::prelude::*;
use resvg::{tiny_skia, usvg};

use super::{Format, RenderError};
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
    if !super::valid_scale(f64::from(scale)) {
        return Err(RenderError::BadScale(scale));
    }
    std::panic::catch_unwind(|| draw(svg, scale, fonts))
        .unwrap_or_else(|_| Err(failed("the PNG rasteriser (resvg) failed on this map; SVG output still works".into())))
}

fn failed(message: String) -> RenderError {
    RenderError::Failed { format: Format::Png, message }
}

fn draw(svg: &str, scale: f32, fonts: &Fonts) -> Result<Vec<u8>, RenderError> {
    let options = usvg::Options { fontdb: self::fonts(fonts), resources_dir: None, ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| failed(format!("cannot read the SVG: {e}")))?;
    let size = tree.size();
    let (width, height) = ((size.width() * scale).ceil() as u32, (size.height() * scale).ceil() as u32);
    check_size(size.width(), size.height(), scale)?;
    let strip_rows = strip_rows(width);
    let count = height.div_ceil(strip_rows);
    let cull = cullable(&tree);
    let strips: Vec<Strip> = (0..count)
        .into_par_iter()
        // Each thread reuses its buffers: fresh ones for every strip cost page faults.
        .map_init(Buffers::default, |buffers, i| {
            let rows = (i * strip_rows)..height.min((i + 1) * strip_rows);
            strip(buffers, &tree, cull, scale, width, rows, i + 1 == count)
        })
        .collect::<Result<_, _>>()?;
    Ok(assemble(width, height, &strips))
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

/// Whether every top-level node has a bounding box, so that each can be drawn on its
/// own: resvg cannot draw a lone node of zero size (a horizontal line), only the whole
/// tree. Our SVG puts lines in groups (`svg.rs`); any other SVG is drawn whole.
fn cullable(tree: &usvg::Tree) -> bool {
    tree.root().children().iter().all(|node| node.abs_layer_bounding_box().is_some())
}

/// A thread's pixels and filtered scanlines, kept from one strip to the next.
#[derive(Default)]
struct Buffers {
    pixels: Vec<u8>,
    rgb: Vec<u8>,
    filtered: Vec<u8>,
}

/// One band of rows, filtered and deflated on its own.
struct Strip {
    /// Raw deflate data, ending with a sync flush (or the final block for the last strip).
    deflated: Vec<u8>,
    /// Adler-32 of the filtered bytes, and their length, to combine into the zlib trailer.
    adler: u32,
    len: u64,
}

/// Draws rows `rows` of the image on opaque white (node by node when `cull`, see
/// [`cullable`]) and deflates them as PNG scanlines.
///
/// Scanlines are 8-bit RGB: on white, alpha is 255 everywhere and premultiplied colours
/// are the colours. Each row is stored with the `Up` filter (rows of a map repeat their
/// neighbours), except a strip's first, which uses `Sub` so that it does not depend on a
/// row drawn by another task.
fn strip(
    buffers: &mut Buffers,
    tree: &usvg::Tree,
    cull: bool,
    scale: f32,
    width: u32,
    rows: std::ops::Range<u32>,
    last: bool,
) -> Result<Strip, RenderError> {
    let height = rows.end - rows.start;
    let Buffers { pixels, rgb, filtered } = buffers;
    pixels.clear();
    pixels.resize(width as usize * height as usize * 4, 255); // opaque white
    let mut pixmap = tiny_skia::PixmapMut::from_bytes(pixels, width, height)
        .ok_or_else(|| failed("cannot allocate the image".into()))?;
    let transform = tiny_skia::Transform::from_scale(scale, scale).post_translate(0.0, -(rows.start as f32));
    // Only what reaches the strip is drawn: every node handed to resvg is transformed
    // and bounded even when it lies outside, which for a strip of a wide map is almost
    // all of them (1,000 steps at scale 1: 58 s drawn whole per strip, 5 s culled).
    let (top, bottom) = (rows.start as f32 - 2.0, rows.end as f32 + 2.0);
    if cull {
        for node in tree.root().children() {
            let Some(bounds) = node.abs_layer_bounding_box() else { continue };
            if bounds.bottom() * scale < top || bounds.top() * scale > bottom {
                continue;
            }
            // render_node draws a node at its bounding box's origin; undo that shift.
            resvg::render_node(node, transform.pre_translate(bounds.x(), bounds.y()), &mut pixmap);
        }
    } else {
        resvg::render(tree, transform, &mut pixmap);
    }

    let stride = width as usize * 3;
    rgb.clear();
    rgb.extend(pixels.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]));
    filtered.clear();
    filtered.reserve((stride + 1) * height as usize);
    for (n, row) in rgb.chunks_exact(stride).enumerate() {
        if n == 0 {
            filtered.push(1); // Sub: each byte less the same colour of the pixel on its left
            filtered.extend_from_slice(&row[..3.min(stride)]);
            filtered.extend(row.iter().skip(3).zip(row).map(|(&b, &left)| b.wrapping_sub(left)));
        } else {
            filtered.push(2); // Up: each byte less the one above
            let up = &rgb[(n - 1) * stride..n * stride];
            filtered.extend(row.iter().zip(up).map(|(&b, &up)| b.wrapping_sub(up)));
        }
    }

    let filtered = &filtered[..];
    let mut adler = simd_adler32::Adler32::new();
    adler.write(filtered);
    let mut compress = flate2::Compress::new(flate2::Compression::new(LEVEL), false);
    let mut deflated = Vec::with_capacity(filtered.len() / 8 + 64);
    let flush = if last { flate2::FlushCompress::Finish } else { flate2::FlushCompress::Sync };
    loop {
        let consumed = compress.total_in() as usize;
        deflated.reserve(filtered.len() / 8 + 64);
        let status = compress
            .compress_vec(&filtered[consumed..], &mut deflated, flush)
            .map_err(|e| failed(format!("cannot compress the image: {e}")))?;
        let done = compress.total_in() as usize == filtered.len() && deflated.len() < deflated.capacity();
        if status == flate2::Status::StreamEnd || (!last && done) {
            break;
        }
    }
    Ok(Strip { deflated, adler: adler.finish(), len: filtered.len() as u64 })
}

/// Deflate level: 6 is zlib's default, the best size for the time on maps (large flat
/// areas and repeated rows).
const LEVEL: u32 = 6;

/// The PNG file: signature, header, one IDAT chunk holding the strips as one zlib
/// stream, end.
fn assemble(width: u32, height: u32, strips: &[Strip]) -> Vec<u8> {
    let mut zlib = Vec::with_capacity(strips.iter().map(|s| s.deflated.len()).sum::<usize>() + 6);
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

    /// Our maps take the fast path, each top-level node drawn only in the strips it
    /// reaches: flat curves and grid lines are wrapped in groups.
    #[test]
    fn maps_are_drawn_node_by_node() {
        for source in [include_str!("../../examples/home-insurance.journey"), &crate::generate::map(30)] {
            let journey = crate::compile(source.as_bytes()).journey.expect("a valid map");
            let page = crate::layout::Page::Auto;
            let svg = crate::render::svg::render(&crate::layout::layout(&journey, &Default::default()), page);
            let options = usvg::Options { fontdb: fonts(Fonts::get()), ..usvg::Options::default() };
            assert!(cullable(&usvg::Tree::from_str(&svg, &options).unwrap()));
        }
        let line = r#"<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><line x1="0" y1="4" x2="9" y2="4" stroke="black"/></svg>"#;
        assert!(!cullable(&usvg::Tree::from_str(line, &usvg::Options::default()).unwrap()));
    }

    /// Every character of every script the fonts cover is drawn with a real glyph,
    /// in the font the layout measured it in: none is the missing-glyph box (glyph 0).
    #[test]
    fn every_script_is_drawn_with_real_glyphs() {
        let source = include_str!("../../tests/maps/mixed-scripts.journey");
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
        let scale = 1.5;
        let encoded = png(svg, scale, Fonts::get()).unwrap();
        let decoder = ::png::Decoder::new(std::io::Cursor::new(&encoded));
        let mut reader = decoder.read_info().unwrap();
        let mut decoded = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut decoded).unwrap();
        assert_eq!((info.width, info.height, info.color_type), (450, 600, ::png::ColorType::Rgb));
        assert!(info.height > strip_rows(info.width), "the test covers more than one strip");

        let options = usvg::Options { fontdb: fonts(Fonts::get()), ..usvg::Options::default() };
        let tree = usvg::Tree::from_str(svg, &options).unwrap();
        let mut whole = tiny_skia::Pixmap::new(450, 600).unwrap();
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
