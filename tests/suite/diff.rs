//! `journeymap diff`: snapshots of pairs of maps (`tests/diff/<case>.old.journey` and
//! `.new.journey`) covering every kind of change, in each format; what each case must
//! find; a map against itself; and the command, git's calling convention included.

use std::path::PathBuf;

use journeymap::diff::{Change, Diff, FileChange, GapChangeKind, PhaseChangeKind, StepChangeKind};
use journeymap::model::Score;

use crate::cli::{BAD, GOOD, code, journeymap, text, write};
use crate::common::{assert_inert_markdown, diff, diff_outputs, example_maps, root, same_meaning};

fn case(name: &str) -> (String, String) {
    let read = |side: &str| {
        let path = root().join(format!("tests/diff/{name}.{side}.journey"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    (read("old"), read("new"))
}

fn cases() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests/diff"))
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().to_str()?.strip_suffix(".old.journey").map(String::from))
        .collect();
    names.sort();
    names
}

/// A persona and its old score, new score and shift.
type Shift<'a> = (Option<&'a str>, Option<i64>, Option<i64>, Option<i64>);

fn of(name: &str) -> Diff {
    let (old, new) = case(name);
    diff(Some(&old), Some(&new))
}

#[test]
fn every_case_matches_its_snapshots() {
    let names = cases();
    assert!(names.len() >= 6, "{names:?}");
    for name in names {
        let (old, new) = case(&name);
        for (format, output) in diff_outputs(Some(&old), Some(&new)) {
            if format == "md" {
                assert_inert_markdown(&output);
            }
            insta::with_settings!({
                snapshot_path => "../diff",
                prepend_module_to_snapshot => false,
                omit_expression => true,
            }, {
                insta::assert_snapshot!(format!("{name}.{format}"), output);
            });
        }
    }
}

#[test]
fn a_map_against_itself_has_no_changes() {
    let maps: Vec<PathBuf> =
        example_maps().into_iter().chain(crate::common::journeys_in(&root().join("tests/diff"))).collect();
    for map in maps {
        let source = std::fs::read_to_string(&map).unwrap();
        let d = diff(Some(&source), Some(&source));
        assert!(!d.changed, "{}: {d:#?}", map.display());
        let [(_, text), (_, md), (_, json)] = diff_outputs(Some(&source), Some(&source));
        assert!(text.ends_with("no changes\n"), "{text}");
        assert!(md.ends_with("No changes.\n"), "{md}");
        let json: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(json["changed"], false);
    }
}

#[test]
fn any_two_examples_diff_without_panicking() {
    let sources: Vec<String> = example_maps().iter().map(|m| std::fs::read_to_string(m).unwrap()).collect();
    for a in &sources {
        for b in &sources {
            let d = diff(Some(a), Some(b));
            // Texts that differ only in layout (our examples are formatted, the shared ones not) mean the same.
            assert_eq!(d.changed, !same_meaning(a.as_bytes(), b.as_bytes()));
        }
        assert_eq!(diff(None, Some(a)).file, FileChange::Added);
        assert_eq!(diff(Some(a), None).file, FileChange::Deleted);
    }
    assert!(!diff(None, None).changed);
}

#[test]
fn header_changes_name_each_field_and_declaration() {
    let d = of("header");
    let fields: Vec<&str> = d.header.iter().map(|h| h.field).collect();
    assert_eq!(fields, ["title", "goal", "scope", "lang", "scale", "lanes", "note", "note"]);
    let decls: Vec<(&str, &str, Change)> = d.declarations.iter().map(|x| (x.kind, x.id.as_str(), x.change)).collect();
    assert_eq!(
        decls,
        [
            ("persona", "anna", Change::Changed),
            ("persona", "bo", Change::Removed),
            ("channel", "web", Change::Changed),
            ("channel", "shop", Change::Removed),
            ("owner", "bank", Change::Changed),
            ("persona", "cleo", Change::Added),
            ("channel", "app", Change::Added),
        ]
    );
}

