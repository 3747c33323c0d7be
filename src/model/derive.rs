//! Derived facts: gaps, each persona's low and high points, channel switches, handoffs.
//! They are computed from the model and never written by hand.

use super::{ChannelId, Journey, OwnerId, PersonaId, Score, Step};

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
