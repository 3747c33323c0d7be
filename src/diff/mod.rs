//! `journeymap diff`: what changed between two versions of a map, in the map's terms
//! (phases, steps, scores, cards, KPIs, gaps), as plain data. [`render`] shows it as
//! text, Markdown or JSON; the JSON shape is documented in `docs/diff.md`.

pub mod baseline;
pub(crate) mod matching;
pub mod render;

use serde::Serialize;

use crate::lanes::{Carries, LaneKind};
use crate::model::{
    ChannelMode, Cites, Detail, Details, Extra, Journey, Kpi, NeedKind, OwnerId, PersonaId, Score, Step, StepRef, Text,
    is_gap,
};
use crate::report::round2;

/// Version of the JSON shape; it changes when a field is removed or renamed.
pub const DIFF_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diff {
    pub diff_version: u32,
    pub file: FileChange,
    /// The title of the new map, or of the old one when the file was deleted.
    pub title: String,
    /// Whether anything below is not empty.
    pub changed: bool,
    pub header: Vec<HeaderChange>,
    pub declarations: Vec<DeclarationChange>,
    pub phases: Vec<PhaseChange>,
    pub steps: Vec<StepChange>,
    pub emotions: Vec<EmotionChange>,
    pub details: Vec<DetailChange>,
    pub kpis: Vec<KpiChange>,
    pub gaps: Vec<GapChange>,
    pub handoffs: Vec<HandoffChange>,
    /// Sources a statement (on both sides) cites now, or no longer; left out when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<CitationChange>,
    /// Needs (in both maps) whose status changed, and opportunities whose impact or
    /// effort changed; left out when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub assessments: Vec<AssessmentChange>,
}

/// A need whose status changed (`need now met`), or an opportunity whose scores changed,
/// matched by its text at a step or phase in both maps.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AssessmentChange {
    pub place: Place,
    /// `needs` or `opportunities`.
    pub lane: &'static str,
    pub text: String,
    /// A need's status on each side (`met`, `unmet`, `partly`, or null).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_status: Option<Option<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_status: Option<Option<&'static str>>,
    /// An opportunity's scores on each side (null when not given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_impact: Option<Option<u8>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_impact: Option<Option<u8>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_effort: Option<Option<u8>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_effort: Option<Option<u8>>,
}

