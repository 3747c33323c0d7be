//! The diagram's text on its way to the lexer: Mermaid's preprocessing (line endings,
//! frontmatter, directives, `%%` comment lines) and a Markdown file's ```` ```mermaid ````
//! block, each step keeping, for every byte left, where it came from in the input, so
//! that diagnostics point into the file the user has.

use crate::Span;

/// Text with, for each of its bytes, the offset in the input it came from.
#[derive(Debug, Clone)]
pub(crate) struct Mapped {
    pub text: String,
    /// `origin[i]` is the input offset of `text`'s byte `i`; one more entry for the end.
    origin: Vec<usize>,
}

impl Mapped {
    /// The whole input.
    pub fn whole(input: &str) -> Mapped {
        Mapped { text: input.to_owned(), origin: (0..=input.len()).collect() }
    }

    fn builder(&self) -> Builder<'_> {
        Builder { from: self, text: String::new(), origin: Vec::new() }
    }

    /// The input offset of `text`'s byte `at` (`at` may be its length).
    pub fn at(&self, at: usize) -> usize {
        self.origin[at.min(self.text.len())]
    }

    /// The span of the input that `text[start..end]` came from.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let start = start.min(self.text.len());
        let end = end.clamp(start, self.text.len());
        let from = self.at(start);
        if end == start {
            return Span::new(from, from);
        }
        let to = self.origin[end - 1] + 1;
        // The last byte of a character maps one byte before the character's end.
        let to = to.max(from);
        Span::new(from, to)
    }

    /// The text without the byte ranges `cut` (sorted, not overlapping).
    pub fn without(&self, cut: &[(usize, usize)]) -> Mapped {
        let mut b = self.builder();
        let mut at = 0;
        for &(s, e) in cut {
            b.copy(at, s);
            at = e;
        }
        b.copy(at, self.text.len());
        b.finish()
    }

    /// CRLF and lone CR as LF.
    pub fn unix_lines(&self) -> Mapped {
        if !self.text.contains('\r') {
            return self.clone();
        }
        let mut b = self.builder();
        let bytes = self.text.as_bytes();
        let mut at = 0;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'\r' {
                b.copy(at, i);
                if bytes.get(i + 1) == Some(&b'\n') {
                    at = i + 1;
                } else {
                    b.push_str("\n", i);
                    at = i + 1;
                }
            }
            i += 1;
        }
        b.copy(at, bytes.len());
        b.finish()
    }
}

struct Builder<'a> {
    from: &'a Mapped,
    text: String,
    origin: Vec<usize>,
}

impl Builder<'_> {
    fn copy(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        self.text.push_str(&self.from.text[start..end]);
        self.origin.extend_from_slice(&self.from.origin[start..end]);
    }

    /// `s`, every byte of it from `text`'s byte `at`.
    fn push_str(&mut self, s: &str, at: usize) {
        self.text.push_str(s);
        let o = self.from.origin[at];
        self.origin.extend(std::iter::repeat_n(o, s.len()));
    }

    fn finish(mut self) -> Mapped {
        let end = self.from.origin[self.from.text.len()];
        self.origin.push(end);
        Mapped { text: self.text, origin: self.origin }
    }
}

/// JavaScript's `\s`.
pub(crate) fn js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'
    )
}

/// The end of the run of `\s` from `at`.
pub(crate) fn space_run(text: &str, at: usize) -> usize {
    text[at..].char_indices().find(|&(_, c)| !js_space(c)).map_or(text.len(), |(i, _)| at + i)
}

/// JavaScript's `trim()`, as the byte range of `s` it keeps.
pub(crate) fn js_trim(s: &str) -> &str {
    s.trim_matches(js_space)
}

/// A Markdown file's ```` ```mermaid ```` (or `~~~mermaid`) blocks: each one's content,
/// mapped into the file, and the span of its opening fence.
pub(crate) fn markdown_blocks(input: &Mapped) -> Vec<(Mapped, Span)> {
    let mut blocks = Vec::new();
    let text = &input.text;
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        lines.push((at, line));
        at += line.len();
    }
    let mut i = 0;
    while i < lines.len() {
        let (start, line) = lines[i];
        i += 1;
        let Some((indent, fence_char, fence_len, info)) = fence(line) else { continue };
        let word = info.split(|c: char| c.is_whitespace()).next().unwrap_or("");
        // Every fence opens a block, whose content is skipped unless it is Mermaid.
        let mermaid = word.eq_ignore_ascii_case("mermaid") && !(fence_char == '`' && info.contains('`'));
        let mut cut = vec![(0, start + line.len())];
        let mut content_end = text.len();
        while i < lines.len() {
            let (s, l) = lines[i];
            i += 1;
            if let Some((_, c, n, rest)) = fence(l)
                && c == fence_char
                && n >= fence_len
                && rest.trim().is_empty()
            {
                content_end = s;
                break;
            }
            // Up to the fence's indentation is removed from each content line.
            let strip = l.bytes().take(indent).take_while(|&b| b == b' ').count();
            if strip > 0 {
                cut.push((s, s + strip));
            }
        }
        if mermaid {
            cut.push((content_end, text.len()));
            let open = input.span(start + indent, start + line.trim_end().len());
            blocks.push((input.without(&cut), open));
        }
    }
    blocks
}

