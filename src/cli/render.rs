//! `journeymap render`: a map to SVG, PNG, PDF and HTML (several formats in one call).

use std::path::{Path, PathBuf};

use journeymap::lanes::View;
use journeymap::layout::{self, Page};
use journeymap::render::{self, Format, RenderOptions};

use super::project::Project;
use super::{Outcome, baseline, input, output};

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
    pub(super) format: Vec<FormatArg>,
    /// Page size: `auto` sizes to the content; `a4` and `a3` are landscape, and a map
    /// too wide for them is wrapped into bands of phases. Default: the project file's
    /// `render.page`, else auto.
    #[arg(long, value_enum)]
    pub(super) page: Option<PageArg>,
    /// What to draw: `journey` (the journey map), `blueprint` (the service blueprint,
    /// with its lines) or `opportunities` (the impact/effort matrix). Default: the map's `view`, else the project file's
    /// `render.view`, else journey.
    #[arg(long, value_enum)]
    pub(super) view: Option<ViewArg>,
    /// PNG pixels per SVG unit: 2 gives crisp print. Default: the project file's
    /// `render.scale`, else 2.
    #[arg(long)]
    pub(super) scale: Option<f32>,
    /// With several maps: render them all, even those whose outputs are newer than the
    /// map and were made by this version with these options.
    #[arg(long)]
    pub(super) force: bool,
    /// Draw the map against CURRENT, today's map: each persona's curve in CURRENT faintly
    /// behind its own, a "new" badge on each step CURRENT lacks, and under the map the
    /// steps of CURRENT that are gone. Steps are matched as `diff` matches them, personas
    /// by id. One map only.
    #[arg(long, value_name = "CURRENT")]
    pub(super) baseline: Option<PathBuf>,
    /// A CSV of KPI figures (`kpi,value[,target,date,source]`) that fills in the map's
    /// KPIs by id: the latest row of each id wins. Default: the project file's `data:`.
    #[arg(long, value_name = "FILE.csv")]
    pub(super) data: Option<PathBuf>,
}

/// A library [`Format`] as a value of `--format`: named as the project file names it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct FormatArg(pub Format);

impl clap::ValueEnum for FormatArg {
    fn value_variants<'a>() -> &'a [Self] {
        const ALL: [FormatArg; 4] = [
            FormatArg(Format::ALL[0]),
            FormatArg(Format::ALL[1]),
            FormatArg(Format::ALL[2]),
            FormatArg(Format::ALL[3]),
        ];
        &ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let value = clap::builder::PossibleValue::new(self.0.name());
        Some(match self.0 {
            Format::Svg | Format::Png => value,
            Format::Pdf => value.help("Vector PDF with selectable text (built with the `pdf` feature)"),
            Format::Html => value.help("One self-contained, interactive page that works offline"),
        })
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
        && !render::valid_scale(f64::from(scale))
    {
        output::eprint_error(&format!("--scale must be above 0 and at most {}, not {scale}", render::MAX_SCALE));
        return Outcome::Usage;
    }
    if super::batch::is_batch(&args) {
        if args.baseline.is_some() {
            output::eprint_error(
                "--baseline draws one map against its baseline: name one map, and with -o a file, not a directory",
            );
            return Outcome::Usage;
        }
        return super::batch::run(args);
    }
    let map = args.maps[0].clone();
    let (source, compiled, project) = match input::compile_in_project(&map, args.data.as_deref()) {
        Ok(c) => c,
        Err(outcome) => return outcome,
    };
    let mut options = match options(&args, &project, false) {
        Ok(s) => s,
        Err(e) => {
            output::eprint_error(&e);
            return Outcome::Usage;
        }
    };
    let targets = match targets(&args, &source, &options.formats, &project) {
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
    if let Some(path) = &args.baseline {
        let name = match &source {
            input::Source::File(path) => path.display().to_string(),
            input::Source::Stdin => "<stdin>".to_string(),
        };
        let future = baseline::Future { journey, source: &compiled.source, project: &project };
        match baseline::compare(path, &future) {
            Ok(compared) => {
                output::eprint_diags(&name, &compiled.source, &compared.future);
                output::eprint_diags(&compared.name, &compared.source, &compared.current);
                match compared.baseline {
                    Some(b) => options.baseline = Some(std::sync::Arc::new(b)),
                    None => return Outcome::Problems,
                }
            }
            Err(baseline::Unread::Message(why)) => {
                output::eprint_error(&why);
                return Outcome::Usage;
            }
            Err(baseline::Unread::Project(failure)) => {
                failure.eprint();
                return Outcome::Usage;
            }
        }
    }
    let drawings = render::render(journey, &compiled.source, &options);
    let mut outcome = Outcome::Clean;
    for (drawing, target) in drawings.into_iter().zip(&targets) {
        // The project's out-dir is made as needed; a directory named with -o must exist.
        if args.output.is_none()
            && let Some(dir) = target.as_deref().and_then(Path::parent).filter(|d| !d.as_os_str().is_empty())
            && let Err(e) = std::fs::create_dir_all(dir)
        {
            output::eprint_error(&format!("cannot create `{}`: {e}", dir.display()));
            return Outcome::Usage;
        }
        let result = match drawing.result {
            Ok(bytes) => output::emit(target.as_deref(), &bytes),
            Err(e) => {
                output::eprint_error(&e.to_string());
                Outcome::Problems
            }
        };
        outcome = outcome.max(result);
    }
    outcome
}

/// How a map is drawn: each setting from the flags, else the project file, else the
/// default; the theme is the project file's. `out_is_dir`: OUT names a directory
/// (several maps), so its extension says nothing about the format.
pub(super) fn options(args: &Args, project: &Project, out_is_dir: bool) -> Result<RenderOptions, String> {
    let defaults = project.render_defaults();
    let formats = match (&args.output, out_is_dir) {
        _ if !args.format.is_empty() => formats(args)?,
        (Some(out), false) if out.as_os_str() != "-" => formats(args)?,
        _ => defaults.formats.filter(|f| !f.is_empty()).unwrap_or_else(|| vec![Format::Svg]),
    };
    let page = args.page.map(Page::from).or(defaults.page).unwrap_or(Page::Auto);
    Ok(RenderOptions {
        formats,
        layout: layout::Options {
            page,
            view: args.view.map(View::from),
            default_view: defaults.view,
            ..Default::default()
        },
        theme: project.config.theme.clone(),
        scale: args.scale.or(defaults.scale).unwrap_or(render::DEFAULT_SCALE),
        fonts: project.fonts(),
        // One map's, set by `run`.
        baseline: None,
    })
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, clap::ValueEnum)]
pub(super) enum ViewArg {
    Journey,
    Blueprint,
    /// The impact/effort matrix of the opportunities.
    Opportunities,
}

impl From<ViewArg> for View {
    fn from(view: ViewArg) -> View {
        match view {
            ViewArg::Journey => View::Journey,
            ViewArg::Blueprint => View::Blueprint,
            ViewArg::Opportunities => View::Opportunities,
        }
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

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// The formats asked for: `--format`, else the extension of `-o`, else SVG.
pub(super) fn formats(args: &Args) -> Result<Vec<Format>, String> {
    if !args.format.is_empty() {
        let mut formats = Vec::new();
        for &FormatArg(f) in &args.format {
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
