//! "Did you mean …?": the closest known name to a misspelt one.

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let len = lower.chars().count();
    candidates
        .into_iter()
        // Lengths further apart than the distance allowed cannot match: skip the work.
        .filter(|c| c.chars().count().abs_diff(len) <= max_distance(len.max(c.chars().count())))
        .map(|c| (c, strsim::damerau_levenshtein(&lower, &c.to_lowercase())))
        .filter(|&(c, d)| d <= max_distance(c.chars().count().max(lower.chars().count())))
        .min_by_key(|&(c, d)| (d, c))
        .map(|(c, _)| c)
}

fn max_distance(len: usize) -> usize {
    match len {
        0..=3 => 1,
        4..=7 => 2,
        _ => 3,
    }
}

/// `help` text for an unknown name: a suggestion if one is close, else the choices
/// (in any order: the answer does not depend on it).
pub fn help(word: &str, what: &str, candidates: &[&str]) -> String {
    match closest(word, candidates.iter().copied()) {
        Some(c) => format!("did you mean `{c}`?"),
        None if candidates.is_empty() => format!("no {what} is declared"),
        None if candidates.len() <= 12 => {
            let mut list: Vec<String> = candidates.iter().map(|c| format!("`{c}`")).collect();
            list.sort_unstable();
            format!("{what} ids: {}", list.join(", "))
        }
        None => format!("declare it, or use one of the {} declared {what} ids", candidates.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_are_found_and_strangers_are_not() {
        let keywords = ["step", "phase", "touchpoint", "emotion"];
        assert_eq!(closest("stpe", keywords), Some("step"));
        assert_eq!(closest("Step", keywords), Some("step"));
        assert_eq!(closest("touchpont", keywords), Some("touchpoint"));
        assert_eq!(closest("banana", keywords), None);
    }

    #[test]
    fn ties_are_broken_alphabetically() {
        assert_eq!(closest("ab", ["ac", "aa"]), Some("aa"));
    }
}
