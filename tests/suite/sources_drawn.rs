//! Version 1's research sources, state and KPI verdicts, drawn: reference marks on
//! exactly the citing cards and points, the Sources list in the map's language, the
//! state beside the title, the verdicts' classes, and in HTML the panel's sources and
//! the evidence overlay. Nothing of it on a version-0 map.

use journeymap::lanes::View;
use journeymap::layout::{self, CardRole, Item, KpiLook, Layout, Page, Rect, TextRole};

use crate::common::{journey, render_html, render_svg};
use crate::layout::{assert_sound, laid_out_as};

/// Every kind of citing statement, and one of each that does not cite.
const MAP: &str = "journey: Renew a permit
lang en
state future
source i1 interview: Interview <script>alert(1)</script> & more
source o1 observation: At the counter
source d1: A note without a kind
persona anna: Anna
persona bo: Bo
phase: Apply
  step i1: Cited step
    touchpoint o1: Cited touch
    touchpoint: Plain touch
    emotion anna 1 i1: Why
    emotion bo -1
    pain: Plain pain
    kpi wait 14 max 8 o1: Minutes
    kpi nps min 50: Promoters
  step: Plain step
    emotion anna 0
    emotion bo 1 o1 d1
    kpi conv 60% min 55%: Conversion
    kpi 4.1 target 4.5: Rating
";

fn laid_out(source: &str) -> Layout {
    laid_out_as(source, Page::Auto, None)
}

/// Each card's title and its reference mark, if it has one.
fn card_marks(l: &Layout) -> Vec<(String, Option<String>)> {
    l.items
        .iter()
        .filter_map(|item| match item {
            Item::Card(c) if !matches!(c.role, CardRole::Cite | CardRole::Phase { .. } | CardRole::LaneLabel) => {
                let mark = c.texts.iter().find(|b| b.role == TextRole::Cites).map(|b| lines(b).join(" "));
                Some((c.title.clone(), mark))
            }
            _ => None,
        })
        .collect()
}

fn lines(block: &layout::TextBlock) -> Vec<String> {
    block.lines.iter().map(|l| l.text.clone()).collect()
}

fn chips(l: &Layout) -> Vec<&layout::Card> {
    l.items
        .iter()
        .filter_map(|item| match item {
            Item::Card(c) if c.role == CardRole::Cite => Some(c),
            _ => None,
        })
        .collect()
}

#[test]
fn reference_marks_are_on_exactly_the_citing_cards_and_points() {
    let l = laid_out(MAP);
    let marked: Vec<(String, String)> =
        card_marks(&l).into_iter().filter_map(|(title, mark)| mark.map(|m| (title, m))).collect();
    let titles: Vec<&str> = marked.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(titles, ["Cited step", "Cited touch", "Minutes: 14 \u{00b7} at most 8 \u{00b7} \u{274c}\u{a0}missed"]);
    assert_eq!(marked.iter().map(|(_, m)| m.as_str()).collect::<Vec<_>>(), ["[i1]", "[o1]", "[o1]"]);
    // Every other card has no mark.
    let unmarked = card_marks(&l).into_iter().filter(|(_, m)| m.is_none()).count();
    assert!(unmarked >= 6, "{:?}", card_marks(&l));
    // One chip per citing emotion point, in its step, beside its point.
    let chips = chips(&l);
    let marks: Vec<(Option<usize>, String)> = chips.iter().map(|c| (c.step, lines(&c.texts[0]).join(" "))).collect();
    assert_eq!(marks, [(Some(1), "[i1]".to_string()), (Some(2), "[o1 d1]".to_string())]);
    assert!(chips[1].title.contains("d1 \u{00b7} A note without a kind"), "{}", chips[1].title);
    // The layout makes room: a card's mark is its last line, inside it, under its text.
    for item in &l.items {
        let Item::Card(c) = item else { continue };
        if let Some(mark) = c.texts.iter().position(|b| b.role == TextRole::Cites) {
            assert_eq!(mark, c.texts.len() - 1);
            let above = &c.texts[mark - 1];
            assert!(c.texts[mark].y - c.texts[mark].ascent >= above.y + above.height() - above.ascent);
        }
    }
}

/// Every point's box, its ring included.
fn point_boxes(l: &Layout) -> Vec<Rect> {
    l.items
        .iter()
        .filter_map(|item| match item {
            Item::Marker(m) if m.step.is_some() => Some(Rect::new(m.x - 9.0, m.y - 9.0, 18.0, 18.0)),
            _ => None,
        })
        .collect()
}

