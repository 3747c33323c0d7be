//! The project file as YAML: serde-saphyr reads it into structs that keep each
//! value's place, then every value is checked on its own, so that all bad values are
//! reported at once. The file's shape (unknown keys, a list where a name belongs) is
//! serde's to check, and it stops at the first such problem.

use std::collections::HashMap;
use std::path::PathBuf;

use serde::Deserialize;
use serde_saphyr::{Location, Spanned};

use super::{Config, Level};
use crate::Span;
use crate::diag::{Code, Diag, Severity};
use crate::lanes::View;
use crate::layout::{Color, Page};
use crate::model::suggest;
use crate::render::{Format, MAX_SCALE, valid_scale};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    render: Option<RawRender>,
    theme: Option<RawTheme>,
    lints: Option<HashMap<Spanned<String>, Spanned<String>>>,
    limits: Option<RawLimits>,
    fonts: Option<Spanned<Vec<Spanned<String>>>>,
    data: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLimits {
    /// In megabytes (MiB).
    max_file_size: Option<Spanned<u64>>,
    max_line_length: Option<Spanned<u64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRender {
    formats: Option<Spanned<Vec<Spanned<String>>>>,
    page: Option<Spanned<String>>,
    out_dir: Option<Spanned<String>>,
    scale: Option<Spanned<f64>>,
    view: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    personas: Option<HashMap<Spanned<String>, Spanned<String>>>,
}

const PAGES: [(&str, Page); 3] = [("auto", Page::Auto), ("a4", Page::A4), ("a3", Page::A3)];
const VIEWS: [(&str, View); 3] =
    [("journey", View::Journey), ("blueprint", View::Blueprint), ("opportunities", View::Opportunities)];

pub(super) fn parse(text: &str) -> (Config, Vec<Diag>) {
    // serde-saphyr is a dependency: should it panic on some input, the file is
    // reported as unreadable rather than the run lost in a crash.
    let parsed = std::panic::catch_unwind(|| {
        let options = serde_saphyr::options! { with_snippet: false };
        serde_saphyr::from_str_with_options::<Option<RawConfig>>(text, options)
    });
    let mut read = Read { text, diags: Vec::new() };
    let raw = match parsed {
        Ok(Ok(raw)) => raw,
        Ok(Err(e)) => {
            read.diags.push(read.yaml_error(&e));
            return (Config::default(), read.diags);
        }
        Err(_) => {
            let d = Diag::new(
                Code::ConfigSyntax,
                Span::empty(0),
                "the project file could not be read",
                "this is a bug in journeymap's YAML reader; please report it with the file",
            );
            return (Config::default(), vec![d]);
        }
    };
    let mut config = Config::default();
    if let Some(raw) = raw {
        if let Some(render) = raw.render {
            read.render(render, &mut config);
        }
        if let Some(personas) = raw.theme.and_then(|t| t.personas) {
            read.theme(personas, &mut config);
        }
        if let Some(lints) = raw.lints {
            read.lints(lints, &mut config);
        }
        if let Some(limits) = raw.limits {
            read.limits(limits, &mut config);
        }
        if let Some(fonts) = raw.fonts {
            read.fonts(fonts, &mut config);
        }
        if let Some(data) = raw.data {
            let span = read.span(&data.referenced);
            match data.value.trim().is_empty() {
                true => read.diags.push(
                    Diag::new(
                        Code::ConfigEmptyValue,
                        span,
                        "an empty data file name",
                        "name a CSV file: `data: kpis.csv`",
                    )
                    .label("empty"),
                ),
                false => config.data = Some((PathBuf::from(data.value), span)),
            }
        }
    }
    (config, read.diags)
}

struct Read<'a> {
    text: &'a str,
    diags: Vec<Diag>,
}

