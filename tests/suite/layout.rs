//! The layout as geometry: over every example and stress maps, no text leaves its box,
//! no two texts overlap, no two cards overlap, and everything lies inside the drawing.

use crate::common::{check_str, example_maps};
use journeymap::lanes::View;
use journeymap::layout::{self, Item, Layout, Options, Page, Rect};

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

fn assert_sound(name: &str, l: &Layout) {
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
    let cards: Vec<(Rect, String)> = l
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Card(c) => Some((c.rect, c.title.clone())),
            _ => None,
        })
        .collect();
    for (rect, title) in &cards {
        assert!(page.contains(rect), "{name}: card `{title}` leaves the drawing");
    }
    let clashes = overlapping(cards);
    assert!(clashes.is_empty(), "{name}: cards overlap: {:?}", &clashes[..clashes.len().min(5)]);
}

#[test]
fn every_example_lays_out_soundly_on_every_page() {
    for map in example_maps() {
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
    let curves: Vec<_> = l.items.iter().filter_map(|i| if let Item::Curve(c) = i { Some(c) } else { None }).collect();
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
