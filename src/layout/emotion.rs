//! The emotion lane: a y-axis on the map's scale with a neutral line, and one curve per
//! persona through the steps it takes, on each step's centre line. A step a persona
//! does not take is passed over; a step it takes without a score breaks its curve, so
//! no value is invented. With more than [`MANY`] personas the curves are drawn thin
//! over their mean and the band from the lowest to the highest score. Under the curves,
//! each step's column lists the reasons given for its scores, each after its persona's
//! marker.

use super::lanes::column_x;
use super::metrics::*;
use super::style::Looks;
use super::{Anchor, Band, Curve, CurveRole, Item, LineRole, Marker, Note, Segment, Slot, TextRole, text_block};
use crate::diff::baseline::{Baseline, Was};
use crate::model::{Journey, Label, PersonaId};
use crate::text::{FontStyle, Fonts};

pub(super) const HEIGHT: f32 = 160.0;
const INSET: f32 = 18.0;

/// Up to this many personas, each curve is drawn alone; above it, thin over the mean.
pub(super) const MANY: usize = 5;

/// Whether the map's curves are drawn thin over their mean and range.
pub(super) fn summarised(journey: &Journey) -> bool {
    journey.travellers().len() > MANY
}

/// A note's padding inside its box, the room for the marker before its text, and the
/// space between notes.
const NOTE_PAD: f32 = 3.0;
const GLYPH: f32 = 13.0;
const NOTE_GAP: f32 = 3.0;

pub(super) fn lane(
    journey: &Journey,
    baseline: Option<&Baseline>,
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
    let centre = |i: usize| column_x(i) + COLUMN_WIDTH / 2.0;

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
    let many = summarised(journey);
    // Every score of every slot, for the mean and the range.
    let mut scores: Vec<Vec<f64>> = vec![Vec::new(); slots.len()];
    let (mut curves, mut markers) = (Vec::new(), Vec::new());
    for (k, &persona) in travellers.iter().enumerate() {
        let (style, shape) = looks.of(k);
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
            scores[i].push(emotion.score.get() as f64);
            let (x, y) = (centre(i), y_of(emotion.score.get() as f64));
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
            markers.push(Item::Marker(Marker { x, y, style, shape, extreme, title, persona, step, baseline: false }));
        }
        let id = persona.map(|p| journey.persona(p).id.clone());
        let role = CurveRole::Persona { thin: many };
        curves.push(Item::Curve(Curve { role, persona: id, style, points }));
    }
    // The baseline's curves, behind the map's own, their points under the map's.
    let (behind, under) = match baseline {
        Some(b) => baseline_curves(journey, b, looks, slots, many, centre, y_of),
        None => (Vec::new(), Vec::new()),
    };
    items.extend(behind);
    items.extend(under);
    if many {
        let (band, mean) = summary(slots, &scores, centre, y_of);
        items.push(Item::Band(band));
        items.extend(curves);
        items.push(Item::Curve(mean));
    } else {
        items.extend(curves);
    }
    // Markers over every curve, so that no curve hides a point.
    items.extend(markers);

    let notes = notes(journey, fonts, looks, slots, top + HEIGHT);
    let bottom = notes.iter().map(|n| n.rect.bottom() + PAD).fold(top + HEIGHT, f32::max);
    if !notes.is_empty() {
        items.push(Item::Notes(notes));
    }
    bottom
}

/// Each traveller's curve in the baseline, in its style, and its points: at the columns
/// of the steps matched to a baseline step it has a score at, broken at one it takes
/// there without a score, passing over the others (the new steps among them).
fn baseline_curves(
    journey: &Journey,
    baseline: &Baseline,
    looks: &Looks,
    slots: &[Slot],
    thin: bool,
    centre: impl Fn(usize) -> f32,
    y_of: impl Fn(f64) -> f32,
) -> (Vec<Item>, Vec<Item>) {
    let (mut curves, mut markers) = (Vec::new(), Vec::new());
    let word = Label::Baseline.text(journey.lang);
    for (k, &persona) in journey.travellers().iter().enumerate() {
        if !baseline.travellers.get(k).copied().unwrap_or(false) {
            continue;
        }
        let (style, shape) = looks.of(k);
        let name = persona_name(journey, persona);
        let id = persona.map(|p| journey.persona(p).id.clone());
        let mut points = Vec::new();
        for (i, slot) in slots.iter().enumerate() {
            let Some(at) = slot.step_ref() else { continue };
            match baseline.at(at).and_then(|s| s.scores.get(k)) {
                Some(Was::Scored { score, text }) => {
                    let (x, y) = (centre(i), y_of(score.get() as f64));
                    points.push(Some((x, y)));
                    let mut title = format!("{name} \u{2014} {word}: {score}");
                    if let Some(why) = text {
                        title.push_str(&format!(" \u{2014} {why}"));
                    }
                    let (extreme, persona, baseline) = (None, id.clone(), true);
                    markers.push(Item::Marker(Marker {
                        x,
                        y,
                        style,
                        shape,
                        extreme,
                        title,
                        persona,
                        step: None,
                        baseline,
                    }));
                }
                Some(Was::Unscored) => points.push(None),
                Some(Was::Absent) | None => {}
            }
        }
        curves.push(Item::Curve(Curve { role: CurveRole::Baseline { thin }, persona: id, style, points }));
    }
    (curves, markers)
}

