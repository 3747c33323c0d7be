//! `journeymap fmt`: rewrite maps in the canonical style, or with `--check` list the
//! ones that are not in it.

use std::io::Write;
use std::path::PathBuf;

use journeymap::format::Refusal;

use super::input::{self, Source};
use super::project::Projects;
use super::{Outcome, output};

#[derive(clap::Args)]
pub struct Args {
    /// Write nothing: print the files that would change, one per line, and exit 1 if
    /// there are any.
    #[arg(long)]
    check: bool,
    /// Map files, directories to search for `*.journey`, or `-` to format standard
    /// input to standard output.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

pub fn run(args: Args) -> Outcome {
    let (sources, mut io_errors) = input::expand(&args.paths);
    let mut problems = false;
    // Maps left alone because their project file could not be read or has errors.
    let mut unconfigured = false;
    let mut projects = Projects::default();
    for source in &sources {
        let project = match projects.for_source(source) {
            Ok(p) => p,
            Err(failure) => {
                failure.eprint();
                unconfigured = true;
                continue;
            }
        };
        let (input, formatted) = match project.format(source) {
            Ok(f) => f,
            Err(e) => {
                io_errors.push(e);
                continue;
            }
        };
        let text = match formatted.result {
            Ok(text) => text,
            Err(refusal) => {
                // A map with errors is reported as `check` reports it and left as it is.
                let compiled = &formatted.compiled;
                if refusal == Refusal::Errors {
                    output::eprint_diags(&input.name, &compiled.source, &compiled.diags);
                } else {
                    output::eprint_error(&format!(
                        "`{}` is left as it is: formatting it would change its meaning (a bug in journeymap; \
                         please report it with the map)",
                        input.name
                    ));
                }
                problems = true;
                continue;
            }
        };
        let changed = text.as_bytes() != input.bytes.as_slice();
        match source {
            _ if args.check => {
                if changed {
                    let _ = writeln!(std::io::stdout(), "{}", input.name);
                    problems = true;
                }
            }
            Source::Stdin => {
                if let Err(e) = std::io::stdout().write_all(text.as_bytes()) {
                    io_errors.push(format!("cannot write to standard output: {e}"));
                }
            }
            Source::File(path) => {
                if changed && let Err(e) = output::write_atomic(path, text.as_bytes()) {
                    io_errors.push(e);
                }
            }
        }
    }
    for e in &io_errors {
        output::eprint_error(e);
    }
    if !io_errors.is_empty() || unconfigured {
        Outcome::Usage
    } else if problems {
        Outcome::Problems
    } else {
        Outcome::Clean
    }
}
