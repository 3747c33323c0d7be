//! The front end on generated maps: parse only, lowering and validation only (from a
//! prepared syntax tree), and both (everything `check` does in-process).
//! Run: `cargo bench --bench check`. Figures go to docs/performance.md.

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [100, 1_000, 10_000];

#[divan::bench(args = SIZES)]
fn check(bencher: divan::Bencher, steps: usize) {
    let text = journeymap::generate::map(steps);
    bencher
        .counter(divan::counter::ItemsCount::new(steps))
        .bench(|| journeymap::compile(divan::black_box(text.as_bytes())));
}

#[divan::bench(args = SIZES)]
fn parse_only(bencher: divan::Bencher, steps: usize) {
    let text = journeymap::generate::map(steps);
    bencher.counter(divan::counter::ItemsCount::new(steps)).bench(|| {
        let mut diags = journeymap::diag::Diags::default();
        journeymap::syntax::parse(divan::black_box(&text), &mut diags)
    });
}

/// Lowering and validation alone: the syntax tree is parsed once, outside the loop.
#[divan::bench(args = SIZES)]
fn validate_only(bencher: divan::Bencher, steps: usize) {
    let text = journeymap::generate::map(steps);
    let mut diags = journeymap::diag::Diags::default();
    let file = journeymap::syntax::parse(&text, &mut diags);
    bencher.counter(divan::counter::ItemsCount::new(steps)).bench(|| {
        let mut diags = journeymap::diag::Diags::default();
        journeymap::model::lower(&text, divan::black_box(&file), &mut diags)
    });
}

/// The same maps with research behind them (version 1): sources, and citations on every
/// emotion, quote, pain and delight (`journeymap::generate::cited_map`).
#[divan::bench(args = SIZES)]
fn check_cited(bencher: divan::Bencher, steps: usize) {
    let text = journeymap::generate::cited_map(steps);
    bencher
        .counter(divan::counter::ItemsCount::new(steps))
        .bench(|| journeymap::compile(divan::black_box(text.as_bytes())));
}
