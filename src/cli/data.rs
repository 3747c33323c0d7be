//! `--data FILE.csv` and `data:`: the KPI data file read, applied to each map of a run
//! ([`apply`]), and its diagnostics collected over the run ([`Collected`]): a KPI id in
//! the data is unknown only when no map of the run has it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use journeymap::config::Lints;
use journeymap::data::Data;
use journeymap::diag::Diag;

/// One map's use of a data file.
pub struct Use {
    path: PathBuf,
    /// The name shown with the diagnostics.
    pub name: String,
    pub text: String,
    data: Data,
    /// The diagnostics of reading the file.
    read: Vec<Diag>,
    /// The ids the map's KPIs took from the data.
    used: BTreeSet<String>,
    /// Rows in a unit unlike their KPI's in this map.
    mismatched: Vec<Diag>,
    lints: Lints,
}

/// Reads the data file at `path` and fills in the KPIs of `compiled`'s map from it.
pub fn apply(path: &Path, compiled: &mut journeymap::Compiled, lints: &Lints) -> Result<Use, String> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read the KPI data file `{name}`: {e}"))?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    let (data, read) = journeymap::data::read(&text);
    let (used, mismatched) = match compiled.journey.as_mut() {
        Some(journey) => data.apply(journey),
        None => Default::default(),
    };
    Ok(Use { path: path.to_path_buf(), name, text, data, read, used, mismatched, lints: lints.clone() })
}

impl Use {
    /// Whether the map cannot be drawn with this data: the file, or a row this map
    /// uses, has an error.
    pub fn has_errors(&self) -> bool {
        self.read.iter().chain(&self.mismatched).any(Diag::is_error)
    }

    /// This use's diagnostics alone (for a command that reads one map).
    pub fn diags(self) -> (String, String, Vec<Diag>) {
        let mut collected = Collected::default();
        collected.add(self);
        collected.reports().pop().unwrap_or_default()
    }
}

/// The data files of a run and what its maps took from them.
#[derive(Default)]
pub struct Collected {
    files: BTreeMap<PathBuf, Use>,
}

impl Collected {
    pub fn add(&mut self, u: Use) {
        match self.files.get_mut(&u.path) {
            None => {
                self.files.insert(u.path.clone(), u);
            }
            Some(seen) => {
                seen.used.extend(u.used);
                for d in u.mismatched {
                    if !seen.mismatched.iter().any(|m| m.primary.span == d.primary.span) {
                        seen.mismatched.push(d);
                    }
                }
            }
        }
    }

    /// Each data file's name, text and diagnostics (in file order, lint levels applied).
    pub fn reports(self) -> Vec<(String, String, Vec<Diag>)> {
        self.files
            .into_values()
            .map(|u| {
                let mut diags = u.read;
                diags.extend(u.mismatched);
                diags.extend(u.data.unknown(&u.used));
                diags.sort_by_key(|d| d.primary.span.start);
                u.lints.apply(&mut diags);
                (u.name, u.text, diags)
            })
            .collect()
    }
}
