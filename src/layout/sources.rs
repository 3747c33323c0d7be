//! Research sources, drawn: the reference marks of citing cards and emotion points, the
//! Sources list under the map, and the map's state beside its title. A map without
//! sources or state draws none of them, as version 0 did.

use std::collections::BTreeMap;

use super::metrics::*;
use super::{Anchor, Card, CardRole, Item, Rect, TextRole, list_heading, text_block};
use crate::model::{Journey, Label, MapState, SourceId, SourceKind, Step};
use crate::text::{FontStyle, Fonts};

/// A card's or a point's reference mark: the ids of the sources it cites, in the order
/// declared, between brackets (`[i1 o1]`); `None` when it cites none.
pub(crate) fn mark(journey: &Journey, cites: &[SourceId]) -> Option<String> {
    if cites.is_empty() {
        return None;
    }
    let ids: Vec<&str> = cites.iter().map(|&s| journey.source(s).id.as_str()).collect();
    Some(format!("[{}]", ids.join(" ")))
}

/// The word for a kind of source, in the map's language.
pub(crate) fn kind_label(kind: SourceKind) -> Label {
    match kind {
        SourceKind::Interview => Label::Interview,
        SourceKind::Survey => Label::Survey,
        SourceKind::Observation => Label::Observation,
        SourceKind::Analytics => Label::Analytics,
        SourceKind::Workshop => Label::Workshop,
        SourceKind::Document => Label::Document,
    }
}

/// A source in words, as the Sources list, the HTML panel and the appendix write it:
/// `i1 · interview · Interview 1, Karin`.
pub fn source_line(journey: &Journey, source: SourceId) -> String {
    let s = journey.source(source);
    let mut parts = vec![s.id.clone()];
    if let Some(kind) = s.kind {
        parts.push(kind_label(kind).text(journey.lang).to_string());
    }
    if let Some(d) = &s.description {
        parts.push(d.value.clone());
    }
    parts.join(" \u{00b7} ")
}

/// The sources `step` cites on any of its statements, each in words ([`source_line`]),
/// in the order declared: the HTML panel's and the appendix's list.
pub fn step_source_lines(journey: &Journey, step: &Step) -> Vec<String> {
    crate::model::step_sources(step).into_iter().map(|s| source_line(journey, s)).collect()
}

/// The label of a map's state: "Current state", "Future state".
pub fn state_label(state: MapState) -> Label {
    match state {
        MapState::Current => Label::CurrentState,
        MapState::Future => Label::FutureState,
    }
}

/// The state's pill: its word in small bold type in a rounded box, its left at `x`,
/// centred on the line whose top is `top` and whose height is `line`.
pub(super) fn state_pill(journey: &Journey, fonts: &Fonts, x: f32, top: f32, line: f32) -> Option<Card> {
    let state = journey.state?;
    let text = state_label(state).text(journey.lang);
    let (ascent, descent) = fonts.extents(FontStyle::Bold, SMALL);
    let width = pill_width(journey, fonts)?;
    let height = ascent + descent + 2.0 * PILL_PAD_Y;
    let y = top + (line - height) / 2.0;
    let block = text_block(
        fonts,
        text,
        (FontStyle::Bold, SMALL),
        width - 2.0 * PILL_PAD_X + 0.5,
        (x + PILL_PAD_X, y + PILL_PAD_Y),
        Anchor::Start,
        TextRole::State,
    );
    let role = CardRole::State { future: state == MapState::Future };
    let rect = Rect::new(x, y, width, height);
    Some(Card { rect, role, title: text.to_string(), texts: vec![block], step: None, pills: Vec::new() })
}

const PILL_PAD_X: f32 = 8.0;
const PILL_PAD_Y: f32 = 3.0;

/// The width of the state's pill, if the map has a state.
pub(super) fn pill_width(journey: &Journey, fonts: &Fonts) -> Option<f32> {
    let text = state_label(journey.state?).text(journey.lang);
    Some(fonts.width(text, FontStyle::Bold, SMALL) + 2.0 * PILL_PAD_X)
}

