//! Canonical formatting of a map (`journeymap fmt`), built from the syntax tree so that
//! comments survive; the style is described in `docs/fmt.md`.
//!
//! The layout of a line never depends on how it was written, only on what it is:
//! - the header (everything before the first `phase`) in the contract's order — title,
//!   goal, scope, notes, lang, scale, view, state, then sources, personas, channels,
//!   owners and lanes, each kind a block of its own after one blank line; statements of
//!   one kind keep their order;
//! - one blank line before every phase; phases at the margin, steps indented by two
//!   spaces, a step's details by four, a phase's own details (before its first step) by
//!   two; no other blank lines;
//! - `keyword words: text` with single spaces between words, none before the `:` and
//!   one after it; the text as the parser reads it (trimmed), otherwise untouched;
//! - a body statement's citations (its words that are declared source ids) after its
//!   other words, in the order the sources are declared, each once; the other words
//!   keep the order written (a step's `critical` and personas, a touchpoint's channel
//!   and owner, an emotion's persona and score, a KPI's id, value and goal). This is
//!   the order the model keeps citations in, so the meaning is the same;
//! - a comment belongs to the statement below it and moves, and is indented, with it;
//!   blank lines between it and the statement go. Comments at the top of the file keep
//!   one blank line where they had some (a file's own comments, apart from the title's);
//!   comments after the last statement stay at the end, indented like it, or after a
//!   blank line at the margin;
//! - LF line ends, no byte-order mark, no trailing blanks, one final newline.
//!
//! Formatting never changes the meaning: [`format`] checks that the map it produces
//! has the same model, spans aside ([`Journey::same_meaning`]), and refuses otherwise.
//!
//! [`Journey::same_meaning`]: crate::model::Journey::same_meaning

use crate::Compiled;
use crate::diag::Diags;
use crate::syntax::ast::{Keyword, LineKind, Words};

/// Indentation of one nesting level.
const INDENT: &str = "  ";

/// A map's bytes, checked and, when that is safe, formatted.
#[derive(Debug)]
pub struct Formatted {
    /// The map as `check` sees it: its source and diagnostics.
    pub compiled: Compiled,
    /// The canonical text, or why there is none.
    pub result: Result<String, Refusal>,
}

/// Why a map is left as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The map has errors (its diagnostics say which): only a valid map is formatted.
    Errors,
    /// The formatted text would mean something else. This is a bug in the formatter;
    /// the map is left untouched rather than changed.
    MeaningChanged,
}

/// Compiles `bytes` and, when the map has no errors, formats it.
pub fn format(bytes: &[u8]) -> Formatted {
    format_with(bytes, &crate::Options::default())
}

/// [`format()`] under explicit limits (a project file's), for the map and for the text
/// it is formatted to.
pub fn format_with(bytes: &[u8], options: &crate::Options) -> Formatted {
    format_by(bytes, options, format_source)
}

/// [`format_with`] with the text laid out by `layout`, which is checked as
/// [`format_source`] is: the result is refused unless it means the same.
fn format_by(bytes: &[u8], options: &crate::Options, layout: impl Fn(&str) -> String) -> Formatted {
    let compiled = crate::compile_with(bytes, options);
    // `compile` builds a journey exactly when the map has no errors.
    let Some(journey) = compiled.journey.as_ref() else {
        return Formatted { compiled, result: Err(Refusal::Errors) };
    };
    let text = layout(&compiled.source);
    let after = crate::compile_with(text.as_bytes(), options);
    let same = after.journey.as_ref().is_some_and(|j| journey.same_meaning(j));
    let result = if same { Ok(text) } else { Err(Refusal::MeaningChanged) };
    Formatted { compiled, result }
}

