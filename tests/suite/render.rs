//! The SVG: well formed, accessible, self-contained, deterministic, escaped; and
//! snapshots of every example's drawing. PNG, PDF and the HTML page; and
//! `render::render`, the back end's entry point: one output per format, the limits.

use crate::common::{example_maps, render_svg};
use journeymap::layout::Page;

fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed XML: {e}"))
}

#[test]
fn examples_and_test_maps_match_their_snapshots() {
    for map in crate::common::drawn_maps() {
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

/// Every emotion's reason, as (persona id, step number, reason), in the order drawn.
fn reasons(journey: &journeymap::model::Journey) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for (_, step) in journey.steps() {
        for t in journey.travellers() {
            let Some(text) = step.emotion_of(t).and_then(|e| e.text.as_ref()) else { continue };
            let persona = t.map_or("customer".to_string(), |p| journey.persona(p).id.clone());
            out.push((persona, step.number.to_string(), text.value.clone()));
        }
    }
    out
}

/// Text without its spaces and hyphens, which wrapping adds and moves.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{2010}').collect()
}

#[test]
fn every_emotion_reason_is_drawn_in_a_note_group_of_its_persona_and_step() {
    for map in crate::common::drawn_maps() {
        let source = std::fs::read_to_string(&map).unwrap();
        let journey = crate::common::journey(&source);
        let svg = crate::common::render_svg_view(&source, Page::Auto, journeymap::lanes::View::Journey);
        let doc = parse(&svg);
        let class = |n: &roxmltree::Node, c: &str| n.attribute("class").is_some_and(|k| k.split(' ').any(|x| x == c));
        let groups: Vec<_> = doc.descendants().filter(|n| class(n, "emotion-notes")).collect();
        let notes: Vec<(String, String, String)> = doc
            .descendants()
            .filter(|n| class(n, "emotion-note"))
            .map(|n| {
                // Inside the one group of notes, and marked like the persona's curve.
                assert!(n.parent().is_some_and(|p| class(&p, "emotion-notes")), "{}", map.display());
                assert!(n.children().any(|c| class(&c, "marker")), "{}: a note without its marker", map.display());
                let text: String =
                    n.descendants().filter(|t| t.has_tag_name("text")).filter_map(|t| t.text()).collect();
                (n.attribute("data-persona").unwrap().into(), n.attribute("data-step").unwrap().into(), text)
            })
            .collect();
        let wanted = reasons(&journey);
        assert_eq!(groups.len(), usize::from(!wanted.is_empty()), "{}: one group of notes", map.display());
        assert_eq!(notes.len(), wanted.len(), "{}", map.display());
        for ((persona, step, text), (p, s, reason)) in notes.iter().zip(&wanted) {
            assert_eq!((persona, step), (p, s), "{}", map.display());
            assert!(squeezed(text).ends_with(&squeezed(reason)), "{}: `{text}` for `{reason}`", map.display());
        }
    }
}

#[test]
fn personas_curves_markers_and_legend_entries_name_their_persona() {
    let source = std::fs::read_to_string(crate::common::root().join("tests/maps/twelve-personas.journey")).unwrap();
    let journey = crate::common::journey(&source);
    let svg = render_svg(&source, Page::Auto);
    let doc = parse(&svg);
    let named = |tag: &str, class: &str| -> Vec<String> {
        let mut ids: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name(tag) && n.attribute("class").is_some_and(|c| c.split(' ').any(|x| x == class)))
            .filter_map(|n| n.attribute("data-persona").map(str::to_string))
            .collect();
        ids.dedup();
        ids
    };
    let ids: Vec<String> = journey.personas.iter().map(|p| p.id.clone()).collect();
    assert_eq!(named("path", "emotion-curve"), ids);
    assert_eq!(named("g", "legend-entry"), ids);
    let mut marked = named("g", "emotion-point");
    marked.sort();
    marked.dedup();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(marked, sorted);
    // Thin, under the mean and the range.
    assert_eq!(svg.matches("class=\"emotion-curve thin ").count(), 12);
    assert_eq!(svg.matches("<path class=\"curve-mean\"").count(), 1);
    assert_eq!(svg.matches("<path class=\"curve-band\"").count(), 1);
}

