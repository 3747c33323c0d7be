//! The back end on generated maps, each stage from the previous stage's result made
//! once outside the measured loop: layout only, SVG only (from a prepared layout),
//! layout + SVG, and through `journeymap::render::render` (what `journeymap render` does
//! after `check`) the SVG and the HTML page (its own layout without the header, its SVG
//! and the page), and the impact/effort matrix of a map with scored opportunities.
//! Run: `cargo bench --bench render`. Figures go to docs/performance.md.

use journeymap::layout::{self, Options};
use journeymap::render::{Format, RenderOptions};

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [100, 1_000, 10_000];

fn journey(steps: usize) -> (String, journeymap::model::Journey) {
    compiled(&journeymap::generate::map(steps))
}

/// A map's checked source and model; the generated maps are all valid.
fn compiled(text: &str) -> (String, journeymap::model::Journey) {
    let compiled = journeymap::compile(text.as_bytes());
    (compiled.source, compiled.journey.expect("generated maps are valid"))
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

/// The generated map with need statuses and scores (version 1): every opportunity
/// scored impact 1..5 and effort 1..5 in turn, every emotional need unmet.
fn scored_journey(steps: usize) -> (String, journeymap::model::Journey) {
    let mut n = 0;
    let text: String = journeymap::generate::map(steps)
        .lines()
        .map(|line| {
            let line = if let Some(rest) = line.strip_prefix("    opportunity:") {
                n += 1;
                format!("    opportunity impact {} effort {}:{rest}", n % 5 + 1, n * 3 % 5 + 1)
            } else {
                line.replacen("need emotional:", "need emotional unmet:", 1)
            };
            line + "\n"
        })
        .collect();
    compiled(&text)
}

/// `render --view opportunities --format svg`: the derived ranking drawn as the
/// impact/effort matrix, from a checked map (an eighth of the steps have an opportunity).
#[divan::bench(args = [100, 1_000])]
fn matrix_svg(bencher: divan::Bencher, steps: usize) {
    let (source, journey) = scored_journey(steps);
    let options = RenderOptions {
        layout: Options { view: Some(journeymap::lanes::View::Opportunities), ..Default::default() },
        ..Default::default()
    };
    let drawn = journeymap::render::render(&journey, &source, &options);
    assert!(drawn.outputs.iter().all(|o| o.result.is_ok()), "the matrix is drawn");
    bencher
        .counter(divan::counter::ItemsCount::new(journey.derived.ranked_opportunities.len()))
        .bench(|| journeymap::render::render(divan::black_box(&journey), &source, &options));
}
