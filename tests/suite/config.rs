//! The project file: one fixture per diagnostic code under `tests/config/`, its output
//! snapshotted beside it; no YAML makes the reader panic; the theme reaches the drawing.

use crate::common::{check_config, render_svg, render_svg_themed, root};
use journeymap::diag::Code;
use journeymap::layout::Page;
use proptest::prelude::*;

fn fixture(name: &str) -> (String, String) {
    let path = root().join("tests/config").join(format!("{name}.yaml"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("no fixture {}", path.display()));
    (format!("tests/config/{name}.yaml"), text)
}

fn config_codes() -> impl Iterator<Item = Code> {
    Code::ALL.iter().copied().filter(|c| c.is_config())
}

#[test]
fn fixtures_match_their_snapshots() {
    for code in config_codes() {
        let (name, text) = fixture(code.info().name);
        let checked = check_config(&name, &text);
        insta::with_settings!({
            snapshot_path => "../config",
            prepend_module_to_snapshot => false,
            omit_expression => true,
            input_file => root().join(&name),
        }, {
            insta::assert_snapshot!(code.info().name, format!("{}\n----- json -----\n{}\n", checked.human, checked.json));
        });
    }
}

#[test]
fn every_config_code_has_a_fixture_that_reports_it_alone() {
    assert!(config_codes().count() >= 10);
    for code in config_codes() {
        let info = code.info();
        let (name, text) = fixture(info.name);
        let checked = check_config(&name, &text);
        assert!(!checked.codes.is_empty(), "{name} reports nothing");
        assert!(
            checked.codes.iter().all(|c| *c == info.code),
            "{name} reports {:?}, not only {}",
            checked.codes,
            info.code
        );
    }
}

const TWO_PERSONAS: &str = "journey: Themed
persona anna: First
persona ben: Second
phase: P
  step: S
    emotion anna 1
    emotion ben -1
";

#[test]
fn a_theme_colour_reaches_the_stylesheet_of_its_persona_only() {
    let config =
        check_config("journeymap.yaml", "theme:\n  personas:\n    ben: \"#123abc\"\n    zoe: \"#fff\"\n").config;
    let themed = render_svg_themed(TWO_PERSONAS, &config);
    let plain = render_svg(TWO_PERSONAS, Page::Auto);
    assert!(!plain.contains("#123ABC"));
    // ben's curve and markers use a style of their own, in the theme's colour.
    let curve = themed.lines().find(|l| l.contains("data-persona=\"ben\"") && l.contains("<path")).unwrap();
    let class = curve.split("emotion-curve ").nth(1).unwrap().split('"').next().unwrap().to_string();
    assert_ne!(class, "p1", "ben keeps the palette's style: {curve}");
    assert!(themed.contains(&format!(".emotion-curve.{class},.emotion-sample.{class}{{stroke:#123ABC")), "{themed}");
    assert!(themed.contains(&format!(".marker.{class}{{fill:#123ABC}}")));
    // anna is drawn as without a theme; zoe, not in this map, changes nothing.
    let anna =
        |svg: &str| svg.lines().find(|l| l.contains("data-persona=\"anna\"") && l.contains("<path")).map(String::from);
    assert_eq!(anna(&themed), anna(&plain));
    assert_eq!(render_svg_themed(TWO_PERSONAS, &Default::default()), plain);
}

#[test]
fn a_theme_colour_reaches_the_html_legend() {
    let config = check_config("journeymap.yaml", "theme:\n  personas:\n    anna: \"#123abc\"\n").config;
    let html = crate::common::render_html_themed(TWO_PERSONAS, &config);
    assert!(html.contains("--c:#123ABC"), "the legend button keeps the palette colour");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Any text at all: no panic, and every diagnostic points inside the file.
    #[test]
    fn no_text_makes_the_reader_panic(text in "\\PC{0,200}") {
        holds_for(&text)?;
    }

    /// Text shaped like a project file, with its keys and values shuffled and broken.
    #[test]
    fn no_yaml_makes_the_reader_panic(lines in prop::collection::vec(yaml_line(), 0..12)) {
        holds_for(&lines.concat())?;
    }
}

fn yaml_line() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "render",
        "theme",
        "personas",
        "lints",
        "formats",
        "page",
        "out-dir",
        "scale",
        "anna",
        "J0501",
        "J0401",
        "empty-phase",
        "x",
        "- ",
        "<<",
        "&a",
        "*a",
        "? ",
    ]);
    let value = prop::sample::select(vec![
        "",
        "svg",
        "[svg, png]",
        "[",
        "{",
        "a4",
        "2",
        "-1",
        "1e999",
        ".nan",
        "\"#0072B2\"",
        "#0072B2",
        "deny",
        "allow",
        "!!binary x",
        "*a",
        "&a [1]",
        "|",
        "'",
        "~",
        "null",
        "{a: b}",
        "\t",
    ]);
    (0..6usize, key, value).prop_map(|(indent, k, v)| format!("{}{k}: {v}\n", " ".repeat(indent)))
}

