//! `journeymap render DIR… -o OUTDIR`: many maps in parallel, into a mirror of their tree.

use std::path::{Path, PathBuf};

use crate::cli::{code, run, text, write};

const GOOD: &str = "journey: Good\nphase: P\n  step: S\n    emotion 1\n";
const BAD: &str = "journey: Bad\nphase: P\n  step: S\n    emotion 9\n";

/// Every file under `dir`, relative to it, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut found: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().display().to_string())
        .collect();
    found.sort();
    found
}

fn render(args: &[&str]) -> (i32, String) {
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    let o = run(&all, None);
    (code(&o), text(&o.stderr))
}

/// A tree of good and bad maps, nested, with a symbolic-link loop.
fn tree() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let maps = dir.path().join("maps");
    write(&maps, "a.journey", GOOD);
    write(&maps, "nested/b.journey", GOOD);
    write(&maps, "nested/deeper/c.journey", GOOD);
    write(&maps, "other/broken.journey", BAD);
    write(&maps, "notes.txt", "not a map");
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", maps.join("nested/loop")).unwrap();
    (dir, maps)
}

#[test]
fn a_tree_renders_into_a_mirror_and_a_broken_map_stops_nothing() {
    let (dir, maps) = tree();
    let out = dir.path().join("out");
    let (status, stderr) = render(&[maps.to_str().unwrap(), "-o", out.to_str().unwrap(), "--format", "svg,png"]);
    assert_eq!(status, 1, "{stderr}");
    assert!(
        stderr.contains("J0402") && stderr.contains("broken.journey:4:13"),
        "the broken map's diagnostic: {stderr}"
    );
    #[cfg(unix)]
    assert!(stderr.contains("loop"), "the symbolic-link loop is reported: {stderr}");
    assert!(stderr.contains("rendered 3 of 4 maps; 1 failed"), "{stderr}");
    assert_eq!(
        files(&out),
        ["a.png", "a.svg", "nested/b.png", "nested/b.svg", "nested/deeper/c.png", "nested/deeper/c.svg"]
    );
    // Nothing was written anywhere else: the maps' tree holds only what it held.
    let mut expected =
        vec!["a.journey", "nested/b.journey", "nested/deeper/c.journey", "notes.txt", "other/broken.journey"];
    expected.sort();
    let mut walked = files(&maps);
    walked.retain(|f| !f.starts_with("nested/loop"));
    assert_eq!(walked, expected);
    assert_eq!(files(dir.path()).len(), expected.len() + 6, "{:?}", files(dir.path()));
    assert!(!out.join(".journeymap-stamp").exists(), "no stamp vouches for a batch that failed");
}

#[test]
fn unchanged_maps_are_skipped_until_the_map_options_or_force_say_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let maps = dir.path().join("maps");
    write(&maps, "a.journey", GOOD);
    write(&maps, "sub/b.journey", GOOD);
    let out = dir.path().join("out");
    let (maps, out) = (maps.to_str().unwrap(), out.to_str().unwrap());
    let (status, stderr) = render(&[maps, "-o", out]);
    assert_eq!((status, stderr.trim()), (0, "rendered 2 of 2 maps"));
    let (status, stderr) = render(&[maps, "-o", out]);
    assert_eq!((status, stderr.trim()), (0, "rendered 0 of 2 maps; 2 up to date"));

    // A map saved again is drawn again (file times have a coarse grain on some systems).
    std::thread::sleep(std::time::Duration::from_millis(20));
    let b = Path::new(maps).join("sub/b.journey");
    std::fs::write(&b, GOOD.replace("Good", "Better")).unwrap();
    let (_, stderr) = render(&[maps, "-o", out]);
    assert_eq!(stderr.trim(), "rendered 1 of 2 maps; 1 up to date");
    assert!(std::fs::read_to_string(Path::new(out).join("sub/b.svg")).unwrap().contains("Better"));

    let (_, stderr) = render(&[maps, "-o", out, "--force"]);
    assert_eq!(stderr.trim(), "rendered 2 of 2 maps");
    // Other options make other bytes: everything is drawn again.
    let (_, stderr) = render(&[maps, "-o", out, "--page", "a4"]);
    assert_eq!(stderr.trim(), "rendered 2 of 2 maps");
    // A format not made yet is made.
    let (_, stderr) = render(&[maps, "-o", out, "--page", "a4", "--format", "svg,html"]);
    assert_eq!(stderr.trim(), "rendered 2 of 2 maps");
    assert!(Path::new(out).join("sub/b.html").exists());
}

#[test]
fn batch_usage_errors_exit_2_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "one/x.journey", GOOD);
    let b = write(dir.path(), "two/x.journey", GOOD);
    let out = dir.path().join("out");
    let out = out.to_str().unwrap();
    // Two maps that would write the same file.
    let (status, stderr) = render(&[&a, &b, "-o", out]);
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.contains("would both be written"), "{stderr}");
    assert!(!Path::new(out).exists(), "nothing written");
    // Standard input among several maps, or several maps to standard output.
    assert_eq!(render(&[&a, "-", "-o", out]).0, 2);
    assert_eq!(render(&[&a, &b, "-o", "-"]).0, 2);
    // A directory without maps, a missing path.
    std::fs::create_dir_all(dir.path().join("empty")).unwrap();
    assert_eq!(render(&[dir.path().join("empty").to_str().unwrap(), "-o", out]).0, 2);
    assert_eq!(render(&[&a, dir.path().join("missing").to_str().unwrap(), "-o", out]).0, 2);
    // OUT is a file.
    assert_eq!(render(&[dir.path().join("one").to_str().unwrap(), "-o", &a]).0, 2);
}

#[test]
fn several_maps_without_out_are_drawn_beside_themselves() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.journey", GOOD);
    let b = write(dir.path(), "sub/b.journey", GOOD);
    let (status, stderr) = render(&[&a, &b]);
    assert_eq!(status, 0, "{stderr}");
    assert_eq!(files(dir.path()), ["a.journey", "a.svg", "sub/b.journey", "sub/b.svg"]);
}

#[test]
fn an_out_ending_in_a_slash_is_a_directory_and_a_map_named_twice_is_drawn_once() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.journey", GOOD);
    let out = format!("{}/", dir.path().join("out").display());
    let (status, stderr) = render(&[&a, "-o", &out]);
    assert_eq!((status, stderr.trim()), (0, "rendered 1 of 1 map"));
    assert!(dir.path().join("out/a.svg").is_file());
    let (status, stderr) = render(&[&a, &a, "-o", dir.path().join("twice").to_str().unwrap()]);
    assert_eq!((status, stderr.trim()), (0, "rendered 1 of 1 map"));
}