#[test]
fn rendering_is_deterministic() {
    for map in crate::common::drawn_maps() {
        let source = std::fs::read_to_string(&map).unwrap();
        assert_eq!(render_svg(&source, Page::Auto), render_svg(&source, Page::Auto));
    }
    // The notes, the mean and the range in the image too.
    let source = std::fs::read_to_string(crate::common::root().join("tests/maps/twelve-personas.journey")).unwrap();
    let svg = render_svg(&source, Page::Auto);
    let png = || journeymap::render::png::png(&svg, 1.0, journeymap::text::Fonts::get()).unwrap();
    assert!(png() == png(), "the same PNG twice");
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
        let a = journeymap::render::png::png(&svg, scale, journeymap::text::Fonts::get()).unwrap();
        let b = journeymap::render::png::png(&svg, scale, journeymap::text::Fonts::get()).unwrap();
        assert!(a == b, "the same PNG twice at scale {scale}");
        let expected = ((view_box[2] * scale).ceil() as u32, (view_box[3] * scale).ceil() as u32);
        assert_eq!(png_size(&a), expected, "scale {scale}");
    }
}

#[test]
fn png_draws_any_text_without_panicking() {
    let map = "journey: Emoji 👍🏽 🇩🇰 and 東京 and ZWJ 👩‍👩‍👧\nphase: P\n  step: 😀😀😀 \u{202e}right-to-left override\u{202c} שלום עולם مرحبا\n    emotion 1: ✓\n";
    let svg = render_svg(map, Page::Auto);
    let png = journeymap::render::png::png(&svg, 1.0, journeymap::text::Fonts::get()).expect("drawn");
    assert!(png.len() > 1000);
}

/// Emoji go in `<text>` elements of their own, whole sequences in one, in the emoji
/// font: usvg splits a mixed text into per-font runs that break sequences into boxes.
#[test]
fn emoji_sequences_are_drawn_in_runs_of_their_own() {
    let svg = render_svg("journey: Thumbs 👍🏽 flag 🇩🇰 family 👩‍👩‍👧 end\nphase: P\n  step: Plain\n", Page::Auto);
    let doc = parse(&svg);
    let texts: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| (n.attribute("class").unwrap_or("").to_string(), n.text().unwrap_or("").to_string()))
        .collect();
    let emoji: Vec<&str> =
        texts.iter().filter(|(c, _)| c.split(' ').any(|c| c == "emoji")).map(|(_, t)| t.as_str()).collect();
    assert_eq!(emoji, ["👍🏽", "🇩🇰", "👩‍👩‍👧"]);
    let words: Vec<&str> = texts.iter().filter(|(c, _)| c.starts_with("title")).map(|(_, t)| t.as_str()).collect();
    assert_eq!(words, ["Thumbs", "👍🏽", "flag", "🇩🇰", "family", "👩‍👩‍👧", "end"]);
    assert!(svg.contains(".emoji{font-family:'Twemoji Mozilla'"), "the emoji font is named in the stylesheet");

    let plain = render_svg("journey: Plain\nphase: P\n  step: Plain\n", Page::Auto);
    assert!(!plain.contains(".emoji"), "no emoji rule without emoji");
}

/// Yellow pixels (a smiley's face) in the title's rows of a map drawn at scale 1.
fn yellow_in_title(title: &str) -> usize {
    let svg = render_svg(&format!("journey: {title}\nphase: P\n  step: Plain\n"), Page::Auto);
    let encoded = journeymap::render::png::png(&svg, 1.0, journeymap::text::Fonts::get()).expect("drawn");
    let mut reader = png::Decoder::new(std::io::Cursor::new(encoded)).read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut pixels).expect("one frame");
    let title_rows = &pixels[..info.line_size * 50];
    title_rows.chunks_exact(3).filter(|p| p[0] > 200 && p[1] > 150 && p[2] < 100).count()
}

