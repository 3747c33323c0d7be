//! The service blueprint: its statements in the model, the handoffs derived from them,
//! the blueprint view's lanes, lines and fail points, and the blueprint in export,
//! report and diff.

use crate::common::{diff, journey, render_svg_view, report};
use journeymap::lanes::View;
use journeymap::layout::Page;
use journeymap::model::{Extra, LaneKind};

const HOTEL: &str = "\
journey: Late arrival
view blueprint
channel app online: App
owner reservations: Reservations
owner frontdesk: Front desk
owner payments external: Payment provider
phase: Before
  backstage reservations: Rooms are planned the week before
  step: Books a room
    touchpoint app reservations: Booking form
    evidence: Confirmation email
    support payments: Card pre-authorisation
    emotion 1
  step: Checks in online
    frontstage frontdesk: The app asks for ID
    backstage: Someone assigns the room
    emotion 0
    pain: No confirmation that check-in is complete
  step: Gets a reminder
    support payments: Reminder sent by the provider
    emotion 0
  step: Arrives
    touchpoint app frontdesk: Key card
    emotion -1
";

#[test]
fn blueprint_statements_carry_their_owner_and_attach_like_details() {
    let j = journey(HOTEL);
    assert_eq!(j.view, View::Blueprint);
    let phase = &j.phases[0];
    let planned: Vec<_> = phase.details.of(LaneKind::Backstage).collect();
    assert_eq!(planned.len(), 1, "a phase's own backstage");
    assert!(matches!(planned[0].extra, Extra::Owner(Some(o)) if j.owner(o).id == "reservations"));
    let checkin = &phase.steps[1];
    let backstage: Vec<_> = checkin.details.of(LaneKind::Backstage).collect();
    assert_eq!(backstage[0].extra, Extra::Owner(None), "the owner is optional");
    assert_eq!(checkin.details.texts(LaneKind::Frontstage).next().unwrap().value, "The app asks for ID");
    assert_eq!(phase.steps[0].details.texts(LaneKind::Evidence).next().unwrap().value, "Confirmation email");
}

#[test]
fn handoffs_are_changes_of_company_owner_between_steps_that_have_one() {
    let j = journey(HOTEL);
    let pairs: Vec<(usize, usize, Vec<&str>, Vec<&str>)> = j
        .derived
        .handoffs
        .iter()
        .map(|h| {
            let ids = |os: &[journeymap::model::OwnerId]| os.iter().map(|&o| j.owner(o).id.as_str()).collect();
            (j.step(h.from_step).number, j.step(h.to_step).number, ids(&h.from), ids(&h.to))
        })
        .collect();
    // Step 3 has only an external owner: passed over; step 4 shares frontdesk with step 2.
    assert_eq!(pairs, [(1, 2, vec!["reservations"], vec!["frontdesk"])]);
}

#[test]
fn the_views_draw_their_own_lanes() {
    let j = journey(HOTEL);
    let names = |v: View| j.lanes_for(v).into_iter().map(LaneKind::name).collect::<Vec<_>>().join(" ");
    assert_eq!(names(View::Blueprint), "evidence actions touchpoints frontstage backstage support");
    assert_eq!(names(View::Journey), "actions touchpoints emotions pains");
    // A journey map without blueprint statements still gets its actions in the blueprint.
    let plain = journey("journey: P\nphase: P\n  step: S\n    emotion 1\n");
    assert_eq!(plain.lanes_for(View::Blueprint), [LaneKind::Actions]);
    assert_eq!(plain.lanes, [LaneKind::Actions, LaneKind::Emotions], "version 0: unchanged");
}

#[test]
fn the_blueprint_view_draws_the_three_lines_and_fail_points_in_the_maps_language() {
    let svg = render_svg_view(HOTEL, Page::Auto, View::Blueprint);
    for (line, class) in [
        ("Line of interaction", "line-interaction"),
        ("Line of visibility", "line-visibility"),
        ("Line of internal interaction", "line-internal"),
    ] {
        assert!(svg.contains(&format!(">{line}</text>")), "{line}");
        assert!(svg.contains(class), "{class}");
    }
    assert!(svg.contains(">Fail point: No "), "the pain on the action card");
    assert!(svg.contains("Handoff: Reservations \u{2192} Front desk"));
    // The lines run in order, top to bottom.
    let at = |s: &str| svg.find(s).unwrap();
    assert!(at("Line of interaction") < at("Line of visibility"));
    assert!(at("Line of visibility") < at("Line of internal interaction"));
    let danish = HOTEL.replace("view blueprint", "lang da\nview blueprint");
    let svg = render_svg_view(&danish, Page::Auto, View::Blueprint);
    assert!(svg.contains(">Synlighedslinje</text>") && svg.contains("Fejlpunkt: "), "translated");
    // The journey view of the same map has no lines and no fail points.
    let svg = render_svg_view(HOTEL, Page::Auto, View::Journey);
    assert!(!svg.contains("Line of interaction") && !svg.contains("Fail point"));
}

