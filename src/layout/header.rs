//! The header: title, goal, scope and notes, and the legend of personas and marks.

use super::metrics::*;
use super::style::Looks;
use super::{Anchor, Item, Marker, text_block};
use crate::model::{Journey, Label};
use crate::text::{FontStyle, Fonts};

/// Lays out the header across `width`; returns the y where it ends.
pub(super) fn header(journey: &Journey, fonts: &Fonts, looks: &Looks, width: f32, items: &mut Vec<Item>) -> f32 {
    let lang = journey.lang;
    let inner = width - 2.0 * MARGIN;
    let title = text_block(
        fonts,
        &journey.title.value,
        (FontStyle::Bold, TITLE),
        inner,
        (MARGIN, MARGIN),
        Anchor::Start,
        "title",
    );
    let mut y = MARGIN + title.height() + 8.0;
    items.push(Item::Text(title));
    let mut facts: Vec<(Option<Label>, &str)> = Vec::new();
    if let Some(goal) = &journey.goal {
        facts.push((Some(Label::Goal), &goal.value));
    }
    if let Some(scope) = &journey.scope {
        facts.push((Some(Label::Scope), &scope.value));
    }
    for (i, note) in journey.notes.iter().enumerate() {
        facts.push(((i == 0).then_some(Label::Notes), &note.value));
    }
    // Texts start where the widest label ends, so that they line up.
    let label_width = facts
        .iter()
        .filter_map(|(label, _)| *label)
        .map(|l| fonts.width(&format!("{}:", l.text(lang)), FontStyle::Bold, BODY))
        .fold(0.0, f32::max);
    let indent = label_width + 10.0;
    for (label, text) in facts {
        let body = text_block(
            fonts,
            text,
            (FontStyle::Regular, BODY),
            inner - indent,
            (MARGIN + indent, y),
            Anchor::Start,
            "header-text",
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
                "label",
            );
            height = height.max(name.height());
            items.push(Item::Text(name));
        }
        items.push(Item::Text(body));
        y += height + 4.0;
    }
    y += 6.0;
    legend(journey, fonts, looks, inner, y, items)
}

/// The legend: one entry per persona (curve sample and description), then the marks
/// for low and high points. Entries flow left to right and wrap.
fn legend(journey: &Journey, fonts: &Fonts, looks: &Looks, inner: f32, top: f32, items: &mut Vec<Item>) -> f32 {
    const SWATCH: f32 = 34.0;
    const MAX_TEXT: f32 = 260.0;
    const SPACING: f32 = 28.0;
    let lang = journey.lang;
    let mut entries: Vec<(Option<usize>, Option<bool>, String)> = Vec::new();
    if journey.personas.is_empty() {
        entries.push((Some(0), None, Label::Customer.text(lang).to_string()));
    }
    for (i, p) in journey.personas.iter().enumerate() {
        let text = match &p.description {
            Some(d) => format!("{} \u{2014} {}", p.id, d.value),
            None => p.id.clone(),
        };
        entries.push((Some(i), None, text));
    }
    entries.push((None, Some(false), Label::LowPoint.text(lang).to_string()));
    entries.push((None, Some(true), Label::HighPoint.text(lang).to_string()));
    let (mut x, mut y, mut row_height) = (MARGIN, top, 0.0_f32);
    for (persona, extreme, text) in entries {
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
            "legend-text",
        );
        let mid = y + block.ascent * 0.65;
        match persona {
            Some(p) => {
                let (style, shape) = looks.of(p);
                items.push(Item::LegendSwatch { x, y: mid, width: SWATCH, style, shape });
            }
            None => {
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
                }));
            }
        }
        row_height = row_height.max(block.height());
        items.push(Item::Text(block));
        x += entry_width + SPACING;
    }
    y + row_height + 6.0
}