/// A map of many personas on a fine scale, every point citing: the chips crowd.
fn crowded() -> String {
    let mut map = String::from("journey: Crowded\nscale 1..10\n");
    for s in ["i1 interview: One", "o1 observation: Two", "a1 analytics: Three"] {
        map.push_str(&format!("source {s}\n"));
    }
    for p in 0..5 {
        map.push_str(&format!("persona p{p}: Persona {p}\n"));
    }
    for phase in 0..3 {
        map.push_str(&format!("phase: Phase {phase}\n"));
        for step in 0..4 {
            map.push_str(&format!("  step i1: Step {phase}.{step}\n"));
            for p in 0..5 {
                let score = 1 + (phase * 3 + step + p) % 4;
                map.push_str(&format!("    emotion p{p} {score} i1 o1 a1: reason {p}\n"));
            }
            map.push_str("    touchpoint o1: A touchpoint whose text is long enough to wrap over lines\n");
        }
    }
    map
}

#[test]
fn marks_and_the_sources_list_overlap_nothing_on_any_page() {
    for (name, source) in [
        ("the test map", MAP.to_string()),
        ("crowded", crowded()),
        ("kallor", std::fs::read_to_string(crate::common::root().join("tests/maps/kallor-sv.journey")).unwrap()),
    ] {
        for page in [Page::Auto, Page::A4, Page::A3] {
            for view in View::ALL.iter().copied() {
                let l = laid_out_as(&source, page, Some(view));
                assert_sound(&format!("{name} ({page:?}, {view:?})"), &l);
                // A chip hides no point, and no two chips overlap (`assert_sound`: cards).
                let points = point_boxes(&l);
                for chip in chips(&l) {
                    let hit = points.iter().find(|p| p.overlaps(&chip.rect));
                    // Crowded, a chip may have nowhere clear; it never hides its own point.
                    if name != "crowded" {
                        assert!(hit.is_none(), "{name}: chip {:?} over a point {hit:?}", chip.title);
                    }
                }
            }
        }
    }
}

#[test]
fn the_sources_list_is_under_the_map_in_its_language() {
    let l = laid_out(MAP);
    let texts = |role: TextRole| -> Vec<String> {
        l.items
            .iter()
            .filter_map(|item| match item {
                Item::Text(b) if b.role == role => Some(lines(b).join(" ")),
                _ => None,
            })
            .collect()
    };
    assert_eq!(texts(TextRole::SourcesHeading), ["Sources"]);
    assert_eq!(texts(TextRole::SourceId), ["i1", "o1", "d1"]);
    assert_eq!(texts(TextRole::SourceKind), ["interview", "observation"]);
    assert_eq!(
        texts(TextRole::SourceText),
        ["Interview <script>alert(1)</script> & more", "At the counter", "A note without a kind"]
    );
    // Under every card of the map.
    let cards_bottom = l
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Card(c) => Some(c.rect.bottom()),
            _ => None,
        })
        .fold(0.0, f32::max);
    let heading = l.items.iter().find_map(|i| match i {
        Item::Text(b) if b.role == TextRole::SourcesHeading => Some(b.y - b.ascent),
        _ => None,
    });
    assert!(heading.unwrap() > cards_bottom);
    // In Swedish.
    let sv = std::fs::read_to_string(crate::common::root().join("tests/maps/kallor-sv.journey")).unwrap();
    let svg = render_svg(&sv, Page::Auto);
    assert!(svg.contains(">Källor</text>"));
    assert!(svg.contains(">dataanalys</text>") && svg.contains(">enkät</text>"));
    // A printed page may end between the map and the list.
    let a4 = laid_out_as(&sv, Page::A4, None);
    let heading = a4
        .items
        .iter()
        .find_map(|i| match i {
            Item::Text(b) if b.role == TextRole::SourcesHeading => Some(b.y - b.ascent),
            _ => None,
        })
        .unwrap();
    assert!(a4.breaks.iter().any(|&b| b < heading && heading - b < 20.0), "{:?} {heading}", a4.breaks);
}

#[test]
fn the_state_is_beside_the_title_translated() {
    let l = laid_out(MAP);
    let state: Vec<&layout::Card> = l
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Card(c) if matches!(c.role, CardRole::State { .. }) => Some(c),
            _ => None,
        })
        .collect();
    assert_eq!(state.len(), 1);
    assert_eq!(state[0].role, CardRole::State { future: true });
    assert_eq!(lines(&state[0].texts[0]), ["Future state"]);
    let title = l
        .items
        .iter()
        .find_map(|i| match i {
            Item::Text(b) if b.role == TextRole::Title => Some(b.line_boxes().next().unwrap()),
            _ => None,
        })
        .unwrap();
    // On the title's first line, after it.
    assert!(state[0].rect.x > title.right());
    assert!(state[0].rect.y >= title.y && state[0].rect.bottom() <= title.bottom() + 1.0);
    let sv = std::fs::read_to_string(crate::common::root().join("tests/maps/kallor-sv.journey")).unwrap();
    assert!(render_svg(&sv, Page::Auto).contains("<g class=\"card state state-current\"><title>Nuläge</title>"));
    let page = render_html(&sv);
    assert!(page.contains("<span class=\"state state-current\">Nuläge</span>"), "the page's header shows it too");
}

