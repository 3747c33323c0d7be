//! The typed model and its derived facts: gaps, low and high points, channel switches.

use crate::common::check_str;
use journeymap::model::{Journey, LaneKind, Lang, StepRef};

fn journey(source: &str) -> Journey {
    let checked = check_str(source);
    checked.compiled.journey.unwrap_or_else(|| panic!("map has errors:\n{}", checked.human))
}

/// The actions of the steps `refs` points to.
fn actions<'a>(j: &'a Journey, refs: &[StepRef]) -> Vec<&'a str> {
    refs.iter().map(|&r| j.step(r).action.value.as_str()).collect()
}

const OWNERS: &str = "journey: Gaps
channel web online: Web
channel phone offline: Phone
owner sales: Sales
owner landlord external: Landlord
owner comparison external: Comparison site
";

#[test]
fn a_step_with_only_external_owners_is_a_gap() {
    let j = journey(&format!(
        "{OWNERS}phase: P
  step: Only outside parties
    touchpoint web landlord: Lease
    touchpoint web comparison: Price list
    emotion 0
  step: Meets sales
    touchpoint phone sales: Call
    touchpoint web landlord: Lease
    emotion 1
  step: No touchpoint at all
    emotion -1
  step: Touchpoint without an owner
    touchpoint web: Some website
    emotion 0
"
    ));
    assert_eq!(
        actions(&j, &j.derived.gaps),
        ["Only outside parties", "No touchpoint at all", "Touchpoint without an owner"]
    );
}

#[test]
fn ties_for_the_low_and_high_point_keep_every_step() {
    let j = journey(
        "journey: Ties
persona anna: Anna
persona erik: Erik
phase: P
  step: One
    emotion anna -1
    emotion erik 2
  step: Two
    emotion anna 2
    emotion erik 2
  step anna: Three
    emotion -1
  step erik: Four
    emotion erik 0
",
    );
    let anna = &j.derived.extremes[0];
    assert_eq!(anna.persona, j.persona_ids().next());
    assert_eq!(anna.persona.map(|p| j.persona(p).id.as_str()), Some("anna"));
    assert_eq!((anna.low.score.get(), actions(&j, &anna.low.steps)), (-1, vec!["One", "Three"]));
    assert_eq!((anna.high.score.get(), actions(&j, &anna.high.steps)), (2, vec!["Two"]));
    let erik = &j.derived.extremes[1];
    assert_eq!((erik.low.score.get(), actions(&j, &erik.low.steps)), (0, vec!["Four"]));
    assert_eq!((erik.high.score.get(), actions(&j, &erik.high.steps)), (2, vec!["One", "Two"]));
}

#[test]
fn a_flat_curve_has_the_same_low_and_high_point() {
    let j = journey("journey: Flat\nphase: P\n  step: A\n    emotion 1\n  step: B\n    emotion 1\n");
    let x = &j.derived.extremes[0];
    assert_eq!(x.persona, None);
    assert_eq!(x.low, x.high);
    assert_eq!(actions(&j, &x.low.steps), ["A", "B"]);
}

#[test]
fn channel_switches_compare_consecutive_steps_that_use_channels() {
    let j = journey(&format!(
        "{OWNERS}phase: P
  step: Web
    touchpoint web sales: Site
    emotion 0
  step: Web again
    touchpoint web sales: Site
    emotion 0
  step: Nothing in between
    emotion 0
  step: Phone
    touchpoint phone sales: Call
    touchpoint phone landlord: Call back
    emotion 0
phase: Q
  step: Both
    touchpoint web sales: Site
    touchpoint phone sales: Call
    emotion 0
"
    ));
    let switches: Vec<(&str, &str, Vec<&str>, Vec<&str>)> = j
        .derived
        .channel_switches
        .iter()
        .map(|s| {
            let ids = |cs: &[journeymap::model::ChannelId]| cs.iter().map(|&c| j.channel(c).id.as_str()).collect();
            (
                j.step(s.from_step).action.value.as_str(),
                j.step(s.to_step).action.value.as_str(),
                ids(&s.from),
                ids(&s.to),
            )
        })
        .collect();
    assert_eq!(
        switches,
        [("Web again", "Phone", vec!["web"], vec!["phone"]), ("Phone", "Both", vec!["phone"], vec!["web", "phone"])]
    );
}

