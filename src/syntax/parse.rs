//! Lines → statements, through the pest grammar in `grammar/journey.pest`.
//!
//! Each line is parsed on its own, so a line the grammar rejects is reported and the
//! next one is parsed as if nothing happened.

use pest::Parser;
use pest::iterators::Pair;
use pest_derive::Parser;

use super::ast::*;
use crate::Span;
use crate::diag::{Code, Diag, Diags};
use crate::lanes::Carries;

#[derive(Parser)]
#[grammar = "../grammar/journey.pest"]
pub(crate) struct JourneyGrammar;

/// The lines of a decoded text: each line's span without its line end (LF or CRLF).
pub fn split_lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let (end, next) = match text[start..].find('\n') {
            Some(i) => (start + i, start + i + 1),
            None => {
                done = true;
                (text.len(), text.len())
            }
        };
        // CR ends a line only before LF (as the grammar's `eol` says); a CR anywhere
        // else is a control character, reported by `decode`.
        let content_end = if end < text.len() && text[start..end].ends_with('\r') { end - 1 } else { end };
        let span = Span::new(start, content_end);
        start = next;
        Some(span)
    })
}

/// Parses every line of `text`, reporting lines the grammar rejects.
pub fn parse<'a>(text: &'a str, diags: &mut Diags) -> File<'a> {
    let lines = split_lines(text)
        .map(|span| {
            let kind = parse_line(span.of(text), span.start, diags);
            Line { span, kind }
        })
        .collect();
    File { lines }
}

fn parse_line<'a>(line: &'a str, offset: usize, diags: &mut Diags) -> LineKind<'a> {
    let trimmed = line.trim_start_matches([' ', '\t']);
    if trimmed.trim_end_matches([' ', '\t']).is_empty() {
        return LineKind::Blank;
    }
    if trimmed.starts_with('#') {
        return LineKind::Comment;
    }
    // Dispatch on the keyword to its statement's rule: the choice `statement` makes,
    // without trying every alternative before it (a test checks they agree).
    let lead = line.len() - trimmed.len();
    let keyword_len = trimmed.find(|c: char| !is_ident_char(c)).unwrap_or(trimmed.len());
    let parsed = Keyword::from_word(&trimmed[..keyword_len])
        .and_then(|kw| JourneyGrammar::parse(statement_rule(kw), trimmed).ok())
        .or_else(|| JourneyGrammar::parse(Rule::malformed, trimmed).ok());
    match parsed.and_then(|mut pairs| pairs.next()) {
        Some(pair) => LineKind::Statement(Box::new(statement(pair, offset + lead))),
        None => recover(line, offset, parse_line_by_grammar(line, offset, diags)),
    }
}

/// A rejected line that starts with a known keyword still stands for its statement,
/// with its words marked rejected and its text after the first `:`: the structure (a
/// phase, a step, the title) stays whole and one bad word does not cascade.
pub(crate) fn recover<'a>(line: &'a str, offset: usize, kind: LineKind<'a>) -> LineKind<'a> {
    if !matches!(kind, LineKind::Invalid) {
        return kind;
    }
    let trimmed = line.trim_start_matches([' ', '\t']);
    let start = offset + line.len() - trimmed.len();
    let keyword_len = trimmed.find(|c: char| !is_ident_char(c)).unwrap_or(trimmed.len());
    let Some(keyword) = Keyword::from_word(&trimmed[..keyword_len]) else { return kind };
    let keyword_span = Span::new(start, start + keyword_len);
    let text = trimmed.find(':').map(|colon| {
        let raw = &trimmed[colon + 1..];
        let value = raw.trim();
        let at = start + colon + 1 + (raw.len() - raw.trim_start().len());
        let span = if value.is_empty() { Span::empty(start + colon + 1) } else { Span::new(at, at + value.len()) };
        Text { value, span }
    });
    let end = text.as_ref().map_or(start + trimmed.trim_end().len(), |t| t.span.end);
    LineKind::Statement(Box::new(Statement {
        keyword: Some(keyword),
        keyword_span,
        words: Words::Rejected,
        text,
        span: Span::new(start, end),
    }))
}

