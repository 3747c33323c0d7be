//! Spreadsheet grids, in ([`import`]) and out ([`to_csv`], [`to_xlsx`]): one column per
//! step, one row per lane, as journey-map templates lay them out. The grid is described
//! in `docs/import.md` ("Spreadsheets").
//!
//! - `grid.rs`: the grid whatever its file, with each cell's place for diagnostics;
//! - `read.rs`: CSV and TSV text (decoded, separator found) and workbooks to a grid;
//! - `labels.rs`: the row labels of column A, in every label language;
//! - `build.rs`: a grid to journey source, through [`crate::import::Writer`];
//! - `cells.rs`: what one cell says (`[words] text`, `score: why`, `figures: label`);
//! - `write.rs`: a journey to the grid, as CSV or an xlsx workbook.

mod build;
mod cells;
mod grid;
mod labels;
mod read;
mod write;

use crate::import::Failure;
use crate::model::Journey;

pub use grid::{CellRef, column_name};

/// A spreadsheet's format, from its file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Tsv,
    Xlsx,
    Ods,
}

/// Imports the grid in `bytes`, a file of `format` called `name` (for diagnostics): the
/// map in canonical `fmt` form, checked, with the import's choices as comments at its
/// top; or the problems, pointing into the input.
pub fn import(name: &str, bytes: &[u8], format: Format) -> Result<String, Failure> {
    // The file's name without its directory: the map does not depend on where it was.
    let file = std::path::Path::new(name).file_name().map_or(name.into(), |f| f.to_string_lossy());
    let mut choices = vec![format!(
        "Imported from {file}, a journey-map grid: one column per step, one row per lane (journeymap import)."
    )];
    let grid = match format {
        Format::Csv | Format::Tsv => {
            let (text, encoding) = read::decode(bytes);
            if let Some(encoding) = encoding {
                choices.push(format!("The file is not UTF-8: it was read as {encoding}."));
            }
            let (delimiter, skip) = match format {
                Format::Tsv => (b'\t', 0),
                _ => read::separator(&text),
            };
            match (format, delimiter) {
                (Format::Tsv, _) | (_, b'\t') => choices.push("Read as tab-separated values.".into()),
                (_, b',') => choices.push("Read as comma-separated values.".into()),
                (_, b';') => {
                    choices.push("Read as semicolon-separated values, as Excel writes them in some languages.".into())
                }
                (_, d) => {
                    choices.push(format!("Read as values separated by `{}`, as its `sep=` line says.", d as char))
                }
            }
            read::text_grid(text, delimiter, skip)
        }
        Format::Xlsx | Format::Ods => {
            let (grid, count) = read::workbook_grid(name, bytes, format)?;
            if let grid::Origin::Sheet { name: sheet } = &grid.origin {
                if count > 1 {
                    choices.push(format!(
                        "Read the sheet `{sheet}`, the first of the workbook's {count} sheets with a phase row; the others were left out."
                    ));
                } else {
                    choices.push(format!("Read the sheet `{sheet}`."));
                }
            }
            grid
        }
    };
    build::build(&grid, choices)
}

/// The map as a CSV grid: comma-separated, UTF-8 with a byte-order mark (so that
/// spreadsheet programs read its letters right), lines ending in `\n`.
pub fn to_csv(journey: &Journey) -> String {
    write::csv(&write::grid(journey))
}

/// The map as an `.xlsx` workbook with the grid of [`to_csv`]: the same bytes for the
/// same map.
pub fn to_xlsx(journey: &Journey) -> Result<Vec<u8>, String> {
    write::xlsx(&write::grid(journey)).map_err(|e| e.to_string())
}
