//! KPI data files (`--data FILE.csv`, `data:`): the latest row per id fills the map's
//! KPIs in every output, and a broken file gets diagnostics that point into it.

use journeymap::diag::Code;
use serde_json::Value;

use crate::cli::{code, journeymap, text, write};
use crate::common::root;

const MAP: &str = "tests/data/map.journey";

/// `check --format json --data <csv> <map>`: the exit code and the diagnostics.
fn check_json(csv: &str, maps: &[&str]) -> (i32, Vec<Value>) {
    let mut args = vec!["check", "--format", "json", "--data", csv];
    args.extend_from_slice(maps);
    let o = journeymap(&args);
    let report: Value = serde_json::from_slice(&o.stdout).expect("a JSON report");
    (code(&o), report["diagnostics"].as_array().unwrap().clone())
}

/// Every J09xx code has a fixture, `tests/data/<name>.csv`, that reports it where the
/// table below says: in the data file, at that line and column.
#[test]
fn every_data_code_has_a_fixture_that_reports_it_in_the_csv() {
    let expected: &[(&str, usize, usize)] = &[
        ("data-syntax", 3, 1),
        ("data-missing-column", 1, 1),
        ("data-unknown-column", 1, 11),
        ("data-unknown-kpi", 3, 1),
        ("data-bad-number", 3, 5),
        ("data-bad-date", 2, 10),
        ("data-unit-mismatch", 2, 6),
        ("data-empty-cell", 2, 1),
    ];
    let codes: Vec<Code> = Code::ALL.iter().copied().filter(|c| c.is_data()).collect();
    assert_eq!(codes.len(), expected.len(), "{codes:?}");
    for code_ in codes {
        let info = code_.info();
        let &(_, line, column) = expected.iter().find(|(n, ..)| *n == info.name).expect("in the table");
        let csv = format!("tests/data/{}.csv", info.name);
        let (exit, diags) = check_json(&csv, &[MAP]);
        let found = diags.iter().find(|d| d["code"] == info.code).unwrap_or_else(|| panic!("{csv}: {diags:?}"));
        assert_eq!(found["file"], csv.as_str(), "{found}");
        assert_eq!((found["line"].as_u64(), found["column"].as_u64()), (Some(line as u64), Some(column as u64)));
        assert!(!found["help"].as_str().unwrap().is_empty());
        let error = info.severity == journeymap::diag::Severity::Error;
        assert_eq!(exit, if error { 1 } else { 0 }, "{csv}: {diags:?}");
    }
}

#[test]
fn a_warning_in_the_data_is_denied_with_the_map_and_shown_by_miette() {
    let o = journeymap(&["check", "--deny-warnings", "--data", "tests/data/data-unknown-kpi.csv", MAP]);
    assert_eq!(code(&o), 1);
    let said = text(&o.stderr);
    assert!(said.contains("J0904") && said.contains("tests/data/data-unknown-kpi.csv:3:1"), "{said}");
    assert!(said.contains("no KPI has the id `conversion`"), "{said}");
}

