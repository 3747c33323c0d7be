//! `journeymap report`: snapshots of every example and fixture in each format, the
//! rules behind each fact, and Markdown that user text cannot inject into.

use crate::common::{assert_inert_markdown, example_maps, journeys_in, report, report_outputs, root};

fn snapshot_all(maps: Vec<std::path::PathBuf>) {
    assert!(!maps.is_empty());
    for map in maps {
        let name = map.file_stem().unwrap().to_string_lossy().to_string();
        for (format, output) in report_outputs(&std::fs::read_to_string(&map).unwrap()) {
            insta::with_settings!({
                snapshot_path => "../report",
                prepend_module_to_snapshot => false,
                omit_expression => true,
            }, {
                insta::assert_snapshot!(format!("{name}.{format}"), output);
            });
        }
    }
}

#[test]
fn examples_match_their_snapshots() {
    snapshot_all(example_maps());
}

#[test]
fn fixtures_match_their_snapshots() {
    snapshot_all(journeys_in(&root().join("tests/report")));
}

#[test]
fn every_example_reports_inert_markdown_and_json_that_parses() {
    for map in example_maps().into_iter().chain(journeys_in(&root().join("tests/report"))) {
        let [_, (_, md), (_, json)] = report_outputs(&std::fs::read_to_string(&map).unwrap());
        assert_inert_markdown(&md);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["report_version"], 1, "{}", map.display());
    }
}

#[test]
fn user_text_cannot_inject_markdown() {
    let source = std::fs::read_to_string(root().join("tests/report/injection.journey")).unwrap();
    let [(_, text), (_, md), _] = report_outputs(&source);
    assert_inert_markdown(&md);
    assert!(md.contains(r"\| ## \[x\]\(javascript:alert\(1\)\)"), "{md}");
    assert!(text.contains("| ## [x](javascript:alert(1))"), "text shows the text as written");
}

#[test]
fn an_opportunity_answers_pains_on_its_own_place_and_below() {
    let source = std::fs::read_to_string(root().join("tests/report/facts.journey")).unwrap();
    let r = report(&source);
    let unanswered: Vec<(String, Option<usize>, Vec<String>)> = r
        .pains_without_opportunity
        .iter()
        .map(|u| (u.phase.clone(), u.step.as_ref().map(|s| s.number), u.pains.clone()))
        .collect();
    assert_eq!(
        unanswered,
        [
            (
                "Answered by a step".to_string(),
                Some(1),
                vec!["A step pain the phase-wide opportunity does not exist for".to_string()]
            ),
            ("Unanswered".to_string(), None, vec!["Nobody has an idea for this phase".to_string()]),
        ]
    );
}

#[test]
fn kpis_off_target_carry_the_signed_distance_and_on_target_ones_are_left_out() {
    let source = std::fs::read_to_string(root().join("tests/report/facts.journey")).unwrap();
    let r = report(&source);
    let off: Vec<(&str, f64)> = r.kpis_off_target.iter().map(|k| (k.label.as_str(), k.distance)).collect();
    assert_eq!(off, [("Satisfaction", -0.4), ("Conversion", -17.0)]);
    assert_eq!(r.kpis_without_target, 1);
}

#[test]
fn facts_match_the_model() {
    let source = std::fs::read_to_string(root().join("tests/report/facts.journey")).unwrap();
    let r = report(&source);
    let numbers = |steps: &[journeymap::report::StepAt]| steps.iter().map(|s| s.number).collect::<Vec<_>>();
    assert_eq!(numbers(&r.gaps), [2, 3, 4], "external owner, no owner, no touchpoint");
    assert_eq!(numbers(&r.critical_steps), [2]);
    assert_eq!(r.emotions.len(), 1);
    assert_eq!(r.emotions[0].persona, None);
    let low = r.emotions[0].low.as_ref().unwrap();
    assert_eq!((low.score.get(), numbers(&low.steps)), (-1, vec![1, 2]), "ties are all kept");
    assert_eq!(r.channel_switches.len(), 2);
    let count = |lane: &str| r.lanes.iter().find(|l| l.lane == lane).map(|l| (l.total, l.steps_with)).unwrap();
    assert_eq!(count("pains"), (4, 2));
    assert_eq!(count("kpis"), (4, 1));
    assert_eq!(count("actions"), (4, 4));
    assert_eq!(count("quotes"), (1, 1));
}

