//! The layout as geometry: over every example and stress maps, no text leaves its box,
//! no two texts overlap, no two cards overlap, and everything lies inside the drawing.

use crate::common::{check_str, drawn_maps};
use journeymap::lanes::View;
use journeymap::layout::{self, CurveRole, Item, Layout, Options, Page, Rect};

fn laid_out(source: &str, page: Page) -> Layout {
    laid_out_as(source, page, None)
}

fn laid_out_as(source: &str, page: Page, view: Option<View>) -> Layout {
    let checked = check_str(source);
    let journey = checked.compiled.journey.unwrap_or_else(|| panic!("map has errors:\n{}", checked.human));
    layout::layout(&journey, &Options { page, view, ..Default::default() })
}

/// Every text line's box, with the card it belongs to (if any).
fn text_boxes(l: &Layout) -> Vec<(Rect, Option<Rect>, String)> {
    let mut out = Vec::new();
    for item in &l.items {
        match item {
            Item::Text(block) => {
                out.extend(block.line_boxes().zip(&block.lines).map(|(r, line)| (r, None, line.text.clone())))
            }
            Item::Card(card) => {
                for block in &card.texts {
                    out.extend(
                        block.line_boxes().zip(&block.lines).map(|(r, line)| (r, Some(card.rect), line.text.clone())),
                    );
                }
            }
            Item::Notes(notes) => {
                for note in notes {
                    let block = &note.text;
                    out.extend(
                        block.line_boxes().zip(&block.lines).map(|(r, line)| (r, Some(note.rect), line.text.clone())),
                    );
                }
            }
            _ => {}
        }
    }
    out
}

/// Every box that must not overlap another: cards and emotion notes.
fn boxes(l: &Layout) -> Vec<(Rect, String)> {
    let mut out = Vec::new();
    for item in &l.items {
        match item {
            Item::Card(c) => out.push((c.rect, c.title.clone())),
            Item::Notes(notes) => out.extend(notes.iter().map(|n| (n.rect, format!("note of step {}", n.step)))),
            _ => {}
        }
    }
    out
}

/// Pairs of rectangles that overlap, found by a sweep over x.
fn overlapping<T: Clone>(mut rects: Vec<(Rect, T)>) -> Vec<(T, T)> {
    rects.sort_by(|a, b| a.0.x.total_cmp(&b.0.x));
    let mut pairs = Vec::new();
    for i in 0..rects.len() {
        for j in i + 1..rects.len() {
            if rects[j].0.x >= rects[i].0.right() {
                break;
            }
            if rects[i].0.overlaps(&rects[j].0) {
                pairs.push((rects[i].1.clone(), rects[j].1.clone()));
            }
        }
    }
    pairs
}

pub(crate) fn assert_sound(name: &str, l: &Layout) {
    let page = Rect::new(0.0, 0.0, l.width, l.height);
    let texts = text_boxes(l);
    assert!(!texts.is_empty(), "{name}: nothing drawn");
    for (rect, card, text) in &texts {
        assert!(page.contains(rect), "{name}: `{text}` leaves the drawing: {rect:?}");
        if let Some(card) = card {
            assert!(card.contains(rect), "{name}: `{text}` leaves its box: {rect:?} not in {card:?}");
        }
        assert!(rect.width > 0.0, "{name}: empty line");
    }
    let clashes = overlapping(texts.iter().map(|(r, _, t)| (*r, t.clone())).collect());
    assert!(clashes.is_empty(), "{name}: texts overlap: {:?}", &clashes[..clashes.len().min(5)]);
    let cards = boxes(l);
    for (rect, title) in &cards {
        assert!(page.contains(rect), "{name}: card `{title}` leaves the drawing");
    }
    let clashes = overlapping(cards);
    assert!(clashes.is_empty(), "{name}: cards overlap: {:?}", &clashes[..clashes.len().min(5)]);
}

#[test]
fn every_example_and_test_map_lays_out_soundly_on_every_page() {
    for map in drawn_maps() {
        let source = std::fs::read_to_string(&map).unwrap();
        for page in [Page::Auto, Page::A4, Page::A3] {
            for view in View::ALL.iter().copied() {
                assert_sound(
                    &format!("{} ({page:?}, {view:?})", map.display()),
                    &laid_out_as(&source, page, Some(view)),
                );
            }
        }
    }
}