#[test]
fn emotion_without_persona_applies_to_the_steps_personas() {
    let j = journey(
        "journey: Expansion
persona anna: Anna
persona erik: Erik
persona lena: Lena
phase: P
  step: Everyone
    emotion 1: Fine
  step anna erik: Two of them
    emotion -1
  step lena: Lena alone
    emotion 2
",
    );
    let steps: Vec<_> = j.steps().map(|(_, s)| s).collect();
    let who =
        |i: usize| steps[i].emotions.iter().map(|e| j.persona(e.persona.unwrap()).id.as_str()).collect::<Vec<_>>();
    assert_eq!(who(0), ["anna", "erik", "lena"]);
    assert_eq!(who(1), ["anna", "erik"]);
    assert_eq!(who(2), ["lena"]);
    // In the order declared, as the journey lists its ids.
    let ids: Vec<_> = j.persona_ids().collect();
    assert_eq!(steps[0].emotions.iter().map(|e| e.persona.unwrap()).collect::<Vec<_>>(), ids);
    assert_eq!(steps[0].emotions[1].text.as_ref().unwrap().value, "Fine");
    assert!(!steps[0].emotions[0].named);
}

#[test]
fn header_values_lanes_and_phase_details() {
    let j = journey(
        "journey: Header
goal: Decide
scope: From A to B
note: One
note: Two
lang sv
scale 1..5
phase: P
  pain: The whole phase hurts
  kpi 38% target 55%: Conversion
  step critical: S
    emotion 3
    need emotional: Feel safe
    note: Step note
",
    );
    assert_eq!(j.lang, Lang::Sv);
    assert_eq!((j.scale.min().get(), j.scale.max().get()), (1, 5));
    assert_eq!(j.notes.iter().map(|n| n.value.as_str()).collect::<Vec<_>>(), ["One", "Two"]);
    assert_eq!(j.phases[0].details.texts(LaneKind::Pains).next().unwrap().value, "The whole phase hurts");
    let kpi = j.phases[0].details.kpis().next().unwrap();
    let value = kpi.value().unwrap();
    assert_eq!((value.value, value.percent, kpi.target().unwrap().value), (38.0, true, 55.0));
    assert!(j.phases[0].steps[0].critical);
    // Default lanes: those with content, in the contract's order.
    assert_eq!(
        j.lanes,
        [LaneKind::Actions, LaneKind::Emotions, LaneKind::Pains, LaneKind::Needs, LaneKind::Kpis, LaneKind::Notes]
    );
    assert!(!j.lanes_explicit);
}

#[test]
fn explicit_lanes_keep_their_order() {
    let j = journey("journey: L\nlanes emotions actions pains\nphase: P\n  step: S\n    emotion 0\n");
    assert_eq!(j.lanes, [LaneKind::Emotions, LaneKind::Actions, LaneKind::Pains]);
    assert!(j.lanes_explicit);
}

#[test]
fn all_problems_of_a_file_are_reported_in_source_order() {
    let checked = check_str("journey: Many\nlang xx\nphase: P\n  stpe: a\n  step: S\n    emotion 9\n    pian: b\n");
    assert_eq!(checked.codes, ["J0406", "J0101", "J0402", "J0101"]);
    assert!(checked.compiled.journey.is_none());
}

#[test]
fn crlf_bom_and_tabs_are_accepted() {
    let j = journey("\u{feff}journey: Windows\r\nphase: P\r\n\tstep: S\r\n\t\temotion 1\r\n");
    assert_eq!(j.title.value, "Windows");
    assert_eq!(j.phases[0].steps[0].action.value, "S");
}

/// The codes a map reports.
fn codes(source: &str) -> Vec<&'static str> {
    check_str(source).codes
}

