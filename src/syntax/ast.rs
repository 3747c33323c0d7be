//! The syntax tree: one [`Line`] per physical line, statements with typed words and spans.
//!
//! This is what the parser hands on; pest's own types never leave `src/syntax`. The
//! tree keeps blank lines and comments so that a formatter can rebuild the file.

use crate::Span;
pub use crate::lanes::LaneKind;

/// Every keyword of the language. The detail statements (`thought`, `need`, `kpi`,
/// `backstage`…) are the lane table's: [`crate::lanes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Keyword {
    Journey,
    Goal,
    Scope,
    Lang,
    Scale,
    View,
    State,
    Persona,
    Channel,
    Owner,
    Source,
    Lanes,
    Phase,
    Step,
    Touchpoint,
    Emotion,
    /// A statement that fills a detail lane; `note` is also a header statement.
    Detail(LaneKind),
}

/// The keywords that are not detail statements.
const FIXED: &[Keyword] = &[
    Keyword::Journey,
    Keyword::Goal,
    Keyword::Scope,
    Keyword::Lang,
    Keyword::Scale,
    Keyword::View,
    Keyword::State,
    Keyword::Persona,
    Keyword::Channel,
    Keyword::Owner,
    Keyword::Source,
    Keyword::Lanes,
    Keyword::Phase,
    Keyword::Step,
    Keyword::Touchpoint,
    Keyword::Emotion,
];

impl Keyword {
    /// `note`: a note about the map in the header, a detail in the body.
    pub const NOTE: Keyword = Keyword::Detail(LaneKind::Notes);

    /// Every keyword: the fixed ones, then the lane table's detail statements.
    pub fn all() -> impl Iterator<Item = Keyword> {
        FIXED.iter().copied().chain(LaneKind::all().filter(|l| l.detail().is_some()).map(Keyword::Detail))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Keyword::Journey => "journey",
            Keyword::Goal => "goal",
            Keyword::Scope => "scope",
            Keyword::Lang => "lang",
            Keyword::Scale => "scale",
            Keyword::View => "view",
            Keyword::State => "state",
            Keyword::Source => "source",
            Keyword::Persona => "persona",
            Keyword::Channel => "channel",
            Keyword::Owner => "owner",
            Keyword::Lanes => "lanes",
            Keyword::Phase => "phase",
            Keyword::Step => "step",
            Keyword::Touchpoint => "touchpoint",
            Keyword::Emotion => "emotion",
            Keyword::Detail(lane) => lane.detail().map_or("", |d| d.0),
        }
    }

    pub fn from_word(word: &str) -> Option<Keyword> {
        FIXED.iter().copied().find(|k| k.as_str() == word).or_else(|| LaneKind::from_keyword(word).map(Keyword::Detail))
    }

    /// The statement's shape, as the language reference writes it.
    pub fn usage(self) -> &'static str {
        match self {
            Keyword::Journey => "journey: <title>",
            Keyword::Goal => "goal: <text>",
            Keyword::Scope => "scope: <text>",
            Keyword::Lang => "lang <code>",
            Keyword::Scale => "scale <min>..<max>",
            Keyword::View => "view journey|blueprint|opportunities",
            Keyword::State => "state current|future",
            Keyword::Source => "source <id> [interview|survey|observation|analytics|workshop|document]: <description>",
            Keyword::Persona => "persona <id>: <description>",
            Keyword::Channel => "channel <id> [online|offline]: <label>",
            Keyword::Owner => "owner <id> [external]: <label>",
            Keyword::Lanes => "lanes <lane>…",
            Keyword::Phase => "phase: <name>",
            Keyword::Step => "step [critical] [persona…] [sources…]: <action>",
            Keyword::Touchpoint => "touchpoint [channel] [owner] [sources…]: <text>",
            Keyword::Emotion => "emotion [persona] <score> [sources…]: [why]",
            Keyword::Detail(lane) => lane.spec().usage,
        }
    }
}

