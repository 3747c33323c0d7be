//! Import and the spreadsheet and Mermaid exports on generated maps: a map exported as
//! CSV, xlsx or Mermaid, and those read back (`journeymap import`).
//! Run: `cargo bench --bench import`. Figures go to docs/performance.md.

use journeymap::sheet::{self, Format};

fn main() {
    divan::main();
}

const SIZES: [usize; 2] = [100, 1_000];

fn journey(steps: usize) -> journeymap::model::Journey {
    journeymap::compile(journeymap::generate::map(steps).as_bytes()).journey.expect("a generated map is valid")
}

#[divan::bench(args = SIZES)]
fn export_csv(bencher: divan::Bencher, steps: usize) {
    let journey = journey(steps);
    bencher.counter(divan::counter::ItemsCount::new(steps)).bench(|| sheet::to_csv(divan::black_box(&journey)));
}

#[divan::bench(args = SIZES)]
fn export_xlsx(bencher: divan::Bencher, steps: usize) {
    let journey = journey(steps);
    bencher.counter(divan::counter::ItemsCount::new(steps)).bench(|| sheet::to_xlsx(divan::black_box(&journey)));
}

#[divan::bench(args = SIZES)]
fn import_csv(bencher: divan::Bencher, steps: usize) {
    let csv = sheet::to_csv(&journey(steps));
    bencher
        .counter(divan::counter::ItemsCount::new(steps))
        .bench(|| sheet::import("map.csv", divan::black_box(csv.as_bytes()), Format::Csv).expect("it imports"));
}

#[divan::bench(args = SIZES)]
fn import_xlsx(bencher: divan::Bencher, steps: usize) {
    let xlsx = sheet::to_xlsx(&journey(steps)).expect("a workbook");
    bencher
        .counter(divan::counter::ItemsCount::new(steps))
        .bench(|| sheet::import("map.xlsx", divan::black_box(&xlsx), Format::Xlsx).expect("it imports"));
}

#[divan::bench(args = SIZES)]
fn import_mermaid(bencher: divan::Bencher, steps: usize) {
    let mmd = journeymap::mermaid::export(&journey(steps));
    bencher
        .counter(divan::counter::ItemsCount::new(steps))
        .bench(|| journeymap::mermaid::import(divan::black_box(&mmd), false).expect("it imports"));
}
