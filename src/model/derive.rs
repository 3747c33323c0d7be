//! Derived facts: gaps, each persona's low and high points, channel switches, handoffs.
//! They are computed from the model and never written by hand.

use super::{ChannelId, Cites, Evidence, Journey, LaneKind, OwnerId, PersonaId, Phase, Score, SourceId, Step};

/// A step's place: indices into [`Journey::phases`] and [`super::Phase::steps`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StepRef {
    pub phase: usize,
    pub step: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Derived {
    /// Steps where the customer meets no touchpoint owned by the company, in order.
    pub gaps: Vec<StepRef>,
    /// Each persona's lowest and highest scores; personas without scores are left out.
    pub extremes: Vec<EmotionExtremes>,
    pub channel_switches: Vec<ChannelSwitch>,
    pub handoffs: Vec<Handoff>,
    /// How much of the map its research backs; `None` in a map without sources.
    pub evidence: Option<EvidenceFacts>,
}

/// Evidence coverage and the steps that are said, not seen (maps with sources).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EvidenceFacts {
    /// Each lane with statements, in [`LaneKind`] order: `actions` counts the `step`
    /// lines, `emotions` the `emotion` lines (one however many personas it scores).
    pub lanes: Vec<(LaneKind, Coverage)>,
    /// Each phase's statements (its own details and its steps'), by phase index.
    pub phases: Vec<Coverage>,
    /// Each step's statements (its line, touchpoints, emotions and details), in
    /// journey order.
    pub steps: Vec<(StepRef, Coverage)>,
    /// The whole map's statements.
    pub total: Coverage,
    /// Steps whose citations come from what customers say (interview, survey,
    /// workshop) and none from what they do (observation, analytics), in order.
    pub said_not_seen: Vec<StepRef>,
}

/// Cited statements out of all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    pub cited: usize,
    pub total: usize,
}

impl Coverage {
    /// The share cited, 0 to 1; `None` without statements.
    pub fn ratio(self) -> Option<f64> {
        (self.total > 0).then(|| self.cited as f64 / self.total as f64)
    }

    /// The share cited in whole percent, rounded down (so 100 only when all are).
    pub fn percent(self) -> Option<u32> {
        (self.total > 0).then(|| (self.cited * 100 / self.total) as u32)
    }

    fn add(&mut self, cites: &Cites) {
        self.total += 1;
        self.cited += usize::from(!cites.is_empty());
    }

    fn merge(&mut self, other: Coverage) {
        self.cited += other.cited;
        self.total += other.total;
    }
}

/// The low and high point of one persona.
#[derive(Clone, Debug, PartialEq)]
pub struct EmotionExtremes {
    /// `None` for the anonymous persona.
    pub persona: Option<PersonaId>,
    pub low: Extreme,
    pub high: Extreme,
}

/// A score and every step (in order) where the persona has it: ties are all kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Extreme {
    pub score: Score,
    pub steps: Vec<StepRef>,
}

/// Between two steps, one set of ids gives way to another: the customer's channels
/// (a channel switch) or the company's owners (a handoff).
#[derive(Clone, Debug, PartialEq)]
pub struct Transition<Id> {
    pub from_step: StepRef,
    pub to_step: StepRef,
    /// Each step's ids, in the order first named.
    pub from: Vec<Id>,
    pub to: Vec<Id>,
}

/// The customer moves from one set of channels to another between two steps.
pub type ChannelSwitch = Transition<ChannelId>;

/// The company's responsibility passes from one set of owners to another between two
/// steps: both have owners of the company's own, and no owner is in both sets.
pub type Handoff = Transition<OwnerId>;

pub(super) fn derive(journey: &Journey) -> Derived {
    Derived {
        evidence: (!journey.sources.is_empty()).then(|| evidence(journey)),
        gaps: journey.steps().filter(|(_, s)| is_gap(journey, s)).map(|(at, _)| at).collect(),
        extremes: journey.travellers().into_iter().filter_map(|p| extremes(journey, p)).collect(),
        channel_switches: channel_switches(journey),
        handoffs: handoffs(journey),
    }
}

/// A gap: no touchpoint at all, or none whose owner is the company's own. A
/// touchpoint without an owner is not known to be the company's, so it does not
/// close a gap.
pub fn is_gap(journey: &Journey, step: &Step) -> bool {
    !step.touchpoints.iter().any(|t| t.owner.is_some_and(|o| !journey.owner(o).external))
}

fn extremes(journey: &Journey, persona: Option<PersonaId>) -> Option<EmotionExtremes> {
    let scores: Vec<(StepRef, Score)> =
        journey.steps().filter_map(|(at, s)| s.emotion_of(persona).map(|e| (at, e.score))).collect();
    let low = scores.iter().map(|&(_, score)| score).min()?;
    let high = scores.iter().map(|&(_, score)| score).max()?;
    let at = |wanted: Score| Extreme {
        score: wanted,
        steps: scores.iter().filter(|&&(_, score)| score == wanted).map(|&(at, _)| at).collect(),
    };
    Some(EmotionExtremes { persona, low: at(low), high: at(high) })
}