/// The reference marks of the emotion points among `items` (the emotion lane of one
/// band, from `top`, `height` tall): each citing point's mark in small type on a chip,
/// above the point where there is room, else below, right or left of it: clear of every
/// point (and its ring) and of the other chips, inside the lane, over the curves.
pub(super) fn emotion_marks(
    journey: &Journey,
    fonts: &Fonts,
    slots: &[super::Slot],
    items: &[Item],
    (top, height): (f32, f32),
) -> Vec<Item> {
    if journey.sources.is_empty() {
        return Vec::new();
    }
    // The band's steps, in order of their numbers.
    let steps: Vec<&Step> = slots.iter().filter_map(|s| s.step_ref()).map(|at| journey.step(at)).collect();
    // Every point's box, its ring included; the citing ones with their mark.
    // By column (a point's `x`): a chip reaches less than half a column sideways, so
    // only its own column's points and chips can meet it.
    let mut points: BTreeMap<u32, Vec<Rect>> = BTreeMap::new();
    let mut citing: Vec<(f32, f32, usize, String, String)> = Vec::new();
    for item in items {
        let Item::Marker(m) = item else { continue };
        points.entry(m.x.to_bits()).or_default().push(Rect::new(m.x - RING, m.y - RING, 2.0 * RING, 2.0 * RING));
        // A baseline's point is avoided, but it is not this map's to cite.
        let Some(number) = m.step.filter(|_| !m.baseline) else { continue };
        let Ok(i) = steps.binary_search_by_key(&number, |s| s.number) else { continue };
        let step = steps[i];
        let emotion =
            step.emotions.iter().find(|e| e.persona.map(|p| journey.persona(p).id.as_str()) == m.persona.as_deref());
        if let Some(e) = emotion
            && let Some(text) = mark(journey, &e.cites)
        {
            // The tooltip names the sources in full, after the point's own.
            let cited: Vec<String> = e.cites.iter().map(|&s| source_line(journey, s)).collect();
            citing.push((m.x, m.y, number, text, format!("{}: {}", m.title, cited.join("; "))));
        }
    }
    let (lane_top, lane_bottom) = (top + 1.0, top + height - 1.0);
    let mut chips: BTreeMap<u32, Vec<Rect>> = BTreeMap::new();
    let mut marks = Vec::new();
    for (x, y, number, text, title) in citing {
        let block = |left: f32, block_top: f32| {
            text_block(
                fonts,
                &text,
                (FontStyle::Regular, SMALL),
                COLUMN_WIDTH / 2.0 - RING - 2.0 * CHIP_PAD - 4.0,
                (left + CHIP_PAD, block_top + CHIP_PAD_Y),
                Anchor::Start,
                TextRole::EmotionCites,
            )
        };
        let probe = block(0.0, 0.0);
        let width = probe.lines.iter().map(|l| l.width).fold(0.0, f32::max) + 2.0 * CHIP_PAD;
        let chip_height = probe.height() + 2.0 * CHIP_PAD_Y;
        let candidates = [
            (x - width / 2.0, y - RING - 1.0 - chip_height),
            (x - width / 2.0, y + RING + 1.0),
            (x + RING + 2.0, y - chip_height / 2.0),
            (x - RING - 2.0 - width, y - chip_height / 2.0),
        ];
        let (column_points, column_chips) = (points.get(&x.to_bits()), chips.get(&x.to_bits()));
        let clear = |list: Option<&Vec<Rect>>, r: &Rect| list.is_none_or(|l| !l.iter().any(|p| p.overlaps(r)));
        let free = |r: &Rect| {
            r.y >= lane_top && r.bottom() <= lane_bottom && clear(column_points, r) && clear(column_chips, r)
        };
        let rects = candidates.map(|(cx, cy)| Rect::new(cx, cy, width, chip_height));
        let rect = rects.iter().copied().find(free).unwrap_or_else(|| {
            // Nowhere clear: above the point, kept inside the lane.
            let r = rects[0];
            Rect::new(r.x, r.y.max(lane_top), r.width, r.height)
        });
        chips.entry(x.to_bits()).or_default().push(rect);
        let texts = vec![block(rect.x, rect.y)];
        let card = Card { rect, role: CardRole::Cite, title, texts, step: Some(number), pills: Vec::new() };
        marks.push(Item::Card(card));
    }
    marks
}

/// Half the size of a point's box, its ring included, and a chip's padding.
const RING: f32 = 9.5;
const CHIP_PAD: f32 = 3.0;
const CHIP_PAD_Y: f32 = 1.5;

/// The Sources list under the map, from `top` across `width`: a heading, then each
/// declared source in a row: its id, its kind in the map's language, its description,
/// wrapped. Returns where it ends and the heights between its rows, where a printed page
/// may end; nothing for a map without sources.
pub(super) fn list(journey: &Journey, fonts: &Fonts, width: f32, top: f32, items: &mut Vec<Item>) -> (f32, Vec<f32>) {
    if journey.sources.is_empty() {
        return (top, Vec::new());
    }
    let lang = journey.lang;
    let inner = width - 2.0 * MARGIN;
    let mut y = list_heading(fonts, Label::Sources.text(lang), inner, top, TextRole::SourcesHeading, items);
    // Three columns: ids, kinds, descriptions; the first two as wide as their widest,
    // at most a quarter of the room each.
    let widest = |texts: &mut dyn Iterator<Item = String>, style| {
        texts.map(|t| fonts.width(&t, style, BODY)).fold(0.0, f32::max).min(inner / 4.0)
    };
    let id_width = widest(&mut journey.sources.iter().map(|s| s.id.clone()), FontStyle::Bold);
    let kind_width = widest(
        &mut journey.sources.iter().filter_map(|s| s.kind).map(|k| kind_label(k).text(lang).to_string()),
        FontStyle::Regular,
    );
    const GAP: f32 = 14.0;
    let kind_x = MARGIN + id_width + GAP;
    let text_x = if kind_width > 0.0 { kind_x + kind_width + GAP } else { kind_x };
    let mut breaks = Vec::new();
    for source in &journey.sources {
        let id = text_block(
            fonts,
            &source.id,
            (FontStyle::Bold, BODY),
            id_width + 0.5,
            (MARGIN, y),
            Anchor::Start,
            TextRole::SourceId,
        );
        let mut height = id.height();
        items.push(Item::Text(id));
        if let Some(kind) = source.kind {
            let kind = text_block(
                fonts,
                kind_label(kind).text(lang),
                (FontStyle::Regular, BODY),
                kind_width + 0.5,
                (kind_x, y),
                Anchor::Start,
                TextRole::SourceKind,
            );
            height = height.max(kind.height());
            items.push(Item::Text(kind));
        }
        if let Some(d) = &source.description {
            let text = text_block(
                fonts,
                &d.value,
                (FontStyle::Regular, BODY),
                MARGIN + inner - text_x,
                (text_x, y),
                Anchor::Start,
                TextRole::SourceText,
            );
            height = height.max(text.height());
            items.push(Item::Text(text));
        }
        y += height + 4.0;
        breaks.push(y - 2.0);
    }
    breaks.pop();
    (y - 4.0, breaks)
}
