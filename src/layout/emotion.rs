//! The emotion lane: a y-axis on the map's scale with a neutral line, and one curve per
//! persona through the steps it takes. A step a persona does not take is passed over; a
//! step it takes without a score breaks its curve, so no value is invented.

use super::lanes::column_x;
use super::metrics::*;
use super::style::persona_style;
use super::{Anchor, Curve, Item, Marker, Segment, Slot, text_block};
use crate::model::{Journey, Label, PersonaId};
use crate::text::{FontStyle, Fonts};

const HEIGHT: f32 = 160.0;
const INSET: f32 = 18.0;

pub(super) fn lane(journey: &Journey, fonts: &Fonts, slots: &[Slot], top: f32, items: &mut Vec<Item>) -> f32 {
    let (min, max) = (journey.scale.min, journey.scale.max);
    let (plot_top, plot_bottom) = (top + INSET, top + HEIGHT - INSET);
    let y_of = |score: f64| plot_bottom - ((score - min as f64) / (max - min) as f64) as f32 * (plot_bottom - plot_top);
    let left = column_x(0) - COLUMN_GAP / 2.0;
    let right = column_x(slots.len().saturating_sub(1)) + COLUMN_WIDTH + COLUMN_GAP / 2.0;

    // Grid lines and their values (at most about eight), the values left of the lines.
    const VALUES: f32 = 20.0;
    let every = ((max - min) as u64).div_ceil(8).max(1) as usize;
    let (ascent, descent) = fonts.extents(FontStyle::Regular, SMALL);
    for value in (min..=max).step_by(every) {
        let y = y_of(value as f64);
        items.push(Item::Segment(Segment { x1: left + VALUES, y1: y, x2: right, y2: y, class: "grid" }));
        let centred = (left + VALUES - 4.0, y - (ascent + descent) / 2.0);
        items.push(Item::Text(text_block(
            fonts,
            &value.to_string(),
            (FontStyle::Regular, SMALL),
            VALUES,
            centred,
            Anchor::End,
            "tick",
        )));
    }
    let neutral = if min <= 0 && 0 <= max { 0.0 } else { (min + max) as f64 / 2.0 };
    let y = y_of(neutral);
    items.push(Item::Segment(Segment { x1: left + VALUES, y1: y, x2: right, y2: y, class: "neutral" }));

    let travellers = journey.travellers();
    let n = travellers.len() as f32;
    for (k, &persona) in travellers.iter().enumerate() {
        let (style, shape) = persona_style(k);
        // Personas with the same score at a step stay apart.
        let dx = ((k as f32 - (n - 1.0) / 2.0) * 5.0).clamp(-COLUMN_WIDTH / 3.0, COLUMN_WIDTH / 3.0);
        let name = persona_name(journey, persona);
        let extremes =
            journey.derived.extremes.iter().find(|x| x.persona == persona).filter(|x| x.low.score != x.high.score);
        let mut points = Vec::new();
        for (i, slot) in slots.iter().enumerate() {
            let Some(at) = slot.step_ref() else { continue };
            let step = journey.step(at);
            if !step.includes(persona) {
                continue;
            }
            let Some(emotion) = step.emotion_of(persona) else {
                points.push(None);
                continue;
            };
            let (x, y) = (column_x(i) + COLUMN_WIDTH / 2.0 + dx, y_of(emotion.score as f64));
            points.push(Some((x, y)));
            let extreme = extremes.and_then(|x| {
                if x.low.steps.contains(&at) {
                    Some(false)
                } else if x.high.steps.contains(&at) {
                    Some(true)
                } else {
                    None
                }
            });
            let mut title = format!("{name}: {}", emotion.score);
            if let Some(why) = &emotion.text {
                title.push_str(&format!(" \u{2014} {}", why.value));
            }
            if let Some(high) = extreme {
                let label = if high { Label::HighPoint } else { Label::LowPoint };
                title.push_str(&format!(" ({})", label.text(journey.lang)));
            }
            let persona = persona.map(|p| journey.persona(p).id.clone());
            items.push(Item::Marker(Marker { x, y, style, shape, extreme, title, persona }));
        }
        let id = persona.map(|p| journey.persona(p).id.clone());
        // Markers are drawn over their curve: insert the curve before them.
        let first_marker = items.len() - points.iter().flatten().count();
        items.insert(first_marker, Item::Curve(Curve { persona: id, style, points }));
    }
    top + HEIGHT
}

fn persona_name(journey: &Journey, persona: Option<PersonaId>) -> String {
    match persona {
        Some(p) => journey.persona(p).id.clone(),
        None => Label::Customer.text(journey.lang).to_string(),
    }
}