#[test]
fn png_draws_emoji_in_colour_with_the_embedded_font() {
    assert_eq!(yellow_in_title("Happy customer"), 0);
    let smileys = yellow_in_title("Happy 😀 customer 😀");
    assert!(smileys > 150, "two smileys drawn in colour: {smileys} yellow pixels");
}

#[test]
fn png_refuses_sizes_it_cannot_draw() {
    let svg = render_svg(
        &std::fs::read_to_string(crate::common::root().join("examples/minimal.journey")).unwrap(),
        Page::Auto,
    );
    assert!(journeymap::render::png::png(&svg, 0.0, journeymap::text::Fonts::get()).is_err());
    assert!(journeymap::render::png::png(&svg, f32::NAN, journeymap::text::Fonts::get()).is_err());
    let err = journeymap::render::png::png(&svg, 16.0, journeymap::text::Fonts::get()).map(|p| p.len());
    assert!(err.is_ok(), "16 × a small map is fine: {err:?}");
}

/// A poppler tool, or `None` (with a note) where poppler-utils is not installed;
/// `JOURNEYMAP_BROWSER_TESTS` (set by `.ci/run`, which installs it) makes it required.
#[cfg(feature = "pdf")]
fn poppler(tool: &str) -> Option<std::path::PathBuf> {
    let path = std::path::Path::new("/usr/bin").join(tool);
    if path.exists() {
        return Some(path);
    }
    assert!(std::env::var("JOURNEYMAP_BROWSER_TESTS").is_err(), "{tool} is required (apt-get install poppler-utils)");
    eprintln!("PDF test skipped: no {tool} (apt-get install poppler-utils)");
    None
}

#[cfg(feature = "pdf")]
fn pdf_of(source: &str, page: Page) -> Vec<u8> {
    let checked = crate::common::check_str(source);
    let journey = checked.compiled.journey.expect("valid map");
    let laid_out = journeymap::layout::layout(&journey, &journeymap::layout::Options { page, ..Default::default() });
    journeymap::render::pdf::pdf(&laid_out, page, journeymap::text::Fonts::get()).expect("PDF written")
}

#[cfg(feature = "pdf")]
#[test]
fn pdf_has_the_page_size_asked_for_and_every_phase_and_step_as_text() {
    let (Some(pdfinfo), Some(pdftotext)) = (poppler("pdfinfo"), poppler("pdftotext")) else { return };
    let dir = tempfile::tempdir().unwrap();
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for map in example_maps() {
        let source = std::fs::read_to_string(&map).unwrap();
        let checked = crate::common::check_str(&source);
        let journey = checked.compiled.journey.unwrap();
        for (page, size) in
            [(Page::A4, "841.89 x 595.276 pts (A4)"), (Page::A3, "1190.55 x 841.89 pts (A3)"), (Page::Auto, "")]
        {
            let pdf = pdf_of(&source, page);
            assert!(pdf == pdf_of(&source, page), "{}: the same PDF twice", map.display());
            let file = dir.path().join("map.pdf");
            std::fs::write(&file, &pdf).unwrap();
            let info =
                String::from_utf8(std::process::Command::new(&pdfinfo).arg(&file).output().unwrap().stdout).unwrap();
            assert!(info.contains(&format!("Title:           {}", journey.title.value)), "{info}");
            if !size.is_empty() {
                assert!(info.contains(size), "{} {page:?}: {info}", map.display());
            }
            let text = std::process::Command::new(&pdftotext).arg(&file).arg("-").output().unwrap().stdout;
            let text = words(&String::from_utf8_lossy(&text));
            for phase in &journey.phases {
                assert!(
                    text.contains(&words(&phase.name.value)),
                    "{}: phase `{}` not in the PDF text",
                    map.display(),
                    phase.name.value
                );
                for step in &phase.steps {
                    assert!(
                        text.contains(&words(&step.action.value)),
                        "{}: step `{}` not in the PDF text",
                        map.display(),
                        step.action.value
                    );
                }
            }
        }
    }
}

