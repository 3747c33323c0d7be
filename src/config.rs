//! The project file, `journeymap.yaml`: a team's defaults for rendering, persona colours
//! and the level of each warning, so that a repository's maps render and check the same
//! everywhere. This module reads its text into a [`Config`] and reports every problem
//! as a [`Diag`] with a span in the YAML; finding and reading the file is the CLI's
//! work (`src/cli/project.rs`). The schema is documented in `docs/config.md`.

mod raw;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::{Code, Diag, Severity};
use crate::lanes::View;
use crate::layout::{Page, Theme};
use crate::render::Format;

/// The name of the project file, looked for in the map's directory and then in each
/// directory above it.
pub const FILE_NAME: &str = "journeymap.yaml";

/// A project file's settings; the default is an empty file (nothing set).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    pub render: Render,
    /// Persona colours by persona id.
    pub theme: Theme,
    pub lints: Lints,
    /// `limits:`, with the built-in limits where the file says nothing.
    pub limits: crate::Options,
    /// `fonts:`, font files as written (relative to the project file's directory), with
    /// where each is written.
    pub fonts: Vec<(PathBuf, crate::span::Span)>,
    /// `data:`, the KPI data file as written (relative to the project file's directory).
    pub data: Option<(PathBuf, crate::span::Span)>,
}

/// `render:` as written: `None` where the file says nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Render {
    pub formats: Option<Vec<Format>>,
    pub page: Option<Page>,
    /// As written: relative to the directory holding the project file.
    pub out_dir: Option<PathBuf>,
    /// PNG pixels per SVG unit, above 0 and at most [`crate::render::MAX_SCALE`].
    pub scale: Option<f32>,
    /// The view of maps that have no `view` of their own.
    pub view: Option<View>,
}

/// What `journeymap render` takes from the project file, with `out_dir` resolved
/// against the project file's directory. `None` where the file says nothing: the
/// caller falls back to its built-in default. Command-line flags win over all of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RenderDefaults {
    pub formats: Option<Vec<Format>>,
    pub page: Option<Page>,
    pub out_dir: Option<PathBuf>,
    pub scale: Option<f32>,
    pub view: Option<View>,
}

impl Config {
    /// The render settings, for a project file in `dir` (an out-dir is relative to it).
    pub fn render_defaults(&self, dir: &Path) -> RenderDefaults {
        let r = &self.render;
        RenderDefaults {
            formats: r.formats.clone(),
            page: r.page,
            out_dir: r.out_dir.as_ref().map(|d| dir.join(d)),
            scale: r.scale,
            view: r.view,
        }
    }
}

/// The fonts of `fonts:` (paths relative to `dir`) in front of the embedded ones;
/// `None` when the file names none. A file that cannot be read, or is not a font
/// journeymap can draw with, is a J0611 at its entry (boxed: the error is rare, the
/// result returned by value).
pub fn load_fonts(config: &Config, dir: &Path) -> Result<Option<crate::text::Fonts>, Box<Diag>> {
    if config.fonts.is_empty() {
        return Ok(None);
    }
    let bad = |path: &Path, span: crate::span::Span, why: String| {
        Box::new(Diag::new(
            Code::ConfigBadFont,
            span,
            format!("cannot use the font file `{}`: {why}", path.display()),
            "name a TrueType or OpenType font file (.ttf, .otf), relative to the project file's directory",
        ))
    };
    let mut files = Vec::new();
    for (path, span) in &config.fonts {
        let data = std::fs::read(dir.join(path)).map_err(|e| bad(path, *span, e.to_string()))?;
        files.push(crate::text::FontFile { path: path.clone(), data });
    }
    crate::text::Fonts::with_files(&files).map(Some).map_err(|(path, why)| {
        let span = config.fonts.iter().find(|(p, _)| *p == path).map_or(config.fonts[0].1, |f| f.1);
        bad(&path, span, why)
    })
}

/// How a warning is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// Not reported.
    Allow,
    /// Reported as a warning (the default).
    Warn,
    /// Reported as an error: the map fails `check` and is not rendered or exported.
    Deny,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Allow, Level::Warn, Level::Deny];

    pub fn name(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }
}

/// The level of each warning; only warnings have one (an error stays an error).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lints {
    levels: BTreeMap<Code, Level>,
}

impl Lints {
    /// Sets the level of a warning; `false` (and nothing set) for a code that is not one.
    pub fn set(&mut self, code: Code, level: Level) -> bool {
        let warning = code.info().severity == Severity::Warning;
        if warning {
            self.levels.insert(code, level);
        }
        warning
    }

    pub fn level(&self, code: Code) -> Level {
        self.levels.get(&code).copied().unwrap_or(Level::Warn)
    }

    /// Applies the levels to one file's diagnostics: allowed warnings are dropped,
    /// denied ones become errors. Errors are left as they are.
    pub fn apply(&self, diags: &mut Vec<Diag>) {
        diags.retain(|d| d.is_error() || self.level(d.code) != Level::Allow);
        for d in diags.iter_mut().filter(|d| d.severity == Severity::Warning) {
            if self.level(d.code) == Level::Deny {
                d.severity = Severity::Error;
            }
        }
    }
}

/// Reads a project file's text: the settings it could read, and every problem found,
/// in source order. An empty file (or one of comments only) is an empty config. Never
/// panics, whatever the text.
pub fn parse(text: &str) -> (Config, Vec<Diag>) {
    let (config, mut diags) = raw::parse(text);
    crate::diag::sort_in_source_order(&mut diags);
    (config, diags)
}

#[cfg(test)]
mod tests;
