//! Reading project files: the settings, and a diagnostic for each bad value.

use super::*;
use crate::LineIndex;
use crate::layout::Color;

/// The codes reported, each with the line and column where it points.
fn problems(text: &str) -> Vec<(&'static str, usize, usize)> {
    let index = LineIndex::new(text);
    parse(text)
        .1
        .iter()
        .map(|d| {
            let (line, column) = index.line_col(d.primary.span.start);
            (d.code.info().code, line, column)
        })
        .collect()
}

fn ok(text: &str) -> Config {
    let (config, diags) = parse(text);
    assert!(diags.is_empty(), "{text:?}: {diags:#?}");
    config
}

#[test]
fn an_empty_file_is_an_empty_config() {
    for text in ["", "\n", "# only a comment\n", "---\n", "render:\n", "render: {}\ntheme:\nlints: {}\n"] {
        assert_eq!(ok(text), Config::default(), "{text:?}");
    }
}

#[test]
fn every_setting_is_read() {
    let config = ok("render:
  formats: [svg, PNG, svg]
  page: a4
  out-dir: build/maps
  scale: 2.5
theme:
  personas:
    anna: \"#0072b2\"
    ben: '#f00'
lints:
  J0502: deny
  unused-owner: allow
  empty-phase: warn
");
    let r = &config.render;
    assert_eq!(r.formats, Some(vec![Format::Svg, Format::Png]));
    assert_eq!(r.page, Some(Page::A4));
    assert_eq!(r.out_dir, Some(PathBuf::from("build/maps")));
    assert_eq!(r.scale, Some(2.5));
    assert_eq!(config.theme.personas.get("anna"), Some(&Color([0x00, 0x72, 0xB2])));
    assert_eq!(config.theme.personas.get("ben"), Some(&Color([0xFF, 0, 0])));
    assert_eq!(config.lints.level(Code::UnusedPersona), Level::Deny);
    assert_eq!(config.lints.level(Code::UnusedOwner), Level::Allow);
    assert_eq!(config.lints.level(Code::EmptyPhase), Level::Warn);
    assert_eq!(config.lints.level(Code::UnusedChannel), Level::Warn);
}

#[test]
fn out_dir_is_resolved_against_the_project_directory() {
    let config = ok("render:\n  out-dir: build/maps\n  page: a3\n");
    let defaults = config.render_defaults(Path::new("/repo"));
    assert_eq!(defaults.out_dir, Some(PathBuf::from("/repo/build/maps")));
    assert_eq!(defaults.page, Some(Page::A3));
    assert_eq!((defaults.formats, defaults.scale), (None, None));
    let absolute = ok("render:\n  out-dir: /tmp/maps\n").render_defaults(Path::new("/repo"));
    assert_eq!(absolute.out_dir, Some(PathBuf::from("/tmp/maps")));
}

#[test]
fn an_unknown_key_is_reported_where_it_is_with_a_suggestion() {
    let text = "render:\n  page: a4\n  formts: [svg]\n";
    let (_, diags) = parse(text);
    assert_eq!(problems(text), [("J0602", 3, 3)]);
    assert_eq!(diags[0].help, "did you mean `formats`?");
    assert_eq!(diags[0].primary.span.of(text), "formts");
    let (_, top) = parse("lint:\n  J0501: deny\n");
    assert_eq!(top[0].help, "did you mean `lints`?");
}

#[test]
fn every_bad_value_is_reported_at_once_in_source_order() {
    let text = "render:
  formats: [svg, jpg]
  page: a5
  scale: 0
theme:
  personas:
    anna: \"#12345\"
    ben: red
lints:
  J0501: forbid
  J9999: deny
  J0401: allow
  unused-persona: deny
  J0502: allow
";
    assert_eq!(
        problems(text),
        [
            ("J0604", 2, 18),
            ("J0604", 3, 9),
            ("J0606", 4, 10),
            ("J0605", 7, 11),
            ("J0605", 8, 10),
            ("J0604", 10, 10),
            ("J0607", 11, 3),
            ("J0608", 12, 3),
            ("J0609", 14, 3),
        ]
    );
    // What could be read is kept.
    let (config, _) = parse(text);
    assert_eq!(config.render.formats, Some(vec![Format::Svg]));
    assert_eq!(config.lints.level(Code::UnusedPersona), Level::Deny);
}

#[test]
fn helps_point_at_the_fix() {
    let help = |text: &str| parse(text).1.into_iter().map(|d| d.help).collect::<Vec<_>>();
    assert_eq!(help("render:\n  page: A 4\n"), ["did you mean `a4`?"]);
    assert_eq!(help("render:\n  formats: [pnd]\n"), ["did you mean `png`?"]);
    assert_eq!(help("lints:\n  J0510: deny\n"), ["did you mean `J0501`?"]);
    assert_eq!(help("lints:\n  empty-phases: deny\n"), ["did you mean `empty-phase`?"]);
    assert!(help("theme:\n  personas:\n    anna: \"0072B2\"\n")[0].contains("`\"#0072B2\"`"));
    // Unquoted, `#` starts a comment: the value is missing.
    let (_, diags) = parse("theme:\n  personas:\n    anna: #0072B2\n");
    assert_eq!(diags[0].code, Code::ConfigWrongType);
    assert!(diags[0].help.contains("quotes"), "{}", diags[0].help);
}

#[test]
fn wrong_kinds_and_broken_yaml_are_reported() {
    assert_eq!(problems("render:\n  formats: svg\n"), [("J0603", 2, 12)]);
    assert_eq!(problems("render: [svg]\n")[0].0, "J0603");
    assert_eq!(problems("render:\n  scale: two\n")[0].0, "J0603");
    assert_eq!(problems("- a\n- b\n")[0].0, "J0603");
    assert_eq!(problems("render:\n  page: a4\n  page: a3\n")[0].0, "J0601");
    assert_eq!(problems("render: {page: a4\n")[0].0, "J0601");
    assert_eq!(problems("render:\n  formats: []\n  out-dir: ''\n"), [("J0610", 2, 12), ("J0610", 3, 12)]);
}

#[test]
fn lint_levels_drop_deny_and_leave_errors_alone() {
    let config = ok("lints:\n  J0501: allow\n  J0502: deny\n");
    let at = crate::Span::empty(0);
    let mut diags = vec![
        Diag::new(Code::EmptyPhase, at, "empty", "help"),
        Diag::new(Code::UnusedPersona, at, "unused", "help"),
        Diag::new(Code::UnusedChannel, at, "unused", "help"),
        Diag::new(Code::UndeclaredId, at, "undeclared", "help"),
    ];
    config.lints.apply(&mut diags);
    let left: Vec<(Code, Severity)> = diags.iter().map(|d| (d.code, d.severity)).collect();
    assert_eq!(
        left,
        [
            (Code::UnusedPersona, Severity::Error),
            (Code::UnusedChannel, Severity::Warning),
            (Code::UndeclaredId, Severity::Error),
        ]
    );
    let mut lints = Lints::default();
    assert!(!lints.set(Code::UndeclaredId, Level::Allow), "an error's level cannot change");
    assert_eq!(lints, Lints::default());
}

#[test]
fn the_uncited_lint_has_a_level_like_the_other_warnings() {
    let config = ok("lints:\n  uncited: allow\n  unused-source: deny\n");
    assert_eq!(config.lints.level(Code::Uncited), Level::Allow);
    assert_eq!(config.lints.level(Code::UnusedSource), Level::Deny);
    let map = "journey: T\nsource i1 interview: I\nsource o1 observation: O\nphase: P\n  step: S\n    emotion 1\n    pain i1: P\n";
    let mut diags = crate::compile(map.as_bytes()).diags;
    let before: Vec<Code> = diags.iter().map(|d| d.code).collect();
    assert_eq!(before, [Code::UnusedSource, Code::Uncited]);
    config.lints.apply(&mut diags);
    let after: Vec<(Code, Severity)> = diags.iter().map(|d| (d.code, d.severity)).collect();
    assert_eq!(after, [(Code::UnusedSource, Severity::Error)]);
}
