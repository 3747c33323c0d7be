//! The SVG: well formed, accessible, self-contained, deterministic, escaped; and
//! snapshots of every example's drawing.

use crate::common::{example_maps, render_svg};
use journeymap::layout::Page;

fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed XML: {e}"))
}

#[test]
fn examples_match_their_snapshots() {
    for map in example_maps() {
        let svg = render_svg(&std::fs::read_to_string(&map).unwrap(), Page::Auto);
        let name = map.file_stem().unwrap().to_string_lossy().to_string();
        insta::with_settings!({
            snapshot_path => "../render",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name, svg);
        });
    }
}

#[test]
fn every_example_is_a_self_contained_accessible_svg() {
    for map in example_maps() {
        let source = std::fs::read_to_string(&map).unwrap();
        for page in [Page::Auto, Page::A4] {
            let svg = render_svg(&source, page);
            let doc = parse(&svg);
            let root = doc.root_element();
            assert_eq!(root.tag_name().name(), "svg");
            assert_eq!(root.attribute("role"), Some("img"));
            assert!(root.attribute("viewBox").is_some());
            let names: Vec<&str> =
                root.children().filter(|n| n.is_element()).map(|n| n.tag_name().name()).take(3).collect();
            assert_eq!(names, ["title", "desc", "style"], "{}", map.display());
            for node in doc.descendants().filter(|n| n.is_element()) {
                let tag = node.tag_name().name();
                assert!(!matches!(tag, "script" | "foreignObject" | "image" | "a"), "{tag} in {}", map.display());
                for attr in node.attributes() {
                    assert!(!attr.name().starts_with("on"), "event handler {} in {}", attr.name(), map.display());
                    assert!(!attr.value().contains("http:") && !attr.value().contains("https:"), "{}", attr.value());
                }
            }
            assert_eq!(doc.descendants().filter(|n| n.has_tag_name("style")).count(), 1);
            assert!(!svg.contains("@import") && !svg.contains("url("), "nothing loaded from anywhere");
        }
    }
}

#[test]
fn every_card_carries_its_whole_text_as_a_title() {
    let source = std::fs::read_to_string(crate::common::root().join("examples/home-insurance.journey")).unwrap();
    let svg = render_svg(&source, Page::Auto);
    let doc = parse(&svg);
    let cards: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class").is_some_and(|c| c.starts_with("card ")))
        .collect();
    assert!(cards.len() > 30);
    for card in &cards {
        let title = card.first_element_child().expect("card has children");
        assert_eq!(title.tag_name().name(), "title");
        assert!(!title.text().unwrap_or_default().is_empty());
    }
    let titles: Vec<&str> = doc.descendants().filter(|n| n.has_tag_name("title")).filter_map(|n| n.text()).collect();
    assert!(titles.contains(&"Phone (offline) · Customer service: Sales line, average wait 9 minutes"), "{titles:?}");
    assert!(titles.iter().any(|t| t.starts_with("anna: -2 — Asked for the flat's square metres")), "{titles:?}");
}

#[test]
fn one_curve_per_persona_or_one_for_the_anonymous_customer() {
    let root = crate::common::root();
    let home = render_svg(&std::fs::read_to_string(root.join("examples/home-insurance.journey")).unwrap(), Page::Auto);
    let doc = parse(&home);
    let personas: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("path") && n.attribute("class").is_some_and(|c| c.starts_with("emotion-curve")))
        .filter_map(|n| n.attribute("data-persona"))
        .collect();
    assert_eq!(personas, ["anna", "erik"]);
    let minimal = render_svg(&std::fs::read_to_string(root.join("examples/minimal.journey")).unwrap(), Page::Auto);
    assert_eq!(minimal.matches("class=\"emotion-curve").count(), 1);
}

#[test]
fn rendering_is_deterministic() {
    for map in example_maps() {
        let source = std::fs::read_to_string(&map).unwrap();
        assert_eq!(render_svg(&source, Page::Auto), render_svg(&source, Page::Auto));
    }
}

#[test]
fn user_text_is_escaped() {
    let map = r#"journey: </title><script>alert("x")</script> & "quotes" 'single'
goal: ]]> <!-- not a comment --> javascript:alert(1)
persona a: <b>bold</b> & co
phase: <style>*{display:none}</style>
  step: Tom & Jerry say "hi" <3
    touchpoint: <a href="https://evil.example">click</a>
    emotion a 1: why? <img src=x onerror=alert(1)>
"#;
    let svg = render_svg(map, Page::Auto);
    let doc = parse(&svg);
    assert!(!doc.descendants().any(|n| n.has_tag_name("script") || n.has_tag_name("a") || n.has_tag_name("img")));
    assert_eq!(doc.descendants().filter(|n| n.has_tag_name("style")).count(), 1);
    let text: String = doc.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect();
    assert!(text.contains(r#"</title><script>alert("x")</script> & "quotes" 'single'"#));
    assert!(text.contains("Tom & Jerry say \"hi\" <3"));
    assert!(text.contains("<img src=x onerror=alert(1)>"));
}

fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    let be = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    (be(16), be(20))
}

#[test]
fn png_is_byte_identical_and_sized_by_the_scale() {
    let source = std::fs::read_to_string(crate::common::root().join("examples/minimal.journey")).unwrap();
    let svg = render_svg(&source, Page::Auto);
    let doc = parse(&svg);
    let view_box: Vec<f32> =
        doc.root_element().attribute("viewBox").unwrap().split(' ').map(|v| v.parse().unwrap()).collect();
    for scale in [1.0, 2.0, 0.5] {
        let a = journeymap::render::png::png(&svg, scale).unwrap();
        let b = journeymap::render::png::png(&svg, scale).unwrap();
        assert!(a == b, "the same PNG twice at scale {scale}");
        let expected = ((view_box[2] * scale).ceil() as u32, (view_box[3] * scale).ceil() as u32);
        assert_eq!(png_size(&a), expected, "scale {scale}");
    }
}

#[test]
fn png_draws_any_text_without_panicking() {
    let map = "journey: Emoji 👍🏽 🇩🇰 and 東京 and ZWJ 👩‍👩‍👧\nphase: P\n  step: 😀😀😀 \u{202e}right-to-left override\u{202c} שלום עולם مرحبا\n    emotion 1: ✓\n";
    let svg = render_svg(map, Page::Auto);
    let png = journeymap::render::png::png(&svg, 1.0).expect("drawn");
    assert!(png.len() > 1000);
}

#[test]
fn png_refuses_sizes_it_cannot_draw() {
    let svg = render_svg(
        &std::fs::read_to_string(crate::common::root().join("examples/minimal.journey")).unwrap(),
        Page::Auto,
    );
    assert!(journeymap::render::png::png(&svg, 0.0).is_err());
    assert!(journeymap::render::png::png(&svg, f32::NAN).is_err());
    let err = journeymap::render::png::png(&svg, 16.0).map(|p| p.len());
    assert!(err.is_ok(), "16 × a small map is fine: {err:?}");
}
