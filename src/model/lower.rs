//! Lowering: statements → [`Journey`], in two passes over the file.
//!
//! The header pass collects declarations wherever they stand (a misplaced one is
//! reported, but its id still resolves, so one mistake does not cascade); the body pass
//! builds phases and steps. Lints and derived facts follow.

use super::body::Body;
use super::header::Header;
use super::{Journey, Text, derive, lints, suggest};
use crate::Span;
use crate::diag::{Code, Diag, Diags};
use crate::lanes::{Carries, LaneKind};
use crate::syntax::ast::{File, Keyword, Statement, Word, Words};

/// Lowers a parsed file; `None` when there is too little to build a map (no title).
/// The caller discards the result when `diags` holds errors.
pub fn lower(src: &str, file: &File, diags: &mut Diags) -> Option<Journey> {
    let statements: Vec<&Statement> = file.statements().collect();
    let mut header = Header::default();
    let mut seen_phase = false;
    for (index, stmt) in statements.iter().enumerate() {
        match stmt.keyword {
            None => diags.push_lazy(stmt.keyword_span.start, true, || unknown_keyword(src, stmt)),
            Some(Keyword::Phase) => seen_phase = true,
            Some(kw) if is_header(kw) => {
                let words_ok = check_words(stmt, diags);
                header.statement(stmt, index, seen_phase, statements.first().copied(), words_ok, diags);
            }
            Some(Keyword::Detail(LaneKind::Kpis)) => header.kpi(stmt, diags),
            Some(_) => {}
        }
    }
    let mut body = Body::new(&header);
    for stmt in &statements {
        match stmt.keyword {
            Some(kw) if !is_header(kw) => {
                let words_ok = check_words(stmt, diags);
                body.statement(stmt, words_ok, diags);
            }
            None => body.unknown(suggestion(stmt.keyword_span.of(src))),
            _ => {}
        }
    }
    let (notes, phases) = body.finish();
    let title = header.title(statements.first().copied(), diags);
    if phases.is_empty() {
        // At the title when there is one, else where the phases should have been.
        let span = title.as_ref().map_or(Span::empty(src.trim_end().len()), |t| t.span);
        diags.push(
            Diag::new(
                Code::NoPhase,
                span,
                "the map has no phase",
                "add a phase and its steps, e.g. `phase: Awareness`",
            )
            .label("this journey has no `phase:`"),
        );
        return None;
    }
    let title = title?;
    let mut journey = header.finish(title, notes, phases);
    // Lints look at a whole, valid map; on a broken one they would mostly echo errors.
    if !diags.has_errors() {
        lints::check(&journey, diags);
    }
    journey.derived = derive::derive(&journey);
    Some(journey)
}

/// Statements that describe the map as a whole and belong before the first phase.
/// `note` is not one of them: before the first phase it is a note about the map.
fn is_header(kw: Keyword) -> bool {
    matches!(
        kw,
        Keyword::Journey
            | Keyword::Goal
            | Keyword::Scope
            | Keyword::Lang
            | Keyword::Scale
            | Keyword::View
            | Keyword::State
            | Keyword::Persona
            | Keyword::Channel
            | Keyword::Owner
            | Keyword::Source
            | Keyword::Lanes
    )
}

/// Other words people reach for, and the keyword they mean.
const SYNONYMS: &[(&str, &str)] = &[
    ("title", "journey"),
    ("name", "journey"),
    ("objective", "goal"),
    ("purpose", "goal"),
    ("language", "lang"),
    ("stage", "phase"),
    ("actor", "persona"),
    ("user", "persona"),
    ("customer", "persona"),
    ("department", "owner"),
    ("team", "owner"),
    ("action", "step"),
    ("task", "step"),
    ("touch", "touchpoint"),
    ("feeling", "emotion"),
    ("score", "emotion"),
    ("mood", "emotion"),
    ("painpoint", "pain"),
    ("pain-point", "pain"),
    ("problem", "pain"),
    ("moment", "delight"),
    ("gain", "delight"),
    ("idea", "opportunity"),
    ("metric", "kpi"),
    ("measure", "kpi"),
    ("comment", "note"),
    ("think", "thought"),
    ("ref", "source"),
    ("reference", "source"),
    ("evidence-source", "source"),
    ("research", "source"),
    ("status", "state"),
    ("says", "quote"),
    ("said", "quote"),
];

/// The keyword an unknown word most likely stands for: a synonym, or a close spelling.
fn suggestion(word: &str) -> Option<Keyword> {
    let lower = word.to_lowercase();
    SYNONYMS
        .iter()
        .find(|(synonym, _)| *synonym == lower)
        .map(|(_, kw)| *kw)
        .or_else(|| suggest::closest(word, Keyword::all().map(Keyword::as_str)))
        .and_then(Keyword::from_word)
}

fn unknown_keyword(src: &str, stmt: &Statement) -> Diag {
    let word = stmt.keyword_span.of(src);
    let suggested = suggestion(word);
    let help = match suggested {
        Some(kw) => format!("did you mean `{}`? It is written `{}`", kw.as_str(), kw.usage()),
        None => {
            let keywords: Vec<&str> = Keyword::all().map(Keyword::as_str).collect();
            format!("a line starts with a keyword: {}", keywords.join(", "))
        }
    };
    Diag::new(Code::UnknownKeyword, stmt.keyword_span, format!("unknown keyword `{word}`"), help)
        .label("not a keyword")
        .suggest(suggested.map(Keyword::as_str))
}

