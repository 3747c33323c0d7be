//! `journeymap report`: the derived facts a consultant asks for, as plain data computed
//! from a [`Journey`]. [`render`] shows it as text, Markdown or JSON; the JSON shape is
//! documented in `docs/report.md`.

pub mod render;

use serde::Serialize;

use crate::lanes::Content;
use crate::model::{
    Coverage, Details, Extra, GoalKind, Journey, Kpi, LaneKind, PersonaId, Score, Step, StepRef, Verdict, is_gap,
};

/// Version of the JSON shape; it changes when a field is removed or renamed.
pub const REPORT_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub report_version: u32,
    pub title: String,
    pub phases: usize,
    pub steps: usize,
    /// Steps where the customer meets no touchpoint owned by the company.
    pub gaps: Vec<StepAt>,
    /// Each persona who travels, in declaration order (the anonymous one of a map
    /// without personas has `persona: null`).
    pub emotions: Vec<PersonaPoints>,
    pub critical_steps: Vec<StepAt>,
    pub channel_switches: Vec<Transition>,
    /// Where the company's responsibility passes from one set of owners to another.
    pub handoffs: Vec<Transition>,
    /// Places (a step, or a phase as a whole) with pains and no opportunity that
    /// answers them; see [`unanswered_pains`] for the rule.
    pub pains_without_opportunity: Vec<UnansweredPains>,
    /// KPIs with a `target` (no direction) that their value differs from.
    pub kpis_off_target: Vec<KpiOffTarget>,
    /// How many KPIs have no goal (`target`, `min` or `max`), and so are not judged.
    pub kpis_without_target: usize,
    /// The KPIs whose value misses their `min` or `max`, in map order; left out (`None`)
    /// of a map without a KPI with `min` or `max`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kpis_missed: Option<Vec<KpiMissed>>,
    /// KPIs with an id and no value ("no data"), in map order; left out when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kpis_without_data: Vec<KpiNoData>,
    /// Evidence coverage and the steps said, not seen; left out of a map without sources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<EvidenceReport>,
    /// The needs marked `unmet` or `partly`, with counts per phase and per kind; left
    /// out of a map where no need has a status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unmet_needs: Option<UnmetNeeds>,
    /// The opportunities with both scores, ranked (impact ÷ effort, then impact, then
    /// map order); left out of a map where no opportunity has a score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub where_to_act: Option<Vec<Opportunity>>,
    /// One entry per lane: the journey view's lanes in their order, then the others.
    pub lanes: Vec<LaneCount>,
}

/// The unmet needs of a map.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnmetNeeds {
    pub needs: Vec<UnmetNeed>,
    /// Every phase, in order, with its count (phases without any included).
    pub per_phase: Vec<PhaseCount>,
    pub functional: usize,
    pub emotional: usize,
    /// Needs written without `functional` or `emotional`.
    pub unspecified: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnmetNeed {
    pub phase: String,
    pub step: Option<StepAt>,
    pub kind: Option<&'static str>,
    /// `unmet` or `partly`.
    pub status: &'static str,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PhaseCount {
    pub phase: String,
    pub count: usize,
}

/// A scored opportunity, in rank order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Opportunity {
    pub rank: usize,
    pub phase: String,
    pub step: Option<StepAt>,
    pub text: String,
    pub impact: u8,
    pub effort: u8,
    /// `quick-win`, `big-bet`, `fill-in` or `money-pit`.
    pub quadrant: &'static str,
}

/// A step: its number in the whole journey, its phase and its action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StepAt {
    pub number: usize,
    pub phase: String,
    pub action: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PersonaPoints {
    pub persona: Option<String>,
    /// How many steps carry a score for this persona; 0 leaves `low` and `high` null.
    pub scored_steps: usize,
    pub low: Option<Point>,
    pub high: Option<Point>,
}

/// A score and every step where the persona has it (ties are all kept).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    pub score: Score,
    pub steps: Vec<StepAt>,
}