/// The reasons behind the scores are in the PDF's text, on one page and on many.
#[cfg(feature = "pdf")]
#[test]
fn pdf_text_holds_every_emotion_reason() {
    let Some(pdftotext) = poppler("pdftotext") else { return };
    let dir = tempfile::tempdir().unwrap();
    for map in crate::common::drawn_maps() {
        let source = std::fs::read_to_string(&map).unwrap();
        let journey = crate::common::journey(&source);
        for page in [Page::Auto, Page::A4] {
            let file = dir.path().join("map.pdf");
            let journey_view = journeymap::layout::Options {
                page,
                view: Some(journeymap::lanes::View::Journey),
                ..Default::default()
            };
            let pdf = journeymap::render::pdf::pdf(
                &journeymap::layout::layout(&journey, &journey_view),
                page,
                journeymap::text::Fonts::get(),
            )
            .unwrap();
            std::fs::write(&file, pdf).unwrap();
            // In the order of the content, so that no neighbouring column interleaves.
            let text = std::process::Command::new(&pdftotext).arg("-raw").arg(&file).arg("-").output().unwrap().stdout;
            let text = squeezed(&String::from_utf8_lossy(&text));
            for (persona, step, reason) in reasons(&journey) {
                assert!(
                    text.contains(&squeezed(&reason)),
                    "{} ({page:?}): {persona}'s reason at step {step}, `{reason}`, is not in the PDF text",
                    map.display()
                );
            }
        }
    }
}

/// A page draws its window of the map, not the whole map clipped: a map cut into many
/// pages makes a file about as large as the one-page file (before: the page count times
/// it, 951 MB for 2,000 steps on A3).
#[cfg(feature = "pdf")]
#[test]
fn a_pdf_of_many_pages_is_not_many_copies_of_the_map() {
    let map = journeymap::generate::map(120);
    let one_page = pdf_of(&map, Page::Auto).len();
    let paged = pdf_of(&map, Page::A4).len();
    assert!(paged < one_page * 2, "{paged} bytes on A4 pages against {one_page} on one page");
}

/// krilla draws colour glyphs as a Type 3 font: the emoji are in the PDF, in colour.
#[cfg(feature = "pdf")]
#[test]
fn pdf_draws_emoji_with_the_embedded_font() {
    let Some(pdffonts) = poppler("pdffonts") else { return };
    let dir = tempfile::tempdir().unwrap();
    let fonts = |source: &str| {
        let file = dir.path().join("map.pdf");
        std::fs::write(&file, pdf_of(source, Page::A4)).unwrap();
        String::from_utf8(std::process::Command::new(&pdffonts).arg(&file).output().unwrap().stdout).unwrap()
    };
    let plain = fonts("journey: Plain\nphase: P\n  step: Plain\n");
    assert!(plain.contains("LiberationSans") && !plain.contains("Type 3"), "{plain}");
    let emoji = fonts("journey: Plain 😀 👍🏽\nphase: P\n  step: Plain\n");
    assert!(emoji.contains("Type 3"), "{emoji}");
}

