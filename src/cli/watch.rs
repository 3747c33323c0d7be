//! `journeymap watch`: render, then render again on every save, until interrupted.
//! A map that is briefly invalid or deleted (editors save by renaming) is reported and
//! watched on.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, new_debouncer};

use super::render::Args;
use super::{Outcome, batch, input, output, render};

/// Saves closer together than this are one change.
const DEBOUNCE: Duration = Duration::from_millis(150);

pub fn run(args: Args) -> Outcome {
    if args.baseline.is_some() {
        output::eprint_error(
            "watch does not take --baseline; `journeymap preview MAP --baseline CURRENT` redraws the map on every save of either",
        );
        return Outcome::Usage;
    }
    if args.maps.iter().any(|m| m.as_os_str() == "-") {
        output::eprint_error("standard input cannot be watched; name a map file or a directory");
        return Outcome::Usage;
    }
    // Watched by canonical path: events name files under the paths watched.
    let mut roots = Vec::new();
    for map in &args.maps {
        match map.canonicalize() {
            Ok(path) => roots.push(path),
            Err(e) => {
                output::eprint_error(&format!("`{}`: {e}", map.display()));
                return Outcome::Usage;
            }
        }
    }
    // `--data`: the KPI data file, whose save renders every map again.
    let data = match args.data.as_deref().map(Path::canonicalize) {
        None => None,
        Some(Ok(path)) => Some(path),
        Some(Err(e)) => {
            output::eprint_error(&format!("the data file: {e}"));
            return Outcome::Usage;
        }
    };
    let outcome = render::run(args.clone());
    if outcome == Outcome::Usage {
        return outcome;
    }

    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = match new_debouncer(DEBOUNCE, tx) {
        Ok(d) => d,
        Err(e) => {
            output::eprint_error(&format!("cannot watch for changes: {e}"));
            return Outcome::Usage;
        }
    };
    for root in roots.iter().chain(&data) {
        // A file is watched through its directory: saving by rename replaces the file.
        let (path, mode) = match root.is_dir() {
            true => (root.as_path(), RecursiveMode::Recursive),
            false => (root.parent().unwrap_or(Path::new("/")), RecursiveMode::NonRecursive),
        };
        if let Err(e) = debouncer.watcher().watch(path, mode) {
            output::eprint_error(&format!("cannot watch `{}`: {e}", path.display()));
            return Outcome::Usage;
        }
    }
    note("watching for changes; press Ctrl-C to stop");

    // Reading a map to render it is an event too (an access): a map is rendered again
    // only when its modification time or size says it was written.
    let mut seen: BTreeMap<PathBuf, Stamp> = BTreeMap::new();

    for events in rx {
        let events = match events {
            Ok(events) => events,
            Err(e) => {
                output::eprint_error(&format!("watching: {e}"));
                continue;
            }
        };
        let paths: Vec<PathBuf> = events.into_iter().map(|e| e.path).collect();
        // A project file saved changes how every map is drawn.
        let project_files: BTreeSet<&PathBuf> =
            paths.iter().filter(|p| p.file_name().is_some_and(|n| n == journeymap::config::FILE_NAME)).collect();
        let project_changed = project_files.into_iter().fold(false, |changed, p| {
            let now = stamp(p);
            seen.insert(p.clone(), now) != Some(now) || changed
        });
        if project_changed {
            note("the project file changed; rendering everything again");
            render::run(args.clone());
            continue;
        }
        let data_changed = data.as_ref().is_some_and(|d| {
            paths.iter().any(|p| p == d) && {
                let now = stamp(d);
                seen.insert(d.clone(), now) != Some(now)
            }
        });
        if data_changed {
            note("the data file changed; rendering everything again");
            render::run(args.clone());
            continue;
        }
        let mut changed = BTreeSet::new();
        for path in paths {
            if path.is_dir() && roots.iter().any(|root| root.is_dir() && path.starts_with(root)) {
                // A new directory: maps written into it before the watch on it began
                // sent no event of their own.
                changed.extend(input::find(std::slice::from_ref(&path)).0.into_iter().map(|f| f.path));
            } else if is_watched_map(&path, &roots) {
                changed.insert(path);
            }
        }
        if changed.is_empty() {
            continue;
        }
        let (present, gone): (BTreeSet<PathBuf>, BTreeSet<PathBuf>) = changed.into_iter().partition(|p| p.is_file());
        for path in &gone {
            if seen.insert(path.clone(), None) != Some(None) {
                note(&format!(
                    "`{}` is gone; its outputs are kept, and it is rendered again when it is back",
                    path.display()
                ));
            }
        }
        let present: BTreeSet<PathBuf> = present
            .into_iter()
            .filter(|p| {
                let now = stamp(p);
                seen.insert(p.clone(), now) != Some(now)
            })
            .collect();
        if present.is_empty() {
            continue;
        }
        if batch::is_batch(&args) {
            // Prints its own summary line.
            let present: BTreeSet<PathBuf> = present.iter().filter_map(|p| p.canonicalize().ok()).collect();
            batch::run_only(args.clone(), Some(&present));
        } else {
            let path = args.maps[0].display();
            match render::run(args.clone()) {
                Outcome::Clean => note(&format!("rendered `{path}`")),
                _ => note(&format!("`{path}` not rendered; its outputs are as they were")),
            }
        }
    }
    Outcome::Clean
}

/// A `*.journey` file named on the command line, or under a directory named.
fn is_watched_map(path: &Path, roots: &[PathBuf]) -> bool {
    input::is_journey(path)
        && roots.iter().any(|root| if root.is_dir() { path.starts_with(root) } else { path == root })
}

/// When a file was last written, and its size; `None` for a file that is gone.
type Stamp = Option<(std::time::SystemTime, u64)>;

fn stamp(path: &Path) -> Stamp {
    std::fs::metadata(path).ok().and_then(|m| Some((m.modified().ok()?, m.len())))
}

fn note(message: &str) {
    let _ = writeln!(std::io::stderr(), "{message}");
}
