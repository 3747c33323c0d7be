//! Layout + SVG (what `render` does after `check`) on generated maps.
//! Run: `cargo bench --bench render`. Figures go to docs/performance.md.

fn main() {
    divan::main();
}

#[divan::bench(args = [100, 1_000, 10_000])]
fn layout_and_svg(bencher: divan::Bencher, steps: usize) {
    let text = journeymap::generate::map(steps);
    let journey = journeymap::compile(text.as_bytes()).journey.expect("generated maps are valid");
    let options = journeymap::layout::Options::default();
    bencher.counter(divan::counter::ItemsCount::new(steps)).bench(|| {
        let laid_out = journeymap::layout::layout(divan::black_box(&journey), &options);
        journeymap::render::svg::render(&laid_out, options.page)
    });
}
