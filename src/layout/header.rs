//! The header: title, goal, scope and notes, and the legend of personas and marks.
//! What it shows, in what order and with what labels ([`facts`], [`legend_entries`]) is
//! shared with the HTML page, which shows the same header itself.

use super::metrics::*;
use super::style::Looks;
use super::{Anchor, Item, Marker, Sample, TextRole, text_block};
use crate::model::{Journey, Label, LaneKind, View};
use crate::text::{FontStyle, Fonts};

/// The facts shown under the title, in order: the goal, the scope, then each note, each
/// with the label of its kind (every note's is [`Label::Notes`]).
pub fn facts(journey: &Journey) -> Vec<(Label, &str)> {
    let goal = journey.goal.iter().map(|t| (Label::Goal, t.value.as_str()));
    let scope = journey.scope.iter().map(|t| (Label::Scope, t.value.as_str()));
    let notes = journey.notes.iter().map(|t| (Label::Notes, t.value.as_str()));
    goal.chain(scope).chain(notes).collect()
}

/// An entry of the legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegendEntry {
    /// The one curve of a map without personas: the customer's.
    Customer,
    /// A persona's curve, by its index in the journey's personas.
    Persona(usize),
    /// The mean curve of a map with many personas.
    Mean,
    /// The band of their lowest to highest scores.
    Range,
    /// The baseline's curves, of a map drawn against its baseline.
    Baseline,
    /// The mark of a low point.
    Low,
    /// The mark of a high point.
    High,
}

impl LegendEntry {
    /// The entry's text: a persona's id and description, or the label.
    pub fn text(self, journey: &Journey) -> String {
        let lang = journey.lang;
        match self {
            LegendEntry::Customer => Label::Customer.text(lang).to_string(),
            LegendEntry::Persona(i) => match journey.personas.get(i) {
                Some(p) => match &p.description {
                    Some(d) => format!("{} \u{2014} {}", p.id, d.value),
                    None => p.id.clone(),
                },
                None => String::new(),
            },
            LegendEntry::Mean => Label::Mean.text(lang).to_string(),
            LegendEntry::Range => Label::Range.text(lang).to_string(),
            LegendEntry::Baseline => Label::Baseline.text(lang).to_string(),
            LegendEntry::Low => Label::LowPoint.text(lang).to_string(),
            LegendEntry::High => Label::HighPoint.text(lang).to_string(),
        }
    }
}

/// The legend's entries, in order: each persona (the customer for a map without
/// personas), the mean and the range where the map has too many personas to draw their
/// curves alone, then the marks of low and high points; none in a blueprint that draws
/// no emotion curves (the journey view keeps its legend, as version 0 drew it).
pub fn legend_entries(journey: &Journey, view: View) -> Vec<LegendEntry> {
    legend_entries_compared(journey, view, false)
}

/// [`legend_entries`] of a map drawn against its baseline (`baseline`) or not: the
/// baseline's curves come before the marks of low and high points.
pub fn legend_entries_compared(journey: &Journey, view: View, baseline: bool) -> Vec<LegendEntry> {
    if view.is_blueprint() && !journey.lanes_for(view).contains(&LaneKind::Emotions) {
        return Vec::new();
    }
    let curves = match journey.personas.len() {
        0 => vec![LegendEntry::Customer],
        n => (0..n).map(LegendEntry::Persona).collect(),
    };
    let summary = match super::emotion::summarised(journey) {
        true => &[LegendEntry::Mean, LegendEntry::Range][..],
        false => &[],
    };
    let compared = baseline.then_some(LegendEntry::Baseline);
    curves
        .into_iter()
        .chain(summary.iter().copied())
        .chain(compared)
        .chain([LegendEntry::Low, LegendEntry::High])
        .collect()
}

