//! `journeymap report`: the derived facts of one map as text, Markdown or JSON.

use std::path::PathBuf;

use journeymap::report;

use super::{Outcome, input, output};

#[derive(clap::Args)]
pub struct Args {
    /// `text` for a terminal, `markdown` for a pull request or a CI job summary
    /// (`>> "$GITHUB_STEP_SUMMARY"`), `json` for machines.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// A CSV of KPI figures (`kpi,value[,target,date,source]`) that fills in the map's
    /// KPIs by id: the latest row of each id wins. Default: the project file's `data:`.
    #[arg(long, value_name = "FILE.csv")]
    data: Option<PathBuf>,
    /// The map, or `-` for standard input.
    #[arg(value_name = "MAP")]
    map: PathBuf,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

pub fn run(args: Args) -> Outcome {
    let (_, compiled) = match input::compile_one(&args.map, args.data.as_deref()) {
        Ok(c) => c,
        Err(outcome) => return outcome,
    };
    let Some(journey) = &compiled.journey else { return Outcome::Problems };
    let r = report::report(journey);
    let text = match args.format {
        Format::Text => report::render::text(&r),
        Format::Markdown => report::render::markdown(&r),
        Format::Json => report::render::json(&r),
    };
    output::emit(None, text.as_bytes())
}
