//! The test suite: one harness, data-driven; fixtures and snapshots live under `tests/`.

mod baseline;
mod batch;
mod blueprint;
mod browser;
mod check;
mod cli;
mod common;
mod config;
mod data;
mod diff;
mod doors;
mod export;
mod fmt;
mod kill;
mod layout;
mod lsp;
mod mermaid;
mod model;
mod preview;
mod props;
mod render;
mod report;
mod sheet;
mod sources;
mod sources_drawn;
mod watch;
