//! `journeymap lsp`: the language server of `journeymap::lsp` over standard input and
//! output, with the project files (`journeymap.yaml`) read here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use journeymap::lsp::{Environment, Settings};

use super::input::Source;
use super::project::{self, Failure};
use super::{Outcome, output};

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> Outcome {
    let (connection, io_threads) = lsp_server::Connection::stdio();
    let mut projects = Projects::default();
    let result = journeymap::lsp::serve(&connection, &mut projects);
    drop(connection);
    let _ = io_threads.join();
    match result {
        // The protocol: exit code 0 after `shutdown`, 1 without.
        Ok(true) => Outcome::Clean,
        Ok(false) => Outcome::Problems,
        Err(e) => {
            output::eprint_error(&format!("language server: {e}"));
            Outcome::Problems
        }
    }
}

/// Project files read once each, until one changes.
#[derive(Default)]
struct Projects {
    read: BTreeMap<PathBuf, Result<Settings, String>>,
}

impl Environment for Projects {
    fn settings(&mut self, path: Option<&Path>) -> Result<Settings, String> {
        // A document that is not a file is checked under the current directory's project.
        let source = path.map_or(Source::Stdin, |p| Source::File(p.to_path_buf()));
        let Some(file) = project::find(&source) else { return Ok(Settings::default()) };
        self.read
            .entry(file.clone())
            .or_insert_with(|| match project::load(&file) {
                Ok(project) => Ok(Settings {
                    options: project.config.limits,
                    lints: project.config.lints.clone(),
                    fonts: project.fonts(),
                }),
                Err(Failure::Unreadable(message)) => Err(message),
                Err(Failure::Invalid { name, diags, .. }) => {
                    let first = diags.first().map_or(String::new(), |d| format!(": {}", d.message));
                    Err(format!("the project file `{name}` has errors{first}"))
                }
                Err(Failure::Reported) => Err(format!("the project file `{}` has errors", file.display())),
            })
            .clone()
    }

    fn forget(&mut self) {
        self.read.clear();
    }
}