/// A channel switch or a handoff: the ids (channels, owners) of each step.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Transition {
    pub from_step: StepAt,
    pub to_step: StepAt,
    pub from: Vec<String>,
    pub to: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnansweredPains {
    pub phase: String,
    /// `null` for pains written on the phase as a whole.
    pub step: Option<StepAt>,
    pub pains: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KpiOffTarget {
    pub phase: String,
    /// `null` for a KPI written on the phase as a whole.
    pub step: Option<StepAt>,
    pub label: String,
    /// As written, e.g. `38%`.
    pub value: String,
    pub target: String,
    /// `value − target`, rounded to two decimals. Whether above or below is better is
    /// not in the language: the sign says which side, the reader judges.
    pub distance: f64,
    /// The date of a figure from a data file (`--data`); left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
}

/// A KPI whose value misses its `min` or `max`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KpiMissed {
    pub phase: String,
    /// `null` for a KPI written on the phase as a whole.
    pub step: Option<StepAt>,
    pub id: Option<String>,
    pub label: String,
    /// As written, e.g. `14`.
    pub value: String,
    /// `min` or `max`.
    pub goal_kind: &'static str,
    /// As written, e.g. `8`.
    pub goal: String,
    /// `value − goal`, rounded to two decimals: below a `min`, above a `max`.
    pub distance: f64,
    /// The date of a figure from a data file (`--data`); left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
}

/// A KPI with an id and no value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KpiNoData {
    pub phase: String,
    pub step: Option<StepAt>,
    pub id: Option<String>,
    pub label: String,
}

/// Cited statements out of all; `percent` rounded down, `null` without statements.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CoverageAt {
    /// The lane's or phase's name; `null` for the whole map.
    pub of: Option<String>,
    pub cited: usize,
    pub total: usize,
    pub percent: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvidenceReport {
    pub total: CoverageAt,
    /// Each phase, in order.
    pub phases: Vec<CoverageAt>,
    /// Each lane with statements, in the lane table's order.
    pub lanes: Vec<CoverageAt>,
    /// Steps whose citations are all of what customers say, none of what they do.
    pub said_not_seen: Vec<StepAt>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LaneCount {
    /// The lane's name as `lanes` writes it.
    pub lane: &'static str,
    /// Entries in the lane: steps for `actions`, scores for `emotions`, cards otherwise
    /// (phase-wide ones included).
    pub total: usize,
    /// Steps with at least one entry.
    pub steps_with: usize,
}

/// Computes the report of a validated journey.
pub fn report(journey: &Journey) -> Report {
    let at = |r: StepRef| step_at(journey, r);
    let derived = &journey.derived;
    let emotions = journey
        .travellers()
        .into_iter()
        .map(|p| {
            let scored_steps = journey.steps().filter(|(_, s)| s.emotion_of(p).is_some()).count();
            let found = derived.extremes.iter().find(|x| x.persona == p);
            let point =
                |x: &crate::model::Extreme| Point { score: x.score, steps: x.steps.iter().map(|&r| at(r)).collect() };
            PersonaPoints {
                persona: persona_name(journey, p),
                scored_steps,
                low: found.map(|x| point(&x.low)),
                high: found.map(|x| point(&x.high)),
            }
        })
        .collect();
    Report {
        report_version: REPORT_VERSION,
        title: journey.title.value.clone(),
        phases: journey.phases.len(),
        steps: journey.steps().count(),
        gaps: journey.steps().filter(|(_, s)| is_gap(journey, s)).map(|(r, _)| at(r)).collect(),
        emotions,
        critical_steps: journey.steps().filter(|(_, s)| s.critical).map(|(r, _)| at(r)).collect(),
        channel_switches: transitions(journey, &derived.channel_switches, |c| &journey.channel(c).id),
        handoffs: transitions(journey, &derived.handoffs, |o| &journey.owner(o).id),
        pains_without_opportunity: unanswered_pains(journey),
        kpis_off_target: kpis_off_target(journey),
        kpis_without_target: journey.all_details().flat_map(|d| d.kpis()).filter(|k| k.goal().is_none()).count(),
        kpis_missed: kpis_missed(journey),
        kpis_without_data: kpis_without_data(journey),
        evidence: evidence(journey),
        unmet_needs: unmet_needs(journey),
        where_to_act: where_to_act(journey),
        lanes: crate::lanes::reading_order().into_iter().map(|lane| lane_count(journey, lane)).collect(),
    }
}

fn detail_step(journey: &Journey, at: crate::model::DetailAt) -> Option<StepAt> {
    at.step.map(|step| step_at(journey, StepRef { phase: at.phase, step }))
}

fn unmet_needs(journey: &Journey) -> Option<UnmetNeeds> {
    let used = journey.all_details().flat_map(Details::iter).any(|d| matches!(d.extra, Extra::Need(_, Some(_))));
    if !used {
        return None;
    }
    let derived = &journey.derived;
    let [functional, emotional, unspecified] = derived.unmet_per_kind().map(|(_, n)| n);
    Some(UnmetNeeds {
        needs: derived
            .unmet_needs
            .iter()
            .map(|n| UnmetNeed {
                phase: journey.phases[n.at.phase].name.value.clone(),
                step: detail_step(journey, n.at),
                kind: n.kind.map(|k| k.name()),
                status: n.status.name(),
                text: n.text.clone(),
            })
            .collect(),
        per_phase: journey
            .phases
            .iter()
            .zip(derived.unmet_per_phase(journey))
            .map(|(p, count)| PhaseCount { phase: p.name.value.clone(), count })
            .collect(),
        functional,
        emotional,
        unspecified,
    })
}

fn where_to_act(journey: &Journey) -> Option<Vec<Opportunity>> {
    let used = journey
        .all_details()
        .flat_map(Details::iter)
        .any(|d| matches!(d.extra, Extra::Opportunity(s) if !s.is_empty()));
    used.then(|| {
        journey
            .derived
            .ranked_opportunities
            .iter()
            .enumerate()
            .map(|(i, o)| Opportunity {
                rank: i + 1,
                phase: journey.phases[o.at.phase].name.value.clone(),
                step: detail_step(journey, o.at),
                text: o.text.clone(),
                impact: o.impact,
                effort: o.effort,
                quadrant: o.quadrant.name(),
            })
            .collect()
    })
}

fn transitions<'a, Id: Copy>(
    journey: &Journey,
    list: &[crate::model::Transition<Id>],
    id: impl Fn(Id) -> &'a String,
) -> Vec<Transition> {
    list.iter()
        .map(|t| Transition {
            from_step: step_at(journey, t.from_step),
            to_step: step_at(journey, t.to_step),
            from: t.from.iter().map(|&x| id(x).clone()).collect(),
            to: t.to.iter().map(|&x| id(x).clone()).collect(),
        })
        .collect()
}

