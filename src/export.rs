//! The model as a JSON or YAML document (`journeymap export`). The shape is documented
//! in `docs/export.md`; it is a stable interface, apart from the internal model.

use serde::Serialize;

use crate::LineIndex;
use crate::lanes::{Carries, LaneKind};
use crate::model::{
    ChannelMode, Cites, Coverage, Detail, Details, EvidenceFacts, Extra, GoalKind, Journey, Kpi, Measure, NeedKind,
    NeedStatus, PersonaId, Score, StepRef, Text, Transition,
};

/// Version of the document's shape; it changes when a field is removed or renamed, or
/// when a field's type changes (version 3: a text lane's entries are objects with their
/// `cites` in a map with sources, and a KPI's `value` may be null).
pub const DOCUMENT_VERSION: u32 = 3;

#[derive(Serialize)]
pub struct Document<'a> {
    pub document_version: u32,
    pub title: &'a str,
    pub goal: Option<&'a str>,
    pub scope: Option<&'a str>,
    pub notes: Vec<&'a str>,
    pub lang: &'static str,
    pub scale: Scale,
    pub personas: Vec<Persona<'a>>,
    pub channels: Vec<Channel<'a>>,
    pub owners: Vec<Owner<'a>>,
    /// The research sources; left out of a map that declares none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceDoc<'a>>,
    pub lanes: Vec<&'static str>,
    /// `journey`, `blueprint` or `opportunities`: what the map draws unless told otherwise.
    pub view: &'static str,
    /// `current` or `future`; left out without a `state` line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<&'static str>,
    pub phases: Vec<Phase<'a>>,
    pub derived: Derived<'a>,
}

#[derive(Serialize)]
pub struct Scale {
    pub min: Score,
    pub max: Score,
}

#[derive(Serialize)]
pub struct Persona<'a> {
    pub id: &'a str,
    pub description: Option<&'a str>,
}

#[derive(Serialize)]
pub struct Channel<'a> {
    pub id: &'a str,
    pub label: Option<&'a str>,
    /// `online`, `offline` or null.
    pub mode: Option<&'static str>,
}

#[derive(Serialize)]
pub struct Owner<'a> {
    pub id: &'a str,
    pub label: Option<&'a str>,
    pub external: bool,
}

/// A `source` line.
#[derive(Serialize)]
pub struct SourceDoc<'a> {
    pub id: &'a str,
    /// `interview`, `survey`, `observation`, `analytics`, `workshop`, `document` or null.
    pub kind: Option<&'static str>,
    pub description: Option<&'a str>,
}

/// The source ids a statement cites, in the order the sources are declared. Present on
/// every statement of a map that declares sources (possibly `[]`), and on none of a map
/// without: see [`cites`].
pub type CitesDoc<'a> = Option<Vec<&'a str>>;

#[derive(Serialize)]
pub struct Phase<'a> {
    pub name: &'a str,
    pub line: usize,
    #[serde(flatten)]
    pub details: DetailsDoc<'a>,
    pub steps: Vec<Step<'a>>,
}

#[derive(Serialize)]
pub struct Step<'a> {
    pub number: usize,
    pub line: usize,
    pub action: &'a str,
    pub critical: bool,
    /// The personas the step is limited to; empty: every persona.
    pub personas: Vec<&'a str>,
    /// The sources the `step` line cites.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cites: CitesDoc<'a>,
    pub gap: bool,
    pub touchpoints: Vec<Touchpoint<'a>>,
    pub emotions: Vec<Emotion<'a>>,
    #[serde(flatten)]
    pub details: DetailsDoc<'a>,
}

#[derive(Serialize)]
pub struct Touchpoint<'a> {
    pub text: &'a str,
    pub channel: Option<&'a str>,
    pub owner: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cites: CitesDoc<'a>,
}

#[derive(Serialize)]
pub struct Emotion<'a> {
    /// null for the anonymous persona of a map without personas.
    pub persona: Option<&'a str>,
    pub score: Score,
    pub text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cites: CitesDoc<'a>,
}

/// A step's or phase's details: one key per detail lane of the lane table, in its
/// order, each a list of what that lane's statements carry.
pub struct DetailsDoc<'a> {
    journey: &'a Journey,
    details: &'a Details,
}