#[test]
fn phases_and_steps_are_matched_renamed_and_moved() {
    let d = of("structure");
    let phases: Vec<(Option<&str>, Option<&str>, &[PhaseChangeKind])> = d
        .phases
        .iter()
        .map(|p| (p.old.as_ref().map(|x| x.name.as_str()), p.new.as_ref().map(|x| x.name.as_str()), &p.kinds[..]))
        .collect();
    use PhaseChangeKind as P;
    assert_eq!(
        phases,
        [
            (Some("Dropped"), None, &[P::Removed][..]),
            (Some("Purchase"), Some("Purchase"), &[P::Moved][..]),
            (Some("Awareness"), Some("Discovery"), &[P::Renamed][..]),
            (None, Some("Loyalty"), &[P::Added][..]),
        ],
        "Purchase moved to the front; the others kept their order"
    );
    let steps: Vec<(Option<&str>, Option<&str>, &[StepChangeKind])> = d
        .steps
        .iter()
        .map(|s| (s.old.as_ref().map(|x| x.action.as_str()), s.new.as_ref().map(|x| x.action.as_str()), &s.kinds[..]))
        .collect();
    use StepChangeKind as S;
    assert_eq!(
        steps,
        [
            (Some("Reads the small print"), None, &[S::Removed][..]),
            (Some("Pays"), Some("Pays"), &[S::Personas][..]),
            (Some("Reads reviews online"), Some("Reads reviews online"), &[S::Moved][..]),
            (Some("Compares three offers side by side"), Some("Weighs the offers"), &[S::Renamed][..]),
            (Some("Fills in the form"), Some("Fills in the form"), &[S::Critical][..]),
            (None, Some("Chats with support"), &[S::Added][..]),
            (Some("Calls the hotline"), Some("Calls the hotline"), &[S::Moved, S::Critical][..]),
        ],
        "steps that move with their phase did not move"
    );
}

#[test]
fn scores_cards_and_kpis_of_kept_steps_and_phases() {
    let d = of("content");
    let shifts: Vec<Shift> = d
        .emotions
        .iter()
        .map(|e| (e.persona.as_deref(), e.old.map(Score::get), e.new.map(Score::get), e.shift))
        .collect();
    assert_eq!(shifts, [(Some("anna"), Some(-2), Some(1), Some(3)), (Some("bo"), Some(1), Some(1), Some(0))]);
    let mut lanes: Vec<(&str, Change)> = d.details.iter().map(|x| (x.lane, x.change)).collect();
    lanes.sort_by_key(|&(lane, change)| (lane, change as u8));
    lanes.dedup();
    for lane in ["touchpoints", "thoughts", "quotes", "needs", "pains", "opportunities", "notes"] {
        assert!(lanes.contains(&(lane, Change::Added)), "{lane} added: {lanes:?}");
        if lane != "touchpoints" {
            assert!(lanes.contains(&(lane, Change::Removed)), "{lane} removed: {lanes:?}");
        }
    }
    assert!(!lanes.iter().any(|&(lane, _)| lane == "delights"), "the kept delight is no change");
    let kpis: Vec<(&str, Change)> = d.kpis.iter().map(|k| (k.label.as_str(), k.change)).collect();
    assert_eq!(
        kpis,
        [
            ("Satisfaction", Change::Changed),
            ("Conversion", Change::Changed),
            ("Dropped KPI", Change::Removed),
            ("New KPI", Change::Added),
        ],
        "12% and 12.0% are the same number"
    );
}

#[test]
fn anonymous_scores_added_removed_and_changed() {
    let d = of("emotions-anonymous");
    let shifts: Vec<Shift> = d
        .emotions
        .iter()
        .map(|e| (e.persona.as_deref(), e.old.map(Score::get), e.new.map(Score::get), e.shift))
        .collect();
    assert_eq!(shifts, [(None, Some(-1), Some(1), Some(2)), (None, None, Some(0), None), (None, Some(2), None, None)]);
    let text = journeymap::diff::render::text(&d, None);
    assert!(text.contains("(customer): -1 → +1 (+2)"), "{text}");
}