impl Read<'_> {
    /// Limits of at least 1 (a megabyte, a character) and at most 1,024 MB or a million
    /// characters: a limit is there to keep a run bounded.
    fn limits(&mut self, limits: RawLimits, config: &mut Config) {
        let mut bounded = |value: Option<Spanned<u64>>, name: &str, max: u64, unit: &str| {
            let value = value?;
            if (1..=max).contains(&value.value) {
                return Some(value.value as usize);
            }
            let span = self.span(&value.referenced);
            self.diags.push(
                Diag::new(
                    Code::ConfigOutOfRange,
                    span,
                    format!("`{name}` is {}; it takes 1 to {max} {unit}", value.value),
                    format!("a limit keeps every run bounded: give `{name}` a number from 1 to {max}"),
                )
                .label("out of range"),
            );
            None
        };
        if let Some(mb) = bounded(limits.max_file_size, "max-file-size", 1024, "megabytes") {
            config.limits.max_bytes = mb * 1024 * 1024;
        }
        if let Some(chars) = bounded(limits.max_line_length, "max-line-length", 1_000_000, "characters") {
            config.limits.max_line_chars = chars;
        }
    }

    /// Font files, as written; reading them is the caller's (it knows the directory).
    fn fonts(&mut self, fonts: Spanned<Vec<Spanned<String>>>, config: &mut Config) {
        if fonts.value.is_empty() {
            let span = self.span(&fonts.referenced);
            self.diags.push(
                Diag::new(
                    Code::ConfigEmptyValue,
                    span,
                    "`fonts` lists no font file",
                    "name at least one: `fonts: [fonts/Brand-Regular.ttf]`, or leave `fonts` out",
                )
                .label("empty list"),
            );
        }
        for file in fonts.value {
            let span = self.span(&file.referenced);
            if file.value.trim().is_empty() {
                self.diags.push(
                    Diag::new(Code::ConfigEmptyValue, span, "an empty font file name", "name a .ttf or .otf file")
                        .label("empty"),
                );
                continue;
            }
            config.fonts.push((PathBuf::from(file.value), span));
        }
    }

    fn render(&mut self, render: RawRender, config: &mut Config) {
        if let Some(formats) = render.formats {
            if formats.value.is_empty() {
                let span = self.span(&formats.referenced);
                self.diags.push(
                    Diag::new(
                        Code::ConfigEmptyValue,
                        span,
                        "`formats` lists no format",
                        "name at least one: `formats: [svg]`, or leave `formats` out for the default",
                    )
                    .label("empty list"),
                );
            }
            let mut list = Vec::new();
            for name in &formats.value {
                let known = Format::ALL.map(Format::name);
                if let Some(f) = self.name_of(name, "format", &known, Format::ALL)
                    && !list.contains(&f)
                {
                    list.push(f);
                }
            }
            if !list.is_empty() {
                config.render.formats = Some(list);
            }
        }
        if let Some(page) = render.page {
            config.render.page = self.name_of(&page, "page", &PAGES.map(|p| p.0), PAGES.map(|p| p.1));
        }
        if let Some(view) = render.view {
            config.render.view = self.name_of(&view, "view", &VIEWS.map(|v| v.0), VIEWS.map(|v| v.1));
        }
        if let Some(dir) = render.out_dir {
            if dir.value.trim().is_empty() {
                let span = self.span(&dir.referenced);
                self.diags.push(
                    Diag::new(
                        Code::ConfigEmptyValue,
                        span,
                        "`out-dir` is empty",
                        "name a directory, relative to the project file: `out-dir: build/maps`",
                    )
                    .label("no directory"),
                );
            } else {
                config.render.out_dir = Some(PathBuf::from(dir.value));
            }
        }
        if let Some(scale) = render.scale {
            if valid_scale(scale.value) {
                config.render.scale = Some(scale.value as f32);
            } else {
                let span = self.span(&scale.referenced);
                self.diags.push(
                    Diag::new(
                        Code::ConfigOutOfRange,
                        span,
                        format!("the scale must be above 0 and at most {MAX_SCALE}, not {}", scale.value),
                        "2 gives crisp print; 1 is the SVG's own size",
                    )
                    .label("out of range"),
                );
            }
        }
    }

    fn theme(&mut self, personas: HashMap<Spanned<String>, Spanned<String>>, config: &mut Config) {
        for (id, colour) in in_source_order(personas) {
            match Color::parse(colour.value.trim()) {
                Some(c) => {
                    config.theme.personas.insert(id.value, c);
                }
                None => {
                    let span = self.span(&colour.referenced);
                    let hint = if !colour.value.starts_with('#')
                        && Color::parse(&format!("#{}", colour.value)).is_some()
                    {
                        format!(
                            "write it with `#` and in quotes: `\"#{}\"` (YAML reads `#` as a comment)",
                            colour.value
                        )
                    } else {
                        "write it as `\"#rrggbb\"` or `\"#rgb\"`, in quotes (YAML reads `#` as a comment)".to_string()
                    };
                    self.diags.push(
                        Diag::new(
                            Code::ConfigBadColour,
                            span,
                            format!("`{}` is not a colour journeymap reads", colour.value),
                            hint,
                        )
                        .label(format!("the colour of `{}`", id.value)),
                    );
                }
            }
        }
    }

    fn lints(&mut self, lints: HashMap<Spanned<String>, Spanned<String>>, config: &mut Config) {
        let mut seen: Vec<(Code, Span)> = Vec::new();
        for (key, level) in in_source_order(lints) {
            let key_span = self.span(&key.referenced);
            let level = self.name_of(&level, "lint level", &Level::ALL.map(Level::name), Level::ALL);
            let Some(code) = self.lint_code(&key.value, key_span) else { continue };
            if let Some(&(_, first)) = seen.iter().find(|(c, _)| *c == code) {
                let info = code.info();
                self.diags.push(
                    Diag::new(
                        Code::ConfigRepeatedLint,
                        key_span,
                        format!("`{}` ({} {}) is given a level twice", key.value, info.code, info.name),
                        "keep one of the two lines",
                    )
                    .label("again")
                    .with_secondary(first, "first given here"),
                );
                continue;
            }
            seen.push((code, key_span));
            if let Some(level) = level {
                config.lints.set(code, level);
            }
        }
    }

    /// The warning a lint key names, by code (`J0501`) or name (`empty-phase`).
    fn lint_code(&mut self, key: &str, span: Span) -> Option<Code> {
        let found = Code::ALL.iter().copied().find(|c| {
            let info = c.info();
            info.code.eq_ignore_ascii_case(key) || info.name == key
        });
        match found {
            Some(code) if code.info().severity == Severity::Warning => Some(code),
            Some(code) => {
                let info = code.info();
                self.diags.push(
                    Diag::new(
                        Code::ConfigNotAWarning,
                        span,
                        format!("{} {} is an error, and an error's level cannot change", info.code, info.name),
                        "only warnings (J05xx, listed in docs/diagnostics.md) can be allowed or denied",
                    )
                    .label("an error, not a warning"),
                );
                None
            }
            None => {
                let warnings: Vec<&str> = Code::ALL
                    .iter()
                    .map(|c| c.info())
                    .filter(|i| i.severity == Severity::Warning)
                    .flat_map(|i| [i.code, i.name])
                    .collect();
                let help = match suggest::closest(key, warnings.iter().copied()) {
                    Some(c) => format!("did you mean `{c}`?"),
                    None => "name a warning by its code (`J0501`) or its name (`empty-phase`); docs/diagnostics.md lists them".to_string(),
                };
                self.diags.push(
                    Diag::new(
                        Code::ConfigUnknownLint,
                        span,
                        format!("`{key}` is not a warning journeymap reports"),
                        help,
                    )
                    .label("unknown code or name"),
                );
                None
            }
        }
    }

    /// The value a name stands for, or a diagnostic with the names there are.
    fn name_of<T: Copy, const N: usize>(
        &mut self,
        name: &Spanned<String>,
        what: &str,
        names: &[&str; N],
        values: [T; N],
    ) -> Option<T> {
        if let Some(i) = names.iter().position(|n| n.eq_ignore_ascii_case(name.value.trim())) {
            return Some(values[i]);
        }
        let help = match suggest::closest(&name.value, names.iter().copied()) {
            Some(c) => format!("did you mean `{c}`?"),
            None => format!("the {what}s are {}", quoted_list(names)),
        };
        let span = self.span(&name.referenced);
        self.diags.push(
            Diag::new(Code::ConfigBadName, span, format!("`{}` is not a {what}", name.value), help)
                .label(format!("unknown {what}")),
        );
        None
    }

    /// A diagnostic for what serde-saphyr could not read.
    fn yaml_error(&self, e: &serde_saphyr::Error) -> Diag {
        use serde_saphyr::Error as E;
        let span = e.location().map_or(Span::empty(0), |l| self.span(&l));
        match e.without_snippet() {
            E::SerdeUnknownField { field, expected, .. } => {
                let help = match suggest::closest(field, expected.iter().copied()) {
                    Some(c) => format!("did you mean `{c}`?"),
                    None if expected.is_empty() => "this part of the file takes no keys".to_string(),
                    None => format!("the keys here are {}", quoted_list(expected)),
                };
                Diag::new(Code::ConfigUnknownKey, span, format!("unknown key `{field}`"), help).label("unknown key")
            }
            E::SerdeInvalidType { unexpected, expected, .. } | E::SerdeInvalidValue { unexpected, expected, .. } => {
                Diag::new(
                    Code::ConfigWrongType,
                    span,
                    format!("expected {}, found {unexpected}", plain_expected(expected)),
                    "docs/config.md shows each key with a value of its kind",
                )
                .label(format!("not {}", plain_expected(expected)))
            }
            E::Unexpected { expected, .. } => Diag::new(
                Code::ConfigWrongType,
                span,
                format!("expected {}", plain_expected(expected)),
                "docs/config.md shows each key with a value of its kind",
            )
            .label("a value of another kind"),
            E::InvalidScalar { ty, .. } => Diag::new(
                Code::ConfigWrongType,
                span,
                format!("expected {}", plain_expected(ty)),
                "docs/config.md shows each key with a value of its kind",
            )
            .label("a value of another kind"),
            E::NullIntoString { .. } => Diag::new(
                Code::ConfigWrongType,
                span,
                "expected a value, found nothing",
                "write the value after the colon (a colour in quotes: `\"#0072B2\"`: YAML reads `#` as a comment)",
            )
            .label("no value"),
            _ => Diag::new(
                Code::ConfigSyntax,
                span,
                message_of(e),
                "check the indentation and the quoting around here; a value starting with `#` needs quotes",
            )
            .label("here"),
        }
    }

    /// The span of a location: the bytes it covers, or at least the word there.
    fn span(&self, location: &Location) -> Span {
        let text = self.text;
        if location.line() == 0 {
            return Span::empty(0);
        }
        let s = location.span();
        let start = match s.byte_offset() {
            Some(b) => usize::try_from(b).unwrap_or(usize::MAX),
            None => offset_of(text, location.line(), location.column()),
        };
        let start = floor_boundary(text, start);
        let len = s.byte_len().and_then(|l| usize::try_from(l).ok()).unwrap_or(0);
        let end = floor_boundary(text, start.saturating_add(len));
        if end > start {
            return Span::new(start, end);
        }
        let rest = &text[start..];
        let word =
            rest.find(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | ']' | '}' | '#')).unwrap_or(rest.len());
        Span::new(start, start + word)
    }
}

