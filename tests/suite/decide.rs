//! Issue 16 on the drawn map: the blueprint view marks a step's unmet needs on its
//! action, and opportunity cards show their scores, in every label language.

use crate::common::render_svg_view;
use journeymap::lanes::View;
use journeymap::layout::Page;
use journeymap::model::{Label, Lang};

const MAP: &str = "\
journey: Moving house
channel web online: Website
owner sales: Sales
phase: Order
  need unmet: Before any step
  step: Orders online
    touchpoint web sales: Order form
    backstage sales: The order is checked
    need functional met: See the price
    need functional unmet: Know when it works
    need emotional partly: Feel looked after
    opportunity impact 5 effort 2: Show the date
    opportunity effort 4: Same-day activation
    opportunity: Ask again later
";

fn with_lang(lang: Lang) -> String {
    MAP.replacen("\n", &format!("\nlang {}\n", lang.code()), 1)
}

/// The texts drawn in `class` within `svg`, each `<text>` element's in order, a `|`
/// between elements of different lines.
fn drawn_texts(svg: &str, class: &str) -> String {
    let open = format!("<text class=\"{class} ");
    let mut out = String::from("|");
    let mut last_y = None;
    for (at, _) in svg.match_indices(&open) {
        let element = &svg[at..at + svg[at..].find("</text>").unwrap()];
        let y = element.split(" y=\"").nth(1).and_then(|r| r.split('"').next()).unwrap();
        if last_y.is_some_and(|last| last != y) {
            out.push('|');
        }
        last_y = Some(y);
        out.push_str(&element[element.find('>').unwrap() + 1..]);
    }
    out.push('|');
    out
}

fn squeezed(text: &str) -> String {
    text.split_whitespace().collect()
}

#[test]
fn the_blueprint_marks_unmet_and_partly_met_needs_on_the_steps_action_in_every_language() {
    for &lang in Lang::ALL {
        let svg = render_svg_view(&with_lang(lang), Page::Auto, View::Blueprint);
        let unmet = format!("\u{2716} {}: Know when it works", Label::UnmetNeedMark.text(lang));
        let partly = format!("\u{bd} {}: Feel looked after", Label::PartlyMetNeedMark.text(lang));
        let action = svg.find("<g class=\"card action has-unmet-need\"").unwrap_or_else(|| panic!("{lang:?}: {svg}"));
        let card = &svg[action..action + svg[action..].find("</g>").unwrap()];
        // In the tooltip and drawn on the card (wrapped, its symbol in its own run), in
        // the unmet-need style.
        let title = &card[card.find("<title>").unwrap()..card.find("</title>").unwrap()];
        let drawn = squeezed(&drawn_texts(card, "unmet-need")).replace('|', "");
        for mark in [&unmet, &partly] {
            assert!(title.contains(mark.as_str()), "{lang:?}: {mark} in {title}");
            assert!(drawn.contains(&squeezed(mark)), "{lang:?}: {mark} drawn in {card}");
        }
        assert!(card.contains("class=\"unmet-need "), "{lang:?}: {card}");
        assert!(svg.contains(".unmet-need{"), "{lang:?}: its style");
        // A met need is not marked, nor one of the phase (it has no step).
        assert!(!card.contains("See the price") && !svg.contains(": Before any step"), "{lang:?}");
        // The journey view has the needs lane, with the status on each card instead.
        let journey = render_svg_view(&with_lang(lang), Page::Auto, View::Journey);
        assert!(!journey.contains(&unmet) && !journey.contains("has-unmet-need"), "{lang:?}");
        assert!(!journey.contains(".unmet-need{"), "{lang:?}: no style where nothing uses it");
    }
    // The label differs by language, and from the need card's status word.
    let marks: std::collections::BTreeSet<&str> = Lang::ALL.iter().map(|&l| Label::UnmetNeedMark.text(l)).collect();
    assert_eq!(marks.len(), Lang::ALL.len());
}

#[test]
fn opportunity_cards_show_the_scores_they_have_in_every_language() {
    for &lang in Lang::ALL {
        let (impact, effort) = (Label::Impact.text(lang), Label::Effort.text(lang));
        let svg = render_svg_view(&with_lang(lang), Page::Auto, View::Journey);
        let both = format!("{impact} 5 \u{b7} {effort} 2");
        assert!(squeezed(&drawn_texts(&svg, "scores")).contains(&squeezed(&both)), "{lang:?}: {both}");
        assert!(svg.contains(&format!("<title>Show the date ({both})</title>")), "{lang:?}: in its tooltip");
        // Only the score given.
        assert!(squeezed(&drawn_texts(&svg, "scores")).contains(&squeezed(&format!("|{effort} 4|"))), "{lang:?}");
        assert!(!svg.contains(&format!("{impact} 4")), "{lang:?}");
        // An opportunity without scores is the card it always was.
        assert!(svg.contains("<title>Ask again later</title>"), "{lang:?}");
        assert_eq!(drawn_texts(&svg, "scores").matches('|').count(), 3, "{lang:?}: two score lines");
    }
    // A map without scores has no such style: version-0 drawings are as they were.
    let plain =
        render_svg_view("journey: J\nphase: P\n  step: S\n    opportunity: Call back\n", Page::Auto, View::Journey);
    assert!(!plain.contains("scores"));
}