/// A map with `steps` steps (10 a phase) and `personas` personas, each step's texts
/// made by `text`.
fn stress(steps: usize, personas: usize, text: impl Fn(usize) -> String) -> String {
    let mut s = String::from(
        "journey: Stress test with a title long enough to wrap onto a second line when the map is narrow, which it is with one step\ngoal: Break the layout\nchannel web online: Website\nowner shop: Shop\nowner partner external: Partner\n",
    );
    for p in 0..personas {
        s.push_str(&format!("persona p{p}: Persona number {p}\n"));
    }
    for i in 0..steps {
        if i % 10 == 0 {
            s.push_str(&format!("phase: Phase {}\n  pain: {}\n", i / 10, text(i)));
        }
        s.push_str(&format!(
            "  step critical: {}\n    touchpoint web shop: {}\n    touchpoint partner: {}\n",
            text(i),
            text(i + 1),
            text(i + 2)
        ));
        for p in 0..personas {
            s.push_str(&format!("    emotion p{p} {}: {}\n", ((i + p) % 5) as i64 - 2, text(i)));
        }
        s.push_str(&format!(
            "    thought: {}\n    quote: {}\n    need emotional: {}\n    kpi 12% target 20%: {}\n",
            text(i),
            text(i),
            text(i),
            text(i)
        ));
    }
    s
}

#[test]
fn very_long_words_are_broken_inside_their_boxes() {
    let map = stress(3, 1, |i| {
        format!("Donaudampfschifffahrtsgesellschaftskapitänsmütze{i} https://example.com/{}", "x".repeat(90))
    });
    for page in [Page::Auto, Page::A4] {
        assert_sound("long words", &laid_out(&map, page));
    }
}

#[test]
fn touchpoints_of_300_characters_wrap() {
    let long = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum.";
    assert!(long.chars().count() >= 300);
    assert_sound("300 characters", &laid_out(&stress(4, 2, |_| long.to_string()), Page::Auto));
}

#[test]
fn emoji_cjk_and_nordic_text_stay_in_their_boxes() {
    let map = stress(5, 3, |i| {
        format!(
            "Kunden 👍🏽 siger 🇩🇰 “super” — æøå ÆØÅ äöü {i} 東京都の天気は晴れです 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"
        )
    });
    assert_sound("emoji", &laid_out(&map, Page::Auto));
}

#[test]
fn twelve_personas_get_twelve_curves() {
    let l = laid_out(&stress(6, 12, |i| format!("Step {i}")), Page::Auto);
    assert_sound("12 personas", &l);
    let curves: Vec<_> = l
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Curve(c) if c.role != CurveRole::Mean => Some(c),
            _ => None,
        })
        .collect();
    assert_eq!(curves.len(), 12);
    let styles: std::collections::HashSet<usize> = curves.iter().map(|c| c.style).collect();
    assert_eq!(styles.len(), 12, "every persona looks different");
}

#[test]
fn one_step_and_five_hundred_steps() {
    assert_sound("1 step", &laid_out(&stress(1, 1, |i| format!("Only step {i}")), Page::Auto));
    let big = stress(500, 3, |i| format!("Step {i} does something ordinary"));
    let auto = laid_out(&big, Page::Auto);
    assert_sound("500 steps", &auto);
    let a3 = laid_out(&big, Page::A3);
    assert_sound("500 steps on A3", &a3);
    // Wrapped into bands: no wider than the page at the smallest print scale.
    let page_px = 420.0 / 25.4 * 96.0;
    assert!(a3.width <= page_px / 0.6 + 1.0, "{}", a3.width);
    assert!(a3.height > auto.height * 5.0);
}

#[test]
fn curves_skip_steps_a_persona_does_not_take_and_break_where_it_has_no_score() {
    let map = "journey: Curves
persona anna: Anna
persona erik: Erik
phase: P
  step: Both
    emotion anna 1
    emotion erik 1
  step erik: Only Erik
    emotion erik -1
  step: Anna says nothing here
    emotion erik 0
  step: Both again
    emotion anna 2
    emotion erik 2
";
    let l = laid_out(map, Page::Auto);
    let curve = |id: &str| {
        l.items
            .iter()
            .find_map(|i| match i {
                Item::Curve(c) if c.persona.as_deref() == Some(id) => {
                    Some(c.points.iter().map(Option::is_some).collect::<Vec<_>>())
                }
                _ => None,
            })
            .unwrap()
    };
    // Anna: step 2 is not hers (skipped), step 3 is hers without a score (a break).
    assert_eq!(curve("anna"), [true, false, true]);
    assert_eq!(curve("erik"), [true, true, true, true]);
}