/// Lays out decoded source text canonically. Any text is accepted, valid or not (a line
/// the grammar rejects is kept, trimmed); only for a map without errors is the result
/// guaranteed to mean the same, which [`format`] checks.
pub fn format_source(source: &str) -> String {
    let file = crate::syntax::parse(source, &mut Diags::default());
    // The declared sources, in order: a body statement's citations are put in this order.
    let sources: Vec<&str> = file
        .statements()
        .filter_map(|s| match (&s.keyword, &s.words) {
            (Some(Keyword::Source), Words::Source { id, .. }) => Some(id.name),
            _ => None,
        })
        .collect();
    let mut entries: Vec<Entry<'_>> = Vec::new();
    // Comments waiting for their statement; `None` stands for blank lines among them.
    let mut comments: Vec<Option<&str>> = Vec::new();
    // A blank line right after the last statement seen.
    let mut gap_after_last = false;
    for line in &file.lines {
        let raw = line.span.of(source);
        let text = match &line.kind {
            LineKind::Blank => {
                if comments.last().is_some_and(Option::is_some) {
                    comments.push(None);
                } else if comments.is_empty() {
                    gap_after_last = true;
                }
                continue;
            }
            LineKind::Comment => {
                comments.push(Some(raw.trim_start_matches([' ', '\t']).trim_end()));
                continue;
            }
            LineKind::Statement(statement) => {
                let body = statement.keyword.is_some_and(|k| header_rank(k).is_none());
                statement_text(statement.span.of(source), if body { &sources } else { &[] })
            }
            LineKind::Invalid => raw.trim_matches([' ', '\t']).to_string(),
        };
        let keyword = match &line.kind {
            LineKind::Statement(statement) => statement.keyword,
            _ => None,
        };
        let mut above = std::mem::take(&mut comments);
        // Blank lines are kept only among the comments at the top of the file, which
        // are about the file rather than the statement below them.
        if !entries.is_empty() {
            above.retain(Option::is_some);
        }
        entries.push(Entry { comments: above, keyword, text });
        gap_after_last = false;
    }
    let body_start = entries.iter().position(|e| e.keyword == Some(Keyword::Phase)).unwrap_or(entries.len());
    let body = entries.split_off(body_start);
    let mut header = entries;
    // Only a header made of header statements is put in order: in a broken one, moving
    // a statement could move an error somewhere else.
    if header.iter().all(|e| e.keyword.is_some_and(|k| header_rank(k).is_some())) {
        header.sort_by_key(|e| e.keyword.and_then(header_rank));
    }

    let mut out = Output::default();
    let mut block = None;
    for entry in &header {
        let this = entry.keyword.and_then(header_rank).map(|(b, _)| b);
        if block.is_some() && this != block {
            out.blank();
        }
        block = this;
        out.entry(entry, 0);
    }
    let mut in_step = false;
    let mut last_depth = 0;
    for entry in &body {
        let depth = match entry.keyword {
            Some(Keyword::Phase) => {
                out.blank();
                in_step = false;
                0
            }
            Some(Keyword::Step) => {
                in_step = true;
                1
            }
            Some(k) if header_rank(k).is_some() && k != Keyword::NOTE => 0,
            _ if in_step => 2,
            _ => 1,
        };
        out.entry(entry, depth);
        last_depth = depth;
    }
    // Comments after the last statement: those right below it take its indentation;
    // after a blank line, they are about the file and go to the margin.
    if comments.last() == Some(&None) {
        comments.pop();
    }
    if gap_after_last && !comments.is_empty() && !(header.is_empty() && body.is_empty()) {
        out.blank();
        last_depth = 0;
    }
    for comment in comments {
        match comment {
            Some(comment) => out.line(last_depth, comment),
            None => {
                out.blank();
                last_depth = 0;
            }
        }
    }
    out.text
}

/// One statement (or rejected line) with the comments written above it (`None`: a
/// blank line among them).
struct Entry<'a> {
    comments: Vec<Option<&'a str>>,
    keyword: Option<Keyword>,
    text: String,
}

/// The formatted text being written.
#[derive(Default)]
struct Output {
    text: String,
}

