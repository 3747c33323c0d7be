//! A [`Report`] shown as text (terminals), Markdown (pull requests, CI job summaries) or
//! JSON (machines). The built-in labels are English whatever the map's `lang`: these are
//! reports for reviewers and pipelines, not the drawn map.

use std::fmt::Write;

use super::{CoverageAt, EvidenceReport, KpiMissed, KpiNoData, PersonaPoints, Point, Report, StepAt, UnmetNeeds};
use crate::escape::{markdown as md, terminal as term};

/// The report as pretty JSON, ending in a newline.
pub fn json(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}

/// The report as GitHub-flavoured Markdown: one `##` heading, then a `###` section with
/// a table for each fact. All user text is escaped.
pub fn markdown(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## Journey report: {}\n", md(&r.title));
    let _ = writeln!(out, "{}, {}.\n", plural(r.phases, "phase"), plural(r.steps, "step"));

    section(&mut out, "Gaps", r.gaps.len(), "steps where the customer meets no touchpoint the company owns");
    md_table(&mut out, &["step", "phase", "action"], r.gaps.iter().map(step_cells).collect());

    section(&mut out, "Low and high points", r.emotions.len(), "per persona");
    let rows = r
        .emotions
        .iter()
        .map(|p| {
            let point = |x: &Option<Point>| match x {
                Some(x) => format!("{:+} at {}", x.score, md_steps(&x.steps)),
                None => "no scores".into(),
            };
            vec![md(persona(p)), point(&p.low), point(&p.high)]
        })
        .collect();
    md_table(&mut out, &["persona", "low", "high"], rows);

    section(&mut out, "Critical steps", r.critical_steps.len(), "");
    md_table(&mut out, &["step", "phase", "action"], r.critical_steps.iter().map(step_cells).collect());

    for (title, note, list, headers) in [
        (
            "Channel switches",
            "between consecutive steps that use channels",
            &r.channel_switches,
            ["from step", "to step", "from channels", "to channels"],
        ),
        (
            "Handoffs",
            "between consecutive steps with company owners that share none of them",
            &r.handoffs,
            ["from step", "to step", "from owners", "to owners"],
        ),
    ] {
        section(&mut out, title, list.len(), note);
        let rows = list
            .iter()
            .map(|s| vec![md_step(&s.from_step), md_step(&s.to_step), md(&s.from.join(", ")), md(&s.to.join(", "))])
            .collect();
        md_table(&mut out, &headers, rows);
    }

    section(
        &mut out,
        "Pains without an opportunity",
        r.pains_without_opportunity.len(),
        "no opportunity on the same step or its phase; a phase's own pains: none anywhere in the phase",
    );
    let rows = r
        .pains_without_opportunity
        .iter()
        .flat_map(|u| {
            let place = match &u.step {
                Some(s) => md_step(s),
                None => format!("phase {}", md(&u.phase)),
            };
            u.pains.iter().map(move |p| vec![place.clone(), md(p)])
        })
        .collect();
    md_table(&mut out, &["where", "pain"], rows);

    section(
        &mut out,
        "KPIs off target",
        r.kpis_off_target.len(),
        "distance = value − target; the map does not say which direction is better",
    );
    let rows = r
        .kpis_off_target
        .iter()
        .map(|k| {
            let place = match &k.step {
                Some(s) => md_step(s),
                None => format!("phase {}", md(&k.phase)),
            };
            vec![place, md(&k.label), md(&dated(&k.value, &k.as_of)), md(&k.target), signed(k.distance)]
        })
        .collect();
    md_table(&mut out, &["where", "KPI", "value", "target", "distance"], rows);
    if r.kpis_without_target > 0 {
        let _ = writeln!(out, "{} without a target, not judged.\n", plural(r.kpis_without_target, "KPI"));
    }
    md_version_1(&mut out, r);

    let _ = writeln!(out, "### Counts per lane\n");
    let rows =
        r.lanes.iter().map(|l| vec![l.lane.to_string(), l.total.to_string(), l.steps_with.to_string()]).collect();
    md_table(&mut out, &["lane", "total", "steps with"], rows);
    out
}

