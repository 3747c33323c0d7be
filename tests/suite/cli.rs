//! The `journeymap` binary end to end: arguments, exit codes, output streams, files.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::common::root;

pub(crate) fn journeymap(args: &[&str]) -> Output {
    run(args, None)
}

pub(crate) fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("journeymap runs");
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or_default()).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

pub(crate) fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally, not by a signal")
}

pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("output is UTF-8")
}

pub(crate) fn write(dir: &Path, name: &str, content: &str) -> String {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, content).unwrap();
    path.display().to_string()
}

pub(crate) const GOOD: &str = "journey: Good\nphase: P\n  step: S\n    emotion 1\n";
pub(crate) const BAD: &str = "journey: Bad\nphase: P\n  stpe: S\n  step: T\n    emotion 7\n";
const WARNS: &str = "journey: Warns\nphase: Empty\nphase: P\n  step: S\n    emotion 1\n";

#[test]
fn examples_check_clean_with_deny_warnings() {
    let o = journeymap(&["check", "--deny-warnings", "examples", "../shared/examples"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("no problems"));
    assert!(o.stdout.is_empty());
}

#[test]
fn a_directory_with_one_bad_map_checks_all_the_others() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a-good.journey", GOOD);
    write(dir.path(), "b-bad.journey", BAD);
    write(dir.path(), "nested/c-bad.journey", BAD);
    write(dir.path(), "nested/ignored.txt", "not a map");
    let o = journeymap(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(code(&o), 1);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("stdout is one JSON document");
    let files: Vec<&str> =
        json["diagnostics"].as_array().unwrap().iter().map(|d| d["file"].as_str().unwrap()).collect();
    assert_eq!(files.len(), 4, "two problems in each bad map");
    assert!(files[0].ends_with("b-bad.journey") && files[3].ends_with("c-bad.journey"), "{files:?}");
}

#[test]
fn json_output_has_exactly_the_promised_fields() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.journey", BAD);
    let o = journeymap(&["check", "--format", "json", &bad]);
    assert_eq!(code(&o), 1);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json.as_object().unwrap().keys().collect::<Vec<_>>(), ["diagnostics"]);
    let first = &json["diagnostics"][0];
    let mut keys: Vec<&str> = first.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["code", "column", "end_column", "end_line", "file", "help", "line", "message", "severity"]);
    assert_eq!(first["code"], "J0101");
    assert_eq!(first["severity"], "error");
    assert_eq!((first["line"].as_u64(), first["column"].as_u64()), (Some(3), Some(3)));
    assert_eq!((first["end_line"].as_u64(), first["end_column"].as_u64()), (Some(3), Some(7)));
    assert!(o.stderr.is_empty(), "json mode prints nothing else: {}", text(&o.stderr));
}

#[test]
fn columns_count_characters_not_bytes() {
    // A tab and three two-byte letters before the span: in characters the span is
    // columns 6 to 10; counted in bytes it would be 9 to 13.
    let o = run(&["check", "--format", "json", "-"], Some("journey: T\nphase: P\n\tæøå stpe: x\n".as_bytes()));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = &json["diagnostics"][0];
    assert_eq!(d["file"], "<stdin>");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64(), d["end_column"].as_u64()),
        (Some(3), Some(2), Some(5)),
        "{d}"
    );
    let o = run(&["check", "--format", "json", "-"], Some("journey: T\nphase: ÆØÅ\n\tstep ænna: S\n".as_bytes()));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        (json["diagnostics"][0]["column"].as_u64(), json["diagnostics"][0]["end_column"].as_u64()),
        (Some(7), Some(11))
    );
}

#[test]
fn a_directory_without_maps_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.txt", "no maps here");
    let o = journeymap(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    assert!(text(&o.stderr).contains("no `*.journey` files"));
}

#[test]
fn warnings_pass_unless_denied() {
    let dir = tempfile::tempdir().unwrap();
    let map = write(dir.path(), "warns.journey", WARNS);
    let o = journeymap(&["check", &map]);
    assert_eq!(code(&o), 0);
    assert!(text(&o.stderr).contains("J0501"));
    let o = journeymap(&["check", "--deny-warnings", "--format", "json", &map]);
    assert_eq!(code(&o), 1);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["diagnostics"][0]["severity"], "error");
}

#[test]
fn human_output_names_file_line_and_column_without_colour_in_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.journey", BAD);
    let o = journeymap(&["check", &bad]);
    assert_eq!(code(&o), 1);
    let err = text(&o.stderr);
    assert!(err.contains(&format!("{bad}:3:3")), "{err}");
    assert!(err.contains("did you mean `step`?"));
    assert!(!err.contains('\u{1b}'), "no ANSI colour when stderr is not a terminal");
    assert!(err.trim_end().ends_with("checked 1 file: 2 errors"), "{err}");
}

