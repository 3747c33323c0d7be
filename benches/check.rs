//! Parse + validate (everything `check` does in-process) on generated maps.
//! Run: `cargo bench --bench check`. Figures go to docs/performance.md.

fn main() {
    divan::main();
}

#[divan::bench(args = [100, 1_000, 10_000])]
fn check(bencher: divan::Bencher, steps: usize) {
    let text = journeymap::generate::map(steps);
    bencher
        .counter(divan::counter::ItemsCount::new(steps))
        .bench(|| journeymap::compile(divan::black_box(text.as_bytes())));
}

#[divan::bench(args = [100, 1_000, 10_000])]
fn parse_only(bencher: divan::Bencher, steps: usize) {
    let text = journeymap::generate::map(steps);
    bencher.counter(divan::counter::ItemsCount::new(steps)).bench(|| {
        let mut diags = journeymap::diag::Diags::default();
        journeymap::syntax::parse(divan::black_box(&text), &mut diags)
    });
}