/// Parses a line with the grammar's `line` rule: the reference the fast path follows,
/// and where a rejected line's error position comes from.
pub(crate) fn parse_line_by_grammar<'a>(line: &'a str, offset: usize, diags: &mut Diags) -> LineKind<'a> {
    match JourneyGrammar::parse(Rule::line, line) {
        Ok(mut pairs) => {
            let line_pair = pairs.next().expect("the line rule always yields one pair");
            match line_pair.into_inner().next() {
                Some(p) if p.as_rule() == Rule::comment => LineKind::Comment,
                Some(p) if p.as_rule() != Rule::EOI => LineKind::Statement(Box::new(statement(p, offset))),
                _ => LineKind::Blank,
            }
        }
        Err(error) => {
            let at = match error.location {
                pest::error::InputLocation::Pos(p) => p,
                pest::error::InputLocation::Span((s, _)) => s,
            };
            diags.push_lazy(offset, true, || malformed_line(line, offset, at));
            LineKind::Invalid
        }
    }
}

/// The fast path alone, for the test that holds it to the grammar.
#[cfg(test)]
pub(crate) fn parse_line_for_test<'a>(line: &'a str, diags: &mut Diags) -> LineKind<'a> {
    parse_line(line, 0, diags)
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

fn statement_rule(kw: Keyword) -> Rule {
    match kw {
        Keyword::Journey => Rule::journey,
        Keyword::Goal => Rule::goal,
        Keyword::Scope => Rule::scope,
        Keyword::Lang => Rule::lang,
        Keyword::Scale => Rule::scale,
        Keyword::View => Rule::view,
        Keyword::State => Rule::state,
        Keyword::Source => Rule::source,
        Keyword::Persona => Rule::persona,
        Keyword::Channel => Rule::channel,
        Keyword::Owner => Rule::owner,
        Keyword::Lanes => Rule::lanes,
        Keyword::Phase => Rule::phase,
        Keyword::Step => Rule::step,
        Keyword::Touchpoint => Rule::touchpoint,
        Keyword::Emotion => Rule::emotion,
        Keyword::Detail(lane) => match lane.detail().map(|d| d.1) {
            Some(Carries::NeedKind) => Rule::need,
            Some(Carries::Kpi) => Rule::kpi,
            Some(Carries::Scores) => Rule::opportunity,
            Some(Carries::Owner) => Rule::owned_detail,
            Some(Carries::Text) | None => Rule::text_detail,
        },
    }
}

/// Explains where a line leaves the shape `keyword [words…] [: text]`.
fn malformed_line(line: &str, offset: usize, at: usize) -> Diag {
    let at = at.min(line.len());
    // The offending word: from `at` to the next blank or `:`.
    let word_end = line[at..].find([' ', '\t', ':']).map_or(line.len(), |i| at + i).max(at + next_char_len(line, at));
    let word_start = line[..at].rfind([' ', '\t']).map_or(0, |i| i + 1);
    let word = &line[word_start..word_end.min(line.len())];
    let span = Span::new(offset + word_start, offset + word_end.min(line.len()));
    let first = line[at..].chars().next();
    let leading = line[..at].trim().is_empty();
    let (message, help) = match first {
        Some(':') if leading => {
            ("a line cannot start with `:`".to_string(), "start the line with a keyword, e.g. `note: …`".to_string())
        }
        Some(c) if !c.is_ascii() => (
            format!("`{word}` is not a word: words are ASCII ids and numbers"),
            "ids use the letters A–Z and a–z, digits, `_` and `-`; \
             put other text after the `:`"
                .to_string(),
        ),
        _ if leading => (
            format!("`{word}` is not a keyword"),
            "every line starts with a keyword such as `step` or `pain`, then words, then `:` and text".to_string(),
        ),
        _ => (
            format!("`{word}` is not a word"),
            "words are ids (`anna`), numbers (`-1`, `4.5`, `12%`) or ranges (`-2..2`); \
             free text goes after the `:`"
                .to_string(),
        ),
    };
    Diag::new(Code::MalformedLine, span, message, help).label("expected a word, `:` or the end of the line")
}

