//! Line breaking: Unicode line-break opportunities (UAX #14, via icu_segmenter), filled
//! greedily; a word wider than the line is broken between grapheme clusters, with a
//! hyphen when it breaks between letters.

use icu_segmenter::options::LineBreakOptions;
use icu_segmenter::{GraphemeClusterSegmenter, LineSegmenter};

use super::{FontStyle, Fonts, Measured, RunFont};

/// One line of wrapped text and its width in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub text: String,
    pub width: f32,
    /// The line cut where the font changes, when it does: each run is drawn on its own
    /// (one `<text>` per font keeps resvg from breaking emoji sequences into boxes).
    pub runs: Vec<Run>,
    /// The paragraph is right to left (its first strong letter is Hebrew, Arabic, …):
    /// its lines are aligned right where the text starts at its box's start.
    pub rtl: bool,
}

/// A part of a line in one font and one direction: byte range in the line's text
/// (without spaces at its ends) and the offset of its left edge from the line's left,
/// in pixels. The runs of a line are in visual order.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub start: usize,
    pub end: usize,
    pub x: f32,
    pub font: RunFont,
    /// Right-to-left text, which the renderer lays out leftwards from the run's end.
    pub rtl: bool,
}

/// Breaks `text` into lines no wider than `max_width` pixels.
pub fn wrap(fonts: &Fonts, text: &str, style: FontStyle, size: f32, max_width: f32) -> Vec<Line> {
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    let measured = fonts.measure(text, style, size);
    let segmenter = LineSegmenter::new_dictionary(LineBreakOptions::default());
    let breaks: Vec<usize> = segmenter.segment_str(text).filter(|&b| b > 0).collect();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut fits_until = None;
    let rtl = text.chars().any(super::is_rtl) && unicode_bidi::get_base_direction(text) == unicode_bidi::Direction::Rtl;
    let mut i = 0;
    while i < breaks.len() {
        let end = breaks[i];
        if visible_width(&measured, start, end) <= max_width {
            fits_until = Some(end);
            i += 1;
            continue;
        }
        match fits_until.take() {
            // The words so far fit: end the line there and try this one on the next.
            Some(cut) => {
                lines.push(line(&measured, start, cut));
                start = cut;
            }
            // One word alone is too wide: break it inside.
            None => {
                let (done, rest) = break_word(fonts, &measured, start, end, style, size, max_width);
                lines.extend(done);
                start = rest;
                if start >= end {
                    i += 1;
                }
            }
        }
    }
    if start < text.len() {
        lines.push(line(&measured, start, text.len()));
    }
    for line in &mut lines {
        line.rtl = rtl;
    }
    lines
}

/// The width of `start..end` without the spaces it ends with.
fn visible_width(m: &Measured<'_>, start: usize, end: usize) -> f32 {
    let trimmed = m.text()[start..end].trim_end();
    m.width(start, start + trimmed.len())
}

fn line(m: &Measured<'_>, start: usize, end: usize) -> Line {
    let text = m.text()[start..end].trim_end();
    let end = start + text.len();
    Line { text: text.to_string(), width: m.width(start, end), runs: m.runs(start, end), rtl: false }
}

/// Breaks the word `start..end` between grapheme clusters into lines that fit, the last
/// piece not included: returns the full lines and where the rest starts.
fn break_word(
    fonts: &Fonts,
    m: &Measured<'_>,
    start: usize,
    end: usize,
    style: FontStyle,
    size: f32,
    max_width: f32,
) -> (Vec<Line>, usize) {
    let text = m.text();
    let hyphen = fonts.width("-", style, size);
    let graphemes: Vec<usize> = GraphemeClusterSegmenter::new()
        .segment_str(&text[start..end])
        .map(|g| start + g)
        .filter(|&g| g > start)
        .collect();
    let mut lines = Vec::new();
    let mut line_start = start;
    let mut last_fit = None;
    for &g in &graphemes {
        let letters = is_letter_before(text, g) && is_letter_after(text, g);
        let extra = if letters && g < end { hyphen } else { 0.0 };
        if m.width(line_start, g) + extra <= max_width {
            last_fit = Some((g, letters && g < end));
            continue;
        }
        // At least one grapheme per line, however narrow the box.
        let (cut, hyphenate) = last_fit.take().unwrap_or((g, false));
        let mut piece = text[line_start..cut].to_string();
        let mut width = m.width(line_start, cut);
        let mut runs = m.runs(line_start, cut);
        if hyphenate {
            piece.push('-');
            width += hyphen;
            if let Some(last) = runs.last_mut() {
                last.end += 1;
            }
        }
        lines.push(Line { text: piece, width, runs, rtl: false });
        line_start = cut;
        if m.width(line_start, end) <= max_width {
            break;
        }
    }
    (lines, line_start)
}

fn is_letter_before(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_some_and(char::is_alphabetic)
}

