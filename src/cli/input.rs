//! Finding and reading the maps named on the command line.

use std::io::Read;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// One map to compile: a name to show, and its bytes.
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Where a map comes from.
pub enum Source {
    File(PathBuf),
    Stdin,
}

/// Expands the arguments: files as given, directories walked for `*.journey` (in
/// sorted order), `-` for standard input. Problems are returned as messages.
pub fn expand(paths: &[PathBuf]) -> (Vec<Source>, Vec<String>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
        } else if path.is_dir() {
            let walk = WalkDir::new(path).follow_links(true).sort_by_file_name();
            let before = sources.len();
            for entry in walk {
                match entry {
                    Ok(e) if e.file_type().is_file() && is_journey(e.path()) => {
                        sources.push(Source::File(e.into_path()))
                    }
                    Ok(_) => {}
                    Err(e) => errors.push(format!("cannot read `{}`: {}", display_walk_path(&e, path), e)),
                }
            }
            // A CI job pointed at the wrong directory must not pass by checking nothing.
            if sources.len() == before {
                errors.push(format!("no `*.journey` files under `{}`", path.display()));
            }
        } else if path.exists() {
            sources.push(Source::File(path.clone()));
        } else {
            errors.push(format!("`{}`: no such file or directory", path.display()));
        }
    }
    (sources, errors)
}

fn display_walk_path(e: &walkdir::Error, root: &Path) -> String {
    e.path().unwrap_or(root).display().to_string()
}

fn is_journey(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "journey")
}

/// Reads one source, at most `limit + 1` bytes of it: a file over the limit is refused
/// by `compile_with` (J0005) without ever being held whole in memory.
pub fn read(source: &Source, limit: usize) -> Result<Input, String> {
    let take = limit as u64 + 1;
    match source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(take)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(Input { name: "<stdin>".to_string(), bytes })
        }
        Source::File(path) => {
            let fail = |e: std::io::Error| format!("cannot read `{}`: {e}", path.display());
            let mut bytes = Vec::new();
            std::fs::File::open(path).and_then(|f| f.take(take).read_to_end(&mut bytes)).map_err(fail)?;
            Ok(Input { name: path.display().to_string(), bytes })
        }
    }
}

/// One map, named on the command line, read and compiled under its project file's lint
/// levels, its diagnostics printed. `Err` is the outcome to exit with: usage for a path
/// that is not one readable file or a broken project file, problems for a map with
/// errors (denied warnings included).
pub fn compile_one(path: &Path) -> Result<(Source, journeymap::Compiled), super::Outcome> {
    compile_in_project(path).map(|(source, compiled, _)| (source, compiled))
}

/// [`compile_one`], also returning the project settings that applied (for render's
/// defaults and theme).
pub fn compile_in_project(
    path: &Path,
) -> Result<(Source, journeymap::Compiled, super::project::Project), super::Outcome> {
    let (mut sources, errors) = expand(std::slice::from_ref(&path.to_path_buf()));
    if let Some(e) = errors.first() {
        super::output::eprint_error(e);
        return Err(super::Outcome::Usage);
    }
    if sources.len() != 1 {
        super::output::eprint_error(&format!("`{}` is not a single map file; name one file", path.display()));
        return Err(super::Outcome::Usage);
    }
    let source = sources.remove(0);
    let project = super::project::for_source(&source)?;
    let input = read(&source, project.config.limits.max_bytes).map_err(|e| {
        super::output::eprint_error(&e);
        super::Outcome::Usage
    })?;
    let mut compiled = journeymap::compile_with(&input.bytes, &project.config.limits);
    project.config.lints.apply(&mut compiled.diags);
    super::output::eprint_diags(&input.name, &compiled.source, &compiled.diags);
    if compiled.journey.is_none() || compiled.has_errors() {
        return Err(super::Outcome::Problems);
    }
    Ok((source, compiled, project))
}
