//! One band of the grid: the phase row, then one row per lane, cards stacked in each
//! step's column. Details written on a phase span the phase's columns.

use super::metrics::*;
use super::style::Looks;
use super::{
    Anchor, Card, CardRole, Drawn, Item, KpiLook, LineRole, Rect, RectRole, Segment, Slot, TextRole, emotion,
    text_block,
};
use crate::lanes::{Carries, Content, View, Zone};
use crate::model::{
    ChannelMode, Detail, Details, Extra, GoalKind, Journey, Kpi, Label, LaneKind, Lang, NeedKind, OwnerId, Step,
    Verdict, is_gap,
};
use crate::text::{FontStyle, Fonts};

/// A card before it is placed: its role, tooltip and text parts.
pub(super) struct CardSpec {
    role: CardRole,
    title: String,
    parts: Vec<Part>,
}

struct Part {
    text: String,
    style: FontStyle,
    size: f32,
    role: TextRole,
    /// Drawn on a rounded box of its own (a badge).
    pill: bool,
}

fn part(text: impl Into<String>, style: FontStyle, size: f32, role: TextRole) -> Part {
    Part { text: text.into(), style, size, role, pill: false }
}

/// A badge's padding inside its rounded box: across and down.
const PILL_PAD: (f32, f32) = (4.0, 1.5);

/// The left edge of column `i`.
pub(super) fn column_x(i: usize) -> f32 {
    MARGIN + LABEL_WIDTH + i as f32 * (COLUMN_WIDTH + COLUMN_GAP)
}

/// Runs of consecutive slots of one phase: (phase, first slot, number of slots).
fn phase_spans(slots: &[Slot]) -> Vec<(usize, usize, usize)> {
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for (i, slot) in slots.iter().enumerate() {
        match spans.last_mut() {
            Some(last) if last.0 == slot.phase => last.2 += 1,
            _ => spans.push((slot.phase, i, 1)),
        }
    }
    spans
}

fn span_width(count: usize) -> f32 {
    count as f32 * (COLUMN_WIDTH + COLUMN_GAP) - COLUMN_GAP
}

/// Lays out one band starting at `top`; returns the y where it ends and the heights
/// between its lanes, where a page may end if the band does not fit on one.
pub(super) fn band(
    drawn: &Drawn,
    fonts: &Fonts,
    looks: &Looks,
    slots: &[Slot],
    top: f32,
    width: f32,
    items: &mut Vec<Item>,
) -> (f32, Vec<f32>) {
    let journey = drawn.journey;
    let mut lane_breaks = Vec::new();
    let mut front = Vec::new();
    let mut y = phase_row(journey, fonts, slots, top, &mut front) + ROW_GAP;
    let lanes_top = y;
    let band_right = (column_x(slots.len()) - COLUMN_GAP / 2.0).min(width - MARGIN);
    let mut back = Vec::new();
    let mut zone = None;
    for (k, &lane) in drawn.lanes.iter().enumerate() {
        if drawn.view.is_blueprint() {
            y = blueprint_lines(fonts, journey.lang, zone, lane.zone(), (MARGIN, band_right), y, &mut front);
            zone = Some(lane.zone());
        }
        let bottom = match lane {
            LaneKind::Emotions => {
                let start = front.len();
                let bottom = emotion::lane(journey, drawn.baseline, fonts, looks, slots, y, &mut front);
                let marks = super::sources::emotion_marks(journey, fonts, slots, &front[start..], (y, emotion::HEIGHT));
                front.extend(marks);
                bottom
            }
            _ => card_lane(drawn, fonts, slots, lane, y, &mut front),
        };
        let label = lane_label(fonts, lane.label(journey.lang), y, bottom - y);
        let height = bottom - y;
        let role = RectRole::Lane { odd: k % 2 == 1 };
        back.push(Item::Rect { rect: Rect::new(MARGIN, y, band_right - MARGIN, height), role });
        front.push(Item::Card(label));
        y = bottom + ROW_GAP;
        lane_breaks.push(y - ROW_GAP / 2.0);
    }
    // Gap steps: the whole column is marked, behind the lanes' contents.
    for (i, slot) in slots.iter().enumerate() {
        if let Some(at) = slot.step_ref()
            && is_gap(journey, journey.step(at))
        {
            let rect = Rect::new(column_x(i) - 3.0, lanes_top - 2.0, COLUMN_WIDTH + 6.0, y - lanes_top);
            back.push(Item::Rect { rect, role: RectRole::GapColumn });
        }
    }
    items.extend(back);
    items.extend(front);
    lane_breaks.pop();
    (y - ROW_GAP, lane_breaks)
}

