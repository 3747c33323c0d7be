//! `journeymap export`: the validated model as JSON or YAML.

use std::io::Write;
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
    let (sources, errors) = input::expand(std::slice::from_ref(&args.file));
    if let Some(e) = errors.first() {
        output::eprint_error(e);
        return Outcome::Usage;
    }
    let [source] = sources.as_slice() else {
        output::eprint_error(&format!("`{}` is a directory with no single map; name one file", args.file.display()));
        return Outcome::Usage;
    };
    let input = match input::read(source) {
        Ok(i) => i,
        Err(e) => {
            output::eprint_error(&e);
            return Outcome::Usage;
        }
    };
    let compiled = journeymap::compile(&input.bytes);
    output::eprint_diags(&input.name, &compiled.source, &compiled.diags);
    let Some(journey) = &compiled.journey else {
        return Outcome::Problems;
    };
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
    match &args.output {
        Some(path) if path.as_os_str() != "-" => match output::write_atomic(path, text.as_bytes()) {
            Ok(()) => Outcome::Clean,
            Err(e) => {
                output::eprint_error(&e);
                Outcome::Usage
            }
        },
        _ => match std::io::stdout().write_all(text.as_bytes()) {
            Ok(()) => Outcome::Clean,
            Err(e) => {
                output::eprint_error(&format!("cannot write to standard output: {e}"));
                Outcome::Usage
            }
        },
    }
}
