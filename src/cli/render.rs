//! `journeymap render`: a map to SVG, PNG, PDF and HTML (several formats in one call).

use std::path::{Path, PathBuf};

use journeymap::config;
use journeymap::layout::{self, Page, Theme};
use journeymap::render;

use super::project::Project;
use super::{Outcome, input, output};

#[derive(Clone, clap::Args)]
pub struct Args {
    /// The map, or `-` for standard input. Several maps, or directories (searched for
    /// `*.journey`), are rendered in parallel, each into OUT as a directory.
    #[arg(required = true, value_name = "MAP")]
    pub(super) maps: Vec<PathBuf>,
    /// Where to write: default beside the map with each format's extension (for
    /// standard input: standard output); `-` for standard output. With several formats,
    /// the extension of OUT is replaced by each format's. For several maps, a
    /// directory where the tree of the maps is mirrored.
    #[arg(short, long, value_name = "OUT")]
    pub(super) output: Option<PathBuf>,
    /// Output formats, comma-separated (`svg,png`). Default: from the extension of
    /// OUT, else the project file's `render.formats`, else svg.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "FORMAT")]
    pub(super) format: Vec<Format>,
    /// Page size: `auto` sizes to the content; `a4` and `a3` are landscape, and a map
    /// too wide for them is wrapped into bands of phases. Default: the project file's
    /// `render.page`, else auto.
    #[arg(long, value_enum)]
    pub(super) page: Option<PageArg>,
    /// PNG pixels per SVG unit: 2 gives crisp print. Default: the project file's
    /// `render.scale`, else 2.
    #[arg(long)]
    pub(super) scale: Option<f32>,
    /// With several maps: render them all, even those whose outputs are newer than the
    /// map and were made by this version with these options.
    #[arg(long)]
    pub(super) force: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, clap::ValueEnum)]
pub(super) enum Format {
    Svg,
    Png,
    /// Vector PDF with selectable text (built with the `pdf` feature).
    Pdf,
    /// One self-contained, interactive page that works offline.
    Html,
}

impl Format {
    pub(super) fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::Html => "html",
        }
    }

    fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            "pdf" => Some(Format::Pdf),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, clap::ValueEnum)]
pub(super) enum PageArg {
    Auto,
    A4,
    A3,
}

pub fn run(args: Args) -> Outcome {
    if let Some(scale) = args.scale
        && !(scale > 0.0 && scale <= 16.0)
    {
        output::eprint_error(&format!("--scale must be above 0 and at most 16, not {scale}"));
        return Outcome::Usage;
    }
    if super::batch::is_batch(&args) {
        return super::batch::run(args);
    }
    let map = args.maps[0].clone();
    let (source, compiled, project) = match input::compile_in_project(&map) {
        Ok(c) => c,
        Err(outcome) => return outcome,
    };
    let settings = match Settings::new(&args, &project, false) {
        Ok(s) => s,
        Err(e) => {
            output::eprint_error(&e);
            return Outcome::Usage;
        }
    };
    let targets = match targets(&args, &source, &settings.formats, &project) {
        Ok(t) => t,
        Err(e) => {
            output::eprint_error(&e);
            return Outcome::Usage;
        }
    };
    // Never overwrite the map with its own drawing.
    if let Some(clash) = targets.iter().flatten().find(|t| same_file(t, &map)) {
        output::eprint_error(&format!("`{}` is the map itself; name another output with -o", clash.display()));
        return Outcome::Usage;
    }
    let Some(journey) = &compiled.journey else { return Outcome::Problems };
    let drawings = draw(journey, &compiled.source, &settings, &project.config.theme);
    let mut outcome = Outcome::Clean;
    for (bytes, target) in drawings.into_iter().zip(&targets) {
        // The project's out-dir is made as needed; a directory named with -o must exist.
        if args.output.is_none()
            && let Some(dir) = target.as_deref().and_then(Path::parent).filter(|d| !d.as_os_str().is_empty())
            && let Err(e) = std::fs::create_dir_all(dir)
        {
            output::eprint_error(&format!("cannot create `{}`: {e}", dir.display()));
            return Outcome::Usage;
        }
        let result = match bytes {
            Ok(bytes) => output::emit(target.as_deref(), &bytes),
            Err(e) => {
                output::eprint_error(&e);
                Outcome::Problems
            }
        };
        outcome = outcome.max(result);
    }
    outcome
}

/// What a render uses: each from the flags, else the project file, else the default.
#[derive(Clone, Debug)]
pub(super) struct Settings {
    pub formats: Vec<Format>,
    pub page: Page,
    pub scale: f32,
}