/// The service blueprint's lines between a lane of zone `from` and the next, of zone
/// `to`: one for each boundary crossed downwards, each labelled above it in the map's
/// language. Returns where the next lane starts.
fn blueprint_lines(
    fonts: &Fonts,
    lang: Lang,
    from: Option<Zone>,
    to: Zone,
    (left, right): (f32, f32),
    mut y: f32,
    items: &mut Vec<Item>,
) -> f32 {
    let Some(from) = from else { return y };
    for (zone, label) in [
        (Zone::Frontstage, Label::LineOfInteraction),
        (Zone::Backstage, Label::LineOfVisibility),
        (Zone::Support, Label::LineOfInternalInteraction),
    ] {
        if from < zone && zone <= to {
            let block = text_block(
                fonts,
                label.text(lang),
                (FontStyle::Bold, SMALL),
                right - left - 8.0,
                (left + 4.0, y + 1.0),
                Anchor::Start,
                TextRole::LineName,
            );
            let line_y = block.y + block.height() - block.ascent + 3.0;
            items.push(Item::Text(block));
            let role = LineRole::Blueprint(zone);
            items.push(Item::Segment(Segment { x1: left, y1: line_y, x2: right, y2: line_y, role }));
            y = line_y + 2.0 + ROW_GAP;
        }
    }
    y
}

fn phase_row(journey: &Journey, fonts: &Fonts, slots: &[Slot], top: f32, items: &mut Vec<Item>) -> f32 {
    let cards: Vec<Card> = phase_spans(slots)
        .into_iter()
        .map(|(phase, first, count)| {
            let name = &journey.phases[phase].name.value;
            let spec = CardSpec {
                role: CardRole::Phase { odd: phase % 2 == 1 },
                title: name.clone(),
                parts: vec![part(name.as_str(), FontStyle::Bold, HEADING, TextRole::PhaseName)],
            };
            place(fonts, &spec, column_x(first), top, span_width(count))
        })
        .collect();
    let height = cards.iter().map(|c| c.rect.height).fold(0.0, f32::max);
    for mut card in cards {
        card.rect.height = height;
        items.push(Item::Card(card));
    }
    top + height
}

fn lane_label(fonts: &Fonts, label: &str, top: f32, height: f32) -> Card {
    let spec = CardSpec {
        role: CardRole::LaneLabel,
        title: label.to_string(),
        parts: vec![part(label, FontStyle::Bold, BODY, TextRole::LaneName)],
    };
    let mut card = place(fonts, &spec, MARGIN, top, LABEL_WIDTH - 10.0);
    card.rect.height = card.rect.height.max(height);
    card
}

/// A lane of cards: phase cards span their phase at the top, step cards stack below.
fn card_lane(drawn: &Drawn, fonts: &Fonts, slots: &[Slot], lane: LaneKind, top: f32, items: &mut Vec<Item>) -> f32 {
    let journey = drawn.journey;
    let mut bottom = top + 2.0 * PAD + BODY * LINE;
    for (phase, first, count) in phase_spans(slots) {
        let mut y = top + PAD;
        // Phase details are shown in the band where the phase starts.
        if slots[first].step.is_none_or(|s| s == 0) {
            for spec in detail_cards(journey, lane, &journey.phases[phase].details) {
                let card = place(fonts, &spec, column_x(first), y, span_width(count));
                y = card.rect.bottom() + CARD_GAP;
                items.push(Item::Card(card));
            }
        }
        for (i, slot) in slots.iter().enumerate().skip(first).take(count) {
            let Some(at) = slot.step_ref() else { continue };
            let step = journey.step(at);
            let mut sy = y;
            let mut cards = step_cards(journey, drawn.view, lane, step);
            if drawn.baseline.is_some_and(|b| b.is_new(at)) {
                for spec in cards.iter_mut().filter(|c| c.role.is_action()) {
                    mark_new(spec, journey.lang);
                }
            }
            for spec in cards {
                let card = Card { step: Some(step.number), ..place(fonts, &spec, column_x(i), sy, COLUMN_WIDTH) };
                sy = card.rect.bottom() + CARD_GAP;
                items.push(Item::Card(card));
            }
            bottom = bottom.max(sy - CARD_GAP + PAD);
        }
        bottom = bottom.max(y - CARD_GAP + PAD);
    }
    bottom
}

