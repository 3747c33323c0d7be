//! The syntax tree: one [`Line`] per physical line, statements with typed words and spans.
//!
//! This is what the parser hands on; pest's own types never leave `src/syntax`. The
//! tree keeps blank lines and comments so that a formatter can rebuild the file.

use crate::Span;

/// Every keyword of the language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Keyword {
    Journey,
    Goal,
    Scope,
    Note,
    Lang,
    Scale,
    Persona,
    Channel,
    Owner,
    Lanes,
    Phase,
    Step,
    Touchpoint,
    Emotion,
    Thought,
    Quote,
    Need,
    Pain,
    Delight,
    Opportunity,
    Kpi,
}

impl Keyword {
    pub const ALL: &'static [Keyword] = &[
        Keyword::Journey,
        Keyword::Goal,
        Keyword::Scope,
        Keyword::Note,
        Keyword::Lang,
        Keyword::Scale,
        Keyword::Persona,
        Keyword::Channel,
        Keyword::Owner,
        Keyword::Lanes,
        Keyword::Phase,
        Keyword::Step,
        Keyword::Touchpoint,
        Keyword::Emotion,
        Keyword::Thought,
        Keyword::Quote,
        Keyword::Need,
        Keyword::Pain,
        Keyword::Delight,
        Keyword::Opportunity,
        Keyword::Kpi,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Keyword::Journey => "journey",
            Keyword::Goal => "goal",
            Keyword::Scope => "scope",
            Keyword::Note => "note",
            Keyword::Lang => "lang",
            Keyword::Scale => "scale",
            Keyword::Persona => "persona",
            Keyword::Channel => "channel",
            Keyword::Owner => "owner",
            Keyword::Lanes => "lanes",
            Keyword::Phase => "phase",
            Keyword::Step => "step",
            Keyword::Touchpoint => "touchpoint",
            Keyword::Emotion => "emotion",
            Keyword::Thought => "thought",
            Keyword::Quote => "quote",
            Keyword::Need => "need",
            Keyword::Pain => "pain",
            Keyword::Delight => "delight",
            Keyword::Opportunity => "opportunity",
            Keyword::Kpi => "kpi",
        }
    }

    pub fn from_word(word: &str) -> Option<Keyword> {
        Keyword::ALL.iter().copied().find(|k| k.as_str() == word)
    }

    /// The statement's shape, as the language reference writes it.
    pub fn usage(self) -> &'static str {
        match self {
            Keyword::Journey => "journey: <title>",
            Keyword::Goal => "goal: <text>",
            Keyword::Scope => "scope: <text>",
            Keyword::Note => "note: <text>",
            Keyword::Lang => "lang <code>",
            Keyword::Scale => "scale <min>..<max>",
            Keyword::Persona => "persona <id>: <description>",
            Keyword::Channel => "channel <id> [online|offline]: <label>",
            Keyword::Owner => "owner <id> [external]: <label>",
            Keyword::Lanes => "lanes <lane>…",
            Keyword::Phase => "phase: <name>",
            Keyword::Step => "step [critical] [persona…]: <action>",
            Keyword::Touchpoint => "touchpoint [channel] [owner]: <text>",
            Keyword::Emotion => "emotion [persona] <score>: [why]",
            Keyword::Thought => "thought: <text>",
            Keyword::Quote => "quote: <text>",
            Keyword::Need => "need [functional|emotional]: <text>",
            Keyword::Pain => "pain: <text>",
            Keyword::Delight => "delight: <text>",
            Keyword::Opportunity => "opportunity: <text>",
            Keyword::Kpi => "kpi <value> [target <value>]: <label>",
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
    /// `journey goal scope note phase thought quote pain delight opportunity`.
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
    Touchpoint(Vec<Ident<'a>>),
    Emotion {
        persona: Option<Ident<'a>>,
        score: Number<'a>,
    },
    Need(Option<Flag>),
    Kpi {
        value: Number<'a>,
        target: Option<Number<'a>>,
    },
    /// Words that do not fit the keyword's statement (or the keyword is unknown).
    Malformed(Vec<Word<'a>>),
    /// Words the grammar rejected (reported as J0102). The keyword is kept, so that a
    /// `phase` or `step` with a bad word still opens its phase or step.
    Rejected,
}
