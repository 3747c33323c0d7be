//! The page's fonts: each family the page draws with, subset to the characters the page
//! has, as `@font-face` rules with data: URLs.
//!
//! A family is embedded when some character of the page is drawn in it (it is the first
//! family that has the character), with the characters it draws and the spaces, digits
//! and punctuation it has (text in a script font keeps them in that font, as the
//! drawing does). Each face keeps what shaping needs for those characters (ligatures,
//! joining forms, marks, kerning, colour layers) and loses the rest.

use std::collections::BTreeSet;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use read_fonts_for_subset::collections::IntSet;
use read_fonts_for_subset::types::{NameId, Tag};
use skera::{Plan, SubsetFlags};

use crate::text::{EMOJI_NAME, FontStyle, Fonts, RunFont};

/// The `@font-face` rules for a page whose text is `page` and whose italic text (the
/// drawings' quotes) is `italic`, and the `font-family` list of the page's own text.
/// `whole_primary`: the first family's faces embedded whole, not subset.
pub fn faces(fonts: &Fonts, page: &str, italic: &str, whole_primary: bool) -> (String, String) {
    let chars: BTreeSet<char> = page.chars().chain(' '..='~').filter(|c| !c.is_control()).collect();
    let italic: BTreeSet<char> = italic.chars().chain(' '..='~').filter(|c| !c.is_control()).collect();
    let families = fonts.families();
    // The family that draws each character: the first that has it, in the order of the
    // drawing (the primary families, the emoji font, the script fonts).
    let owner: std::collections::BTreeMap<char, Option<RunFont>> =
        chars.iter().chain(&italic).map(|&c| (c, fonts.first_font(c))).collect();
    let mut owned = vec![false; families.len()];
    let mut emoji = BTreeSet::new();
    for &c in &chars {
        match owner[&c] {
            Some(RunFont::Family(i)) => owned[i] = true,
            Some(RunFont::Emoji) => {
                emoji.insert(c);
            }
            None => {}
        }
    }
    let mut css = String::new();
    let mut names = Vec::new();
    for (i, family) in families.iter().enumerate() {
        if !owned[i] && i != 0 {
            continue;
        }
        names.push(format!("'{}'", family.name()));
        for style in FontStyle::ALL {
            let wanted = if style == FontStyle::Italic { &italic } else { &chars };
            // A style the family lacks is drawn from its regular face, by the browser too.
            if style != FontStyle::Regular && !family.has_style(style) {
                continue;
            }
            let data = family.data(style);
            let codes: Vec<u32> = wanted
                .iter()
                .filter(|&&c| owner[&c] == Some(RunFont::Family(i)) || !c.is_alphabetic())
                .map(|&c| c as u32)
                .collect();
            let (weight, slant) = match style {
                FontStyle::Regular => ("normal", "normal"),
                FontStyle::Bold => ("bold", "normal"),
                FontStyle::Italic => ("normal", "italic"),
            };
            let embedded = match whole_primary && i == 0 {
                true => Some(data.to_vec()),
                false => subset(data, &codes),
            };
            if let Some(subset) = embedded {
                css.push_str(&format!(
                    "@font-face{{font-family:'{}';font-weight:{weight};font-style:{slant};src:url(data:font/ttf;base64,{})}}\n",
                    family.name(),
                    BASE64.encode(subset)
                ));
            }
        }
    }
    if !emoji.is_empty() {
        // The joiners, variation selectors, skin tones and tags that make sequences.
        let codes: Vec<u32> = chars.iter().map(|&c| c as u32).collect();
        if let Some(subset) = subset(fonts.emoji_file(), &codes) {
            css.push_str(&format!(
                "@font-face{{font-family:'{EMOJI_NAME}';src:url(data:font/ttf;base64,{})}}\n",
                BASE64.encode(subset)
            ));
        }
        names.push(format!("'{EMOJI_NAME}'"));
    }
    names.push("Arial, Helvetica, sans-serif".into());
    (css, names.join(","))
}

/// `data` with only the glyphs for `codes` (and what shaping them needs), hints
/// dropped; `None` if the subsetter refuses the font, which the page then goes without.
fn subset(data: &[u8], codes: &[u32]) -> Option<Vec<u8>> {
    let font = read_fonts_for_subset::FontRef::new(data).ok()?;
    let unicodes: IntSet<u32> = codes.iter().copied().collect();
    let mut drop_tables = IntSet::<Tag>::empty();
    for tag in [b"DSIG", b"JSTF", b"LTSH", b"PCLT", b"EBDT", b"EBLC", b"EBSC", b"SVG ", b"morx", b"mort", b"kerx"] {
        drop_tables.insert(Tag::new(tag));
    }
    let mut scripts = IntSet::<Tag>::empty();
    scripts.invert();
    let features: IntSet<Tag> = skera::DEFAULT_LAYOUT_FEATURES.iter().copied().collect();
    let mut name_ids = IntSet::<NameId>::empty();
    name_ids.insert_range(NameId::from(0)..=NameId::from(6));
    let mut languages = IntSet::<u16>::empty();
    languages.insert(0x0409);
    let plan = Plan::new(
        &IntSet::empty(),
        &unicodes,
        &font,
        SubsetFlags::SUBSET_FLAGS_NO_HINTING,
        &drop_tables,
        &scripts,
        &features,
        &name_ids,
        &languages,
    );
    skera::subset_font(&font, &plan).ok()
}
