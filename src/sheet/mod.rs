//! Spreadsheet grids, in ([`import`]) and out ([`to_csv`], [`to_xlsx`]): one column per
//! step, one row per lane, as journey-map templates lay them out.

use crate::import::Failure;
use crate::model::Journey;

/// A spreadsheet's format, from its file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Tsv,
    Xlsx,
    Ods,
}

/// Imports the grid in `bytes`, a file of `format` called `name` (for diagnostics).
pub fn import(name: &str, bytes: &[u8], format: Format) -> Result<String, Failure> {
    let _ = (name, bytes, format);
    Err(crate::import::Failure::one(
        "",
        crate::import::problem(
            crate::diag::Code::ImportUnreadable,
            crate::Span::new(0, 0),
            "spreadsheet import is not built yet",
            "see issue 15",
        ),
    ))
}

/// The map as a CSV grid.
pub fn to_csv(journey: &Journey) -> String {
    let _ = journey;
    String::new()
}

/// The map as an `.xlsx` workbook with the grid of [`to_csv`].
pub fn to_xlsx(journey: &Journey) -> Result<Vec<u8>, String> {
    let _ = journey;
    Err("xlsx export is not built yet".into())
}