/// A fence line: its indentation, fence character and length, and info string.
fn fence(line: &str) -> Option<(usize, char, usize, &str)> {
    let indent = line.bytes().take_while(|&b| b == b' ').count();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let c = rest.chars().next().filter(|&c| c == '`' || c == '~')?;
    let n = rest.bytes().take_while(|&b| b == c as u8).count();
    (n >= 3).then(|| (indent, c, n, rest[n..].trim()))
}

/// Where the YAML frontmatter is, by Mermaid's expression
/// `/^-{3}\s*[\n\r](.*?)[\n\r]-{3}\s*[\n\r]+/s`: its content and the end of the match.
pub(crate) fn frontmatter(text: &str) -> Option<((usize, usize), usize)> {
    if !text.starts_with("---") {
        return None;
    }
    let run_end = space_run(text, 3);
    let is_nl = |i: usize| matches!(text.as_bytes()[i], b'\n' | b'\r');
    // The longest `\s*` is tried first: content from after the run's last newline.
    let last = (3..run_end).rev().find(|&i| is_nl(i))?;
    if let Some((close, end)) = closing(text, last + 1) {
        return Some(((last + 1, close), end));
    }
    // A shorter `\s*` can only add a closing at the run's last newline itself, which
    // needs an earlier newline to open.
    let earlier = (3..last).rev().find(|&i| is_nl(i))?;
    let end = closing_at(text, last)?;
    Some(((earlier + 1, last), end))
}

/// Whether `[\n\r]-{3}\s*[\n\r]+` matches at `p`: where the match ends.
fn closing_at(text: &str, p: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if !(matches!(bytes.get(p), Some(b'\n' | b'\r')) && text[p + 1..].starts_with("---")) {
        return None;
    }
    let run_end = space_run(text, p + 4);
    (p + 4..run_end).rev().find(|&i| matches!(bytes[i], b'\n' | b'\r')).map(|last| last + 1)
}

/// The first `[\n\r]-{3}\s*[\n\r]+` at or after `from`: where it starts and ends.
fn closing(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    (from..bytes.len())
        .filter(|&p| matches!(bytes[p], b'\n' | b'\r'))
        .find_map(|p| closing_at(text, p).map(|end| (p, end)))
}

/// The byte ranges of Mermaid directives, `%%{ … }%%`, by its expression
/// `/%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi`
/// (an unclosed one runs to the end of the text).
pub(crate) fn directives(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let word = |at: usize| bytes[at..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_').count();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("%%{").map(|i| from + i) {
        let mut p = space_run(text, i + 3);
        let w = word(p);
        if w == 0 {
            from = i + 1;
            continue;
        }
        p += w;
        let after_word = space_run(text, p);
        if bytes.get(after_word) == Some(&b':') {
            p = after_word + 1;
        }
        p = space_run(text, p);
        let w = word(p);
        if w > 0 {
            p = space_run(text, p + w);
        } else {
            p = text[p..].find("}%%").map_or(text.len(), |j| p + j);
        }
        if text[p..].starts_with("}%%") {
            p += 3;
        }
        out.push((i, p));
        from = p.max(i + 1);
    }
    out
}

/// The byte ranges of Mermaid's comment lines, by its expression
/// `/^\s*%%(?!{)[^\n]+\n?/gm`.
pub(crate) fn comment_lines(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut ls = 0;
    while ls < bytes.len() {
        let j = space_run(text, ls);
        if text[j..].starts_with("%%") && !matches!(bytes.get(j + 2), None | Some(b'{') | Some(b'\n')) {
            let line_end = text[j..].find('\n').map_or(bytes.len(), |k| j + k + 1);
            out.push((ls, line_end));
            ls = line_end;
        } else {
            // Every line start up to `j` has the same run of spaces ending at `j`.
            ls = text[j..].find('\n').map_or(bytes.len(), |k| j + k + 1);
        }
    }
    out
}

