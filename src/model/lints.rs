//! Warnings about a map that compiles but is probably not finished.

use super::{Journey, LaneKind, PersonaId, SourceId};
use crate::Span;
use crate::diag::{Code, Diag, Diags};

pub(super) fn check(journey: &Journey, diags: &mut Diags) {
    for phase in journey.phases.iter().filter(|p| p.steps.is_empty()) {
        diags.push(
            Diag::new(
                Code::EmptyPhase,
                phase.span,
                match phase.name.value.as_str() {
                    "" => "this phase has no steps".to_string(),
                    name => format!("the phase `{name}` has no steps"),
                },
                "add the steps the customer takes in it, or remove the phase",
            )
            .label("no `step` follows"),
        );
    }
    personas(journey, diags);
    kpi_units(journey, diags);
    sources(journey, diags);
    for (id, channel) in journey.channel_ids().zip(&journey.channels) {
        if !journey.steps().any(|(_, s)| s.touchpoints.iter().any(|t| t.channel == Some(id))) {
            diags.push(
                Diag::new(
                    Code::UnusedChannel,
                    channel.span,
                    format!("the channel `{}` is declared but no touchpoint uses it", channel.id),
                    format!("name it on a touchpoint (`touchpoint {} …: …`) or remove the declaration", channel.id),
                )
                .label("unused"),
            );
        }
    }
    for (id, owner) in journey.owner_ids().zip(&journey.owners) {
        let named = |d: &crate::model::Details| d.owners().any(|o| o == id);
        if !journey.steps().any(|(_, s)| s.touchpoints.iter().any(|t| t.owner == Some(id)))
            && !journey.all_details().any(named)
        {
            diags.push(
                Diag::new(
                    Code::UnusedOwner,
                    owner.span,
                    format!("the owner `{}` is declared but no touchpoint names it", owner.id),
                    format!("name it on a touchpoint (`touchpoint … {}: …`) or remove the declaration", owner.id),
                )
                .label("unused"),
            );
        }
    }
}

fn personas(journey: &Journey, diags: &mut Diags) {
    let has_emotion = |p: Option<PersonaId>| journey.steps().any(|(_, s)| s.emotion_of(p).is_some());
    if journey.personas.is_empty() {
        if journey.steps().next().is_some() && !has_emotion(None) {
            diags.push(
                Diag::new(
                    Code::PersonaWithoutEmotion,
                    journey.title.span,
                    "no step has an emotion score",
                    "add `emotion <score>: <why>` to the steps; the emotion curve is the heart of the map",
                )
                .label("this journey has no emotion curve"),
            );
        }
        return;
    }
    for (id, persona) in journey.persona_ids().zip(&journey.personas) {
        if has_emotion(Some(id)) {
            continue;
        }
        let named = journey.steps().any(|(_, s)| s.personas.contains(&id));
        let diag = if named {
            Diag::new(
                Code::PersonaWithoutEmotion,
                persona.span,
                format!("the persona `{}` has no emotion score at all", persona.id),
                format!("add `emotion {} <score>: <why>` to the steps `{}` takes", persona.id, persona.id),
            )
            .label("no emotion curve")
        } else {
            Diag::new(
                Code::UnusedPersona,
                persona.span,
                format!("the persona `{}` is declared but nothing uses it", persona.id),
                format!(
                    "give `{}` emotion scores (`emotion {} <score>`) or remove the declaration",
                    persona.id, persona.id
                ),
            )
            .label("unused")
        };
        diags.push(diag);
    }
}

fn kpi_units(journey: &Journey, diags: &mut Diags) {
    for kpi in journey.all_details().flat_map(|d| d.kpis()) {
        let (Some(value), Some(target)) = (kpi.value(), kpi.target()) else { continue };
        if target.percent == value.percent {
            continue;
        }
        diags.push(
            Diag::new(
                Code::KpiUnitMismatch,
                value.span.to(target.span),
                format!("the KPI's value `{}` and target `{}` are in different units", value.text, target.text),
                "write both as percentages (`12% target 20%`) or both as plain numbers",
            )
            .label("one is a percentage, the other is not"),
        );
    }
}

/// A source nothing cites; and, in a map with sources, the statements of what customers
/// say and feel that cite none (`uncited`).
fn sources(journey: &Journey, diags: &mut Diags) {
    if journey.sources.is_empty() {
        return;
    }
    let mut cited = vec![false; journey.sources.len()];
    let mut cite = |cites: &[SourceId]| cites.iter().for_each(|s| cited[s.0] = true);
    journey.steps().flat_map(|(_, step)| super::step_statements(step)).for_each(|(_, c)| cite(c));
    journey.phases.iter().flat_map(|p| p.details.iter()).for_each(|d| cite(&d.cites));
    for (source, _) in journey.sources.iter().zip(&cited).filter(|(_, c)| !**c) {
        diags.push(
            Diag::new(
                Code::UnusedSource,
                source.span,
                format!("the source `{}` is declared but nothing cites it", source.id),
                format!(
                    "cite it after the words of the statements it backs (`pain {}: …`) or remove the declaration",
                    source.id
                ),
            )
            .label("not cited"),
        );
    }
    // In source order; an `emotion` without a persona is one statement, however many
    // personas it scores.
    let mut uncited: Vec<(Span, &'static str)> = Vec::new();
    for (_, step) in journey.steps() {
        for emotion in step.emotions.iter().filter(|e| e.cites.is_empty()) {
            if uncited.last().map(|u| u.0) != Some(emotion.span) {
                uncited.push((emotion.span, "emotion"));
            }
        }
    }
    for detail in journey.all_details().flat_map(|d| d.iter()).filter(|d| d.cites.is_empty()) {
        let keyword = match detail.lane {
            LaneKind::Quotes => "quote",
            LaneKind::Pains => "pain",
            LaneKind::Delights => "delight",
            _ => continue,
        };
        uncited.push((detail.span, keyword));
    }
    uncited.sort_by_key(|u| u.0.start);
    let example = &journey.sources[0].id;
    for (span, keyword) in uncited {
        let shape = match keyword {
            "emotion" => format!("emotion <score> {example}: …"),
            _ => format!("{keyword} {example}: …"),
        };
        diags.push(
            Diag::new(
                Code::Uncited,
                span,
                format!("this `{keyword}` cites no source"),
                format!(
                    "say where it comes from: list the ids of its sources after its words, e.g. `{shape}`; \
                     `lints: {{uncited: allow}}` in journeymap.yaml turns this off"
                ),
            )
            .label("no source"),
        );
    }
}