#[test]
fn missing_files_are_usage_errors_but_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.journey", BAD);
    let o = journeymap(&["check", "--format", "json", "no/such/file.journey", &bad]);
    assert_eq!(code(&o), 2);
    assert!(text(&o.stderr).contains("no/such/file.journey"));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["diagnostics"].as_array().unwrap().len(), 2);
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(code(&journeymap(&["check"])), 2);
    assert_eq!(code(&journeymap(&["check", "--format", "xml", "examples"])), 2);
    assert_eq!(code(&journeymap(&["frobnicate"])), 2);
    assert_eq!(code(&journeymap(&["export", "--format", "toml", "examples/minimal.journey"])), 2);
}

#[test]
fn stdin_is_checked_with_a_dash() {
    assert_eq!(code(&run(&["check", "-"], Some(GOOD.as_bytes()))), 0);
    assert_eq!(code(&run(&["check", "-"], Some(BAD.as_bytes()))), 1);
    assert_eq!(code(&run(&["check", "-"], Some(b"\x00\x01\x02binary\xff\xfe"))), 1);
}

#[test]
fn huge_inputs_get_diagnostics_not_crashes() {
    // A line of a million characters: J0006, its end underlined, nothing quoted at length.
    let long_line = format!("journey: L\nphase: P\n  step: {}\n    emotion 1\n", "x".repeat(1 << 20));
    let o = run(&["check", "--format", "json", "-"], Some(long_line.as_bytes()));
    assert_eq!(code(&o), 1);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["diagnostics"][0]["code"], "J0006");
    assert_eq!(json["diagnostics"][0]["column"], 10_001);
    let o = run(&["check", "-"], Some(long_line.as_bytes()));
    assert!(o.stderr.len() < 10_000, "the report does not quote the whole line: {} bytes", o.stderr.len());
    // At the limit it is read.
    let at_limit = format!("journey: L\nphase: P\n  step: {}\n    emotion 1\n", "x".repeat(10_000 - 8));
    assert_eq!(code(&run(&["check", "-"], Some(at_limit.as_bytes()))), 0);
    let long_bad = format!("journey: L\nphase: P\n  step {}\n", "y ".repeat(1 << 19));
    assert_eq!(code(&run(&["check", "-"], Some(long_bad.as_bytes()))), 1);
}

#[test]
fn a_50_mb_file_is_refused_with_one_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.journey");
    let line = "  note: a line repeated until the file is far larger than any map\n";
    std::fs::write(&path, format!("journey: Huge\nphase: P\n{}", line.repeat(50_000_000 / line.len()))).unwrap();
    let o = journeymap(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(code(&o), 1);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["diagnostics"].as_array().unwrap().len(), 1);
    assert_eq!(json["diagnostics"][0]["code"], "J0005");
}

#[test]
fn a_large_broken_file_reports_in_bounded_output() {
    // Just under the size limit, every line broken: 200 diagnostics and a count.
    let body = "lorem ipsum dolor sit: amet\n".repeat(15_000_000 / 28);
    let o = run(&["check", "--format", "json", "-"], Some(format!("journey: Broken\nphase: P\n{body}").as_bytes()));
    assert_eq!(code(&o), 1);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let diags = json["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 201);
    assert_eq!(diags[200]["code"], "J0004");
    assert!(diags[200]["message"].as_str().unwrap().starts_with(&format!("{} more problems", 15_000_000 / 28 - 200)));
}

#[test]
fn export_json_and_yaml_describe_the_same_model() {
    let map = "examples/home-insurance.journey";
    let json = journeymap(&["export", "--format", "json", map]);
    assert_eq!(code(&json), 0, "{}", text(&json.stderr));
    let yaml = journeymap(&["export", "--format", "yaml", map]);
    assert_eq!(code(&yaml), 0);
    let from_json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let from_yaml: serde_json::Value = serde_saphyr::from_slice(&yaml.stdout).expect("export is valid YAML");
    assert_eq!(from_json, from_yaml);
    assert_eq!(from_json["title"], "Buying home insurance");
    let gaps: Vec<u64> =
        from_json["derived"]["gaps"].as_array().unwrap().iter().map(|g| g["step"].as_u64().unwrap()).collect();
    assert_eq!(gaps, [1, 6], "the lease (landlord only) and the silent eleven months");
    assert_eq!(journeymap(&["export", map]).stdout, json.stdout, "export is deterministic");
}

#[test]
fn export_escapes_user_text() {
    let map = "journey: \"quotes\" & <script>alert(1)</script>\nphase: key: value # not a comment\n  step: ü\u{1F600} \\ backslash\n    emotion 0\n";
    let json = run(&["export", "-"], Some(map.as_bytes()));
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["title"], "\"quotes\" & <script>alert(1)</script>");
    assert_eq!(value["phases"][0]["name"], "key: value # not a comment");
    let yaml = run(&["export", "--format", "yaml", "-"], Some(map.as_bytes()));
    let value: serde_json::Value = serde_saphyr::from_slice(&yaml.stdout).unwrap();
    assert_eq!(value["phases"][0]["name"], "key: value # not a comment");
    assert_eq!(value["phases"][0]["steps"][0]["action"], "ü\u{1F600} \\ backslash");
}

