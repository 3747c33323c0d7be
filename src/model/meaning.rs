//! What a map means: its model with every [`Span`] left out. Two maps that differ only
//! in where things are written (spacing, indentation, blank lines, comments, the order
//! of the header's statements) mean the same; `fmt` checks this before handing its text
//! out.
//!
//! The comparison clears every span of a copy of each journey and compares the copies
//! with `==`. Every type is taken apart field by field, without `..`, so a field added to
//! the model does not compile until it is placed here: a span among its contents must be
//! cleared, anything else is compared.

use super::{
    Channel, Detail, Details, Emotion, Extra, Figures, Goal, Journey, Measure, Owner, Persona, Phase, Source, Step,
    Text, Touchpoint,
};
use crate::Span;

impl Journey {
    /// Whether `self` and `other` mean the same: they are equal once every span is left
    /// out (the derived facts included).
    pub fn same_meaning(&self, other: &Journey) -> bool {
        without_spans(self) == without_spans(other)
    }
}

/// A copy of `journey` with every span the empty one at 0.
fn without_spans(journey: &Journey) -> Journey {
    let mut journey = journey.clone();
    journey.clear_spans();
    journey
}

/// Sets every span a value holds to the empty one at 0.
trait ClearSpans {
    fn clear_spans(&mut self);
}

impl ClearSpans for Span {
    fn clear_spans(&mut self) {
        *self = Span::default();
    }
}

impl<T: ClearSpans> ClearSpans for Option<T> {
    fn clear_spans(&mut self) {
        if let Some(value) = self {
            value.clear_spans();
        }
    }
}

impl<T: ClearSpans> ClearSpans for Vec<T> {
    fn clear_spans(&mut self) {
        self.iter_mut().for_each(T::clear_spans);
    }
}

impl ClearSpans for Journey {
    fn clear_spans(&mut self) {
        let Journey {
            title,
            goal,
            scope,
            notes,
            lang: _,
            scale: _,
            personas,
            channels,
            owners,
            sources,
            state: _,
            lanes: _,
            lanes_explicit: _,
            view: _,
            view_explicit: _,
            phases,
            // Derived facts hold steps' places and ids, no spans.
            derived: _,
        } = self;
        title.clear_spans();
        goal.clear_spans();
        scope.clear_spans();
        notes.clear_spans();
        personas.clear_spans();
        channels.clear_spans();
        owners.clear_spans();
        sources.clear_spans();
        phases.clear_spans();
    }
}

impl ClearSpans for Text {
    fn clear_spans(&mut self) {
        let Text { value: _, span } = self;
        span.clear_spans();
    }
}

impl ClearSpans for Persona {
    fn clear_spans(&mut self) {
        let Persona { id: _, description, span } = self;
        description.clear_spans();
        span.clear_spans();
    }
}

impl ClearSpans for Channel {
    fn clear_spans(&mut self) {
        let Channel { id: _, label, mode: _, span } = self;
        label.clear_spans();
        span.clear_spans();
    }
}

impl ClearSpans for Owner {
    fn clear_spans(&mut self) {
        let Owner { id: _, label, external: _, span } = self;
        label.clear_spans();
        span.clear_spans();
    }
}

impl ClearSpans for Source {
    fn clear_spans(&mut self) {
        let Source { id: _, kind: _, description, span } = self;
        description.clear_spans();
        span.clear_spans();
    }
}

impl ClearSpans for Phase {
    fn clear_spans(&mut self) {
        let Phase { name, details, steps, span } = self;
        name.clear_spans();
        details.clear_spans();
        steps.clear_spans();
        span.clear_spans();
    }
}

impl ClearSpans for Step {
    fn clear_spans(&mut self) {
        let Step { number: _, action, critical: _, personas: _, touchpoints, emotions, details, cites: _, span } = self;
        action.clear_spans();
        touchpoints.clear_spans();
        emotions.clear_spans();
        details.clear_spans();
        span.clear_spans();
    }
}

impl ClearSpans for Touchpoint {
    fn clear_spans(&mut self) {
        let Touchpoint { text, channel: _, owner: _, cites: _, span } = self;
        text.clear_spans();
        span.clear_spans();
    }
}

impl ClearSpans for Emotion {
    fn clear_spans(&mut self) {
        let Emotion { persona: _, score: _, text, named: _, cites: _, span } = self;
        text.clear_spans();
        span.clear_spans();
    }
}

impl ClearSpans for Details {
    fn clear_spans(&mut self) {
        let Details { items } = self;
        items.clear_spans();
    }
}

impl ClearSpans for Detail {
    fn clear_spans(&mut self) {
        let Detail { lane: _, text, extra, cites: _, span } = self;
        text.clear_spans();
        extra.clear_spans();
        span.clear_spans();
    }
}

impl ClearSpans for Extra {
    fn clear_spans(&mut self) {
        match self {
            Extra::Text | Extra::Need(..) | Extra::Owner(_) | Extra::Opportunity(_) => {}
            Extra::Kpi(figures) => figures.clear_spans(),
        }
    }
}

impl ClearSpans for Figures {
    fn clear_spans(&mut self) {
        let Figures { id: _, value, goal, data: _ } = self;
        value.clear_spans();
        goal.clear_spans();
    }
}

impl ClearSpans for Goal {
    fn clear_spans(&mut self) {
        let Goal { kind: _, measure } = self;
        measure.clear_spans();
    }
}

impl ClearSpans for Measure {
    fn clear_spans(&mut self) {
        let Measure { value: _, percent: _, text: _, span } = self;
        span.clear_spans();
    }
}

#[cfg(test)]
mod tests {
    fn journey(source: &str) -> super::Journey {
        let compiled = crate::compile(source.as_bytes());
        compiled.journey.unwrap_or_else(|| panic!("{:?}", compiled.diags))
    }

    const MAP: &str = "journey: T\npersona a: A\nphase: P\n  step: S\n    kpi 12% target 20%: K\n    emotion 1: ok\n  step: U\n    pain: x\n";

    #[test]
    fn where_things_are_written_is_no_part_of_the_meaning() {
        let moved = "\n\n# c\njourney:   T\n\n\npersona a :A\nphase: P\nstep: S\n      kpi  12%  target 20% : K\n emotion 1 :ok\nstep: U\npain: x";
        let (a, b) = (journey(MAP), journey(moved));
        assert_ne!(a, b, "the spans differ");
        assert!(a.same_meaning(&b));
    }

    #[test]
    fn any_change_of_content_is_a_change_of_meaning() {
        let a = journey(MAP);
        for changed in [
            MAP.replace("step: S", "step: s"),
            MAP.replace("12%", "13%"),
            MAP.replace("emotion 1", "emotion 2"),
            MAP.replace("step: S", "step: X").replace("step: U", "step: S").replace("step: X", "step: U"),
            MAP.replace("    pain: x\n", ""),
            MAP.replace("pain: x", "thought: x"),
            MAP.replace("step: U", "step critical: U"),
        ] {
            assert!(!a.same_meaning(&journey(&changed)), "{changed}");
        }
    }
}