#[test]
fn the_command_prints_each_format_and_exits_like_check() {
    use crate::cli::{BAD, code, journeymap, text, write};
    let o = journeymap(&["report", "--format", "markdown", "examples/home-insurance.journey"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert!(text(&o.stdout).starts_with("## Journey report: Buying home insurance\n"));
    let o = journeymap(&["report", "--format", "json", "examples/home-insurance.journey"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["gaps"].as_array().unwrap().len(), 2);
    let o = journeymap(&["report", "examples/home-insurance.journey"]);
    assert!(text(&o.stdout).contains("Pains without an opportunity: 1"));

    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.journey", BAD);
    let o = journeymap(&["report", &bad]);
    assert_eq!(code(&o), 1);
    assert!(o.stdout.is_empty());
    assert!(text(&o.stderr).contains("J0"), "diagnostics as check prints them: {}", text(&o.stderr));
    let o = journeymap(&["report", "no/such.journey"]);
    assert_eq!(code(&o), 2);
    let o = journeymap(&["report", "--format", "yaml", "examples/home-insurance.journey"]);
    assert_eq!(code(&o), 2);
}

/// Version 1's facts: KPIs that miss their `min` or `max` (a met one and a `target` are
/// not listed), KPIs without data, evidence coverage and the steps said, not seen.
#[test]
fn sources_and_kpi_goals_are_reported() {
    let source = std::fs::read_to_string(root().join("tests/report/apotek-sources.journey")).unwrap();
    let r = report(&source);
    type Missed<'a> = (Option<usize>, Option<&'a str>, &'a str, &'a str, &'a str, f64);
    let missed: Vec<Missed> = r
        .kpis_missed
        .as_ref()
        .expect("the map has KPIs with min or max")
        .iter()
        .map(|k| {
            (
                k.step.as_ref().map(|s| s.number),
                k.id.as_deref(),
                k.value.as_str(),
                k.goal_kind,
                k.goal.as_str(),
                k.distance,
            )
        })
        .collect();
    assert_eq!(missed, [(None, Some("left"), "9%", "max", "2%", 7.0), (Some(2), Some("wait"), "14", "max", "8", 6.0)]);
    // The `target` KPI is judged as in version 0, by its distance only.
    let off: Vec<&str> = r.kpis_off_target.iter().map(|k| k.label.as_str()).collect();
    assert_eq!(off, ["Besök per månad"]);
    let no_data: Vec<Option<&str>> = r.kpis_without_data.iter().map(|k| k.id.as_deref()).collect();
    assert_eq!(no_data, [Some("satisfied")]);
    let e = r.evidence.as_ref().expect("a map with sources has evidence");
    assert_eq!((e.total.cited, e.total.total, e.total.percent), (16, 22, Some(72)));
    let phases: Vec<(usize, usize)> = e.phases.iter().map(|c| (c.cited, c.total)).collect();
    assert_eq!(phases, [(6, 7), (10, 15)]);
    let thoughts = e.lanes.iter().find(|c| c.of.as_deref() == Some("thoughts")).unwrap();
    assert_eq!((thoughts.cited, thoughts.total, thoughts.percent), (0, 1, Some(0)));
    let said: Vec<usize> = e.said_not_seen.iter().map(|s| s.number).collect();
    assert_eq!(said, [3]);
}

/// A version-0 map has none of version 1's sections, in any format.
#[test]
fn version_0_reports_have_no_version_1_sections() {
    let maps = crate::common::version_0_examples();
    assert!(maps.len() >= 8, "{maps:?}");
    for map in maps {
        let source = std::fs::read_to_string(&map).unwrap();
        let r = report(&source);
        assert!(r.kpis_missed.is_none() && r.kpis_without_data.is_empty() && r.evidence.is_none(), "{}", map.display());
        let [(_, text), (_, md), (_, json)] = report_outputs(&source);
        for out in [&text, &md] {
            assert!(!out.contains("Evidence coverage") && !out.contains("miss their goal"), "{}", map.display());
        }
        let json: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(json.get("evidence").is_none() && json.get("kpis_missed").is_none(), "{}", map.display());
    }
}
