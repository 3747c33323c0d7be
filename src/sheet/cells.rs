//! What one cell says, and how a statement is written in one.
//!
//! - A text cell (a step, a touchpoint, a pain…) is its text, optionally after the
//!   statement's words in square brackets: `[web support i3] Fills in the form`. A text
//!   that itself starts with `[` is written after empty brackets: `[] [sic] …`.
//! - An emotion cell is its score, then optionally its sources, then `: why`:
//!   `-2 i3 i7: Asked for the square metres`.
//! - A KPI cell is its figures, `: `, and its label: `38% min 55% a1: Quotes finished`.

/// Whether `word` can be a word of a statement: an identifier, a number or a range.
/// Anything else (a `:`, a `#`, a letter outside ASCII) would change the line's shape.
pub fn is_word(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || "_-+.%".contains(c))
}

/// A text cell's words (in its leading `[…]`) and its text.
pub fn words_and_text(cell: &str) -> (Vec<String>, String) {
    let cell = cell.trim();
    if let Some(rest) = cell.strip_prefix('[')
        && let Some(close) = rest.find(']')
    {
        let words = rest[..close].split_whitespace().map(str::to_owned).collect();
        return (words, rest[close + 1..].trim().to_owned());
    }
    (Vec::new(), cell.to_owned())
}

/// A header's text: the cell, a leading `[]` left out.
pub fn header_text(cell: &str) -> String {
    let cell = cell.trim();
    cell.strip_prefix("[]").map_or(cell, str::trim_start).to_owned()
}

/// Whether a text must be written after `[]`: it starts with `[`, or with a character
/// that makes a spreadsheet program read the cell as a formula (`=`, `+`, `-`, `@`).
fn needs_mark(text: &str) -> bool {
    text.starts_with(['[', '=', '+', '-', '@'])
}

/// A text cell: `[words] text`, `text`, or `[] text` where the text needs it.
pub fn text_cell(words: &[&str], text: &str) -> String {
    if words.is_empty() {
        if needs_mark(text) { format!("[] {text}") } else { text.to_owned() }
    } else {
        format!("[{}] {text}", words.join(" "))
    }
}

/// A header's text as a cell.
pub fn header_cell(text: &str) -> String {
    if needs_mark(text) || text.starts_with("[]") { format!("[] {text}") } else { text.to_owned() }
}

/// An emotion cell: its score's word, its other words (sources), and its text. `None`
/// when no word is a number.
pub fn emotion(cell: &str) -> Option<(String, Vec<String>, Option<String>)> {
    let cell = cell.trim().replace('\u{2212}', "-");
    let (head, tail) = match cell.split_once(':') {
        Some((h, t)) => (h.to_owned(), Some(t.trim().to_owned()).filter(|t| !t.is_empty())),
        None => (cell.clone(), None),
    };
    let words: Vec<String> = head.replace(['[', ']'], " ").split_whitespace().map(str::to_owned).collect();
    let at = words.iter().position(|w| looks_numeric(w))?;
    let mut others = words;
    let score = others.remove(at);
    Some((score, others, tail))
}

fn looks_numeric(word: &str) -> bool {
    let digits = word.trim_start_matches(['+', '-']);
    digits.starts_with(|c: char| c.is_ascii_digit())
}

/// An emotion as a cell: `-2`, `-2 i3`, `-2 i3: why`.
pub fn emotion_cell(score: i64, cites: &[&str], text: Option<&str>) -> String {
    let mut cell = score.to_string();
    for c in cites {
        cell.push(' ');
        cell.push_str(c);
    }
    if let Some(text) = text {
        cell.push_str(": ");
        cell.push_str(text);
    }
    cell
}

/// A KPI cell's figures (its words) and label; `None` without a `:`.
pub fn kpi(cell: &str) -> Option<(Vec<String>, String)> {
    let (head, label) = cell.trim().split_once(':')?;
    let words = head.replace(['[', ']'], " ").split_whitespace().map(str::to_owned).collect();
    Some((words, label.trim().to_owned()))
}

/// A KPI as a cell: `figures: label`.
pub fn kpi_cell(words: &[&str], label: &str) -> String {
    format!("{}: {label}", words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_back_what_they_write() {
        for (words, text) in
            [(vec![], "plain"), (vec!["web", "i3"], "with words"), (vec![], "[sic] brackets"), (vec![], "-dash")]
        {
            let cell = text_cell(&words, text);
            let (w, t) = words_and_text(&cell);
            assert_eq!((w.iter().map(String::as_str).collect::<Vec<_>>(), t.as_str()), (words, text), "{cell}");
        }
        assert_eq!(emotion("-2 i3: why: so"), Some(("-2".into(), vec!["i3".into()], Some("why: so".into()))));
        assert_eq!(emotion("[i3] \u{2212}1"), Some(("-1".into(), vec!["i3".into()], None)));
        assert_eq!(emotion("happy"), None);
        assert_eq!(
            kpi("wait 14 max 8: Minutes: in queue"),
            Some((vec!["wait".into(), "14".into(), "max".into(), "8".into()], "Minutes: in queue".into()))
        );
        assert_eq!(header_text(&header_cell("=1+1")), "=1+1");
        assert_eq!(header_text(&header_cell("[] x")), "[] x");
        assert!(is_word("-2..2") && is_word("12%") && !is_word("a:b") && !is_word("æ"));
    }
}
