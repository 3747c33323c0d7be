//! An open document: its text, incremental edits, and positions as the protocol counts
//! them (lines and UTF-16 code units) turned into byte offsets and back.

use lsp_types::{Position, Range};

/// The text of one open map, as the editor holds it.
#[derive(Debug, Default)]
pub struct Document {
    text: String,
    /// The byte offset of the start of each line (`\n` ends a line).
    line_starts: Vec<usize>,
}

impl Document {
    pub fn new(text: String) -> Self {
        let mut document = Document { text, line_starts: Vec::new() };
        document.index_lines();
        document
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    fn index_lines(&mut self) {
        self.line_starts.clear();
        self.line_starts.push(0);
        self.line_starts.extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
    }

    /// Applies one change of `textDocument/didChange`: `range` replaced by `new_text`,
    /// or the whole text without a range. A range whose end comes before its start is
    /// refused; positions past a line's or the text's end stand for that end.
    pub fn apply(&mut self, range: Option<Range>, new_text: &str) -> Result<(), String> {
        let Some(range) = range else {
            self.text = new_text.to_string();
            self.index_lines();
            return Ok(());
        };
        let (start, end) = (self.offset(range.start), self.offset(range.end));
        if start > end {
            return Err(format!("the change's range ends before it starts: {range:?}"));
        }
        self.text.replace_range(start..end, new_text);
        self.index_lines();
        Ok(())
    }

    /// The byte range of line `line` without its line end (`\n` or `\r\n`).
    fn line_span(&self, line: usize) -> (usize, usize) {
        let start = self.line_starts[line];
        match self.line_starts.get(line + 1) {
            Some(&next) if self.text[start..next].ends_with("\r\n") => (start, next - 2),
            Some(&next) => (start, next - 1),
            None => (start, self.text.len()),
        }
    }

    /// The byte offset of a position. A line past the last stands for the end of the
    /// text, a column past the line's end for that end, a column inside a character
    /// (between the halves of a surrogate pair) for the character's start.
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        if line >= self.line_starts.len() {
            return self.text.len();
        }
        let (start, end) = self.line_span(line);
        let mut units = 0;
        for (i, c) in self.text[start..end].char_indices() {
            units += c.len_utf16();
            if units > position.character as usize {
                return start + i;
            }
        }
        end
    }

    /// The position of a byte offset (clamped to the text, moved back to a character
    /// boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let character: usize = self.text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(line as u32, character as u32)
    }

    /// The range of a byte span.
    pub fn range(&self, span: crate::Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The range of the whole text.
    pub fn whole(&self) -> Range {
        Range::new(Position::new(0, 0), self.position(self.text.len()))
    }

    /// The text of line `line` up to the position's column.
    pub fn line_before(&self, position: Position) -> Option<&str> {
        let line = position.line as usize;
        if line >= self.line_starts.len() {
            return None;
        }
        Some(&self.text[self.line_starts[line]..self.offset(position)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn columns_are_utf16_code_units() {
        // `ø` is 2 bytes and 1 unit; `😀` is 4 bytes and 2 units; `界` 3 bytes, 1 unit.
        let doc = Document::new("ab\nø😀界x\r\nend".to_string());
        assert_eq!(doc.offset(at(1, 0)), 3);
        assert_eq!(doc.offset(at(1, 1)), 5);
        assert_eq!(doc.offset(at(1, 3)), 9);
        assert_eq!(doc.offset(at(1, 4)), 12);
        assert_eq!(&doc.text()[doc.offset(at(1, 4))..doc.offset(at(1, 5))], "x");
        assert_eq!(doc.position(12), at(1, 4));
        assert_eq!(doc.position(9), at(1, 3));
        // Inside the emoji's surrogate pair: its start.
        assert_eq!(doc.offset(at(1, 2)), 5);
        // Past the line's end (before `\r\n`), past the last line.
        assert_eq!(doc.offset(at(1, 99)), 13);
        assert_eq!(doc.offset(at(9, 0)), doc.text().len());
        // Inside a character's bytes: its start.
        assert_eq!(doc.position(4), at(1, 0));
        assert_eq!(doc.position(999), at(2, 3));
    }

    proptest::proptest! {
        /// Any edit at any position keeps the text valid and every position mapping
        /// within it; an edit at a position and the position of the result agree.
        #[test]
        fn any_edit_at_any_position_is_safe(
            text in "[a\nø😀界\r]{0,40}",
            edits in proptest::collection::vec((0u32..8, 0u32..12, 0u32..8, 0u32..12, "[xø😀\n]{0,3}"), 0..8),
        ) {
            let mut doc = Document::new(text);
            for (l1, c1, l2, c2, new_text) in edits {
                let _ = doc.apply(Some(Range::new(at(l1, c1), at(l2, c2))), &new_text);
                let offset = doc.offset(at(l1, c1));
                proptest::prop_assert!(doc.text().is_char_boundary(offset));
                proptest::prop_assert_eq!(doc.offset(doc.position(offset)), offset);
                let _ = doc.line_before(at(l2, c2));
            }
        }
    }

    #[test]
    fn incremental_edits_apply_and_bad_ranges_are_refused() {
        let mut doc = Document::new("step: Søg\nemotion anna 1:\n".to_string());
        doc.apply(Some(Range::new(at(1, 8), at(1, 12))), "bo").unwrap();
        assert_eq!(doc.text(), "step: Søg\nemotion bo 1:\n");
        doc.apply(Some(Range::new(at(0, 8), at(0, 9))), "ge").unwrap();
        assert_eq!(doc.text(), "step: Søge\nemotion bo 1:\n");
        assert!(doc.apply(Some(Range::new(at(1, 3), at(0, 1))), "x").is_err());
        doc.apply(Some(Range::new(at(40, 0), at(50, 3))), "note: end\n").unwrap();
        assert!(doc.text().ends_with("1:\nnote: end\n"));
        doc.apply(None, "journey: new").unwrap();
        assert_eq!(doc.position(12), at(0, 12));
    }
}
