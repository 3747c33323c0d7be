//! Finding and reading the maps named on the command line.

use std::io::Read;
use std::path::{Path, PathBuf};

use journeymap::diag::Diag;
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
            continue;
        }
        let (found, problems) = find(std::slice::from_ref(path));
        sources.extend(found.into_iter().map(|f| Source::File(f.path)));
        errors.extend(problems.into_iter().map(|p| p.message));
    }
    (sources, errors)
}

/// A map found on the command line, and its path relative to the directory it was
/// found under (for a file named on its own: its name).
pub struct Found {
    pub path: PathBuf,
    pub relative: PathBuf,
}

/// A problem met while looking for maps: `usage` when there is nothing to work on (a
/// path that does not exist, a directory without maps), not when only part of a tree
/// cannot be read (an unreadable directory, a symbolic-link loop).
pub struct WalkError {
    pub message: String,
    pub usage: bool,
}

/// Files as given, directories walked for `*.journey` (links followed, in sorted order).
pub fn find(paths: &[PathBuf]) -> (Vec<Found>, Vec<WalkError>) {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = found.len();
            for entry in WalkDir::new(path).follow_links(true).sort_by_file_name() {
                match entry {
                    Ok(e) if e.file_type().is_file() && is_journey(e.path()) => {
                        let map = e.into_path();
                        let relative = map.strip_prefix(path).map(Path::to_path_buf).unwrap_or_default();
                        found.push(Found { path: map, relative });
                    }
                    Ok(_) => {}
                    Err(e) => errors.push(WalkError {
                        message: format!("cannot read `{}`: {e}", e.path().unwrap_or(path).display()),
                        usage: false,
                    }),
                }
            }
            // A CI job pointed at the wrong directory must not pass by checking nothing.
            if found.len() == before {
                let message = format!("no `*.journey` files under `{}`", path.display());
                errors.push(WalkError { message, usage: true });
            }
        } else if path.exists() {
            let relative = path.file_name().map(PathBuf::from).unwrap_or_default();
            found.push(Found { path: path.clone(), relative });
        } else {
            let message = format!("`{}`: no such file or directory", path.display());
            errors.push(WalkError { message, usage: true });
        }
    }
    (found, errors)
}

pub fn is_journey(path: &Path) -> bool {
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
/// errors (denied warnings included). Its KPIs are filled in from the data file that
/// applies (`data`, `--data`, else the project file's), whose problems are printed too
/// (and an error there is one of the map's).
pub fn compile_one(path: &Path, data: Option<&Path>) -> Result<(Source, journeymap::Compiled), super::Outcome> {
    compile_in_project(path, data).map(|(source, compiled, _)| (source, compiled))
}

/// [`compile_one`], also returning the project settings that applied (for render's
/// defaults and theme).
pub fn compile_in_project(
    path: &Path,
    data: Option<&Path>,
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
    let (name, compiled, data) = project.compile_with_data(&source, data).map_err(|e| {
        super::output::eprint_error(&e);
        super::Outcome::Usage
    })?;
    super::output::eprint_diags(&name, &compiled.source, &compiled.diags);
    let data_failed = data.is_some_and(|data| {
        let (name, text, diags) = data.diags();
        super::output::eprint_diags(&name, &text, &diags);
        diags.iter().any(Diag::is_error)
    });
    if compiled.journey.is_none() || compiled.has_errors() || data_failed {
        return Err(super::Outcome::Problems);
    }
    Ok((source, compiled, project))
}
