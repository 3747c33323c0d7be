//! `journeymap render`: a map to an SVG swimlane diagram.

use std::path::PathBuf;

use journeymap::layout::{self, Page};

use super::{Outcome, input, output};

#[derive(clap::Args)]
pub struct Args {
    /// The map, or `-` for standard input.
    #[arg(value_name = "MAP")]
    map: PathBuf,
    /// Where to write the SVG: default beside the map with the `.svg` extension (for
    /// standard input: standard output); `-` for standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Page size: `auto` sizes to the content; `a4` and `a3` are landscape, and a map
    /// too wide for them is wrapped into bands of phases.
    #[arg(long, value_enum, default_value_t = PageArg::Auto)]
    page: PageArg,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum PageArg {
    Auto,
    A4,
    A3,
}

pub fn run(args: Args) -> Outcome {
    let (source, compiled) = match input::compile_one(&args.map) {
        Ok(c) => c,
        Err(outcome) => return outcome,
    };
    let Some(journey) = &compiled.journey else { return Outcome::Problems };
    let page = match args.page {
        PageArg::Auto => Page::Auto,
        PageArg::A4 => Page::A4,
        PageArg::A3 => Page::A3,
    };
    let laid_out = layout::layout(journey, &layout::Options { page });
    let svg = journeymap::render::svg::render(&laid_out, page);
    let target = match (&args.output, &source) {
        (Some(out), _) if out.as_os_str() == "-" => None,
        (Some(out), _) => Some(out.clone()),
        (None, input::Source::File(path)) => Some(path.with_extension("svg")),
        (None, input::Source::Stdin) => None,
    };
    output::emit(target.as_deref(), svg.as_bytes())
}
