//! Characters no font draws: J0507, a warning at the text that has them.

use super::Fonts;
use crate::diag::{Code, Diag};
use crate::model::{Journey, Text};

/// A J0507 for each text of `journey` with characters that none of `fonts` has, in
/// source order. Such characters are measured at a fallback width and drawn by the
/// viewer's fonts in SVG and HTML, and as boxes in PNG and PDF.
pub fn undrawable(journey: &Journey, fonts: &Fonts) -> Vec<Diag> {
    let mut texts: Vec<&Text> = vec![&journey.title];
    texts.extend(journey.goal.iter().chain(&journey.scope).chain(&journey.notes));
    texts.extend(journey.personas.iter().filter_map(|p| p.description.as_ref()));
    texts.extend(journey.channels.iter().filter_map(|c| c.label.as_ref()));
    texts.extend(journey.owners.iter().filter_map(|o| o.label.as_ref()));
    for phase in &journey.phases {
        texts.push(&phase.name);
        for step in &phase.steps {
            texts.push(&step.action);
            texts.extend(step.touchpoints.iter().map(|t| &t.text));
            texts.extend(step.emotions.iter().filter_map(|e| e.text.as_ref()));
        }
    }
    texts.extend(journey.all_details().flat_map(|d| d.iter().map(|detail| &detail.text)));
    let mut diags: Vec<Diag> = texts.into_iter().filter_map(|text| undrawable_in(text, fonts)).collect();
    diags.sort_by_key(|d| d.primary.span.start);
    diags
}

fn undrawable_in(text: &Text, fonts: &Fonts) -> Option<Diag> {
    let mut missing: Vec<char> = Vec::new();
    for c in text.value.chars().filter(|&c| !fonts.can_draw(c)) {
        if !missing.contains(&c) {
            missing.push(c);
        }
    }
    let first = *missing.first()?;
    let names: Vec<String> = missing.iter().take(5).map(|&c| format!("`{c}` (U+{:04X})", c as u32)).collect();
    let more = if missing.len() > 5 { format!(" and {} more", missing.len() - 5) } else { String::new() };
    let message = match missing.len() {
        1 => format!("no font draws {}", names[0]),
        _ => format!("no font draws {}{more}", names.join(", ")),
    };
    Some(
        Diag::new(
            Code::NoFont,
            text.span,
            message,
            "add a font that has it under `fonts:` in journeymap.yaml; until then PNG and PDF draw a box, SVG and HTML the viewer's fallback",
        )
        .label(format!("U+{:04X} has no glyph in any font", first as u32)),
    )
}
