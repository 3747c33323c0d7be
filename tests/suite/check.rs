//! Diagnostics: one fixture per rule under `tests/check/`, its human and JSON output
//! snapshotted beside it; the code registry, its fixtures and its documentation agree.
//! The project file's codes (J06xx) have theirs in `tests/config/` (`config.rs`).

use crate::common::{check, root};
use journeymap::diag::Code;

#[test]
fn fixtures_match_their_snapshots() {
    let fixtures = crate::common::journeys_in(&root().join("tests/check"));
    assert!(fixtures.len() >= map_codes().count());
    for path in fixtures {
        let bytes = std::fs::read(&path).expect("fixture is readable");
        let name = format!("tests/check/{}", path.file_name().unwrap().to_string_lossy());
        let checked = check(&name, &bytes);
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let (human, json) = snapshot_text(&name, &checked);
        insta::with_settings!({
            snapshot_path => "../check",
            prepend_module_to_snapshot => false,
            omit_expression => true,
            input_file => &path,
        }, {
            insta::assert_snapshot!(stem, format!("{human}\n----- json -----\n{json}\n"));
        });
    }
}

/// The rendered diagnostics; of a very long list only the last few, so that a snapshot
/// stays readable (`too_many_problems_are_capped` checks the count).
fn snapshot_text(name: &str, checked: &crate::common::Checked) -> (String, String) {
    const KEEP: usize = 3;
    let diags = &checked.compiled.diags;
    if diags.len() <= 20 {
        return (checked.human.clone(), checked.json.clone());
    }
    let tail = &diags[diags.len() - KEEP..];
    let style = journeymap::diag::render::Style { color: false, unicode: true, width: 100 };
    let human = journeymap::diag::render::human(name, &checked.compiled.source, tail, style);
    let json = journeymap::diag::render::json(name, &checked.compiled.source, tail);
    let note = format!("({} earlier diagnostics are left out of this snapshot)\n\n", diags.len() - KEEP);
    (format!("{note}{human}"), format!("{note}{}", serde_json::to_string_pretty(&json).unwrap()))
}

#[test]
fn too_many_problems_are_capped() {
    let bytes = std::fs::read(root().join("tests/check/too-many-problems.journey")).unwrap();
    let checked = check("too-many-problems", &bytes);
    assert_eq!(checked.codes.len(), journeymap::diag::MAX_PER_FILE + 1);
    assert_eq!(checked.codes.last(), Some(&"J0004"));
    assert!(checked.compiled.diags.last().unwrap().message.starts_with("5 more problems"));
}

/// The codes about maps, each with a fixture here (those about a map and its baseline,
/// J07xx, have a pair of maps in `tests/baseline/`: `baseline.rs`; those about an import's
/// input, J08xx, theirs in `tests/import/`; those about a KPI data file, J09xx, in
/// `tests/data/`).
fn map_codes() -> impl Iterator<Item = Code> {
    Code::ALL
        .iter()
        .copied()
        .filter(|c| !c.is_config() && !crate::baseline::is_baseline_code(*c) && !c.is_import() && !c.is_data())
}

#[test]
fn every_code_has_a_fixture_that_reports_it() {
    for code in map_codes() {
        let info = code.info();
        let path = root().join("tests/check").join(format!("{}.journey", info.name));
        let bytes = std::fs::read(&path).unwrap_or_else(|_| panic!("{} has no fixture {}", info.code, path.display()));
        let checked = check(info.name, &bytes);
        assert!(
            checked.codes.contains(&info.code),
            "{} does not report {}: {:?}",
            path.display(),
            info.code,
            checked.codes
        );
    }
}

#[test]
fn fixtures_report_only_their_own_code() {
    // A fixture that also reports other codes shows a cascade: one mistake, many errors.
    for code in map_codes() {
        let info = code.info();
        if matches!(code, Code::TooManyProblems) {
            continue; // Reports the 200 problems it counts.
        }
        let path = root().join("tests/check").join(format!("{}.journey", info.name));
        let checked = check(info.name, &std::fs::read(&path).unwrap());
        let others: Vec<_> = checked.codes.iter().filter(|c| **c != info.code).collect();
        assert!(others.is_empty(), "{} also reports {others:?}", path.display());
    }
}

#[test]
fn diagnostics_doc_lists_exactly_the_registry() {
    let doc = std::fs::read_to_string(root().join("docs/diagnostics.md")).expect("docs/diagnostics.md exists");
    let documented: Vec<&str> =
        doc.lines().filter_map(|l| l.strip_prefix("### ")).filter_map(|h| h.split_whitespace().next()).collect();
    let registered: Vec<&str> = Code::ALL.iter().map(|c| c.info().code).collect();
    assert_eq!(documented, registered, "docs/diagnostics.md headings (### JXXXX name) must follow the registry");
    for code in Code::ALL {
        let info = code.info();
        assert!(
            doc.contains(&format!("### {} {}", info.code, info.name)),
            "{} is documented as `{}`",
            info.code,
            info.name
        );
    }
}

#[test]
fn codes_are_unique_and_well_formed() {
    let mut seen = std::collections::HashSet::new();
    for code in Code::ALL {
        let info = code.info();
        assert!(seen.insert(info.code), "{} is used twice", info.code);
        assert!(
            info.code.len() == 5 && info.code.starts_with('J') && info.code[1..].chars().all(|c| c.is_ascii_digit())
        );
        assert!(info.name.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()));
    }
}

#[test]
fn every_example_and_test_map_passes_with_no_diagnostic() {
    let maps = crate::common::drawn_maps();
    assert!(maps.len() >= 4, "examples are missing: {maps:?}");
    for map in maps {
        let checked = check(&map.display().to_string(), &std::fs::read(&map).unwrap());
        assert!(checked.compiled.diags.is_empty(), "{}:\n{}", map.display(), checked.human);
        assert!(checked.compiled.journey.is_some());
    }
}
