//! A parsed Mermaid journey as journey source: sections are phases, tasks steps, actors
//! personas, scores emotions on `scale 1..5` (widened when the data goes outside it).
//! Every choice the mapping makes is written as a comment at the top of the map.

use std::collections::{HashMap, HashSet};

use super::parse::{Diagram, Task};
use super::text::{br_as_space, decode};
use crate::import::{Failure, Ids, Writer, one_line};

/// The title of a map whose diagram has none.
pub(crate) const UNTITLED: &str = "Untitled journey";
/// The phase of the tasks written before any `section`, and of a section whose name
/// is empty.
pub(crate) const UNTITLED_SECTION: &str = "Untitled section";
/// The step of a task whose name is empty once cleaned (only `<br>`, say).
const UNTITLED_TASK: &str = "Untitled task";
/// Scores beyond this (in either direction) are left out: no scale that wide can be
/// drawn usefully.
pub(crate) const MAX_SCORE: f64 = 1000.0;

/// The longest text kept, in characters: a map's lines are at most 10,000 long.
const MAX_TEXT: usize = 4000;
/// A step is limited to its actors only while their ids fit on its line.
const MAX_STEP_WORDS: usize = 4000;

/// Mermaid text as journey text: `<br>` as a space, entities decoded, one line, and cut
/// to [`MAX_TEXT`] characters (with `…`).
pub(crate) fn clean(s: &str) -> String {
    let text = one_line(&decode(&br_as_space(s)));
    match text.char_indices().nth(MAX_TEXT) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text,
    }
}