fn next_char_len(s: &str, at: usize) -> usize {
    s[at..].chars().next().map_or(0, char::len_utf8)
}

fn span_of(pair: &Pair<'_, Rule>, offset: usize) -> Span {
    let s = pair.as_span();
    Span::new(offset + s.start(), offset + s.end())
}

fn statement(pair: Pair<'_, Rule>, offset: usize) -> Statement<'_> {
    let rule = pair.as_rule();
    let whole = pair.as_span();
    let keyword_len = whole.as_str().find(|c: char| !is_ident_char(c));
    let keyword_span =
        Span::new(offset + whole.start(), offset + whole.start() + keyword_len.unwrap_or(whole.as_str().len()));
    let keyword = Keyword::from_word(&whole.as_str()[..keyword_span.len()]);
    let mut text = None;
    let mut idents = Vec::new();
    let mut numbers = Vec::new();
    let mut flags = Vec::new();
    let mut range = None;
    let mut kpi_id = None;
    let mut malformed = Vec::new();
    let keep_words = matches!(rule, Rule::malformed | Rule::text_detail | Rule::owned_detail);
    for inner in pair.into_inner() {
        match inner.as_rule() {
            Rule::text_part => text = Some(text_of(inner, offset)),
            Rule::kpi_id => kpi_id = inner.into_inner().next().map(|id| ident(&id, offset)),
            Rule::ident => {
                let id = ident(&inner, offset);
                if keep_words {
                    malformed.push(Word::Ident(id.clone()));
                }
                idents.push(id);
            }
            Rule::number => {
                let n = number(&inner, offset);
                if keep_words {
                    malformed.push(Word::Number(n.clone()));
                }
                numbers.push(n);
            }
            Rule::range => {
                let r = range_of(inner, offset);
                if keep_words {
                    malformed.push(Word::Range(r.clone()));
                }
                range = Some(r);
            }
            Rule::critical
            | Rule::online
            | Rule::offline
            | Rule::external
            | Rule::functional
            | Rule::emotional
            | Rule::target
            | Rule::min
            | Rule::max
            | Rule::met
            | Rule::unmet
            | Rule::partly
            | Rule::impact
            | Rule::effort => flags.push(flag(&inner, offset)),
            _ => {}
        }
    }
    let first_flag = flags.first().copied();
    let mut idents = idents.into_iter();
    let mut numbers = numbers.into_iter();
    let words = match (rule, range) {
        (Rule::lang, _) => idents.next().map_or(Words::None, Words::Lang),
        (Rule::scale, Some(r)) => Words::Scale(r),
        (Rule::persona, _) => idents.next().map_or(Words::None, Words::Persona),
        (Rule::channel, _) => match idents.next() {
            Some(id) => Words::Channel { id, mode: first_flag },
            None => Words::None,
        },
        (Rule::owner, _) => match idents.next() {
            Some(id) => Words::Owner { id, external: first_flag },
            None => Words::None,
        },
        (Rule::source, _) => match idents.next() {
            Some(id) => Words::Source { id, kind: idents.next() },
            None => Words::None,
        },
        (Rule::lanes, _) => Words::Lanes(idents.collect()),
        (Rule::step, _) => Words::Step { critical: flags, personas: idents.collect() },
        (Rule::touchpoint, _) => Words::Touchpoint(idents.collect()),
        (Rule::emotion, _) => match numbers.next() {
            // A persona stands before the score, the sources after it.
            Some(score) => {
                let (persona, cites): (Vec<Ident>, Vec<Ident>) = idents.partition(|i| i.span.end <= score.span.start);
                Words::Emotion { persona: persona.into_iter().next(), score, cites }
            }
            None => Words::None,
        },
        (Rule::need, _) => {
            let (kind, status): (Vec<Flag>, Vec<Flag>) =
                flags.into_iter().partition(|f| matches!(f.kind, FlagKind::Functional | FlagKind::Emotional));
            Words::Need { kind: kind.into_iter().next(), status, cites: idents.collect() }
        }
        // Each score word is followed by its number, in the order written.
        (Rule::opportunity, _) => {
            Words::Opportunity { scores: flags.into_iter().zip(numbers).collect(), cites: idents.collect() }
        }
        (Rule::kpi, _) => {
            // The goal's figure is the number after its word; a number before it is the value.
            let (value, goal) = match first_flag {
                Some(word) => {
                    let (before, after): (Vec<Number>, Vec<Number>) =
                        numbers.partition(|n| n.span.end <= word.span.start);
                    (before.into_iter().next(), after.into_iter().next().map(|n| (word, n)))
                }
                None => (numbers.next(), None),
            };
            Words::Kpi { id: kpi_id, value, goal, cites: idents.collect() }
        }
        (Rule::view, _) => idents.next().map_or(Words::None, Words::View),
        (Rule::state, _) => idents.next().map_or(Words::None, Words::State),
        // Any keyword with ids only: the statement of a detail lane that takes that
        // shape, else what `malformed` makes of it.
        (Rule::text_detail | Rule::owned_detail, _) => {
            match (
                keyword.and_then(|k| match k {
                    Keyword::Detail(lane) => lane.detail().map(|d| d.1),
                    _ => None,
                }),
                malformed.len(),
            ) {
                (Some(Carries::Text), 0) => Words::None,
                (Some(Carries::Text), _) => Words::Cited(idents.collect()),
                (Some(Carries::Owner), _) => Words::Owned(idents.collect()),
                // A lane whose statement has a rule of its own (`need`, `kpi`), or no
                // lane's keyword at all.
                (Some(Carries::NeedKind | Carries::Kpi | Carries::Scores) | None, _) => Words::Malformed(malformed),
            }
        }
        (Rule::malformed, _) => Words::Malformed(malformed),
        _ => Words::None,
    };
    let end = match &text {
        Some(t) => t.span.end,
        None => offset + whole.start() + whole.as_str().trim_end_matches([' ', '\t']).len(),
    };
    Statement { keyword, keyword_span, words, text, span: Span::new(keyword_span.start, end) }
}

fn text_of(pair: Pair<'_, Rule>, offset: usize) -> Text<'_> {
    let colon_end = offset + pair.as_span().start() + 1;
    let raw = &pair.as_str()[1..];
    let leading = raw.len() - raw.trim_start().len();
    let value = raw.trim();
    let start = colon_end + leading;
    let span = if value.is_empty() { Span::empty(colon_end) } else { Span::new(start, start + value.len()) };
    Text { value, span }
}

fn ident<'a>(pair: &Pair<'a, Rule>, offset: usize) -> Ident<'a> {
    Ident { name: pair.as_str(), span: span_of(pair, offset) }
}