/// The latest row per id wins, in export, report and the drawing, and the card says
/// as of when.
#[test]
fn the_latest_row_fills_the_kpis_everywhere() {
    let o = journeymap(&["export", "--data", "tests/data/kpis.csv", MAP]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    let kpis: Vec<&Value> =
        doc["phases"][0]["steps"].as_array().unwrap().iter().flat_map(|s| s["kpis"].as_array().unwrap()).collect();
    let conv = kpis.iter().find(|k| k["id"] == "conv").unwrap();
    assert_eq!(conv["value"]["text"], "44%");
    assert_eq!(conv["verdict"], "met");
    assert_eq!(conv["data"]["date"], "2026-10-01");
    assert_eq!(conv["data"]["source"], "Web analytics");
    let nps = kpis.iter().find(|k| k["id"] == "nps").unwrap();
    // The data's target, where the map has none.
    assert_eq!((nps["value"]["text"].as_str(), nps["target"]["text"].as_str()), (Some("31"), Some("40")));
    let wait = kpis.iter().find(|k| k["id"] == "wait").unwrap();
    assert_eq!((wait["value"]["text"].as_str(), wait["verdict"].as_str()), (Some("7"), Some("met")));
    assert_eq!(wait["data"]["source"], Value::Null);

    let o = journeymap(&["report", "--data", "tests/data/kpis.csv", MAP]);
    let said = text(&o.stdout);
    assert!(said.contains("31 (as of 2026-10-01)"), "{said}");
    // Without the data, the map's own figures.
    let said = text(&journeymap(&["report", MAP]).stdout);
    assert!(said.contains("“Seconds until the payment is confirmed” (wait) 12 vs at most 8"), "{said}");

    let o = journeymap(&["render", "--data", "tests/data/kpis.csv", MAP, "-o", "-", "--format", "svg"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let svg = text(&o.stdout);
    assert!(svg.contains(">as of 2026-10-01 · Web analytics</text>"), "the card shows the date");
    assert!(svg.contains(">44% · at least 40% ·"), "the figure is the data's");
}

#[test]
fn the_project_file_names_the_data_and_the_flag_wins() {
    let dir = tempfile::tempdir().unwrap();
    let map = std::fs::read_to_string(root().join(MAP)).unwrap();
    let map = write(dir.path(), "maps/map.journey", &map);
    write(dir.path(), "journeymap.yaml", "data: data/kpis.csv\n");
    write(dir.path(), "data/kpis.csv", "kpi,value,date\nwait,5,2026-01-01\n");
    let other = write(dir.path(), "other.csv", "kpi,value,date\nwait,9,2026-01-01\n");
    let value = |args: &[&str]| {
        let o = journeymap(args);
        assert_eq!(code(&o), 0, "{}", text(&o.stderr));
        let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
        doc["phases"][0]["steps"][1]["kpis"][0]["value"]["text"].as_str().unwrap().to_string()
    };
    assert_eq!(value(&["export", &map]), "5");
    assert_eq!(value(&["export", "--data", &other, &map]), "9");
}

/// Over several maps an id is unknown only when none of them has it.
#[test]
fn an_id_is_unknown_only_when_no_map_of_the_run_has_it() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.journey", "journey: A\nphase: P\n  step: S\n    emotion 1\n    kpi a 1: A\n");
    let b = write(dir.path(), "b.journey", "journey: B\nphase: P\n  step: S\n    emotion 1\n    kpi b 1: B\n");
    let csv = write(dir.path(), "kpis.csv", "kpi,value\na,2\nb,3\nc,4\n");
    let (exit, diags) = check_json(&csv, &[&a, &b]);
    assert_eq!(exit, 0);
    let unknown: Vec<&Value> = diags.iter().filter(|d| d["code"] == "J0904").collect();
    assert_eq!(unknown.len(), 1, "{diags:?}");
    assert_eq!(unknown[0]["line"], 4);
    let (_, diags) = check_json(&csv, &[&a]);
    assert_eq!(diags.iter().filter(|d| d["code"] == "J0904").count(), 2, "{diags:?}");
}

#[test]
fn broken_data_writes_nothing_and_an_unreadable_file_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.svg");
    let out_s = out.to_str().unwrap();
    let o = journeymap(&["render", "--data", "tests/data/data-bad-number.csv", MAP, "-o", out_s]);
    assert_eq!(code(&o), 1, "{}", text(&o.stderr));
    assert!(!out.exists());
    let o = journeymap(&["render", "--data", "nowhere.csv", MAP, "-o", out_s]);
    assert_eq!(code(&o), 2);
    assert!(text(&o.stderr).contains("cannot read the KPI data file `nowhere.csv`"), "{}", text(&o.stderr));
    // Several maps at once: the data's problems are printed once, the maps not drawn.
    let o = journeymap(&[
        "render",
        "--data",
        "tests/data/data-bad-number.csv",
        MAP,
        "examples/apotek-recept.journey",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1);
    assert_eq!(text(&o.stderr).matches("J0905").count(), 1, "{}", text(&o.stderr));
    assert!(!dir.path().join("map.svg").exists());
}

/// With a map of the run unread (errors), an id only it has may be its: none is called
/// unknown. A data file that is not UTF-8 says so, at its byte.
#[test]
fn a_broken_map_leaves_no_id_unknown_and_bad_bytes_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.journey", "journey: A\nphase: P\n  step: S\n    emotion 1\n    kpi a 1: A\n");
    let b = write(dir.path(), "b.journey", "journey: B\nphase: P\n  stpe: S\n    kpi b 1: B\n");
    let csv = write(dir.path(), "kpis.csv", "kpi,value\na,2\nb,3\n");
    let (_, diags) = check_json(&csv, &[&a, &b]);
    assert!(!diags.iter().any(|d| d["code"] == "J0904"), "{diags:?}");
    let latin1 = dir.path().join("latin1.csv");
    std::fs::write(&latin1, b"kpi,value\ntilfredshed_\xf8,3\n").unwrap();
    let o = journeymap(&["check", "--data", latin1.to_str().unwrap(), &a]);
    assert_eq!(code(&o), 1);
    let said = text(&o.stderr);
    assert!(said.contains("J0901") && said.contains("not UTF-8"), "{said}");
}