#[test]
fn a_map_with_errors_exports_nothing_and_leaves_the_old_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("model.json");
    std::fs::write(&out, "previous export").unwrap();
    let bad = write(dir.path(), "bad.journey", BAD);
    let o = journeymap(&["export", &bad, "-o", out.to_str().unwrap()]);
    assert_eq!(code(&o), 1);
    assert!(o.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous export");
    let good = write(dir.path(), "good.journey", GOOD);
    assert_eq!(code(&journeymap(&["export", &good, "-o", out.to_str().unwrap()])), 0);
    assert!(std::fs::read_to_string(&out).unwrap().contains("\"title\": \"Good\""));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".journeymap-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind: {leftovers:?}");
}

#[test]
fn export_to_an_unwritable_place_is_a_usage_error() {
    let o = journeymap(&["export", "examples/minimal.journey", "-o", "/nonexistent-dir/x.json"]);
    assert_eq!(code(&o), 2);
    assert!(text(&o.stderr).contains("cannot write"));
}

#[test]
fn render_writes_the_svg_beside_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let map = write(dir.path(), "good.journey", GOOD);
    let o = journeymap(&["render", &map]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let svg = std::fs::read_to_string(dir.path().join("good.svg")).unwrap();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("good.svg")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644, "readable like any other file");
    }
}

#[test]
fn render_to_stdout_and_to_a_page() {
    let o = journeymap(&["render", "examples/home-insurance.journey", "-o", "-", "--page", "a4"]);
    assert_eq!(code(&o), 0);
    let svg = text(&o.stdout);
    assert!(svg.contains("width=\"297mm\""), "{}", &svg[..200]);
    assert_eq!(code(&run(&["render", "-"], Some(GOOD.as_bytes()))), 0);
    assert!(code(&journeymap(&["render", "examples/minimal.journey", "--page", "letter"])) == 2);
}