fn holds_for(text: &str) -> Result<(), TestCaseError> {
    let checked = check_config("prop.yaml", text);
    let json: serde_json::Value = serde_json::from_str(&checked.json).expect("well-formed JSON");
    let lines = text.split('\n').count() as u64;
    for d in json["diagnostics"].as_array().unwrap() {
        let (line, column) = (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap());
        prop_assert!(line >= 1 && line <= lines && column >= 1, "{d}");
        prop_assert!(d["code"].as_str().unwrap().starts_with("J06"), "{d}");
        prop_assert!(!d["help"].as_str().unwrap().is_empty());
    }
    Ok(())
}

// The binary: the project file found by walking up from the map, and applied.

use crate::cli::{code, run, text, write};

/// A map whose only problem is warning J0501 (empty-phase).
const WARNS: &str = "journey: Warns\nphase: Empty\nphase: P\n  step: S\n    emotion 1\n";

#[test]
fn the_nearest_project_file_above_the_map_applies_alone() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "journeymap.yaml", "lints:\n  J0501: deny\n");
    let far = write(dir.path(), "other/deep/warns.journey", WARNS);
    // A nearer file wins, and is not merged with the one above: J0502 is not denied.
    write(dir.path(), "team/journeymap.yaml", "lints:\n  empty-phase: allow\n");
    let near = write(dir.path(), "team/maps/warns.journey", WARNS);

    let o = run(&["check", &far], None);
    assert_eq!(code(&o), 1, "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("J0501") && text(&o.stderr).contains("1 error"), "{}", text(&o.stderr));

    let o = run(&["check", &near], None);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert!(!text(&o.stderr).contains("J0501"), "allowed, yet reported: {}", text(&o.stderr));
    assert!(text(&o.stderr).contains("no problems"));
}

#[test]
fn without_a_project_file_warnings_are_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let map = write(dir.path(), "warns.journey", WARNS);
    let o = run(&["check", &map], None);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("1 warning"));
}

#[test]
fn an_allowed_warning_stays_silent_under_deny_warnings() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "journeymap.yaml", "lints:\n  J0501: allow\n");
    let map = write(dir.path(), "warns.journey", WARNS);
    let o = run(&["check", "--deny-warnings", &map], None);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    write(dir.path(), "journeymap.yaml", "lints:\n  J0501: warn\n");
    assert_eq!(code(&run(&["check", "--deny-warnings", &map], None)), 1);
}

#[test]
fn a_denied_warning_stops_export() {
    let dir = tempfile::tempdir().unwrap();
    let map = write(dir.path(), "warns.journey", WARNS);
    assert_eq!(code(&run(&["export", &map], None)), 0);
    write(dir.path(), "journeymap.yaml", "lints:\n  empty-phase: deny\n");
    let o = run(&["export", &map], None);
    assert_eq!(code(&o), 1, "{}", text(&o.stderr));
    assert!(o.stdout.is_empty());
    assert!(text(&o.stderr).contains("J0501"));
}