fn is_letter_after(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: f32) -> Vec<String> {
        wrap(Fonts::get(), text, FontStyle::Regular, 12.0, width).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn words_fill_lines_greedily() {
        let fonts = Fonts::get();
        let text = "The form asks for facts renters do not know";
        let ls = wrap(fonts, text, FontStyle::Regular, 12.0, 100.0);
        assert!(ls.len() >= 3, "{ls:?}");
        for l in &ls {
            assert!(l.width <= 100.0, "{l:?}");
            assert!((fonts.width(&l.text, FontStyle::Regular, 12.0) - l.width).abs() < 0.5, "{l:?}");
        }
        assert_eq!(ls.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" "), text);
    }

    #[test]
    fn a_text_that_fits_is_one_line() {
        assert_eq!(lines("  Short  ", 200.0), ["Short"]);
        assert!(lines("", 200.0).is_empty());
    }

    #[test]
    fn long_words_are_broken_with_a_hyphen() {
        let ls = lines("Kundenzufriedenheitsbefragungsergebnisse", 60.0);
        assert!(ls.len() > 2, "{ls:?}");
        assert!(ls[0].ends_with('-'));
        assert_eq!(ls.concat().replace('-', ""), "Kundenzufriedenheitsbefragungsergebnisse");
        for l in ls {
            assert!(Fonts::get().width(&l, FontStyle::Regular, 12.0) <= 60.0, "{l}");
        }
    }

    #[test]
    fn urls_break_without_inventing_hyphens_and_narrow_boxes_still_progress() {
        let ls = lines("https://example.com/a/very/long/path/that/goes/on", 50.0);
        assert!(ls.len() > 2);
        assert_eq!(ls.concat().replace("-", ""), "https://example.com/a/very/long/path/that/goes/on");
        // A box narrower than one letter still gets one grapheme a line, never a loop.
        assert_eq!(lines("abc", 1.0), ["a", "b", "c"]);
    }

    #[test]
    fn lines_with_emoji_are_cut_into_runs_at_their_measured_places() {
        let fonts = Fonts::get();
        let ls = wrap(fonts, "Signs 👍🏽 now", FontStyle::Regular, 10.0, 500.0);
        assert_eq!(ls.len(), 1);
        let runs: Vec<(&str, RunFont)> = ls[0].runs.iter().map(|r| (&ls[0].text[r.start..r.end], r.font)).collect();
        assert_eq!(runs, [("Signs", RunFont::Family(0)), ("👍🏽", RunFont::Emoji), ("now", RunFont::Family(0))]);
        let signs = fonts.width("Signs ", FontStyle::Regular, 10.0);
        assert!((ls[0].runs[1].x - signs).abs() < 0.01);
        let space = fonts.width(" ", FontStyle::Regular, 10.0);
        assert!((ls[0].runs[2].x - signs - 12.5 - space).abs() < 0.01, "the emoji takes 1.25 em");
        assert!(wrap(fonts, "No emoji here", FontStyle::Regular, 10.0, 500.0)[0].runs.is_empty());
    }

    #[test]
    fn emoji_sequences_and_cjk_stay_whole() {
        let ls = lines("👍🏽👍🏽👍🏽👍🏽 東京都の天気は晴れです", 40.0);
        assert!(ls.iter().all(|l| !l.starts_with('\u{1F3FD}')), "a skin tone never starts a line: {ls:?}");
        assert!(ls.len() >= 4);
    }

    /// Right-to-left runs are placed in visual order: in a Hebrew sentence with a Latin
    /// word, the Hebrew that comes first is drawn rightmost.
    #[test]
    fn right_to_left_runs_are_in_visual_order() {
        let fonts = Fonts::get();
        let text = "שלום IKEA עולם";
        let ls = wrap(fonts, text, FontStyle::Regular, 10.0, 500.0);
        let runs: Vec<(&str, bool)> = ls[0].runs.iter().map(|r| (&ls[0].text[r.start..r.end], r.rtl)).collect();
        assert_eq!(runs, [("עולם", true), ("IKEA", false), ("שלום", true)]);
        assert!(ls[0].runs.windows(2).all(|w| w[0].x < w[1].x));
        let last = ls[0].runs.last().unwrap();
        let end = last.x + fonts.width("שלום", FontStyle::Regular, 10.0);
        assert!((end - ls[0].width).abs() < 0.01, "{end} {}", ls[0].width);
    }

    /// Thai has no spaces between words: lines break between words found in a dictionary.
    #[test]
    fn thai_breaks_between_words() {
        let ls = lines("สวัสดีครับยินดีต้อนรับสู่ร้านของเรา", 60.0);
        assert!(ls.len() > 1, "{ls:?}");
        assert!(ls.iter().all(|l| !l.ends_with('-')), "no hyphen inside Thai: {ls:?}");
        assert_eq!(ls.concat(), "สวัสดีครับยินดีต้อนรับสู่ร้านของเรา");
    }
}