/// Every emotion with a reason, as (persona id or `None`, step number, reason).
fn reasons(journey: &journeymap::model::Journey) -> Vec<(Option<String>, usize, String)> {
    let mut out = Vec::new();
    for (_, step) in journey.steps() {
        for e in &step.emotions {
            if let Some(text) = &e.text {
                out.push((e.persona.map(|p| journey.persona(p).id.clone()), step.number, text.value.clone()));
            }
        }
    }
    out.sort();
    out
}

fn notes(l: &Layout) -> Vec<&layout::Note> {
    l.items.iter().filter_map(|i| if let Item::Notes(n) = i { Some(n) } else { None }).flatten().collect()
}

#[test]
fn every_emotion_reason_is_a_note_under_the_curve_beside_its_personas_marker() {
    for map in drawn_maps() {
        let source = std::fs::read_to_string(&map).unwrap();
        let journey = crate::common::journey(&source);
        for page in [Page::Auto, Page::A4] {
            let l = laid_out_as(&source, page, Some(View::Journey));
            let notes = notes(&l);
            let mut drawn: Vec<(Option<String>, usize, String)> = notes
                .iter()
                .map(|n| {
                    let text: Vec<&str> = n.text.lines.iter().map(|l| l.text.as_str()).collect();
                    (n.persona.clone(), n.step, text.join(" "))
                })
                .collect();
            drawn.sort();
            let wanted = reasons(&journey);
            assert_eq!(drawn.len(), wanted.len(), "{}: one note per reason", map.display());
            let words = |s: &str| s.split_whitespace().collect::<String>().replace('-', "");
            for ((persona, step, text), (p, s, reason)) in drawn.iter().zip(&wanted) {
                assert_eq!((persona, step), (p, s), "{}", map.display());
                assert!(words(text).ends_with(&words(reason)), "{}: `{text}` is not `{reason}`", map.display());
            }
            // Each note carries its persona's look, as on the curve.
            for n in &notes {
                let k =
                    journey.travellers().iter().position(|&t| t.map(|p| journey.persona(p).id.clone()) == n.persona);
                let style = l.traveller_looks[k.unwrap()];
                assert_eq!((n.style, n.shape), (style, l.persona_looks[style].marker), "{}", map.display());
                // The marker lies inside the note, left of its text.
                assert!(n.rect.x < n.glyph.0 && n.glyph.0 + 5.0 <= n.text.x, "{}", map.display());
                assert!(n.rect.y < n.glyph.1 - 4.0 && n.glyph.1 + 4.0 < n.rect.bottom(), "{}", map.display());
            }
        }
    }
}

#[test]
fn notes_sit_under_the_curves_in_their_steps_column_and_the_lane_grows_to_hold_them() {
    let map = stress(3, 12, |i| format!("A reason long enough to wrap onto several lines of its note, number {i}"));
    let l = laid_out(&map, Page::Auto);
    assert_sound("12 personas with long notes", &l);
    let notes = notes(&l);
    assert_eq!(notes.len(), 3 * 12);
    let lowest_point = l
        .items
        .iter()
        .filter_map(|i| if let Item::Marker(m) = i { m.step.map(|_| m.y) } else { None })
        .fold(f32::NEG_INFINITY, f32::max);
    let lane = |y: f32| {
        l.items.iter().find_map(|i| match i {
            Item::Rect { rect, role: layout::RectRole::Lane { .. } } if rect.y <= y && y <= rect.bottom() => {
                Some(*rect)
            }
            _ => None,
        })
    };
    let emotions = lane(lowest_point).expect("the emotion lane");
    for n in &notes {
        assert!(n.rect.y > lowest_point, "a note above a point of the curve");
        assert!(emotions.contains(&n.rect), "a note outside the emotion lane: {:?}", n.rect);
        let action = l.items.iter().find_map(|i| match i {
            Item::Card(c) if c.role.is_action() && c.step == Some(n.step) => Some(c.rect),
            _ => None,
        });
        let action = action.expect("the step's action card");
        assert!(action.x <= n.rect.x && n.rect.right() <= action.right(), "a note outside its step's column");
    }
}

#[test]
fn personas_stay_on_the_steps_centre_line() {
    let l = laid_out(&stress(4, 7, |i| format!("Step {i}")), Page::Auto);
    let mut points = 0;
    for item in &l.items {
        let Item::Marker(m) = item else { continue };
        let Some(step) = m.step else { continue };
        let action = l
            .items
            .iter()
            .find_map(|i| match i {
                Item::Card(c) if c.role.is_action() && c.step == Some(step) => Some(c.rect),
                _ => None,
            })
            .unwrap();
        assert!((m.x - (action.x + action.width / 2.0)).abs() < 0.01, "{} off the centre of step {step}", m.x);
        points += 1;
    }
    assert_eq!(points, 4 * 7);
}