#[test]
fn a_broken_project_file_is_a_usage_error_shown_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let config = write(dir.path(), "journeymap.yaml", "# Team settings\nrender:\n  pages: a4\n");
    let map = write(dir.path(), "maps/warns.journey", WARNS);
    let o = run(&["check", &map], None);
    let err = text(&o.stderr);
    assert_eq!(code(&o), 2, "{err}");
    assert!(err.contains(&format!("{config}:3:3")), "{err}");
    assert!(err.contains("unknown key `pages`") && err.contains("did you mean `page`?"), "{err}");
    assert!(!err.contains("J0501"), "the map was checked under a broken project file: {err}");
    assert!(err.contains("1 not checked"), "{err}");

    let o = run(&["check", "--format", "json", &map], None);
    assert_eq!(code(&o), 2);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = &json["diagnostics"][0];
    assert_eq!((d["code"].as_str(), d["line"].as_u64(), d["column"].as_u64()), (Some("J0602"), Some(3), Some(3)));
    assert_eq!(d["file"].as_str(), Some(config.as_str()));

    // The file's problems are shown once however many maps it covers; export and
    // render refuse too.
    write(dir.path(), "maps/second.journey", WARNS);
    let o = run(&["check", &dir.path().join("maps").display().to_string()], None);
    assert_eq!(code(&o), 2);
    assert_eq!(text(&o.stderr).matches("unknown key `pages`").count(), 1, "{}", text(&o.stderr));
    assert_eq!(code(&run(&["export", &map], None)), 2);
    assert_eq!(code(&run(&["render", &map, "-o", "-"], None)), 2);
}

#[test]
fn a_map_on_stdin_uses_the_project_file_above_the_current_directory() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "journeymap.yaml", "lints:\n  J0501: deny\n");
    std::fs::create_dir_all(dir.path().join("sub")).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["check", "-"])
        .current_dir(dir.path().join("sub"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(WARNS.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    assert_eq!(code(&o), 1, "{}", text(&o.stderr));
}

#[cfg(unix)]
#[test]
fn a_linked_map_uses_the_project_file_of_its_real_directory() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "real/journeymap.yaml", "lints:\n  J0501: deny\n");
    let real = write(dir.path(), "real/warns.journey", WARNS);
    std::fs::create_dir_all(dir.path().join("links")).unwrap();
    let link = dir.path().join("links/warns.journey");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    assert_eq!(code(&run(&["check", &link.display().to_string()], None)), 1);
}

/// `render` takes its defaults and theme from the project file; flags win.
#[test]
fn render_takes_formats_page_out_dir_and_theme_from_the_project_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let yaml =
        "render:\n  formats: [svg, html]\n  page: a4\n  out-dir: build\ntheme:\n  personas:\n    anna: \"#123456\"\n";
    crate::cli::write(root, "journeymap.yaml", yaml);
    let map = "journey: Themed\npersona anna: Anna\nphase: P\n  step: S\n    emotion anna 1\n";
    let path = crate::cli::write(root, "maps/team/a.journey", map);
    let o = crate::cli::run(&["render", &path], None);
    assert_eq!(crate::cli::code(&o), 0, "{}", crate::cli::text(&o.stderr));
    // Mirrored under out-dir, relative to the project file's directory.
    let svg = std::fs::read_to_string(root.join("build/maps/team/a.svg")).expect("the SVG under out-dir");
    assert!(root.join("build/maps/team/a.html").exists(), "both formats");
    assert!(!root.join("maps/team/a.svg").exists(), "nothing beside the map");
    assert!(svg.contains("width=\"297mm\""), "page a4");
    assert!(svg.contains("#123456"), "the theme's colour");

    // Flags win over the file.
    let out = root.join("flag.svg");
    let o = crate::cli::run(&["render", &path, "--page", "auto", "-o", out.to_str().unwrap()], None);
    assert_eq!(crate::cli::code(&o), 0, "{}", crate::cli::text(&o.stderr));
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(!svg.contains("297mm") && svg.contains("#123456"), "auto page, still themed");

    // Several maps: mirrored under out-dir too; -o OUTDIR wins.
    crate::cli::write(root, "maps/b.journey", map);
    let o = crate::cli::run(&["render", root.join("maps").to_str().unwrap()], None);
    assert_eq!(crate::cli::code(&o), 0, "{}", crate::cli::text(&o.stderr));
    assert!(root.join("build/maps/b.svg").exists() && root.join("build/maps/b.html").exists());
    let outdir = root.join("out");
    let maps = root.join("maps");
    let batch = |extra: &[&str]| {
        let mut args = vec!["render", maps.to_str().unwrap(), "-o", outdir.to_str().unwrap()];
        args.extend_from_slice(extra);
        let o = crate::cli::run(&args, None);
        (crate::cli::code(&o), crate::cli::text(&o.stderr))
    };
    assert_eq!(batch(&[]), (0, "rendered 2 of 2 maps\n".into()));
    assert!(outdir.join("team/a.html").exists());
    assert_eq!(batch(&[]), (0, "rendered 0 of 2 maps; 2 up to date\n".into()));
    // A changed project file changes the drawings: everything is rendered again.
    crate::cli::write(root, "journeymap.yaml", &yaml.replace("#123456", "#654321"));
    assert_eq!(batch(&[]), (0, "rendered 2 of 2 maps\n".into()));
    assert!(std::fs::read_to_string(outdir.join("b.svg")).unwrap().contains("#654321"));
}

