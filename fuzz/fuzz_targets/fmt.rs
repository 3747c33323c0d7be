//! Any bytes through `fmt`: a valid map formats to a map that means the same (`format`
//! checks that itself with `Journey::same_meaning` and refuses otherwise, which is a
//! bug here; the text it hands out is checked again here) and formats again to itself.
#![no_main]

use journeymap::format::{Refusal, format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let formatted = format(data);
    match formatted.result {
        Ok(text) => {
            let before = formatted.compiled.journey.as_ref().expect("only a valid map is formatted");
            let again = format(text.as_bytes());
            let after = again.compiled.journey.as_ref().expect("the formatted map is valid");
            assert!(before.same_meaning(after), "fmt changed the meaning of this map");
            assert_eq!(again.result.as_deref(), Ok(text.as_str()), "fmt is idempotent");
        }
        Err(Refusal::Errors) => assert!(formatted.compiled.journey.is_none()),
        Err(Refusal::MeaningChanged) => panic!("fmt would change the meaning of this map"),
    }
});