/// Lays out the header across `width`; returns the y where it ends.
pub(super) fn header(
    journey: &Journey,
    view: View,
    baseline: bool,
    fonts: &Fonts,
    looks: &Looks,
    width: f32,
    items: &mut Vec<Item>,
) -> f32 {
    let lang = journey.lang;
    let inner = width - 2.0 * MARGIN;
    // The map's state, where it has one, in a pill after the title's first line: the
    // title is wrapped to leave it room.
    const PILL_GAP: f32 = 12.0;
    let pill = super::sources::pill_width(journey, fonts).map(|w| w + PILL_GAP).unwrap_or(0.0);
    let title = text_block(
        fonts,
        &journey.title.value,
        (FontStyle::Bold, TITLE),
        inner - pill,
        (MARGIN, MARGIN),
        Anchor::Start,
        TextRole::Title,
    );
    let mut y = MARGIN + title.height() + 8.0;
    let first = title.line_boxes().next();
    let right = first.map_or(MARGIN, |b| b.right());
    let (line_top, line_height) = first.map_or((MARGIN, TITLE), |b| (b.y, b.height));
    items.push(Item::Text(title));
    if let Some(card) = super::sources::state_pill(journey, fonts, right + PILL_GAP, line_top, line_height) {
        y = y.max(card.rect.bottom() + 8.0);
        items.push(Item::Card(card));
    }
    // Each kind of fact is labelled once: the notes share one label.
    let mut previous = None;
    let mut rows: Vec<(Option<Label>, &str)> = Vec::new();
    for (label, text) in facts(journey) {
        rows.push(((previous != Some(label)).then_some(label), text));
        previous = Some(label);
    }
    // Texts start where the widest label ends, so that they line up.
    let label_width = rows
        .iter()
        .filter_map(|(label, _)| *label)
        .map(|l| fonts.width(&format!("{}:", l.text(lang)), FontStyle::Bold, BODY))
        .fold(0.0, f32::max);
    let indent = label_width + 10.0;
    for (label, text) in rows {
        let body = text_block(
            fonts,
            text,
            (FontStyle::Regular, BODY),
            inner - indent,
            (MARGIN + indent, y),
            Anchor::Start,
            TextRole::Fact,
        );
        let mut height = body.height();
        if let Some(label) = label {
            let name = text_block(
                fonts,
                &format!("{}:", label.text(lang)),
                (FontStyle::Bold, BODY),
                indent,
                (MARGIN, y),
                Anchor::Start,
                TextRole::FactLabel,
            );
            height = height.max(name.height());
            items.push(Item::Text(name));
        }
        items.push(Item::Text(body));
        y += height + 4.0;
    }
    y += 6.0;
    legend(journey, (view, baseline), fonts, looks, inner, y, items)
}

/// The legend: one entry per persona (curve sample and description), then the marks
/// for low and high points. Entries flow left to right and wrap.
fn legend(
    journey: &Journey,
    (view, baseline): (View, bool),
    fonts: &Fonts,
    looks: &Looks,
    inner: f32,
    top: f32,
    items: &mut Vec<Item>,
) -> f32 {
    // Wide enough for a whole dash-dot-dot cycle on each side of the marker.
    const SWATCH: f32 = 44.0;
    const MAX_TEXT: f32 = 260.0;
    const SPACING: f32 = 28.0;
    let thin = super::emotion::summarised(journey);
    let (mut x, mut y, mut row_height) = (MARGIN, top, 0.0_f32);
    for entry in legend_entries_compared(journey, view, baseline) {
        let text = entry.text(journey);
        let text_width = fonts.width(&text, FontStyle::Regular, BODY).min(MAX_TEXT).min(inner - SWATCH - 6.0);
        let entry_width = SWATCH + 6.0 + text_width;
        if x > MARGIN && x + entry_width > MARGIN + inner {
            (x, y, row_height) = (MARGIN, y + row_height + 6.0, 0.0);
        }
        let block = text_block(
            fonts,
            &text,
            (FontStyle::Regular, BODY),
            text_width + 0.5,
            (x + SWATCH + 6.0, y),
            Anchor::Start,
            TextRole::Legend,
        );
        let mid = y + block.ascent * 0.65;
        let swatch = |sample, persona| Item::LegendSwatch { x, y: mid, width: SWATCH, sample, persona };
        // A persona's curve: the `k`-th traveller's look (the customer is the only one).
        let curve = |k: usize| {
            let (style, shape) = looks.of(k);
            swatch(Sample::Persona { style, shape, thin }, journey.personas.get(k).map(|p| p.id.clone()))
        };
        match entry {
            LegendEntry::Customer => items.push(curve(0)),
            LegendEntry::Persona(k) => items.push(curve(k)),
            LegendEntry::Mean => items.push(swatch(Sample::Mean, None)),
            LegendEntry::Range => items.push(swatch(Sample::Range, None)),
            // In the first persona's look, as the marks of low and high points.
            LegendEntry::Baseline => {
                let (style, shape) = looks.of(0);
                items.push(swatch(Sample::Baseline { style, shape }, None));
            }
            LegendEntry::Low | LegendEntry::High => {
                let extreme = Some(entry == LegendEntry::High);
                // The marks of low and high points, in the palette's first style.
                let (style, shape) = (0, looks.looks[0].marker);
                items.push(Item::Marker(Marker {
                    x: x + SWATCH / 2.0,
                    y: mid,
                    style,
                    shape,
                    extreme,
                    title: text.clone(),
                    persona: None,
                    step: None,
                    baseline: false,
                }));
            }
        }
        row_height = row_height.max(block.height());
        items.push(Item::Text(block));
        x += entry_width + SPACING;
    }
    y + row_height + 6.0
}