/// Between consecutive steps that use channels (steps without any channel are passed
/// over), a switch is a change in the set of channels used.
fn channel_switches(journey: &Journey) -> Vec<ChannelSwitch> {
    let channels = |step: &Step| {
        let mut channels: Vec<ChannelId> = Vec::new();
        for c in step.touchpoints.iter().filter_map(|t| t.channel) {
            if !channels.contains(&c) {
                channels.push(c);
            }
        }
        channels
    };
    transitions(journey, channels, |from, to| {
        let (mut a, mut b) = (from.to_vec(), to.to_vec());
        a.sort_unstable();
        b.sort_unstable();
        a != b
    })
}

/// The transitions between consecutive steps whose sets (`of`) are not empty (steps
/// with an empty set are passed over) where `differ` says the sets differ.
fn transitions<Id: Clone>(
    journey: &Journey,
    of: impl Fn(&Step) -> Vec<Id>,
    differ: impl Fn(&[Id], &[Id]) -> bool,
) -> Vec<Transition<Id>> {
    let mut out = Vec::new();
    let mut previous: Option<(StepRef, Vec<Id>)> = None;
    for (at, step) in journey.steps() {
        let ids = of(step);
        if ids.is_empty() {
            continue;
        }
        if let Some((from_step, from)) = previous.take()
            && differ(&from, &ids)
        {
            out.push(Transition { from_step, to_step: at, from, to: ids.clone() });
        }
        previous = Some((at, ids));
    }
    out
}

/// The company's own owners of a step (not `external` ones), in the order first named:
/// on its touchpoints, then on its frontstage, backstage and support details.
pub fn company_owners(journey: &Journey, step: &Step) -> Vec<OwnerId> {
    let mut owners = Vec::new();
    for o in step.touchpoints.iter().filter_map(|t| t.owner).chain(step.details.owners()) {
        if !journey.owner(o).external && !owners.contains(&o) {
            owners.push(o);
        }
    }
    owners
}

/// Between consecutive steps with company owners (steps without any are passed over,
/// as for channel switches), a handoff is a pair of owner sets that share none.
fn handoffs(journey: &Journey) -> Vec<Handoff> {
    transitions(journey, |step| company_owners(journey, step), |from, to| !from.iter().any(|o| to.contains(o)))
}

/// Every statement of a step, by lane, with what it cites: its `step` line, its
/// touchpoints, its emotions (once per `emotion` line) and its details.
pub fn step_statements(step: &Step) -> impl Iterator<Item = (LaneKind, &Cites)> {
    let mut emotions: Vec<&super::Emotion> = step.emotions.iter().collect();
    emotions.dedup_by_key(|e| e.span);
    std::iter::once((LaneKind::Actions, &step.cites))
        .chain(step.touchpoints.iter().map(|t| (LaneKind::Touchpoints, &t.cites)))
        .chain(emotions.into_iter().map(|e| (LaneKind::Emotions, &e.cites)))
        .chain(step.details.iter().map(|d| (d.lane, &d.cites)))
}

/// Every source a step cites, on any of its statements, each once, in order.
pub fn step_sources(step: &Step) -> Vec<SourceId> {
    let mut all: Vec<SourceId> = step_statements(step).flat_map(|(_, c)| c.iter().copied()).collect();
    all.sort();
    all.dedup();
    all
}

fn evidence(journey: &Journey) -> EvidenceFacts {
    let mut lanes: Vec<Coverage> = vec![Coverage::default(); LaneKind::all().count()];
    let mut facts = EvidenceFacts::default();
    for (p, phase) in journey.phases.iter().enumerate() {
        let Phase { details, steps, .. } = phase;
        let mut in_phase = Coverage::default();
        for d in details.iter() {
            lanes[d.lane as usize].add(&d.cites);
            in_phase.add(&d.cites);
        }
        for (s, step) in steps.iter().enumerate() {
            let mut in_step = Coverage::default();
            for (lane, cites) in step_statements(step) {
                lanes[lane as usize].add(cites);
                in_step.add(cites);
            }
            in_phase.merge(in_step);
            let at = StepRef { phase: p, step: s };
            facts.steps.push((at, in_step));
            let kinds: Vec<Option<Evidence>> =
                step_sources(step).into_iter().map(|id| journey.source(id).kind.and_then(|k| k.evidence())).collect();
            if kinds.contains(&Some(Evidence::Said)) && !kinds.contains(&Some(Evidence::Seen)) {
                facts.said_not_seen.push(at);
            }
        }
        facts.total.merge(in_phase);
        facts.phases.push(in_phase);
    }
    facts.lanes = LaneKind::all().zip(lanes).filter(|(_, c)| c.total > 0).collect();
    facts
}
