//! `journeymap export`: the validated model as JSON or YAML.

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
    /// The map, or `-` for standard input.
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Json,
    Yaml,
}

pub fn run(args: Args) -> Outcome {
    let (_, compiled) = match input::compile_one(&args.file) {
        Ok(c) => c,
        Err(outcome) => return outcome,
    };
    let Some(journey) = &compiled.journey else { return Outcome::Problems };
    let doc = journeymap::export::document(journey, &compiled.source);
    let text = match args.format {
        Format::Json => journeymap::export::to_json(&doc),
        Format::Yaml => journeymap::export::to_yaml(&doc),
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            output::eprint_error(&format!("cannot encode the document: {e}"));
            return Outcome::Problems;
        }
    };
    let target = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    output::emit(target, text.as_bytes())
}