/// Marks an action card as a step the baseline lacks: a "new" badge on top, and the
/// word in its tooltip.
fn mark_new(spec: &mut CardSpec, lang: Lang) {
    let new = Label::New.text(lang);
    let badge = Part { pill: true, ..part(new.to_uppercase(), FontStyle::Bold, SMALL, TextRole::NewBadge) };
    spec.parts.insert(0, badge);
    spec.title = format!("{}\n{new}", spec.title);
}

/// The cards of `step` in `lane`, as `view` draws them.
pub(super) fn step_cards(journey: &Journey, view: View, lane: LaneKind, step: &Step) -> Vec<CardSpec> {
    let lang = journey.lang;
    match lane.spec().content {
        Content::Actions => {
            let mut parts = Vec::new();
            let (mut fail_point, mut handed_to, mut unmet_need) = (false, false, false);
            let mut title = step.action.value.clone();
            if step.critical {
                parts.push(part(Label::Critical.text(lang).to_uppercase(), FontStyle::Bold, SMALL, TextRole::Badge));
            }
            parts.push(part(step.action.value.as_str(), FontStyle::Bold, BODY, TextRole::ActionText));
            if view.is_blueprint() {
                // The method's fail points: where the service breaks, on the action itself.
                for pain in step.details.of(LaneKind::Pains) {
                    let fail = format!("{}: {}", Label::FailPoint.text(lang), pain.text.value);
                    action_mark(journey, (&mut title, &mut parts), fail, &pain.cites, TextRole::FailPoint);
                    fail_point = true;
                }
                // The needs the step leaves unmet, or meets in part: a symbol and words,
                // never colour alone.
                for need in step.details.of(LaneKind::Needs) {
                    let Extra::Need(_, Some(status)) = need.extra else { continue };
                    let Some(mark) = status.mark() else { continue };
                    let text = format!("{} {}: {}", status.symbol(), mark.text(lang), need.text.value);
                    action_mark(journey, (&mut title, &mut parts), text, &need.cites, TextRole::UnmetNeed);
                    unmet_need = true;
                }
                // Handoffs are in map order, at most one into each step.
                let handoffs = &journey.derived.handoffs;
                let into = handoffs.binary_search_by_key(&step.number, |h| journey.step(h.to_step).number);
                if let Some(handoff) = into.ok().map(|i| &handoffs[i]) {
                    let names = |owners: &[OwnerId]| {
                        owners.iter().map(|&o| owner_label(journey, o)).collect::<Vec<_>>().join(", ")
                    };
                    let text = format!(
                        "{}: {} \u{2192} {}",
                        Label::Handoff.text(lang),
                        names(&handoff.from),
                        names(&handoff.to)
                    );
                    parts.push(part(text.as_str(), FontStyle::Bold, SMALL, TextRole::Handoff));
                    title = format!("{title}\n{text}");
                    handed_to = true;
                }
            }
            cites(&mut parts, journey, &step.cites);
            let role = CardRole::Action { critical: step.critical, fail_point, handoff: handed_to, unmet_need };
            vec![CardSpec { role, title, parts }]
        }
        Content::Touchpoints => {
            let mut cards = Vec::new();
            if is_gap(journey, step) {
                let gap = Label::Gap.text(lang);
                cards.push(CardSpec {
                    role: CardRole::Gap,
                    title: gap.into(),
                    parts: vec![part(gap, FontStyle::Bold, SMALL, TextRole::GapText)],
                });
            }
            for t in &step.touchpoints {
                let channel = t.channel.map(|c| journey.channel(c));
                // Shown: a mark for online (●) or offline (■); in the tooltip: words.
                let (mut shown, mut told) = (Vec::new(), Vec::new());
                if let Some(c) = channel {
                    let name = c.label.as_ref().map_or(c.id.as_str(), |l| l.value.as_str());
                    let (mark, mode) = match c.mode {
                        Some(ChannelMode::Online) => ("\u{25cf} ", Some(Label::Online)),
                        Some(ChannelMode::Offline) => ("\u{25a0} ", Some(Label::Offline)),
                        None => ("", None),
                    };
                    shown.push(format!("{mark}{name}"));
                    told.push(mode.map_or(name.to_string(), |m| format!("{name} ({})", m.text(lang))));
                }
                if let Some(name) = owner_name(journey, t.owner) {
                    shown.push(name.clone());
                    told.push(name);
                }
                let role = CardRole::Touchpoint {
                    mode: channel.and_then(|c| c.mode),
                    external: is_external(journey, t.owner),
                };
                let mut card = owned_card(role, shown, told, &t.text.value, FontStyle::Regular);
                cites(&mut card.parts, journey, &t.cites);
                cards.push(card);
            }
            cards
        }
        // The curves are the emotion lane's own (`emotion.rs`).
        Content::Emotions => Vec::new(),
        Content::Detail { .. } => detail_cards(journey, lane, &step.details),
    }
}