/// The band from the lowest to the highest score and the mean curve, over the slots'
/// scores: both break at a step nobody scored. A step alone between breaks gets a band
/// a few pixels wide, so that it shows.
fn summary(
    slots: &[Slot],
    scores: &[Vec<f64>],
    centre: impl Fn(usize) -> f32,
    y_of: impl Fn(f64) -> f32,
) -> (Band, Curve) {
    let (mut pieces, mut piece, mut points) = (Vec::new(), Vec::new(), Vec::new());
    for (i, slot) in slots.iter().enumerate() {
        if slot.step.is_none() {
            continue;
        }
        let at = &scores[i];
        if at.is_empty() {
            points.push(None);
            pieces.push(std::mem::take(&mut piece));
            continue;
        }
        let (lo, hi) = at.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &s| (lo.min(s), hi.max(s)));
        let mean = at.iter().sum::<f64>() / at.len() as f64;
        points.push(Some((centre(i), y_of(mean))));
        piece.push((centre(i), y_of(hi), y_of(lo)));
    }
    pieces.push(piece);
    let pieces = pieces
        .into_iter()
        .filter(|p| !p.is_empty())
        .map(|p| match p[..] {
            [(x, top, bottom)] => vec![(x - 4.0, top, bottom), (x + 4.0, top, bottom)],
            _ => p,
        })
        .collect();
    (Band { pieces }, Curve { role: CurveRole::Mean, persona: None, style: 0, points })
}

/// The notes of every step's column, from `top`: for each persona (in the order
/// declared) that gave a reason for its score, its marker and the reason, wrapped to
/// the column, stacked downwards.
fn notes(journey: &Journey, fonts: &Fonts, looks: &Looks, slots: &[Slot], top: f32) -> Vec<Note> {
    let travellers = journey.travellers();
    let mut notes = Vec::new();
    for (i, slot) in slots.iter().enumerate() {
        let Some(at) = slot.step_ref() else { continue };
        let step = journey.step(at);
        let x = column_x(i);
        let mut y = top;
        for (k, &persona) in travellers.iter().enumerate() {
            if !step.includes(persona) {
                continue;
            }
            let Some(why) = step.emotion_of(persona).and_then(|e| e.text.as_ref()) else { continue };
            // The persona's id too: in grayscale two markers may look alike.
            let text = match persona {
                Some(p) if travellers.len() > 1 => format!("{}: {}", journey.persona(p).id, why.value),
                _ => why.value.clone(),
            };
            let (style, shape) = looks.of(k);
            let text = text_block(
                fonts,
                &text,
                (FontStyle::Regular, SMALL),
                COLUMN_WIDTH - 2.0 * NOTE_PAD - GLYPH,
                (x + NOTE_PAD + GLYPH, y + NOTE_PAD),
                Anchor::Start,
                TextRole::EmotionNote,
            );
            let rect = super::Rect::new(x, y, COLUMN_WIDTH, text.height() + 2.0 * NOTE_PAD);
            // The marker on the middle of the first line's lower-case letters.
            let glyph = (x + NOTE_PAD + GLYPH / 2.0, y + NOTE_PAD + text.ascent * 0.62);
            y = rect.bottom() + NOTE_GAP;
            let persona = persona.map(|p| journey.persona(p).id.clone());
            notes.push(Note { rect, persona, step: step.number, style, shape, glyph, text });
        }
    }
    notes
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
