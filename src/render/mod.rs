//! The back end: a valid [`Journey`] drawn in each format asked for ([`render`]), and the
//! renderers it calls. The renderers draw a [`crate::layout::Layout`] and decide nothing
//! about where things go; [`render`] decides which layout each format is drawn from
//! (laid out once, the HTML page its own, headerless) and which maps are too large to
//! draw in which format.

/// `fn fonts(&Fonts) -> Arc<Database>` for a usvg version (PNG and PDF use two, whose
/// `Database` types differ): the fonts' files, and no system fonts, built once per font
/// set. The files are shared, not copied.
macro_rules! font_database {
    ($usvg:ident) => {
        fn fonts(fonts: &crate::text::Fonts) -> std::sync::Arc<$usvg::fontdb::Database> {
            use std::sync::{Arc, Mutex};
            static BUILT: Mutex<Vec<(u64, Arc<$usvg::fontdb::Database>)>> = Mutex::new(Vec::new());
            let mut built = BUILT.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            if let Some((_, db)) = built.iter().find(|(key, _)| *key == fonts.key()) {
                return Arc::clone(db);
            }
            let mut db = $usvg::fontdb::Database::new();
            for data in fonts.files() {
                db.load_font_source($usvg::fontdb::Source::Binary(Arc::new(data)));
            }
            db.set_sans_serif_family(fonts.families()[0].name());
            let db = Arc::new(db);
            built.push((fonts.key(), Arc::clone(&db)));
            db
        }
    };
}
pub(crate) use font_database;

pub mod html;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod png;
pub mod svg;
mod xml;

use std::cell::OnceCell;
use std::path::Path;
use std::sync::Arc;

use crate::diff::baseline::Baseline;
use crate::layout::{self, Page, Theme, limits};
use crate::model::Journey;
use crate::text::Fonts;

/// An output format of `journeymap render`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Svg,
    Png,
    /// Vector PDF with selectable text (built with the `pdf` feature).
    Pdf,
    /// One self-contained, interactive page that works offline.
    Html,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Svg, Format::Png, Format::Pdf, Format::Html];

    /// The name in the project file and on the command line; also the file extension.
    pub fn name(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::Html => "html",
        }
    }

    /// The extension of a file in this format (its [`name`](Format::name)).
    pub fn extension(self) -> &'static str {
        self.name()
    }

    /// The format a file name says, by its extension (any case; `.htm` too).
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "htm" => Some(Format::Html),
            other => Format::ALL.into_iter().find(|f| f.extension() == other),
        }
    }
}

/// The PNG scale (pixels per SVG unit) when nothing sets one.
pub const DEFAULT_SCALE: f32 = 2.0;
/// The largest PNG scale accepted, by [`render`], `render --scale` and the project file.
pub const MAX_SCALE: f32 = 16.0;

/// Whether `scale` is a PNG scale [`render`] accepts: above 0 and at most [`MAX_SCALE`].
/// (In `f64`, so that the project file's number is checked as written.)
pub fn valid_scale(scale: f64) -> bool {
    scale > 0.0 && scale <= f64::from(MAX_SCALE)
}

/// How [`render`] draws a map.
#[derive(Clone, Debug)]
pub struct RenderOptions {
    /// The outputs, in order; one [`Output`] each.
    pub formats: Vec<Format>,
    /// The layout of the SVG, PNG and PDF (the page, …). The HTML page is laid out with
    /// the same options, without the header (it shows the header itself).
    pub layout: layout::Options,
    /// Persona colours (the project file's `theme`).
    pub theme: Theme,
    /// PNG pixels per SVG unit, above 0 and at most [`MAX_SCALE`].
    pub scale: f32,
    /// The fonts text is measured and drawn with: the embedded ones, or with the
    /// project's own (`fonts:`) in front.
    pub fonts: Arc<Fonts>,
    /// What the map is drawn against (`render --baseline`): its baseline's curves, new
    /// steps and gone ones ([`crate::diff::baseline::compare`]).
    pub baseline: Option<Arc<Baseline>>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            formats: vec![Format::Svg],
            layout: layout::Options::default(),
            theme: Theme::default(),
            scale: DEFAULT_SCALE,
            fonts: Fonts::builtin(),
            baseline: None,
        }
    }
}

/// Why a format could not be drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum RenderError {
    /// The map is past the limits of this format ([`layout::limits`]).
    TooLarge(limits::TooLarge),
    /// The PNG would have more than [`png::MAX_PIXELS`] pixels.
    TooManyPixels { width: u64, height: u64 },
    /// A PNG scale that is not above 0 and at most [`MAX_SCALE`].
    BadScale(f32),
    /// PDF asked of a build without the `pdf` feature.
    NoPdf,
    /// A library drawing the format (resvg, krilla) failed; the message says how.
    Failed { format: Format, message: String },
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::TooLarge(why) => why.fmt(f),
            RenderError::TooManyPixels { width, height } => write!(
                f,
                "a {width} × {height} pixel image is too large to draw; use a smaller --scale, or --page a3 to wrap the map into bands"
            ),
            RenderError::BadScale(scale) => {
                write!(f, "the scale must be above 0 and at most {MAX_SCALE}, not {scale}")
            }
            RenderError::NoPdf => f.write_str("this journeymap was built without PDF output (the `pdf` cargo feature)"),
            RenderError::Failed { message, .. } => f.write_str(message),
        }
    }
}