#[test]
fn html_escapes_user_text_and_allows_only_its_own_style_and_script() {
    let map = "journey: </script><script>alert(1)</script> & </style>\ngoal: javascript:alert(\"x\") '<!--\npersona a: \"quoted\" <b>\nphase: P\n  step: </title><img src=x onerror=alert(1)>\n    emotion a 1: ]]></svg>\n    note: {\"json\": \"</script>\"}\n";
    let page = crate::common::render_html(map);
    // Only the page's own elements: its data block and its script, its style and the map's.
    assert_eq!(page.matches("<script").count(), 2, "no user text opens a script");
    assert_eq!(page.matches("</script>").count(), 2);
    assert_eq!(page.matches("<style").count(), 2);
    assert!(!page.contains("<img") && !page.contains("<b>"));
    let data_start = page.find("id=\"journey-data\">").unwrap();
    let data = &page[data_start + "id=\"journey-data\">".len()..];
    let data = &data[..data.find("</script>").unwrap()];
    assert!(!data.contains('<'), "the data block has no raw '<'");
    let value: serde_json::Value = serde_json::from_str(data).unwrap();
    assert_eq!(value["document"]["title"], "</script><script>alert(1)</script> & </style>");
    // The policy lists exactly the hashes of the inline style and script elements.
    let csp_start = page.find("content=\"default-src 'none'").unwrap() + "content=\"".len();
    let csp = &page[csp_start..csp_start + page[csp_start..].find('"').unwrap()];
    let hash = |text: &str| {
        use base64::Engine;
        use sha2::Digest;
        format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text.as_bytes())))
    };
    let bodies = |tag: &str| -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = page.as_str();
        while let Some(i) = rest.find(&format!("<{tag}")) {
            let open_end = i + rest[i..].find('>').unwrap() + 1;
            let close = open_end + rest[open_end..].find(&format!("</{tag}>")).unwrap();
            if !rest[i..open_end].contains("application/json") {
                out.push(rest[open_end..close].to_string());
            }
            rest = &rest[close..];
        }
        out
    };
    for body in bodies("style").iter().chain(&bodies("script")) {
        assert!(csp.contains(&hash(body)), "an inline element's hash is missing from the policy");
    }
    assert!(csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"));
}

#[test]
fn every_step_is_reachable_in_html_even_without_the_actions_lane() {
    let page = crate::common::render_html(
        "journey: T\nlanes emotions\nphase: P\n  step: A\n    emotion 1\n  step: B\n    emotion 2\n",
    );
    assert!(page.contains("class=\"emotion-point\" data-step=\"1\""), "points name their step");
    assert!(
        page.contains("actions.forEach((g) => g.setAttribute(\"tabindex\", \"0\"))"),
        "the script makes them tab stops"
    );
}

// `journeymap::render::render`: the back end's one entry point, as `journeymap render`
// calls it.

use journeymap::layout::limits::{self, TooLarge};
use journeymap::render::{Format, RenderError, RenderOptions, render};

fn minimal() -> (String, journeymap::model::Journey) {
    let source = std::fs::read_to_string(crate::common::root().join("examples/minimal.journey")).unwrap();
    let journey = crate::common::journey(&source);
    (source, journey)
}

#[test]
fn render_draws_one_output_per_format_in_the_order_asked() {
    let (source, journey) = minimal();
    let formats = vec![Format::Html, Format::Svg, Format::Png, Format::Svg];
    let options = RenderOptions { formats: formats.clone(), scale: 1.0, ..Default::default() };
    let rendered = render(&journey, &source, &options);
    let drawn: Vec<Format> = rendered.outputs.iter().map(|o| o.format).collect();
    assert_eq!(drawn, formats);
    let bytes: Vec<&[u8]> = rendered.outputs.iter().map(|o| o.result.as_deref().expect("drawn")).collect();
    assert!(bytes[0].starts_with(b"<!DOCTYPE html>"));
    // The SVG is the one `render_svg` (and the snapshots) draw, however often asked.
    assert_eq!(bytes[1], render_svg(&source, Page::Auto).as_bytes());
    assert_eq!(bytes[1], bytes[3]);
    assert!(bytes[2].starts_with(b"\x89PNG\r\n\x1a\n"));
    // At scale 1 the PNG is the drawing's size in pixels.
    let svg = String::from_utf8(bytes[1].to_vec()).unwrap();
    let width: f32 = parse(&svg).root_element().attribute("width").unwrap().parse().unwrap();
    assert_eq!(png_size(bytes[2]).0, width.ceil() as u32);
    // The HTML page lays itself out without the header: it shows it as HTML.
    let html = String::from_utf8(bytes[0].to_vec()).unwrap();
    assert!(html.contains("<header><h1>"), "the page's own header");
    assert_eq!(rendered.get(Format::Pdf), None, "not asked for");
}