impl AssessmentChange {
    /// A need that was not met (or had no status) and now is.
    pub fn now_met(&self) -> bool {
        self.new_status == Some(Some("met")) && self.old_status != Some(Some("met"))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileChange {
    Modified,
    /// No old map (`/dev/null`).
    Added,
    /// No new map (`/dev/null`).
    Deleted,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Added,
    Removed,
    Changed,
}

/// `title`, `goal`, `scope`, `lang`, `scale`, `lanes` (an explicit `lanes` line), `view`
/// (an explicit `view` line), `state` or
/// `note` (a map note added or removed); `null` where absent.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeaderChange {
    pub field: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A persona, channel, owner or source added, removed, or with another description.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DeclarationChange {
    /// `persona`, `channel`, `owner` or `source`.
    pub kind: &'static str,
    pub id: String,
    pub change: Change,
    /// The description or label, with `(online)`, `(offline)`, `(external)`.
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PhaseAt {
    /// 1-based position among the phases.
    pub number: usize,
    pub name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseChangeKind {
    Added,
    Removed,
    Renamed,
    Moved,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PhaseChange {
    pub old: Option<PhaseAt>,
    pub new: Option<PhaseAt>,
    pub kinds: Vec<PhaseChangeKind>,
}

/// A step on one side: its number in the whole journey, phase, action and flags.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepSide {
    pub number: usize,
    pub phase: String,
    pub action: String,
    pub critical: bool,
    /// The personas the step is limited to; empty: every persona.
    pub personas: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepChangeKind {
    Added,
    Removed,
    Renamed,
    Moved,
    /// `critical` added or dropped.
    Critical,
    /// The personas the step is limited to changed.
    Personas,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepChange {
    pub old: Option<StepSide>,
    pub new: Option<StepSide>,
    pub kinds: Vec<StepChangeKind>,
}

/// A step, or a phase as a whole (`step: null`), in the new map (the old one for what
/// was removed with its step).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Place {
    pub phase: String,
    pub step: Option<usize>,
    pub action: Option<String>,
}

/// One persona's score at a step that is in both maps.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EmotionChange {
    pub place: Place,
    /// `null` for the anonymous persona of a map without personas.
    pub persona: Option<String>,
    pub old: Option<Score>,
    pub new: Option<Score>,
    /// `new − old` when both are there.
    pub shift: Option<i64>,
    pub old_text: Option<String>,
    pub new_text: Option<String>,
}

/// A card added or removed at a step or phase that is in both maps.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DetailChange {
    pub place: Place,
    /// `touchpoints`, or a detail lane's name (`thoughts`, `needs`, `backstage`…).
    pub lane: &'static str,
    pub change: Change,
    pub text: String,
    /// A touchpoint's channel and owner ids, a blueprint statement's owner id, a need's
    /// kind; `null` otherwise.
    pub channel: Option<String>,
    pub owner: Option<String>,
    pub kind: Option<&'static str>,
}

/// A KPI (matched by its label) at a step or phase that is in both maps.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KpiChange {
    pub place: Place,
    pub label: String,
    pub change: Change,
    /// As written, e.g. `38%`.
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub old_target: Option<String>,
    pub new_target: Option<String>,
    /// The KPI's id on each side; both left out when neither side has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_id: Option<String>,
}

/// A statement in both maps (a kept step's line, touchpoint, emotion or card) whose
/// citations changed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CitationChange {
    pub place: Place,
    /// `step` (the step's line), `touchpoint`, `emotion` or a detail's keyword (`pain`,
    /// `kpi`…).
    pub statement: &'static str,
    /// The statement's text (a KPI's label); `null` for the step's line (its action is in
    /// `place`) and an emotion without one.
    pub text: Option<String>,
    /// An emotion's persona; `null` otherwise and for the anonymous persona.
    pub persona: Option<String>,
    /// Source ids cited now and not before, in the new map's order.
    pub added: Vec<String>,
    /// Source ids cited before and not now, in the old map's order.
    pub removed: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GapChangeKind {
    Opened,
    Closed,
}

/// A gap opened (a step, new or kept, is now a gap) or closed (a gap has a company
/// touchpoint now, or its step was removed).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GapChange {
    pub change: GapChangeKind,
    pub old: Option<StepSide>,
    pub new: Option<StepSide>,
}

/// A handoff between owners that one version has and the other does not: between steps
/// that are not both in the other map, or that are but have no handoff there.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HandoffChange {
    /// `added` or `removed`.
    pub change: Change,
    pub from_step: StepSide,
    pub to_step: StepSide,
    /// The owners' ids on each side of the handoff, in the map that has it.
    pub from: Vec<String>,
    pub to: Vec<String>,
}

/// Compares two maps; `None` is a map that does not exist (a file added or deleted).
pub fn diff(old: Option<&Journey>, new: Option<&Journey>) -> Diff {
    let empty = empty_journey();
    let file = match (old, new) {
        (None, Some(_)) => FileChange::Added,
        (Some(_), None) => FileChange::Deleted,
        _ => FileChange::Modified,
    };
    let (o, n) = (old.unwrap_or(&empty), new.unwrap_or(&empty));
    let m = matching::match_maps(o, n);
    let mut d = Diff {
        diff_version: DIFF_VERSION,
        file,
        title: new.or(old).map(|j| j.title.value.clone()).unwrap_or_default(),
        changed: false,
        header: header(old, new),
        declarations: declarations(o, n),
        phases: phases(o, n, &m),
        steps: Vec::new(),
        emotions: Vec::new(),
        details: Vec::new(),
        kpis: Vec::new(),
        gaps: Vec::new(),
        handoffs: Vec::new(),
        citations: Vec::new(),
        assessments: Vec::new(),
    };
    steps(o, n, &m, &mut d);
    d.handoffs = handoffs(o, n, &m);
    for (q, phase) in n.phases.iter().enumerate() {
        if let Some(p) = m.new_phase_to_old[q] {
            let place = Place { phase: phase.name.value.clone(), step: None, action: None };
            compare_details(o, n, &o.phases[p].details, &phase.details, &place, &mut d);
        }
    }
    d.changed = !(d.header.is_empty()
        && d.declarations.is_empty()
        && d.phases.is_empty()
        && d.steps.is_empty()
        && d.emotions.is_empty()
        && d.details.is_empty()
        && d.kpis.is_empty()
        && d.gaps.is_empty()
        && d.handoffs.is_empty()
        && d.citations.is_empty()
        && d.assessments.is_empty());
    d
}