/// A parsed file: every line, in order.
#[derive(Clone, Debug, Default)]
pub struct File<'a> {
    pub lines: Vec<Line<'a>>,
}

impl<'a> File<'a> {
    /// The statements, in source order.
    pub fn statements(&self) -> impl Iterator<Item = &Statement<'a>> {
        self.lines.iter().filter_map(|line| match &line.kind {
            LineKind::Statement(s) => Some(&**s),
            _ => None,
        })
    }
}

#[derive(Clone, Debug)]
pub struct Line<'a> {
    /// The line without its line end.
    pub span: Span,
    pub kind: LineKind<'a>,
}

#[derive(Clone, Debug)]
pub enum LineKind<'a> {
    Blank,
    Comment,
    Statement(Box<Statement<'a>>),
    /// A line the grammar rejects; it has been reported.
    Invalid,
}

/// `keyword [words…] [: text]`.
#[derive(Clone, Debug)]
pub struct Statement<'a> {
    /// The keyword, or `None` for an unknown one (`keyword_span` still covers it).
    pub keyword: Option<Keyword>,
    pub keyword_span: Span,
    pub words: Words<'a>,
    /// `None` without a `:`; `Some` with a possibly empty text after it.
    pub text: Option<Text<'a>>,
    /// From the keyword to the end of the text, without surrounding blanks.
    pub span: Span,
}

/// The free text after the first `:`, trimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text<'a> {
    pub value: &'a str,
    /// The trimmed text; empty, right after the `:`, when there is none.
    pub span: Span,
}

/// An identifier word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident<'a> {
    pub name: &'a str,
    pub span: Span,
}

/// A number word: `-1`, `+2`, `4.5`, `12%`.
#[derive(Clone, Debug, PartialEq)]
pub struct Number<'a> {
    /// As written.
    pub text: &'a str,
    pub value: f64,
    pub percent: bool,
    /// The number has a fractional part (`4.5`, even `4.0`).
    pub fractional: bool,
    pub span: Span,
}

impl Number<'_> {
    /// The value as an integer, if it is written as one and fits.
    pub fn integer(&self) -> Option<i64> {
        if self.percent || self.fractional {
            return None;
        }
        self.text.trim_start_matches('+').parse().ok()
    }
}

/// `min..max`.
#[derive(Clone, Debug, PartialEq)]
pub struct Range<'a> {
    pub min: Number<'a>,
    pub max: Number<'a>,
    pub span: Span,
}

/// A reserved flag word where the statement expects one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flag {
    pub kind: FlagKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FlagKind {
    Critical,
    Online,
    Offline,
    External,
    Functional,
    Emotional,
    Target,
    Journey,
    Blueprint,
    // Version 1: the kinds of source, the states, a KPI's direction, a need's state
    // and an opportunity's weights.
    Interview,
    Survey,
    Observation,
    Analytics,
    Workshop,
    Document,
    Current,
    Future,
    Min,
    Max,
    Met,
    Unmet,
    Partly,
    Impact,
    Effort,
}

