//! Version 1's research sources, `state`, KPI ids and directions, and the rule that one
//! bad line never hides the next: the model's side.

use journeymap::model::{Evidence, GoalKind, Journey, MapState, SourceKind, Verdict};

use crate::common::check_str;

fn journey(source: &str) -> Journey {
    let checked = check_str(source);
    checked.compiled.journey.unwrap_or_else(|| panic!("map has errors:\n{}", checked.human))
}

fn codes(source: &str) -> Vec<&'static str> {
    check_str(source).codes
}

const HEADER: &str = "journey: T\npersona anna: Anna\npersona bo: Bo\n\
                      source i1 interview: Interview 1\nsource o1 observation: At the counter\n\
                      source a1 analytics: App log\n";

fn map(body: &str) -> String {
    format!("{HEADER}phase: P\n{body}")
}

#[test]
fn every_body_statement_cites_in_declaration_order() {
    let j = journey(&format!(
        "{HEADER}channel app online: App\nowner shop: Shop\nphase: P\n\
         \x20 step critical anna bo a1 i1: Queues\n    touchpoint o1 app shop: Ticket\n    emotion anna -1 o1 i1: Long\n\
         \x20   emotion bo 0 i1\n    pain a1 o1: No sign\n    need emotional i1: Calm\n    kpi wait 14 max 8 o1: Minutes\n\
         \x20   backstage o1 shop: Counts\n",
    ));
    let ids =
        |cites: &[journeymap::model::SourceId]| cites.iter().map(|&s| j.source(s).id.as_str()).collect::<Vec<_>>();
    let step = &j.phases[0].steps[0];
    assert!(step.critical);
    assert_eq!(step.personas.len(), 2);
    // Whatever the order written, citations are kept in the order the sources are declared.
    assert_eq!(ids(&step.cites), ["i1", "a1"]);
    assert_eq!(ids(&step.touchpoints[0].cites), ["o1"]);
    assert!(step.touchpoints[0].channel.is_some() && step.touchpoints[0].owner.is_some());
    assert_eq!(ids(&step.emotions[0].cites), ["i1", "o1"]);
    assert_eq!(ids(&step.emotions[1].cites), ["i1"]);
    let details: Vec<Vec<&str>> = step.details.iter().map(|d| ids(&d.cites)).collect();
    assert_eq!(details, [vec!["o1", "a1"], vec!["i1"], vec!["o1"], vec!["o1"]]);
    let kinds: Vec<Option<SourceKind>> = j.sources.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, [Some(SourceKind::Interview), Some(SourceKind::Observation), Some(SourceKind::Analytics)]);
    assert_eq!(SourceKind::Observation.evidence(), Some(Evidence::Seen));
    assert_eq!(SourceKind::Workshop.evidence(), Some(Evidence::Said));
    assert_eq!(SourceKind::Document.evidence(), None);
}

#[test]
fn a_source_kind_is_optional_and_state_is_read() {
    let j = journey("journey: T\nstate future\nsource d1: A report\nphase: P\n  step d1: S\n    emotion 1 d1\n");
    assert_eq!((j.state, j.sources[0].kind), (Some(MapState::Future), None));
    assert_eq!(journey("journey: T\nphase: P\n  step: S\n    emotion 1\n").state, None);
    assert_eq!(codes("journey: T\nstate current\nstate future\nphase: P\n  step: S\n    emotion 1\n"), ["J0209"]);
}