#[test]
fn render_refuses_png_and_pdf_of_a_map_too_large_for_them_but_draws_svg_and_html() {
    let source = journeymap::generate::map(limits::MAX_RASTER_STEPS + 1);
    let journey = crate::common::journey(&source);
    let options = RenderOptions { formats: vec![Format::Png, Format::Svg, Format::Pdf], ..Default::default() };
    let mut outputs = render(&journey, &source, &options).outputs.into_iter();
    let too_large = RenderError::TooLarge(TooLarge::Steps {
        steps: limits::MAX_RASTER_STEPS + 1,
        max: limits::MAX_RASTER_STEPS,
        raster: true,
    });
    assert_eq!(outputs.next().unwrap().result, Err(too_large.clone()));
    let svg = outputs.next().unwrap().result.expect("the SVG is drawn");
    assert!(svg.starts_with(b"<svg") && svg.ends_with(b"</svg>\n"));
    assert_eq!(outputs.next().unwrap().result, Err(too_large.clone()));
    assert!(too_large.to_string().contains("draws at most 2000 as PNG and PDF"), "{too_large}");
}

#[test]
fn render_refuses_every_format_of_a_map_with_too_many_personas() {
    let mut source = String::from("journey: Crowd\n");
    for i in 0..=limits::MAX_PERSONAS {
        source.push_str(&format!("persona p{i}: Persona {i}\n"));
    }
    source.push_str("phase: P\n  step: S\n    emotion 1\n");
    let journey = crate::common::journey(&source);
    let options = RenderOptions { formats: vec![Format::Svg, Format::Html], ..Default::default() };
    let personas = limits::MAX_PERSONAS + 1;
    for output in render(&journey, &source, &options) {
        assert_eq!(output.result, Err(RenderError::TooLarge(TooLarge::Personas { personas })), "{:?}", output.format);
    }
}

#[test]
fn render_rejects_a_scale_out_of_range_for_png_only() {
    let (source, journey) = minimal();
    for scale in [0.0, -1.0, f32::NAN, journeymap::render::MAX_SCALE + 0.5] {
        let options = RenderOptions { formats: vec![Format::Svg, Format::Png], scale, ..Default::default() };
        let rendered = render(&journey, &source, &options);
        assert!(matches!(rendered.get(Format::Svg), Some(Ok(_))), "the SVG needs no scale");
        match rendered.get(Format::Png) {
            Some(Err(e @ RenderError::BadScale(_))) => {
                assert!(e.to_string().contains("above 0 and at most 16"), "{e}")
            }
            other => panic!("scale {scale}: {other:?}"),
        }
    }
}

#[test]
fn format_names_and_extensions_are_one_mapping() {
    for format in Format::ALL {
        assert_eq!(Format::from_path(std::path::Path::new(&format!("map.{}", format.extension()))), Some(format));
        let upper = format!("MAP.{}", format.name().to_uppercase());
        assert_eq!(Format::from_path(std::path::Path::new(&upper)), Some(format));
    }
    assert_eq!(Format::from_path(std::path::Path::new("page.htm")), Some(Format::Html));
    assert_eq!(Format::from_path(std::path::Path::new("map.journey")), None);
    assert_eq!(Format::from_path(std::path::Path::new("svg")), None);
}