impl Serialize for DetailsDoc<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let lanes: Vec<(LaneKind, Carries)> =
            LaneKind::all().filter_map(|l| l.detail().map(|(_, carries)| (l, carries))).collect();
        let mut map = serializer.serialize_map(Some(lanes.len()))?;
        for (lane, carries) in lanes {
            let items: Vec<DetailDoc<'_>> =
                self.details.of(lane).map(|d| detail_doc(self.journey, carries, d)).collect();
            map.serialize_entry(lane.name(), &items)?;
        }
        map.end()
    }
}

/// One detail, shaped by what its lane carries: a plain text lane is a list of strings,
/// or, in a map that declares sources, of [`Cited`] texts.
#[derive(Serialize)]
#[serde(untagged)]
pub enum DetailDoc<'a> {
    Text(&'a str),
    Cited(Cited<'a>),
    Need(Need<'a>),
    Opportunity(OpportunityDoc<'a>),
    Kpi(KpiDoc<'a>),
    Owned(Owned<'a>),
}

/// A plain text detail of a map that declares sources.
#[derive(Serialize)]
pub struct Cited<'a> {
    pub text: &'a str,
    pub cites: Vec<&'a str>,
}

#[derive(Serialize)]
pub struct Need<'a> {
    /// `functional`, `emotional` or null.
    pub kind: Option<&'static str>,
    /// `met`, `unmet` or `partly`; left out when the need has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<&'static str>,
    pub text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cites: CitesDoc<'a>,
}

/// An opportunity with a score (one without is a plain text detail).
#[derive(Serialize)]
pub struct OpportunityDoc<'a> {
    /// 1 (low) to 5 (high); left out when not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub impact: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effort: Option<u8>,
    pub text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cites: CitesDoc<'a>,
}

/// A frontstage, backstage or support statement.
#[derive(Serialize)]
pub struct Owned<'a> {
    /// The owner's id, or null.
    pub owner: Option<&'a str>,
    pub text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cites: CitesDoc<'a>,
}

/// A `kpi` line. `target` keeps version 0's meaning (a figure with no direction); a
/// `min` or `max` goal is its own field, with the verdict beside it.
#[derive(Serialize)]
pub struct KpiDoc<'a> {
    /// The KPI's id; left out when it has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    pub label: &'a str,
    /// null: no data (a KPI with an id and no value).
    pub value: Option<MeasureDoc<'a>>,
    /// The figure after `target`; null without one (and with `min` or `max`).
    pub target: Option<MeasureDoc<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<MeasureDoc<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<MeasureDoc<'a>>,
    /// With `min` or `max`: `met`, `missed`, or null (no value, or another unit).
    /// Left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Option<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cites: CitesDoc<'a>,
    /// Where the value came from when a data file (`--data`) gave it; left out when the
    /// map gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<DataDoc<'a>>,
}

/// A KPI figure's row in the data file: its `date` and `source` columns (null when empty).
#[derive(Serialize)]
pub struct DataDoc<'a> {
    pub date: Option<&'a str>,
    pub source: Option<&'a str>,
}

#[derive(Serialize)]
pub struct MeasureDoc<'a> {
    pub number: f64,
    pub percent: bool,
    pub text: &'a str,
}

#[derive(Serialize)]
pub struct Derived<'a> {
    pub gaps: Vec<StepDoc<'a>>,
    pub emotion_extremes: Vec<Extremes<'a>>,
    pub channel_switches: Vec<TransitionDoc<'a>>,
    pub handoffs: Vec<TransitionDoc<'a>>,
    /// Evidence coverage and the steps said, not seen; left out of a map without sources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<EvidenceDoc<'a>>,
    /// The needs marked `unmet` or `partly`, in map order; left out of a map where no
    /// need has a status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unmet_needs: Option<Vec<UnmetNeedDoc<'a>>>,
    /// The opportunities with both scores, best first; left out of a map where no
    /// opportunity has a score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ranked_opportunities: Option<Vec<RankedDoc<'a>>>,
}

