//! `journeymap export`: the validated model as JSON or YAML; the map as a spreadsheet
//! grid (CSV, xlsx) or a Mermaid `journey`.

use std::io::IsTerminal;
use std::path::PathBuf;

use super::{Outcome, input, output};

#[derive(clap::Args)]
pub struct Args {
    /// The document's format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Write the document here (atomically) instead of to standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// A CSV of KPI figures (`kpi,value[,target,date,source]`) that fills in the map's
    /// KPIs by id. Default: the project file's `data:`.
    #[arg(long, value_name = "FILE.csv")]
    data: Option<PathBuf>,
    /// The map, or `-` for standard input.
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Json,
    Yaml,
    /// The grid `import` reads: one column per step, one row per lane.
    Csv,
    /// The same grid as an Excel workbook.
    Xlsx,
    /// A Mermaid `journey` (what Mermaid cannot show is named in a `%%` comment).
    Mermaid,
}

pub fn run(args: Args) -> Outcome {
    let target = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    if args.format == Format::Xlsx && target.is_none() && std::io::stdout().is_terminal() {
        output::eprint_error("a workbook is binary: write it to a file with -o OUT.xlsx");
        return Outcome::Usage;
    }
    let (_, compiled) = match input::compile_one(&args.file, args.data.as_deref()) {
        Ok(c) => c,
        Err(outcome) => return outcome,
    };
    let Some(journey) = &compiled.journey else { return Outcome::Problems };
    let document = || journeymap::export::document(journey, &compiled.source);
    let bytes = match args.format {
        Format::Json => journeymap::export::to_json(&document()).map(String::into_bytes),
        Format::Yaml => journeymap::export::to_yaml(&document()).map(String::into_bytes),
        Format::Csv => Ok(journeymap::sheet::to_csv(journey).into_bytes()),
        Format::Xlsx => journeymap::sheet::to_xlsx(journey),
        Format::Mermaid => Ok(journeymap::mermaid::export(journey).into_bytes()),
    };
    match bytes {
        Ok(bytes) => output::emit(target, &bytes),
        Err(e) => {
            output::eprint_error(&format!("cannot encode the document: {e}"));
            Outcome::Problems
        }
    }
}