/// The report for a terminal: sections with indented lines; user text has its control
/// characters replaced.
pub fn text(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Journey report: {}", term(&r.title));
    let _ = writeln!(out, "{}, {}", plural(r.phases, "phase"), plural(r.steps, "step"));

    text_section(&mut out, "Gaps (no touchpoint the company owns)", r.gaps.iter().map(text_step).collect());
    let lines = r
        .emotions
        .iter()
        .map(|p| match (&p.low, &p.high) {
            (Some(low), Some(high)) => format!(
                "{}: low {:+} at {}; high {:+} at {}",
                term(persona(p)),
                low.score,
                text_steps(&low.steps),
                high.score,
                text_steps(&high.steps)
            ),
            _ => format!("{}: no scores", term(persona(p))),
        })
        .collect();
    text_section(&mut out, "Low and high points", lines);
    text_section(&mut out, "Critical steps", r.critical_steps.iter().map(text_step).collect());
    for (title, list) in [("Channel switches", &r.channel_switches), ("Handoffs", &r.handoffs)] {
        let lines = list
            .iter()
            .map(|s| {
                format!(
                    "step {} → step {}: {} → {}",
                    s.from_step.number,
                    s.to_step.number,
                    term(&s.from.join(", ")),
                    term(&s.to.join(", "))
                )
            })
            .collect();
        text_section(&mut out, title, lines);
    }
    let lines = r
        .pains_without_opportunity
        .iter()
        .flat_map(|u| {
            let place = match &u.step {
                Some(s) => text_step(s),
                None => format!("phase {}", term(&u.phase)),
            };
            u.pains.iter().map(move |p| format!("{place}: {}", term(p)))
        })
        .collect();
    text_section(&mut out, "Pains without an opportunity", lines);
    let lines: Vec<String> = r
        .kpis_off_target
        .iter()
        .map(|k| {
            let place = match &k.step {
                Some(s) => format!("step {}", s.number),
                None => format!("phase {}", term(&k.phase)),
            };
            format!(
                "{place}: “{}” {} vs target {} ({})",
                term(&k.label),
                term(&dated(&k.value, &k.as_of)),
                term(&k.target),
                signed(k.distance)
            )
        })
        .collect();
    text_section(&mut out, "KPIs off target (value − target; which direction is better is not in the map)", lines);
    if r.kpis_without_target > 0 {
        let _ = writeln!(out, "  ({} without a target, not judged)", plural(r.kpis_without_target, "KPI"));
    }
    text_version_1(&mut out, r);
    let _ = writeln!(out, "\nCounts per lane (total, steps with)");
    for l in &r.lanes {
        let _ = writeln!(out, "  {:<14}{:>6}{:>6}", l.lane, l.total, l.steps_with);
    }
    out
}

/// The sections of version 1's facts, each only in a map that has them: KPIs that miss
/// their `min` or `max`, KPIs without data, evidence coverage and the steps said, not
/// seen.
fn md_version_1(out: &mut String, r: &Report) {
    let place = |phase: &str, step: &Option<StepAt>| match step {
        Some(s) => md_step(s),
        None => format!("phase {}", md(phase)),
    };
    if let Some(missed) = &r.kpis_missed {
        section(out, "KPIs that miss their goal", missed.len(), "distance = value − goal: below a min, above a max");
        let rows = missed
            .iter()
            .map(|k| {
                vec![
                    place(&k.phase, &k.step),
                    md_kpi(&k.label, &k.id),
                    md(&dated(&k.value, &k.as_of)),
                    md(&goal(k)),
                    signed(k.distance),
                ]
            })
            .collect();
        md_table(out, &["where", "KPI", "value", "goal", "distance"], rows);
    }
    if !r.kpis_without_data.is_empty() {
        section(out, "KPIs without data", r.kpis_without_data.len(), "a KPI with an id and no value");
        let rows =
            r.kpis_without_data.iter().map(|k| vec![place(&k.phase, &k.step), md_kpi(&k.label, &k.id)]).collect();
        md_table(out, &["where", "KPI"], rows);
    }
    if let Some(e) = &r.evidence {
        md_evidence(out, e);
    }
    if let Some(u) = &r.unmet_needs {
        section(out, "Unmet needs", u.needs.len(), "needs marked unmet or partly");
        let rows = u
            .needs
            .iter()
            .map(|n| {
                vec![place(&n.phase, &n.step), n.kind.unwrap_or("").to_string(), n.status.to_string(), md(&n.text)]
            })
            .collect();
        md_table(out, &["where", "kind", "status", "need"], rows);
        if !u.needs.is_empty() {
            let _ = writeln!(
                out,
                "{}
",
                md(&unmet_counts(u))
            );
        }
    }
    if let Some(list) = &r.where_to_act {
        section(
            out,
            "Where to act",
            list.len(),
            "opportunities with impact and effort, by impact ÷ effort, then impact",
        );
        let rows = list
            .iter()
            .map(|o| {
                vec![
                    o.rank.to_string(),
                    place(&o.phase, &o.step),
                    md(&o.phase),
                    md(&o.text),
                    o.impact.to_string(),
                    o.effort.to_string(),
                    quadrant(o.quadrant).to_string(),
                ]
            })
            .collect();
        md_table(out, &["rank", "step", "phase", "opportunity", "impact", "effort", "quadrant"], rows);
    }
}

