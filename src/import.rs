//! Import: maps from what people already have. Each importer reads its input
//! ([`crate::mermaid`] a Mermaid `journey`, [`crate::sheet`] a spreadsheet grid) and writes
//! journey source with a [`Writer`]; [`Writer::finish`] puts it in canonical `fmt` form
//! and checks it. A problem in the input is a [`Failure`]: diagnostics that point into it.

use std::collections::BTreeSet;

use crate::Span;
use crate::diag::{Code, Diag};
use crate::syntax::ast::FlagKind;

/// What an import could not do: diagnostics whose spans point into `source`, the text
/// they are shown against (the input's own text, or for a workbook a listing of the
/// cells concerned, which the importer builds).
#[derive(Debug)]
pub struct Failure {
    pub source: String,
    pub diags: Vec<Diag>,
}

impl Failure {
    /// One diagnostic at `span` of `source`.
    pub fn one(source: impl Into<String>, diag: Diag) -> Self {
        Failure { source: source.into(), diags: vec![diag] }
    }
}

/// The journey source an importer writes, line by line, with the choices it made; see
/// [`Writer::finish`].
#[derive(Debug, Default)]
pub struct Writer {
    /// The comments at the top, one line each, that explain the import's choices.
    choices: Vec<String>,
    lines: Vec<String>,
}

impl Writer {
    /// Records a choice the import made, written as a comment at the top of the map.
    pub fn choice(&mut self, text: impl AsRef<str>) {
        self.choices.push(one_line(text.as_ref()));
    }

    /// Adds a statement: `keyword` with its `words` and, when given, its free text
    /// (made one line: see [`one_line`]).
    pub fn statement(&mut self, keyword: &str, words: &[&str], text: Option<&str>) {
        let mut line = String::from(keyword);
        for w in words.iter().filter(|w| !w.is_empty()) {
            line.push(' ');
            line.push_str(w);
        }
        if let Some(text) = text {
            line.push_str(": ");
            line.push_str(&one_line(text));
        }
        self.lines.push(line);
    }

    /// Adds a statement like [`Writer::statement`], its text made one line by
    /// [`one_line_kept`]: its spaces and tabs as they are. For an input that holds a map's
    /// texts exactly, such as a grid that `journeymap export` wrote.
    pub fn statement_kept(&mut self, keyword: &str, words: &[&str], text: Option<&str>) {
        self.statement(keyword, words, None);
        if let (Some(text), Some(line)) = (text, self.lines.last_mut()) {
            line.push_str(": ");
            line.push_str(&one_line_kept(text));
        }
    }

    /// Adds a comment line among the statements.
    pub fn comment(&mut self, text: &str) {
        self.lines.push(format!("# {}", one_line(text)));
    }

    /// The map in canonical `fmt` form, checked. A map that does not check is a bug in
    /// the importer, not in its input; it is reported as [`Code::ImportInvalidResult`]
    /// against the text written, so that it can be seen.
    pub fn finish(self) -> Result<String, Failure> {
        let mut text = String::new();
        for c in &self.choices {
            text.push_str("# ");
            text.push_str(c);
            text.push('\n');
        }
        if !self.choices.is_empty() {
            text.push('\n');
        }
        for l in &self.lines {
            text.push_str(l);
            text.push('\n');
        }
        let text = crate::format::format_source(&text);
        let compiled = crate::compile(text.as_bytes());
        if compiled.has_errors() {
            let mut diags: Vec<Diag> = compiled.diags.into_iter().filter(Diag::is_error).collect();
            for d in &mut diags {
                d.message = format!("the imported map does not check: {}", d.message);
                d.code = Code::ImportInvalidResult;
                d.help = "this is a bug in journeymap's importer; please report it with the input".into();
            }
            return Err(Failure { source: text, diags });
        }
        Ok(text)
    }
}

/// Free text as one line of a map: line breaks become spaces, other control characters
/// are dropped, runs of spaces are one, and the ends are trimmed.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else if !c.is_control() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Free text as one line of a map, its spacing kept: each line break (`\r\n`, `\n`,
/// `\r`) becomes a space, other control characters but tab are dropped, and the ends are
/// trimmed; runs of spaces and tabs inside stay as they are.
pub fn one_line_kept(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let out: String = text
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' => Some(' '),
            '\t' => Some('\t'),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    out.trim().to_owned()
}

