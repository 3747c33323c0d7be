//! The project file (`journeymap.yaml`) that applies to a map: found by walking up from
//! the map's directory, read, parsed by `journeymap::config`, its problems shown.
//!
//! Every command that reads a map reads it through the [`Project`] that applies to it
//! ([`Projects::for_source`], or [`for_source`] for one map): [`Project::compile`]
//! (`check`, `render`, `watch`, `export`, `report`, `diff`) or [`Project::format`]
//! (`fmt`) apply its limits, then its lint levels, so that every command accepts and
//! refuses the same maps. `render` then takes `Project::render_defaults()` for formats,
//! page, out-dir and scale, and `project.config.theme`. Flags win over the file, the
//! file over the built-in defaults.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use journeymap::config::{self, Config, RenderDefaults};
use journeymap::diag::Diag;
use journeymap::format::{self, Formatted, Refusal};

use super::input::Source;
use super::{Outcome, output};

/// The settings that apply to a map.
#[derive(Clone, Debug, Default)]
pub struct Project {
    /// The project file, or `None` when there is none (nothing is set).
    pub path: Option<PathBuf>,
    pub config: Config,
    /// The fonts of `fonts:`, loaded with the embedded ones; `None`: the embedded ones.
    pub fonts: Option<std::sync::Arc<journeymap::text::Fonts>>,
}

impl Project {
    /// The fonts maps are measured and drawn with.
    pub fn fonts(&self) -> std::sync::Arc<journeymap::text::Fonts> {
        self.fonts.clone().unwrap_or_else(journeymap::text::Fonts::builtin)
    }

    /// The render settings, `out-dir` resolved against the project file's directory.
    pub fn render_defaults(&self) -> RenderDefaults {
        match self.path.as_deref().and_then(Path::parent) {
            Some(dir) => self.config.render_defaults(dir),
            None => RenderDefaults::default(),
        }
    }
}

impl Project {
    /// Reads and compiles a map under this project: its limits, then its lint levels.
    /// Returns the name to show with the diagnostics, and the result.
    pub fn compile(&self, source: &Source) -> Result<(String, journeymap::Compiled), String> {
        let limits = &self.config.limits;
        let input = super::input::read(source, limits.max_bytes)?;
        let mut compiled = journeymap::compile_with_fonts(&input.bytes, limits, &self.fonts());
        self.config.lints.apply(&mut compiled.diags);
        Ok((input.name, compiled))
    }

    /// [`Project::compile`], with the map's KPIs filled in from the data file that
    /// applies: `flag` (`--data`), else the project file's `data:`.
    pub fn compile_with_data(
        &self,
        source: &Source,
        flag: Option<&Path>,
    ) -> Result<(String, journeymap::Compiled, Option<super::data::Use>), String> {
        let (name, mut compiled) = self.compile(source)?;
        let data = match flag.map(Path::to_path_buf).or_else(|| self.data_file()) {
            Some(path) => Some(super::data::apply(&path, &mut compiled, &self.config.lints)?),
            None => None,
        };
        Ok((name, compiled, data))
    }

    /// The project file's `data:`, resolved against its directory.
    pub fn data_file(&self) -> Option<PathBuf> {
        let (path, _) = self.config.data.as_ref()?;
        let dir = self.path.as_deref().and_then(Path::parent).unwrap_or(Path::new("."));
        Some(dir.join(path))
    }

    /// Reads and formats a map under this project: its limits, then its lint levels (a
    /// map with a denied warning has errors, and is left as it is). Returns the map as
    /// read, and the result.
    pub fn format(&self, source: &Source) -> Result<(super::input::Input, Formatted), String> {
        let input = super::input::read(source, self.config.limits.max_bytes)?;
        let mut formatted = format::format_with(&input.bytes, &self.config.limits);
        self.config.lints.apply(&mut formatted.compiled.diags);
        if formatted.compiled.has_errors() {
            formatted.result = Err(Refusal::Errors);
        }
        Ok((input, formatted))
    }

    /// Where a map's outputs go (without extension) when the project file sets an
    /// `out-dir`: at the map's path relative to the project file's directory, so the
    /// project's tree is mirrored; a map outside that directory goes to the top.
    pub fn out_base(&self, map: &Path) -> Option<PathBuf> {
        let out_dir = self.render_defaults().out_dir?;
        let root = self.path.as_deref()?.parent()?;
        let map = map.canonicalize().unwrap_or_else(|_| map.to_path_buf());
        let relative = match map.strip_prefix(root) {
            Ok(relative) => relative.to_path_buf(),
            Err(_) => PathBuf::from(map.file_name()?),
        };
        Some(out_dir.join(relative).with_extension(""))
    }
}

/// Why a map has no settings: its project file could not be read, or has errors.
pub enum Failure {
    Unreadable(String),
    Invalid {
        name: String,
        text: String,
        diags: Vec<Diag>,
    },
    /// The same file's problems were returned for an earlier map.
    Reported,
}

impl Failure {
    /// Prints the problems for people, on standard error.
    pub fn eprint(&self) {
        match self {
            Failure::Unreadable(message) => output::eprint_error(message),
            Failure::Invalid { name, text, diags } => output::eprint_diags(name, text, diags),
            Failure::Reported => {}
        }
    }
}

/// The project file for a map: the first `journeymap.yaml` in the map's directory
/// (symbolic links resolved) or any directory above it; for standard input, from the
/// current directory up.
pub fn find(source: &Source) -> Option<PathBuf> {
    let start = match source {
        Source::File(path) => {
            // A map that does not exist (git's path of a deleted one) is looked up from
            // where it would be.
            let path = path.canonicalize().or_else(|_| std::path::absolute(path)).unwrap_or_else(|_| path.clone());
            path.parent()?.to_path_buf()
        }
        Source::Stdin => std::env::current_dir().ok()?,
    };
    start.ancestors().map(|dir| dir.join(config::FILE_NAME)).find(|p| p.is_file())
}

/// Project files read once each, however many maps share them.
#[derive(Default)]
pub struct Projects {
    read: BTreeMap<PathBuf, Option<Project>>,
}

impl Projects {
    /// The settings for a map; a broken project file's problems are returned the first
    /// time only.
    pub fn for_source(&mut self, source: &Source) -> Result<Project, Failure> {
        let Some(path) = find(source) else { return Ok(Project::default()) };
        if let Some(read) = self.read.get(&path) {
            return read.clone().ok_or(Failure::Reported);
        }
        let result = load(&path);
        self.read.insert(path.clone(), result.as_ref().ok().cloned());
        result
    }
}

/// The settings for one map; a broken project file is printed and is a usage error.
pub fn for_source(source: &Source) -> Result<Project, Outcome> {
    Projects::default().for_source(source).map_err(|failure| {
        failure.eprint();
        Outcome::Usage
    })
}

/// Reads a project file and the font files it names.
pub fn load(path: &Path) -> Result<Project, Failure> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| Failure::Unreadable(format!("cannot read `{name}`: {e}")))?;
    let (config, diags) = config::parse(&text);
    if !diags.is_empty() {
        return Err(Failure::Invalid { name, text, diags });
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let fonts = match config::load_fonts(&config, dir) {
        Ok(fonts) => fonts.map(std::sync::Arc::new),
        Err(diag) => return Err(Failure::Invalid { name, text, diags: vec![*diag] }),
    };
    Ok(Project { path: Some(path.to_path_buf()), config, fonts })
}
