//! Writing outputs and showing diagnostics.

use std::io::{IsTerminal, Write};
use std::path::Path;

use journeymap::diag::Diag;
use journeymap::diag::render::{self, Style};

/// Writes `contents` to `path` atomically: a temporary file in the same directory,
/// renamed over the target, so a reader never sees a half-written file and a failed
/// write leaves the old file as it was.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), String> {
    write(path, contents, false)
}

/// [`write_atomic`] for a file that must not exist yet: fails, leaving it alone, if it
/// appears meanwhile.
pub fn write_new(path: &Path, contents: &[u8]) -> Result<(), String> {
    write(path, contents, true)
}

fn write(path: &Path, contents: &[u8], new: bool) -> Result<(), String> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(format!("cannot write `{}`: there is no directory `{}`", path.display(), dir.display()));
    }
    // tempfile names its temporary file in its errors ("… at path /x/.journeymap-AbC"):
    // the user named the output, so the message names that alone.
    let fail = |e: std::io::Error| {
        let message = e.to_string();
        let message = message.split(" at path ").next().unwrap_or(&message).to_string();
        format!("cannot write `{}`: {message}", path.display())
    };
    let mut tmp = tempfile::Builder::new().prefix(".journeymap-").tempfile_in(dir).map_err(fail)?;
    tmp.write_all(contents).map_err(fail)?;
    // A temporary file is private (0600); the output gets the permissions of the file
    // it replaces, or the usual 0644.
    if let Some(permissions) = std::fs::metadata(path).ok().map(|m| m.permissions()).or_else(default_permissions) {
        tmp.as_file().set_permissions(permissions).map_err(fail)?;
    }
    tmp.as_file().sync_all().map_err(fail)?;
    if new {
        tmp.persist_noclobber(path).map_err(|e| fail(e.error))?;
    } else {
        tmp.persist(path).map_err(|e| fail(e.error))?;
    }
    Ok(())
}

#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

/// The style of diagnostics on standard error: colour only on a terminal and only
/// without `NO_COLOR`.
pub fn stderr_style() -> Style {
    let terminal = std::io::stderr().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    Style { color: terminal && !no_color, unicode: true, width: 100 }
}

/// Prints one file's diagnostics for people, on standard error.
pub fn eprint_diags(file: &str, source: &str, diags: &[Diag]) {
    if diags.is_empty() {
        return;
    }
    let text = render::human(file, source, diags, stderr_style());
    let _ = std::io::stderr().write_all(text.as_bytes());
}

/// Writes an output to `path` atomically, or to standard output for `None`.
pub fn emit(path: Option<&Path>, contents: &[u8]) -> super::Outcome {
    let written = match path {
        Some(path) => write_atomic(path, contents),
        None => std::io::stdout().write_all(contents).map_err(|e| format!("cannot write to standard output: {e}")),
    };
    match written {
        Ok(()) => super::Outcome::Clean,
        Err(e) => {
            eprint_error(&e);
            super::Outcome::Usage
        }
    }
}

/// Prints an error that is not about a map's content (usage, IO).
pub fn eprint_error(message: &str) {
    let _ = writeln!(std::io::stderr(), "error: {message}");
}
