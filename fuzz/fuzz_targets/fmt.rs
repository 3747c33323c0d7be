//! Any bytes through `fmt`: a valid map formats to a map that means the same (`format`
//! checks that itself and refuses otherwise, which is a bug here) and formats again to
//! itself.
#![no_main]

use journeymap::format::{Refusal, format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let formatted = format(data);
    match formatted.result {
        Ok(text) => {
            let again = format(text.as_bytes());
            assert_eq!(again.result.as_deref(), Ok(text.as_str()), "fmt is idempotent");
        }
        Err(Refusal::Errors) => assert!(formatted.compiled.journey.is_none()),
        Err(Refusal::MeaningChanged) => panic!("fmt would change the meaning of this map"),
    }
});
