//! The emotion lane: a y-axis on the map's scale with a neutral line, and one curve per
//! persona through the steps it takes. A step a persona does not take is passed over; a
//! step it takes without a score breaks its curve, so no value is invented.

use super::lanes::column_x;
use super::metrics::*;
use super::style::Looks;
use super::{Anchor, Curve, Item, LineRole, Marker, Segment, Slot, TextRole, text_block};
use crate::model::{Journey, Label, PersonaId};
use crate::text::{FontStyle, Fonts};

const HEIGHT: f32 = 160.0;
const INSET: f32 = 18.0;

pub(super) fn lane(
    journey: &Journey,
    fonts: &Fonts,
    looks: &Looks,
    slots: &[Slot],
    top: f32,
    items: &mut Vec<Item>,
) -> f32 {
    // In f64: a scale may span all of i64, whose width does not fit in i64.
    let (min, max) = (journey.scale.min().get() as f64, journey.scale.max().get() as f64);
    let (plot_top, plot_bottom) = (top + INSET, top + HEIGHT - INSET);
    let y_of = |score: f64| plot_bottom - ((score - min) / (max - min)) as f32 * (plot_bottom - plot_top);
    let left = column_x(0) - COLUMN_GAP / 2.0;
    let right = column_x(slots.len().saturating_sub(1)) + COLUMN_WIDTH + COLUMN_GAP / 2.0;

    // Grid lines and their values, the values left of the lines, as wide as they need.
    let (ascent, descent) = fonts.extents(FontStyle::Regular, SMALL);
    let ticks = ticks(journey.scale.min().get(), journey.scale.max().get());
    let values =
        ticks.iter().map(|t| fonts.width(&t.to_string(), FontStyle::Regular, SMALL)).fold(12.0, f32::max) + 8.0;
    for value in ticks {
        let y = y_of(value as f64);
        items.push(Item::Segment(Segment { x1: left + values, y1: y, x2: right, y2: y, role: LineRole::Grid }));
        let centred = (left + values - 4.0, y - (ascent + descent) / 2.0);
        let label = text_block(
            fonts,
            &value.to_string(),
            (FontStyle::Regular, SMALL),
            values,
            centred,
            Anchor::End,
            TextRole::Tick,
        );
        items.push(Item::Text(label));
    }
    let neutral = if min <= 0.0 && 0.0 <= max { 0.0 } else { (min + max) / 2.0 };
    let y = y_of(neutral);
    items.push(Item::Segment(Segment { x1: left + values, y1: y, x2: right, y2: y, role: LineRole::Neutral }));

    let travellers = journey.travellers();
    let n = travellers.len() as f32;
    for (k, &persona) in travellers.iter().enumerate() {
        let (style, shape) = looks.of(k);
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
            let (x, y) = (column_x(i) + COLUMN_WIDTH / 2.0 + dx, y_of(emotion.score.get() as f64));
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
            let step = Some(step.number);
            items.push(Item::Marker(Marker { x, y, style, shape, extreme, title, persona, step }));
        }
        let id = persona.map(|p| journey.persona(p).id.clone());
        // Markers are drawn over their curve: insert the curve before them.
        let first_marker = items.len() - points.iter().flatten().count();
        items.insert(first_marker, Item::Curve(Curve { persona: id, style, points }));
    }
    top + HEIGHT
}

/// The values to label on the axis: both ends of the scale, and between them the
/// multiples of a round step (1, 2 or 5 × 10ⁿ) that gives at most about eight lines.
fn ticks(min: i64, max: i64) -> Vec<i64> {
    let span = max as i128 - min as i128;
    let mut step: i128 = 1;
    while span / step > 8 {
        step = match step.to_string().as_bytes()[0] {
            b'1' => step * 2,
            b'2' => step / 2 * 5,
            _ => step * 2,
        };
    }
    let mut ticks = vec![min];
    let first = (min as i128).div_euclid(step) * step + step;
    let mut t = first;
    // Multiples too close to an end would crowd its label.
    while t < max as i128 {
        if t - min as i128 >= step / 2 && max as i128 - t >= step / 2 {
            ticks.push(t as i64);
        }
        t += step;
    }
    ticks.push(max);
    ticks
}

fn persona_name(journey: &Journey, persona: Option<PersonaId>) -> String {
    match persona {
        Some(p) => journey.persona(p).id.clone(),
        None => Label::Customer.text(journey.lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::ticks;

    #[test]
    fn ticks_are_round_and_include_both_ends() {
        assert_eq!(ticks(-2, 2), [-2, -1, 0, 1, 2]);
        assert_eq!(ticks(1, 5), [1, 2, 3, 4, 5]);
        assert_eq!(ticks(0, 100), [0, 20, 40, 60, 80, 100]);
        assert_eq!(ticks(1, 10), [1, 2, 4, 6, 8, 10]);
        assert_eq!(ticks(-1000, 1000), [-1000, -500, 0, 500, 1000]);
        let wide = ticks(i64::MIN, i64::MAX);
        assert!(wide.len() <= 10 && wide[0] == i64::MIN && *wide.last().unwrap() == i64::MAX);
    }
}