pub(crate) fn step_at(journey: &Journey, r: StepRef) -> StepAt {
    let step = journey.step(r);
    StepAt { number: step.number, phase: journey.phases[r.phase].name.value.clone(), action: step.action.value.clone() }
}

pub(crate) fn persona_name(journey: &Journey, p: Option<PersonaId>) -> Option<String> {
    p.map(|p| journey.persona(p).id.clone())
}

/// Every details block with where it stands: the phase's own (`None`), then its steps'.
fn all_details(journey: &Journey) -> impl Iterator<Item = ((usize, Option<StepRef>), &Details)> {
    journey.phases.iter().enumerate().flat_map(|(p, phase)| {
        std::iter::once(((p, None), &phase.details)).chain(
            phase
                .steps
                .iter()
                .enumerate()
                .map(move |(s, step)| ((p, Some(StepRef { phase: p, step: s })), &step.details)),
        )
    })
}

/// The rule: an opportunity answers the pains of the place where it is written and the
/// pains below it. A step's pains are answered by an opportunity on the step or on its
/// phase as a whole; a phase's own pains by an opportunity anywhere in the phase (on the
/// phase or on any of its steps). Pains left unanswered are listed per place.
pub fn unanswered_pains(journey: &Journey) -> Vec<UnansweredPains> {
    let mut out = Vec::new();
    for ((p, step), details) in all_details(journey) {
        if !details.has(LaneKind::Pains) {
            continue;
        }
        let phase = &journey.phases[p];
        let answers = |d: &Details| d.has(LaneKind::Opportunities);
        let answered = match step {
            Some(_) => answers(details) || answers(&phase.details),
            None => answers(&phase.details) || phase.steps.iter().any(|s: &Step| answers(&s.details)),
        };
        if !answered {
            out.push(UnansweredPains {
                phase: phase.name.value.clone(),
                step: step.map(|r| step_at(journey, r)),
                pains: details.texts(LaneKind::Pains).map(|t| t.value.clone()).collect(),
            });
        }
    }
    out
}