#[test]
fn a_denied_warning_stops_render() {
    let dir = tempfile::tempdir().unwrap();
    crate::cli::write(dir.path(), "journeymap.yaml", "lints:\n  J0505: deny\n");
    let path = crate::cli::write(dir.path(), "a.journey", "journey: No curve\nphase: P\n  step: S\n");
    let o = crate::cli::run(&["render", &path], None);
    assert_eq!(crate::cli::code(&o), 1, "{}", crate::cli::text(&o.stderr));
    assert!(!dir.path().join("a.svg").exists());
    let o = crate::cli::run(
        &["render", dir.path().to_str().unwrap(), "-o", dir.path().join("out").to_str().unwrap()],
        None,
    );
    assert_eq!(crate::cli::code(&o), 1, "{}", crate::cli::text(&o.stderr));
    assert!(!dir.path().join("out/a.svg").exists());
}

/// `limits:` sets the largest file and the longest line that `check` reads.
#[test]
fn limits_come_from_the_project_file() {
    let dir = tempfile::tempdir().unwrap();
    crate::cli::write(dir.path(), "journeymap.yaml", "limits:\n  max-line-length: 30\n  max-file-size: 1\n");
    let long = crate::cli::write(
        dir.path(),
        "long.journey",
        "journey: A title longer than thirty characters\nphase: P\n  step: S\n    emotion 1\n",
    );
    let o = crate::cli::run(&["check", "--format", "json", &long], None);
    assert_eq!(crate::cli::code(&o), 1, "{}", crate::cli::text(&o.stderr));
    assert!(crate::cli::text(&o.stdout).contains("J0006"), "{}", crate::cli::text(&o.stdout));
    let note = "  note: filler to pass one megabyte\n";
    let big = format!("journey: Big\nphase: P\n  step: S\n    emotion 1\n{}", note.repeat((1 << 20) / note.len() + 1));
    let big = crate::cli::write(dir.path(), "big.journey", &big);
    let o = crate::cli::run(&["check", "--format", "json", &big], None);
    assert_eq!(crate::cli::code(&o), 1);
    assert!(crate::cli::text(&o.stdout).contains("J0005"), "{}", crate::cli::text(&o.stdout));
}