#[test]
fn a_rejected_phase_step_or_title_keeps_the_structure() {
    // Non-ASCII words before a forgotten or late colon: one error each, no cascade.
    assert_eq!(
        codes("journey: T\nphase Kaufentscheidung für Konto\n  step: S\n    emotion 1\n  step: S2\n    emotion 1\n"),
        ["J0102"]
    );
    assert_eq!(codes("journey: T\nphase: A\n  step Kauft für sich: S\n    emotion 1\n"), ["J0102"]);
    assert_eq!(codes("journey Girokonto eröffnen\nphase: A\n  step: S\n    emotion 1\n"), ["J0102"]);
    assert_eq!(
        codes("journey: T\nphase: A\n  step: S0\n    emotion 1\nphase Kauf (online)\n  step: S\n    emotion 1\n"),
        ["J0102"]
    );
}

#[test]
fn a_declaration_with_wrong_words_still_declares_its_id() {
    let map = "journey: T\npersona anna bob: A\nchannel web online offline: W\nowner sales extern: S\nphase: P\n  step anna: S\n    touchpoint web sales: x\n    emotion anna 1\n";
    assert_eq!(codes(map), ["J0105", "J0105", "J0105"]);
}

#[test]
fn details_after_a_misspelt_step_do_not_join_the_step_before() {
    let map = "journey: T\nchannel web: W\nowner o: O\nphase: P\n  step: A\n    emotion 1\n    touchpoint web o: x\n  stpe: S\n    touchpoint web o: x\n    emotion 1\n";
    assert_eq!(codes(map), ["J0101"]);
    assert_eq!(codes("journey: T\nphase: P\n  Step: S\n    emotion 1\n  step: T\n    emotion 1\n"), ["J0101"]);
    // A misspelt detail is just that: the step goes on.
    assert_eq!(codes("journey: T\nphase: P\n  step: S\n    pian: x\n    emotion 1\n"), ["J0101"]);
}

#[test]
fn a_header_line_without_its_colon_is_one_error() {
    assert_eq!(codes("journey X\nphase: P\n  step: S\n    emotion 1\n"), ["J0105"]);
    assert_eq!(
        codes("journey: T\ngoal Decide this\nscope From A to B\nnote Method x\nphase: P\n  step: S\n    emotion 1\n"),
        ["J0105", "J0105", "J0105"]
    );
}

#[test]
fn a_repeated_header_is_reported_even_when_the_first_was_invalid() {
    assert_eq!(codes("journey: T\nscale 5..1\nscale 1..5\nphase: P\n  step: S\n    emotion 1\n"), ["J0405", "J0209"]);
    assert_eq!(codes("journey: T\nlang xx\nlang da\nphase: P\n  step: S\n    emotion 1\n"), ["J0406", "J0209"]);
}

#[test]
fn too_many_warnings_are_still_warnings() {
    let mut map = String::from("journey: T\n");
    for i in 0..250 {
        map.push_str(&format!("phase: E{i}\n"));
    }
    map.push_str("phase: P\n  step: S\n    emotion 1\n");
    let checked = check_str(&map);
    assert_eq!(checked.codes.len(), 201);
    assert!(!checked.compiled.has_errors(), "only warnings were left out");
    assert!(checked.compiled.journey.is_some());
}

/// Every did-you-mean of the help text is also data, for an editor's quick fix; a
/// diagnostic without one has none.
#[test]
fn did_you_mean_is_a_structured_suggestion() {
    let suggestions = |source: &str| -> Vec<(String, Option<String>)> {
        let checked = check_str(source);
        checked.compiled.diags.iter().map(|d| (d.help.clone(), d.suggestion.clone())).collect()
    };
    let map = "journey: T\nlang dk\nview blueprnt\nlanes actions emotons\npersona anna: A\nphase: P\n\
               stpe: S\nstep: S\nemotion ana 1:\nemotion zzzzzzzz 1:\n";
    let found = suggestions(map);
    let with: Vec<&str> = found.iter().filter_map(|(_, s)| s.as_deref()).collect();
    assert_eq!(with, ["da", "blueprint", "emotions", "step", "anna"]);
    for (help, suggestion) in &found {
        match suggestion {
            Some(s) => assert!(help.starts_with(&format!("did you mean `{s}`")), "{help}"),
            None => assert!(!help.contains("did you mean"), "{help}"),
        }
    }
}
