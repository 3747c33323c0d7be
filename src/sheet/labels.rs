//! The labels of a grid's rows, in column A: English keywords and lane names, and the
//! lane headers of every label language (`Smertepunkter`, `Berührungspunkte`…), any case.

use crate::lanes::{LANES, LaneKind};
use crate::model::{Label, Lang};

/// What a row holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A header statement: `journey`, `goal`, `persona`….
    Header(Key),
    /// `note`: a note about the map above the phase row, a card in the notes lane below it.
    Note,
    /// The phases, one cell at the first column of each.
    Phase,
    /// The steps' actions.
    Step,
    /// A lane's cards: touchpoints, emotions or a detail lane.
    Lane(LaneKind),
}

/// A header statement's keyword.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Journey,
    Goal,
    Scope,
    Lang,
    Scale,
    Persona,
    Channel,
    Owner,
    Source,
    State,
    View,
    Lanes,
}

impl Key {
    pub fn keyword(self) -> &'static str {
        match self {
            Key::Journey => "journey",
            Key::Goal => "goal",
            Key::Scope => "scope",
            Key::Lang => "lang",
            Key::Scale => "scale",
            Key::Persona => "persona",
            Key::Channel => "channel",
            Key::Owner => "owner",
            Key::Source => "source",
            Key::State => "state",
            Key::View => "view",
            Key::Lanes => "lanes",
        }
    }

    /// Whether the statement is written at most once.
    pub fn once(self) -> bool {
        !matches!(self, Key::Persona | Key::Channel | Key::Owner | Key::Source)
    }

    /// Whether the row's first value is words (an id and flags, a code, a range) and the
    /// next its text; else the row's values are the statement's text.
    pub fn has_words(self) -> bool {
        !matches!(self, Key::Journey | Key::Goal | Key::Scope)
    }
}

/// The phase row's label in each label language, in the order of [`Lang::ALL`].
pub const PHASE_HEADERS: [&str; 5] = ["Phase", "Fase", "Fas", "Fase", "Phase"];

/// Every label a row may have, lower case, with what it means.
fn table() -> Vec<(String, Row)> {
    written().into_iter().map(|(s, r)| (s.to_lowercase(), r)).collect()
}

/// Every label a row may have as the tables write it, with what it means.
fn written() -> Vec<(String, Row)> {
    let mut t: Vec<(String, Row)> = Vec::new();
    let mut add = |s: &str, r: Row| t.push((s.to_owned(), r));
    for key in [
        Key::Journey,
        Key::Goal,
        Key::Scope,
        Key::Lang,
        Key::Scale,
        Key::Persona,
        Key::Channel,
        Key::Owner,
        Key::Source,
        Key::State,
        Key::View,
        Key::Lanes,
    ] {
        add(key.keyword(), Row::Header(key));
    }
    add("title", Row::Header(Key::Journey));
    add("language", Row::Header(Key::Lang));
    for (plural, key) in
        [("personas", Key::Persona), ("channels", Key::Channel), ("owners", Key::Owner), ("sources", Key::Source)]
    {
        add(plural, Row::Header(key));
    }
    for &lang in Lang::ALL {
        add(Label::Goal.text(lang), Row::Header(Key::Goal));
        add(Label::Scope.text(lang), Row::Header(Key::Scope));
        add(Label::Personas.text(lang), Row::Header(Key::Persona));
    }
    add("note", Row::Note);
    add("phase", Row::Phase);
    add("phases", Row::Phase);
    for h in PHASE_HEADERS {
        add(h, Row::Phase);
    }
    add("step", Row::Step);
    add("steps", Row::Step);
    for lane in LANES {
        let row = match lane.kind {
            LaneKind::Actions => Row::Step,
            LaneKind::Notes => Row::Note,
            kind => Row::Lane(kind),
        };
        add(lane.name, row);
        match lane.kind {
            LaneKind::Touchpoints => add("touchpoint", row),
            LaneKind::Emotions => add("emotion", row),
            kind => {
                if let Some((keyword, _)) = kind.detail() {
                    add(keyword, row);
                }
            }
        }
        for h in lane.headers {
            add(h, row);
        }
    }
    for &lang in Lang::ALL {
        add(Label::Notes.text(lang), Row::Note);
    }
    // Other names templates give lanes.
    for (name, lane) in [
        ("touch points", LaneKind::Touchpoints),
        ("berührungspunkte", LaneKind::Touchpoints),
        ("feelings", LaneKind::Emotions),
        ("gefühle", LaneKind::Emotions),
        ("pain point", LaneKind::Pains),
        ("doing", LaneKind::Actions),
    ] {
        add(name, if lane == LaneKind::Actions { Row::Step } else { Row::Lane(lane) });
    }
    t
}

/// What a row label says: the row and the words after its label (`emotion anna`:
/// `anna`). `None` for a label that is none of them.
pub fn parse(label: &str) -> Option<(Row, Vec<String>)> {
    // `Pain points:` as templates write it.
    let label = label.trim().trim_end_matches(':');
    let words: Vec<String> = label.split_whitespace().map(str::to_owned).collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let mut best: Option<(usize, Row)> = None;
    for (phrase, row) in table() {
        let parts: Vec<&str> = phrase.split_whitespace().collect();
        if parts.len() <= lower.len()
            && parts.iter().zip(&lower).all(|(a, b)| a == b)
            && best.is_none_or(|(n, _)| parts.len() > n)
        {
            best = Some((parts.len(), row));
        }
    }
    best.map(|(n, row)| (row, words[n..].to_vec()))
}

/// The known label closest to `label`, for a did-you-mean.
pub fn closest(label: &str) -> Option<String> {
    let table = written();
    let phrases: Vec<&str> = table.iter().map(|(p, _)| p.as_str()).collect();
    crate::model::suggest::closest(label.trim(), phrases).map(str::to_owned)
}

/// The phase row's label in `lang`.
pub fn phase_label(lang: Lang) -> &'static str {
    let i = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
    PHASE_HEADERS[i]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_any_language_and_case() {
        assert_eq!(parse("Smertepunkter"), Some((Row::Lane(LaneKind::Pains), vec![])));
        assert_eq!(parse("pain points"), Some((Row::Lane(LaneKind::Pains), vec![])));
        assert_eq!(parse("emotion anna"), Some((Row::Lane(LaneKind::Emotions), vec!["anna".into()])));
        assert_eq!(parse("Følelser Anna"), Some((Row::Lane(LaneKind::Emotions), vec!["Anna".into()])));
        assert_eq!(parse("Support processes"), Some((Row::Lane(LaneKind::Support), vec![])));
        assert_eq!(parse("Handlinger"), Some((Row::Step, vec![])));
        assert_eq!(parse("Title"), Some((Row::Header(Key::Journey), vec![])));
        assert_eq!(parse("Noter"), Some((Row::Note, vec![])));
        assert_eq!(parse("Fase"), Some((Row::Phase, vec![])));
        assert_eq!(parse("painz"), None);
        assert_eq!(parse("Pain points:"), Some((Row::Lane(LaneKind::Pains), vec![])));
        assert_eq!(closest("Smertepunktr").as_deref(), Some("Smertepunkter"));
        for lane in LaneKind::all() {
            for &lang in Lang::ALL {
                let (row, words) = parse(lane.label(lang)).unwrap();
                assert!(words.is_empty());
                assert!(
                    matches!(row, Row::Lane(l) if l == lane) || lane == LaneKind::Actions || lane == LaneKind::Notes
                );
            }
        }
    }
}
