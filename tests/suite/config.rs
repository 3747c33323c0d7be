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