#[test]
fn kpis_have_ids_directions_and_verdicts() {
    let j = journey(&map("  step anna bo i1: S\n    emotion 1 i1\n    kpi wait 14 max 8 o1: Minutes in the queue\n\
         \x20   kpi left 1% max 2% a1: Visits that end without the medicine\n    kpi conv min 55% a1: Conversion\n\
         \x20   kpi 38% target 55%: Version 0's target\n    kpi nps 30 min 20: NPS\n"));
    let kpis: Vec<_> = j.phases[0].steps[0].details.kpis().collect();
    type Seen<'a> = (Option<&'a str>, Option<&'a str>, Option<GoalKind>, Option<Verdict>);
    let seen: Vec<Seen> = kpis
        .iter()
        .map(|k| (k.id(), k.value().map(|v| v.text.as_str()), k.goal().map(|g| g.kind), k.verdict()))
        .collect();
    assert_eq!(
        seen,
        [
            (Some("wait"), Some("14"), Some(GoalKind::Max), Some(Verdict::Missed)),
            (Some("left"), Some("1%"), Some(GoalKind::Max), Some(Verdict::Met)),
            (Some("conv"), None, Some(GoalKind::Min), None),
            (None, Some("38%"), Some(GoalKind::Target), None),
            (Some("nps"), Some("30"), Some(GoalKind::Min), Some(Verdict::Met)),
        ]
    );
    assert_eq!(kpis[3].distance(), Some(-17.0));
    // A goal in another unit than the value gets no verdict, and a warning.
    let odd = map("  step i1: S\n    emotion 1 i1\n    kpi x 14 max 8% o1 a1: Odd\n");
    assert_eq!(codes(&odd), ["J0506"]);
}

#[test]
fn kpi_ids_share_the_one_namespace() {
    assert_eq!(codes(&map("  step i1 o1 a1: S\n    emotion 1 i1\n    kpi anna 3: K\n")), ["J0301"]);
    assert_eq!(codes(&map("  step i1 o1 a1: S\n    emotion 1 i1\n    kpi k 3: K\n    kpi k 4: L\n")), ["J0301"]);
    // A KPI's id is not a source to cite.
    assert_eq!(codes(&map("  step i1 o1 a1: S\n    emotion 1 i1\n    kpi k 3: K\n    pain k: P\n")), ["J0308"]);
    // `min` and `max` are reserved now.
    assert_eq!(codes("journey: T\npersona max: M\nphase: P\n  step: S\n    emotion 1\n"), ["J0302"]);
}

#[test]
fn citations_name_declared_sources_only() {
    let undeclared = codes(&map("  step i1 o1 a1: S\n    emotion 1 i1 o2\n    quote i2: Q\n"));
    assert_eq!(undeclared, ["J0307", "J0307"]);
    let suggestion = check_str(&map("  step i1 o1 a1: S\n    emotion 1 i1 o2\n"));
    assert!(suggestion.human.contains("did you mean `o1`?"), "{}", suggestion.human);
    let m = format!(
        "{HEADER}channel app: App\nphase: P\n  step i1 o1 a1: S\n    touchpoint app: T\n    emotion 1 i1\n\
                     \x20   pain anna: P\n    quote app: Q\n"
    );
    assert_eq!(codes(&m), ["J0308", "J0308"]);
    // Where ids of several kinds may stand, an undeclared one is J0303 as in version 0.
    assert_eq!(codes(&map("  step anna i9 o1 a1: S\n    emotion 1 i1\n")), ["J0303"]);
    assert_eq!(codes(&map("  step i1 i1 o1 a1: S\n    emotion 1 i1\n")), ["J0305"]);
    assert_eq!(codes(&map("  step i1 o1 a1: S\n    emotion 1 i1\n    touchpoint anna: T\n")), ["J0304"]);
}

#[test]
fn a_map_without_sources_is_version_0() {
    // Words before a text's colon are still wrong words, not citations of nothing.
    assert_eq!(codes("journey: T\nphase: P\n  step: S\n    emotion 1\n    pain big: P\n"), ["J0105"]);
    assert_eq!(codes("journey: T\nphase: P\n  step: S\n    emotion 1 x\n"), ["J0105"]);
    // And it is never warned for citing nothing.
    assert!(codes("journey: T\nphase: P\n  step: S\n    emotion 1\n    quote: Q\n").is_empty());
}

