//! What a map compared with its baseline (`render --baseline`) adds under the map: the
//! list of the baseline's steps that are gone, under each one's phase. (The baseline's
//! curves are the emotion lane's, the "new" badges the action cards'.)

use super::metrics::*;
use super::{Anchor, Item, TextRole, list_heading, text_block};
use crate::diff::baseline::{Baseline, GoneStep};
use crate::model::{Journey, Label, Lang};
use crate::text::{FontStyle, Fonts};

/// The widest the list's lines run: a list across a wide map would be hard to read.
const MAX_WIDTH: f32 = 720.0;
/// How far a step is indented under its phase.
const INDENT: f32 = 14.0;

/// Lays out the list of `gone` steps from `top`, across at most `width` less the margins;
/// returns where it ends. A page may end between two phases of it (`lane_breaks`).
pub(super) fn gone_list(
    lang: Lang,
    gone: &[GoneStep],
    fonts: &Fonts,
    top: f32,
    width: f32,
    items: &mut Vec<Item>,
    lane_breaks: &mut Vec<f32>,
) -> f32 {
    let room = (width - 2.0 * MARGIN).min(MAX_WIDTH);
    let mut y = list_heading(fonts, Label::GoneSteps.text(lang), room, top, TextRole::GoneHeading, items);
    let mut phase: Option<&str> = None;
    for step in gone {
        if phase != Some(step.phase.as_str()) {
            if phase.is_some() {
                lane_breaks.push(y + 2.0);
                y += 4.0;
            }
            phase = Some(&step.phase);
            let name = text_block(
                fonts,
                &step.phase,
                (FontStyle::Bold, BODY),
                room,
                (MARGIN, y),
                Anchor::Start,
                TextRole::GonePhase,
            );
            y += name.height() + 3.0;
            items.push(Item::Text(name));
        }
        // A dash before each step: the list reads as a list without colour or a bullet
        // font.
        let text = format!("\u{2013} {}", step.action);
        let block = text_block(
            fonts,
            &text,
            (FontStyle::Regular, BODY),
            room - INDENT,
            (MARGIN + INDENT, y),
            Anchor::Start,
            TextRole::GoneStep,
        );
        y += block.height() + 3.0;
        items.push(Item::Text(block));
    }
    y
}

/// What the comparison adds to the drawing's description (its `<desc>`).
pub(super) fn description(journey: &Journey, baseline: &Baseline) -> String {
    let new = journey.steps().filter(|(at, _)| baseline.is_new(*at)).count();
    format!(
        " Compared with the baseline \u{201c}{}\u{201d}: {new} new steps, {} steps gone.",
        baseline.title,
        baseline.gone.len()
    )
}
