//! `journeymap render DIR… -o OUTDIR`: many maps at once, in parallel, into a mirror of
//! their tree. One broken map never stops the others; everything is reported at the
//! end, in the order of the maps.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::path::{Component, Path, PathBuf};
use std::time::SystemTime;

use journeymap::render::{self, RenderOptions};
use rayon::prelude::*;

use super::input::{self, Source};
use super::project::{Project, Projects};
use super::render::{Args, options};
use super::{Outcome, output};

/// The file in OUTDIR that says which version and options made the outputs in it.
pub const STAMP: &str = ".journeymap-stamp";

/// Several maps, a directory among them, or an existing directory as OUT.
pub fn is_batch(args: &Args) -> bool {
    let out_is_dir = |o: &Path| o.is_dir() || o.as_os_str().to_string_lossy().ends_with(std::path::MAIN_SEPARATOR);
    args.maps.len() > 1
        || args.maps.iter().any(|m| m.is_dir())
        || args.output.as_deref().is_some_and(|o| out_is_dir(o) && args.maps.iter().all(|m| m.as_os_str() != "-"))
}

/// One map to render, where its outputs go and how it is drawn.
struct Job {
    map: PathBuf,
    /// The outputs' path without extension: under OUT, under the project's out-dir, or
    /// beside the map.
    base: PathBuf,
    options: RenderOptions,
    project: Project,
    /// The KPI data file that applies: `--data`, else the project file's.
    data: Option<PathBuf>,
}

/// What became of one map.
#[derive(Default)]
struct Done {
    /// Diagnostics and errors, as they are printed.
    report: String,
    outcome: Option<Outcome>,
    skipped: bool,
    data: Option<super::data::Use>,
}

pub fn run(args: Args) -> Outcome {
    run_only(args, None)
}

