//! A map as a Mermaid `journey`, for a README: the title, the phases as sections, the
//! steps as tasks, the personas as actors and the emotions as scores 1 to 5. What
//! Mermaid cannot show is named in a `%%` comment at the top.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::import::one_line;
use crate::lanes::LaneKind;
use crate::model::{Journey, Step};

/// The score of a step without any emotion: Mermaid needs one; 3 is its neutral face.
const NEUTRAL: i64 = 3;

/// The best Mermaid `journey` the map allows.
///
/// - A persona is an actor named by its description's first clause (up to a comma:
///   `Karin, 67, …` is `Karin`), or by its id when it has none (a name two personas share
///   is told apart by the id: `Anna (anna2)`).
/// - A step's actors are the personas with an emotion there (an emotion without a persona
///   is every persona's of the step), and its score their emotion mapped linearly from
///   the map's scale onto 1..5 and rounded; different scores at one step are averaged
///   (Mermaid has one score per task). A step without any emotion scores 3, with no actor.
/// - Text is made safe for Mermaid's lexer: `#`, `;`, `%`, `<` and `>` anywhere, and `:`
///   and `,` where they would end a name, as Mermaid's entities (`#35;`, `#59;`, …);
///   a task that would start like a keyword (`journey`, `title`, `section`, `accTitle`,
///   `accDescr`) has its first letter as an entity.
pub fn export(journey: &Journey) -> String {
    let names = actor_names(journey);
    let (min, max) = (journey.scale.min().get(), journey.scale.max().get());
    let mut averaged = false;
    let mut neutral = false;
    let mut tasks = String::new();
    for phase in &journey.phases {
        let _ = writeln!(tasks, "  section {}", safe(&phase.name.value, Context::Section));
        for step in &phase.steps {
            let (score, actors, mixed) = task(journey, step, &names, min, max);
            averaged |= mixed;
            neutral |= score.is_none();
            let score = score.unwrap_or(NEUTRAL);
            let mut line = format!("    {}: {score}", safe(&step.action.value, Context::Task));
            if !actors.is_empty() {
                line.push_str(": ");
                line.push_str(&actors.join(", "));
            }
            tasks.push_str(&line);
            tasks.push('\n');
        }
    }

    let mut out = String::new();
    let lost = not_shown(journey);
    out.push_str("%% Exported by journeymap from a journey map.\n");
    if !lost.is_empty() {
        let _ = writeln!(out, "%% Mermaid cannot show this map's {}.", list(&lost));
    }
    if (min, max) != (1, 5) {
        let _ =
            writeln!(out, "%% Scores are mapped from the map's scale {min}..{max} onto Mermaid's 1..5 and rounded.");
    }
    if averaged {
        out.push_str("%% Where personas feel differently at one step, the task has their average score.\n");
    }
    let silent: Vec<String> = journey
        .persona_ids()
        .zip(&names)
        .filter(|(p, _)| {
            !journey.phases.iter().flat_map(|ph| &ph.steps).any(|s| s.emotions.iter().any(|e| e.persona == Some(*p)))
        })
        .map(|(_, n)| n.clone())
        .collect();
    if !silent.is_empty() {
        let _ = writeln!(out, "%% Personas without an emotion are not shown: {}.", silent.join(", "));
    }
    if neutral {
        out.push_str("%% Steps without an emotion have the neutral score 3 and no actor.\n");
    }
    out.push_str("journey\n");
    let _ = writeln!(out, "  title {}", safe(&journey.title.value, Context::Title));
    out.push_str(&tasks);
    out
}

/// Each persona's actor name.
fn actor_names(journey: &Journey) -> Vec<String> {
    let base: Vec<String> = journey
        .personas
        .iter()
        .map(|p| {
            let description = p.description.as_ref().map(|d| one_line(&d.value)).unwrap_or_default();
            let name = description.split([',', ';']).next().unwrap_or("").trim();
            if name.is_empty() { p.id.clone() } else { name.to_string() }
        })
        .collect();
    base.iter()
        .zip(&journey.personas)
        .map(|(name, p)| {
            let shared = base.iter().filter(|n| n.eq_ignore_ascii_case(name)).count() > 1;
            let name = if shared { format!("{name} ({})", p.id) } else { name.clone() };
            safe(&name, Context::Actor)
        })
        .collect()
}

