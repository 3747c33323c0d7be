//! Derived facts: gaps, each persona's low and high points, channel switches, handoffs.
//! They are computed from the model and never written by hand.

use super::{
    ChannelId, Cites, Details, Evidence, Extra, Journey, LaneKind, NeedKind, NeedStatus, OwnerId, PersonaId, Phase,
    Quadrant, Score, SourceId, Step,
};

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
    /// The needs a step does not meet (`unmet`) or meets in part (`partly`), in map order.
    pub unmet_needs: Vec<UnmetNeed>,
    /// The opportunities with both an impact and an effort, best first (see [`rank`]).
    pub ranked_opportunities: Vec<RankedOpportunity>,
}

/// Where a detail stands: a step, or (`step: None`) a phase before its first step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DetailAt {
    pub phase: usize,
    pub step: Option<usize>,
}

/// A need marked `unmet` or `partly`.
#[derive(Clone, Debug, PartialEq)]
pub struct UnmetNeed {
    pub at: DetailAt,
    pub kind: Option<NeedKind>,
    /// `Unmet` or `Partly`.
    pub status: NeedStatus,
    pub text: String,
}

/// An opportunity with both scores, as ranked.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedOpportunity {
    pub at: DetailAt,
    pub text: String,
    pub impact: u8,
    pub effort: u8,
    pub quadrant: Quadrant,
}

impl Derived {
    /// The unmet needs of each phase, by phase index (a count per phase of the map).
    pub fn unmet_per_phase(&self, journey: &Journey) -> Vec<usize> {
        let mut counts = vec![0; journey.phases.len()];
        for n in &self.unmet_needs {
            counts[n.at.phase] += 1;
        }
        counts
    }

    /// The unmet needs of each kind: functional, emotional, and without a kind.
    pub fn unmet_per_kind(&self) -> [(Option<NeedKind>, usize); 3] {
        let count = |k: Option<NeedKind>| self.unmet_needs.iter().filter(|n| n.kind == k).count();
        [Some(NeedKind::Functional), Some(NeedKind::Emotional), None].map(|k| (k, count(k)))
    }
}

/// The order of scored opportunities, given as `(impact, effort)` in map order: by
/// impact ÷ effort (higher first), then by impact (higher first), then in map order.
/// Returns the indices into `points`, best first.
pub fn rank(points: &[(u8, u8)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..points.len()).collect();
    // i1/e1 > i2/e2 ⇔ i1·e2 > i2·e1 (efforts are at least 1): exact, no floats.
    order.sort_by(|&a, &b| {
        let ((ia, ea), (ib, eb)) = (points[a], points[b]);
        (u32::from(ib) * u32::from(ea)).cmp(&(u32::from(ia) * u32::from(eb))).then(ib.cmp(&ia))
    });
    order
}

/// Every detail of the map with where it stands, in map order.
fn all_details(journey: &Journey) -> impl Iterator<Item = (DetailAt, &super::Detail)> {
    journey.phases.iter().enumerate().flat_map(|(p, phase)| {
        let own = phase.details.iter().map(move |d| (DetailAt { phase: p, step: None }, d));
        let steps = phase.steps.iter().enumerate().flat_map(move |(s, step)| {
            let details: &Details = &step.details;
            details.iter().map(move |d| (DetailAt { phase: p, step: Some(s) }, d))
        });
        own.chain(steps)
    })
}

fn unmet_needs(journey: &Journey) -> Vec<UnmetNeed> {
    all_details(journey)
        .filter_map(|(at, d)| match d.extra {
            Extra::Need(kind, Some(status)) if status.is_unmet() => {
                Some(UnmetNeed { at, kind, status, text: d.text.value.clone() })
            }
            _ => None,
        })
        .collect()
}