impl std::error::Error for RenderError {}

/// One format of a map, drawn or refused.
#[derive(Clone, Debug)]
pub struct Output {
    pub format: Format,
    /// The file's bytes, or why there are none.
    pub result: Result<Vec<u8>, RenderError>,
}

/// What [`render`] drew: one [`Output`] per format asked for, in the order asked.
#[derive(Clone, Debug)]
pub struct Rendered {
    pub outputs: Vec<Output>,
}

impl Rendered {
    /// The first output in `format`, if it was asked for.
    pub fn get(&self, format: Format) -> Option<&Result<Vec<u8>, RenderError>> {
        self.outputs.iter().find(|o| o.format == format).map(|o| &o.result)
    }
}

impl IntoIterator for Rendered {
    type Item = Output;
    type IntoIter = std::vec::IntoIter<Output>;

    fn into_iter(self) -> Self::IntoIter {
        self.outputs.into_iter()
    }
}

/// Draws a valid map (`source` is its text, for the HTML page's line numbers) in each of
/// `options.formats`, in order; one format failing does not stop the others. The map is
/// laid out once, and only when a format needs it. A map too large for any drawing is
/// refused before any layout; one too large for PNG and PDF is still drawn as SVG and
/// HTML.
pub fn render(journey: &Journey, source: &str, options: &RenderOptions) -> Rendered {
    let output = |format, result| Output { format, result };
    if let Some(why) = limits::too_large(journey, false) {
        let outputs = options.formats.iter().map(|&f| output(f, Err(RenderError::TooLarge(why)))).collect();
        return Rendered { outputs };
    }
    if options.layout.view_of(journey) == crate::lanes::View::Opportunities {
        return render_matrix(&layout::matrix::matrix_input(journey), options);
    }
    let raster_refused = limits::too_large(journey, true).map(RenderError::TooLarge);
    let page = options.layout.page;
    let laid_out = OnceCell::new();
    let baseline = options.baseline.as_deref();
    let laid_out = || {
        laid_out
            .get_or_init(|| layout::layout_compared(journey, &options.layout, &options.theme, &options.fonts, baseline))
    };
    let svg = OnceCell::new();
    let svg = || svg.get_or_init(|| svg::render(laid_out(), page));
    let draw = |format| match (format, &raster_refused) {
        (Format::Png | Format::Pdf, Some(why)) => Err(why.clone()),
        (Format::Svg, _) => Ok(svg().as_bytes().to_vec()),
        (Format::Png, None) => {
            let scale = options.scale;
            if !valid_scale(f64::from(scale)) {
                return Err(RenderError::BadScale(scale));
            }
            png::check_size(laid_out().width, laid_out().height, scale)?;
            // Pixels per SVG unit on every page: the SVG's own size in millimetres
            // (A4/A3) would make the scale mean something else.
            png::png_of_layout(laid_out(), scale, &options.fonts)
        }
        (Format::Pdf, None) => pdf(laid_out(), page, &options.fonts),
        // The page shows the title, goal and legend itself, interactively.
        (Format::Html, _) => {
            Ok(html::html(journey, source, &options.layout, &options.theme, &options.fonts, baseline).into_bytes())
        }
    };
    Rendered { outputs: options.formats.iter().map(|&f| output(f, draw(f))).collect() }
}

#[cfg(feature = "pdf")]
fn pdf(laid_out: &layout::Layout, page: Page, fonts: &Fonts) -> Result<Vec<u8>, RenderError> {
    pdf::pdf(laid_out, page, fonts)
}

#[cfg(not(feature = "pdf"))]
fn pdf(_: &layout::Layout, _: Page, _: &Fonts) -> Result<Vec<u8>, RenderError> {
    Err(RenderError::NoPdf)
}

/// Draws the impact/effort matrix (`view opportunities`, [`layout::matrix`]) in each of
/// `options.formats`, in order: SVG, PNG and PDF from one layout, and HTML as a page
/// holding that SVG with its fonts, where hovering or focusing a point shows its
/// opportunity and step (the points' `<title>`s) and highlights it.
pub fn render_matrix(input: &layout::MatrixInput, options: &RenderOptions) -> Rendered {
    let page = options.layout.page;
    let laid_out = layout::layout_matrix(input, &options.fonts);
    let svg = svg::render(&laid_out, page);
    let draw = |format| match format {
        Format::Svg => Ok(svg.as_bytes().to_vec()),
        Format::Png => {
            let scale = options.scale;
            if !valid_scale(f64::from(scale)) {
                return Err(RenderError::BadScale(scale));
            }
            png::check_size(laid_out.width, laid_out.height, scale)?;
            png::png_of_layout(&laid_out, scale, &options.fonts)
        }
        Format::Pdf => pdf(&laid_out, page, &options.fonts),
        Format::Html => Ok(html::matrix_page(input, &laid_out, &options.fonts, false).into_bytes()),
    };
    Rendered { outputs: options.formats.iter().map(|&f| Output { format: f, result: draw(f) }).collect() }
}