/// `per phase: Bestilling 0, Installasjon 2; functional 1, emotional 1`.
fn unmet_counts(u: &UnmetNeeds) -> String {
    let phases: Vec<String> = u.per_phase.iter().map(|p| format!("{} {}", p.phase, p.count)).collect();
    let mut kinds = vec![format!("functional {}", u.functional), format!("emotional {}", u.emotional)];
    if u.unspecified > 0 {
        kinds.push(format!("no kind {}", u.unspecified));
    }
    format!("Per phase: {}; per kind: {}", phases.join(", "), kinds.join(", "))
}

/// A quadrant's English name.
fn quadrant(name: &str) -> &'static str {
    let q = crate::model::Quadrant::ALL.into_iter().find(|q| q.name() == name);
    q.map_or("", |q| q.label().text(crate::model::Lang::En))
}

fn md_evidence(out: &mut String, e: &EvidenceReport) {
    let _ = writeln!(out, "### Evidence coverage\n");
    let _ = writeln!(out, "{} cite a source ({}).\n", cited_of(&e.total), share(&e.total));
    for (head, list) in [("phase", &e.phases), ("lane", &e.lanes)] {
        let rows = list
            .iter()
            .map(|c| vec![md(c.of.as_deref().unwrap_or_default()), c.cited.to_string(), c.total.to_string(), share(c)])
            .collect();
        md_table(out, &[head, "cited", "statements", "share"], rows);
    }
    section(out, "Said, not seen", e.said_not_seen.len(), SAID_NOT_SEEN);
    md_table(out, &["step", "phase", "action"], e.said_not_seen.iter().map(step_cells).collect());
}

const SAID_NOT_SEEN: &str = "steps whose sources all tell what customers say (interview, survey, workshop), none what they do (observation, analytics)";

fn text_version_1(out: &mut String, r: &Report) {
    let place = |phase: &str, step: &Option<StepAt>| match step {
        Some(s) => format!("step {}", s.number),
        None => format!("phase {}", term(phase)),
    };
    if let Some(missed) = &r.kpis_missed {
        let lines = missed
            .iter()
            .map(|k: &KpiMissed| {
                format!(
                    "{}: {} {} vs {} ({})",
                    place(&k.phase, &k.step),
                    text_kpi(&k.label, &k.id),
                    term(&dated(&k.value, &k.as_of)),
                    term(&goal(k)),
                    signed(k.distance)
                )
            })
            .collect();
        text_section(out, "KPIs that miss their goal (value − goal)", lines);
    }
    if !r.kpis_without_data.is_empty() {
        let lines = r
            .kpis_without_data
            .iter()
            .map(|k: &KpiNoData| format!("{}: {}", place(&k.phase, &k.step), text_kpi(&k.label, &k.id)))
            .collect();
        text_section(out, "KPIs without data", lines);
    }
    if let Some(e) = &r.evidence {
        let _ = writeln!(out, "\nEvidence coverage: {} cite a source ({})", cited_of(&e.total), share(&e.total));
        for (head, list) in [("per phase", &e.phases), ("per lane", &e.lanes)] {
            let _ = writeln!(out, "  {head}:");
            for c in list {
                let name = term(c.of.as_deref().unwrap_or_default());
                let _ = writeln!(out, "    {name}: {} of {} ({})", c.cited, c.total, share(c));
            }
        }
        text_section(
            out,
            "Said, not seen (only what customers say, nothing seen)",
            e.said_not_seen.iter().map(text_step).collect(),
        );
    }
    if let Some(u) = &r.unmet_needs {
        let lines = u
            .needs
            .iter()
            .map(|n| {
                let kind = n.kind.map(|k| format!("{k}, ")).unwrap_or_default();
                format!("{}: {} ({kind}{})", place(&n.phase, &n.step), term(&n.text), n.status)
            })
            .collect();
        text_section(out, "Unmet needs (unmet or partly)", lines);
        if !u.needs.is_empty() {
            let _ = writeln!(out, "  {}", term(&unmet_counts(u)));
        }
    }
    if let Some(list) = &r.where_to_act {
        let lines = list
            .iter()
            .map(|o| {
                format!(
                    "{}. {}: {} (impact {}, effort {}: {})",
                    o.rank,
                    place(&o.phase, &o.step),
                    term(&o.text),
                    o.impact,
                    o.effort,
                    quadrant(o.quadrant)
                )
            })
            .collect();
        text_section(out, "Where to act (impact ÷ effort, then impact)", lines);
    }
}