/// The HTML page's header and the drawing's header show the same facts and legend
/// entries, in the same order: both take them from `layout::header`.
#[test]
fn the_html_header_shows_what_the_drawings_header_shows_in_order() {
    let source = "journey: Both headers\ngoal: Goal text\nscope: Scope text\nnote: Note one\nnote: Note two\n\
                  persona anna: Anna described\npersona bob\nphase: P\n  step: S\n    emotion anna 1\n    emotion bob -1\n";
    let journey = crate::common::journey(source);
    let html = crate::common::render_html(source);
    let header = &html[html.find("<header>").unwrap()..html.find("</header>").unwrap()];
    let svg = render_svg(source, Page::Auto);
    let texts = |haystack: &str, needles: &[String]| -> Vec<usize> {
        needles.iter().map(|n| haystack.find(n.as_str()).unwrap_or_else(|| panic!("{n:?} missing"))).collect()
    };
    let facts: Vec<String> = journeymap::layout::header::facts(&journey).iter().map(|(_, t)| t.to_string()).collect();
    assert_eq!(facts, ["Goal text", "Scope text", "Note one", "Note two"]);
    let entries: Vec<String> = journeymap::layout::header::legend_entries(&journey, journeymap::lanes::View::Journey)
        .iter()
        .map(|e| e.text(&journey))
        .collect();
    assert_eq!(entries, ["anna \u{2014} Anna described", "bob", "Low point", "High point"]);
    for shown in [header, svg.as_str()] {
        let places = texts(shown, &[facts.clone(), entries.clone()].concat());
        assert!(places.is_sorted(), "in order: {places:?}");
    }
    // Without personas the drawing's legend names the customer's curve; the page has no
    // persona to toggle.
    let anonymous = "journey: Anonymous\nphase: P\n  step: S\n    emotion 1\n";
    let journey = crate::common::journey(anonymous);
    let entries = journeymap::layout::header::legend_entries(&journey, journeymap::lanes::View::Journey);
    assert_eq!(entries[0], journeymap::layout::header::LegendEntry::Customer);
    assert!(render_svg(anonymous, Page::Auto).contains(&entries[0].text(&journey)));
    assert!(!crate::common::render_html(anonymous).contains("class=\"personas\""));
}

