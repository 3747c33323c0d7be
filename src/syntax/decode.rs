//! Bytes → text: the byte-order mark, invalid UTF-8, control characters, binary files.
//!
//! The decoded text keeps every line where it was, so later spans point into it. A
//! bad byte sequence becomes U+FFFD and a control character becomes spaces of the same
//! byte length; both are reported, so nothing after them is hidden.

use crate::Span;
use crate::diag::{Code, Diag, Diags};

/// A file's text, ready for the parser.
pub struct Decoded {
    pub text: String,
    /// The file is not text at all; nothing more should be reported about it.
    pub binary: bool,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";
/// How much of the start of a file is looked at to tell binary files from text.
const SNIFF: usize = 8192;

/// Decodes a file's bytes, reporting the problems they have.
pub fn decode(bytes: &[u8], diags: &mut Diags) -> Decoded {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        diags.push(
            Diag::new(
                Code::InvalidUtf8,
                Span::empty(0),
                "this file is saved as UTF-16; journeymap reads UTF-8",
                "save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)",
            )
            .label("UTF-16 byte-order mark"),
        );
        return Decoded { text: String::new(), binary: true };
    }
    let (bytes, skipped) = match bytes.strip_prefix(BOM) {
        Some(rest) => (rest, BOM.len()),
        None => (bytes, 0),
    };
    if looks_binary(&bytes[..bytes.len().min(SNIFF)]) {
        diags.push(
            Diag::new(
                Code::BinaryFile,
                Span::empty(0),
                "this file is binary, not a journey map",
                "journey maps are UTF-8 text files; check that the right file was given",
            )
            .label("NUL bytes or many non-text bytes near the start"),
        );
        return Decoded { text: String::new(), binary: true };
    }
    let mut text = decode_utf8(bytes, skipped, diags);
    blank_control_characters(&mut text, diags);
    Decoded { text, binary: false }
}

/// Binary: a NUL byte among the first bytes together with other control bytes, or
/// more than one byte in ten a control byte that text files do not have. Invalid
/// UTF-8 alone does not make a file binary: that is a text file in another encoding
/// (Latin-1, Windows-1252), reported line by line.
fn looks_binary(head: &[u8]) -> bool {
    let nul = head.iter().filter(|&&b| b == 0).count();
    let odd = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)).count();
    (nul > 0 && odd > 1) || odd * 10 > head.len().max(32)
}

/// Decodes UTF-8, replacing each bad sequence with U+FFFD and reporting it with the
/// line and the byte offset it has in the file (`skipped`: the bytes of a byte-order
/// mark before `bytes`).
fn decode_utf8(bytes: &[u8], skipped: usize, diags: &mut Diags) -> String {
    let mut text = String::with_capacity(bytes.len());
    let mut rest = bytes;
    let mut line = 1;
    let mut last_reported_line = 0;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                text.push_str(valid);
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                // Every prefix up to `valid_up_to` is valid UTF-8.
                let valid = std::str::from_utf8(valid).unwrap_or_default();
                text.push_str(valid);
                line += valid.matches('\n').count();
                let bad_len = e.error_len().unwrap_or(after.len());
                let byte_offset = skipped + bytes.len() - rest.len() + e.valid_up_to();
                let at = text.len();
                text.push(char::REPLACEMENT_CHARACTER);
                if line != last_reported_line {
                    last_reported_line = line;
                    diags.push_lazy(at, true, || {
                        Diag::new(
                            Code::InvalidUtf8,
                            Span::new(at, at + char::REPLACEMENT_CHARACTER.len_utf8()),
                            format!("invalid UTF-8 on line {line}, at byte offset {byte_offset} (0x{:02X})", after[0]),
                            "save the file as UTF-8 (editors call it \"UTF-8\" or \"Unicode (UTF-8)\"); \
                             it may have been saved as Latin-1 or Windows-1252",
                        )
                        .label("not UTF-8")
                    });
                }
                rest = &after[bad_len..];
            }
        }
    }
    text
}

