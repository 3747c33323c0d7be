//! The model's types: a journey, its phases and steps, and what they hold.

use super::{Derived, LaneKind, Lang, StepRef};
use crate::Span;

/// A whole journey map.
#[derive(Clone, Debug, PartialEq)]
pub struct Journey {
    pub title: Text,
    pub goal: Option<Text>,
    pub scope: Option<Text>,
    /// Notes about the map itself (method, sources, date).
    pub notes: Vec<Text>,
    pub lang: Lang,
    pub scale: Scale,
    /// Declared personas; empty means one anonymous persona.
    pub personas: Vec<Persona>,
    pub channels: Vec<Channel>,
    pub owners: Vec<Owner>,
    /// The lanes to draw, in order: as `lanes` lists them, or every lane with content.
    pub lanes: Vec<LaneKind>,
    /// Whether `lanes` was written.
    pub lanes_explicit: bool,
    pub phases: Vec<Phase>,
    pub derived: Derived,
}

impl Journey {
    /// Steps in journey order with their place.
    pub fn steps(&self) -> impl Iterator<Item = (StepRef, &Step)> {
        self.phases.iter().enumerate().flat_map(|(p, phase)| {
            phase.steps.iter().enumerate().map(move |(s, step)| (StepRef { phase: p, step: s }, step))
        })
    }

    pub fn step(&self, at: StepRef) -> &Step {
        &self.phases[at.phase].steps[at.step]
    }

    /// The personas who travel: each declared one, or the anonymous one (`None`).
    pub fn travellers(&self) -> Vec<Option<PersonaId>> {
        if self.personas.is_empty() {
            vec![None]
        } else {
            (0..self.personas.len()).map(|i| Some(PersonaId(i))).collect()
        }
    }

    pub fn persona(&self, id: PersonaId) -> &Persona {
        &self.personas[id.0]
    }

    pub fn channel(&self, id: ChannelId) -> &Channel {
        &self.channels[id.0]
    }

    pub fn owner(&self, id: OwnerId) -> &Owner {
        &self.owners[id.0]
    }
}

/// A text from the map, trimmed, with where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub value: String,
    pub span: Span,
}

impl From<&crate::syntax::ast::Text<'_>> for Text {
    fn from(t: &crate::syntax::ast::Text<'_>) -> Self {
        Text { value: t.value.to_string(), span: t.span }
    }
}

/// The emotion scale, `min < max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
}

impl Default for Scale {
    fn default() -> Self {
        Scale { min: -2, max: 2 }
    }
}

impl Scale {
    pub fn contains(self, score: i64) -> bool {
        (self.min..=self.max).contains(&score)
    }
}

/// Index of a declared persona in [`Journey::personas`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonaId(pub usize);
/// Index of a declared channel in [`Journey::channels`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChannelId(pub usize);
/// Index of a declared owner in [`Journey::owners`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OwnerId(pub usize);

#[derive(Clone, Debug, PartialEq)]
pub struct Persona {
    pub id: String,
    pub description: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChannelMode {
    Online,
    Offline,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Channel {
    pub id: String,
    pub label: Option<Text>,
    pub mode: Option<ChannelMode>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Owner {
    pub id: String,
    pub label: Option<Text>,
    /// A party outside the company: its touchpoints do not close a gap.
    pub external: bool,
    pub span: Span,
}

/// A phase of the journey, with the details written before its first step.
#[derive(Clone, Debug, PartialEq)]
pub struct Phase {
    pub name: Text,
    pub details: Details,
    pub steps: Vec<Step>,
    pub span: Span,
}

/// Something the customer does.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// 1-based position in the whole journey.
    pub number: usize,
    pub action: Text,
    pub critical: bool,
    /// The personas this step is limited to; empty means every persona.
    pub personas: Vec<PersonaId>,
    pub touchpoints: Vec<Touchpoint>,
    /// Scores per persona, one at most for each; `emotion` without a persona is
    /// expanded to every persona of the step.
    pub emotions: Vec<Emotion>,
    pub details: Details,
    pub span: Span,
}

impl Step {
    /// Whether `persona` (`None`: the anonymous one) takes this step.
    pub fn includes(&self, persona: Option<PersonaId>) -> bool {
        match persona {
            Some(p) => self.personas.is_empty() || self.personas.contains(&p),
            None => true,
        }
    }

    pub fn emotion_of(&self, persona: Option<PersonaId>) -> Option<&Emotion> {
        self.emotions.iter().find(|e| e.persona == persona)
    }
}

/// Where the customer meets someone.
#[derive(Clone, Debug, PartialEq)]
pub struct Touchpoint {
    pub text: Text,
    pub channel: Option<ChannelId>,
    pub owner: Option<OwnerId>,
    pub span: Span,
}

/// How one persona feels at one step.
#[derive(Clone, Debug, PartialEq)]
pub struct Emotion {
    /// `None` for the anonymous persona of a map without personas.
    pub persona: Option<PersonaId>,
    pub score: i64,
    /// Why; `None` when the statement had no text.
    pub text: Option<Text>,
    /// Whether the statement named the persona (or applied to all of the step's).
    pub named: bool,
    pub span: Span,
}

/// The free-text lanes of a step or a phase.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Details {
    pub thoughts: Vec<Text>,
    pub quotes: Vec<Text>,
    pub needs: Vec<Need>,
    pub pains: Vec<Text>,
    pub delights: Vec<Text>,
    pub opportunities: Vec<Text>,
    pub kpis: Vec<Kpi>,
    pub notes: Vec<Text>,
}

impl Details {
    pub fn is_empty(&self) -> bool {
        self.thoughts.is_empty()
            && self.quotes.is_empty()
            && self.needs.is_empty()
            && self.pains.is_empty()
            && self.delights.is_empty()
            && self.opportunities.is_empty()
            && self.kpis.is_empty()
            && self.notes.is_empty()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NeedKind {
    Functional,
    Emotional,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Need {
    pub kind: Option<NeedKind>,
    pub text: Text,
}

/// A measured figure, e.g. `kpi 12% target 20%: Quote conversion`.
#[derive(Clone, Debug, PartialEq)]
pub struct Kpi {
    pub value: Measure,
    pub target: Option<Measure>,
    pub label: Text,
}

/// A number as a KPI holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    pub value: f64,
    pub percent: bool,
    /// As written, e.g. `+12%`.
    pub text: String,
    pub span: Span,
}

impl Journey {
    /// Whether any step or phase has something to show in `lane`.
    pub fn lane_has_content(&self, lane: LaneKind) -> bool {
        let details = |f: fn(&Details) -> bool| {
            self.phases.iter().any(|p| f(&p.details) || p.steps.iter().any(|s| f(&s.details)))
        };
        let steps = |f: fn(&Step) -> bool| self.steps().any(|(_, s)| f(s));
        match lane {
            LaneKind::Actions => steps(|_| true),
            LaneKind::Touchpoints => steps(|s| !s.touchpoints.is_empty()),
            LaneKind::Emotions => steps(|s| !s.emotions.is_empty()),
            LaneKind::Thoughts => details(|d| !d.thoughts.is_empty()),
            LaneKind::Quotes => details(|d| !d.quotes.is_empty()),
            LaneKind::Pains => details(|d| !d.pains.is_empty()),
            LaneKind::Delights => details(|d| !d.delights.is_empty()),
            LaneKind::Needs => details(|d| !d.needs.is_empty()),
            LaneKind::Opportunities => details(|d| !d.opportunities.is_empty()),
            LaneKind::Kpis => details(|d| !d.kpis.is_empty()),
            LaneKind::Notes => details(|d| !d.notes.is_empty()),
        }
    }
}
