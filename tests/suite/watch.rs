//! `journeymap watch`: a running watcher sees files saved, broken, deleted and back.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::cli::write;

/// The watcher, killed when the test ends however it ends.
struct Watcher(Child);

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn watch(dir: &Path, args: &[&str]) -> Watcher {
    let log = std::fs::File::create(dir.join("watch.log")).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .arg("watch")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("journeymap runs");
    Watcher(child)
}

/// Waits (up to 20 s: CI machines are slow) until `ready` holds.
fn eventually(what: &str, dir: &Path, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        let log = std::fs::read_to_string(dir.join("watch.log")).unwrap_or_default();
        assert!(start.elapsed() < Duration::from_secs(20), "{what} never happened; the watcher said:\n{log}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn contains(path: &Path, text: &str) -> bool {
    std::fs::read_to_string(path).is_ok_and(|s| s.contains(text))
}

fn map(title: &str) -> String {
    format!("journey: {title}\nphase: P\n  step: S\n    emotion 1\n")
}

#[test]
fn a_watched_directory_is_rendered_again_on_every_save() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "maps/a.journey", &map("First"));
    write(root, "maps/sub/b.journey", &map("Bee"));
    let _watcher = watch(root, &["maps", "-o", "out"]);
    let (a_svg, b_svg) = (root.join("out/a.svg"), root.join("out/sub/b.svg"));
    let log = || std::fs::read_to_string(root.join("watch.log")).unwrap_or_default();
    eventually("the first render", root, || contains(&a_svg, "First") && log().contains("watching"));

    write(root, "maps/a.journey", &map("Second"));
    eventually("a render of the saved map", root, || contains(&a_svg, "Second"));

    // Briefly invalid: reported, the old output kept, the watcher goes on.
    write(root, "maps/a.journey", "journey: Broken\nphase: P\n  stpe: S\n");
    eventually("the diagnostic", root, || log().contains("J0101"));
    assert!(contains(&a_svg, "Second"), "the last good drawing stays");

    // Deleted and written again, as editors that save by renaming do.
    std::fs::remove_file(root.join("maps/sub/b.journey")).unwrap();
    eventually("the note that it is gone", root, || log().contains("is gone"));
    write(root, "maps/sub/b.journey", &map("Back"));
    eventually("a render of the map that came back", root, || contains(&b_svg, "Back"));
    write(root, "maps/a.journey", &map("Fixed"));
    eventually("a render of the repaired map", root, || contains(&a_svg, "Fixed"));
    // A project file saved in the tree: everything is drawn again, with its theme.
    write(root, "maps/a.journey", "journey: Themed\npersona anna: A\nphase: P\n  step: S\n    emotion anna 1\n");
    eventually("a render with a persona", root, || contains(&a_svg, "Themed"));
    write(root, "maps/journeymap.yaml", "theme:\n  personas:\n    anna: \"#13579b\"\n");
    eventually("a render with the project's theme", root, || {
        contains(&a_svg, "#13579B") || contains(&a_svg, "#13579b")
    });
    // A new map in the tree is picked up.
    write(root, "maps/new/c.journey", &map("New"));
    eventually("a render of a new map", root, || contains(&root.join("out/new/c.svg"), "New"));
}

#[test]
fn a_watched_file_is_rendered_beside_itself_after_a_save_by_rename() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "map.journey", &map("One"));
    let _watcher = watch(root, &["map.journey", "--format", "svg,html"]);
    let svg = root.join("map.svg");
    eventually("the first render", root, || contains(&svg, "One") && contains(&root.join("map.html"), "One"));
    // Written to a temporary file and renamed over the map.
    write(root, "map.journey.tmp", &map("Two"));
    std::fs::rename(root.join("map.journey.tmp"), root.join("map.journey")).unwrap();
    eventually("a render after the rename", root, || contains(&svg, "Two") && contains(&root.join("map.html"), "Two"));
}

#[test]
fn a_saved_data_file_renders_the_map_again() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "map.journey", include_str!("../data/map.journey"));
    write(root, "data/kpis.csv", "kpi,value,date\nwait,7,2026-10-01\n");
    let _watcher = watch(root, &["map.journey", "--data", "data/kpis.csv"]);
    let svg = root.join("map.svg");
    eventually("the first render", root, || contains(&svg, "as of 2026-10-01"));
    write(root, "data/kpis.csv", "kpi,value,date\nwait,7,2026-10-01\nwait,6,2026-11-01\n");
    eventually("a render with the new row", root, || contains(&svg, "as of 2026-11-01"));
}