/// A need that a step does not meet, or meets in part.
#[derive(Serialize)]
pub struct UnmetNeedDoc<'a> {
    pub phase: &'a str,
    /// The step (null for a need of the phase itself, before its first step).
    pub step: Option<StepDoc<'a>>,
    pub kind: Option<&'static str>,
    pub status: &'static str,
    pub text: &'a str,
}

/// A scored opportunity, in rank order.
#[derive(Serialize)]
pub struct RankedDoc<'a> {
    pub phase: &'a str,
    pub step: Option<StepDoc<'a>>,
    pub text: &'a str,
    pub impact: u8,
    pub effort: u8,
    /// `quick-win`, `big-bet`, `fill-in` or `money-pit`.
    pub quadrant: &'static str,
}

/// Cited statements out of all, and the share in whole percent (rounded down; null
/// without statements).
#[derive(Serialize)]
pub struct CoverageDoc {
    pub cited: usize,
    pub total: usize,
    pub percent: Option<u32>,
}

#[derive(Serialize)]
pub struct EvidenceDoc<'a> {
    pub total: CoverageDoc,
    /// Each lane with statements, in the lane table's order.
    pub lanes: Vec<LaneCoverage>,
    pub phases: Vec<PhaseCoverage<'a>>,
    pub steps: Vec<StepCoverage<'a>>,
    /// Steps whose citations are all of what customers say, none of what they do.
    pub said_not_seen: Vec<StepDoc<'a>>,
}

#[derive(Serialize)]
pub struct LaneCoverage {
    pub lane: &'static str,
    #[serde(flatten)]
    pub coverage: CoverageDoc,
}

#[derive(Serialize)]
pub struct PhaseCoverage<'a> {
    pub phase: &'a str,
    #[serde(flatten)]
    pub coverage: CoverageDoc,
}

#[derive(Serialize)]
pub struct StepCoverage<'a> {
    #[serde(flatten)]
    pub step: StepDoc<'a>,
    #[serde(flatten)]
    pub coverage: CoverageDoc,
}

/// A reference to a step: its number and, for people reading the document, its action.
#[derive(Serialize)]
pub struct StepDoc<'a> {
    pub step: usize,
    pub action: &'a str,
}

#[derive(Serialize)]
pub struct Extremes<'a> {
    pub persona: Option<&'a str>,
    pub low: ExtremeDoc<'a>,
    pub high: ExtremeDoc<'a>,
}

#[derive(Serialize)]
pub struct ExtremeDoc<'a> {
    pub score: Score,
    pub steps: Vec<StepDoc<'a>>,
}

/// A channel switch or a handoff: the ids (channels, owners) of each step.
#[derive(Serialize)]
pub struct TransitionDoc<'a> {
    pub from_step: StepDoc<'a>,
    pub to_step: StepDoc<'a>,
    pub from: Vec<&'a str>,
    pub to: Vec<&'a str>,
}