#[test]
fn sources_are_linted() {
    let m = map("  step anna bo: S\n    emotion 1 i1\n    quote: Q\n    pain i1: cited\n    thought: not a claim\n");
    // o1 and a1 are never cited; the quote cites nothing; a thought is not warned.
    assert_eq!(codes(&m), ["J0508", "J0508", "J0509"]);
    // An emotion for every persona is one statement, warned once.
    assert_eq!(codes(&map("  step i1 o1 a1: S\n    emotion 1\n")), ["J0509"]);
}

#[test]
fn one_bad_line_never_hides_the_next() {
    // The case: a score off the scale under a mistyped step is still reported.
    let mistyped = "journey: T\npersona a: A\nphase: P\n  step: S\n    emotion a 1\n  stp: Mistyped\n    emotion a 9\n";
    assert_eq!(codes(mistyped), ["J0101", "J0402"]);
    // Undeclared ids under it too; what depends on the lost step stays quiet.
    let orphan = "journey: T\npersona a: A\npersona b: B\nphase: P\n  step: S\n    emotion a 1\n    emotion b 1\n\
                  \x20 stp a: Mistyped\n    touchpoint web: W\n    emotion b 1\n    emotion b 2\n";
    assert_eq!(codes(orphan), ["J0101", "J0303"]);
    // On the same line: an undeclared persona does not hide its score off the scale.
    let same_line = "journey: T\npersona anna: A\nphase: P\n  step: S\n    emotion ann 9\n    emotion anna 1\n";
    assert_eq!(codes(same_line), ["J0303", "J0402"]);
    // An emotion outside a step still has its score checked, a step before any phase its ids.
    assert_eq!(codes("journey: T\nphase: P\n  emotion 9\n  step: S\n    emotion 1\n"), ["J0207", "J0402"]);
    let early = "journey: T\npersona a: A\nstep x: Early\nphase: P\n  step: S\n    emotion a 1\n";
    assert_eq!(codes(early), ["J0205", "J0303"]);
    // A detail without text still has its words checked.
    let m = map("  step i1 o1 a1: S\n    emotion 1 i1\n    pain i9:\n");
    assert_eq!(codes(&m), ["J0307", "J0103"]);
}

#[test]
fn evidence_coverage_and_said_not_seen() {
    use journeymap::model::{Coverage, LaneKind, StepRef};
    let j = journey(&map("  pain i1: Phase-wide\n  step anna bo i1: Said only\n    emotion 1 i1\n    quote: Q\n\
         \x20 step anna bo: Seen too\n    emotion anna 0 i1 o1\n    emotion bo 0\n\
         phase: Q\n  step anna bo a1: Analytics only\n    emotion -1 a1\n  step anna bo: Nothing cited\n    emotion 0 a1\n    thought: T\n"));
    let facts = j.derived.evidence.as_ref().expect("a map with sources has evidence facts");
    let cov = |cited, total| Coverage { cited, total };
    // Phase P: the pain, step 1 (line, emotion, quote), step 2 (line, two emotions).
    assert_eq!(facts.phases, [cov(4, 7), cov(3, 5)]);
    assert_eq!(facts.total, cov(7, 12));
    let steps: Vec<Coverage> = facts.steps.iter().map(|(_, c)| *c).collect();
    assert_eq!(steps, [cov(2, 3), cov(1, 3), cov(2, 2), cov(1, 3)]);
    let lane = |l| facts.lanes.iter().find(|(k, _)| *k == l).map(|(_, c)| *c);
    assert_eq!(lane(LaneKind::Actions), Some(cov(2, 4)));
    // The emotion without a persona is one statement.
    assert_eq!(lane(LaneKind::Emotions), Some(cov(4, 5)));
    assert_eq!(lane(LaneKind::Pains), Some(cov(1, 1)));
    assert_eq!(lane(LaneKind::Needs), None);
    assert_eq!(cov(2, 3).percent(), Some(66));
    assert_eq!(facts.said_not_seen, [StepRef { phase: 0, step: 0 }]);
    // A map without sources has no evidence facts at all.
    assert_eq!(journey("journey: T\nphase: P\n  step: S\n    emotion 1\n").derived.evidence, None);
}