#[test]
fn kpi_verdicts_have_their_classes_and_no_data_is_muted() {
    let l = laid_out(MAP);
    let kpis: Vec<(String, CardRole)> = l
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Card(c)
                if c.title.starts_with("Minutes")
                    || c.title.starts_with("Promoters")
                    || c.title.starts_with("Conversion")
                    || c.title.starts_with("Rating") =>
            {
                Some((c.title.split(':').next().unwrap().to_string(), c.role))
            }
            _ => None,
        })
        .collect();
    let looks: Vec<(&str, Option<KpiLook>)> = kpis
        .iter()
        .map(|(t, r)| {
            (
                t.as_str(),
                match r {
                    CardRole::Kpi { look } => Some(*look),
                    _ => None,
                },
            )
        })
        .collect();
    assert_eq!(
        looks,
        [
            ("Minutes", Some(KpiLook::Missed)),
            ("Promoters", Some(KpiLook::NoData)),
            ("Conversion", Some(KpiLook::Met)),
            ("Rating", None),
        ]
    );
    let svg = render_svg(MAP, Page::Auto);
    for class in ["card kpi missed", "card kpi no-data", "card kpi met"] {
        assert!(svg.contains(&format!("<g class=\"{class}\" data-step=")), "{class}");
    }
    // A `target` keeps its version-0 look; the words are on the card whatever the colour.
    assert!(svg.contains("<g class=\"card kpi\" data-step=\"2\"><title>Rating: 4.1"));
    assert!(svg.contains(">\u{274c}</text>") || svg.contains("\u{274c}\u{a0}missed"));
    assert!(svg.contains(".kpi.met .box{") && svg.contains(".kpi.no-data .box{"));
}