fn ranked_opportunities(journey: &Journey) -> Vec<RankedOpportunity> {
    let scored: Vec<(DetailAt, &super::Detail, u8, u8)> = all_details(journey)
        .filter_map(|(at, d)| match d.extra {
            Extra::Opportunity(scores) => scores.both().map(|(i, e)| (at, d, i, e)),
            _ => None,
        })
        .collect();
    let points: Vec<(u8, u8)> = scored.iter().map(|&(_, _, i, e)| (i, e)).collect();
    rank(&points)
        .into_iter()
        .map(|k| {
            let (at, d, impact, effort) = scored[k];
            RankedOpportunity { at, text: d.text.value.clone(), impact, effort, quadrant: Quadrant::of(impact, effort) }
        })
        .collect()
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
        unmet_needs: unmet_needs(journey),
        ranked_opportunities: ranked_opportunities(journey),
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

#[cfg(test)]
mod tests {
    use super::{Quadrant, rank};
    use crate::model::Quadrant::{BigBet, FillIn, MoneyPit, QuickWin};

    /// Every point of the 5×5 matrix that matters: corners, the middle lines (impact 3
    /// is high, effort 3 is low) and their neighbours.
    #[test]
    fn quadrants_put_the_middle_lines_on_the_high_impact_and_low_effort_side() {
        let cases: &[(u8, u8, Quadrant)] = &[
            (5, 1, QuickWin),
            (3, 3, QuickWin),
            (3, 1, QuickWin),
            (5, 3, QuickWin),
            (5, 5, BigBet),
            (3, 4, BigBet),
            (4, 4, BigBet),
            (1, 1, FillIn),
            (2, 3, FillIn),
            (2, 1, FillIn),
            (1, 5, MoneyPit),
            (2, 4, MoneyPit),
        ];
        for &(impact, effort, want) in cases {
            assert_eq!(Quadrant::of(impact, effort), want, "impact {impact}, effort {effort}");
        }
        // Every point has one quadrant, and all four occur.
        let all: Vec<Quadrant> = (1..=5).flat_map(|i| (1..=5).map(move |e| Quadrant::of(i, e))).collect();
        assert!(Quadrant::ALL.iter().all(|q| all.contains(q)));
        assert_eq!(all.iter().filter(|&&q| q == QuickWin).count(), 9);
        assert_eq!(all.iter().filter(|&&q| q == MoneyPit).count(), 4);
    }

    /// Ranking: impact ÷ effort, then impact, then map order.
    #[test]
    fn opportunities_rank_by_ratio_then_impact_then_map_order() {
        type Case = (&'static [(u8, u8)], &'static [usize]);
        let cases: &[Case] = &[
            (&[], &[]),
            (&[(2, 1)], &[0]),
            // The higher ratio first: 5/3 < 2/1.
            (&[(5, 3), (2, 1), (4, 5)], &[1, 0, 2]),
            // Equal ratios (1): the higher impact first.
            (&[(1, 1), (3, 3), (2, 2)], &[1, 2, 0]),
            // Equal ratio and impact: map order.
            (&[(4, 2), (2, 1), (4, 2)], &[0, 2, 1]),
            // Ratio beats impact: 2/1 = 2 before 5/4 = 1.25.
            (&[(5, 4), (2, 1)], &[1, 0]),
            // Exact fractions: 4/3 > 5/4 > 6/5 would fail with rounding to one decimal.
            (&[(5, 4), (4, 3), (1, 1)], &[1, 0, 2]),
        ];
        for &(points, want) in cases {
            assert_eq!(rank(points), want, "{points:?}");
        }
    }

    #[test]
    fn the_derived_facts_of_a_map() {
        let map = "journey: T\nphase: P\n  need unmet: Before a step\n  step: S\n    emotion 1\n\
                   need functional met: A\n    need emotional partly: B\n\
                   opportunity impact 2 effort 1: Fill\n    opportunity impact 5 effort 5: Bet\n\
                   opportunity impact 5: Half\nphase: Q\n  step: R\n    emotion 0\n\
                   opportunity effort 1 impact 4: Quick\n";
        let compiled = crate::compile(map.as_bytes());
        let journey = compiled.journey.expect("the map checks");
        let d = &journey.derived;
        let texts: Vec<&str> = d.unmet_needs.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["Before a step", "B"]);
        assert_eq!(d.unmet_per_phase(&journey), [2, 0]);
        let ranked: Vec<(&str, Quadrant)> =
            d.ranked_opportunities.iter().map(|o| (o.text.as_str(), o.quadrant)).collect();
        assert_eq!(ranked, [("Quick", QuickWin), ("Fill", FillIn), ("Bet", BigBet)]);
        assert_eq!(d.ranked_opportunities[0].at, super::DetailAt { phase: 1, step: Some(0) });
    }
}
