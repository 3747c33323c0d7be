//! Command-line interface: one module per subcommand; the only code that does IO.

mod baseline;
mod batch;
mod check;
mod data;
mod diff;
mod export;
mod fmt;
mod import;
mod input;
mod lsp;
mod new;
mod output;
mod preview;
mod project;
mod render;
mod report;
mod watch;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// How a run ended, as its exit code says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// 0: no problems (warnings allowed unless denied).
    Clean = 0,
    /// 1: errors in a map (or warnings under `--deny-warnings`).
    Problems = 1,
    /// 2: the command could not run as asked: bad arguments, unreadable or missing files.
    Usage = 2,
}

#[derive(Parser)]
#[command(name = "journeymap", version, about = "Compile plain-text customer-journey maps (*.journey)")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check maps and report every problem, like a compiler.
    Check(check::Args),
    /// Print the validated model of a map, derived facts included, as JSON or YAML.
    Export(export::Args),
    /// Draw a map as a swimlane diagram with emotion curves: SVG, PNG, PDF or HTML.
    Render(render::Args),
    /// Show what changed between two versions of a map: phases, steps, scores, cards, KPIs,
    /// gaps. Also a git diff driver: `git config diff.journey.command 'journeymap diff'`.
    Diff(diff::Args),
    /// Print the derived facts of a map: gaps, low and high points, critical steps, channel
    /// switches, pains without an opportunity, KPIs off target, counts per lane.
    Report(report::Args),
    /// Rewrite maps in the canonical style (`--check`: list those that would change).
    Fmt(fmt::Args),
    /// Render, then render again every time a map is saved (until Ctrl-C).
    Watch(render::Args),
    /// Show a map in the browser, redrawn in place every time it is saved: a local web
    /// server on 127.0.0.1 (until Ctrl-C).
    Preview(preview::Args),
    /// Make a map from a Mermaid `journey` diagram or a spreadsheet grid (CSV, TSV,
    /// xlsx, ods), in canonical form, with the choices made explained at its top.
    Import(import::Args),
    /// Write a starter map that passes `check`, in the language asked for.
    New(new::Args),
    /// Run a language server over stdio (for editors).
    Lsp(lsp::Args),
    /// Print a shell completion script: `journeymap completions bash > /etc/bash_completion.d/journeymap`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `journeymap man > journeymap.1`.
    Man,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Export(args) => export::run(args),
        Command::Render(args) => render::run(args),
        Command::Report(args) => report::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::Watch(args) => watch::run(args),
        Command::Preview(args) => preview::run(args),
        Command::Import(args) => import::run(args),
        Command::New(args) => new::run(args),
        Command::Lsp(args) => lsp::run(args),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "journeymap", &mut std::io::stdout());
            Outcome::Clean
        }
        Command::Man => {
            let page = clap_mangen::Man::new(<Cli as clap::CommandFactory>::command());
            let mut roff = Vec::new();
            match page.render(&mut roff) {
                Ok(()) => output::emit(None, &roff),
                Err(e) => {
                    output::eprint_error(&format!("cannot write the manual page: {e}"));
                    Outcome::Usage
                }
            }
        }
    };
    ExitCode::from(outcome as u8)
}
