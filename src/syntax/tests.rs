//! The parser against the grammar: line splitting agrees with the `file` rule, and
//! statements come out with the right words and spans.

use pest::Parser;
use proptest::prelude::*;

use super::ast::*;
use super::parse::{JourneyGrammar, Rule};
use super::{parse, split_lines};
use crate::Span;
use crate::diag::Diags;

/// The lines the grammar's `file` rule finds, as spans into the text after the BOM.
fn grammar_lines(text: &str) -> Vec<Span> {
    let mut pairs = JourneyGrammar::parse(Rule::file, text).expect("every text is a file");
    let file = pairs.next().unwrap();
    let bom = file.clone().into_inner().find(|p| p.as_rule() == Rule::bom).map_or(0, |p| p.as_str().len());
    file.into_inner()
        .filter(|p| p.as_rule() == Rule::raw_line)
        .map(|p| Span::new(p.as_span().start() - bom, p.as_span().end() - bom))
        .collect()
}

fn split(text: &str) -> Vec<Span> {
    split_lines(text).collect()
}

#[test]
fn line_splitting_follows_the_grammar() {
    for text in ["", "a", "a\n", "a\r\nb", "a\r\n\r\nb\n", "\r", "a\rb\n", "x\n\n", "\u{feff}a\nb"] {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        assert_eq!(split(body), grammar_lines(text), "{text:?}");
    }
}

proptest! {
    #[test]
    fn line_splitting_follows_the_grammar_on_any_text(text in "[a\\r\\n é:#\\t]{0,40}") {
        prop_assert_eq!(split(&text), grammar_lines(&text));
    }
}

fn statement(line: &str) -> Statement<'_> {
    let mut diags = Diags::default();
    let file = parse(line, &mut diags);
    assert!(diags.iter().next().is_none(), "{line:?}: {diags:?}");
    file.statements().next().unwrap_or_else(|| panic!("no statement in {line:?}")).clone()
}

#[test]
fn the_first_colon_ends_the_words() {
    let line = "  step critical anna: Reads: \"the fine print\" # not a comment  ";
    let s = statement(line);
    assert_eq!(s.keyword, Some(Keyword::Step));
    let text = s.text.unwrap();
    assert_eq!(text.value, "Reads: \"the fine print\" # not a comment");
    let start = line.find("Reads").unwrap();
    assert_eq!(text.span, Span::new(start, line.trim_end().len()));
    let Words::Step { critical, personas } = s.words else { panic!("step words") };
    assert_eq!(critical.len(), 1);
    assert_eq!(personas, vec![Ident { name: "anna", span: Span::new(16, 20) }]);
}

#[test]
fn numbers_ranges_and_percentages() {
    let Words::Kpi { id, value, goal, cites } = statement("kpi +12.5% target 20%: X").words else { panic!() };
    let value = value.unwrap();
    assert_eq!((value.value, value.percent, value.fractional), (12.5, true, true));
    assert_eq!(value.text, "+12.5%");
    let (word, target) = goal.unwrap();
    assert_eq!((word.kind, target.value), (FlagKind::Target, 20.0));
    assert_eq!((id, cites), (None, vec![]));
    let Words::Scale(range) = statement("scale -2..+2").words else { panic!() };
    assert_eq!((range.min.integer(), range.max.integer()), (Some(-2), Some(2)));
    let Words::Emotion { persona, score, cites } = statement("emotion -1").words else { panic!() };
    assert_eq!((persona, score.integer(), cites), (None, Some(-1), vec![]));
}

#[test]
fn citations_stand_after_the_other_words() {
    fn names<'a>(ids: &[Ident<'a>]) -> Vec<&'a str> {
        ids.iter().map(|i| i.name).collect()
    }
    let Words::Emotion { persona, score, cites } = statement("emotion anna -2 i3 i7: Why").words else { panic!() };
    assert_eq!((persona.map(|p| p.name), score.integer(), names(&cites)), (Some("anna"), Some(-2), vec!["i3", "i7"]));
    let Words::Cited(cites) = statement("pain i3 a1: The form").words else { panic!() };
    assert_eq!(names(&cites), ["i3", "a1"]);
    assert!(matches!(statement("pain: The form").words, Words::None));
    let Words::Need { kind, status, cites } = statement("need emotional i3: Calm").words else { panic!() };
    assert_eq!((kind.map(|k| k.kind), status, names(&cites)), (Some(FlagKind::Emotional), vec![], vec!["i3"]));
    let Words::Need { kind, status, cites } = statement("need functional partly i3: Calm").words else { panic!() };
    let status: Vec<FlagKind> = status.iter().map(|f| f.kind).collect();
    assert_eq!(
        (kind.map(|k| k.kind), status, names(&cites)),
        (Some(FlagKind::Functional), vec![FlagKind::Partly], vec!["i3"])
    );
    let Words::Need { kind, status, .. } = statement("need unmet: Calm").words else { panic!() };
    assert_eq!((kind, status.len()), (None, 1));
    let Words::Opportunity { scores, cites } = statement("opportunity effort 2 impact 40% i3: X").words else {
        panic!()
    };
    let scores: Vec<(FlagKind, &str)> = scores.iter().map(|(f, n)| (f.kind, n.text)).collect();
    assert_eq!((scores, names(&cites)), (vec![(FlagKind::Effort, "2"), (FlagKind::Impact, "40%")], vec!["i3"]));
    assert!(matches!(statement("opportunity: X").words, Words::Opportunity { .. }));
    let Words::Owned(ids) = statement("backstage ops i3: Checks").words else { panic!() };
    assert_eq!(names(&ids), ["ops", "i3"]);
    let Words::Source { id, kind } = statement("source i3 interview: Anna").words else { panic!() };
    assert_eq!((id.name, kind.map(|k| k.name)), ("i3", Some("interview")));
    let Words::State(word) = statement("state future").words else { panic!() };
    assert_eq!(word.name, "future");
}