fn empty_journey() -> Journey {
    Journey {
        title: Text { value: String::new(), span: crate::Span::default() },
        goal: None,
        scope: None,
        notes: Vec::new(),
        lang: Default::default(),
        scale: Default::default(),
        personas: Vec::new(),
        channels: Vec::new(),
        owners: Vec::new(),
        sources: Vec::new(),
        state: None,
        lanes: Vec::new(),
        lanes_explicit: false,
        view: Default::default(),
        view_explicit: false,
        phases: Vec::new(),
        derived: Default::default(),
    }
}

fn header(old: Option<&Journey>, new: Option<&Journey>) -> Vec<HeaderChange> {
    type Field = fn(&Journey) -> Option<String>;
    let fields: [(&'static str, Field); 8] = [
        ("title", |j| Some(j.title.value.clone())),
        ("goal", |j| j.goal.as_ref().map(|t| t.value.clone())),
        ("scope", |j| j.scope.as_ref().map(|t| t.value.clone())),
        ("lang", |j| Some(j.lang.code().to_string())),
        ("scale", |j| Some(format!("{}..{}", j.scale.min(), j.scale.max()))),
        ("lanes", |j| j.lanes_explicit.then(|| j.lanes.iter().map(|l| l.name()).collect::<Vec<_>>().join(" "))),
        ("view", |j| j.view_explicit.then(|| j.view.name().to_string())),
        ("state", |j| j.state.map(|s| s.name().to_string())),
    ];
    let mut out = Vec::new();
    for (field, get) in fields {
        let (a, b) = (old.and_then(get), new.and_then(get));
        if a != b {
            out.push(HeaderChange { field, old: a, new: b });
        }
    }
    let notes = |j: Option<&Journey>| j.map(|j| j.notes.iter().map(|t| t.value.clone()).collect()).unwrap_or_default();
    let (removed, added) = multiset_diff(notes(old), notes(new));
    out.extend(removed.into_iter().map(|t| HeaderChange { field: "note", old: Some(t), new: None }));
    out.extend(added.into_iter().map(|t| HeaderChange { field: "note", old: None, new: Some(t) }));
    out
}

fn declarations(old: &Journey, new: &Journey) -> Vec<DeclarationChange> {
    fn described(j: &Journey) -> Vec<(&'static str, String, String)> {
        let text = |t: &Option<Text>| t.as_ref().map(|t| t.value.clone()).unwrap_or_default();
        let with = |label: String, flag: &str| {
            if label.is_empty() { format!("({flag})") } else { format!("{label} ({flag})") }
        };
        let mut all: Vec<(&'static str, String, String)> =
            j.personas.iter().map(|p| ("persona", p.id.clone(), text(&p.description))).collect();
        all.extend(j.channels.iter().map(|c| {
            let label = text(&c.label);
            let label = match c.mode {
                Some(ChannelMode::Online) => with(label, "online"),
                Some(ChannelMode::Offline) => with(label, "offline"),
                None => label,
            };
            ("channel", c.id.clone(), label)
        }));
        all.extend(j.owners.iter().map(|o| {
            let label = text(&o.label);
            ("owner", o.id.clone(), if o.external { with(label, "external") } else { label })
        }));
        all.extend(j.sources.iter().map(|s| {
            let label = text(&s.description);
            (
                "source",
                s.id.clone(),
                match s.kind {
                    Some(kind) => with(label, kind.name()),
                    None => label,
                },
            )
        }));
        all
    }
    let (a, b) = (described(old), described(new));
    let mut out = Vec::new();
    for (kind, id, old_text) in &a {
        match b.iter().find(|(k, i, _)| k == kind && i == id) {
            None => out.push(DeclarationChange {
                kind,
                id: id.clone(),
                change: Change::Removed,
                old: Some(old_text.clone()),
                new: None,
            }),
            Some((_, _, new_text)) if new_text != old_text => out.push(DeclarationChange {
                kind,
                id: id.clone(),
                change: Change::Changed,
                old: Some(old_text.clone()),
                new: Some(new_text.clone()),
            }),
            Some(_) => {}
        }
    }
    for (kind, id, new_text) in &b {
        if !a.iter().any(|(k, i, _)| k == kind && i == id) {
            out.push(DeclarationChange {
                kind,
                id: id.clone(),
                change: Change::Added,
                old: None,
                new: Some(new_text.clone()),
            });
        }
    }
    out
}

fn phases(old: &Journey, new: &Journey, m: &matching::Matching) -> Vec<PhaseChange> {
    let at = |j: &Journey, p: usize| PhaseAt { number: p + 1, name: j.phases[p].name.value.clone() };
    let mut out: Vec<PhaseChange> = (0..old.phases.len())
        .filter(|&p| m.old_phase_to_new[p].is_none())
        .map(|p| PhaseChange { old: Some(at(old, p)), new: None, kinds: vec![PhaseChangeKind::Removed] })
        .collect();
    for q in 0..new.phases.len() {
        let Some(p) = m.new_phase_to_old[q] else {
            out.push(PhaseChange { old: None, new: Some(at(new, q)), kinds: vec![PhaseChangeKind::Added] });
            continue;
        };
        let mut kinds = Vec::new();
        if old.phases[p].name.value != new.phases[q].name.value {
            kinds.push(PhaseChangeKind::Renamed);
        }
        if m.phase_moved[q] {
            kinds.push(PhaseChangeKind::Moved);
        }
        if !kinds.is_empty() {
            out.push(PhaseChange { old: Some(at(old, p)), new: Some(at(new, q)), kinds });
        }
    }
    out
}

fn side(j: &Journey, at: StepRef) -> StepSide {
    let s = j.step(at);
    StepSide {
        number: s.number,
        phase: j.phases[at.phase].name.value.clone(),
        action: s.action.value.clone(),
        critical: s.critical,
        personas: s.personas.iter().map(|&p| j.persona(p).id.clone()).collect(),
    }
}

fn place(j: &Journey, at: StepRef) -> Place {
    let s = j.step(at);
    Place { phase: j.phases[at.phase].name.value.clone(), step: Some(s.number), action: Some(s.action.value.clone()) }
}

fn steps(old: &Journey, new: &Journey, m: &matching::Matching, d: &mut Diff) {
    let old_steps: Vec<(StepRef, &Step)> = old.steps().collect();
    let new_steps: Vec<(StepRef, &Step)> = new.steps().collect();
    for (i, &(at, s)) in old_steps.iter().enumerate() {
        if m.old_to_new[i].is_none() {
            d.steps.push(StepChange { old: Some(side(old, at)), new: None, kinds: vec![StepChangeKind::Removed] });
            if is_gap(old, s) {
                d.gaps.push(GapChange { change: GapChangeKind::Closed, old: Some(side(old, at)), new: None });
            }
        }
    }
    for (j, &(at, s)) in new_steps.iter().enumerate() {
        let Some(i) = m.new_to_old[j] else {
            d.steps.push(StepChange { old: None, new: Some(side(new, at)), kinds: vec![StepChangeKind::Added] });
            if is_gap(new, s) {
                d.gaps.push(GapChange { change: GapChangeKind::Opened, old: None, new: Some(side(new, at)) });
            }
            continue;
        };
        let (old_at, o) = old_steps[i];
        let (a, b) = (side(old, old_at), side(new, at));
        let mut kinds = Vec::new();
        if a.action != b.action {
            kinds.push(StepChangeKind::Renamed);
        }
        if m.step_moved[j] {
            kinds.push(StepChangeKind::Moved);
        }
        if a.critical != b.critical {
            kinds.push(StepChangeKind::Critical);
        }
        if sorted(&a.personas) != sorted(&b.personas) {
            kinds.push(StepChangeKind::Personas);
        }
        match (is_gap(old, o), is_gap(new, s)) {
            (false, true) => {
                d.gaps.push(GapChange { change: GapChangeKind::Opened, old: Some(a.clone()), new: Some(b.clone()) })
            }
            (true, false) => {
                d.gaps.push(GapChange { change: GapChangeKind::Closed, old: Some(a.clone()), new: Some(b.clone()) })
            }
            _ => {}
        }
        if !kinds.is_empty() {
            d.steps.push(StepChange { old: Some(a), new: Some(b), kinds });
        }
        let here = place(new, at);
        citations(old, new, &o.cites, &s.cites, (&here, "step", None, None), d);
        emotions(old, new, o, s, &here, d);
        let touchpoints = |j: &Journey, s: &Step| -> Vec<(String, Option<String>, Option<String>)> {
            s.touchpoints
                .iter()
                .map(|t| {
                    let channel = t.channel.map(|c| j.channel(c).id.clone());
                    (t.text.value.clone(), channel, t.owner.map(|x| j.owner(x).id.clone()))
                })
                .collect()
        };
        let (a, b) = (touchpoints(old, o), touchpoints(new, s));
        for (i, k) in pairs(&a, &b) {
            let (x, y) = (&o.touchpoints[i].cites, &s.touchpoints[k].cites);
            citations(old, new, x, y, (&here, "touchpoint", Some(&a[i].0), None), d);
        }
        let (removed, added) = multiset_diff(a, b);
        let card = |change, (text, channel, owner)| DetailChange {
            place: here.clone(),
            lane: "touchpoints",
            change,
            text,
            channel,
            owner,
            kind: None,
        };
        d.details.extend(removed.into_iter().map(|t| card(Change::Removed, t)));
        d.details.extend(added.into_iter().map(|t| card(Change::Added, t)));
        compare_details(old, new, &o.details, &s.details, &here, d);
    }
}

fn sorted(v: &[String]) -> Vec<&String> {
    let mut v: Vec<&String> = v.iter().collect();
    v.sort();
    v
}

fn emotions(old: &Journey, new: &Journey, o: &Step, s: &Step, here: &Place, d: &mut Diff) {
    let name = |j: &Journey, p: Option<PersonaId>| p.map(|p| j.persona(p).id.clone());
    let mut personas: Vec<Option<String>> = Vec::new();
    for p in o.emotions.iter().map(|e| name(old, e.persona)).chain(s.emotions.iter().map(|e| name(new, e.persona))) {
        if !personas.contains(&p) {
            personas.push(p);
        }
    }
    for persona in personas {
        let a = o.emotions.iter().find(|e| name(old, e.persona) == persona);
        let b = s.emotions.iter().find(|e| name(new, e.persona) == persona);
        let text = |e: Option<&crate::model::Emotion>| e.and_then(|e| e.text.as_ref()).map(|t| t.value.clone());
        let (old_score, new_score) = (a.map(|e| e.score), b.map(|e| e.score));
        if let (Some(x), Some(y)) = (a, b) {
            let why = text(b);
            citations(old, new, &x.cites, &y.cites, (here, "emotion", why.as_deref(), persona.as_deref()), d);
        }
        if old_score == new_score && text(a) == text(b) {
            continue;
        }
        d.emotions.push(EmotionChange {
            place: here.clone(),
            persona,
            old: old_score,
            new: new_score,
            shift: old_score.zip(new_score).map(|(x, y)| y.get().saturating_sub(x.get())),
            old_text: text(a),
            new_text: text(b),
        });
    }
}

/// The cards of each detail lane (KPIs: [`kpis`]), compared as multisets of what they
/// say: text, and a need's kind or a blueprint statement's owner.
fn compare_details(old: &Journey, new: &Journey, a: &Details, b: &Details, here: &Place, d: &mut Diff) {
    type Card = (String, Option<&'static str>, Option<String>);
    let cards = |j: &Journey, v: &Details, lane: LaneKind| -> Vec<Card> {
        v.of(lane)
            .map(|x| {
                let (kind, owner) = match &x.extra {
                    Extra::Need(kind, _) => (kind.map(NeedKind::name), None),
                    Extra::Owner(owner) => (None, owner.map(|o| j.owner(o).id.clone())),
                    Extra::Text | Extra::Kpi(_) | Extra::Opportunity(_) => (None, None),
                };
                (x.text.value.clone(), kind, owner)
            })
            .collect()
    };
    for lane in LaneKind::all() {
        match lane.detail() {
            Some((keyword, Carries::Kpi)) => kpis((old, new), (a, b), (here, keyword), d),
            Some((keyword, Carries::Text | Carries::NeedKind | Carries::Owner | Carries::Scores)) => {
                let (ca, cb) = (cards(old, a, lane), cards(new, b, lane));
                let (of_a, of_b) = (cites_of(a, lane), cites_of(b, lane));
                let (da, db): (Vec<&Detail>, Vec<&Detail>) = (a.of(lane).collect(), b.of(lane).collect());
                for (i, k) in pairs(&ca, &cb) {
                    citations(old, new, of_a[i], of_b[k], (here, keyword, Some(&ca[i].0), None), d);
                    if let Some(change) = assessment(da[i], db[k], here, lane) {
                        d.assessments.push(change);
                    }
                }
                let (removed, added) = multiset_diff(ca, cb);
                let card = |change, (text, kind, owner): Card| DetailChange {
                    place: here.clone(),
                    lane: lane.name(),
                    change,
                    text,
                    channel: None,
                    owner,
                    kind,
                };
                d.details.extend(removed.into_iter().map(|c| card(Change::Removed, c)));
                d.details.extend(added.into_iter().map(|c| card(Change::Added, c)));
            }
            None => {}
        }
    }
}

/// The citations of a lane's details, in the order written.
fn cites_of(details: &Details, lane: LaneKind) -> Vec<&Cites> {
    details.of(lane).map(|x| &x.cites).collect()
}

/// The statements that are the same on both sides, as multisets: the k-th equal one
/// of `old` with the k-th of `new`, as index pairs in `old`'s order.
fn pairs<T: PartialEq>(old: &[T], new: &[T]) -> Vec<(usize, usize)> {
    let mut used = vec![false; new.len()];
    let mut out = Vec::new();
    for (i, x) in old.iter().enumerate() {
        if let Some(k) = (0..new.len()).find(|&k| !used[k] && new[k] == *x) {
            used[k] = true;
            out.push((i, k));
        }
    }
    out
}

/// Where a statement is and what it is: its place, its statement (`step`, `touchpoint`,
/// `emotion`, a detail's keyword), its text and its persona.
type Statement<'a> = (&'a Place, &'static str, Option<&'a str>, Option<&'a str>);

/// Records the sources one statement kept on both sides cites now, or no longer, by id.
fn citations(old: &Journey, new: &Journey, a: &Cites, b: &Cites, at: Statement<'_>, d: &mut Diff) {
    let ids = |j: &Journey, c: &Cites| c.iter().map(|&s| j.source(s).id.clone()).collect::<Vec<String>>();
    let (a, b) = (ids(old, a), ids(new, b));
    let added: Vec<String> = b.iter().filter(|x| !a.contains(x)).cloned().collect();
    let removed: Vec<String> = a.iter().filter(|x| !b.contains(x)).cloned().collect();
    if added.is_empty() && removed.is_empty() {
        return;
    }
    let (place, statement, text, persona) = at;
    d.citations.push(CitationChange {
        place: place.clone(),
        statement,
        text: text.map(String::from),
        persona: persona.map(String::from),
        added,
        removed,
    });
}

/// A goal as written: `20%` for a target (version 0's diff), `min 55%`, `max 8`.
fn goal_text(goal: &crate::model::Goal) -> String {
    match goal.kind {
        crate::model::GoalKind::Target => goal.measure.text.clone(),
        kind => format!("{} {}", kind.name(), goal.measure.text),
    }
}

/// KPIs are matched by label (the k-th of a label with the k-th); a matched one changed
/// when its id, value or goal differs (as a number), and its citations are compared.
fn kpis(
    (old, new): (&Journey, &Journey),
    (details_a, details_b): (&Details, &Details),
    (here, keyword): (&Place, &'static str),
    d: &mut Diff,
) {
    let (a, b): (Vec<Kpi>, Vec<Kpi>) = (details_a.kpis().collect(), details_b.kpis().collect());
    let (of_a, of_b) = (cites_of(details_a, LaneKind::Kpis), cites_of(details_b, LaneKind::Kpis));
    let value = |k: Option<&Kpi>| k.and_then(|k| k.value()).map(|v| v.text.clone());
    let target = |k: Option<&Kpi>| k.and_then(|k| k.goal()).map(goal_text);
    let change = |x: Option<&Kpi>, y: Option<&Kpi>, change, label: &str| KpiChange {
        place: here.clone(),
        label: label.to_string(),
        change,
        old_value: value(x),
        new_value: value(y),
        old_target: target(x),
        new_target: target(y),
        old_id: x.and_then(|k| k.id()).map(String::from),
        new_id: y.and_then(|k| k.id()).map(String::from),
    };
    let labels = |v: &[Kpi]| v.iter().map(|k| k.label.value.clone()).collect::<Vec<_>>();
    let mut to_new: Vec<Option<usize>> = vec![None; a.len()];
    let mut used = vec![false; b.len()];
    for (i, k) in pairs(&labels(&a), &labels(&b)) {
        (to_new[i], used[k]) = (Some(k), true);
        citations(old, new, of_a[i], of_b[k], (here, keyword, Some(&a[i].label.value), None), d);
    }
    for (k, found) in a.iter().zip(to_new) {
        match found {
            None => d.kpis.push(change(Some(k), None, Change::Removed, &k.label.value)),
            Some(i) => {
                let number = |m: &crate::model::Measure| (round2(m.value), m.percent);
                let same = k.id() == b[i].id()
                    && k.value().map(number) == b[i].value().map(number)
                    && k.goal().map(|g| (g.kind, number(&g.measure)))
                        == b[i].goal().map(|g| (g.kind, number(&g.measure)));
                if !same {
                    d.kpis.push(change(Some(k), Some(&b[i]), Change::Changed, &k.label.value));
                }
            }
        }
    }
    for (k, _) in b.iter().zip(&used).filter(|(_, u)| !**u) {
        d.kpis.push(change(None, Some(k), Change::Added, &k.label.value));
    }
}

/// A matched need's status, or a matched opportunity's scores, when they changed.
fn assessment(a: &Detail, b: &Detail, here: &Place, lane: LaneKind) -> Option<AssessmentChange> {
    let mut change = AssessmentChange {
        place: here.clone(),
        lane: lane.name(),
        text: b.text.value.clone(),
        old_status: None,
        new_status: None,
        old_impact: None,
        new_impact: None,
        old_effort: None,
        new_effort: None,
    };
    match (&a.extra, &b.extra) {
        (Extra::Need(_, x), Extra::Need(_, y)) if x != y => {
            change.old_status = Some(x.map(|s| s.name()));
            change.new_status = Some(y.map(|s| s.name()));
        }
        (Extra::Opportunity(x), Extra::Opportunity(y)) if x != y => {
            (change.old_impact, change.new_impact) = (Some(x.impact), Some(y.impact));
            (change.old_effort, change.new_effort) = (Some(x.effort), Some(y.effort));
        }
        _ => return None,
    }
    Some(change)
}

/// What is only in `old` (removed) and only in `new` (added), counting repeats, in order.
fn multiset_diff<T: PartialEq>(old: Vec<T>, new: Vec<T>) -> (Vec<T>, Vec<T>) {
    let (mut in_old, mut in_new) = (vec![false; old.len()], vec![false; new.len()]);
    for (i, k) in pairs(&old, &new) {
        (in_old[i], in_new[k]) = (true, true);
    }
    let unmatched = |all: Vec<T>, matched: Vec<bool>| all.into_iter().zip(matched).filter(|(_, m)| !m).map(|(x, _)| x);
    (unmatched(old, in_old).collect(), unmatched(new, in_new).collect())
}

/// Handoffs added (in the new map only) and removed (in the old map only); a handoff is
/// the same when both its steps are matched and the other map has it between them.
fn handoffs(old: &Journey, new: &Journey, m: &matching::Matching) -> Vec<HandoffChange> {
    let index = |j: &Journey| -> std::collections::HashMap<StepRef, usize> {
        j.steps().enumerate().map(|(i, (at, _))| (at, i)).collect()
    };
    let (old_index, new_index) = (index(old), index(new));
    let pairs = |j: &Journey, at: &std::collections::HashMap<StepRef, usize>| -> Vec<(usize, usize)> {
        j.derived.handoffs.iter().map(|h| (at[&h.from_step], at[&h.to_step])).collect()
    };
    let (old_pairs, new_pairs) = (pairs(old, &old_index), pairs(new, &new_index));
    let ids = |j: &Journey, owners: &[OwnerId]| owners.iter().map(|&o| j.owner(o).id.clone()).collect();
    let mut changes = Vec::new();
    let mut one_side =
        |j: &Journey, own: &[(usize, usize)], other: &[(usize, usize)], map: &[Option<usize>], change| {
            for (h, &(from, to)) in j.derived.handoffs.iter().zip(own) {
                let kept = matches!((map[from], map[to]), (Some(a), Some(b)) if other.contains(&(a, b)));
                if !kept {
                    changes.push(HandoffChange {
                        change,
                        from_step: side(j, h.from_step),
                        to_step: side(j, h.to_step),
                        from: ids(j, &h.from),
                        to: ids(j, &h.to),
                    });
                }
            }
        };
    one_side(old, &old_pairs, &new_pairs, &m.old_to_new, Change::Removed);
    one_side(new, &new_pairs, &old_pairs, &m.new_to_old, Change::Added);
    changes
}
