//! A future map compared with its baseline (today's map), for `render --baseline`:
//! which of its steps the baseline lacks, the baseline's score for each persona at each
//! step, and the baseline's steps that are gone. Steps are matched as `diff` matches
//! them ([`super::matching::match_maps`], the baseline as the old map); personas by id,
//! the anonymous persona of a map without personas with the other's anonymous one.
//!
//! What it finds is plain data, which layout draws; the problems of the comparison are
//! diagnostics in the file they concern ([`Compared`]): different scales (an error: the
//! curves would share no axis), a persona on one side only (a warning: it is drawn
//! without a baseline curve, or its baseline curve is not drawn).

use crate::Span;
use crate::diag::{Code, Diag};
use crate::model::{Journey, PersonaId, Score, StepRef};

/// What the baseline says about a future map, by the future map's steps and travellers.
#[derive(Clone, Debug, PartialEq)]
pub struct Baseline {
    /// The baseline's title.
    pub title: String,
    /// For each traveller of the future map ([`Journey::travellers`], in order), whether
    /// the baseline has it (and so a curve).
    pub travellers: Vec<bool>,
    /// For each phase of the future map, for each of its steps, what the baseline says.
    pub steps: Vec<Vec<StepBaseline>>,
    /// The baseline's steps that no step of the future map matches, in its order.
    pub gone: Vec<GoneStep>,
}

impl Baseline {
    /// What the baseline says about the future map's step `at` (`None` for a place the
    /// future map does not have).
    pub fn at(&self, at: StepRef) -> Option<&StepBaseline> {
        self.steps.get(at.phase)?.get(at.step)
    }

    /// Whether the future map's step `at` is one that the baseline lacks.
    pub fn is_new(&self, at: StepRef) -> bool {
        self.at(at).is_some_and(|s| s.new)
    }
}

/// One step of the future map, in the baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct StepBaseline {
    /// The baseline has no step that matches it.
    pub new: bool,
    /// For each traveller of the future map, the baseline's score at the matched step.
    pub scores: Vec<Was>,
}

/// A traveller's score at a step, in the baseline.
#[derive(Clone, Debug, PartialEq)]
pub enum Was {
    /// Nothing to draw: the step is new, the traveller is not in the baseline, or the
    /// baseline's step is not one it takes. Its curve passes over the step.
    Absent,
    /// The baseline's step is one it takes, without a score: its curve breaks there, as
    /// the baseline's own drawing breaks it.
    Unscored,
    /// The baseline's score, with its reason.
    Scored { score: Score, text: Option<String> },
}

/// A step of the baseline that the future map no longer has.
#[derive(Clone, Debug, PartialEq)]
pub struct GoneStep {
    /// Its number in the baseline (journey order, from 1).
    pub number: usize,
    /// The name of its phase in the baseline.
    pub phase: String,
    pub action: String,
}

/// The comparison, and its problems in each file: `baseline` is `None` when the two
/// cannot be drawn together (an error in `future`).
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    pub baseline: Option<Baseline>,
    /// Problems to show in the future map's source.
    pub future: Vec<Diag>,
    /// Problems to show in the baseline's source.
    pub current: Vec<Diag>,
}

impl Compared {
    pub fn has_errors(&self) -> bool {
        self.future.iter().chain(&self.current).any(Diag::is_error)
    }
}

/// Compares `future` (its text `future_source`) with its baseline `current` (named
/// `current_name` in messages, its text `current_source`).
pub fn compare(
    future: &Journey,
    future_source: &str,
    current: &Journey,
    current_source: &str,
    current_name: &str,
) -> Compared {
    let mut compared = Compared { baseline: None, future: Vec::new(), current: Vec::new() };
    if future.scale != current.scale {
        compared.future.push(scale_mismatch(future, future_source, current, current_source, current_name));
        return compared;
    }
    let pairs = travellers(future, current, current_name, &mut compared);
    let m = super::matching::match_maps(current, future);
    let old_steps: Vec<_> = current.steps().collect();
    let mut steps: Vec<Vec<StepBaseline>> = future.phases.iter().map(|p| Vec::with_capacity(p.steps.len())).collect();
    for (j, (at, _)) in future.steps().enumerate() {
        let matched = m.new_to_old.get(j).copied().flatten().and_then(|i| old_steps.get(i));
        let scores = pairs
            .iter()
            .map(|pair| match (matched, pair) {
                (Some((_, old)), Some(persona)) if old.includes(*persona) => match old.emotion_of(*persona) {
                    Some(e) => Was::Scored { score: e.score, text: e.text.as_ref().map(|t| t.value.clone()) },
                    None => Was::Unscored,
                },
                _ => Was::Absent,
            })
            .collect();
        steps[at.phase].push(StepBaseline { new: matched.is_none(), scores });
    }
    let gone = old_steps
        .iter()
        .zip(&m.old_to_new)
        .filter(|(_, new)| new.is_none())
        .map(|((at, step), _)| GoneStep {
            number: step.number,
            phase: current.phases[at.phase].name.value.clone(),
            action: step.action.value.clone(),
        })
        .collect();
    compared.baseline = Some(Baseline {
        title: current.title.value.clone(),
        travellers: pairs.iter().map(Option::is_some).collect(),
        steps,
        gone,
    });
    compared
}