impl FlagKind {
    pub const ALL: &'static [FlagKind] = &[
        FlagKind::Critical,
        FlagKind::Online,
        FlagKind::Offline,
        FlagKind::External,
        FlagKind::Functional,
        FlagKind::Emotional,
        FlagKind::Target,
        FlagKind::Journey,
        FlagKind::Blueprint,
        FlagKind::Interview,
        FlagKind::Survey,
        FlagKind::Observation,
        FlagKind::Analytics,
        FlagKind::Workshop,
        FlagKind::Document,
        FlagKind::Current,
        FlagKind::Future,
        FlagKind::Min,
        FlagKind::Max,
        FlagKind::Met,
        FlagKind::Unmet,
        FlagKind::Partly,
        FlagKind::Impact,
        FlagKind::Effort,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::Critical => "critical",
            FlagKind::Online => "online",
            FlagKind::Offline => "offline",
            FlagKind::External => "external",
            FlagKind::Functional => "functional",
            FlagKind::Emotional => "emotional",
            FlagKind::Target => "target",
            FlagKind::Journey => "journey",
            FlagKind::Blueprint => "blueprint",
            FlagKind::Interview => "interview",
            FlagKind::Survey => "survey",
            FlagKind::Observation => "observation",
            FlagKind::Analytics => "analytics",
            FlagKind::Workshop => "workshop",
            FlagKind::Document => "document",
            FlagKind::Current => "current",
            FlagKind::Future => "future",
            FlagKind::Min => "min",
            FlagKind::Max => "max",
            FlagKind::Met => "met",
            FlagKind::Unmet => "unmet",
            FlagKind::Partly => "partly",
            FlagKind::Impact => "impact",
            FlagKind::Effort => "effort",
        }
    }

    /// Whether `word` is one of the reserved flag words, which cannot be ids.
    pub fn is_reserved(word: &str) -> bool {
        FlagKind::ALL.iter().any(|f| f.as_str() == word)
    }
}

/// Any word, as the `malformed` rule keeps them.
#[derive(Clone, Debug, PartialEq)]
pub enum Word<'a> {
    Ident(Ident<'a>),
    Number(Number<'a>),
    Range(Range<'a>),
}

impl Word<'_> {
    pub fn span(&self) -> Span {
        match self {
            Word::Ident(i) => i.span,
            Word::Number(n) => n.span,
            Word::Range(r) => r.span,
        }
    }
}

/// A statement's words, typed by statement.
#[derive(Clone, Debug, PartialEq)]
pub enum Words<'a> {
    /// `journey goal scope phase`, and detail statements that carry only text and
    /// cite nothing.
    None,
    Lang(Ident<'a>),
    Scale(Range<'a>),
    Persona(Ident<'a>),
    Channel {
        id: Ident<'a>,
        mode: Option<Flag>,
    },
    Owner {
        id: Ident<'a>,
        external: Option<Flag>,
    },
    Lanes(Vec<Ident<'a>>),
    Step {
        critical: Vec<Flag>,
        personas: Vec<Ident<'a>>,
    },
    /// A touchpoint's channel, owner and sources, in the order written.
    Touchpoint(Vec<Ident<'a>>),
    Emotion {
        persona: Option<Ident<'a>>,
        score: Number<'a>,
        cites: Vec<Ident<'a>>,
    },
    Need {
        kind: Option<Flag>,
        /// `met`, `unmet` or `partly`, as written (src/model reports a second one).
        status: Vec<Flag>,
        cites: Vec<Ident<'a>>,
    },
    /// `opportunity [impact <n>] [effort <n>] [sources…]`: the scores as written, in
    /// order (src/model checks them).
    Opportunity {
        scores: Vec<(Flag, Number<'a>)>,
        cites: Vec<Ident<'a>>,
    },
    /// `view journey|blueprint|opportunities`.
    View(Ident<'a>),
    /// `state current|future`.
    State(Ident<'a>),
    /// `source <id> [kind]`.
    Source {
        id: Ident<'a>,
        kind: Option<Ident<'a>>,
    },
    /// A detail statement that carries only text: the sources it cites.
    Cited(Vec<Ident<'a>>),
    /// `frontstage`, `backstage` and `support`: an optional owner and the sources, in
    /// the order written.
    Owned(Vec<Ident<'a>>),
    Kpi {
        id: Option<Ident<'a>>,
        value: Option<Number<'a>>,
        /// `target`, `min` or `max`, and its figure.
        goal: Option<(Flag, Number<'a>)>,
        cites: Vec<Ident<'a>>,
    },
    /// Words that do not fit the keyword's statement (or the keyword is unknown).
    Malformed(Vec<Word<'a>>),
    /// Words the grammar rejected (reported as J0102). The keyword is kept, so that a
    /// `phase` or `step` with a bad word still opens its phase or step.
    Rejected,
}