/// A score as written, for a note or a comment: at most 40 characters, so that the line
/// stays within a map's limit however long the score is.
fn short(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

fn is_cut(s: &str) -> bool {
    one_line(&decode(&br_as_space(s))).chars().nth(MAX_TEXT).is_some()
}

/// A task's score as an emotion score: rounded half up, `None` when it is not a
/// number (NaN, infinite) or beyond [`MAX_SCORE`].
pub(crate) fn score_of(score: f64) -> Option<i64> {
    if !score.is_finite() || score.abs() > MAX_SCORE {
        return None;
    }
    // Bounded by MAX_SCORE above, so the cast is exact.
    Some((score + 0.5).floor() as i64)
}

pub(crate) fn write(d: &Diagram) -> Result<String, Failure> {
    let mut w = Writer::default();
    w.choice(
        "Imported from a Mermaid journey by `journeymap import`: sections are phases, tasks steps, actors personas, scores emotions.",
    );
    w.choice(
        "Mermaid has no touchpoints: every step is drawn as a gap (no touchpoint of the company) until `touchpoint` lines are added.",
    );

    // The title.
    // Mermaid encodes entities after it has taken the frontmatter away: a frontmatter
    // title's `#lt;` is drawn as written.
    let title = match &d.title {
        Some(t) if d.title_from_frontmatter => Some(clean(&t.replace('#', "#35;"))),
        Some(t) => Some(clean(t)),
        None => None,
    };
    let title = title.filter(|t| !t.is_empty());
    let acc_title = d.acc_title.as_deref().map(clean).filter(|t| !t.is_empty());
    let mut acc_title_note = acc_title.clone();
    let title = match (title, &acc_title) {
        (Some(t), _) => {
            if d.title_from_frontmatter {
                w.choice("The title is the frontmatter's `title:` (the diagram has no `title` statement).");
            }
            t
        }
        (None, Some(a)) => {
            w.choice("The diagram has no title: its accessible title (`accTitle`) is the map's title.");
            acc_title_note = None;
            a.clone()
        }
        (None, None) => {
            w.choice(format!("The diagram has no title: the map is called \"{UNTITLED}\"."));
            UNTITLED.to_string()
        }
    };
    if d.title_statements > 1 {
        w.choice(format!(
            "The diagram has {} `title` statements (Mermaid reads any line starting with `title ` as one, in any case): the last is the title.",
            d.title_statements
        ));
    }
    if d.directives {
        w.choice("`%%{init}%%` directives (theme, configuration) are not carried over.");
    }
    if d.frontmatter_config {
        w.choice("The frontmatter's configuration (`config:`, `displayMode:`) is not carried over.");
    }
    w.statement("journey", &[], Some(&title));

    let acc_descr = d.acc_descr.as_deref().map(clean).filter(|t| !t.is_empty());
    if acc_title_note.is_some() || acc_descr.is_some() {
        w.choice("The accessible title and description (`accTitle`, `accDescr`) are notes.");
    }
    if let Some(a) = &acc_title_note {
        w.statement("note", &[], Some(&format!("Accessible title (accTitle): {a}")));
    }
    if let Some(a) = &acc_descr {
        w.statement("note", &[], Some(&format!("Accessible description (accDescr): {a}")));
    }

    // Phases: the sections in order, the tasks before any section first.
    let mut phases: Vec<(String, Vec<&Task>)> = Vec::new();
    let loose: Vec<&Task> = d.tasks.iter().filter(|t| t.section.is_none()).collect();
    let mut untitled = !loose.is_empty();
    if !loose.is_empty() {
        phases.push((UNTITLED_SECTION.to_string(), loose));
    }
    for (i, s) in d.sections.iter().enumerate() {
        let mut name = clean(s);
        if name.is_empty() {
            name = UNTITLED_SECTION.to_string();
            untitled = true;
        }
        phases.push((name, d.tasks.iter().filter(|t| t.section == Some(i)).collect()));
    }
    if untitled {
        w.choice(format!(
            "Tasks before any `section`, and a section without a name, are in a phase called \"{UNTITLED_SECTION}\"."
        ));
    }
    if d.tasks.is_empty() {
        if phases.is_empty() {
            phases.push((UNTITLED_SECTION.to_string(), Vec::new()));
            w.choice(format!(
                "The diagram has no sections and no tasks; a map needs a phase, so it has one, \"{UNTITLED_SECTION}\", without steps (`check` warns about it)."
            ));
        } else {
            w.choice("The diagram has no tasks: its sections are phases without steps (`check` warns about them).");
        }
    } else {
        let empty: Vec<String> = phases.iter().filter(|(_, t)| t.is_empty()).map(|(n, _)| n.clone()).collect();
        if !empty.is_empty() {
            w.choice("Sections without tasks are notes, not phases: a phase without steps would be warned about.");
            for n in &empty {
                w.statement("note", &[], Some(&format!("The Mermaid diagram has a section \"{n}\" without tasks.")));
            }
            phases.retain(|(_, t)| !t.is_empty());
        }
    }

    let long = d.title.iter().chain(&d.acc_title).chain(&d.acc_descr).chain(&d.sections).any(|t| is_cut(t))
        || d.tasks.iter().any(|t| is_cut(&t.name) || t.actors.iter().any(|a| is_cut(a)));
    if long {
        w.choice(format!("Texts longer than {MAX_TEXT} characters are cut (a map's line is at most 10,000)."));
    }

    // Personas: every actor, in the order they first appear.
    let mut ids = Ids::default();
    let mut personas: Vec<(String, String)> = Vec::new();
    let mut id_of: HashMap<String, usize> = HashMap::new();
    let mut empty_actor = false;
    for t in &d.tasks {
        for a in &t.actors {
            let name = clean(a);
            if name.is_empty() {
                empty_actor = true;
            } else if !id_of.contains_key(&name) {
                id_of.insert(name.clone(), personas.len());
                personas.push((ids.make(&id_name(&name), "persona"), name));
            }
        }
    }
    if empty_actor {
        w.choice("Empty actor names (from `5:` or a trailing comma) are left out.");
    }

    // The scale.
    let scores: Vec<i64> = d.tasks.iter().filter_map(|t| score_of(t.score)).collect();
    let lo = scores.iter().copied().min().unwrap_or(1).min(1);
    let hi = scores.iter().copied().max().unwrap_or(5).max(5);
    if (lo, hi) != (1, 5) {
        w.choice(format!(
            "Mermaid draws scores 1 to 5 but takes any number; this diagram's go from {lo} to {hi}, so the scale is {lo}..{hi}."
        ));
    }
    let fractions: Vec<String> = d
        .tasks
        .iter()
        .filter(|t| score_of(t.score).is_some_and(|s| s as f64 != t.score))
        .map(|t| format!("{} as {}", short(t.score_text.trim()), score_of(t.score).unwrap_or(0)))
        .collect();
    if !fractions.is_empty() {
        w.choice(format!(
            "Emotion scores are integers: fractional scores are rounded half up ({}).",
            fractions.iter().take(3).cloned().collect::<Vec<_>>().join(", ")
        ));
    }
    if d.tasks.iter().any(|t| score_of(t.score).is_none()) {
        w.choice(format!(
            "A score that is not a number (Mermaid reads it as NaN), or beyond ±{MAX_SCORE}, gives no emotion; a note on the step keeps it."
        ));
    }
    if !personas.is_empty() && d.tasks.iter().any(|t| t.actors.iter().all(|a| clean(a).is_empty())) {
        w.choice("A task without actors has an emotion without a persona, which applies to everyone at the step.");
    }
    if personas.is_empty() && !d.tasks.is_empty() {
        w.choice("No task names an actor: the map has one anonymous persona.");
    }
    w.statement("scale", &[&format!("{lo}..{hi}")], None);
    for (id, name) in &personas {
        w.statement("persona", &[id], Some(name));
    }

    let mut wide = false;
    for (name, tasks) in &phases {
        w.statement("phase", &[], Some(name));
        for t in tasks {
            let mut actors: Vec<&str> = Vec::new();
            let mut seen = HashSet::new();
            for a in &t.actors {
                if let Some(&i) = id_of.get(&clean(a))
                    && seen.insert(i)
                {
                    actors.push(&personas[i].0);
                }
            }
            let mut action = clean(&t.name);
            if action.is_empty() {
                action = UNTITLED_TASK.to_string();
            }
            let limited = actors.iter().map(|a| a.len() + 1).sum::<usize>() <= MAX_STEP_WORDS;
            if !limited && !wide {
                wide = true;
                w.choice(
                    "A task with more actors than fit on a line is a step for everyone, with each actor's emotion.",
                );
            }
            w.statement("step", if limited { &actors } else { &[] }, Some(&action));
            match score_of(t.score) {
                Some(s) => {
                    let s = s.to_string();
                    if actors.is_empty() {
                        w.statement("emotion", &[&s], None);
                    }
                    for a in &actors {
                        w.statement("emotion", &[a, &s], None);
                    }
                }
                None => {
                    let shown = short(&one_line(t.score_text.trim()));
                    w.statement(
                        "note",
                        &[],
                        Some(&format!("The Mermaid score \"{shown}\" is not a usable number: no emotion is given.")),
                    );
                }
            }
        }
    }
    w.finish()
}

/// The start of a name that its id is made from: whole words up to about 24 characters
/// (ids are short; `Darkoob user deliberately increasing…` is `darkoob-user-deliberately`).
fn id_name(name: &str) -> String {
    let mut out = String::new();
    for word in name.split_whitespace() {
        if !out.is_empty() && out.chars().count() + word.chars().count() > 24 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.chars().take(32).collect()
}