/// The `;` that Mermaid's `encodeEntities` drops from lines like `style …: …#…;`
/// (`/style.*:\S*#.*;/g`, and the same with `classDef`): the last `;` of such a line.
pub(crate) fn style_semicolons(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let line = line.strip_suffix('\n').unwrap_or(line);
        for word in ["style", "classDef"] {
            if let Some(cut) = style_match(line, word) {
                out.push((at + cut, at + cut + 1));
                break;
            }
        }
        at += line.len() + 1;
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn style_match(line: &str, word: &str) -> Option<usize> {
    let last_semi = line.rfind(';')?;
    // Only the first occurrence matters: a match from a later one is one from it too.
    let s = line.find(word)?;
    // `:\S*#` before the last `;`: a `#` in a run of non-spaces after a `:`.
    let mut armed = false;
    // A `style` after the last `;` matches nothing (`Buy;classDef`).
    for c in line.get(s + word.len()..last_semi)?.chars() {
        match c {
            ':' => armed = true,
            '#' if armed => return Some(last_semi),
            c if js_space(c) => armed = false,
            _ => {}
        }
    }
    None
}

/// The entities Mermaid encodes before it parses (`/#\w+;/g`): their byte ranges.
pub(crate) fn entities(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'#' {
            let n = bytes[i + 1..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_').count();
            if n > 0 && bytes.get(i + 1 + n) == Some(&b';') {
                out.push((i, i + n + 2));
                i += n + 2;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Text with Mermaid's entities (`#lt;`, `#35;`) decoded as a browser shows them: a
/// number as its character, a known name as its character, any other name as the HTML
/// entity text the browser leaves (`&abc;`).
pub(crate) fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    for (start, end) in entities(s) {
        out.push_str(&s[at..start]);
        let name = &s[start + 1..end - 1];
        if name.bytes().all(|b| b.is_ascii_digit()) {
            let c = name.parse::<u32>().ok().and_then(char::from_u32).filter(|&c| c != '\0');
            out.push(c.unwrap_or('\u{fffd}'));
        } else if let Some(c) = named_entity(name) {
            out.push_str(c);
        } else {
            out.push('&');
            out.push_str(name);
            out.push(';');
        }
        at = end;
    }
    out.push_str(&s[at..]);
    out
}

/// HTML's entities, the common ones (browsers know more; others stay as written).
pub(crate) fn named_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "hellip" => "…",
        "mdash" => "—",
        "ndash" => "–",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "laquo" => "«",
        "raquo" => "»",
        "euro" => "€",
        "pound" => "£",
        "yen" => "¥",
        "cent" => "¢",
        "deg" => "°",
        "middot" => "·",
        "bull" => "•",
        "times" => "×",
        "divide" => "÷",
        "plusmn" => "±",
        "frac12" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "sect" => "§",
        "para" => "¶",
        "larr" => "←",
        "rarr" => "→",
        "uarr" => "↑",
        "darr" => "↓",
        "harr" => "↔",
        "hearts" => "♥",
        "check" => "✓",
        "num" => "#",
        "semi" => ";",
        "colon" => ":",
        "comma" => ",",
        "percnt" => "%",
        _ => return None,
    })
}

/// `<br>` in its variants (`<br/>`, `</br />`, `<BR \t/>`) as a space.
pub(crate) fn br_as_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        let t = tail.trim_start();
        let t = t.strip_prefix('/').unwrap_or(t).trim_start();
        if t.get(..2).is_some_and(|b| b.eq_ignore_ascii_case("br")) {
            let t = t[2..].trim_start();
            let t = t.strip_prefix('/').unwrap_or(t).trim_start();
            if let Some(after) = t.strip_prefix('>') {
                out.push(' ');
                rest = after;
                continue;
            }
        }
        out.push('<');
        rest = tail;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frontmatter_is_found_as_mermaid_finds_it() {
        assert_eq!(frontmatter("---\ntitle: A\n---\njourney"), Some(((4, 12), 17)));
        assert_eq!(frontmatter("---\ntitle: A\n    ---\njourney"), None);
        assert_eq!(frontmatter("---\ntitle: A\n---"), None);
        assert_eq!(frontmatter("---\n\n---\njourney").map(|f| f.1), Some(9));
    }

    #[test]
    fn directives_and_comment_lines() {
        let t = "%%{init: {'a': 1}}%%\njourney %%{wrap}%% x";
        assert_eq!(directives(t), vec![(0, 20), (29, 39)]);
        assert_eq!(comment_lines("journey\n  %% c\n%%\ntitle"), vec![(8, 15)]);
    }

    #[test]
    fn entities_decode_as_a_browser_shows_them() {
        assert_eq!(decode("a #lt;b#gt; #35;1 #abc; #59;"), "a <b> #1 &abc; ;");
        assert_eq!(br_as_space("a<br>b<br/>c</br />d<br\t/>e<b>"), "a b c d e<b>");
    }

    #[test]
    fn a_markdown_block_maps_into_the_file() {
        let md = Mapped::whole("# T\n\n  ``` mermaid\n  journey\n  title X\n  ```\n");
        let (block, _) = markdown_blocks(&md).into_iter().next().unwrap();
        assert_eq!(block.text, "journey\ntitle X\n");
        assert_eq!(block.at(0), 21);
    }
}
