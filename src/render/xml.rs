//! A small XML writer for SVG: elements and attributes are written in the order the
//! renderer gives them (so output is deterministic by construction), text and attribute
//! values are always escaped, numbers are written with at most two decimals.

use std::fmt::Write;

/// An attribute value.
pub enum Value<'a> {
    Str(&'a str),
    Num(f32),
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(s: &'a str) -> Self {
        Value::Str(s)
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(s: &'a String) -> Self {
        Value::Str(s)
    }
}

impl From<f32> for Value<'_> {
    fn from(v: f32) -> Self {
        Value::Num(v)
    }
}

#[derive(Default)]
pub struct Writer {
    out: String,
}

impl Writer {
    pub fn finish(self) -> String {
        self.out
    }

    /// `<tag a="v" …>`; `close` ends it.
    pub fn open(&mut self, tag: &str, attrs: &[(&str, Value<'_>)]) {
        self.start(tag, attrs);
        self.out.push('>');
    }

    /// `<tag a="v" …/>`.
    pub fn empty(&mut self, tag: &str, attrs: &[(&str, Value<'_>)]) {
        self.start(tag, attrs);
        self.out.push_str("/>");
    }

    pub fn close(&mut self, tag: &str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push_str(">\n");
    }

    /// `<tag …>text</tag>`.
    pub fn text_element(&mut self, tag: &str, attrs: &[(&str, Value<'_>)], text: &str) {
        self.open(tag, attrs);
        self.text(text);
        self.close(tag);
    }

    /// Character data, escaped.
    pub fn text(&mut self, text: &str) {
        escape(&mut self.out, text, false);
    }

    /// Markup the renderer wrote itself (the stylesheet): no user text may pass here.
    pub fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    fn start(&mut self, tag: &str, attrs: &[(&str, Value<'_>)]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            match value {
                Value::Str(s) => escape(&mut self.out, s, true),
                Value::Num(v) => push_num(&mut self.out, *v),
            }
            self.out.push('"');
        }
    }
}

fn escape(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// A number with at most two decimals, no trailing zeros and no `-0`.
pub fn push_num(out: &mut String, v: f32) {
    let hundredths = (f64::from(v) * 100.0).round() as i64;
    if hundredths < 0 {
        out.push('-');
    }
    let abs = hundredths.unsigned_abs();
    let _ = write!(out, "{}", abs / 100);
    match abs % 100 {
        0 => {}
        f if f % 10 == 0 => {
            let _ = write!(out, ".{}", f / 10);
        }
        f => {
            let _ = write!(out, ".{f:02}");
        }
    }
}

pub fn num(v: f32) -> String {
    let mut s = String::new();
    push_num(&mut s, v);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_exact_to_two_decimals() {
        for (v, s) in [
            (0.0, "0"),
            (-0.001, "0"),
            (12.5, "12.5"),
            (12.345, "12.35"),
            (-3.1, "-3.1"),
            (100.0, "100"),
            (0.07, "0.07"),
        ] {
            assert_eq!(num(v), s, "{v}");
        }
    }

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut w = Writer::default();
        w.text_element("title", &[("class", "a\"b<c".into())], "x < y & \"z\"");
        assert_eq!(w.finish(), "<title class=\"a&quot;b&lt;c\">x &lt; y &amp; \"z\"</title>\n");
    }
}