#[test]
fn blueprint_facts_are_exported_reported_and_diffed() {
    let j = journey(HOTEL);
    let doc = serde_json::to_value(journeymap::export::document(&j, HOTEL)).unwrap();
    assert_eq!(doc["document_version"], 3);
    assert_eq!(doc["view"], "blueprint");
    assert_eq!(doc["phases"][0]["backstage"][0]["owner"], "reservations");
    assert_eq!(doc["phases"][0]["steps"][1]["backstage"][0]["owner"], serde_json::Value::Null);
    assert_eq!(doc["phases"][0]["steps"][0]["evidence"][0], "Confirmation email");
    assert_eq!(doc["derived"]["handoffs"][0]["from"][0], "reservations");
    assert_eq!(doc["derived"]["handoffs"][0]["to_step"]["step"], 2);

    let r = report(HOTEL);
    assert_eq!(r.handoffs.len(), 1);
    assert_eq!((r.handoffs[0].from_step.number, r.handoffs[0].to_step.number), (1, 2));
    let support = r.lanes.iter().find(|l| l.lane == "support").unwrap();
    assert_eq!((support.total, support.steps_with), (2, 2));

    // Step 3 gets a company owner of its own: two handoffs appear, none goes.
    let changed =
        HOTEL.replace("    support payments: Reminder sent by the provider", "    backstage reservations: Reminder");
    let d = diff(Some(HOTEL), Some(&changed));
    let added: Vec<(usize, usize)> = d
        .handoffs
        .iter()
        .map(|h| {
            assert_eq!(h.change, journeymap::diff::Change::Added);
            (h.from_step.number, h.to_step.number)
        })
        .collect();
    assert_eq!(added, [(2, 3), (3, 4)]);
    let text = journeymap::diff::render::text(&d, None);
    assert!(text.contains("handoff added"), "{text}");
    assert!(d.details.iter().any(|x| x.lane == "backstage" && x.owner.as_deref() == Some("reservations")));
}

#[test]
fn owners_named_only_by_blueprint_statements_are_used() {
    let j = crate::common::check_str(
        "journey: O\nowner ops: Operations\nphase: P\n  step: S\n    backstage ops: Prepares it\n    emotion 1\n",
    );
    assert!(j.compiled.diags.is_empty(), "{}", j.human);
}

#[test]
fn a_view_without_curves_has_no_curve_legend() {
    let j = journey(HOTEL);
    assert!(journeymap::layout::header::legend_entries(&j, View::Blueprint).is_empty());
    assert!(!journeymap::layout::header::legend_entries(&j, View::Journey).is_empty());
    let svg = render_svg_view(HOTEL, Page::Auto, View::Blueprint);
    assert!(!svg.contains(">Low point<") && !svg.contains("class=\"emotion-sample"), "no legend of curves not drawn");
}

#[test]
fn the_view_comes_from_the_flag_else_the_map_else_the_project() {
    use journeymap::layout::Options;
    let written = journey(HOTEL);
    let unwritten = journey("journey: P\nphase: P\n  step: S\n    emotion 1\n");
    let project = Options { default_view: Some(View::Blueprint), ..Default::default() };
    assert_eq!(project.view_of(&unwritten), View::Blueprint);
    let project_journey = Options { default_view: Some(View::Journey), ..Default::default() };
    assert_eq!(project_journey.view_of(&written), View::Blueprint, "the map's own view wins over the project's");
    let flag = Options { view: Some(View::Journey), default_view: Some(View::Blueprint), ..Default::default() };
    assert_eq!(flag.view_of(&written), View::Journey, "--view wins");
}

#[test]
fn a_change_of_view_is_a_header_change() {
    let journey_view = HOTEL.replace("view blueprint\n", "");
    let d = diff(Some(&journey_view), Some(HOTEL));
    let view: Vec<_> = d.header.iter().filter(|h| h.field == "view").collect();
    assert_eq!(view.len(), 1);
    assert_eq!((view[0].old.as_deref(), view[0].new.as_deref()), (None, Some("blueprint")));
}

#[test]
fn the_journey_view_keeps_its_legend_as_version_0_drew_it() {
    // No emotion lane drawn, as in version 0: the legend is still there.
    let j = journey("journey: T\nphase: P\n  step: S\n    pain: p\n");
    assert!(!journeymap::layout::header::legend_entries(&j, View::Journey).is_empty());
    let j = journey("journey: T\nlanes actions pains\nphase: P\n  step: S\n    emotion 1\n    pain: p\n");
    assert!(!journeymap::layout::header::legend_entries(&j, View::Journey).is_empty());
}
