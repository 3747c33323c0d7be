//! Any bytes through the whole pipeline: decode, parse, validate, diagnostics (human and
//! JSON), and for a valid map layout on every page, SVG, HTML, export, report and diff.
#![no_main]

use journeymap::diag::render::{self, Style};
use journeymap::layout::{self, Options, Page};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let compiled = journeymap::compile(data);
    let style = Style { color: false, unicode: true, width: 100 };
    let _ = render::human("fuzz.journey", &compiled.source, &compiled.diags, style);
    let _ = render::json("fuzz.journey", &compiled.source, &compiled.diags);
    let Some(journey) = &compiled.journey else { return };
    for page in [Page::Auto, Page::A4] {
        let laid_out = layout::layout(journey, &Options { page, ..Default::default() });
        let svg = journeymap::render::svg::render(&laid_out, page);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"), "a whole SVG");
        let bare = layout::layout(journey, &Options { page, no_header: true, ..Default::default() });
        let svg = journeymap::render::svg::render(&bare, page);
        let _ = journeymap::render::html::html(journey, &compiled.source, &bare, &svg, page);
    }
    let doc = journeymap::export::document(journey, &compiled.source);
    let _ = journeymap::export::to_json(&doc).expect("a document serialises");
    let report = journeymap::report::report(journey);
    let _ = journeymap::report::render::markdown(&report);
    let same = journeymap::diff::diff(Some(journey), Some(journey));
    assert!(!same.changed, "a map against itself has no changes");
});
