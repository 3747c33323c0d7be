//! `journeymap diff`: what changed between two versions of a map, for pull requests and
//! as a git diff driver.

use std::path::{Path, PathBuf};

use journeymap::diff;

use super::project::Projects;
use super::{Outcome, input, output};

#[derive(clap::Args)]
pub struct Args {
    /// `text` for a terminal or `git diff`, `markdown` for a pull request or a CI job
    /// summary, `json` for machines.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// `OLD NEW`: two maps (`/dev/null` for one that does not exist, `-` for standard
    /// input). As a git diff driver (`git config diff.journey.command 'journeymap diff'`)
    /// git passes seven: `PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE`
    /// (nine for a rename, one for an unmerged path).
    #[arg(value_name = "OLD NEW", required = true, num_args = 1..)]
    args: Vec<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Markdown,
    Json,
}

pub fn run(args: Args) -> Outcome {
    // The name to head the diff with (git's path), the old and the new map.
    // git adds the new path and a similarity line for a renamed file.
    let (name, old, new, renamed) = match args.args.as_slice() {
        [old, new] => (None, old, new, None),
        [path, old, _, _, new, _, _] => (Some(path), old, new, None),
        [path, old, _, _, new, _, _, new_path, _] => (Some(path), old, new, Some(new_path)),
        [path] if std::env::var_os("GIT_DIFF_PATH_TOTAL").is_some() => {
            // git calls an external diff with only the path for an unmerged file (and sets
            // GIT_DIFF_PATH_TOTAL for every call); anyone else forgot NEW.
            println!("journeymap diff: {} is unmerged", path.display());
            return Outcome::Clean;
        }
        other => {
            output::eprint_error(&format!(
                "diff takes two maps, OLD and NEW (or the seven arguments git passes), not {}",
                other.len()
            ));
            return Outcome::Usage;
        }
    };
    if old.as_os_str() == "-" && new.as_os_str() == "-" {
        output::eprint_error("only one side of a diff can be standard input (`-`)");
        return Outcome::Usage;
    }
    let old_shown = name.map(|p| format!("a/{}", p.display()));
    let new_shown = name.map(|p| format!("b/{}", renamed.unwrap_or(p).display()));
    // Each side under its project file: as a git diff driver, the one of git's path
    // (OLD and NEW are then temporary files, or the file in the work tree).
    let mut projects = Projects::default();
    let a = load(old, old_shown.as_deref(), name.map(PathBuf::as_path), &mut projects);
    let b = load(new, new_shown.as_deref(), renamed.or(name).map(PathBuf::as_path), &mut projects);
    let (a, b) = match (a, b) {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            let outcome = a.err().into_iter().chain(b.err()).max().unwrap_or(Outcome::Problems);
            // git stops the whole `git diff` at a driver that fails ("external diff
            // died"): as a driver, a map with errors is reported and the diff goes on.
            if let (Some(path), Outcome::Problems) = (name, outcome) {
                println!(
                    "journeymap diff: {} has errors (above); `git diff --no-ext-diff -- {0}` shows its lines",
                    path.display()
                );
                return Outcome::Clean;
            }
            return outcome;
        }
    };
    let d = diff::diff(a.as_ref(), b.as_ref());
    let name = name.map(|p| match renamed {
        Some(to) => format!("{} → {}", p.display(), to.display()),
        None => p.display().to_string(),
    });
    let text = match args.format {
        Format::Text => diff::render::text(&d, name.as_deref()),
        Format::Markdown => diff::render::markdown(&d, name.as_deref()),
        Format::Json => diff::render::json(&d),
    };
    output::emit(None, text.as_bytes())
}

/// One side: `None` for `/dev/null` (no map), else read and compiled as `check` reads
/// it, under the project file of `settings_from` (git's path) or of the map itself; its
/// diagnostics are printed as `check` prints them, named `shown` when given (git's
/// temporary files have meaningless names).
fn load(
    path: &Path,
    shown: Option<&str>,
    settings_from: Option<&Path>,
    projects: &mut Projects,
) -> Result<Option<journeymap::model::Journey>, Outcome> {
    if is_null(path) {
        return Ok(None);
    }
    let source = if path.as_os_str() == "-" {
        input::Source::Stdin
    } else if path.is_file() {
        input::Source::File(path.to_path_buf())
    } else if path.exists() {
        output::eprint_error(&format!("`{}` is not a map file", path.display()));
        return Err(Outcome::Usage);
    } else {
        output::eprint_error(&format!("`{}`: no such file", path.display()));
        return Err(Outcome::Usage);
    };
    let project = match settings_from {
        Some(path) => projects.for_source(&input::Source::File(path.to_path_buf())),
        None => projects.for_source(&source),
    };
    let project = project.map_err(|failure| {
        failure.eprint();
        Outcome::Usage
    })?;
    let (name, compiled) = project.compile(&source).map_err(|e| {
        output::eprint_error(&e);
        Outcome::Usage
    })?;
    output::eprint_diags(shown.unwrap_or(&name), &compiled.source, &compiled.diags);
    // A denied warning is an error: the map is not diffed, as it is not rendered.
    match compiled.journey {
        Some(journey) if !compiled.has_errors() => Ok(Some(journey)),
        _ => Err(Outcome::Problems),
    }
}

fn is_null(path: &Path) -> bool {
    path == Path::new("/dev/null") || path.as_os_str().eq_ignore_ascii_case("nul")
}