/// For each traveller of `future`, its counterpart in `current` (`Some(None)`: the
/// anonymous one); a warning for each persona on one side only.
fn travellers(
    future: &Journey,
    current: &Journey,
    current_name: &str,
    compared: &mut Compared,
) -> Vec<Option<Option<PersonaId>>> {
    let find = |j: &Journey, id: &str| j.persona_ids().find(|&p| j.persona(p).id == id);
    let pairs: Vec<Option<Option<PersonaId>>> = future
        .travellers()
        .into_iter()
        .map(|t| match t {
            Some(p) => find(current, &future.persona(p).id).map(Some),
            None => current.personas.is_empty().then_some(None),
        })
        .collect();
    let missing = |p: &crate::model::Persona, here: &str, there: &str, what: &str| {
        Diag::new(
            Code::BaselinePersonaMissing,
            p.span,
            format!("persona `{}` is not in {there}: {what}", p.id),
            format!(
                "declare `persona {}` in {there} too or, if it is the same persona under another id there, give it the same id in both maps: personas are matched by id",
                p.id
            ),
        )
        .label(format!("only in {here}"))
    };
    let baseline = format!("the baseline `{current_name}`");
    // Against a map without personas, the side without says it once (below).
    if !current.personas.is_empty() {
        for (k, t) in future.travellers().into_iter().enumerate() {
            if let (Some(p), None) = (t, pairs[k]) {
                let what = "its curve is drawn without a baseline";
                compared.future.push(missing(future.persona(p), "this map", &baseline, what));
            }
        }
    }
    if !future.personas.is_empty() {
        for p in current.persona_ids() {
            let persona = current.persona(p);
            if find(future, &persona.id).is_none() {
                let what = "its baseline curve is not drawn";
                compared.current.push(missing(persona, "the baseline", "the future map", what));
            }
        }
    }
    // The anonymous customer of a map without personas has no counterpart in a map
    // with them: said once, on the side without, naming the other side's personas.
    let ids = |j: &Journey| j.personas.iter().map(|p| format!("`{}`", p.id)).collect::<Vec<_>>().join(", ");
    let anonymous = |j: &Journey, other: &Journey, there: &str, what: &str| {
        Diag::new(
            Code::BaselinePersonaMissing,
            j.title.span,
            format!("this map has no personas and {there} has {}: {what}", ids(other)),
            "declare the same personas in both maps: personas are matched by id, and the customer of a map without personas only with the other's",
        )
        .label("a map without personas")
    };
    if future.personas.is_empty() && !current.personas.is_empty() {
        compared.future.push(anonymous(future, current, &baseline, "the customer's curve is drawn without a baseline"));
    }
    if current.personas.is_empty() && !future.personas.is_empty() {
        let what = "the customer's baseline curve is not drawn";
        compared.current.push(anonymous(current, future, "the future map", what));
    }
    pairs
}

fn scale_mismatch(
    future: &Journey,
    future_source: &str,
    current: &Journey,
    current_source: &str,
    current_name: &str,
) -> Diag {
    let range = |j: &Journey| format!("{}..{}", j.scale.min(), j.scale.max());
    let written = |j: &Journey, source: &str| match scale_line(source) {
        Some(span) => format!("has `{}`", span.of(source).trim()),
        None => format!("has no `scale` line (the default, {})", range(j)),
    };
    let (here, there) = (written(future, future_source), written(current, current_source));
    // At the `scale` line, or at the title of a map without one.
    let span = scale_line(future_source).unwrap_or(future.title.span);
    Diag::new(
        Code::BaselineScaleMismatch,
        span,
        format!(
            "this map's scale is {}, its baseline's (`{current_name}`) is {}: the two curves cannot share an axis",
            range(future),
            range(current)
        ),
        format!("give both maps the same scale: this map {here}, the baseline {there}"),
    )
    .label(format!("the scale {}", range(future)))
}

/// The span of a map's `scale` statement: the line whose first word is `scale`
/// (statements start with their keyword; a valid map has at most one).
fn scale_line(source: &str) -> Option<Span> {
    crate::syntax::split_lines(source).find(|span| {
        let line = span.of(source).trim_start();
        line.strip_prefix("scale").is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
    })
}