/// Builds the document of a validated journey; `source` gives line numbers.
pub fn document<'a>(journey: &'a Journey, source: &str) -> Document<'a> {
    let index = LineIndex::new(source);
    let line = |span: crate::Span| index.line_col(span.start).0;
    let persona_id = |p: Option<PersonaId>| p.map(|p| journey.persona(p).id.as_str());
    let step_doc = |at: StepRef| {
        let step = journey.step(at);
        StepDoc { step: step.number, action: &step.action.value }
    };
    let phases = journey
        .phases
        .iter()
        .map(|phase| Phase {
            name: &phase.name.value,
            line: line(phase.span),
            details: DetailsDoc { journey, details: &phase.details },
            steps: phase
                .steps
                .iter()
                .map(|s| Step {
                    number: s.number,
                    line: line(s.span),
                    action: &s.action.value,
                    critical: s.critical,
                    personas: s.personas.iter().map(|&p| journey.persona(p).id.as_str()).collect(),
                    cites: cites(journey, &s.cites),
                    gap: crate::model::is_gap(journey, s),
                    touchpoints: s
                        .touchpoints
                        .iter()
                        .map(|t| Touchpoint {
                            text: &t.text.value,
                            channel: t.channel.map(|c| journey.channel(c).id.as_str()),
                            owner: t.owner.map(|o| journey.owner(o).id.as_str()),
                            cites: cites(journey, &t.cites),
                        })
                        .collect(),
                    emotions: s
                        .emotions
                        .iter()
                        .map(|e| Emotion {
                            persona: persona_id(e.persona),
                            score: e.score,
                            text: opt(&e.text),
                            cites: cites(journey, &e.cites),
                        })
                        .collect(),
                    details: DetailsDoc { journey, details: &s.details },
                })
                .collect(),
        })
        .collect();
    let derived = &journey.derived;
    Document {
        document_version: DOCUMENT_VERSION,
        title: &journey.title.value,
        goal: opt(&journey.goal),
        scope: opt(&journey.scope),
        notes: texts(&journey.notes),
        lang: journey.lang.code(),
        scale: Scale { min: journey.scale.min(), max: journey.scale.max() },
        personas: journey.personas.iter().map(|p| Persona { id: &p.id, description: opt(&p.description) }).collect(),
        channels: journey
            .channels
            .iter()
            .map(|c| Channel {
                id: &c.id,
                label: opt(&c.label),
                mode: c.mode.map(|m| match m {
                    ChannelMode::Online => "online",
                    ChannelMode::Offline => "offline",
                }),
            })
            .collect(),
        owners: journey
            .owners
            .iter()
            .map(|o| Owner { id: &o.id, label: opt(&o.label), external: o.external })
            .collect(),
        sources: journey
            .sources
            .iter()
            .map(|s| SourceDoc { id: &s.id, kind: s.kind.map(|k| k.name()), description: opt(&s.description) })
            .collect(),
        lanes: journey.lanes.iter().map(|l| l.name()).collect(),
        view: journey.view.name(),
        state: journey.state.map(|s| s.name()),
        phases,
        derived: Derived {
            gaps: derived.gaps.iter().map(|&at| step_doc(at)).collect(),
            emotion_extremes: derived
                .extremes
                .iter()
                .map(|x| Extremes {
                    persona: persona_id(x.persona),
                    low: ExtremeDoc { score: x.low.score, steps: x.low.steps.iter().map(|&at| step_doc(at)).collect() },
                    high: ExtremeDoc {
                        score: x.high.score,
                        steps: x.high.steps.iter().map(|&at| step_doc(at)).collect(),
                    },
                })
                .collect(),
            channel_switches: transitions(&derived.channel_switches, step_doc, |c| journey.channel(c).id.as_str()),
            handoffs: transitions(&derived.handoffs, step_doc, |o| journey.owner(o).id.as_str()),
            evidence: derived.evidence.as_ref().map(|e| evidence(journey, e, step_doc)),
            unmet_needs: journey
                .all_details()
                .flat_map(Details::iter)
                .any(|d| matches!(d.extra, Extra::Need(_, Some(_))))
                .then(|| {
                    derived
                        .unmet_needs
                        .iter()
                        .map(|n| UnmetNeedDoc {
                            phase: &journey.phases[n.at.phase].name.value,
                            step: n.at.step.map(|step| step_doc(StepRef { phase: n.at.phase, step })),
                            kind: n.kind.map(NeedKind::name),
                            status: n.status.name(),
                            text: &n.text,
                        })
                        .collect()
                }),
            ranked_opportunities: journey
                .all_details()
                .flat_map(Details::iter)
                .any(|d| matches!(d.extra, Extra::Opportunity(s) if !s.is_empty()))
                .then(|| {
                    derived
                        .ranked_opportunities
                        .iter()
                        .map(|o| RankedDoc {
                            phase: &journey.phases[o.at.phase].name.value,
                            step: o.at.step.map(|step| step_doc(StepRef { phase: o.at.phase, step })),
                            text: &o.text,
                            impact: o.impact,
                            effort: o.effort,
                            quadrant: o.quadrant.name(),
                        })
                        .collect()
                }),
        },
    }
}

fn transitions<'a, Id: Copy>(
    list: &[Transition<Id>],
    step_doc: impl Fn(StepRef) -> StepDoc<'a>,
    id: impl Fn(Id) -> &'a str,
) -> Vec<TransitionDoc<'a>> {
    list.iter()
        .map(|t| TransitionDoc {
            from_step: step_doc(t.from_step),
            to_step: step_doc(t.to_step),
            from: t.from.iter().map(|&x| id(x)).collect(),
            to: t.to.iter().map(|&x| id(x)).collect(),
        })
        .collect()
}