/// `mutool draw -F trace` lists every glyph a PDF draws; none may be `.notdef` (a box),
/// for a map in every script the embedded fonts cover, on one page and on A4 pages.
#[test]
fn no_glyph_in_the_pdf_is_a_box() {
    let Ok(version) = std::process::Command::new("mutool").arg("-v").output() else {
        assert!(std::env::var("JOURNEYMAP_BROWSER_TESTS").is_err(), "mutool (mupdf-tools) is not installed");
        eprintln!("mutool is not installed: skipped");
        return;
    };
    let _ = version;
    let source = std::fs::read_to_string(crate::common::root().join("tests/maps/mixed-scripts.journey")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for page in [Page::Auto, Page::A4] {
        let file = dir.path().join("map.pdf");
        std::fs::write(&file, pdf_of(&source, page)).unwrap();
        let trace =
            std::process::Command::new("mutool").args(["draw", "-F", "trace", "-o", "-"]).arg(&file).output().unwrap();
        let trace = String::from_utf8_lossy(&trace.stdout);
        let glyphs = trace.matches("<g unicode=").count();
        assert!(glyphs > 400, "{page:?}: {glyphs} glyphs");
        assert_eq!(trace.matches("glyph=\".notdef\"").count(), 0, "{page:?}: a glyph is drawn as a box");
        for font in
            ["NotoSansArabic", "NotoSansDevanagari", "NotoSansThai", "DroidSansFallback", "NanumGothic", "Twemoji"]
        {
            assert!(trace.contains(font), "{page:?}: {font} draws its script");
        }
    }
}

/// The printed appendix: every step's details as the panel lists them, emotion notes and
/// persona descriptions included, written into the page (so it prints without script),
/// user text escaped, in the map's language.
#[test]
fn html_appendix_lists_every_step_with_its_emotion_notes_escaped() {
    let map = "journey: Appendix\nlang de\npersona anna: Anna <b>described</b>\npersona bob\n\
               phase: First\n  step critical: Opens </section><script>alert(1)</script>\n    emotion anna 1: Glad & <i>relieved</i>\n    emotion bob -1\n\
               phase: Second\n  step: Closes\n    thought: Done?\n";
    let page = crate::common::render_html(map);
    let start = page.find("<section class=\"appendix\"").expect("an appendix");
    let rest = &page[start..];
    let appendix = &rest[..rest.rfind("</section>").unwrap() + "</section>".len()];
    assert!(appendix.contains("<h2 id=\"all-steps\">Alle Schritte</h2>"), "{appendix}");
    assert!(appendix.contains("<h3>First</h3>") && appendix.contains("<h3>Second</h3>"));
    assert!(appendix.contains("<h4>1. Opens &lt;/section&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h4>"), "{appendix}");
    assert!(appendix.contains("<p class=\"critical\">Kritisch</p>"));
    // Emotions by the persona's description (its id where it has none), the note after.
    assert!(
        appendix
            .contains("<dd>Anna &lt;b&gt;described&lt;/b&gt;: 1 \u{2014} Glad &amp; &lt;i&gt;relieved&lt;/i&gt;</dd>"),
        "{appendix}"
    );
    assert!(appendix.contains("<dd>bob: -1</dd>"), "{appendix}");
    assert!(appendix.contains("<h4>2. Closes</h4>") && appendix.contains("<dd>Done?</dd>"));
    assert!(!appendix.contains("<script") && !appendix.contains("<b>") && !appendix.contains("<i>"));
    // The panel's data has the same lines, and each step's name for screen readers.
    let data_start = page.find("id=\"journey-data\">").unwrap() + "id=\"journey-data\">".len();
    let data: serde_json::Value =
        serde_json::from_str(&page[data_start..data_start + page[data_start..].find("</script>").unwrap()]).unwrap();
    assert_eq!(data["steps"][1]["name"], "2. Closes");
    let sections = data["steps"][0]["sections"].as_array().unwrap();
    let emotions = sections.iter().find(|s| s["title"] == "Emotionen").unwrap_or_else(|| panic!("{sections:?}"));
    assert_eq!(emotions["items"][0], "Anna <b>described</b>: 1 \u{2014} Glad & <i>relieved</i>");
    // The same map, the same page.
    assert_eq!(page, crate::common::render_html(map));
}

/// The page's controls: the skip link first, the zoom buttons, the drawer's bar, the
/// live panel, and the notes toggle hidden until the script finds emotion notes.
#[test]
fn html_page_has_its_skip_link_zoom_drawer_and_live_panel_in_the_maps_language() {
    let page = crate::common::render_html("journey: T\nlang sv\nphase: P\n  step: S\n    emotion 1: Fine\n");
    let body = &page[page.find("<body>").unwrap()..];
    assert!(
        body.starts_with("<body><a class=\"skip\" href=\"#main\">Hoppa till kartan</a>\n<header>"),
        "{}",
        &body[..200]
    );
    assert!(page.contains("<main id=\"main\" tabindex=\"-1\">"));
    assert!(
        page.contains("aria-label=\"Zooma in\">+</button>")
            && page.contains("aria-label=\"Zooma ut\">\u{2212}</button>")
    );
    assert!(page.contains("<aside id=\"panel\" aria-label=\"Stegets detaljer\">"));
    assert!(page.contains("<div id=\"detail\" aria-live=\"polite\">"));
    assert!(page.contains("aria-label=\"Stäng\">\u{00d7}</button>"));
    assert!(page.contains("class=\"notes-toggle\" aria-pressed=\"true\" hidden=\"\">Känsloanteckningar</button>"));
    // Printed on A4 or A3, landscape.
    assert!(page.contains("@page{size:A4 landscape;"));
}
