//! Prints a generated map: `cargo run --release --example generate -- 10000 > big.journey`.
//! Used by scripts/bench.sh for whole-process timings.
//!
//! With `--dictionary` it prints the language's vocabulary as libFuzzer dictionary
//! entries instead (for scripts/fuzz-seeds.sh): every keyword as it starts a statement,
//! the flag words, and the names of lanes, views and label languages, all from the
//! keyword list and the lane table, so that a new lane reaches the fuzzers by itself.
//!
//! With `--cited` it prints `generate::cited_map` instead: the same map with sources and
//! citations (version 1).
//!
//! With `--mermaid` it prints the same map as a Mermaid `journey` diagram instead, for
//! scripts/compare-mermaid.sh: the same title, a section per phase and a task per step.
//! A Mermaid task has one score (1..5) and a list of actors, so a step's task gets the
//! mean of its personas' scores, mapped from the map's scale onto 1..5, and the
//! personas that feel something on it as actors.

use std::fmt::Write as _;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--dictionary") {
        print!("{}", dictionary());
        return;
    }
    let steps = args.iter().find_map(|a| a.parse().ok()).unwrap_or(100);
    let map = match args.iter().any(|a| a == "--cited") {
        true => journeymap::generate::cited_map(steps),
        false => journeymap::generate::map(steps),
    };
    if args.iter().any(|a| a == "--mermaid") {
        print!("{}", mermaid(&map));
    } else {
        print!("{map}");
    }
}

fn dictionary() -> String {
    use journeymap::lanes::{LaneKind, View};
    use journeymap::model::Lang;
    use journeymap::syntax::ast::{FlagKind, Keyword};
    let mut words: Vec<String> = Vec::new();
    for keyword in Keyword::all() {
        let k = keyword.as_str();
        words.extend([format!("{k}:"), format!("{k} ")]);
    }
    words.extend(FlagKind::ALL.iter().map(|f| f.as_str().to_string()));
    words.extend(LaneKind::all().map(|l| l.name().to_string()));
    words.extend(View::ALL.iter().map(|v| v.name().to_string()));
    words.extend(Lang::ALL.iter().map(|l| l.code().to_string()));
    words.sort();
    words.dedup();
    words.into_iter().map(|w| format!("\"{w}\"\n")).collect()
}

/// Mermaid's journey syntax gives `:` and `;` meaning, and `#` starts an entity.
fn plain(text: &str) -> String {
    text.replace([':', ';', '#'], " ")
}

fn mermaid(map: &str) -> String {
    let journey = journeymap::compile(map.as_bytes()).journey.expect("generated maps are valid");
    let (min, max) = (journey.scale.min().get() as f64, journey.scale.max().get() as f64);
    let mut out = format!("journey\n  title {}\n", plain(&journey.title.value));
    for phase in &journey.phases {
        let _ = writeln!(out, "  section {}", plain(&phase.name.value));
        for step in &phase.steps {
            let scores: Vec<f64> = step.emotions.iter().map(|e| e.score.get() as f64).collect();
            let mean =
                if scores.is_empty() { (min + max) / 2.0 } else { scores.iter().sum::<f64>() / scores.len() as f64 };
            let score = (1.0 + (mean - min) * 4.0 / (max - min)).round() as i64;
            let mut actors: Vec<&str> = Vec::new();
            for e in &step.emotions {
                let ids: Vec<_> = match e.persona {
                    Some(p) => vec![p],
                    None => journey.persona_ids().collect(),
                };
                for id in ids {
                    let name = journey.persona(id).id.as_str();
                    if !actors.contains(&name) {
                        actors.push(name);
                    }
                }
            }
            let _ = writeln!(out, "    {}: {score}: {}", plain(&step.action.value), actors.join(", "));
        }
    }
    out
}