/// A line the blueprint view adds to an action card (a fail point, an unmet need): in
/// its tooltip, and drawn with the reference mark its own card has.
fn action_mark(
    journey: &Journey,
    (title, parts): (&mut String, &mut Vec<Part>),
    text: String,
    cites: &[crate::model::SourceId],
    role: TextRole,
) {
    title.push('\n');
    title.push_str(&text);
    let text = match super::sources::mark(journey, cites) {
        Some(mark) => format!("{text} {mark}"),
        None => text,
    };
    parts.push(part(text, FontStyle::Bold, SMALL, role));
}

/// A step's details in words, lane by lane (every lane with something to say, whether
/// drawn or not): the interactive page's detail panel. Each item is its card's tooltip.
pub fn step_details(journey: &Journey, step: &Step) -> Vec<(LaneKind, Vec<String>)> {
    crate::lanes::reading_order()
        .into_iter()
        .filter_map(|lane| {
            let items: Vec<String> = match lane.spec().content {
                Content::Actions => Vec::new(),
                Content::Emotions => step
                    .emotions
                    .iter()
                    .map(|e| {
                        // The persona by its description, as the legend names it (its id
                        // where it has none).
                        let who = e.persona.map_or(Label::Customer.text(journey.lang), |p| {
                            let persona = journey.persona(p);
                            persona.description.as_ref().map_or(persona.id.as_str(), |d| d.value.as_str())
                        });
                        match &e.text {
                            Some(t) => format!("{who}: {} \u{2014} {}", e.score, t.value),
                            None => format!("{who}: {}", e.score),
                        }
                    })
                    .collect(),
                Content::Touchpoints | Content::Detail { .. } => step_cards(journey, View::Journey, lane, step)
                    .into_iter()
                    .filter(|c| c.role != CardRole::Gap)
                    .map(|c| c.title)
                    .collect(),
            };
            (!items.is_empty()).then_some((lane, items))
        })
        .collect()
}

/// An owner's label, or its id when it has none.
fn owner_label(journey: &Journey, owner: OwnerId) -> &str {
    let o = journey.owner(owner);
    o.label.as_ref().map_or(o.id.as_str(), |l| l.value.as_str())
}

/// An owner's name, with the word for an external party.
fn owner_name(journey: &Journey, owner: Option<OwnerId>) -> Option<String> {
    let name = owner_label(journey, owner?);
    Some(match is_external(journey, owner) {
        true => format!("{name} ({})", Label::External.text(journey.lang)),
        false => name.to_string(),
    })
}

fn is_external(journey: &Journey, owner: Option<OwnerId>) -> bool {
    owner.is_some_and(|o| journey.owner(o).external)
}

/// A card that names who (`shown` on the card, `told` in its tooltip) above its text.
fn owned_card(role: CardRole, shown: Vec<String>, told: Vec<String>, text: &str, font: FontStyle) -> CardSpec {
    let mut parts = Vec::new();
    if !shown.is_empty() {
        parts.push(part(shown.join(" \u{00b7} "), FontStyle::Bold, SMALL, TextRole::Who));
    }
    parts.push(part(text, font, BODY, TextRole::CardText));
    let title = match told.is_empty() {
        true => text.to_string(),
        false => format!("{}: {text}", told.join(" \u{00b7} ")),
    };
    CardSpec { role, title, parts }
}

/// Cards for a detail lane, from a step's or a phase's details: how each looks is the
/// lane table's, what it shows besides its text follows what the lane carries.
fn detail_cards(journey: &Journey, lane: LaneKind, d: &Details) -> Vec<CardSpec> {
    let Some((_, carries)) = lane.detail() else { return Vec::new() };
    d.of(lane)
        .map(|x| {
            let mut card = detail_card(journey, lane, carries, x);
            cites(&mut card.parts, journey, &x.cites);
            card
        })
        .collect()
}