#[test]
fn the_mean_and_the_range_are_drawn_above_five_personas_only() {
    for (personas, many) in [(1, false), (5, false), (6, true), (12, true)] {
        let l = laid_out(&stress(4, personas, |i| format!("Step {i}")), Page::Auto);
        let curves: Vec<&layout::Curve> =
            l.items.iter().filter_map(|i| if let Item::Curve(c) = i { Some(c) } else { None }).collect();
        let means = curves.iter().filter(|c| c.role == CurveRole::Mean).count();
        let thin = curves.iter().filter(|c| c.role == CurveRole::Persona { thin: true }).count();
        let bands = l.items.iter().filter(|i| matches!(i, Item::Band(_))).count();
        let legend = l
            .items
            .iter()
            .any(|i| matches!(i, Item::LegendSwatch { sample: layout::Sample::Mean | layout::Sample::Range, .. }));
        match many {
            true => assert_eq!((means, bands, thin, legend), (1, 1, personas, true), "{personas} personas"),
            false => assert_eq!((means, bands, thin, legend), (0, 0, 0, false), "{personas} personas"),
        }
        let svg = crate::common::render_svg(&stress(4, personas, |i| format!("Step {i}")), Page::Auto);
        assert_eq!(svg.contains("<path class=\"curve-mean\""), many, "{personas} personas");
        assert_eq!(svg.contains("<path class=\"curve-band\""), many, "{personas} personas");
        assert_eq!(svg.contains(">Mean</text>"), many, "{personas} personas");
    }
}

#[test]
fn the_mean_and_the_range_follow_the_scores_and_break_where_nobody_scored() {
    let map = "journey: Mean
scale 1..5
persona a: A
persona b: B
persona c: C
persona d: D
persona e: E
persona f: F
phase: P
  step: Everyone
    emotion a 1
    emotion b 2
    emotion c 3
    emotion d 4
    emotion e 5
    emotion f 3
  step: Nobody scores
  step a b: Two
    emotion a 5
    emotion b 3
  step: One
    emotion c 2
";
    let l = laid_out(map, Page::Auto);
    let mean = l
        .items
        .iter()
        .find_map(|i| match i {
            Item::Curve(c) if c.role == CurveRole::Mean => Some(c.points.clone()),
            _ => None,
        })
        .unwrap();
    let band = l.items.iter().find_map(|i| if let Item::Band(b) = i { Some(b.clone()) } else { None }).unwrap();
    // The y of each score, from any persona's point.
    let y_of = |score: i64| {
        l.items
            .iter()
            .find_map(|i| match i {
                Item::Marker(m) if m.title.contains(&format!(": {score}")) => Some(m.y),
                _ => None,
            })
            .unwrap()
    };
    let (y1, y3, y5) = (y_of(1), y_of(3), y_of(5));
    assert_eq!(mean.len(), 4);
    assert!((mean[0].unwrap().1 - y3).abs() < 0.01, "the mean of 1, 2, 3, 4, 5, 3 is 3");
    assert_eq!(mean[1], None, "no mean where nobody scored");
    assert!((mean[2].unwrap().1 - (y3 + y5) / 2.0).abs() < 0.01);
    assert_eq!(band.pieces.len(), 2, "the range breaks where nobody scored");
    assert_eq!(band.pieces[0].len(), 1 + 1, "a step alone gets a band a few pixels wide");
    assert!((band.pieces[0][0].1 - y5).abs() < 0.01 && (band.pieces[0][0].2 - y1).abs() < 0.01);
    assert_eq!(band.pieces[1].len(), 2);
}

#[test]
fn twelve_personas_look_pairwise_different_in_dash_and_marker() {
    let source = std::fs::read_to_string(crate::common::root().join("tests/maps/twelve-personas.journey")).unwrap();
    let l = laid_out(&source, Page::Auto);
    let looks: Vec<_> = l.traveller_looks.iter().map(|&i| &l.persona_looks[i]).collect();
    assert_eq!(looks.len(), 12);
    for (i, a) in looks.iter().enumerate() {
        for b in &looks[..i] {
            assert_ne!((a.dash, a.marker), (b.dash, b.marker), "two personas alike without colour");
            assert_ne!((&a.color, a.marker), (&b.color, b.marker), "two notes' markers alike");
        }
    }
    // The palette's colours are used up before any repeats.
    let colours: std::collections::BTreeSet<&str> = looks.iter().map(|l| l.color.as_str()).collect();
    assert_eq!(colours.len(), layout::PALETTE.len());
}