/// A step's score (`None`: no emotion), its actors, and whether their scores differed.
fn task(journey: &Journey, step: &Step, names: &[String], min: i64, max: i64) -> (Option<i64>, Vec<String>, bool) {
    let mut actors = Vec::new();
    let mut scores = Vec::new();
    for e in &step.emotions {
        scores.push(e.score.get());
        if let Some(p) = e.persona {
            let i = journey.persona_ids().position(|q| q == p).unwrap_or(0);
            if let Some(n) = names.get(i)
                && !actors.contains(n)
            {
                actors.push(n.clone());
            }
        }
    }
    if scores.is_empty() {
        return (None, actors, false);
    }
    let mixed = scores.iter().any(|&s| s != scores[0]);
    #[allow(clippy::cast_precision_loss)]
    // In f64: a scale as wide as i64 (`scale -5e18..5e18`) overflows sums and differences.
    let mean = scores.iter().map(|&s| s as f64).sum::<f64>() / scores.len() as f64;
    #[allow(clippy::cast_precision_loss)]
    let mapped = 1.0 + (mean - min as f64) * 4.0 / (max as f64 - min as f64);
    #[allow(clippy::cast_possible_truncation)]
    let score = ((mapped + 0.5).floor() as i64).clamp(1, 5);
    (Some(score), actors, mixed)
}

/// What the map has that a Mermaid journey cannot show.
fn not_shown(journey: &Journey) -> Vec<String> {
    let mut lanes: BTreeSet<LaneKind> = BTreeSet::new();
    let mut critical = false;
    let mut reasons = false;
    for phase in &journey.phases {
        lanes.extend(phase.details.iter().map(|d| d.lane));
        for step in &phase.steps {
            if !step.touchpoints.is_empty() {
                lanes.insert(LaneKind::Touchpoints);
            }
            lanes.extend(step.details.iter().map(|d| d.lane));
            critical |= step.critical;
            reasons |= step.emotions.iter().any(|e| e.text.is_some());
        }
    }
    let mut out: Vec<String> = Vec::new();
    for (has, what) in [
        (journey.goal.is_some(), "goal"),
        (journey.scope.is_some(), "scope"),
        (!journey.notes.is_empty(), "notes"),
        (!journey.channels.is_empty(), "channels"),
        (!journey.owners.is_empty(), "owners"),
        (!journey.sources.is_empty(), "research sources"),
        (journey.state.is_some(), "state (current or future)"),
    ] {
        if has {
            out.push(what.to_string());
        }
    }
    out.extend(
        lanes.iter().filter(|l| **l != LaneKind::Actions && **l != LaneKind::Emotions).map(|l| l.name().to_string()),
    );
    if reasons {
        out.push("emotions' reasons".into());
    }
    if critical {
        out.push("critical steps".into());
    }
    let d = &journey.derived;
    for (has, what) in [
        (!d.gaps.is_empty(), "gaps"),
        (!d.channel_switches.is_empty(), "channel switches"),
        (!d.handoffs.is_empty(), "handoffs"),
    ] {
        if has {
            out.push(what.to_string());
        }
    }
    out
}

fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Context {
    /// `title …`: ends at `#`, `;` and the line's end.
    Title,
    /// `section …`: ends at `:` too.
    Section,
    /// A task's name: as a section's, and it must not start like a keyword.
    Task,
    /// An actor in a task's data: ends at `:` and `,` too.
    Actor,
}

/// `text` on one line, written so that Mermaid's lexer reads it back as it is and its
/// renderer shows it so: what would end the token or start a comment, directive or
/// HTML tag as Mermaid's entity `#…;` (which it decodes when it draws).
fn safe(text: &str, context: Context) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let keyword_start = i == 0 && context == Context::Task && starts_like_keyword(&text);
        match c {
            '#' => out.push_str("#35;"),
            ';' => out.push_str("#59;"),
            '%' => out.push_str("#37;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            ':' if context != Context::Title => out.push_str("#58;"),
            ',' if context == Context::Actor => out.push_str("#44;"),
            c if keyword_start => {
                let _ = write!(out, "#{};", u32::from(c));
            }
            c => out.push(c),
        }
    }
    if out.is_empty() {
        // Mermaid's tokens need a character; a map's texts are never empty, but be safe.
        out.push_str("#160;");
    }
    out
}

/// Whether a task name would lex as one of Mermaid's keywords (case-insensitively:
/// `journey` anywhere at its start; `title`/`section` before a space; `accTitle` or
/// `accDescr` before `:` or `{`).
fn starts_like_keyword(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let after = |w: &str| lower.strip_prefix(w);
    lower.starts_with("journey")
        || after("title").is_some_and(|r| r.starts_with(char::is_whitespace))
        || after("section").is_some_and(|r| r.starts_with(char::is_whitespace))
        || lower.starts_with("acctitle")
        || lower.starts_with("accdescr")
}

#[cfg(test)]
mod tests {
    use super::{Context, safe};

    #[test]
    fn text_is_safe_for_mermaid() {
        assert_eq!(safe("Issue #42; 10:30 <b> 50%", Context::Task), "Issue #35;42#59; 10#58;30 #lt;b#gt; 50#37;");
        assert_eq!(safe("Journey to work", Context::Task), "#74;ourney to work");
        assert_eq!(safe("Title: a", Context::Title), "Title: a");
        assert_eq!(safe("Anna, 34", Context::Actor), "Anna#44; 34");
        assert_eq!(safe("title page", Context::Section), "title page");
    }
}
