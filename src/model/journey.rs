//! The model's types: a journey, its phases and steps, and what they hold.

use super::{Derived, LaneKind, Lang, StepRef};
use crate::Span;
use crate::lanes::{Content, View};

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
    /// Where the map's knowledge comes from (`source`), in the order declared.
    pub sources: Vec<Source>,
    /// Whether the map describes today's journey or a designed one (`state`).
    pub state: Option<MapState>,
    /// The lanes to draw, in order: as `lanes` lists them, or every lane with content.
    pub lanes: Vec<LaneKind>,
    /// Whether `lanes` was written.
    pub lanes_explicit: bool,
    /// What the map draws (`view`), unless the CLI says otherwise.
    pub view: View,
    /// Whether `view` was written (else a project file's default may choose).
    pub view_explicit: bool,
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

    /// The details of every phase as a whole and of every step, in map order.
    pub fn all_details(&self) -> impl Iterator<Item = &Details> {
        self.phases.iter().flat_map(|p| std::iter::once(&p.details).chain(p.steps.iter().map(|s| &s.details)))
    }

    /// Every KPI's figures, in map order, with the KPI's statement span: for filling in
    /// values from a data file (`crate::data`).
    pub fn figures_mut(&mut self) -> impl Iterator<Item = (Span, &mut Figures)> {
        self.phases
            .iter_mut()
            .flat_map(|p| std::iter::once(&mut p.details).chain(p.steps.iter_mut().map(|s| &mut s.details)))
            .flat_map(|d| d.items.iter_mut())
            .filter_map(|d| match &mut d.extra {
                Extra::Kpi(figures) => Some((d.span, figures)),
                _ => None,
            })
    }

    pub fn step(&self, at: StepRef) -> &Step {
        &self.phases[at.phase].steps[at.step]
    }

    /// The personas who travel: each declared one, or the anonymous one (`None`).
    pub fn travellers(&self) -> Vec<Option<PersonaId>> {
        if self.personas.is_empty() { vec![None] } else { self.persona_ids().map(Some).collect() }
    }

    /// The declared personas' ids, in the order declared (that of [`Journey::personas`]).
    pub fn persona_ids(&self) -> impl Iterator<Item = PersonaId> + use<> {
        (0..self.personas.len()).map(PersonaId)
    }

    /// The declared channels' ids, in the order declared (that of [`Journey::channels`]).
    pub fn channel_ids(&self) -> impl Iterator<Item = ChannelId> + use<> {
        (0..self.channels.len()).map(ChannelId)
    }

    /// The declared owners' ids, in the order declared (that of [`Journey::owners`]).
    pub fn owner_ids(&self) -> impl Iterator<Item = OwnerId> + use<> {
        (0..self.owners.len()).map(OwnerId)
    }

    /// The declared sources' ids, in the order declared (that of [`Journey::sources`]).
    pub fn source_ids(&self) -> impl Iterator<Item = SourceId> + use<> {
        (0..self.sources.len()).map(SourceId)
    }

    pub fn source(&self, id: SourceId) -> &Source {
        &self.sources[id.0]
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

/// The emotion scale, `min < max`. Only the lowering makes one, from a valid `scale`
/// statement (or the default, `-2..2`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    min: Score,
    max: Score,
}

impl Default for Scale {
    fn default() -> Self {
        Scale { min: Score(-2), max: Score(2) }
    }
}

impl Scale {
    /// The scale `min..max`; `None` unless `min < max`.
    pub(super) fn new(min: i64, max: i64) -> Option<Scale> {
        (min < max).then_some(Scale { min: Score(min), max: Score(max) })
    }

    pub fn min(self) -> Score {
        self.min
    }

    pub fn max(self) -> Score {
        self.max
    }

    pub fn contains(self, score: i64) -> bool {
        (self.min.0..=self.max.0).contains(&score)
    }

    /// `value` as a score on this scale, if it lies on it.
    pub(super) fn score(self, value: i64) -> Option<Score> {
        self.contains(value).then_some(Score(value))
    }
}