#[test]
fn user_text_in_sources_is_escaped() {
    let svg = render_svg(MAP, Page::Auto);
    assert!(!svg.contains("<script>"), "raw markup in the SVG");
    assert!(svg.contains("Interview &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
    let page = render_html(MAP);
    assert_eq!(page.matches("<script>").count(), 1, "only the page's own script");
    assert!(page.contains("Interview &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
}

/// The page's data, parsed.
fn page_data(page: &str) -> serde_json::Value {
    let start = page.find("id=\"journey-data\">").unwrap() + "id=\"journey-data\">".len();
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).unwrap()
}

#[test]
fn the_html_panel_and_appendix_list_each_steps_sources_and_evidence() {
    let page = render_html(MAP);
    let data = page_data(&page);
    let sections = |n: usize| -> Vec<(String, Vec<String>)> {
        data["steps"][n]["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                let items = s["items"].as_array().unwrap().iter().map(|i| i.as_str().unwrap().to_string()).collect();
                (s["title"].as_str().unwrap().to_string(), items)
            })
            .collect()
    };
    let first = sections(0);
    let sources = first.iter().find(|(t, _)| t == "Sources").expect("a Sources section");
    assert_eq!(
        sources.1,
        [
            "i1 \u{00b7} interview \u{00b7} Interview <script>alert(1)</script> & more",
            "o1 \u{00b7} observation \u{00b7} At the counter"
        ]
    );
    let second = sections(1);
    let sources = second.iter().find(|(t, _)| t == "Sources").unwrap();
    assert_eq!(sources.1, ["o1 \u{00b7} observation \u{00b7} At the counter", "d1 \u{00b7} A note without a kind"]);
    // Evidence: the step's statements cited of all; step 1 is said (i1) and seen (o1).
    let evidence = first.iter().find(|(t, _)| t == "Evidence").unwrap();
    assert_eq!(evidence.1, ["4/8 (50\u{2009}%)"]);
    // The appendix, printed without script, lists them too.
    let appendix = &page[page.find("class=\"appendix\"").unwrap()..];
    assert!(appendix.contains("<dt>Sources</dt>\n<dd>i1 \u{00b7} interview \u{00b7} Interview &lt;script&gt;"));
    // In the map's language.
    let sv = std::fs::read_to_string(crate::common::root().join("tests/maps/kallor-sv.journey")).unwrap();
    let data = page_data(&render_html(&sv));
    let titles: Vec<&str> =
        data["steps"][0]["sections"].as_array().unwrap().iter().map(|s| s["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&"Källor") && titles.contains(&"Evidens"), "{titles:?}");
}

#[test]
fn the_evidence_overlay_is_offered_only_with_sources() {
    let page = render_html(MAP);
    assert!(page.contains("class=\"evidence-toggle\" aria-pressed=\"false\" aria-controls=\"evidence-legend\" hidden"));
    assert!(page.contains("id=\"evidence-legend\""));
    let data = page_data(&page);
    let steps = data["evidence"].as_array().expect("each step's level");
    let levels: Vec<(u64, u64, bool)> = steps
        .iter()
        .map(|s| (s["number"].as_u64().unwrap(), s["level"].as_u64().unwrap(), s["said"].as_bool().unwrap()))
        .collect();
    // Step 1: 4 of 8 statements cited, said and seen; step 2: 1 of 5, seen.
    assert_eq!(levels, [(1, 2, false), (2, 1, false)]);
    let j = journey(MAP);
    assert_eq!(j.derived.evidence.as_ref().unwrap().steps.len(), 2);
    // Said, not seen: cited from interviews only.
    let said = "journey: T\nsource i1 interview: One\nphase: P\n  step i1: Heard\n  step: Unheard\n";
    let data = page_data(&render_html(said));
    let said: Vec<bool> = data["evidence"].as_array().unwrap().iter().map(|s| s["said"].as_bool().unwrap()).collect();
    assert_eq!(said, [true, false]);
    // A map without sources has no overlay, no toggle, no legend.
    let plain = render_html("journey: T\nphase: P\n  step: S\n    emotion 1\n");
    assert!(!plain.contains("class=\"evidence-toggle\""));
    assert!(!plain.contains("id=\"evidence-legend\""));
    assert!(page_data(&plain).get("evidence").is_none());
}

#[test]
fn a_version_0_map_draws_none_of_it() {
    let source = "journey: T\nphase: P\n  step: S\n    touchpoint: T\n    emotion 1\n    kpi 4 target 5: Rating\n";
    let svg = render_svg(source, Page::Auto);
    for class in ["cite", "source", "state", "kpi met", "no-data"] {
        assert!(!svg.contains(class), "{class} in a version-0 map");
    }
    let l = laid_out(source);
    assert!(card_marks(&l).iter().all(|(_, m)| m.is_none()));
    assert!(chips(&l).is_empty());
}

#[test]
fn a_fail_point_keeps_its_pains_mark_in_the_blueprint() {
    let sv = std::fs::read_to_string(crate::common::root().join("tests/maps/kallor-sv.journey")).unwrap();
    let l = laid_out_as(&sv, Page::Auto, Some(View::Blueprint));
    let fail_points: Vec<String> = l
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Card(c) => Some(c.texts.iter().filter(|b| b.role == TextRole::FailPoint).map(|b| lines(b).join(" "))),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(
        fail_points,
        [
            "Felpunkt: Ingen skylt säger vilken kö som gäller för recept [o1]",
            "Felpunkt: Fullmakten går inte att ordna på plats [i1 o1]"
        ]
    );
}

/// Drawn against its baseline, a map's chips are its own points' only, clear of the
/// baseline's points too, and its Sources list comes after the gone steps.
#[test]
fn against_a_baseline_only_the_maps_own_points_have_chips() {
    let read = |name: &str| std::fs::read_to_string(crate::common::root().join("examples").join(name)).unwrap();
    let (future, current) = (read("apotek-recept-framtid.journey"), read("apotek-recept.journey"));
    let plain = laid_out(&future);
    let against = crate::common::layout_against(&future, &current, Page::Auto);
    let marks = |l: &Layout| chips(l).iter().map(|c| (c.step, lines(&c.texts[0]).join(" "))).collect::<Vec<_>>();
    let citing: usize =
        journey(&future).steps().map(|(_, s)| s.emotions.iter().filter(|e| !e.cites.is_empty()).count()).sum();
    assert_eq!(marks(&plain).len(), citing);
    assert_eq!(marks(&against), marks(&plain));
    assert_sound("against its baseline", &against);
    let baseline_points: Vec<Rect> = against
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Marker(m) if m.baseline => Some(Rect::new(m.x - 9.0, m.y - 9.0, 18.0, 18.0)),
            _ => None,
        })
        .collect();
    assert!(!baseline_points.is_empty());
    for chip in chips(&against) {
        assert!(!baseline_points.iter().any(|p| p.overlaps(&chip.rect)), "{} over a baseline point", chip.title);
    }
    let last_text = against.items.iter().rev().find_map(|i| match i {
        Item::Text(b) => Some(b.role),
        _ => None,
    });
    assert_eq!(last_text, Some(TextRole::SourceText), "the Sources list is last");
}