fn kpis_off_target(journey: &Journey) -> Vec<KpiOffTarget> {
    all_kpis(journey)
        .filter(|(_, k)| k.goal().is_some_and(|g| g.kind == GoalKind::Target))
        .filter_map(|(at, k)| {
            let (value, target, distance) = (k.value()?, k.target()?, round2(k.distance()?));
            let (phase, step) = place(journey, at);
            (distance != 0.0).then(|| KpiOffTarget {
                phase,
                step,
                label: k.label.value.clone(),
                value: value.text.clone(),
                target: target.text.clone(),
                distance,
                as_of: as_of(&k),
            })
        })
        .collect()
}

/// The date of a KPI's figure from a data file.
fn as_of(k: &Kpi) -> Option<String> {
    k.figures.data.as_ref()?.date.clone()
}

/// Every KPI with where it stands: its phase, and its step unless it is the phase's.
fn all_kpis(journey: &Journey) -> impl Iterator<Item = ((usize, Option<StepRef>), Kpi<'_>)> {
    all_details(journey).flat_map(|(at, details)| details.kpis().map(move |k| (at, k)))
}

/// A place as the report names it: the phase's name, and the step.
fn place(journey: &Journey, (p, step): (usize, Option<StepRef>)) -> (String, Option<StepAt>) {
    (journey.phases[p].name.value.clone(), step.map(|r| step_at(journey, r)))
}

fn kpis_missed(journey: &Journey) -> Option<Vec<KpiMissed>> {
    let directed = |k: &Kpi| k.goal().is_some_and(|g| g.kind != GoalKind::Target);
    if !all_kpis(journey).any(|(_, k)| directed(&k)) {
        return None;
    }
    let missed = all_kpis(journey)
        .filter(|(_, k)| k.verdict() == Some(Verdict::Missed))
        .filter_map(|(at, k)| {
            let (value, goal, distance) = (k.value()?, k.goal()?, k.distance()?);
            let (phase, step) = place(journey, at);
            Some(KpiMissed {
                phase,
                step,
                id: k.id().map(String::from),
                label: k.label.value.clone(),
                value: value.text.clone(),
                goal_kind: goal.kind.name(),
                goal: goal.measure.text.clone(),
                distance: round2(distance),
                as_of: as_of(&k),
            })
        })
        .collect();
    Some(missed)
}

fn kpis_without_data(journey: &Journey) -> Vec<KpiNoData> {
    all_kpis(journey)
        .filter(|(_, k)| k.value().is_none())
        .map(|(at, k)| {
            let (phase, step) = place(journey, at);
            KpiNoData { phase, step, id: k.id().map(String::from), label: k.label.value.clone() }
        })
        .collect()
}

fn evidence(journey: &Journey) -> Option<EvidenceReport> {
    let facts = journey.derived.evidence.as_ref()?;
    let at = |of: Option<String>, c: Coverage| CoverageAt { of, cited: c.cited, total: c.total, percent: c.percent() };
    Some(EvidenceReport {
        total: at(None, facts.total),
        phases: journey.phases.iter().zip(&facts.phases).map(|(p, &c)| at(Some(p.name.value.clone()), c)).collect(),
        lanes: facts.lanes.iter().map(|&(lane, c)| at(Some(lane.name().to_string()), c)).collect(),
        said_not_seen: facts.said_not_seen.iter().map(|&r| step_at(journey, r)).collect(),
    })
}

/// Rounded to two decimals, so `4.1 − 4.5` is `−0.4`, not `−0.40000000000000036`.
pub(crate) fn round2(x: f64) -> f64 {
    let r = (x * 100.0).round() / 100.0;
    if r == 0.0 || !r.is_finite() { 0.0 } else { r }
}

fn lane_count(journey: &Journey, lane: LaneKind) -> LaneCount {
    let in_details = |d: &Details| d.of(lane).count();
    let in_step = |s: &Step| match lane.spec().content {
        Content::Actions => 1,
        Content::Touchpoints => s.touchpoints.len(),
        Content::Emotions => s.emotions.len(),
        Content::Detail { .. } => in_details(&s.details),
    };
    let phase_wide: usize = journey.phases.iter().map(|p| in_details(&p.details)).sum();
    let per_step: Vec<usize> = journey.steps().map(|(_, s)| in_step(s)).collect();
    LaneCount {
        lane: lane.name(),
        total: phase_wide + per_step.iter().sum::<usize>(),
        steps_with: per_step.iter().filter(|&&n| n > 0).count(),
    }
}