/// An emotion score. Only the lowering makes one, after checking that it lies on the
/// map's [`Scale`], so in a [`Journey`] every score is on its scale. It shows (and
/// serialises) as its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Score(i64);

impl Score {
    /// A score not checked against a scale, for a map whose `scale` statement is
    /// broken: that map has an error, so no [`Journey`] is built to hold it.
    pub(super) fn unchecked(value: i64) -> Score {
        Score(value)
    }

    pub fn get(self) -> i64 {
        self.0
    }
}

impl std::fmt::Display for Score {
    /// As the number: formatting flags such as `{:+}` apply.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0, f)
    }
}

impl serde::Serialize for Score {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.0)
    }
}

// The ids index the journey's lists, so only the model makes them (the field is
// private outside it): an id from a journey always resolves in it.

/// A declared persona of a journey: [`Journey::persona`] resolves it, and
/// [`Journey::persona_ids`] lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonaId(pub(super) usize);
/// A declared channel of a journey: [`Journey::channel`] resolves it, and
/// [`Journey::channel_ids`] lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChannelId(pub(super) usize);
/// A declared owner of a journey: [`Journey::owner`] resolves it, and
/// [`Journey::owner_ids`] lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OwnerId(pub(super) usize);

/// A declared source of a journey: [`Journey::source`] resolves it, and
/// [`Journey::source_ids`] lists them. Sources sort in the order declared, the order
/// in which a statement's citations are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceId(pub(super) usize);

/// The sources a statement cites, in the order declared, each once.
pub type Cites = Vec<SourceId>;

/// Where the map's knowledge comes from: `source i3 interview: Interview 3, Anna`.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub kind: Option<SourceKind>,
    pub description: Option<Text>,
    pub span: Span,
}

/// The kind of research behind a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceKind {
    Interview,
    Survey,
    Observation,
    Analytics,
    Workshop,
    Document,
}

impl SourceKind {
    pub const ALL: &'static [SourceKind] = &[
        SourceKind::Interview,
        SourceKind::Survey,
        SourceKind::Observation,
        SourceKind::Analytics,
        SourceKind::Workshop,
        SourceKind::Document,
    ];

    /// The word written after the source's id.
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Interview => "interview",
            SourceKind::Survey => "survey",
            SourceKind::Observation => "observation",
            SourceKind::Analytics => "analytics",
            SourceKind::Workshop => "workshop",
            SourceKind::Document => "document",
        }
    }

    pub fn from_name(word: &str) -> Option<SourceKind> {
        SourceKind::ALL.iter().copied().find(|k| k.name() == word)
    }

    /// What customers say (interviews, surveys, workshops), or what they do
    /// (observation, analytics); `None` for a document.
    pub fn evidence(self) -> Option<Evidence> {
        match self {
            SourceKind::Interview | SourceKind::Survey | SourceKind::Workshop => Some(Evidence::Said),
            SourceKind::Observation | SourceKind::Analytics => Some(Evidence::Seen),
            SourceKind::Document => None,
        }
    }
}

/// What a source tells: what customers say, or what they were seen to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Evidence {
    Said,
    Seen,
}

/// `state current|future`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MapState {
    Current,
    Future,
}

impl MapState {
    pub const ALL: &'static [MapState] = &[MapState::Current, MapState::Future];

    pub fn name(self) -> &'static str {
        match self {
            MapState::Current => "current",
            MapState::Future => "future",
        }
    }

    pub fn from_name(word: &str) -> Option<MapState> {
        MapState::ALL.iter().copied().find(|s| s.name() == word)
    }
}

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
    /// The sources the `step` line cites.
    pub cites: Cites,
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
    pub cites: Cites,
    pub span: Span,
}