/// `fmt` and `diff` read a map as `check` does: under the project file's limits (a map
/// `check` accepts under raised limits is formatted and diffed; one over lowered limits
/// is refused) and its lint levels.
#[test]
fn fmt_and_diff_read_maps_under_the_project_limits_and_levels() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // A note longer than the built-in limit of 10,000 characters, in a map not in the
    // canonical style (two spaces after the colon).
    let limit = journeymap::Options::default().max_line_chars;
    let note = "x".repeat(limit + 500);
    let map = |score: i32| format!("journey:  Long notes\nnote: {note}\nphase: P\n  step: S\n    emotion {score}\n");
    write(root, "raised/journeymap.yaml", &format!("limits:\n  max-line-length: {}\n", 2 * limit));
    let old = write(root, "raised/old.journey", &map(1));
    let new = write(root, "raised/new.journey", &map(-1));
    // Without the project file the line is too long for every command.
    let plain = write(root, "plain/old.journey", &map(1));
    for args in [vec!["check", &plain], vec!["fmt", "--check", &plain], vec!["diff", &plain, &new]] {
        let o = run(&args, None);
        assert_eq!(code(&o), 1, "{args:?}: {}", text(&o.stderr));
        assert!(text(&o.stderr).contains("J0006"), "{args:?}: {}", text(&o.stderr));
    }

    assert_eq!(code(&run(&["check", &old], None)), 0);
    let o = run(&["fmt", "--check", &old], None);
    assert_eq!((code(&o), text(&o.stdout)), (1, format!("{old}\n")), "{}", text(&o.stderr));
    let o = run(&["fmt", &old], None);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let formatted = std::fs::read_to_string(&old).unwrap();
    assert!(formatted.starts_with("journey: Long notes\n"), "formatted: {}", &formatted[..40]);
    assert!(formatted.contains(&note), "the long note is kept");
    let o = run(&["diff", "--format", "json", &old, &new], None);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let diff: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(diff["changed"], true, "{diff}");
    // As a git diff driver, OLD is a temporary file outside the project: git's path
    // names the map whose project file applies.
    let temp = write(root, "elsewhere/tmp-old.journey", &map(1));
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["diff", "raised/old.journey", &temp, "0000", "100644", &new, "1111", "100644"])
        .current_dir(root)
        .output()
        .unwrap();
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert!(!text(&o.stderr).contains("J0006"), "{}", text(&o.stderr));

    // Lowered limits refuse what the built-in ones accept: the file is left as it is.
    let small = "journey:  Small\nphase: P\n  step: S\n    emotion 1\n";
    write(root, "lowered/journeymap.yaml", "limits:\n  max-line-length: 12\n");
    let lowered = write(root, "lowered/small.journey", small);
    let o = run(&["fmt", &lowered], None);
    assert_eq!(code(&o), 1, "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("J0006"), "{}", text(&o.stderr));
    assert_eq!(std::fs::read_to_string(&lowered).unwrap(), small, "left as it is");
    let o = run(&["diff", &lowered, &lowered], None);
    assert_eq!(code(&o), 1, "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("J0006"), "{}", text(&o.stderr));
    write(root, "lowered/journeymap.yaml", "limits:\n  max-file-size: 1\n");
    let filler = "  note: filler to pass one megabyte\n";
    let big = format!("{small}{}", filler.repeat((1 << 20) / filler.len() + 1));
    let big = write(root, "lowered/big.journey", &big);
    for args in [vec!["fmt", "--check", &big], vec!["diff", &big, &lowered]] {
        let o = run(&args, None);
        assert_eq!(code(&o), 1, "{args:?}: {}", text(&o.stderr));
        assert!(text(&o.stderr).contains("J0005"), "{args:?}: {}", text(&o.stderr));
    }
}

#[test]
fn fmt_and_diff_apply_the_project_lint_levels() {
    let dir = tempfile::tempdir().unwrap();
    let messy = WARNS.replace("journey: ", "journey:   ");
    let map = write(dir.path(), "warns.journey", &messy);
    // A warning is shown by diff, and fmt formats the map.
    let o = run(&["diff", &map, &map], None);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("J0501"), "{}", text(&o.stderr));
    let o = run(&["fmt", "--check", &map], None);
    assert_eq!(code(&o), 1, "would change");
    assert!(!text(&o.stderr).contains("J0501"), "{}", text(&o.stderr));

    write(dir.path(), "journeymap.yaml", "lints:\n  empty-phase: allow\n");
    let o = run(&["diff", &map, &map], None);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert!(!text(&o.stderr).contains("J0501"), "allowed, yet reported: {}", text(&o.stderr));

    // Denied, the warning is an error: fmt and diff refuse the map, as check does.
    write(dir.path(), "journeymap.yaml", "lints:\n  empty-phase: deny\n");
    for args in [vec!["fmt", &map], vec!["diff", &map, &map]] {
        let o = run(&args, None);
        assert_eq!(code(&o), 1, "{args:?}: {}", text(&o.stderr));
        assert!(text(&o.stderr).contains("J0501"), "{args:?}: {}", text(&o.stderr));
    }
    assert_eq!(std::fs::read_to_string(&map).unwrap(), messy, "left as it is");

    // A broken project file stops fmt and diff, as it stops check.
    write(dir.path(), "journeymap.yaml", "lints:\n  empty-phase: never\n");
    assert_eq!(code(&run(&["fmt", &map], None)), 2);
    assert_eq!(code(&run(&["diff", &map, &map], None)), 2);
}