fn evidence<'a>(journey: &'a Journey, e: &EvidenceFacts, step_doc: impl Fn(StepRef) -> StepDoc<'a>) -> EvidenceDoc<'a> {
    EvidenceDoc {
        total: coverage(e.total),
        lanes: e.lanes.iter().map(|&(lane, c)| LaneCoverage { lane: lane.name(), coverage: coverage(c) }).collect(),
        phases: journey
            .phases
            .iter()
            .zip(&e.phases)
            .map(|(p, &c)| PhaseCoverage { phase: &p.name.value, coverage: coverage(c) })
            .collect(),
        steps: e.steps.iter().map(|&(at, c)| StepCoverage { step: step_doc(at), coverage: coverage(c) }).collect(),
        said_not_seen: e.said_not_seen.iter().map(|&at| step_doc(at)).collect(),
    }
}

fn coverage(c: Coverage) -> CoverageDoc {
    CoverageDoc { cited: c.cited, total: c.total, percent: c.percent() }
}

/// A statement's citations as ids: `Some` (possibly empty) in a map that declares
/// sources, `None` (the field left out) in one without.
fn cites<'a>(journey: &'a Journey, cites: &Cites) -> CitesDoc<'a> {
    (!journey.sources.is_empty()).then(|| cites.iter().map(|&s| journey.source(s).id.as_str()).collect())
}

fn opt(text: &Option<Text>) -> Option<&str> {
    text.as_ref().map(|t| t.value.as_str())
}

fn texts(texts: &[Text]) -> Vec<&str> {
    texts.iter().map(|t| t.value.as_str()).collect()
}

fn detail_doc<'a>(journey: &'a Journey, carries: Carries, d: &'a Detail) -> DetailDoc<'a> {
    let text = d.text.value.as_str();
    let cites = cites(journey, &d.cites);
    match (carries, &d.extra) {
        (Carries::NeedKind, Extra::Need(kind, status)) => {
            DetailDoc::Need(Need { kind: kind.map(NeedKind::name), status: status.map(NeedStatus::name), text, cites })
        }
        (Carries::Scores, Extra::Opportunity(scores)) if !scores.is_empty() => {
            DetailDoc::Opportunity(OpportunityDoc { impact: scores.impact, effort: scores.effort, text, cites })
        }
        (Carries::Kpi, Extra::Kpi(figures)) => {
            let kpi = Kpi { label: &d.text, figures };
            let goal = |kind: GoalKind| kpi.goal().filter(|g| g.kind == kind).map(|g| measure(&g.measure));
            let directed = kpi.goal().is_some_and(|g| g.kind != GoalKind::Target);
            DetailDoc::Kpi(KpiDoc {
                id: kpi.id(),
                label: text,
                value: kpi.value().map(measure),
                target: goal(GoalKind::Target),
                min: goal(GoalKind::Min),
                max: goal(GoalKind::Max),
                verdict: directed.then(|| kpi.verdict().map(|v| v.name())),
                cites,
                data: figures.data.as_ref().map(|d| DataDoc { date: d.date.as_deref(), source: d.source.as_deref() }),
            })
        }
        (Carries::Owner, Extra::Owner(owner)) => {
            DetailDoc::Owned(Owned { owner: owner.map(|o| journey.owner(o).id.as_str()), text, cites })
        }
        (Carries::Text | Carries::NeedKind | Carries::Kpi | Carries::Owner | Carries::Scores, _) => match cites {
            Some(cites) => DetailDoc::Cited(Cited { text, cites }),
            None => DetailDoc::Text(text),
        },
    }
}

fn measure(m: &Measure) -> MeasureDoc<'_> {
    MeasureDoc { number: m.value, percent: m.percent, text: &m.text }
}

/// The document as pretty JSON, ending in a newline.
pub fn to_json(doc: &Document<'_>) -> Result<String, String> {
    let mut out = serde_json::to_string_pretty(doc).map_err(|e| e.to_string())?;
    out.push('\n');
    Ok(out)
}

/// The document as YAML.
pub fn to_yaml(doc: &Document<'_>) -> Result<String, String> {
    serde_saphyr::to_string(doc).map_err(|e| e.to_string())
}