/// Renders, of the maps `args` names, only those in `only` (canonical paths), when
/// given: `watch` re-renders the maps that were saved. The stamp is then left as it
/// is unless a map fails.
pub fn run_only(args: Args, only: Option<&BTreeSet<PathBuf>>) -> Outcome {
    let fail = |message: String| {
        output::eprint_error(&message);
        Outcome::Usage
    };
    if args.maps.iter().any(|m| m.as_os_str() == "-") {
        return fail("standard input (`-`) cannot be rendered together with other maps".into());
    }
    if args.output.as_deref().is_some_and(|o| o.as_os_str() == "-") {
        return fail("several maps cannot go to standard output; name a directory with -o".into());
    }
    let out_dir = args.output.as_deref();
    if let Some(dir) = out_dir
        && dir.exists()
        && !dir.is_dir()
    {
        return fail(format!("`{}` is not a directory; several maps are rendered into a directory", dir.display()));
    }

    let (mut found, walk_errors) = input::find(&args.maps);
    // A map named twice (or found under two directories named) is drawn once; `only`
    // keeps the maps `watch` saw saved. Walked from the paths named, `relative` is plain
    // names: nothing climbs out of OUT (checked all the same).
    let mut seen = BTreeSet::new();
    found.retain(|f| {
        let canonical = f.path.canonicalize().unwrap_or_else(|_| f.path.clone());
        only.is_none_or(|only| only.contains(&canonical))
            && f.relative.components().all(|c| matches!(c, Component::Normal(_)))
            && seen.insert((canonical, f.relative.clone()))
    });
    if let Some(e) = walk_errors.iter().find(|e| e.usage) {
        return fail(e.message.clone());
    }
    // Each map's project file, read once each, before the parallel part: a broken one
    // is reported and its maps are not rendered.
    let mut projects = Projects::default();
    let mut jobs = Vec::new();
    let mut config_failed = false;
    for input::Found { path: map, relative } in found {
        let project = match projects.for_source(&Source::File(map.clone())) {
            Ok(p) => p,
            Err(failure) => {
                failure.eprint();
                config_failed = true;
                continue;
            }
        };
        let options = match options(&args, &project, true) {
            Ok(s) => s,
            Err(e) => return fail(e),
        };
        let base = match out_dir {
            Some(dir) => dir.join(&relative).with_extension(""),
            None => project.out_base(&map).unwrap_or_else(|| map.with_extension("")),
        };
        let data = args.data.clone().or_else(|| project.data_file());
        jobs.push(Job { map, base, options, project, data });
    }
    if let Err(e) = check_clashes(&jobs) {
        return fail(e);
    }

    let fingerprint = fingerprint(&args, &jobs);
    let up_to_date_allowed = !args.force && out_dir.is_some_and(|dir| stamp_matches(dir, &fingerprint));
    let progress = progress_bar(jobs.len());
    let mut done: Vec<Done> = jobs
        .par_iter()
        .map(|job| {
            let done = render_one(job, up_to_date_allowed);
            progress.inc(1);
            done
        })
        .collect();
    progress.finish_and_clear();

    let mut outcome = if config_failed { Outcome::Usage } else { Outcome::Clean };
    let mut stderr = std::io::stderr().lock();
    let mut collected = super::data::Collected::default();
    // Maps skipped as up to date, or only some of them (`watch`): their KPI ids unseen.
    if only.is_some() {
        collected.partial();
    }
    for d in done.iter_mut() {
        let _ = stderr.write_all(d.report.as_bytes());
        outcome = outcome.max(d.outcome.unwrap_or(Outcome::Clean));
        match d.data.take() {
            Some(data) => collected.add(data),
            None if d.skipped => collected.partial(),
            None => {}
        }
    }
    for (name, text, diags) in collected.reports() {
        let _ =
            stderr.write_all(journeymap::diag::render::human(&name, &text, &diags, output::stderr_style()).as_bytes());
    }
    for e in &walk_errors {
        let _ = writeln!(stderr, "error: {}", e.message);
        outcome = outcome.max(Outcome::Problems);
    }
    let failed = done.iter().filter(|d| d.outcome.is_some_and(|o| o != Outcome::Clean)).count();
    let skipped = done.iter().filter(|d| d.skipped).count();
    let _ = writeln!(stderr, "{}", summary(jobs.len(), skipped, failed));
    drop(stderr);

    if let Some(dir) = out_dir {
        // The stamp vouches for every output in OUT: written only when every map was
        // rendered (or was up to date), removed otherwise so that the next run checks all.
        let stamp = dir.join(STAMP);
        if outcome == Outcome::Clean && only.is_none() {
            if let Err(e) = output::write_atomic(&stamp, fingerprint.as_bytes()) {
                output::eprint_error(&e);
                outcome = outcome.max(Outcome::Usage);
            }
        } else if outcome != Outcome::Clean {
            let _ = std::fs::remove_file(&stamp);
        }
    }
    outcome
}

/// Two maps that would write the same file (`a/x.journey` and `b/x.journey` both into
/// OUT/x.svg) are refused before anything is written.
fn check_clashes(jobs: &[Job]) -> Result<(), String> {
    let mut seen: std::collections::BTreeMap<&Path, &Path> = std::collections::BTreeMap::new();
    for job in jobs {
        if let Some(other) = seen.insert(&job.base, &job.map)
            && other != job.map
        {
            let ext = job.options.formats.first().map_or("svg", |f| f.extension());
            return Err(format!(
                "`{}` and `{}` would both be written to `{}`; render them into different directories",
                other.display(),
                job.map.display(),
                job.base.with_extension(ext).display()
            ));
        }
    }
    Ok(())
}