#[test]
fn gaps_open_and_close() {
    let d = of("gaps");
    let gaps: Vec<(GapChangeKind, Option<&str>, Option<&str>)> = d
        .gaps
        .iter()
        .map(|g| (g.change, g.old.as_ref().map(|s| s.action.as_str()), g.new.as_ref().map(|s| s.action.as_str())))
        .collect();
    let (opened, closed) = (GapChangeKind::Opened, GapChangeKind::Closed);
    let kept = |s| (Some(s), Some(s));
    assert_eq!(
        gaps,
        [
            (closed, Some("A gap that is removed"), None),
            (opened, kept("Opens when the owner turns external").0, kept("Opens when the owner turns external").1),
            (closed, kept("Closes when the company takes over").0, kept("Closes when the company takes over").1),
            (opened, None, Some("A new step without a touchpoint")),
        ]
    );
}

#[test]
fn user_text_cannot_inject_markdown() {
    let (old, new) = case("injection");
    let [(_, text), (_, md), _] = diff_outputs(Some(&old), Some(&new));
    assert_inert_markdown(&md);
    assert!(md.contains(r"\| ## \[x\]\(javascript:alert\(2\)\)"), "{md}");
    assert!(text.contains("<script>alert(1)</script>"), "text shows the text as written: {text}");
}

// The command.

#[test]
fn the_command_exits_0_with_or_without_changes() {
    let old = "tests/diff/structure.old.journey";
    let new = "tests/diff/structure.new.journey";
    let o = journeymap(&["diff", old, new]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("renamed: 1 “Awareness” → 2 “Discovery”"), "{}", text(&o.stdout));
    let o = journeymap(&["diff", "--format", "markdown", old, old]);
    assert_eq!((code(&o), text(&o.stdout).ends_with("No changes.\n")), (0, true), "{}", text(&o.stdout));
    let o = journeymap(&["diff", "--format", "json", old, new]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!((json["diff_version"].as_u64(), json["changed"].as_bool()), (Some(1), Some(true)));
}

#[test]
fn the_command_reports_errors_in_either_map_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.journey", GOOD);
    let bad = write(dir.path(), "bad.journey", BAD);
    for args in [[&good, &bad], [&bad, &good]] {
        let o = journeymap(&["diff", args[0], args[1]]);
        assert_eq!(code(&o), 1);
        assert!(o.stdout.is_empty());
        assert!(text(&o.stderr).contains("bad.journey") && text(&o.stderr).contains("J0"), "{}", text(&o.stderr));
    }
}

#[test]
fn the_command_refuses_missing_files_and_wrong_arguments_with_2() {
    let good = "tests/diff/gaps.old.journey";
    assert_eq!(code(&journeymap(&["diff", good, "no/such.journey"])), 2);
    assert_eq!(code(&journeymap(&["diff", "no/such.journey", good])), 2);
    assert_eq!(code(&journeymap(&["diff", good, "tests/diff"])), 2, "a directory is not a map");
    assert_eq!(code(&journeymap(&["diff", good, good, good])), 2);
    assert_eq!(code(&journeymap(&["diff"])), 2);
    assert_eq!(code(&journeymap(&["diff", good])), 2, "one map is a mistake, unless git calls for an unmerged path");
    assert_eq!(code(&journeymap(&["diff", "-", "-"])), 2, "standard input can be one side only");
    assert_eq!(code(&journeymap(&["diff", "--format", "yaml", good, good])), 2);
}

#[test]
fn dev_null_is_a_map_added_or_deleted() {
    let map = "examples/minimal.journey";
    let o = journeymap(&["diff", "--format", "json", "/dev/null", map]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["file"], "added");
    assert!(json["steps"].as_array().unwrap().iter().all(|s| s["kinds"][0] == "added"));
    let o = journeymap(&["diff", map, "/dev/null"]);
    assert_eq!(code(&o), 0);
    assert!(text(&o.stdout).contains("map deleted"), "{}", text(&o.stdout));
}

