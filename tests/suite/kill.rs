//! A batch render killed half-way (SIGKILL: no destructor, no clean-up) leaves every
//! output either complete and old or complete and new, and no stamp that vouches for
//! the half-done batch.
//!
//! Why this catches a non-atomic write: the watcher below kills the process as soon as
//! any output's metadata (inode, length or modification time) changes. A plain
//! `std::fs::write` truncates the output in place first, so that is the change it
//! sees, and the kill then lands while that output is empty or half-written: neither
//! the old bytes nor the new. With `write_atomic` an output only ever changes by a
//! rename of a complete, synced temporary file.

#![cfg(unix)]

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const STAMP: &str = ".journeymap-stamp";
/// The prefix of `write_atomic`'s temporary files (the stamp shares it).
const TEMP_PREFIX: &str = ".journeymap-";
const STEPS: usize = 60;
const SIGKILL: i32 = 9;

/// Map `i` in version `v`: a generated map whose title says which it is, in one of a
/// few subdirectories.
fn map(i: usize, v: char) -> (String, String) {
    let text = journeymap::generate::map(STEPS).replacen(
        "journey: Synthetic journey",
        &format!("journey: Map {i}, version {v}"),
        1,
    );
    (format!("group-{}/map-{i:03}.journey", i % 4), text)
}

fn write_maps(dir: &Path, count: usize, v: char) {
    for i in 0..count {
        let (name, text) = map(i, v);
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

fn command(maps: &Path, out: &Path, force: bool) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_journeymap"));
    c.args(["render", "--format", "svg,html", "-o"]).arg(out).arg(maps);
    if force {
        c.arg("--force");
    }
    c.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped());
    c
}

fn render(maps: &Path, out: &Path, force: bool) {
    let o = command(maps, out, force).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// Every file under `dir` (relative path → bytes), the stamp and temporary files apart.
fn outputs(dir: &Path) -> (BTreeMap<PathBuf, Vec<u8>>, Vec<PathBuf>) {
    let (mut found, mut temporary) = (BTreeMap::new(), Vec::new());
    for entry in walkdir::WalkDir::new(dir).into_iter().map(Result::unwrap) {
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(dir).unwrap().to_path_buf();
        let name = entry.file_name().to_string_lossy();
        if name == STAMP {
            continue;
        }
        if name.starts_with(TEMP_PREFIX) {
            temporary.push(relative);
        } else {
            found.insert(relative, std::fs::read(entry.path()).unwrap());
        }
    }
    (found, temporary)
}

type Signature = (u64, u64, i64, i64);

fn signature(path: &Path) -> Option<Signature> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.ino(), m.len(), m.mtime(), m.mtime_nsec()))
}

/// Kills to make, each in a batch from one finished version to the other. A plain
/// write is caught by most kills but not every one (the write in flight may end before
/// the signal lands), so one kill is not enough to tell.
const KILLS: usize = 4;

/// What one killed batch left: outputs new, outputs still old, temporary files.
type Killed = (usize, usize, usize);

/// `count` maps rendered into OUT, then `KILLS` batches into it, each of the other
/// version, killed half-way and then finished by a plain run. `None` when a batch was
/// done before the kill landed: more maps are needed.
fn attempt(count: usize) -> Option<Vec<Killed>> {
    let dir = tempfile::tempdir().unwrap();
    let (maps, expected, out) = (dir.path().join("maps"), dir.path().join("expected"), dir.path().join("out"));

    // Version A into OUT; version B once elsewhere, to know its bytes.
    write_maps(&maps, count, 'A');
    render(&maps, &out, false);
    let (a, none) = outputs(&out);
    assert!(none.is_empty(), "a finished batch leaves no temporary files: {none:?}");
    assert_eq!(a.len(), count * 2);
    let stamp = std::fs::read(out.join(STAMP)).expect("a clean batch writes its stamp");
    let maps_b = dir.path().join("maps-b");
    write_maps(&maps_b, count, 'B');
    render(&maps_b, &expected, false);
    let (b, _) = outputs(&expected);
    assert_eq!(b.keys().collect::<Vec<_>>(), a.keys().collect::<Vec<_>>());
    for (name, bytes) in &b {
        assert_ne!(bytes, &a[name], "{}: version B must differ from A", name.display());
    }

    let mut kills = Vec::new();
    let (mut old, mut new) = (&a, &b);
    for round in 0..KILLS {
        write_maps(&maps, count, if round % 2 == 0 { 'B' } else { 'A' });
        kills.push(kill_midway(&maps, &out, old, new, &stamp)?);
        // The old stamp still stands, but vouches only for outputs newer than their
        // maps: the next run without --force finishes the batch.
        render(&maps, &out, false);
        let (after, _) = outputs(&out);
        assert!(&after == new, "the next run renders every map the killed one did not");
        (old, new) = (new, old);
    }
    Some(kills)
}

/// Renders the maps (now of the version whose outputs are `new`) into OUT (holding
/// `old`), kills the process as soon as any output changes in any way, and checks what
/// is left.
fn kill_midway(
    maps: &Path,
    out: &Path,
    old: &BTreeMap<PathBuf, Vec<u8>>,
    new: &BTreeMap<PathBuf, Vec<u8>>,
    stamp_before: &[u8],
) -> Option<Killed> {
    let watched: Vec<(PathBuf, Option<Signature>)> =
        old.keys().map(|name| (out.join(name), signature(&out.join(name)))).collect();
    let mut child = command(maps, out, true).spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if watched.iter().any(|(path, before)| signature(path) != *before) {
            child.kill().unwrap();
            break;
        }
        if child.try_wait().unwrap().is_some() {
            return None;
        }
        assert!(Instant::now() < deadline, "the batch never replaced an output");
    }
    let status = child.wait().unwrap();
    if status.signal() != Some(SIGKILL) {
        return None; // it exited on its own just before the kill
    }

    let (now, temporary) = outputs(out);
    assert_eq!(now.keys().collect::<Vec<_>>(), old.keys().collect::<Vec<_>>(), "no output lost, none added");
    let (mut replaced, mut kept) = (0, 0);
    for (name, bytes) in &now {
        if bytes == &new[name] {
            replaced += 1;
        } else if bytes == &old[name] {
            kept += 1;
        } else {
            panic!(
                "{} is neither the old nor the new output ({} bytes; old {}, new {})",
                name.display(),
                bytes.len(),
                old[name].len(),
                new[name].len()
            );
        }
    }
    for t in &temporary {
        // A leftover temporary file is never taken for an output: it has the hidden
        // prefix and no output's extension, so no reader or later batch looks at it.
        let name = t.file_name().unwrap().to_string_lossy();
        assert!(name.starts_with(TEMP_PREFIX) && t.extension().is_none(), "{}", t.display());
        assert!(!old.contains_key(t));
    }
    match std::fs::read(out.join(STAMP)) {
        Ok(stamp) => assert_eq!(stamp, stamp_before, "the stamp is the old batch's, never rewritten mid-batch"),
        Err(e) => assert_eq!(e.kind(), std::io::ErrorKind::NotFound),
    }
    (kept > 0).then_some((replaced, kept, temporary.len()))
}

#[test]
fn a_batch_killed_midway_leaves_every_output_old_or_new() {
    let mut count = 40;
    for _ in 0..4 {
        if let Some(kills) = attempt(count) {
            for (new, old, temporary) in kills {
                eprintln!("killed with {new} outputs new, {old} still old, {temporary} temporary files left");
            }
            return;
        }
        count *= 2;
    }
    panic!("the batch always finished before it could be killed");
}
