//! `--baseline CURRENT` of `render` and `preview`: the baseline read and compiled under
//! its own project file, and compared with the future map
//! ([`journeymap::diff::baseline::compare`]). What went wrong is returned as
//! diagnostics of each file, for `render` to print and `preview` to show.

use std::path::Path;

use journeymap::diag::Diag;
use journeymap::diff::baseline::{self, Baseline};
use journeymap::model::Journey;

use super::input::Source;
use super::project::{Failure, Project, Projects};

/// The future map, as compiled: the comparison's problems in it are shown with its name
/// and text, under its project's lint levels.
pub struct Future<'a> {
    pub journey: &'a Journey,
    pub source: &'a str,
    pub project: &'a Project,
}

/// A baseline read and compared, or why not.
pub struct Compared {
    /// The baseline's name and text, which `current` points into.
    pub name: String,
    pub source: String,
    /// The baseline's own diagnostics, then the comparison's in it, in source order.
    pub current: Vec<Diag>,
    /// The comparison's diagnostics in the future map.
    pub future: Vec<Diag>,
    /// What is drawn; `None` when either list has an error.
    pub baseline: Option<Baseline>,
}

/// Why a baseline could not be read at all: a message, or its project file's problems.
pub enum Unread {
    Message(String),
    Project(Failure),
}

/// Reads the baseline at `path` under its project file and compares `future` with it.
pub fn compare(path: &Path, future: &Future) -> Result<Compared, Unread> {
    if !path.is_file() {
        let why = match path.exists() {
            true => format!("the baseline `{}` is not a map file", path.display()),
            false => format!("the baseline `{}`: no such file", path.display()),
        };
        return Err(Unread::Message(why));
    }
    let source = Source::File(path.to_path_buf());
    let project = Projects::default().for_source(&source).map_err(Unread::Project)?;
    let (name, compiled) = project.compile(&source).map_err(Unread::Message)?;
    let mut current = compiled.diags;
    let journey = match compiled.journey {
        Some(journey) if !current.iter().any(Diag::is_error) => journey,
        _ => return Ok(Compared { name, source: compiled.source, current, future: Vec::new(), baseline: None }),
    };
    let compared = baseline::compare(future.journey, future.source, &journey, &compiled.source, &name);
    let (mut future_diags, mut current_diags) = (compared.future, compared.current);
    future.project.config.lints.apply(&mut future_diags);
    project.config.lints.apply(&mut current_diags);
    current.extend(current_diags);
    journeymap::diag::sort_in_source_order(&mut current);
    let errors = future_diags.iter().chain(&current).any(Diag::is_error);
    let baseline = compared.baseline.filter(|_| !errors);
    Ok(Compared { name, source: compiled.source, current, future: future_diags, baseline })
}
