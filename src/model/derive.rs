//! Derived facts: gaps, each persona's low and high points, channel switches.
//! They are computed from the model and never written by hand.

use super::{ChannelId, Journey, PersonaId, Step};

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
    pub score: i64,
    pub steps: Vec<StepRef>,
}

/// The customer moves from one set of channels to another between two steps.
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelSwitch {
    pub from_step: StepRef,
    pub to_step: StepRef,
    pub from: Vec<ChannelId>,
    pub to: Vec<ChannelId>,
}

pub(super) fn derive(journey: &Journey) -> Derived {
    Derived {
        gaps: journey.steps().filter(|(_, s)| is_gap(journey, s)).map(|(at, _)| at).collect(),
        extremes: journey.travellers().into_iter().filter_map(|p| extremes(journey, p)).collect(),
        channel_switches: channel_switches(journey),
    }
}

/// A gap: no touchpoint at all, or none whose owner is the company's own. A
/// touchpoint without an owner is not known to be the company's, so it does not
/// close a gap.
pub fn is_gap(journey: &Journey, step: &Step) -> bool {
    !step.touchpoints.iter().any(|t| t.owner.is_some_and(|o| !journey.owner(o).external))
}

fn extremes(journey: &Journey, persona: Option<PersonaId>) -> Option<EmotionExtremes> {
    let scores: Vec<(StepRef, i64)> =
        journey.steps().filter_map(|(at, s)| s.emotion_of(persona).map(|e| (at, e.score))).collect();
    let low = scores.iter().map(|&(_, score)| score).min()?;
    let high = scores.iter().map(|&(_, score)| score).max()?;
    let at = |wanted: i64| Extreme {
        score: wanted,
        steps: scores.iter().filter(|&&(_, score)| score == wanted).map(|&(at, _)| at).collect(),
    };
    Some(EmotionExtremes { persona, low: at(low), high: at(high) })
}

/// Between consecutive steps that use channels (steps without any channel are passed
/// over), a switch is a change in the set of channels used.
fn channel_switches(journey: &Journey) -> Vec<ChannelSwitch> {
    let mut switches = Vec::new();
    let mut previous: Option<(StepRef, Vec<ChannelId>)> = None;
    for (at, step) in journey.steps() {
        let mut channels: Vec<ChannelId> = Vec::new();
        for c in step.touchpoints.iter().filter_map(|t| t.channel) {
            if !channels.contains(&c) {
                channels.push(c);
            }
        }
        if channels.is_empty() {
            continue;
        }
        if let Some((from_step, from)) = previous.take() {
            let mut a = from.clone();
            let mut b = channels.clone();
            a.sort_unstable();
            b.sort_unstable();
            if a != b {
                switches.push(ChannelSwitch { from_step, to_step: at, from, to: channels.clone() });
            }
        }
        previous = Some((at, channels));
    }
    switches
}