/// Replaces control characters (all but tab and line ends) with spaces of the same byte
/// length, reporting the first of each line.
fn blank_control_characters(text: &mut String, diags: &mut Diags) {
    if !has_control_bytes(text.as_bytes()) {
        return;
    }
    let bytes = text.as_bytes();
    let mut found: Vec<(usize, char)> = Vec::new();
    let mut line_reported = false;
    for (i, c) in text.char_indices() {
        let bad = match c {
            '\t' => false,
            '\n' => {
                line_reported = false;
                false
            }
            // CR is a line end before LF, and a control character anywhere else.
            '\r' => bytes.get(i + 1) != Some(&b'\n'),
            // U+FFFE and U+FFFF are not characters: XML (so SVG and HTML) forbids them.
            c => c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}'),
        };
        if !bad {
            continue;
        }
        found.push((i, c));
        if !line_reported {
            line_reported = true;
            diags.push_lazy(i, true, || {
                Diag::new(
                    Code::ControlCharacter,
                    Span::new(i, i + c.len_utf8()),
                    match c {
                        '\u{FFFE}' | '\u{FFFF}' => format!("U+{:04X} in the text is not a character", c as u32),
                        _ => format!("control character {} in the text", describe_control(c)),
                    },
                    "remove it; maps may contain tabs but no other control characters, \
                     since SVG and HTML cannot carry them",
                )
                .label("control character")
            });
        }
    }
    // Control characters are ASCII (1 byte) or C1 (2 bytes): spaces of the same length
    // keep every offset.
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for &(at, c) in &found {
        out.push_str(&text[last..at]);
        out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        last = at + c.len_utf8();
    }
    out.push_str(&text[last..]);
    *text = out;
}

/// A quick look over the bytes: does the text hold a control character? C0 and DEL
/// are single bytes; C1 characters (U+0080–U+009F) are encoded as 0xC2 0x80–0x9F; CR
/// is one unless LF follows; the noncharacters U+FFFE and U+FFFF are 0xEF 0xBF 0xBE/BF.
fn has_control_bytes(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\t' | b'\n' => false,
        b'\r' => bytes.get(i + 1) != Some(&b'\n'),
        0x00..=0x1F | 0x7F => true,
        0xC2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
        0xEF => bytes.get(i + 1) == Some(&0xBF) && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)),
        _ => false,
    })
}

fn describe_control(c: char) -> String {
    let name = match c {
        '\0' => "NUL",
        '\x1b' => "ESC",
        '\r' => "carriage return",
        '\x0b' => "vertical tab",
        '\x0c' => "form feed",
        '\x08' => "backspace",
        '\x7f' => "DEL",
        _ => "",
    };
    if name.is_empty() { format!("U+{:04X}", c as u32) } else { format!("U+{:04X} ({name})", c as u32) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> (Decoded, Vec<Diag>) {
        let mut diags = Diags::default();
        let decoded = super::decode(bytes, &mut diags);
        (decoded, diags.finish())
    }

    #[test]
    fn byte_offsets_count_the_byte_order_mark() {
        let (_, diags) = decode(b"\xEF\xBB\xBFjourney: ok\nphase: caf\xE9\n");
        assert!(diags[0].message.contains("byte offset 25"), "{}", diags[0].message);
    }

    #[test]
    fn utf16_is_named() {
        let (d, diags) = decode(b"\xFF\xFEj\x00o\x00");
        assert!(d.binary);
        assert!(diags[0].message.contains("UTF-16"));
    }

    #[test]
    fn bom_is_dropped_and_crlf_kept() {
        let (d, diags) = decode(b"\xEF\xBB\xBFjourney: x\r\n");
        assert_eq!(d.text, "journey: x\r\n");
        assert!(diags.is_empty());
    }

    #[test]
    fn invalid_utf8_names_line_and_byte_offset() {
        let (d, diags) = decode(b"journey: ok\nphase: caf\xE9\n");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, Code::InvalidUtf8);
        assert!(diags[0].message.contains("line 2"), "{}", diags[0].message);
        assert!(diags[0].message.contains("byte offset 22"), "{}", diags[0].message);
        assert_eq!(d.text, "journey: ok\nphase: caf\u{FFFD}\n");
    }

    #[test]
    fn control_characters_become_spaces_of_the_same_length() {
        let (d, diags) = decode("a\u{1b}b\u{85}c\td\r\n".as_bytes());
        assert_eq!(d.text, "a b  c\td\r\n");
        assert_eq!(diags.len(), 1, "one report per line");
        assert_eq!(diags[0].primary.span, Span::new(1, 2));
    }

    #[test]
    fn noncharacters_are_reported_like_control_characters() {
        let (d, diags) = decode("journey: a\u{FFFE}b\u{FFFF}\n".as_bytes());
        assert_eq!(d.text, "journey: a   b   \n");
        assert_eq!(diags.len(), 1);
        assert!(diags[0].message.contains("U+FFFE"), "{}", diags[0].message);
    }

    #[test]
    fn binary_garbage_is_one_diagnostic() {
        let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
        let (d, diags) = decode(&bytes);
        assert!(d.binary);
        assert_eq!(diags.len(), 1);
    }

    #[test]
    fn one_nul_in_text_is_a_control_character_not_binary() {
        let (d, diags) = decode(b"journey: a\0b\n");
        assert!(!d.binary);
        assert_eq!(diags[0].code, Code::ControlCharacter);
    }
}
