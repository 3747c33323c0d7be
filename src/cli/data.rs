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
    /// The map has errors: its KPIs were not filled, their ids not seen.
    broken: bool,
    lints: Lints,
}

/// Reads the data file at `path` and fills in the KPIs of `compiled`'s map from it.
pub fn apply(path: &Path, compiled: &mut journeymap::Compiled, lints: &Lints) -> Result<Use, String> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read the KPI data file `{name}`: {e}"))?;
    let (text, data, read) = journeymap::data::read_bytes(&bytes);
    // One file reached by two paths (`../kpis.csv` from two projects) is one file.
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let broken = compiled.journey.is_none();
    let (used, mismatched) = match compiled.journey.as_mut() {
        Some(journey) => data.apply(journey),
        None => Default::default(),
    };
    Ok(Use { path, name, text, data, read, used, mismatched, broken, lints: lints.clone() })
}

impl Use {
    /// Whether the map cannot be drawn with this data: the file, or a row this map
    /// uses, has an error (at the project's lint levels, a denied warning too).
    pub fn has_errors(&self) -> bool {
        let mut diags: Vec<Diag> = self.read.iter().chain(&self.mismatched).cloned().collect();
        self.lints.apply(&mut diags);
        diags.iter().any(Diag::is_error)
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
    /// Some map of the run was not read (skipped as up to date, or with errors): an id
    /// none of the others has may be its, so none is called unknown.
    partial: bool,
}

impl Collected {
    /// Marks the run as one that did not read every map.
    pub fn partial(&mut self) {
        self.partial = true;
    }

    pub fn add(&mut self, u: Use) {
        // A map with errors has no KPIs to fill: its ids are not known.
        self.partial |= u.broken;
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
        let partial = self.partial;
        self.files
            .into_values()
            .map(|u| {
                let mut diags = u.read;
                diags.extend(u.mismatched);
                if !partial {
                    diags.extend(u.data.unknown(&u.used));
                }
                diags.sort_by_key(|d| d.primary.span.start);
                u.lints.apply(&mut diags);
                (u.name, u.text, diags)
            })
            .collect()
    }
}