/// How one persona feels at one step.
#[derive(Clone, Debug, PartialEq)]
pub struct Emotion {
    /// `None` for the anonymous persona of a map without personas.
    pub persona: Option<PersonaId>,
    pub score: Score,
    /// Why; `None` when the statement had no text.
    pub text: Option<Text>,
    /// Whether the statement named the persona (or applied to all of the step's).
    pub named: bool,
    pub cites: Cites,
    /// The statement's span: shared by the emotions of one `emotion` line without a
    /// persona.
    pub span: Span,
}

/// The detail statements of a step or a phase, in the order they were written. Which
/// lanes there are, and what each statement carries, is the lane table's
/// ([`crate::lanes`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Details {
    // Visible in the model for `meaning.rs`, which clears its spans.
    pub(super) items: Vec<Detail>,
}

/// One detail statement: a card in its lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Detail {
    pub lane: LaneKind,
    pub text: Text,
    /// What the statement carries besides its text, as its lane's [`Carries`] says.
    pub extra: Extra,
    pub cites: Cites,
    pub span: Span,
}

/// What a detail carries besides its text; the variant follows its lane's [`Carries`].
#[derive(Clone, Debug, PartialEq)]
pub enum Extra {
    Text,
    /// A need's kind and whether the step meets it.
    Need(Option<NeedKind>, Option<NeedStatus>),
    Kpi(Figures),
    /// An opportunity's impact and effort.
    Opportunity(Scores),
    Owner(Option<OwnerId>),
}

impl Details {
    pub(super) fn push(&mut self, detail: Detail) {
        self.items.push(detail);
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Every detail, in the order written.
    pub fn iter(&self) -> impl Iterator<Item = &Detail> {
        self.items.iter()
    }

    /// The details of one lane, in the order written.
    pub fn of(&self, lane: LaneKind) -> impl Iterator<Item = &Detail> {
        self.items.iter().filter(move |d| d.lane == lane)
    }

    pub fn has(&self, lane: LaneKind) -> bool {
        self.of(lane).next().is_some()
    }

    /// The texts of one lane.
    pub fn texts(&self, lane: LaneKind) -> impl Iterator<Item = &Text> {
        self.of(lane).map(|d| &d.text)
    }

    /// The KPIs, with their figures.
    pub fn kpis(&self) -> impl Iterator<Item = Kpi<'_>> {
        self.items.iter().filter_map(|d| match &d.extra {
            Extra::Kpi(figures) => Some(Kpi { label: &d.text, figures }),
            _ => None,
        })
    }

    /// The owners named by the details (frontstage, backstage, support).
    pub fn owners(&self) -> impl Iterator<Item = OwnerId> + '_ {
        self.items.iter().filter_map(|d| match d.extra {
            Extra::Owner(owner) => owner,
            _ => None,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NeedKind {
    Functional,
    Emotional,
}

impl NeedKind {
    /// The word written after `need`.
    pub fn name(self) -> &'static str {
        match self {
            NeedKind::Functional => "functional",
            NeedKind::Emotional => "emotional",
        }
    }
}

/// Whether a step, as it is today, meets a need: `need met`, `need unmet`, `need partly`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NeedStatus {
    Met,
    Unmet,
    Partly,
}

impl NeedStatus {
    /// The word written after `need`.
    pub fn name(self) -> &'static str {
        match self {
            NeedStatus::Met => "met",
            NeedStatus::Unmet => "unmet",
            NeedStatus::Partly => "partly",
        }
    }

