//! The printed page's appendix: every step's details as the panel lists them, phase by
//! phase, written into the page (hidden on screen) so that it prints without script.

use super::super::xml::Writer;
use crate::model::{Journey, Label};

/// The appendix: a heading, then each phase with its steps, each step with its number
/// and action, its critical and gap marks and its lines lane by lane
/// ([`crate::layout::step_details`], the panel's lines), emotion notes included.
pub(super) fn appendix(w: &mut Writer, journey: &Journey) {
    let lang = journey.lang;
    w.open("section", &[("class", "appendix".into()), ("aria-labelledby", "all-steps".into())]);
    w.text_element("h2", &[("id", "all-steps".into())], Label::AllSteps.text(lang));
    for (p, phase) in journey.phases.iter().enumerate() {
        w.open("section", &[("class", "phase".into())]);
        w.text_element("h3", &[], &phase.name.value);
        for (s, step) in phase.steps.iter().enumerate() {
            let at = crate::model::StepRef { phase: p, step: s };
            w.open("article", &[("class", "step".into())]);
            w.text_element("h4", &[], &step_name(step.number, &step.action.value));
            if step.critical {
                w.text_element("p", &[("class", "critical".into())], Label::Critical.text(lang));
            }
            if crate::model::is_gap(journey, step) {
                w.text_element("p", &[("class", "gap".into())], Label::Gap.text(lang));
            }
            let details: Vec<(&str, Vec<String>)> = crate::layout::step_details(journey, step)
                .into_iter()
                .map(|(lane, items)| (lane.label(lang), items))
                .chain(
                    super::research_sections(journey, at, step)
                        .into_iter()
                        .map(|(label, items)| (label.text(lang), items)),
                )
                .collect();
            if !details.is_empty() {
                w.open("dl", &[]);
                for (title, items) in details {
                    w.text_element("dt", &[], title);
                    for item in items {
                        w.text_element("dd", &[], &item);
                    }
                }
                w.close("dl");
            }
            w.close("article");
        }
        w.close("section");
    }
    w.close("section");
}

/// A step's name: its number and action, as the appendix heads it and as screen readers
/// announce its cards.
pub(super) fn step_name(number: usize, action: &str) -> String {
    format!("{number}. {action}")
}
