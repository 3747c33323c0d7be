//! Prints a generated map: `cargo run --release --example generate -- 10000 > big.journey`.
//! Used by scripts/bench.sh for whole-process timings.

fn main() {
    let steps = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100);
    print!("{}", journeymap::generate::map(steps));
}
