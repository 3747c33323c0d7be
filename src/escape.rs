//! Making user text safe for the plain-text outputs of `report` and `diff`: Markdown
//! (GitHub, CI job summaries) and terminals. JSON needs nothing here: serde escapes.

/// User text as inert inline Markdown, safe in a table cell, a list item or a heading.
///
/// Every character that GitHub-flavoured Markdown gives a meaning inline (emphasis,
/// code, links, images, HTML, entities, table cells, strike-through) is escaped with a
/// backslash; so is anything at the start of the text that could open a block (heading,
/// list, quote, thematic break). Line breaks and other control characters become spaces,
/// so the text stays on its line and in its cell.
pub fn markdown(text: &str) -> String {
    let flat = terminal(text);
    let chars: Vec<char> = flat.trim().chars().collect();
    let mut out = String::with_capacity(chars.len() + 8);
    // Digits at the start, then `.` or `)` and a space or the end, open an ordered list.
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let ordered = digits > 0
        && matches!(chars.get(digits), Some('.' | ')'))
        && chars.get(digits + 1).is_none_or(|c| c.is_whitespace());
    for (i, &c) in chars.iter().enumerate() {
        let inline = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!' | '(' | ')' | '{' | '}' | '$'
        );
        let opens_block = i == 0
            && (matches!(c, '#' | '=')
                || (matches!(c, '-' | '+') && chars.get(1).is_none_or(|n| n.is_whitespace() || *n == c)));
        if inline || opens_block || (ordered && i == digits) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// User text safe to print on a terminal: control characters (ESC and with it every
/// ANSI sequence, carriage returns, line breaks, DEL, C1) and the invisible characters
/// that reorder text (bidirectional overrides and isolates) are replaced, tabs and line
/// breaks by a space, the rest by U+FFFD.
pub fn terminal(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if c.is_control() || is_bidi_control(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::{markdown, terminal};

    #[test]
    fn markdown_cannot_open_cells_links_headings_or_html() {
        assert_eq!(markdown("| ## [x](javascript:alert(1))"), r"\| ## \[x\]\(javascript:alert\(1\)\)");
        assert_eq!(markdown("## Heading"), r"\## Heading");
        assert_eq!(markdown("<img src=x onerror=alert(1)>"), r"\<img src=x onerror=alert\(1\)\>");
        assert_eq!(markdown("*bold* _it_ `code` ~~s~~"), r"\*bold\* \_it\_ \`code\` \~\~s\~\~");
        assert_eq!(markdown("a\nb\r\n# c"), "a b  # c");
        assert_eq!(markdown("&#124;"), r"\&#124;");
        assert_eq!(markdown("- item"), r"\- item");
        assert_eq!(markdown("> quote"), r"\> quote");
        assert_eq!(markdown("12. list"), r"12\. list");
        assert_eq!(markdown("3)"), r"3\)");
        assert_eq!(markdown("---"), r"\---");
        assert_eq!(markdown("a\\|b"), r"a\\\|b");
    }

    #[test]
    fn markdown_leaves_ordinary_text_alone() {
        assert_eq!(markdown("Fills in the online quote form, 14 fields"), "Fills in the online quote form, 14 fields");
        assert_eq!(markdown("Søger på nettet: 38% - ok #2"), "Søger på nettet: 38% - ok #2");
        assert_eq!(markdown("1999 was a year"), "1999 was a year");
        assert_eq!(markdown("4.1"), "4.1");
        assert_eq!(markdown("-17 points"), "-17 points");
    }

    #[test]
    fn terminal_text_carries_no_escape_sequences() {
        assert_eq!(terminal("\u{1b}[31mred\u{1b}[0m"), "\u{FFFD}[31mred\u{FFFD}[0m");
        assert_eq!(terminal("a\rb\nc\td"), "a b c d");
        assert_eq!(terminal("x\u{202E}y\u{9b}z\u{7f}"), "x\u{FFFD}y\u{FFFD}z\u{FFFD}");
        assert_eq!(terminal("æøå 😀"), "æøå 😀");
    }
}