/// `fonts:` puts a project's fonts in front of the embedded ones: the layout measures
/// with them (the drawing changes), the SVG names them first, the HTML and PDF embed
/// them, and characters they lack still come from the embedded fonts.
#[test]
fn a_projects_fonts_measure_and_draw_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for file in ["DejaVuSerif-Latin.ttf", "DejaVuSerif-Bold-Latin.ttf"] {
        std::fs::create_dir_all(root.join("brand")).unwrap();
        std::fs::copy(crate::common::root().join("tests/fonts").join(file), root.join("brand").join(file)).unwrap();
    }
    let map = "journey: Brand fonts\npersona anna: Anna\nphase: Sign up\n  step: Fill in the long form with every detail\n    emotion anna 1: Fine\n    thought: And 東京 too\n";
    let path = crate::cli::write(root, "maps/a.journey", map);
    let render = |out: &str| {
        let out = root.join(out);
        let o = crate::cli::run(&["render", &path, "-o", out.to_str().unwrap()], None);
        assert_eq!(crate::cli::code(&o), 0, "{}", crate::cli::text(&o.stderr));
        std::fs::read(out).unwrap()
    };
    let plain_svg = render("plain.svg");
    let plain_png = render("plain.png");
    crate::cli::write(
        root,
        "journeymap.yaml",
        "fonts:\n  - brand/DejaVuSerif-Latin.ttf\n  - brand/DejaVuSerif-Bold-Latin.ttf\n",
    );
    let svg = String::from_utf8(render("brand.svg")).unwrap();
    assert!(svg.contains("text{font-family:'DejaVu Serif', 'Liberation Sans', Arial"), "named first");
    assert!(svg.contains("'Droid Sans Fallback'"), "CJK still from the embedded fonts");
    assert_ne!(svg.as_bytes(), plain_svg, "measured with the project's font");
    let html = String::from_utf8(render("brand.html")).unwrap();
    for weight in ["normal", "bold"] {
        assert!(html.contains(&format!("@font-face{{font-family:'DejaVu Serif';font-weight:{weight};")), "{weight}");
    }
    assert_ne!(render("brand.png"), plain_png);
    let pdf = render("brand.pdf");
    if let Ok(trace) = std::process::Command::new("mutool")
        .args(["draw", "-F", "trace", "-o", "-"])
        .arg(root.join("brand.pdf"))
        .output()
    {
        let trace = String::from_utf8_lossy(&trace.stdout);
        assert!(trace.contains("DejaVuSerif"), "the PDF draws with the project's font");
        assert!(!trace.contains(".notdef"));
    }
    assert!(pdf.len() > 1000);

    // A file that is not there is an error at its line in the project file.
    crate::cli::write(root, "journeymap.yaml", "fonts:\n  - brand/Missing.ttf\n");
    let o = crate::cli::run(&["check", &path], None);
    assert_eq!(crate::cli::code(&o), 2);
    let stderr = crate::cli::text(&o.stderr);
    assert!(stderr.contains("J0611") && stderr.contains("journeymap.yaml:2:5"), "{stderr}");
}
