//! Which step (and phase) of the old map is which of the new one.
//!
//! Steps: the same action text is the same step (the k-th occurrence of a text in the
//! old map is the k-th in the new). Of the steps left, an old and a new one close in
//! journey order are the same step *renamed* when their action texts are similar or
//! their content (touchpoints, scores, details) is mostly the same; the most similar
//! pairs are taken first, the nearest on a tie. Phases: the same name is the same
//! phase; of those left, a pair whose steps mostly match, or whose names are similar,
//! is the phase renamed. A matched step or phase is *moved* when it changed phase, or
//! when it left the longest run of matched ones that kept their order.

use std::collections::{HashMap, VecDeque};

use crate::model::{Details, Journey, Step, StepRef};

/// Similarity (0 to 1) from which two unmatched steps or phases are the same, renamed.
const RENAME_THRESHOLD: f64 = 0.5;
/// How far apart in the lists of unmatched steps a rename is looked for: bounds the work
/// on large maps to linear.
const WINDOW: usize = 12;

/// The steps and phases of both maps, and which is which.
pub struct Matching {
    /// For each old step (journey order), its new index, if matched.
    pub old_to_new: Vec<Option<usize>>,
    pub new_to_old: Vec<Option<usize>>,
    pub old_phase_to_new: Vec<Option<usize>>,
    pub new_phase_to_old: Vec<Option<usize>>,
    /// Matched phases out of their order (by new index).
    pub phase_moved: Vec<bool>,
    /// Matched steps that moved (by new index).
    pub step_moved: Vec<bool>,
}

pub fn match_maps(old: &Journey, new: &Journey) -> Matching {
    let old_steps: Vec<(StepRef, &Step)> = old.steps().collect();
    let new_steps: Vec<(StepRef, &Step)> = new.steps().collect();
    let (old_to_new, new_to_old) = match_steps(old, new, &old_steps, &new_steps);
    let (old_phase_to_new, new_phase_to_old) = match_phases(old, new, &old_steps, &new_steps, &old_to_new);

    let phase_pairs: Vec<usize> = new_phase_to_old.iter().flatten().copied().collect();
    let mut phase_moved = vec![false; new.phases.len()];
    let kept = longest_increasing(&phase_pairs);
    for (new_index, old_index) in new_phase_to_old.iter().enumerate() {
        if let Some(o) = old_index {
            phase_moved[new_index] = !kept.contains(o);
        }
    }

    // A step moved when it changed phase, or changed place among the steps that stayed
    // in the same (matched) phase.
    let mut step_moved = vec![false; new_steps.len()];
    let mut stayed: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
    for (j, (at, _)) in new_steps.iter().enumerate() {
        let Some(i) = new_to_old[j] else { continue };
        let old_phase = old_steps[i].0.phase;
        if old_phase_to_new[old_phase] == Some(at.phase) {
            stayed.entry(at.phase).or_default().push((j, i));
        } else {
            step_moved[j] = true;
        }
    }
    for pairs in stayed.values() {
        let olds: Vec<usize> = pairs.iter().map(|&(_, i)| i).collect();
        let kept = longest_increasing(&olds);
        for &(j, i) in pairs {
            step_moved[j] = !kept.contains(&i);
        }
    }
    Matching { old_to_new, new_to_old, old_phase_to_new, new_phase_to_old, phase_moved, step_moved }
}

type Pairs = (Vec<Option<usize>>, Vec<Option<usize>>);

fn match_steps(old: &Journey, new: &Journey, old_steps: &[(StepRef, &Step)], new_steps: &[(StepRef, &Step)]) -> Pairs {
    let mut old_to_new = vec![None; old_steps.len()];
    let mut new_to_old = vec![None; new_steps.len()];
    let mut by_text: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (j, (_, s)) in new_steps.iter().enumerate() {
        by_text.entry(s.action.value.as_str()).or_default().push_back(j);
    }
    for (i, (_, s)) in old_steps.iter().enumerate() {
        if let Some(j) = by_text.get_mut(s.action.value.as_str()).and_then(VecDeque::pop_front) {
            old_to_new[i] = Some(j);
            new_to_old[j] = Some(i);
        }
    }
    let left_old: Vec<usize> = (0..old_steps.len()).filter(|&i| old_to_new[i].is_none()).collect();
    let left_new: Vec<usize> = (0..new_steps.len()).filter(|&j| new_to_old[j].is_none()).collect();
    let old_content: Vec<Vec<String>> = left_old.iter().map(|&i| content(old, old_steps[i].1)).collect();
    let new_content: Vec<Vec<String>> = left_new.iter().map(|&j| content(new, new_steps[j].1)).collect();
    let mut candidates = Vec::new();
    for (a, &i) in left_old.iter().enumerate() {
        // The unmatched new steps near the same place in the order of unmatched ones.
        let centre = a * left_new.len() / left_old.len().max(1);
        let from = centre.saturating_sub(WINDOW);
        let to = (centre + WINDOW + 1).min(left_new.len());
        for b in from..to {
            let j = left_new[b];
            let text = strsim::sorensen_dice(&old_steps[i].1.action.value, &new_steps[j].1.action.value);
            let score = text.max(dice(&old_content[a], &new_content[b]));
            if score >= RENAME_THRESHOLD {
                candidates.push((score, i.abs_diff(j), i, j));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)).then(x.3.cmp(&y.3)));
    for (_, _, i, j) in candidates {
        if old_to_new[i].is_none() && new_to_old[j].is_none() {
            old_to_new[i] = Some(j);
            new_to_old[j] = Some(i);
        }
    }
    (old_to_new, new_to_old)
}