impl Settings {
    /// `out_is_dir`: OUT names a directory (several maps), so its extension says
    /// nothing about the format.
    pub fn new(args: &Args, project: &Project, out_is_dir: bool) -> Result<Settings, String> {
        let defaults = project.render_defaults();
        let from_project = || {
            defaults.formats.as_ref().map(|formats| {
                formats
                    .iter()
                    .map(|f| match f {
                        config::Format::Svg => Format::Svg,
                        config::Format::Png => Format::Png,
                        config::Format::Pdf => Format::Pdf,
                        config::Format::Html => Format::Html,
                    })
                    .collect::<Vec<_>>()
            })
        };
        let formats = match (&args.output, out_is_dir) {
            _ if !args.format.is_empty() => formats(args)?,
            (Some(out), false) if out.as_os_str() != "-" => formats(args)?,
            _ => from_project().filter(|f| !f.is_empty()).unwrap_or_else(|| vec![Format::Svg]),
        };
        Ok(Settings {
            formats,
            page: args.page.map(Page::from).or(defaults.page).unwrap_or(Page::Auto),
            scale: args.scale.or(defaults.scale).unwrap_or(2.0),
        })
    }
}

impl From<PageArg> for Page {
    fn from(page: PageArg) -> Page {
        match page {
            PageArg::Auto => Page::Auto,
            PageArg::A4 => Page::A4,
            PageArg::A3 => Page::A3,
        }
    }
}

/// A valid map drawn in each of the settings' formats, laid out once.
pub(super) fn draw(
    journey: &journeymap::model::Journey,
    source: &str,
    settings: &Settings,
    theme: &Theme,
) -> Vec<Result<Vec<u8>, String>> {
    let (page, scale) = (settings.page, settings.scale);
    // Too large to draw at all, or only as PNG and PDF: refused before any layout.
    if let Some(why) = layout::limits::too_large(journey, false) {
        return settings.formats.iter().map(|_| Err(why.clone())).collect();
    }
    let raster_refused = layout::limits::too_large(journey, true);
    // Laid out once, and only when a format needs it (HTML has its own, headerless).
    let laid_out = std::cell::OnceCell::new();
    let laid_out = || {
        laid_out.get_or_init(|| layout::layout_themed(journey, &layout::Options { page, ..Default::default() }, theme))
    };
    let svg = std::cell::OnceCell::new();
    let svg = || svg.get_or_init(|| render::svg::render(laid_out(), page));
    settings
        .formats
        .iter()
        .map(|format| match format {
            Format::Png | Format::Pdf if raster_refused.is_some() => Err(raster_refused.clone().unwrap_or_default()),
            Format::Svg => Ok(svg().as_bytes().to_vec()),
            Format::Png => render::png::check_size(laid_out().width, laid_out().height, scale).and_then(|()| {
                match page {
                    Page::Auto => render::png::png(svg(), scale),
                    // Pixels per SVG unit on every page: the SVG's own size in
                    // millimetres (A4/A3) would make --scale mean something else.
                    _ => render::png::png(&render::svg::render(laid_out(), Page::Auto), scale),
                }
            }),
            Format::Pdf => pdf(laid_out(), page),
            Format::Html => {
                // The page shows the title, goal and legend itself, interactively.
                let bare = layout::layout_themed(
                    journey,
                    &layout::Options { page, no_header: true, ..Default::default() },
                    theme,
                );
                let svg = render::svg::render(&bare, page);
                Ok(render::html::html(journey, source, &bare, &svg, page).into_bytes())
            }
        })
        .collect()
}

#[cfg(feature = "pdf")]
fn pdf(laid_out: &layout::Layout, page: Page) -> Result<Vec<u8>, String> {
    render::pdf::pdf(laid_out, page)
}

#[cfg(not(feature = "pdf"))]
fn pdf(_: &layout::Layout, _: Page) -> Result<Vec<u8>, String> {
    Err("this journeymap was built without PDF output (the `pdf` cargo feature)".into())
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// The formats asked for: `--format`, else the extension of `-o`, else SVG.
pub(super) fn formats(args: &Args) -> Result<Vec<Format>, String> {
    if !args.format.is_empty() {
        let mut formats = Vec::new();
        for &f in &args.format {
            if !formats.contains(&f) {
                formats.push(f);
            }
        }
        return Ok(formats);
    }
    match &args.output {
        Some(out) if out.as_os_str() != "-" => Format::from_path(out).map(|f| vec![f]).ok_or_else(|| {
            format!("cannot tell the format from `{}`; name it with --format svg|png|pdf|html", out.display())
        }),
        _ => Ok(vec![Format::Svg]),
    }
}

/// Where each format goes; `None` is standard output. Without `-o`: under the project
/// file's `out-dir` when it sets one, else beside the map.
fn targets(
    args: &Args,
    source: &input::Source,
    formats: &[Format],
    project: &Project,
) -> Result<Vec<Option<PathBuf>>, String> {
    let to_stdout = match (&args.output, source) {
        (Some(out), _) => out.as_os_str() == "-",
        (None, input::Source::Stdin) => true,
        (None, input::Source::File(_)) => false,
    };
    if to_stdout {
        return match formats {
            [_] => Ok(vec![None]),
            _ => Err("several formats cannot all go to standard output; name a file with -o".into()),
        };
    }
    Ok(formats
        .iter()
        .map(|f| match (&args.output, source) {
            (Some(out), _) if formats.len() == 1 => Some(out.clone()),
            (Some(out), _) => Some(out.with_extension(f.extension())),
            (None, input::Source::File(path)) => {
                Some(project.out_base(path).unwrap_or_else(|| path.clone()).with_extension(f.extension()))
            }
            (None, input::Source::Stdin) => None,
        })
        .collect())
}
