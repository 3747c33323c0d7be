//! Any bytes through the whole pipeline: decode, parse, validate, diagnostics (human and
//! JSON), and for a valid map layout on every page, SVG, HTML, export, report, diff, and
//! the SVG of the map drawn against itself as its baseline, and its blueprint and
//! impact/effort matrix.
#![no_main]

use journeymap::diag::render::{self, Style};
use journeymap::lanes::View;
use journeymap::layout::{self, Page};
use journeymap::render::{Format, RenderError, RenderOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let compiled = journeymap::compile(data);
    let style = Style { color: false, unicode: true, width: 100 };
    let _ = render::human("fuzz.journey", &compiled.source, &compiled.diags, style);
    let _ = render::json("fuzz.journey", &compiled.source, &compiled.diags);
    let Some(journey) = &compiled.journey else { return };
    for page in [Page::Auto, Page::A4] {
        // What `journeymap render --format svg,html` draws (PNG and PDF are left out).
        let options = RenderOptions {
            formats: vec![Format::Svg, Format::Html],
            layout: layout::Options { page, ..Default::default() },
            ..Default::default()
        };
        let rendered = journeymap::render::render(journey, &compiled.source, &options);
        assert_eq!(rendered.outputs.len(), 2, "one output per format");
        for output in rendered {
            match (output.format, output.result) {
                (Format::Svg, Ok(svg)) => {
                    assert!(svg.starts_with(b"<svg") && svg.ends_with(b"</svg>\n"), "a whole SVG")
                }
                (_, Ok(_)) | (_, Err(RenderError::TooLarge(_))) => {}
                (format, Err(e)) => panic!("{format:?} not drawn: {e}"),
            }
        }
    }
    // The other two views, whatever the map's own: the blueprint (with its fail points and
    // unmet needs on the actions) and the impact/effort matrix.
    for view in [View::Blueprint, View::Opportunities] {
        let options = RenderOptions {
            formats: vec![Format::Svg, Format::Html],
            layout: layout::Options { view: Some(view), ..Default::default() },
            ..Default::default()
        };
        for output in journeymap::render::render(journey, &compiled.source, &options) {
            match (output.format, output.result) {
                (Format::Svg, Ok(svg)) => assert!(svg.ends_with(b"</svg>\n"), "a whole SVG of {view:?}"),
                (_, Ok(_)) | (_, Err(RenderError::TooLarge(_))) => {}
                (format, Err(e)) => panic!("{view:?} {format:?} not drawn: {e}"),
            }
        }
    }
    // The ranking is impact ÷ effort, best first, then impact: never out of order.
    for pair in journey.derived.ranked_opportunities.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let (ab, ba) = (u32::from(a.impact) * u32::from(b.effort), u32::from(b.impact) * u32::from(a.effort));
        assert!(ab > ba || (ab == ba && a.impact >= b.impact), "ranked out of order");
    }
    let doc = journeymap::export::document(journey, &compiled.source);
    let _ = journeymap::export::to_json(&doc).expect("a document serialises");
    let report = journeymap::report::report(journey);
    let _ = journeymap::report::render::markdown(&report);
    let same = journeymap::diff::diff(Some(journey), Some(journey));
    assert!(!same.changed, "a map against itself has no changes");
    // Drawn against itself (`render --baseline`): nothing new, nothing gone, no problem.
    let itself = journeymap::diff::baseline::compare(journey, &compiled.source, journey, &compiled.source, "self");
    assert!(itself.future.is_empty() && itself.current.is_empty(), "a map against itself has no problems");
    let baseline = itself.baseline.expect("a map against itself is drawn");
    assert!(baseline.gone.is_empty() && baseline.steps.iter().flatten().all(|s| !s.new), "nothing new or gone");
    let options = RenderOptions { baseline: Some(std::sync::Arc::new(baseline)), ..Default::default() };
    for output in journeymap::render::render(journey, &compiled.source, &options) {
        assert!(matches!(output.result, Ok(_) | Err(RenderError::TooLarge(_))), "drawn against itself");
    }
});