    /// The symbol drawn before the status's word (never colour alone); every embedded
    /// font set draws it.
    pub fn symbol(self) -> &'static str {
        match self {
            NeedStatus::Met => "\u{2714}",
            NeedStatus::Unmet => "\u{2716}",
            NeedStatus::Partly => "\u{00bd}",
        }
    }

    /// The status's word on a drawn map.
    pub fn label(self) -> super::Label {
        match self {
            NeedStatus::Met => super::Label::NeedMet,
            NeedStatus::Unmet => super::Label::NeedUnmet,
            NeedStatus::Partly => super::Label::NeedPartly,
        }
    }

    /// What the blueprint view writes on a step's action for a need with this status:
    /// `Unmet` and `Partly` only.
    pub fn mark(self) -> Option<super::Label> {
        match self {
            NeedStatus::Met => None,
            NeedStatus::Unmet => Some(super::Label::UnmetNeedMark),
            NeedStatus::Partly => Some(super::Label::PartlyMetNeedMark),
        }
    }

    /// Symbol and word: "✔ met", "✖ unmet", "½ partly met", in the map's language.
    pub fn text(self, lang: super::Lang) -> String {
        format!("{} {}", self.symbol(), self.label().text(lang))
    }

    /// `unmet` and `partly`: a need the step does not (fully) meet.
    pub fn is_unmet(self) -> bool {
        self != NeedStatus::Met
    }
}

/// The lowest and highest score of an opportunity's impact and effort.
pub const SCORE_MIN: u8 = 1;
pub const SCORE_MAX: u8 = 5;
/// The middle score: a point on the middle line counts as high impact and low effort.
pub const SCORE_MIDDLE: u8 = 3;

/// An opportunity's scores, 1 (low) to 5 (high), each optional:
/// `opportunity impact 4 effort 2: …`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Scores {
    pub impact: Option<u8>,
    pub effort: Option<u8>,
}

impl Scores {
    pub fn is_empty(self) -> bool {
        self.impact.is_none() && self.effort.is_none()
    }

    /// Both scores, when both are given.
    pub fn both(self) -> Option<(u8, u8)> {
        self.impact.zip(self.effort)
    }

    /// The quadrant of the impact/effort matrix, when both scores are given.
    pub fn quadrant(self) -> Option<Quadrant> {
        self.both().map(|(i, e)| Quadrant::of(i, e))
    }
}

/// A quadrant of the impact/effort matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quadrant {
    /// High impact, low effort.
    QuickWin,
    /// High impact, high effort.
    BigBet,
    /// Low impact, low effort.
    FillIn,
    /// Low impact, high effort.
    MoneyPit,
}

impl Quadrant {
    /// Every quadrant: top left, top right, bottom left, bottom right of a matrix
    /// drawn with impact up and effort across.
    pub const ALL: [Quadrant; 4] = [Quadrant::QuickWin, Quadrant::BigBet, Quadrant::FillIn, Quadrant::MoneyPit];

    /// The quadrant of a point. 3 is the middle, and a point on a middle line belongs
    /// to the higher-impact or lower-effort side: impact 3 is high, effort 3 is low.
    pub fn of(impact: u8, effort: u8) -> Quadrant {
        match (impact >= SCORE_MIDDLE, effort <= SCORE_MIDDLE) {
            (true, true) => Quadrant::QuickWin,
            (true, false) => Quadrant::BigBet,
            (false, true) => Quadrant::FillIn,
            (false, false) => Quadrant::MoneyPit,
        }
    }

    /// The name in exports: `quick-win`, `big-bet`, `fill-in`, `money-pit`.
    pub fn name(self) -> &'static str {
        match self {
            Quadrant::QuickWin => "quick-win",
            Quadrant::BigBet => "big-bet",
            Quadrant::FillIn => "fill-in",
            Quadrant::MoneyPit => "money-pit",
        }
    }

    /// Its translated name's label.
    pub fn label(self) -> super::Label {
        match self {
            Quadrant::QuickWin => super::Label::QuickWins,
            Quadrant::BigBet => super::Label::BigBets,
            Quadrant::FillIn => super::Label::FillIns,
            Quadrant::MoneyPit => super::Label::MoneyPits,
        }
    }
}

/// A KPI's figures: `kpi wait 14 max 8: …`, `kpi 12% target 20%: …`.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    /// The KPI's id, in the map's one namespace.
    pub id: Option<String>,
    /// `None`: a KPI with an id and no value, drawn as "no data".
    pub value: Option<Measure>,
    pub goal: Option<Goal>,
    /// Where the value came from when a data file gave it (`--data`), not the map.
    pub data: Option<FromData>,
}

