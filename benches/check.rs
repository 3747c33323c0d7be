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

/// A KPI data file (`--data`) read: `rows` rows over `rows / 12` ids, a month each.
#[divan::bench(args = [1_200, 12_000, 120_000])]
fn data_read(bencher: divan::Bencher, rows: usize) {
    let mut csv = String::from("kpi,value,target,date,source\n");
    for i in 0..rows {
        let (id, month) = (i / 12, i % 12 + 1);
        csv.push_str(&format!("kpi{id},{}%,40%,2026-{month:02}-01,Web analytics\n", (i * 7) % 100));
    }
    bencher.counter(divan::counter::ItemsCount::new(rows)).bench(|| journeymap::data::read(divan::black_box(&csv)));
}
