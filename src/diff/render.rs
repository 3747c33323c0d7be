//! A [`Diff`] shown as text (terminals, `git diff`), Markdown (pull requests, CI job
//! summaries) or JSON (machines). Labels are English whatever the maps' `lang`. Every
//! section is a table in Markdown and a list of lines in text; empty sections are left
//! out, and a diff without changes says `no changes`.

use std::fmt::Write;

use super::{Change, Diff, FileChange, GapChangeKind, Place, StepChangeKind, StepSide};
use crate::escape::{markdown as md, terminal as term};
use crate::model::Score;
use crate::report::render::{ANONYMOUS, md_table};

/// The diff as pretty JSON, ending in a newline.
pub fn json(diff: &Diff) -> String {
    let mut out = serde_json::to_string_pretty(diff).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}

/// The diff as GitHub-flavoured Markdown; `name` (a path) heads it instead of the title.
pub fn markdown(diff: &Diff, name: Option<&str>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## Journey diff: {}\n", md(name.unwrap_or(&diff.title)));
    if let Some(line) = file_line(diff) {
        let _ = writeln!(out, "_{line}_\n");
    }
    if !diff.changed {
        let _ = writeln!(out, "No changes.");
        return out;
    }
    for s in sections(diff, &Esc { text: md, quote: |s| s }) {
        let _ = writeln!(out, "### {} ({})\n", s.title, s.rows.len());
        md_table(&mut out, s.headers, s.rows);
    }
    out
}

/// The diff for a terminal or `git diff`; `name` (a path) heads it instead of the title.
pub fn text(diff: &Diff, name: Option<&str>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "journeymap diff: {}", term(name.unwrap_or(&diff.title)));
    if let Some(line) = file_line(diff) {
        let _ = writeln!(out, "{line}");
    }
    if !diff.changed {
        let _ = writeln!(out, "no changes");
        return out;
    }
    for s in sections(diff, &Esc { text: term, quote: |s| format!("“{s}”") }) {
        let _ = writeln!(out, "\n{} ({})", s.title, s.rows.len());
        for row in &s.rows {
            let _ = writeln!(out, "  {}", (s.line)(row));
        }
    }
    out
}

fn file_line(diff: &Diff) -> Option<&'static str> {
    match diff.file {
        FileChange::Modified => None,
        FileChange::Added => Some("new map (no old version)"),
        FileChange::Deleted => Some("map deleted (no new version)"),
    }
}

/// How user text is made safe, and quoted, for one format.
struct Esc {
    text: fn(&str) -> String,
    quote: fn(String) -> String,
}

impl Esc {
    fn q(&self, s: &str) -> String {
        (self.quote)((self.text)(s))
    }

    fn opt(&self, s: &Option<String>) -> String {
        s.as_deref().map_or_else(|| "—".to_string(), |s| self.q(s))
    }

    fn step(&self, s: &StepSide) -> String {
        format!("step {} {} ({})", s.number, self.q(&s.action), (self.text)(&s.phase))
    }

    fn place(&self, p: &Place) -> String {
        match (p.step, &p.action) {
            (Some(n), Some(a)) => format!("step {n} {}", self.q(a)),
            _ => format!("phase {}", self.q(&p.phase)),
        }
    }
}

struct Section {
    title: &'static str,
    headers: &'static [&'static str],
    rows: Vec<Vec<String>>,
    /// One row as a line of text.
    line: fn(&[String]) -> String,
}

fn change(c: Change) -> &'static str {
    match c {
        Change::Added => "added",
        Change::Removed => "removed",
        Change::Changed => "changed",
    }
}

/// A change of one thing as a line: `kind: old → new`, or one side when the other is
/// missing (added or removed).
fn change_line(r: &[String]) -> String {
    match (r[1].as_str(), r[2].as_str()) {
        ("—", new) => format!("{}: {new}", r[0]),
        (old, "—") => format!("{}: {old}", r[0]),
        (old, new) => format!("{}: {}", r[0], arrow(old, new)),
    }
}

fn arrow(old: &str, new: &str) -> String {
    format!("{old} → {new}")
}

/// `old → new`, or the value alone when it did not change.
fn arrow_if(old: String, new: String) -> String {
    if old == new { new } else { arrow(&old, &new) }
}