/// A citing card's reference mark, last, at its bottom right: the card grows to hold it.
fn cites(parts: &mut Vec<Part>, journey: &Journey, cites: &[crate::model::SourceId]) {
    if let Some(mark) = super::sources::mark(journey, cites) {
        parts.push(part(mark, FontStyle::Regular, SMALL, TextRole::Cites));
    }
}

fn detail_card(journey: &Journey, lane: LaneKind, carries: Carries, x: &Detail) -> CardSpec {
    let lang = journey.lang;
    let look = lane.spec().look;
    let plain = CardRole::Detail { lane, need: None, external: false };
    let text = match look.quoted {
        true => format!("\u{201c}{}\u{201d}", x.text.value),
        false => x.text.value.clone(),
    };
    match (carries, &x.extra) {
        (Carries::NeedKind, Extra::Need(kind, status)) => {
            let tag = kind.map(|k| match k {
                NeedKind::Functional => Label::Functional,
                NeedKind::Emotional => Label::Emotional,
            });
            let mut parts = Vec::new();
            let mut title = text.clone();
            if let Some(tag) = tag {
                parts.push(part(tag.text(lang).to_uppercase(), FontStyle::Bold, SMALL, TextRole::NeedKind));
                title = format!("{}: {title}", tag.text(lang));
            }
            parts.push(part(text, look.font, BODY, TextRole::CardText));
            if let Some(status) = status {
                let status = status.text(lang);
                title = format!("{title} ({status})");
                parts.push(part(status, FontStyle::Bold, SMALL, TextRole::NeedKind));
            }
            CardSpec { role: CardRole::Detail { lane, need: *kind, external: false }, title, parts }
        }
        (Carries::Kpi, Extra::Kpi(f)) => {
            let kpi = Kpi { label: &x.text, figures: f };
            let figure = kpi_figure(&kpi, lang);
            let mut title = format!("{text}: {figure}");
            let mut parts = vec![
                part(figure, FontStyle::Bold, HEADING, TextRole::KpiFigure),
                part(text, look.font, BODY, TextRole::CardText),
            ];
            if let Some(origin) = kpi_origin(&kpi, lang) {
                title = format!("{title} ({origin})");
                parts.push(part(origin, FontStyle::Regular, SMALL, TextRole::KpiDate));
            }
            // A verdict, or no data, is told in words and, on top, by the card's colours.
            let role = match (kpi.value(), kpi.verdict()) {
                (None, _) => CardRole::Kpi { look: KpiLook::NoData },
                (_, Some(Verdict::Met)) => CardRole::Kpi { look: KpiLook::Met },
                (_, Some(Verdict::Missed)) => CardRole::Kpi { look: KpiLook::Missed },
                (_, None) => plain,
            };
            CardSpec { role, title, parts }
        }
        (Carries::Scores, Extra::Opportunity(scores)) if scores.impact.is_some() || scores.effort.is_some() => {
            let told: Vec<String> = [(Label::Impact, scores.impact), (Label::Effort, scores.effort)]
                .into_iter()
                .filter_map(|(label, score)| Some(format!("{} {}", label.text(lang), score?)))
                .collect();
            let told = told.join(" \u{b7} ");
            let title = format!("{text} ({told})");
            let parts = vec![
                part(text, look.font, BODY, TextRole::CardText),
                part(told, FontStyle::Bold, SMALL, TextRole::Scores),
            ];
            CardSpec { role: plain, title, parts }
        }
        (Carries::Owner, Extra::Owner(owner)) => {
            let who: Vec<String> = owner_name(journey, *owner).into_iter().collect();
            let role = CardRole::Detail { lane, need: None, external: is_external(journey, *owner) };
            owned_card(role, who.clone(), who, &text, look.font)
        }
        (Carries::Text | Carries::NeedKind | Carries::Kpi | Carries::Owner | Carries::Scores, _) => {
            CardSpec { role: plain, title: text.clone(), parts: vec![part(text, look.font, BODY, TextRole::CardText)] }
        }
    }
}