/// What, besides the map, decides the outputs' bytes: the version, the options given,
/// and the project files that apply. (The formats do not: each output is checked on
/// its own.)
fn fingerprint(args: &Args, jobs: &[Job]) -> String {
    use sha2::Digest as _;
    let mut text = format!("journeymap {}\npage {:?}\nscale {:?}\n", env!("CARGO_PKG_VERSION"), args.page, args.scale)
        .to_lowercase();
    if let Some(view) = args.view {
        let _ = writeln!(text, "view {}", journeymap::lanes::View::from(view).name());
    }
    let files: BTreeSet<&Path> = jobs.iter().filter_map(|j| j.project.path.as_deref()).collect();
    let data: BTreeSet<&Path> = jobs.iter().filter_map(|j| j.data.as_deref()).collect();
    for (kind, file) in files.into_iter().map(|f| ("project", f)).chain(data.into_iter().map(|f| ("data", f))) {
        let digest = sha2::Sha256::digest(std::fs::read(file).unwrap_or_default());
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        let _ = writeln!(text, "{kind} {} {hex}", file.display());
    }
    // The project's font files: a changed font changes every drawing.
    let fonts: BTreeSet<u64> = jobs.iter().filter_map(|j| j.project.fonts.as_ref()).map(|f| f.key()).collect();
    for key in fonts {
        let _ = writeln!(text, "fonts {key:016x}");
    }
    text
}

fn stamp_matches(dir: &Path, fingerprint: &str) -> bool {
    std::fs::read_to_string(dir.join(STAMP)).is_ok_and(|s| s == fingerprint)
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn render_one(job: &Job, up_to_date_allowed: bool) -> Done {
    let mut done = Done::default();
    let formats = &job.options.formats;
    let targets: Vec<PathBuf> = formats.iter().map(|f| job.base.with_extension(f.extension())).collect();
    if up_to_date_allowed
        && let Some(map_time) = modified(&job.map)
        && targets.iter().all(|t| modified(t).is_some_and(|t| t >= map_time))
    {
        done.skipped = true;
        return done;
    }
    let (name, compiled, data) =
        match job.project.compile_with_data(&Source::File(job.map.clone()), job.data.as_deref()) {
            Ok(c) => c,
            Err(e) => {
                let _ = writeln!(done.report, "error: {e}");
                done.outcome = Some(Outcome::Problems);
                return done;
            }
        };
    if !compiled.diags.is_empty() {
        done.report.push_str(&journeymap::diag::render::human(
            &name,
            &compiled.source,
            &compiled.diags,
            output::stderr_style(),
        ));
    }
    // A data file's problems are printed once for the batch; an error there stops this
    // map as an error in the map does.
    let data_failed = data.as_ref().is_some_and(|d| d.has_errors());
    done.data = data;
    let journey = match &compiled.journey {
        Some(journey) if !compiled.has_errors() && !data_failed => journey,
        _ => {
            done.outcome = Some(Outcome::Problems);
            return done;
        }
    };
    if let Some(parent) = job.base.parent()
        && let Err(e) = std::fs::create_dir_all(parent)
    {
        let _ = writeln!(done.report, "error: cannot create `{}`: {e}", parent.display());
        done.outcome = Some(Outcome::Usage);
        return done;
    }
    let mut outcome = Outcome::Clean;
    let drawings = render::render(journey, &compiled.source, &job.options);
    for (drawing, target) in drawings.into_iter().zip(&targets) {
        let written = drawing.result.map_err(|e| e.to_string()).and_then(|b| output::write_atomic(target, &b));
        if let Err(e) = written {
            let _ = writeln!(done.report, "error: {name}: {e}");
            outcome = outcome.max(Outcome::Problems);
        }
    }
    done.outcome = Some(outcome);
    done
}

/// A progress bar on a terminal, for batches long enough to wait for; nothing in a
/// pipe or a CI log.
fn progress_bar(len: usize) -> indicatif::ProgressBar {
    if len < 8 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} maps  {elapsed}") {
        bar.set_style(style);
    }
    bar
}

fn summary(maps: usize, skipped: usize, failed: usize) -> String {
    let plural = |n: usize| if n == 1 { "map" } else { "maps" };
    let mut line = format!("rendered {} of {maps} {}", maps - skipped - failed, plural(maps));
    if skipped > 0 {
        let _ = write!(line, "; {skipped} up to date");
    }
    if failed > 0 {
        let _ = write!(line, "; {failed} failed");
    }
    line
}
