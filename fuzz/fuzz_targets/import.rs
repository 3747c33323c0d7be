//! Any bytes through the importers and the KPI data reader: none panics, a diagnostic's
//! span lies in the text it is shown against, and an imported map checks and is in
//! canonical `fmt` form already.
#![no_main]

use journeymap::sheet::{self, Format};
use libfuzzer_sys::fuzz_target;

fn imported(result: Result<String, journeymap::import::Failure>) {
    match result {
        Ok(map) => {
            let compiled = journeymap::compile(map.as_bytes());
            assert!(!compiled.has_errors(), "an imported map has errors: {:?}\n{map}", compiled.diags);
            assert_eq!(journeymap::format::format_source(&map), map, "an imported map is canonical");
        }
        Err(failure) => {
            assert!(!failure.diags.is_empty(), "a failure says why");
            for d in &failure.diags {
                let span = d.primary.span;
                assert!(span.start <= span.end && span.end <= failure.source.len(), "span {span:?} out of the source");
                assert!(failure.source.is_char_boundary(span.start) && failure.source.is_char_boundary(span.end));
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    imported(journeymap::mermaid::import(&text, false));
    imported(journeymap::mermaid::import(&text, true));
    imported(sheet::import("fuzz.csv", data, Format::Csv));
    imported(sheet::import("fuzz.tsv", data, Format::Tsv));
    let (_, diags) = journeymap::data::read(&text);
    for d in &diags {
        let span = d.primary.span;
        assert!(span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    }
});
