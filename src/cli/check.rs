//! `journeymap check`: report every problem of every map, like a compiler.

use std::io::Write;
use std::path::PathBuf;

use journeymap::diag::render::{self, JsonReport};
use journeymap::diag::{Diag, Severity};

use super::project::{Failure, Projects};
use super::{Outcome, input, output};

#[derive(clap::Args)]
pub struct Args {
    /// Treat warnings as errors (exit 1 when there are any).
    #[arg(long)]
    deny_warnings: bool,
    /// How to print diagnostics: for people on standard error, or one JSON document on
    /// standard output.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// A CSV of KPI figures (`kpi,value[,target,date,source]`) that fills in the maps'
    /// KPIs by id: the latest row of each id wins; checked with them. Default: the project file's `data:`.
    #[arg(long, value_name = "FILE.csv")]
    data: Option<PathBuf>,
    /// Map files, directories to search for `*.journey`, or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Human,
    Json,
}

pub fn run(args: Args) -> Outcome {
    let (sources, mut io_errors) = input::expand(&args.paths);
    let mut report = JsonReport { diagnostics: Vec::new() };
    let (mut files, mut errors, mut warnings) = (0, 0, 0);
    // Maps not checked because their project file could not be read or has errors.
    let mut unconfigured = 0;
    let mut projects = Projects::default();
    let mut collected = super::data::Collected::default();
    for source in &sources {
        let project = match projects.for_source(source) {
            Ok(p) => p,
            Err(failure) => {
                unconfigured += 1;
                match (&failure, args.format) {
                    (Failure::Invalid { name, text, diags }, Format::Json) => {
                        report.diagnostics.extend(render::json(name, text, diags))
                    }
                    _ => failure.eprint(),
                }
                continue;
            }
        };
        // The project's levels first: `--deny-warnings` denies what is still reported.
        let (name, mut compiled, data) = match project.compile_with_data(source, args.data.as_deref()) {
            Ok(c) => c,
            Err(e) => {
                io_errors.push(e);
                continue;
            }
        };
        files += 1;
        if args.deny_warnings {
            deny_warnings(&mut compiled.diags);
        }
        errors += compiled.diags.iter().filter(|d| d.is_error()).count();
        warnings += compiled.diags.iter().filter(|d| !d.is_error()).count();
        match args.format {
            Format::Human => output::eprint_diags(&name, &compiled.source, &compiled.diags),
            Format::Json => report.diagnostics.extend(render::json(&name, &compiled.source, &compiled.diags)),
        }
        if let Some(data) = data {
            collected.add(data);
        }
    }
    // A data file's problems once, after every map: an id is unknown when no map has it.
    for (name, text, mut diags) in collected.reports() {
        if args.deny_warnings {
            deny_warnings(&mut diags);
        }
        errors += diags.iter().filter(|d| d.is_error()).count();
        warnings += diags.iter().filter(|d| !d.is_error()).count();
        match args.format {
            Format::Human => output::eprint_diags(&name, &text, &diags),
            Format::Json => report.diagnostics.extend(render::json(&name, &text, &diags)),
        }
    }
    for e in &io_errors {
        output::eprint_error(e);
    }
    match args.format {
        Format::Json => {
            let mut out = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{\"diagnostics\":[]}".into());
            out.push('\n');
            let _ = std::io::stdout().write_all(out.as_bytes());
        }
        Format::Human => {
            let mut line = summary(files, errors, warnings);
            if !io_errors.is_empty() {
                line.push_str(&format!("; {} not read", io_errors.len()));
            }
            if unconfigured > 0 {
                line.push_str(&format!("; {unconfigured} not checked: the project file has errors"));
            }
            let _ = writeln!(std::io::stderr(), "{line}");
        }
    }
    if !io_errors.is_empty() || unconfigured > 0 {
        Outcome::Usage
    } else if errors > 0 {
        Outcome::Problems
    } else {
        Outcome::Clean
    }
}

/// `--deny-warnings`: every warning is reported, and counted, as an error.
fn deny_warnings(diags: &mut [Diag]) {
    for d in diags.iter_mut().filter(|d| d.severity == Severity::Warning) {
        d.severity = Severity::Error;
    }
}

fn summary(files: usize, errors: usize, warnings: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let checked = format!("checked {}", plural(files, "file"));
    match (errors, warnings) {
        (0, 0) => format!("{checked}: no problems"),
        (e, 0) => format!("{checked}: {}", plural(e, "error")),
        (0, w) => format!("{checked}: {}", plural(w, "warning")),
        (e, w) => format!("{checked}: {}, {}", plural(e, "error"), plural(w, "warning")),
    }
}