/// Reports a known keyword whose words do not fit its statement. `true` when they fit.
fn check_words(stmt: &Statement, diags: &mut Diags) -> bool {
    // Ids and no `:` at all: most likely the text, written without its colon.
    let forgotten_colon = match &stmt.words {
        Words::Cited(ids) if stmt.text.is_none() => Some(ids.iter().cloned().map(Word::Ident).collect::<Vec<_>>()),
        _ => None,
    };
    let (Some(kw), Some(words)) = (
        stmt.keyword,
        match &stmt.words {
            Words::Malformed(words) => Some(words),
            _ => forgotten_colon.as_ref(),
        },
    ) else {
        // Rejected words were reported by the parser already.
        return !matches!(stmt.words, Words::Rejected);
    };
    // The words' span, or the place right after the keyword when there are none.
    let span = match (words.first(), words.last()) {
        (Some(first), Some(last)) => first.span().to(last.span()),
        _ => Span::empty(stmt.keyword_span.end),
    };
    let takes_text_only = matches!(kw.usage().split_once(':'), Some((before, _)) if before == kw.as_str());
    let (message, help) = if takes_text_only && stmt.text.is_none() {
        let written: Vec<String> = words.iter().map(word_text).collect();
        (
            format!("`{kw}` takes no words; its text goes after a `:`", kw = kw.as_str()),
            format!("put a `:` after the keyword: `{}: {}`", kw.as_str(), written.join(" ")),
        )
    } else if takes_text_only {
        (format!("`{}` takes no words before the `:`", kw.as_str()), format!("write `{}`", kw.usage()))
    } else {
        (
            format!("these words do not fit `{}`", kw.as_str()),
            format!("write `{}`{}", kw.usage(), words_hint(kw, words)),
        )
    };
    diags
        .push(Diag::new(Code::WrongWords, span, message, help).label(format!("`{}` expects other words", kw.as_str())));
    false
}

fn word_text(word: &Word) -> String {
    match word {
        Word::Ident(i) => i.name.to_string(),
        Word::Number(n) => n.text.to_string(),
        Word::Range(r) => format!("{}..{}", r.min.text, r.max.text),
    }
}

/// A more specific hint for the common mistakes with a statement's words.
fn words_hint(kw: Keyword, words: &[Word]) -> &'static str {
    let numbers = words.iter().filter(|w| matches!(w, Word::Number(_))).count();
    match kw {
        Keyword::Emotion if numbers == 0 => "; the score is a number on the scale",
        Keyword::Emotion => "; name at most one persona, before the score",
        Keyword::Detail(LaneKind::Kpis) if numbers == 0 => {
            "; the value is a number such as `12%` or `4.5`; a KPI without a value needs an id"
        }
        Keyword::Scale => "; the bounds are integers, e.g. `scale -2..2` or `scale 1..5`",
        Keyword::Lang => "; the code is one word, e.g. `lang da`",
        Keyword::Persona | Keyword::Channel | Keyword::Owner | Keyword::Source => {
            "; the id is one word of letters, digits, `_` or `-`"
        }
        Keyword::State => "; the state is `current` or `future`",
        Keyword::Detail(LaneKind::Needs) => {
            "; the kind is `functional` or `emotional`, the status `met`, `unmet` or `partly`"
        }
        Keyword::Detail(LaneKind::Opportunities) => "; the scores are `impact <1..5>` and `effort <1..5>`",
        Keyword::Detail(lane) if lane.detail().is_some_and(|d| d.1 == Carries::Owner) => {
            "; the one word is an owner's id"
        }
        Keyword::View => "; the view is `journey`, `blueprint` or `opportunities`",
        _ => "",
    }
}

/// The statement's text if it has some; otherwise reports [`Code::MissingText`].
pub(super) fn required_text(stmt: &Statement, what: &str, diags: &mut Diags) -> Option<Text> {
    match &stmt.text {
        Some(t) if !t.value.is_empty() => Some(Text::from(t)),
        Some(t) => {
            diags.push(
                Diag::new(
                    Code::MissingText,
                    t.span,
                    format!("`{}` needs {what} after the `:`", kw_name(stmt)),
                    format!("write it after the colon: `{}`", usage(stmt)),
                )
                .label("no text here"),
            );
            None
        }
        None => {
            diags.push(
                Diag::new(
                    Code::MissingText,
                    Span::empty(stmt.span.end),
                    format!("`{}` needs {what}, after a `:`", kw_name(stmt)),
                    format!("add a `:` and the text: `{}`", usage(stmt)),
                )
                .label("expected `:` and text"),
            );
            None
        }
    }
}

/// The statement's text, which may be absent; an empty text counts as none.
pub(super) fn optional_text(stmt: &Statement) -> Option<Text> {
    stmt.text.as_ref().filter(|t| !t.value.is_empty()).map(Text::from)
}

/// Reports text on a statement that takes none.
pub(super) fn no_text(stmt: &Statement, diags: &mut Diags) {
    if let Some(t) = stmt.text.as_ref().filter(|t| !t.value.is_empty()) {
        diags.push(
            Diag::new(
                Code::UnexpectedText,
                t.span,
                format!("`{}` takes no text", kw_name(stmt)),
                format!("remove the `:` and what follows it: `{}`", usage(stmt)),
            )
            .label("unexpected text"),
        );
    }
}

fn kw_name(stmt: &Statement) -> &'static str {
    stmt.keyword.map_or("?", Keyword::as_str)
}

fn usage(stmt: &Statement) -> &'static str {
    stmt.keyword.map_or("", Keyword::usage)
}