/// A KPI figure's origin in a data file: the row's `date` and `source`, as written.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FromData {
    pub date: Option<String>,
    pub source: Option<String>,
}

/// What a KPI's figure is measured against.
#[derive(Clone, Debug, PartialEq)]
pub struct Goal {
    pub kind: GoalKind,
    pub measure: Measure,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GoalKind {
    /// `target`: a figure to reach, with no direction (version 0's meaning).
    Target,
    /// `min`: the figure should be at least this.
    Min,
    /// `max`: the figure should be at most this.
    Max,
}

impl GoalKind {
    /// The word written before the goal's figure.
    pub fn name(self) -> &'static str {
        match self {
            GoalKind::Target => "target",
            GoalKind::Min => "min",
            GoalKind::Max => "max",
        }
    }
}

/// Whether a KPI with a direction meets its goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    Met,
    Missed,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Missed => "missed",
        }
    }
}

/// A measured figure, e.g. `kpi 12% target 20%: Quote conversion`, as a view of its
/// detail.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Kpi<'a> {
    pub label: &'a Text,
    pub figures: &'a Figures,
}

impl<'a> Kpi<'a> {
    pub fn id(&self) -> Option<&'a str> {
        self.figures.id.as_deref()
    }

    pub fn value(&self) -> Option<&'a Measure> {
        self.figures.value.as_ref()
    }

    pub fn goal(&self) -> Option<&'a Goal> {
        self.figures.goal.as_ref()
    }

    /// The goal's figure, whatever its kind.
    pub fn target(&self) -> Option<&'a Measure> {
        self.goal().map(|g| &g.measure)
    }

    /// The value's distance to the goal, `value − goal`, when there are both.
    pub fn distance(&self) -> Option<f64> {
        Some(self.value()?.value - self.target()?.value)
    }

    /// Met or missed, for a KPI with a value and a `min` or `max` in the same unit. A
    /// `target` has no direction: the reader judges.
    pub fn verdict(&self) -> Option<Verdict> {
        let (value, goal) = (self.value()?, self.goal()?);
        if value.percent != goal.measure.percent {
            return None;
        }
        let met = match goal.kind {
            GoalKind::Target => return None,
            GoalKind::Min => value.value >= goal.measure.value,
            GoalKind::Max => value.value <= goal.measure.value,
        };
        Some(if met { Verdict::Met } else { Verdict::Missed })
    }
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
    /// The lanes drawn in `view`: as `lanes` lists them, or the view's lanes that have
    /// content (the blueprint's `actions` always).
    pub fn lanes_for(&self, view: View) -> Vec<LaneKind> {
        match self.lanes_explicit {
            true => self.lanes.clone(),
            false => self.default_lanes(view),
        }
    }

    pub(super) fn default_lanes(&self, view: View) -> Vec<LaneKind> {
        view.default_lanes()
            .into_iter()
            .filter(|&l| (view.is_blueprint() && l == LaneKind::Actions) || self.lane_has_content(l))
            .collect()
    }

    /// Whether the map has a service blueprint: content in a lane that only the
    /// blueprint view draws (evidence, frontstage, backstage, support).
    pub fn has_blueprint(&self) -> bool {
        LaneKind::all().any(|l| l.spec().journey_rank.is_none() && self.lane_has_content(l))
    }

    /// Whether any step or phase has something to show in `lane`.
    pub fn lane_has_content(&self, lane: LaneKind) -> bool {
        match lane.spec().content {
            Content::Actions => self.steps().next().is_some(),
            Content::Touchpoints => self.steps().any(|(_, s)| !s.touchpoints.is_empty()),
            Content::Emotions => self.steps().any(|(_, s)| !s.emotions.is_empty()),
            Content::Detail { .. } => {
                self.phases.iter().any(|p| p.details.has(lane) || p.steps.iter().any(|s| s.details.has(lane)))
            }
        }
    }
}
