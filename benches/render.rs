//! The back end on generated maps, each stage from the previous stage's result made
//! once outside the measured loop: layout only, SVG only (from a prepared layout),
//! layout + SVG, and through `journeymap::render::render` (what `journeymap render` does
//! after `check`) the SVG and the HTML page (its own layout without the header, its SVG
//! and the page).
//! Run: `cargo bench --bench render`. Figures go to docs/performance.md.

use journeymap::layout::{self, Options};
use journeymap::render::{Format, RenderOptions};

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [100, 1_000, 10_000];

fn journey(steps: usize) -> (String, journeymap::model::Journey) {
    let text = journeymap::generate::map(steps);
    let compiled = journeymap::compile(text.as_bytes());
    let journey = compiled.journey.expect("generated maps are valid");
    (compiled.source, journey)
}

#[divan::bench(args = SIZES)]
fn layout_and_svg(bencher: divan::Bencher, steps: usize) {
    let (_, journey) = journey(steps);
    let options = Options::default();
    bencher.counter(divan::counter::ItemsCount::new(steps)).bench(|| {
        let laid_out = layout::layout(divan::black_box(&journey), &options);
        journeymap::render::svg::render(&laid_out, options.page)
    });
}

#[divan::bench(args = SIZES)]
fn layout_only(bencher: divan::Bencher, steps: usize) {
    let (_, journey) = journey(steps);
    let options = Options::default();
    bencher
        .counter(divan::counter::ItemsCount::new(steps))
        .bench(|| layout::layout(divan::black_box(&journey), &options));
}

#[divan::bench(args = SIZES)]
fn svg_only(bencher: divan::Bencher, steps: usize) {
    let (_, journey) = journey(steps);
    let options = Options::default();
    let laid_out = layout::layout(&journey, &options);
    bencher
        .counter(divan::counter::ItemsCount::new(steps))
        .bench(|| journeymap::render::svg::render(divan::black_box(&laid_out), options.page));
}

/// The whole HTML output from a checked map: its own layout without the header, its
/// SVG and the page, as `render --format html` does.
#[divan::bench(args = SIZES)]
fn html_page(bencher: divan::Bencher, steps: usize) {
    let (source, journey) = journey(steps);
    let options = RenderOptions { formats: vec![Format::Html], ..Default::default() };
    bencher
        .counter(divan::counter::ItemsCount::new(steps))
        .bench(|| journeymap::render::render(divan::black_box(&journey), &source, &options));
}

/// Layout and SVG through the library's entry point, as `journeymap render` draws one
/// map (the same work as `layout_and_svg`, plus copying the SVG out).
#[divan::bench(args = SIZES)]
fn render_svg(bencher: divan::Bencher, steps: usize) {
    let (source, journey) = journey(steps);
    let options = RenderOptions::default();
    bencher
        .counter(divan::counter::ItemsCount::new(steps))
        .bench(|| journeymap::render::render(divan::black_box(&journey), &source, &options));
}