fn sections(d: &Diff, e: &Esc) -> Vec<Section> {
    let mut all = vec![
        Section {
            title: "Header",
            headers: &["field", "old", "new"],
            rows: d.header.iter().map(|h| vec![h.field.to_string(), e.opt(&h.old), e.opt(&h.new)]).collect(),
            line: |r| format!("{}: {}", r[0], arrow(&r[1], &r[2])),
        },
        Section {
            title: "Personas, channels and owners",
            headers: &["change", "kind", "id", "old", "new"],
            rows: declarations(d, e, false),
            line: |r| format!("{} {} {}: {}", r[0], r[1], r[2], arrow(&r[3], &r[4])),
        },
        Section {
            title: "Sources",
            headers: &["change", "kind", "id", "old", "new"],
            rows: declarations(d, e, true),
            line: |r| format!("{} {} {}: {}", r[0], r[1], r[2], arrow(&r[3], &r[4])),
        },
        Section {
            title: "Phases",
            headers: &["change", "old", "new"],
            rows: d
                .phases
                .iter()
                .map(|p| {
                    let at = |x: &Option<super::PhaseAt>| {
                        x.as_ref().map_or_else(|| "—".to_string(), |x| format!("{} {}", x.number, e.q(&x.name)))
                    };
                    let kinds: Vec<String> =
                        p.kinds.iter().map(|k| format!("{k:?}").to_lowercase()).collect::<Vec<_>>();
                    vec![kinds.join(", "), at(&p.old), at(&p.new)]
                })
                .collect(),
            line: change_line,
        },
        Section {
            title: "Steps",
            headers: &["change", "old", "new"],
            rows: d
                .steps
                .iter()
                .map(|s| {
                    let flags = |x: &StepSide| {
                        let mut out = e.step(x);
                        if s.kinds.contains(&StepChangeKind::Critical) {
                            out.push_str(if x.critical { ", critical" } else { ", not critical" });
                        }
                        if s.kinds.contains(&StepChangeKind::Personas) {
                            let who = if x.personas.is_empty() { "every persona".into() } else { x.personas.join(" ") };
                            out.push_str(&format!(", for {}", (e.text)(&who)));
                        }
                        out
                    };
                    let side = |x: &Option<StepSide>| x.as_ref().map_or_else(|| "—".to_string(), flags);
                    let kinds: Vec<String> = s.kinds.iter().map(|k| format!("{k:?}").to_lowercase()).collect();
                    vec![kinds.join(", "), side(&s.old), side(&s.new)]
                })
                .collect(),
            line: change_line,
        },
        Section {
            title: "Emotions",
            headers: &["where", "persona", "score", "shift", "why"],
            rows: d
                .emotions
                .iter()
                .map(|x| {
                    let score = |s: Option<Score>| s.map_or_else(|| "—".to_string(), |s| format!("{s:+}"));
                    let why = if x.old_text == x.new_text {
                        String::new()
                    } else {
                        arrow(&e.opt(&x.old_text), &e.opt(&x.new_text))
                    };
                    vec![
                        e.place(&x.place),
                        (e.text)(x.persona.as_deref().unwrap_or(ANONYMOUS)),
                        arrow(&score(x.old), &score(x.new)),
                        x.shift.map_or_else(String::new, |s| format!("{s:+}")),
                        why,
                    ]
                })
                .collect(),
            line: |r| {
                let mut line = format!("{}: {}: {}", r[0], r[1], r[2]);
                if !r[3].is_empty() {
                    line.push_str(&format!(" ({})", r[3]));
                }
                if !r[4].is_empty() {
                    line.push_str(&format!("; why: {}", r[4]));
                }
                line
            },
        },
        Section {
            title: "Cards",
            headers: &["where", "lane", "change", "text"],
            rows: d
                .details
                .iter()
                .map(|x| {
                    let mut text = e.q(&x.text);
                    let tags: Vec<&str> =
                        [x.kind, x.channel.as_deref(), x.owner.as_deref()].into_iter().flatten().collect();
                    if !tags.is_empty() {
                        text.push_str(&format!(" ({})", (e.text)(&tags.join(", "))));
                    }
                    vec![e.place(&x.place), x.lane.into(), change(x.change).into(), text]
                })
                .collect(),
            line: |r| format!("{}: {} {}: {}", r[0], r[2], r[1], r[3]),
        },
        Section {
            title: "KPIs",
            headers: &["where", "KPI", "change", "value", "target"],
            rows: d
                .kpis
                .iter()
                .map(|k| {
                    let mut label = e.q(&k.label);
                    if k.old_id != k.new_id {
                        let id = |x: &Option<String>| x.as_deref().map_or_else(|| "—".to_string(), |x| (e.text)(x));
                        label.push_str(&format!(" (id {})", arrow(&id(&k.old_id), &id(&k.new_id))));
                    }
                    vec![
                        e.place(&k.place),
                        label,
                        change(k.change).into(),
                        arrow_if(e.opt(&k.old_value), e.opt(&k.new_value)),
                        arrow_if(e.opt(&k.old_target), e.opt(&k.new_target)),
                    ]
                })
                .collect(),
            line: |r| format!("{}: {} KPI {}: value {}, target {}", r[0], r[2], r[1], r[3], r[4]),
        },
        Section {
            title: "Gaps",
            headers: &["change", "step"],
            rows: d
                .gaps
                .iter()
                .map(|g| {
                    let step = match (&g.old, &g.new) {
                        (Some(old), None) => format!("{} (step removed)", e.step(old)),
                        (None, Some(new)) => format!("{} (new step)", e.step(new)),
                        (_, Some(new)) => e.step(new),
                        (None, None) => String::new(),
                    };
                    let c = match g.change {
                        GapChangeKind::Opened => "opened",
                        GapChangeKind::Closed => "closed",
                    };
                    vec![c.into(), step]
                })
                .collect(),
            line: |r| format!("{} at {}", r[0], r[1]),
        },
        Section {
            title: "Handoffs",
            headers: &["change", "from", "to"],
            rows: d
                .handoffs
                .iter()
                .map(|h| {
                    let owners = |ids: &[String]| (e.text)(&ids.join(", "));
                    vec![
                        format!("handoff {}", change(h.change)),
                        format!("{} ({})", e.step(&h.from_step), owners(&h.from)),
                        format!("{} ({})", e.step(&h.to_step), owners(&h.to)),
                    ]
                })
                .collect(),
            line: |r| format!("{}: {} \u{2192} {}", r[0], r[1], r[2]),
        },
        Section {
            title: "Citations",
            headers: &["where", "statement", "now cites", "no longer cites"],
            rows: d
                .citations
                .iter()
                .map(|c| {
                    let mut statement = c.statement.to_string();
                    if let Some(p) = &c.persona {
                        statement.push_str(&format!(" {}", (e.text)(p)));
                    }
                    if let Some(t) = &c.text {
                        statement.push_str(&format!(" {}", e.q(t)));
                    }
                    let ids = |v: &[String]| if v.is_empty() { "—".to_string() } else { (e.text)(&v.join(", ")) };
                    vec![e.place(&c.place), statement, ids(&c.added), ids(&c.removed)]
                })
                .collect(),
            line: |r| {
                let mut parts = Vec::new();
                if r[2] != "—" {
                    parts.push(format!("now cites {}", r[2]));
                }
                if r[3] != "—" {
                    parts.push(format!("no longer cites {}", r[3]));
                }
                format!("{}: {} {}", r[0], r[1], parts.join("; "))
            },
        },
        Section {
            title: "Needs met, opportunities weighed",
            headers: &["where", "change", "old", "new"],
            rows: d
                .assessments
                .iter()
                .map(|a| {
                    let what = match (a.lane, a.now_met()) {
                        ("needs", true) => format!("need now met {}", e.q(&a.text)),
                        ("needs", false) => format!("need status {}", e.q(&a.text)),
                        _ => format!("opportunity scores {}", e.q(&a.text)),
                    };
                    let status = |s: Option<Option<&str>>| s.flatten().unwrap_or("—").to_string();
                    let score = |i: Option<Option<u8>>, e: Option<Option<u8>>| {
                        let n = |v: Option<Option<u8>>| v.flatten().map_or("—".to_string(), |v| v.to_string());
                        format!("impact {}, effort {}", n(i), n(e))
                    };
                    let (old, new) = match a.lane {
                        "needs" => (status(a.old_status), status(a.new_status)),
                        _ => (score(a.old_impact, a.old_effort), score(a.new_impact, a.new_effort)),
                    };
                    vec![e.place(&a.place), what, old, new]
                })
                .collect(),
            line: |r| format!("{}: {}: {}", r[0], r[1], arrow(&r[2], &r[3])),
        },
    ];
    all.retain(|s| !s.rows.is_empty());
    all
}

/// The rows of the declarations changed: the sources, or the personas, channels and
/// owners.
fn declarations(d: &Diff, e: &Esc, sources: bool) -> Vec<Vec<String>> {
    d.declarations
        .iter()
        .filter(|x| (x.kind == "source") == sources)
        .map(|x| vec![change(x.change).into(), x.kind.into(), (e.text)(&x.id), e.opt(&x.old), e.opt(&x.new)])
        .collect()
}