#[test]
fn a_kpi_has_an_id_a_value_or_both() {
    let kpi = |line| match statement(line).words {
        Words::Kpi { id, value, goal, cites } => Some((
            id.map(|i| i.name),
            value.map(|v| v.text),
            goal.map(|(w, n)| (w.kind, n.text)),
            cites.iter().map(|c| c.name).collect::<Vec<_>>(),
        )),
        _ => None,
    };
    assert_eq!(
        kpi("kpi wait 14 max 8 o1: Minutes"),
        Some((Some("wait"), Some("14"), Some((FlagKind::Max, "8")), vec!["o1"]))
    );
    assert_eq!(kpi("kpi conv: Conversion"), Some((Some("conv"), None, None, vec![])));
    assert_eq!(
        kpi("kpi conv min 55% a1: Conversion"),
        Some((Some("conv"), None, Some((FlagKind::Min, "55%")), vec!["a1"]))
    );
    assert_eq!(kpi("kpi 38% target 55% a1: Q"), Some((None, Some("38%"), Some((FlagKind::Target, "55%")), vec!["a1"])));
    // Neither an id nor a value, or a goal word where the id goes: not a `kpi`.
    assert_eq!(kpi("kpi: Conversion"), None);
    assert_eq!(kpi("kpi max 8: Minutes"), None);
    assert_eq!(kpi("kpi 12% a1 13%: X"), None);
}

#[test]
fn tabs_blank_lines_and_comments() {
    let mut diags = Diags::default();
    let file = parse("\t# comment\n\n\t\tphase:\tTabbed  \r\n   \n", &mut diags);
    let kinds: Vec<&str> = file
        .lines
        .iter()
        .map(|l| match l.kind {
            LineKind::Blank => "blank",
            LineKind::Comment => "comment",
            LineKind::Statement(_) => "statement",
            LineKind::Invalid => "invalid",
        })
        .collect();
    assert_eq!(kinds, ["comment", "blank", "statement", "blank", "blank"]);
    assert_eq!(file.statements().next().unwrap().text.as_ref().unwrap().value, "Tabbed");
}

#[test]
fn flags_are_words_only_where_the_statement_has_them() {
    let Words::Channel { mode, .. } = statement("channel web online: Web").words else { panic!() };
    assert_eq!(mode.map(|f| f.kind), Some(FlagKind::Online));
    // `online` where a channel id is expected is an id here; the model rejects it.
    let Words::Touchpoint(ids) = statement("touchpoint online: X").words else { panic!() };
    assert_eq!(ids[0].name, "online");
    let Words::Step { critical, personas } = statement("step anna critical: X").words else { panic!() };
    assert_eq!((critical.len(), personas.len()), (1, 1));
}

#[test]
fn a_statement_that_stops_early_is_malformed_not_truncated() {
    let s = statement("phase Awareness");
    assert_eq!(s.keyword, Some(Keyword::Phase));
    assert!(matches!(s.words, Words::Malformed(ref w) if w.len() == 1));
    let s = statement("Step: Capitalised");
    assert_eq!(s.keyword, None);
}

#[test]
fn a_bad_line_is_reported_and_the_next_one_parsed() {
    let mut diags = Diags::default();
    let file = parse("step Åse: x\nphase: ok\n+: no keyword\n", &mut diags);
    let diags = diags.finish();
    assert_eq!(diags.len(), 2);
    assert!(matches!(file.lines[2].kind, LineKind::Invalid));
    assert_eq!(diags[0].primary.span, Span::new(5, 9));
    // The line keeps its keyword, so that the step still opens.
    let LineKind::Statement(step) = &file.lines[0].kind else { panic!("{:?}", file.lines[0].kind) };
    assert_eq!((step.keyword, &step.words), (Some(Keyword::Step), &Words::Rejected));
    assert_eq!(step.text.as_ref().map(|t| t.value), Some("x"));
    assert!(matches!(file.lines[1].kind, LineKind::Statement(_)));
}

/// A line as the fast path (keyword dispatch) and as the grammar's `line` rule see it.
fn both_ways(line: &str) -> (String, String) {
    let (mut a, mut b) = (Diags::default(), Diags::default());
    let fast = super::parse::parse_line_for_test(line, &mut a);
    let reference = super::parse::recover(line, 0, super::parse::parse_line_by_grammar(line, 0, &mut b));
    let (a, b) = (a.finish(), b.finish());
    (format!("{fast:?} {a:?}"), format!("{reference:?} {b:?}"))
}

#[test]
fn keyword_dispatch_agrees_with_the_line_rule_on_the_examples() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for entry in
        std::fs::read_dir(root.join("examples")).unwrap().chain(std::fs::read_dir(root.join("tests/check")).unwrap())
    {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "journey") {
            let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
            for line in text.lines() {
                let (fast, reference) = both_ways(line);
                assert_eq!(fast, reference, "{}: {line:?}", path.display());
            }
        }
    }
}

proptest! {
    #[test]
    fn keyword_dispatch_agrees_with_the_line_rule(
        line in "[ \\t]{0,2}(step|emotion|kpi|phase|lanes|channel|need|scale|x|Step|)[ \\t]{0,2}(critical|anna|-1|4\\.5|12%|-2\\.\\.2|online|target|functional|é|!| |\\t){0,5}(:.{0,8})?"
    ) {
        let (fast, reference) = both_ways(&line);
        prop_assert_eq!(fast, reference);
    }
}