fn match_phases(
    old: &Journey,
    new: &Journey,
    old_steps: &[(StepRef, &Step)],
    new_steps: &[(StepRef, &Step)],
    old_to_new: &[Option<usize>],
) -> Pairs {
    let mut old_to_new_phase = vec![None; old.phases.len()];
    let mut new_to_old_phase = vec![None; new.phases.len()];
    let mut by_name: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (q, phase) in new.phases.iter().enumerate() {
        by_name.entry(phase.name.value.as_str()).or_default().push_back(q);
    }
    for (p, phase) in old.phases.iter().enumerate() {
        if let Some(q) = by_name.get_mut(phase.name.value.as_str()).and_then(VecDeque::pop_front) {
            old_to_new_phase[p] = Some(q);
            new_to_old_phase[q] = Some(p);
        }
    }
    // Steps linking each pair of phases still unmatched.
    let mut links: HashMap<(usize, usize), usize> = HashMap::new();
    for (i, j) in old_to_new.iter().enumerate().filter_map(|(i, j)| j.map(|j| (i, j))) {
        let (p, q) = (old_steps[i].0.phase, new_steps[j].0.phase);
        if old_to_new_phase[p].is_none() && new_to_old_phase[q].is_none() {
            *links.entry((p, q)).or_default() += 1;
        }
    }
    let mut candidates = Vec::new();
    for p in (0..old.phases.len()).filter(|&p| old_to_new_phase[p].is_none()) {
        for q in (0..new.phases.len()).filter(|&q| new_to_old_phase[q].is_none()) {
            let sizes = old.phases[p].steps.len() + new.phases[q].steps.len();
            let shared = links.get(&(p, q)).copied().unwrap_or(0);
            let by_steps = if sizes == 0 { 0.0 } else { 2.0 * shared as f64 / sizes as f64 };
            let by_name = strsim::sorensen_dice(&old.phases[p].name.value, &new.phases[q].name.value);
            let score = by_steps.max(by_name);
            if score >= RENAME_THRESHOLD {
                candidates.push((score, p.abs_diff(q), p, q));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)).then(x.3.cmp(&y.3)));
    for (_, _, p, q) in candidates {
        if old_to_new_phase[p].is_none() && new_to_old_phase[q].is_none() {
            old_to_new_phase[p] = Some(q);
            new_to_old_phase[q] = Some(p);
        }
    }
    (old_to_new_phase, new_to_old_phase)
}

/// What a step holds, one string per fact, for comparing steps whose action changed.
fn content(journey: &Journey, step: &Step) -> Vec<String> {
    let mut facts: Vec<String> = Vec::new();
    for t in &step.touchpoints {
        facts.push(format!("touchpoint {}", t.text.value));
    }
    for e in &step.emotions {
        let persona = e.persona.map(|p| journey.persona(p).id.as_str()).unwrap_or("");
        facts.push(format!("emotion {persona} {}", e.score));
    }
    details(&step.details, &mut facts);
    facts.sort();
    facts
}

fn details(d: &Details, facts: &mut Vec<String>) {
    facts
        .extend(d.iter().map(|x| format!("{} {}", crate::syntax::ast::Keyword::Detail(x.lane).as_str(), x.text.value)));
}

/// Dice coefficient of two sorted multisets; 0 when either is empty.
fn dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// The values of one longest strictly increasing subsequence (patience sorting).
fn longest_increasing(values: &[usize]) -> std::collections::HashSet<usize> {
    let mut tails: Vec<usize> = Vec::new(); // index into values of the tail of each length
    let mut previous: Vec<Option<usize>> = vec![None; values.len()];
    for (k, &v) in values.iter().enumerate() {
        let len = tails.partition_point(|&t| values[t] < v);
        previous[k] = len.checked_sub(1).map(|l| tails[l]);
        if len == tails.len() {
            tails.push(k);
        } else {
            tails[len] = k;
        }
    }
    let mut kept = std::collections::HashSet::new();
    let mut at = tails.last().copied();
    while let Some(k) = at {
        kept.insert(values[k]);
        at = previous[k];
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::{dice, longest_increasing};

    #[test]
    fn the_longest_run_in_order_stays_and_the_rest_moved() {
        let kept = longest_increasing(&[0, 3, 1, 2, 4]);
        let mut kept: Vec<usize> = kept.into_iter().collect();
        kept.sort();
        assert_eq!(kept, [0, 1, 2, 4]);
        assert!(longest_increasing(&[]).is_empty());
    }

    #[test]
    fn dice_counts_shared_facts() {
        let a = vec!["a".to_string(), "b".to_string()];
        let b = vec!["b".to_string(), "c".to_string()];
        assert_eq!(dice(&a, &b), 0.5);
        assert_eq!(dice(&a, &[]), 0.0);
    }
}