impl Output {
    /// A blank line, unless at the start or right after another.
    fn blank(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    fn line(&mut self, depth: usize, content: &str) {
        for _ in 0..depth {
            self.text.push_str(INDENT);
        }
        self.text.push_str(content);
        self.text.push('\n');
    }

    fn entry(&mut self, entry: &Entry<'_>, depth: usize) {
        for comment in &entry.comments {
            match comment {
                Some(comment) => self.line(depth, comment),
                None => self.blank(),
            }
        }
        self.line(depth, &entry.text);
    }
}

/// Where a header statement goes: its block (blocks are separated by a blank line) and
/// its rank in the contract's order. `None` for body statements.
fn header_rank(keyword: Keyword) -> Option<(u8, u8)> {
    Some(match keyword {
        Keyword::Journey => (0, 0),
        Keyword::Goal => (0, 1),
        Keyword::Scope => (0, 2),
        Keyword::NOTE => (0, 3),
        Keyword::Lang => (0, 4),
        Keyword::Scale => (0, 5),
        Keyword::View => (0, 6),
        Keyword::State => (0, 7),
        Keyword::Source => (1, 8),
        Keyword::Persona => (2, 9),
        Keyword::Channel => (3, 10),
        Keyword::Owner => (4, 11),
        Keyword::Lanes => (5, 12),
        _ => return None,
    })
}

/// A statement in canonical spacing: its words joined by single spaces, then `: text`.
/// `statement` runs from the keyword to the end of the text. Words never contain a `:`,
/// so the first one starts the text, which is trimmed as the parser trims it.
///
/// `sources` are the map's declared sources, in order (empty for a header statement):
/// the words after the keyword that name one are citations, and go after the others, in
/// that order, each once. An id names one thing only (ids share one namespace, and flag
/// words are reserved), so in a valid map no other word is moved.
fn statement_text(statement: &str, sources: &[&str]) -> String {
    let (words, text) = match statement.split_once(':') {
        Some((words, text)) => (words, Some(text.trim())),
        None => (statement, None),
    };
    let mut words: Vec<&str> = words.split([' ', '\t']).filter(|w| !w.is_empty()).collect();
    let rank = |w: &str| sources.iter().position(|s| *s == w);
    if words.iter().skip(1).any(|w| rank(w).is_some()) {
        let mut cites: Vec<usize> = words.iter().skip(1).filter_map(|w| rank(w)).collect();
        cites.sort_unstable();
        cites.dedup();
        let keyword = words.first().copied();
        let others = words.iter().skip(1).copied().filter(|w| rank(w).is_none());
        words = keyword.into_iter().chain(others).chain(cites.into_iter().map(|i| sources[i])).collect();
    }
    // An opportunity's scores: impact before effort.
    if let ["opportunity", "effort", _, "impact", _, ..] = words.as_slice() {
        words[1..5].rotate_left(2);
    }
    let mut out = words.join(" ");
    match text {
        Some("") => out.push(':'),
        Some(text) => {
            out.push_str(": ");
            out.push_str(text);
        }
        None => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Refusal, format_by, format_source, statement_text};

    /// A formatter that changes the map's meaning is refused, and the map left as it is:
    /// swapping two steps, dropping a detail, changing a score or a text.
    #[test]
    fn a_layout_that_changes_the_meaning_is_refused() {
        let map = "journey: T\n\nphase: P\n  step: One\n    pain: x\n    emotion 1\n  step: Two\n";
        let options = crate::Options::default();
        let accepted = format_by(map.as_bytes(), &options, format_source);
        assert_eq!(accepted.result.as_deref(), Ok(map));
        let broken: [fn(&str) -> String; 5] = [
            |s| {
                format_source(s)
                    .replace("step: One", "step: Three")
                    .replace("step: Two", "step: One")
                    .replace("step: Three", "step: Two")
            },
            |s| format_source(s).replace("    pain: x\n", ""),
            |s| format_source(s).replace("emotion 1", "emotion 2"),
            |s| format_source(s).replace("pain: x", "pain: y"),
            |s| format_source(s).replace("pain: x", "thought: x"),
        ];
        for layout in broken {
            let formatted = format_by(map.as_bytes(), &options, layout);
            assert_eq!(formatted.result, Err(Refusal::MeaningChanged), "{}", layout(map));
        }
        // A layout whose text no longer compiles is refused too.
        let formatted = format_by(map.as_bytes(), &options, |s| format_source(s).replace("emotion 1", "emotion 9"));
        assert_eq!(formatted.result, Err(Refusal::MeaningChanged));
    }

    #[test]
    fn statements_get_canonical_spacing() {
        assert_eq!(statement_text("step  critical\tanna :  Pays:  now ", &[]), "step critical anna: Pays:  now");
        assert_eq!(statement_text("emotion 1 :", &[]), "emotion 1:");
        assert_eq!(statement_text("lang   da", &[]), "lang da");
        // An opportunity's impact goes before its effort; the citations after both.
        assert_eq!(
            statement_text("opportunity  effort 2 i3 impact 4: X", &["i3"]),
            "opportunity impact 4 effort 2 i3: X"
        );
        assert_eq!(statement_text("opportunity effort 2: X", &[]), "opportunity effort 2: X");
    }

    /// Citations go after the other words, in the order the sources are declared, each
    /// once; the other words keep their order; the text is never touched.
    #[test]
    fn citations_go_last_in_declaration_order() {
        let sources = ["i1", "o1", "a1"];
        let cases = [
            ("step a1 critical anna i1: Queues", "step critical anna i1 a1: Queues"),
            ("touchpoint o1 shop web: Ticket", "touchpoint shop web o1: Ticket"),
            ("emotion anna a1 -1 i1: i1 a1", "emotion anna -1 i1 a1: i1 a1"),
            ("pain a1 i1 a1: x", "pain i1 a1: x"),
            ("kpi a1 wait 14 max 8 o1: Minutes", "kpi wait 14 max 8 o1 a1: Minutes"),
            ("quote i1 o1: already canonical", "quote i1 o1: already canonical"),
            ("thought: none", "thought: none"),
        ];
        for (written, canonical) in cases {
            assert_eq!(statement_text(written, &sources), canonical);
            assert_eq!(statement_text(canonical, &sources), canonical, "idempotent");
        }
    }

    #[test]
    fn nesting_and_blank_lines() {
        let messy = "\n\njourney:  T\n\n\nphase:P\n pain: x\nstep: S\n\n\t\temotion 1\nphase: Q\n      step: U\n";
        let expected = "journey: T\n\nphase: P\n  pain: x\n  step: S\n    emotion 1\n\nphase: Q\n  step: U\n";
        assert_eq!(format_source(messy), expected);
    }

    #[test]
    fn comments_follow_their_statement_and_the_last_ones_stay_last() {
        let source =
            "# top\njourney: T\n# people\npersona a: A\n# when\nscale 1..5\nphase: P\n  # the step\nstep: S\n# end\n";
        let expected = "# top\njourney: T\n# when\nscale 1..5\n\n# people\npersona a: A\n\nphase: P\n  # the step\n  step: S\n  # end\n";
        assert_eq!(format_source(source), expected);
    }

    #[test]
    fn blank_lines_are_kept_only_around_the_comments_of_the_file() {
        let source = "\n# licence\n\n\n# title\n\njourney: T\n\n# gone\n\nphase: P\n# mine\n\n# file\n\n\n# end\n\n";
        let expected = "# licence\n\n# title\n\njourney: T\n\n# gone\nphase: P\n# mine\n\n# file\n\n# end\n";
        assert_eq!(format_source(source), expected);
        assert_eq!(format_source(expected), expected);
        let source = "journey: T\nphase: P\n\n\n# end\n";
        assert_eq!(format_source(source), "journey: T\n\nphase: P\n\n# end\n");
        assert_eq!(format_source("journey: T\n\n\n"), "journey: T\n");
    }
}