#[test]
fn git_calls_it_with_seven_arguments() {
    let (old, new) = ("tests/diff/gaps.old.journey", "tests/diff/gaps.new.journey");
    let hex = "0123456789abcdef0123456789abcdef01234567";
    let o = journeymap(&["diff", "maps/gaps.journey", old, hex, "100644", new, hex, "100644"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.starts_with("journeymap diff: maps/gaps.journey\n"), "{out}");
    assert!(out.contains("opened at step"), "{out}");
    // A file added or deleted: git passes /dev/null and `.` for the hex and mode.
    let o = journeymap(&["diff", "maps/gaps.journey", "/dev/null", ".", ".", new, hex, "100644"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("new map"));
    let o = journeymap(&["diff", "maps/gaps.journey", old, hex, "100644", "/dev/null", ".", "."]);
    assert!(text(&o.stdout).contains("map deleted"));
    // A rename: git adds the new path and a similarity line.
    let o = journeymap(&["diff", "maps/a.journey", old, hex, "100644", new, hex, "100644", "maps/b.journey", "x"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert!(text(&o.stdout).starts_with("journeymap diff: maps/a.journey → maps/b.journey\n"), "{}", text(&o.stdout));
    // Errors are named by the path in the repository, not git's temporary file.
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "tmp-XYZ.journey", BAD);
    let o = journeymap(&["diff", "maps/m.journey", old, hex, "100644", &bad, hex, "100644"]);
    assert!(text(&o.stderr).contains("b/maps/m.journey"), "{}", text(&o.stderr));
    // git stops `git diff` at a driver that fails: as one, errors are reported, exit 0.
    assert_eq!(code(&o), 0);
    assert!(text(&o.stdout).contains("maps/m.journey has errors"), "{}", text(&o.stdout));
    // Called directly, a map with errors fails the command.
    assert_eq!(code(&journeymap(&["diff", old, &bad])), 1);
}

#[test]
fn git_diff_uses_it_as_the_diff_driver() {
    let git = |dir: &std::path::Path, args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", dir)
            .output()
    };
    let dir = tempfile::tempdir().unwrap();
    let Ok(init) = git(dir.path(), &["init", "-q"]) else { return }; // no git here
    assert!(init.status.success());
    let (old, new) = case("gaps");
    write(dir.path(), ".gitattributes", "*.journey diff=journey\n");
    write(dir.path(), "maps/gaps.journey", &old);
    let commit = ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "m"];
    assert!(git(dir.path(), &["add", "."]).unwrap().status.success());
    assert!(git(dir.path(), &commit).unwrap().status.success());
    write(dir.path(), "maps/gaps.journey", &new);
    write(dir.path(), "maps/added.journey", GOOD);
    // A broken map between the two: reported, and the diff goes on past it.
    write(dir.path(), "maps/b-broken.journey", BAD);
    assert!(git(dir.path(), &["add", "."]).unwrap().status.success());
    let driver = format!("diff.journey.command={} diff", env!("CARGO_BIN_EXE_journeymap"));
    let o = git(dir.path(), &["-c", &driver, "diff", "--cached"]).unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("journeymap diff: maps/gaps.journey\n"), "{out}");
    assert!(out.contains("opened at step 1 “Opens when the owner turns external”"), "{out}");
    assert!(out.contains("journeymap diff: maps/added.journey\nnew map"), "{out}");
    assert!(out.contains("maps/b-broken.journey has errors"), "{out}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 128, ..Default::default() })]

    /// An example against an edited copy of itself (when the copy still compiles): no
    /// panic, every format renders, and the copy against itself has no changes.
    #[test]
    fn edited_examples_diff_and_report_without_panicking(
        example in 0usize..100,
        mutations in proptest::collection::vec(crate::props::mutation(), 1..6),
    ) {
        let maps = example_maps();
        let original = std::fs::read(&maps[example % maps.len()]).unwrap();
        let mut edited = original.clone();
        for m in &mutations {
            edited = crate::props::apply(&edited, m);
        }
        let (a, b) = (journeymap::compile(&original), journeymap::compile(&edited));
        if let (Some(a), Some(b)) = (a.journey, b.journey) {
            let d = journeymap::diff::diff(Some(&a), Some(&b));
            let md = journeymap::diff::render::markdown(&d, None);
            assert_inert_markdown(&md);
            let _ = (journeymap::diff::render::text(&d, None), journeymap::diff::render::json(&d));
            proptest::prop_assert!(!journeymap::diff::diff(Some(&b), Some(&b)).changed);
            let r = journeymap::report::report(&b);
            assert_inert_markdown(&journeymap::report::render::markdown(&r));
        }
    }
}

/// Version 1's changes: the state, sources added, removed and redescribed, the
/// citations of statements kept on both sides, a KPI's id and goal.
#[test]
fn citations_sources_state_and_kpi_goals_are_diffed() {
    let d = of("sources");
    let header: Vec<(&str, Option<&str>, Option<&str>)> =
        d.header.iter().map(|h| (h.field, h.old.as_deref(), h.new.as_deref())).collect();
    assert_eq!(header, [("state", Some("current"), Some("future"))]);
    let sources: Vec<(Change, &str)> =
        d.declarations.iter().filter(|x| x.kind == "source").map(|x| (x.change, x.id.as_str())).collect();
    assert_eq!(sources, [(Change::Changed, "i2"), (Change::Removed, "d1"), (Change::Added, "s1")]);
    type Cited<'a> = (Option<usize>, &'a str, Option<&'a str>, Vec<&'a str>, Vec<&'a str>);
    let cited: Vec<Cited> = d
        .citations
        .iter()
        .map(|c| {
            let added = c.added.iter().map(String::as_str).collect();
            let removed = c.removed.iter().map(String::as_str).collect();
            (c.place.step, c.statement, c.persona.as_deref(), added, removed)
        })
        .collect();
    assert_eq!(
        cited,
        [
            (Some(1), "step", None, vec!["a1"], vec![]),
            (Some(2), "emotion", Some("karin"), vec!["i1"], vec!["o1"]),
            (Some(2), "pain", None, vec!["i2", "s1"], vec!["o1"]),
            (Some(3), "touchpoint", None, vec!["s1"], vec!["d1"]),
            (Some(3), "kpi", None, vec!["s1"], vec![]),
        ]
    );
    type Ids<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<&'a str>);
    let kpis: Vec<Ids> = d
        .kpis
        .iter()
        .map(|k| (k.old_id.as_deref(), k.new_id.as_deref(), k.old_target.as_deref(), k.new_target.as_deref()))
        .collect();
    assert_eq!(
        kpis,
        [
            (Some("wait"), Some("queue"), Some("max 8"), Some("max 10")),
            (Some("satisfied"), Some("satisfied"), Some("min 4"), Some("min 4"))
        ]
    );
    // Nothing else changed: no card is added or removed for a citation.
    assert!(d.details.is_empty() && d.steps.is_empty() && d.emotions.is_empty(), "{d:#?}");
}

/// A version-0 pair has no citations, so its JSON has no `citations` field.
#[test]
fn version_0_diffs_have_no_citations() {
    for name in cases().into_iter().filter(|n| n != "sources") {
        let (old, new) = case(&name);
        let [_, _, (_, json)] = diff_outputs(Some(&old), Some(&new));
        let json: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(json.get("citations").is_none(), "{name}");
        assert!(json["kpis"].as_array().unwrap().iter().all(|k| k.get("old_id").is_none()), "{name}");
    }
}

/// A need's status and an opportunity's scores are compared on the matched card: a need
/// now met, a status that changed otherwise, scores that changed; no card is added or
/// removed for them.
#[test]
fn needs_now_met_and_opportunity_scores_that_changed() {
    let d = of("assessments");
    assert!(d.changed && d.details.is_empty(), "{:?}", d.details);
    let seen: Vec<(&str, bool)> = d.assessments.iter().map(|a| (a.text.as_str(), a.now_met())).collect();
    assert_eq!(
        seen,
        [
            ("Vis leveringsdato i skjemaet", false),
            ("Vite når internett virker", true),
            ("Føle seg tatt vare på", false),
            ("Aktivering samme dag", false),
        ]
    );
    let scores = &d.assessments[3];
    assert_eq!((scores.old_effort, scores.new_effort), (Some(Some(5)), Some(Some(4))));
    let unscored = &d.assessments[0];
    assert_eq!((unscored.old_effort, unscored.new_effort), (Some(Some(1)), Some(None)));
}