/// Where a KPI's figure from a data file comes from: "as of 2026-03-01 · GA4 export",
/// in the map's language; `None` for a figure the map gives.
pub(crate) fn kpi_origin(kpi: &Kpi, lang: Lang) -> Option<String> {
    let data = kpi.figures.data.as_ref()?;
    let date = data.date.as_ref().map(|d| format!("{} {d}", Label::AsOf.text(lang)));
    let parts: Vec<String> = date.into_iter().chain(data.source.clone()).collect();
    (!parts.is_empty()).then(|| parts.join(" \u{00b7} "))
}

/// A KPI's figure: its value ("no data" without one) and its goal: with a `target` the
/// signed distance to it, with `min` or `max` whether it is met, as a symbol and a word.
pub(crate) fn kpi_figure(kpi: &Kpi, lang: Lang) -> String {
    let value = kpi.value().map_or_else(|| Label::NoData.text(lang).to_string(), |v| v.text.clone());
    let Some(goal) = kpi.goal() else { return value };
    let word = match goal.kind {
        GoalKind::Target => Label::Target,
        GoalKind::Min => Label::AtLeast,
        GoalKind::Max => Label::AtMost,
    };
    let mut figure = format!("{value} \u{00b7} {} {}", word.text(lang), goal.measure.text);
    match (goal.kind, kpi.verdict(), kpi.distance()) {
        (GoalKind::Target, _, Some(d)) => figure.push_str(&format!(" ({})", signed(d))),
        (_, Some(verdict), _) => figure.push_str(&format!(" \u{00b7} {}", verdict_text(verdict, lang))),
        _ => {}
    }
    figure
}

/// A KPI's verdict as a symbol and a word, never colour alone: `✅ met`, `❌ missed`
/// (the embedded emoji font's, in their own colours, which stay visible on a dark page;
/// no text font has the light ✓ and ✗).
pub(crate) fn verdict_text(verdict: Verdict, lang: Lang) -> String {
    match verdict {
        Verdict::Met => format!("\u{2705}\u{a0}{}", Label::Met.text(lang)),
        Verdict::Missed => format!("\u{274c}\u{a0}{}", Label::Missed.text(lang)),
    }
}

/// A difference with its sign and at most two decimals: `+24`, `−17`, `−0.4`, `±0`.
fn signed(d: f64) -> String {
    let rounded = (d * 100.0).round() / 100.0;
    let digits = format!("{:.2}", rounded.abs());
    let digits = digits.trim_end_matches('0').trim_end_matches('.');
    match rounded {
        r if r > 0.0 => format!("+{digits}"),
        r if r < 0.0 => format!("\u{2212}{digits}"),
        _ => "\u{00b1}0".to_string(),
    }
}

/// Places a card at (`x`, `top`), `width` wide and as tall as its wrapped parts.
pub(super) fn place(fonts: &Fonts, spec: &CardSpec, x: f32, top: f32, width: f32) -> Card {
    let mut y = top + PAD;
    let (mut texts, mut pills) = (Vec::new(), Vec::new());
    for p in &spec.parts {
        let (inset, room) = match p.pill {
            true => (PILL_PAD, width - 2.0 * PAD - 2.0 * PILL_PAD.0),
            false => ((0.0, 0.0), width - 2.0 * PAD),
        };
        // A reference mark sits at the card's right, like a footnote's.
        let (at, anchor) = match p.role {
            TextRole::Cites => ((x + width - PAD - inset.0, y + inset.1), Anchor::End),
            _ => ((x + PAD + inset.0, y + inset.1), Anchor::Start),
        };
        let block = text_block(fonts, &p.text, (p.style, p.size), room, at, anchor, p.role);
        let mut height = block.height();
        if p.pill {
            let widest = block.lines.iter().map(|l| l.width).fold(0.0, f32::max);
            height += 2.0 * inset.1;
            pills.push(Rect::new(x + PAD, y, widest + 2.0 * inset.0, height));
        }
        y += height + 3.0;
        texts.push(block);
    }
    let height = (y - 3.0 + PAD - top).max(2.0 * PAD);
    let (role, title) = (spec.role, spec.title.clone());
    Card { rect: Rect::new(x, top, width, height), role, title, texts, step: None, pills }
}

#[cfg(test)]
mod tests {
    #[test]
    fn differences_to_target_are_signed() {
        assert_eq!(super::signed(24.0), "+24");
        assert_eq!(super::signed(38.0 - 55.0), "\u{2212}17");
        assert_eq!(super::signed(4.1 - 4.5), "\u{2212}0.4");
        assert_eq!(super::signed(0.0), "\u{00b1}0");
    }
}