/// Makes ids for names: readable, valid (`[A-Za-z_][A-Za-z0-9_-]*`), never a reserved
/// word, and unique among those it made and those it was told are taken.
#[derive(Debug, Default)]
pub struct Ids {
    taken: BTreeSet<String>,
}

impl Ids {
    /// Marks `id` as taken (an id the input gives itself).
    pub fn take(&mut self, id: &str) {
        self.taken.insert(id.to_owned());
    }

    /// A new id for `name`: its letters and digits, lower-cased and transliterated to
    /// ASCII (`Søren Ærø` → `soeren-aeroe`), words joined by `-`; `fallback` when nothing
    /// is left or it starts with a digit (`fallback-3`); numbered when taken.
    pub fn make(&mut self, name: &str, fallback: &str) -> String {
        let base = slug(name);
        let base = match base.chars().next() {
            None => fallback.to_owned(),
            Some(c) if c.is_ascii_digit() => format!("{fallback}-{base}"),
            Some(_) => base,
        };
        let mut id = base.clone();
        let mut n = 2;
        while FlagKind::is_reserved(&id) || self.taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.taken.insert(id.clone());
        id
    }
}

/// Letters and digits of `name` in ASCII, lower case, words joined by `-`.
fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        let ascii: &str = match c {
            'a'..='z' | '0'..='9' => {
                let mut b = [0u8; 4];
                let s = c.encode_utf8(&mut b);
                push_word(&mut out, &mut gap, s);
                continue;
            }
            'æ' | 'ä' => "ae",
            'ø' | 'ö' | 'œ' => "oe",
            'å' => "aa",
            'ü' => "ue",
            'ß' => "ss",
            'à' | 'á' | 'â' | 'ã' => "a",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' => "o",
            'ù' | 'ú' | 'û' => "u",
            'ý' | 'ÿ' => "y",
            _ => {
                gap = true;
                continue;
            }
        };
        push_word(&mut out, &mut gap, ascii);
    }
    out
}

fn push_word(out: &mut String, gap: &mut bool, s: &str) {
    if *gap && !out.is_empty() {
        out.push('-');
    }
    *gap = false;
    out.push_str(s);
}

/// A diagnostic about an input, for importers: `code` at `span` of the input.
pub fn problem(code: Code, span: Span, message: impl Into<String>, help: impl Into<String>) -> Diag {
    Diag::new(code, span, message, help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_valid_unique_and_never_reserved() {
        let mut ids = Ids::default();
        assert_eq!(ids.make("Søren Ærø", "persona"), "soeren-aeroe");
        assert_eq!(ids.make("Søren Ærø", "persona"), "soeren-aeroe-2");
        assert_eq!(ids.make("Me", "persona"), "me");
        assert_eq!(ids.make("", "persona"), "persona");
        assert_eq!(ids.make("日本", "persona"), "persona-2");
        assert_eq!(ids.make("3 kids", "persona"), "persona-3-kids");
        assert_eq!(ids.make("Critical", "persona"), "critical-2");
        ids.take("cat");
        assert_eq!(ids.make("Cat", "persona"), "cat-2");
    }

    #[test]
    fn text_is_one_line() {
        assert_eq!(one_line("  a\n b\t\u{7}c\u{7}d  "), "a b cd");
        assert_eq!(one_line_kept("  a\r\nb  c\td\u{7}e  "), "a b  c\tde");
    }

    #[test]
    fn the_result_is_canonical_and_checks() {
        let mut w = Writer::default();
        w.choice("made by a test");
        w.statement("journey", &[], Some("A\nmap"));
        w.statement("phase", &[], Some("One"));
        w.statement("step", &[], Some("Do"));
        let text = w.finish().unwrap();
        assert_eq!(text, "# made by a test\n\njourney: A map\n\nphase: One\n  step: Do\n");
        let mut bad = Writer::default();
        bad.statement("phase", &[], Some("One"));
        let failure = bad.finish().unwrap_err();
        assert!(failure.diags.iter().all(|d| d.code == Code::ImportInvalidResult), "{failure:?}");
    }
}