/// The byte offset of a 1-based line and character column.
fn offset_of(text: &str, line: u64, column: u64) -> usize {
    let line_start = match line {
        0 | 1 => 0,
        n => text.match_indices('\n').nth((n - 2) as usize).map_or(text.len(), |(i, _)| i + 1),
    };
    let rest = &text[line_start..];
    let skip = column.saturating_sub(1) as usize;
    line_start + rest.char_indices().nth(skip).map_or(rest.len(), |(i, _)| i)
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A map's entries in the order they are written (a hash map has none of its own).
fn in_source_order<V>(map: HashMap<Spanned<String>, V>) -> Vec<(Spanned<String>, V)> {
    let mut entries: Vec<_> = map.into_iter().collect();
    entries.sort_by_key(|(k, _)| (k.referenced.line(), k.referenced.column()));
    entries
}

fn quoted_list(names: &[&str]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// serde's name of what it expected, in the file's terms.
fn plain_expected(expected: &str) -> String {
    if expected.starts_with("struct ") || expected.contains("map") {
        "a mapping (`key: value` lines)".to_string()
    } else if expected.contains("sequence") {
        "a list (`[a, b]`)".to_string()
    } else if matches!(expected, "f32" | "f64" | "a float" | "f64 number") || expected.contains("float") {
        "a number".to_string()
    } else {
        expected.to_string()
    }
}

/// serde-saphyr's message without its own "at line …, column …": the diagnostic
/// shows the place.
fn message_of(e: &serde_saphyr::Error) -> String {
    let options = serde_saphyr::render_options! {
        formatter: &serde_saphyr::UserMessageFormatter,
        snippets: serde_saphyr::SnippetMode::Off,
    };
    let text = e.render_with_options(options);
    let text = match text.rfind(" at line ") {
        Some(i) => &text[..i],
        None => &text,
    };
    if text.is_empty() { "the project file is not valid YAML".to_string() } else { text.to_string() }
}