/// `at most 8`, `at least 60%`.
fn goal(k: &KpiMissed) -> String {
    let words = if k.goal_kind == "min" { "at least" } else { "at most" };
    format!("{words} {}", k.goal)
}

/// `16 of 22 statements`.
fn cited_of(c: &CoverageAt) -> String {
    format!("{} of {}", c.cited, plural(c.total, "statement"))
}

/// `72%`, or `—` without statements.
fn share(c: &CoverageAt) -> String {
    c.percent.map_or_else(|| "—".to_string(), |p| format!("{p}%"))
}

fn md_kpi(label: &str, id: &Option<String>) -> String {
    match id {
        Some(id) => format!("{} ({})", md(label), md(id)),
        None => md(label),
    }
}

fn text_kpi(label: &str, id: &Option<String>) -> String {
    match id {
        Some(id) => format!("“{}” ({})", term(label), term(id)),
        None => format!("“{}”", term(label)),
    }
}

fn persona(p: &PersonaPoints) -> &str {
    p.persona.as_deref().unwrap_or(ANONYMOUS)
}

/// How the anonymous persona of a map without personas is shown.
pub(crate) const ANONYMOUS: &str = "(customer)";

fn section(out: &mut String, title: &str, count: usize, note: &str) {
    let _ = writeln!(out, "### {title} ({count})\n");
    if !note.is_empty() && count > 0 {
        let _ = writeln!(out, "_{note}_\n");
    }
}

/// A Markdown table of cells already escaped; `_None._` when there are no rows.
pub(crate) fn md_table(out: &mut String, headers: &[&str], rows: Vec<Vec<String>>) {
    if rows.is_empty() {
        let _ = writeln!(out, "_None._\n");
        return;
    }
    let _ = writeln!(out, "| {} |", headers.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(headers.len()));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out.push('\n');
}

fn step_cells(s: &StepAt) -> Vec<String> {
    vec![s.number.to_string(), md(&s.phase), md(&s.action)]
}

/// `3 · Fills in the form`, escaped.
pub(crate) fn md_step(s: &StepAt) -> String {
    format!("{} · {}", s.number, md(&s.action))
}

fn md_steps(steps: &[StepAt]) -> String {
    steps.iter().map(md_step).collect::<Vec<_>>().join("; ")
}

/// `step 3 “Fills in the form” (Consideration)`, terminal-safe.
pub(crate) fn text_step(s: &StepAt) -> String {
    format!("step {} “{}” ({})", s.number, term(&s.action), term(&s.phase))
}

fn text_steps(steps: &[StepAt]) -> String {
    steps.iter().map(|s| format!("step {} “{}”", s.number, term(&s.action))).collect::<Vec<_>>().join(", ")
}

fn text_section(out: &mut String, title: &str, lines: Vec<String>) {
    let _ = writeln!(out, "\n{title}: {}", lines.len());
    for line in lines {
        let _ = writeln!(out, "  {line}");
    }
}

/// A distance with its sign and at most two decimals: `+24`, `-17`, `-0.4`.
pub(crate) fn signed(d: f64) -> String {
    let digits = format!("{:.2}", d.abs());
    let digits = digits.trim_end_matches('0').trim_end_matches('.');
    if d > 0.0 {
        format!("+{digits}")
    } else if d < 0.0 {
        format!("-{digits}")
    } else {
        "0".into()
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// A KPI's value, with the date of a figure from a data file: `38% (as of 2026-03-01)`.
fn dated(value: &str, as_of: &Option<String>) -> String {
    match as_of {
        Some(date) => format!("{value} (as of {date})"),
        None => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn distances_are_signed_with_two_decimals_at_most() {
        assert_eq!(super::signed(24.0), "+24");
        assert_eq!(super::signed(-17.0), "-17");
        assert_eq!(super::signed(-0.4), "-0.4");
        assert_eq!(super::signed(0.126), "+0.13");
        assert_eq!(super::signed(0.0), "0");
    }
}