#[test]
fn a_map_with_errors_renders_nothing_and_keeps_the_old_svg() {
    let dir = tempfile::tempdir().unwrap();
    let map = write(dir.path(), "bad.journey", BAD);
    let out = dir.path().join("bad.svg");
    std::fs::write(&out, "<svg>old</svg>").unwrap();
    let o = journeymap(&["render", &map]);
    assert_eq!(code(&o), 1);
    assert!(text(&o.stderr).contains("J0101"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "<svg>old</svg>");
    assert!(o.stdout.is_empty());
}

#[test]
fn render_several_formats_in_one_call() {
    let dir = tempfile::tempdir().unwrap();
    let map = write(dir.path(), "good.journey", GOOD);
    let o = journeymap(&["render", &map, "--format", "svg,png,pdf", "--scale", "1"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert!(std::fs::read(dir.path().join("good.svg")).unwrap().starts_with(b"<svg"));
    assert!(std::fs::read(dir.path().join("good.png")).unwrap().starts_with(b"\x89PNG"));
    assert!(std::fs::read(dir.path().join("good.pdf")).unwrap().starts_with(b"%PDF-"));
    // The format follows -o's extension; with several formats, -o names the stem.
    let out = dir.path().join("out/map.png");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    assert_eq!(code(&journeymap(&["render", &map, "-o", out.to_str().unwrap()])), 0);
    assert!(std::fs::read(&out).unwrap().starts_with(b"\x89PNG"));
    let both = dir.path().join("out/both.svg");
    assert_eq!(code(&journeymap(&["render", &map, "-o", both.to_str().unwrap(), "--format", "png,svg"])), 0);
    assert!(dir.path().join("out/both.png").exists() && both.exists());
}

#[test]
fn render_usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let map = write(dir.path(), "good.journey", GOOD);
    assert_eq!(code(&journeymap(&["render", &map, "-o", dir.path().join("x.docx").to_str().unwrap()])), 2);
    assert_eq!(code(&journeymap(&["render", &map, "-o", "-", "--format", "svg,png"])), 2);
    assert_eq!(code(&journeymap(&["render", &map, "--format", "gif"])), 2);
    assert_eq!(code(&journeymap(&["render", &map, "-o", "/nonexistent-dir/x.svg"])), 2);
}

#[test]
fn render_never_overwrites_the_map_and_checks_the_scale_first() {
    let dir = tempfile::tempdir().unwrap();
    let map = write(dir.path(), "map.journey", GOOD);
    let o = journeymap(&["render", &map, "-o", &map, "--format", "svg"]);
    assert_eq!(code(&o), 2, "{}", text(&o.stderr));
    assert_eq!(std::fs::read_to_string(&map).unwrap(), GOOD, "the map is untouched");
    for scale in ["0", "NaN", "17", "-1"] {
        assert_eq!(code(&journeymap(&["render", &map, "--format", "png", "--scale", scale])), 2, "{scale}");
    }
}

#[test]
fn png_scale_is_pixels_per_unit_on_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let map = write(dir.path(), "map.journey", GOOD);
    let svg = dir.path().join("map.svg");
    assert_eq!(code(&journeymap(&["render", &map, "-o", svg.to_str().unwrap()])), 0);
    let auto = std::fs::read_to_string(&svg).unwrap();
    let view_box: Vec<f32> = auto
        .split("viewBox=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    let png = dir.path().join("map.png");
    assert_eq!(code(&journeymap(&["render", &map, "-o", png.to_str().unwrap(), "--page", "a4", "--scale", "1"])), 0);
    let bytes = std::fs::read(&png).unwrap();
    let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    assert_eq!(width, view_box[2].ceil() as u32);
}

#[test]
fn new_writes_a_starter_that_checks_clean_and_never_replaces_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("kunderejse.journey");
    let map = map.to_str().unwrap();
    let o = journeymap(&["new", map, "--lang", "da", "--template", "awareness-to-loyalty"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let written = std::fs::read_to_string(map).unwrap();
    assert!(
        written.contains("lang da") && written.contains("phase: Opmærksomhed") && written.contains("phase: Loyalitet")
    );
    assert_eq!(code(&journeymap(&["check", "--deny-warnings", map])), 0);
    assert_eq!(code(&journeymap(&["new", map])), 2, "an existing file is never replaced");
    assert_eq!(std::fs::read_to_string(map).unwrap(), written);
    assert_eq!(code(&journeymap(&["new", dir.path().join("x.journey").to_str().unwrap(), "--lang", "fr"])), 2);
    // The folders on the way are made.
    let nested = dir.path().join("maps/team/new.journey");
    assert_eq!(code(&journeymap(&["new", nested.to_str().unwrap()])), 0);
    assert!(nested.is_file());
}

#[test]
fn completions_and_a_manual_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = journeymap(&["completions", shell]);
        assert_eq!(code(&o), 0, "{shell}");
        let script = text(&o.stdout);
        assert!(script.contains("journeymap") && script.contains("render"), "{shell}");
    }
    let man = journeymap(&["man"]);
    assert_eq!(code(&man), 0);
    let roff = text(&man.stdout);
    assert!(roff.starts_with(".ie") || roff.contains(".TH journeymap"), "{}", &roff[..roff.len().min(200)]);
    assert_eq!(code(&journeymap(&["completions", "tcsh"])), 2);
}

/// Past the limits a render is refused with a message, not minutes and gigabytes.
#[test]
fn maps_too_large_to_draw_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let big =
        write(dir.path(), "big.journey", &journeymap::generate::map(journeymap::layout::limits::MAX_RASTER_STEPS + 1));
    let o = journeymap(&["render", &big, "--format", "svg,png"]);
    assert_eq!(code(&o), 1, "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("draws at most 2000 as PNG and PDF"), "{}", text(&o.stderr));
    assert!(dir.path().join("big.svg").exists(), "the SVG is still drawn");
    assert!(!dir.path().join("big.png").exists());

    let mut crowd = String::from("journey: Crowd\n");
    for i in 0..=journeymap::layout::limits::MAX_PERSONAS {
        crowd.push_str(&format!("persona p{i}: Persona {i}\n"));
    }
    crowd.push_str("phase: P\n  step: S\n    emotion 1\n");
    let crowd = write(dir.path(), "crowd.journey", &crowd);
    let o = journeymap(&["render", &crowd]);
    assert_eq!(code(&o), 1, "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("personas; journeymap draws at most 48"), "{}", text(&o.stderr));
}
