//! Property tests: no input, however broken, makes journeymap (or its formatter) panic,
//! and what it reports is always well formed.

use crate::common::{check, example_maps};
use proptest::prelude::*;

/// What must hold for any input.
fn holds_for(bytes: &[u8]) -> Result<(), TestCaseError> {
    let checked = check("prop.journey", bytes);
    let compiled = &checked.compiled;
    // Exit 0 or 1, never anything else: errors exactly when there is no map.
    prop_assert_eq!(compiled.has_errors(), compiled.journey.is_none());
    // The JSON document parses and every position lies in the file.
    let json: serde_json::Value = serde_json::from_str(&checked.json).expect("well-formed JSON");
    let lines = compiled.source.split('\n').count() as u64;
    for d in json["diagnostics"].as_array().unwrap() {
        let (line, column) = (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap());
        let (end_line, end_column) = (d["end_line"].as_u64().unwrap(), d["end_column"].as_u64().unwrap());
        prop_assert!(line >= 1 && line <= lines && column >= 1, "{d}");
        prop_assert!((end_line, end_column) >= (line, column), "{d}");
        prop_assert!(d["code"].as_str().unwrap().starts_with('J'));
        prop_assert!(!d["help"].as_str().unwrap().is_empty());
    }
    // A map that compiles exports.
    if let Some(journey) = &compiled.journey {
        let doc = journeymap::export::document(journey, &compiled.source);
        let json: serde_json::Value = serde_json::from_str(&journeymap::export::to_json(&doc).unwrap()).unwrap();
        // YAML says the same as JSON, whatever the texts hold (`- `, `: `, `#`, `!!`,
        // `&`, `*`, `null`, `yes`, quotes): user text never becomes YAML structure.
        let yaml: serde_json::Value = serde_saphyr::from_str(&journeymap::export::to_yaml(&doc).unwrap()).unwrap();
        prop_assert_eq!(yaml, json);
    }
    // `fmt` formats exactly the maps without errors, keeps their meaning, and a second
    // run changes nothing; any text at all goes through its layout without a panic.
    let _ = crate::common::fmt_any(&compiled.source);
    let formatted = crate::common::fmt(bytes);
    prop_assert_eq!(formatted.is_some(), compiled.journey.is_some());
    if let Some(formatted) = formatted {
        prop_assert!(crate::common::same_meaning(formatted.as_bytes(), bytes), "meaning changed");
        prop_assert_eq!(crate::common::fmt(formatted.as_bytes()), Some(formatted));
    }
    Ok(())
}

/// One edit to a map's text.
#[derive(Clone, Debug)]
pub(crate) enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Insert(usize, String),
    ReplaceByte(usize, u8),
    Truncate(usize),
}

pub(crate) fn mutation() -> impl Strategy<Value = Mutation> {
    let snippet = prop_oneof![
        Just(":".to_string()),
        Just("\n".to_string()),
        Just("\r".to_string()),
        Just(" critical".to_string()),
        Just("emotion 9\n".to_string()),
        Just("step: x\n".to_string()),
        Just("phase\n".to_string()),
        Just("\u{0}".to_string()),
        Just("æøå😀".to_string()),
        "[a-z0-9%.: -]{0,6}",
    ];
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (any::<usize>(), snippet).prop_map(|(at, s)| Mutation::Insert(at, s)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::ReplaceByte(at, b)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

pub(crate) fn apply(text: &[u8], m: &Mutation) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> = text.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    let n = lines.len();
    match m {
        Mutation::DeleteLine(i) => {
            lines.remove(i % n);
        }
        Mutation::DuplicateLine(i) => {
            let line = lines[i % n].clone();
            lines.insert(i % n, line);
        }
        Mutation::SwapLines(a, b) => lines.swap(a % n, b % n),
        Mutation::Insert(at, s) => {
            let mut out = text.to_vec();
            let at = at % (out.len() + 1);
            out.splice(at..at, s.bytes());
            return out;
        }
        Mutation::ReplaceByte(at, b) => {
            let mut out = text.to_vec();
            if !out.is_empty() {
                let at = at % out.len();
                out[at] = *b;
            }
            return out;
        }
        Mutation::Truncate(at) => return text[..at % (text.len() + 1)].to_vec(),
    }
    lines.join(&b'\n')
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        holds_for(&bytes)?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in "(journey|phase|step|emotion|touchpoint|kpi|[a-z]{1,8}|[ \\t:#%.0-9-]|\\n|é|😀){0,80}") {
        holds_for(text.as_bytes())?;
    }

    #[test]
    fn texts_that_look_like_yaml_stay_text(
        text in "(- |: |#|!!str |&a |\\*a|null|yes|No|~|'|\"|\\[|\\]|\\{|\\}|%|@|`|\\|[a-z]{1,4}| |0x1F|1e3|\\.inf){1,12}"
    ) {
        let map = format!("journey: {text}\nphase: {text}\n  step: {text}\n    emotion 1: {text}\n    pain: {text}\n");
        holds_for(map.as_bytes())?;
    }

    #[test]
    fn mutated_examples_never_panic(
        example in 0usize..100,
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let maps = example_maps();
        let mut text = std::fs::read(&maps[example % maps.len()]).unwrap();
        for m in &mutations {
            text = apply(&text, m);
        }
        holds_for(&text)?;
    }
}
