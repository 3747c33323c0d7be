//! The test suite: one harness, data-driven; fixtures and snapshots live under `tests/`.

mod browser;
mod check;
mod cli;
mod common;
mod diff;
mod layout;
mod model;
mod props;
mod render;
mod report;
