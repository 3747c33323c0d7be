//! The back end on generated maps, each stage from the previous stage's result made
//! once outside the measured loop: layout only, SVG only (from a prepared layout),
//! layout + SVG (what `render` does after `check`), and the HTML page (its own layout
//! without the header, its SVG and the page, as `render --format html` does).
//! Run: `cargo bench --bench render`. Figures go to docs/performance.md.

use journeymap::layout::{self, Options, Page};

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

/// The whole HTML output from a checked map: layout without the header, SVG, page.
#[divan::bench(args = SIZES)]
fn html_page(bencher: divan::Bencher, steps: usize) {
    let (source, journey) = journey(steps);
    let page = Page::Auto;
    let options = Options { page, no_header: true, ..Default::default() };
    bencher.counter(divan::counter::ItemsCount::new(steps)).bench(|| {
        let bare = layout::layout(divan::black_box(&journey), &options);
        let svg = journeymap::render::svg::render(&bare, page);
        journeymap::render::html::html(&journey, &source, &bare, &svg, page)
    });
}

/// The HTML page alone, from a prepared layout and SVG.
#[divan::bench(args = SIZES)]
fn html_only(bencher: divan::Bencher, steps: usize) {
    let (source, journey) = journey(steps);
    let page = Page::Auto;
    let bare = layout::layout(&journey, &Options { page, no_header: true, ..Default::default() });
    let svg = journeymap::render::svg::render(&bare, page);
    bencher
        .counter(divan::counter::ItemsCount::new(steps))
        .bench(|| journeymap::render::html::html(divan::black_box(&journey), &source, &bare, &svg, page));
}
