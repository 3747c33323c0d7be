//! Hover: what a keyword means (one table, taken from the language reference), where an
//! id is declared, and whose feeling an emotion's score is on what scale.

use super::index::{Index, Role};
use crate::syntax::ast::{Keyword, Words};

/// One short text per keyword, from `docs/language.md`.
const KEYWORDS: &[(&str, &str)] = &[
    ("journey", "The map's title. Required: the first statement of the file, exactly once."),
    ("goal", "Why the map exists: the decision it should inform. Optional."),
    ("scope", "Where the journey starts and ends. Optional."),
    ("lang", "The language of the built-in labels (lane headers, legend): `en`, `da`, `sv`, `nb`, `de`. Default `en`."),
    ("scale", "The emotion scale, integers, min < max. Default `-2..2`; `1..5` gives Mermaid-style scores."),
    ("view", "What is drawn: `journey` (the default) or `blueprint`, with the blueprint's three lines."),
    (
        "state",
        "Whether the map describes today's journey (`current`) or a designed one (`future`); drawn beside the title.",
    ),
    (
        "source",
        "Declares where the map's knowledge comes from, with an optional kind: `interview`, `survey`, `observation`, \
         `analytics`, `workshop` or `document`. Statements cite it by listing its id after their other words.",
    ),
    ("persona", "Declares who travels. With none, the map has one anonymous persona."),
    ("channel", "Declares a medium of contact (web, app, phone, branch, letter…), `online` or `offline`."),
    (
        "owner",
        "Declares who is responsible for a touchpoint: a department, or with `external` a party outside the company.",
    ),
    ("lanes", "Which lanes to draw, in this order. Default: every lane that has content."),
    ("phase", "Starts a phase (Awareness, Consideration…). A map has at least one."),
    (
        "step",
        "Starts a step, something the customer does, in the current phase. `critical` marks a moment that matters \
         most; persona ids limit the step to them.",
    ),
    ("touchpoint", "Where the customer meets someone: the ids of a declared channel and/or owner, in any order."),
    (
        "emotion",
        "How the persona feels at this step, an integer on the scale. Without a persona it applies to every persona \
         of the step.",
    ),
    ("thought", "What the customer thinks."),
    ("quote", "What a customer said, verbatim (interviews)."),
    ("need", "What the customer needs here; the kind (`functional`, `emotional`) is optional."),
    ("pain", "A pain point or barrier: where it hurts, why people drop out."),
    ("delight", "A moment of truth in the positive sense: where the experience surprises."),
    ("opportunity", "An idea for improvement."),
    (
        "kpi",
        "A measured figure, e.g. `kpi 12% target 20%: Quote conversion`. An id names it (its value may then be left \
         out); `min`/`max` give it a direction, and the map shows whether it is met.",
    ),
    ("note", "Anything else; in the header, a note about the map (method, sources, date)."),
    ("evidence", "Physical evidence: what the customer sees, receives or keeps (a letter, a receipt, a screen)."),
    ("frontstage", "What a person or system of the company does in the customer's view; optionally its owner."),
    ("backstage", "What the company does out of the customer's sight; optionally its owner."),
    ("support", "The processes, systems and partners that make it possible; optionally its owner."),
];

/// The reference text of a keyword.
pub fn keyword_doc(keyword: Keyword) -> Option<&'static str> {
    KEYWORDS.iter().find(|(k, _)| *k == keyword.as_str()).map(|(_, doc)| *doc)
}

/// The hover text (Markdown) at a byte offset of the map's text.
pub fn hover(index: &Index, text: &str, offset: usize) -> Option<String> {
    if let Some(o) = index.occurrence_at(offset) {
        let Some((kind, span)) = index.declaration(o.name) else {
            return Some(format!("`{}` is not declared", o.name));
        };
        let line = index.statement_at(span.start).map_or("", |s| s.span.of(text));
        let what = match o.role {
            Role::Declares(_) => "declared here",
            Role::Refers(_) => "declared",
        };
        return Some(format!("{} `{}`, {what}:\n```journey\n{line}\n```", kind.keyword(), o.name));
    }
    let stmt = index.statement_at(offset)?;
    let keyword = stmt.keyword?;
    if stmt.keyword_span.start <= offset && offset <= stmt.keyword_span.end {
        return Some(format!("`{}`\n\n{}", keyword.usage(), keyword_doc(keyword)?));
    }
    if let Words::Emotion { persona, score, .. } = &stmt.words
        && score.span.start <= offset
        && offset <= score.span.end
    {
        let who = persona.as_ref().map_or("every persona of the step".to_string(), |p| format!("persona `{}`", p.name));
        let (min, max) = index.scale();
        return Some(format!("emotion {} of {who}, on the map's scale {min}..{max}", score.text));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_keyword_has_a_text() {
        for keyword in Keyword::all() {
            assert!(keyword_doc(keyword).is_some(), "no hover text for `{}`", keyword.as_str());
        }
        assert_eq!(KEYWORDS.len(), Keyword::all().count());
    }

    #[test]
    fn ids_keywords_and_scores_are_explained() {
        let map = "journey: T\nscale 1..5\npersona anna: Anna, 34\nphase: P\nstep anna: S\nemotion anna 4: Glad\n";
        let index = Index::new(map);
        let at = |needle: &str, by: usize| hover(&index, map, map.rfind(needle).unwrap() + by);
        assert_eq!(at("anna 4", 1).unwrap(), "persona `anna`, declared:\n```journey\npersona anna: Anna, 34\n```");
        assert!(
            at("emotion", 2)
                .unwrap()
                .starts_with("`emotion [persona] <score> [sources…]: [why]`\n\nHow the persona feels")
        );
        assert_eq!(at("4:", 0).unwrap(), "emotion 4 of persona `anna`, on the map's scale 1..5");
        assert_eq!(at("Glad", 1), None);
    }
}