fn number<'a>(pair: &Pair<'a, Rule>, offset: usize) -> Number<'a> {
    let text = pair.as_str();
    let percent = text.ends_with('%');
    let digits = text.trim_end_matches('%');
    Number {
        text,
        // The grammar only lets through digits with an optional sign and fraction.
        value: digits.parse().unwrap_or(f64::NAN),
        percent,
        fractional: digits.contains('.'),
        span: span_of(pair, offset),
    }
}

fn range_of(pair: Pair<'_, Rule>, offset: usize) -> Range<'_> {
    let span = span_of(&pair, offset);
    let mut ends = pair.into_inner().map(|p| number(&p, offset));
    let min = ends.next().expect("a range has two ends");
    let max = ends.next().expect("a range has two ends");
    Range { min, max, span }
}

fn flag(pair: &Pair<'_, Rule>, offset: usize) -> Flag {
    let kind = match pair.as_rule() {
        Rule::critical => FlagKind::Critical,
        Rule::online => FlagKind::Online,
        Rule::offline => FlagKind::Offline,
        Rule::external => FlagKind::External,
        Rule::functional => FlagKind::Functional,
        Rule::emotional => FlagKind::Emotional,
        Rule::min => FlagKind::Min,
        Rule::max => FlagKind::Max,
        Rule::met => FlagKind::Met,
        Rule::unmet => FlagKind::Unmet,
        Rule::partly => FlagKind::Partly,
        Rule::impact => FlagKind::Impact,
        Rule::effort => FlagKind::Effort,
        _ => FlagKind::Target,
    };
    Flag { kind, span: span_of(pair, offset) }
}
