//! The interactive, self-contained HTML page: the map's SVG inline, the stylesheet, a
//! small script and the fonts embedded, nothing fetched from any network, and a
//! Content-Security-Policy that forbids it: inline style and script run only because
//! their hashes are listed.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha2::{Digest, Sha256};

use super::xml::Writer;
use crate::diff::baseline::Baseline;
use crate::layout::header::{LegendEntry, facts, legend_entries_compared};
use crate::layout::{self, Page, PersonaLook, Sample, Theme};
use crate::model::{Journey, Label, Step, StepRef, View};
use crate::text::{FontStyle, Fonts};

mod fonts;

mod appendix;

const SCRIPT: &str = include_str!("page.js");
const STYLE: &str = include_str!("page.css");

/// The page for `journey` laid out with `options` (without the header, which the page
/// shows itself) and `theme`, around its SVG; `source` is the map's text (for line
/// numbers in the embedded document). The size limits are [`super::render`]'s. With a
/// `baseline` (`render --baseline`) the drawings show it, and a button shows or hides it.
pub fn html(
    journey: &Journey,
    source: &str,
    options: &layout::Options,
    theme: &Theme,
    fonts: &Fonts,
    baseline: Option<&Baseline>,
) -> String {
    page(journey, source, options, theme, fonts, baseline, false).page
}

/// The page as `journeymap preview` serves it: the same page, which also loads the
/// preview's script (`/live.js`, from the server it came from) to redraw itself in place.
/// Its policy lets it connect back to that server and take the stylesheet of a redrawn
/// page. Its fonts are a stylesheet of their own, [`LivePage::fonts`], served at
/// `/fonts.css` and linked with their hash (a page redrawn with the same fonts loads
/// none), and the primary family is embedded whole in it, so that a redrawn page with
/// new letters needs no new font and does not flicker.
pub fn live_page(
    journey: &Journey,
    source: &str,
    options: &layout::Options,
    theme: &Theme,
    fonts: &Fonts,
    baseline: Option<&Baseline>,
) -> LivePage {
    page(journey, source, options, theme, fonts, baseline, true)
}

/// A page and, for a preview's, its fonts' stylesheet (empty for a standalone page,
/// which holds its fonts).
pub struct LivePage {
    pub page: String,
    pub fonts: String,
}

/// The policy of a preview's pages, [`live_page`] and the server's own.
pub const LIVE_POLICY: &str = "default-src 'none'; style-src 'self' 'unsafe-inline'; script-src 'self' SCRIPT_HASH; connect-src 'self'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'";

/// [`LIVE_POLICY`] with the page script's hash.
pub fn live_policy() -> String {
    LIVE_POLICY.replacen("SCRIPT_HASH", &hash(SCRIPT), 1)
}

fn page(
    journey: &Journey,
    source: &str,
    options: &layout::Options,
    theme: &Theme,
    fonts: &Fonts,
    baseline: Option<&Baseline>,
    live: bool,
) -> LivePage {
    // The matrix is a page of its own; in a preview it has the live script, which
    // redraws its drawing in place like a map's.
    if options.view_of(journey) == View::Opportunities {
        let input = layout::matrix::matrix_input(journey);
        let laid_out = layout::layout_matrix(&input, fonts);
        return LivePage { page: matrix_page(&input, &laid_out, fonts, live), fonts: String::new() };
    }
    let page = options.page;
    // The view asked for first; where the map has a blueprint, the other view too, for
    // the page's view buttons.
    let shown = options.view_of(journey);
    let mut views = vec![shown];
    if journey.has_blueprint() {
        // The matrix is a page of its own, not one of the map's views.
        views.extend(View::ALL.iter().copied().filter(|&v| v != shown && v != View::Opportunities));
    }
    // Each view's layout is dropped once drawn: the page keeps its SVG, the hash of its
    // stylesheet and whether it has emoji, and the persona looks (the same in every view).
    let mut looks = None;
    let mut italic = String::new();
    let mut style_hashes: Vec<String> = Vec::new();
    let drawings: Vec<String> = views
        .iter()
        .map(|&view| {
            let layout = layout::layout_compared(
                journey,
                &layout::Options { no_header: true, view: Some(view), ..*options },
                theme,
                fonts,
                baseline,
            );
            italic.push_str(&italic_text(&layout));
            let h = hash(&super::svg::stylesheet(&layout));
            if !style_hashes.contains(&h) {
                style_hashes.push(h);
            }
            let svg = super::svg::render(&layout, page);
            if looks.is_none() {
                looks = Some(Looks { persona: layout.persona_looks, traveller: layout.traveller_looks });
            }
            svg
        })
        .collect();
    let looks = looks.unwrap_or_default();
    let lang = journey.lang;
    let mut css = page_css(page, &looks);
    if baseline.is_some() {
        css.push_str(BASELINE_CSS);
    }
    // The page's own stylesheet, with the fonts subset to the page's characters, is
    // known once the page is written: its place and its hash are filled in then.
    style_hashes.insert(0, STYLE_HASH.into());
    let csp = match live {
        true => live_policy(),
        false => format!(
            "default-src 'none'; style-src {}; script-src {}; font-src data:; img-src data:; base-uri 'none'; form-action 'none'",
            style_hashes.join(" "),
            hash(SCRIPT)
        ),
    };
    let mut w = Writer::default();
    w.raw("<!DOCTYPE html>\n");
    w.open("html", &[("lang", lang.code().into())]);
    w.raw("\n");
    w.open("head", &[]);
    w.empty("meta", &[("charset", "utf-8".into())]);
    w.empty("meta", &[("http-equiv", "Content-Security-Policy".into()), ("content", (&csp).into())]);
    w.empty("meta", &[("name", "viewport".into()), ("content", "width=device-width, initial-scale=1".into())]);
    w.raw("\n");
    w.text_element("title", &[], &journey.title.value);
    w.open("style", &[]);
    w.raw(FONTS_HERE);
    w.close("style");
    w.close("head");
    w.open("body", &[]);
    // Past the header and the persona buttons, to the map's steps.
    w.text_element("a", &[("class", "skip".into()), ("href", "#main".into())], Label::SkipToMap.text(lang));
    // The legend explains the curves of the journey view wherever the page has one.
    let legend_view = if views.contains(&View::Journey) { View::Journey } else { shown };
    header(&mut w, journey, (legend_view, baseline.is_some()), &views, &looks);
    w.open("main", &[("id", "main".into()), ("tabindex", "-1".into())]);
    w.open("div", &[("class", "stage".into())]);
    for (i, svg) in drawings.iter().enumerate() {
        let class = if i == 0 { "map" } else { "map off" };
        w.open("div", &[("class", class.into()), ("data-view", views[i].name().into())]);
        // The SVG is the renderer's own output: every user text in it is escaped.
        w.raw(svg);
        w.close("div");
    }
    w.open("div", &[("class", "zoom".into())]);
    for (zoom, label, sign) in [("out", Label::ZoomOut, "\u{2212}"), ("in", Label::ZoomIn, "+")] {
        w.text_element(
            "button",
            &[("type", "button".into()), ("data-zoom", zoom.into()), ("aria-label", label.text(lang).into())],
            sign,
        );
    }
    w.close("div");
    w.close("div");
    // The side panel on a wide screen, a drawer at the bottom on a phone (its bar).
    w.open("aside", &[("id", "panel".into()), ("aria-label", Label::StepDetails.text(lang).into())]);
    w.open("div", &[("class", "bar".into())]);
    w.text_element(
        "button",
        &[
            ("type", "button".into()),
            ("class", "handle".into()),
            ("aria-controls", "detail".into()),
            ("aria-expanded", "false".into()),
        ],
        Label::StepDetails.text(lang),
    );
    w.text_element(
        "button",
        &[("type", "button".into()), ("class", "close".into()), ("aria-label", Label::Close.text(lang).into())],
        "\u{00d7}",
    );
    w.close("div");
    w.open("div", &[("id", "detail".into()), ("aria-live", "polite".into())]);
    w.text_element("p", &[("class", "hint".into())], Label::DetailsHint.text(lang));
    w.close("div");
    w.close("aside");
    w.close("main");
    appendix::appendix(&mut w, journey);
    w.open("script", &[("type", "application/json".into()), ("id", "journey-data".into())]);
    w.raw(&data(journey, source, baseline));
    w.close("script");
    w.open("script", &[]);
    w.raw(SCRIPT);
    w.close("script");
    if live {
        w.open("script", &[("src", "/live.js".into())]);
        w.close("script");
    }
    w.close("body");
    w.close("html");
    let page = w.finish();
    // Placeholders come before any user text, and user text cannot contain them
    // (it is escaped): the first of each is the one.
    let (faces, family) = fonts::faces(fonts, &page, &italic, live);
    // A preview's fonts are a stylesheet of their own, linked by their hash before
    // `<style>` so that they load first; a standalone page holds them.
    let (page, inline, faces) = match live {
        true => {
            let digest = Sha256::digest(faces.as_bytes());
            let short: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
            let link = format!("<link rel=\"stylesheet\" href=\"/fonts.css?{short}\"><style>");
            (page.replacen("<style>", &link, 1), String::new(), faces)
        }
        false => (page, faces, String::new()),
    };
    let css = format!("{inline}{css}body,aside,header{{font-family:{family}}}\n");
    let page = page.replacen(STYLE_HASH, &hash(&css), 1).replacen(FONTS_HERE, &css, 1);
    LivePage { page, fonts: faces }
}

/// Where the page's stylesheet and its hash go, until they are known.
const FONTS_HERE: &str = "<!--journeymap:style-->";
const STYLE_HASH: &str = "'journeymap:style-hash'";

/// The text of a layout drawn in italic, for the italic face's subset.
fn italic_text(layout: &layout::Layout) -> String {
    let mut text = String::new();
    for item in &layout.items {
        let blocks: &[layout::TextBlock] = match item {
            layout::Item::Text(b) => std::slice::from_ref(b),
            layout::Item::Card(c) => &c.texts,
            _ => &[],
        };
        for block in blocks.iter().filter(|b| b.style == FontStyle::Italic) {
            for line in &block.lines {
                text.push_str(&line.text);
            }
        }
    }
    text
}

/// The persona styles the drawings use: the same in every view of one map.
#[derive(Default)]
struct Looks {
    persona: Vec<PersonaLook>,
    /// Each traveller's style, an index into `persona`.
    traveller: Vec<usize>,
}

fn header(w: &mut Writer, journey: &Journey, (view, baseline): (View, bool), views: &[View], looks: &Looks) {
    let lang = journey.lang;
    w.open("header", &[]);
    // The map's state beside its title, as the drawing's header shows it.
    match journey.state {
        Some(state) => {
            let class = format!("state state-{}", state.name());
            w.open("div", &[("class", "title".into())]);
            w.text_element("h1", &[], &journey.title.value);
            w.text_element("span", &[("class", (&class).into())], layout::state_label(state).text(lang));
            w.close("div");
        }
        None => w.text_element("h1", &[], &journey.title.value),
    }
    // The facts of the map's own header: goal and scope as a list of terms, the notes
    // after them.
    let facts = facts(journey);
    let (notes, terms): (Vec<_>, Vec<_>) = facts.into_iter().partition(|&(label, _)| label == Label::Notes);
    if !terms.is_empty() {
        w.open("dl", &[]);
        for (label, text) in terms {
            w.text_element("dt", &[], label.text(lang));
            w.text_element("dd", &[], text);
        }
        w.close("dl");
    }
    if !notes.is_empty() {
        w.open("ul", &[("class", "notes".into()), ("aria-label", Label::Notes.text(lang).into())]);
        for (_, text) in notes {
            w.text_element("li", &[], text);
        }
        w.close("ul");
    }
    if views.len() > 1 {
        w.open("div", &[("class", "views".into()), ("role", "group".into())]);
        for (i, v) in views.iter().enumerate() {
            let label = match v {
                View::Journey => Label::JourneyView,
                View::Blueprint => Label::BlueprintView,
                // Never among the page's views (above).
                View::Opportunities => Label::Impact,
            };
            w.text_element(
                "button",
                &[
                    ("type", "button".into()),
                    ("data-view", v.name().into()),
                    ("aria-pressed", if i == 0 { "true" } else { "false" }.into()),
                ],
                label.text(journey.lang),
            );
        }
        w.close("div");
    }
    w.open("div", &[("class", "legend".into())]);
    // The map's legend: a button for each persona's curve (a map without personas has
    // nothing to toggle: no button), then the marks of low and high points.
    let entries = legend_entries_compared(journey, view, baseline);
    let in_legend = entries.contains(&LegendEntry::Baseline);
    let personas: Vec<usize> = entries
        .iter()
        .filter_map(|&e| match e {
            LegendEntry::Persona(i) => Some(i),
            _ => None,
        })
        .collect();
    if !personas.is_empty() {
        w.open(
            "div",
            &[
                ("class", "personas".into()),
                ("role", "group".into()),
                ("aria-label", Label::Personas.text(lang).into()),
            ],
        );
        for i in personas {
            let Some(persona) = journey.personas.get(i) else { continue };
            let name = LegendEntry::Persona(i).text(journey);
            let style = looks.traveller.get(i).copied().unwrap_or(0);
            let class = format!("p{style}");
            w.open(
                "button",
                &[
                    ("type", "button".into()),
                    ("data-persona", (&persona.id).into()),
                    ("aria-pressed", "true".into()),
                    ("title", Label::ToggleCurve.text(lang).into()),
                    ("class", (&class).into()),
                ],
            );
            // The curve's look, not only its colour: dash and marker tell them apart
            // in grayscale and for colour-blind readers.
            w.open(
                "svg",
                &[
                    ("viewBox", "0 0 34 12".into()),
                    ("width", 34.0.into()),
                    ("height", 12.0.into()),
                    ("aria-hidden", "true".into()),
                ],
            );
            super::svg::swatch(w, 1.0, 6.0, 32.0, style, looks.persona[style].marker);
            w.close("svg");
            w.text(&name);
            w.close("button");
        }
        w.close("div");
    }
    // The mean and range of many personas' curves, and the marks of low and high
    // points, drawn with the map's own classes.
    for entry in entries {
        let class = match entry {
            LegendEntry::Mean | LegendEntry::Range => {
                let sample = if entry == LegendEntry::Mean { Sample::Mean } else { Sample::Range };
                w.open("span", &[("class", "mark".into())]);
                w.open(
                    "svg",
                    &[
                        ("viewBox", "0 0 34 12".into()),
                        ("width", 34.0.into()),
                        ("height", 12.0.into()),
                        ("aria-hidden", "true".into()),
                    ],
                );
                super::svg::summary_sample(w, 1.0, 6.0, 32.0, sample);
                w.close("svg");
                w.text(&entry.text(journey));
                w.close("span");
                continue;
            }
            // The baseline's entry is the button that shows or hides it.
            LegendEntry::Baseline => {
                baseline_button(w, journey, looks);
                continue;
            }
            LegendEntry::Low => "low-ring",
            LegendEntry::High => "high-ring",
            LegendEntry::Customer | LegendEntry::Persona(_) => continue,
        };
        w.open("span", &[("class", "mark".into())]);
        w.open(
            "svg",
            &[
                ("viewBox", "-10 -10 20 20".into()),
                ("width", 18.0.into()),
                ("height", 18.0.into()),
                ("aria-hidden", "true".into()),
            ],
        );
        w.empty("circle", &[("class", class.into()), ("r", 7.0.into())]);
        w.empty("circle", &[("class", "marker p0".into()), ("r", 3.5.into())]);
        w.close("svg");
        w.text(&entry.text(journey));
        w.close("span");
    }
    // A drawing without emotion curves (a blueprint, `lanes` without emotions) has no
    // legend entry for the baseline, but its new badges and gone steps still show.
    if baseline && !in_legend {
        baseline_button(w, journey, looks);
    }
    // Shows or hides the emotion notes under the curves; the script reveals it where
    // the drawing has any.
    w.text_element(
        "button",
        &[
            ("type", "button".into()),
            ("class", "notes-toggle".into()),
            ("aria-pressed", "true".into()),
            ("hidden", "".into()),
        ],
        Label::EmotionNotes.text(lang),
    );
    if journey.derived.evidence.is_some() {
        evidence_legend(w, journey);
    }
    w.close("div");
    w.close("header");
}

/// The evidence overlay's button, which the script reveals (without script there is no
/// overlay), and its legend, shown with it: how much of each step's statements cite a
/// source, as the tint of its column, and the mark of the steps said, not seen.
fn evidence_legend(w: &mut Writer, journey: &Journey) {
    let lang = journey.lang;
    w.text_element(
        "button",
        &[
            ("type", "button".into()),
            ("class", "evidence-toggle".into()),
            ("aria-pressed", "false".into()),
            ("aria-controls", "evidence-legend".into()),
            ("hidden", "".into()),
        ],
        Label::Evidence.text(lang),
    );
    w.open(
        "div",
        &[
            ("class", "evidence-legend".into()),
            ("id", "evidence-legend".into()),
            ("role", "group".into()),
            ("aria-label", Label::Evidence.text(lang).into()),
            ("hidden", "".into()),
        ],
    );
    for (level, range) in EVIDENCE_LEVELS.iter().enumerate() {
        w.open("span", &[("class", "mark".into())]);
        let class = format!("swatch e{level}");
        w.text_element("span", &[("class", (&class).into()), ("aria-hidden", "true".into())], "");
        w.text(range);
        w.close("span");
    }
    w.open("span", &[("class", "mark".into())]);
    w.text_element("span", &[("class", "swatch said".into()), ("aria-hidden", "true".into())], "");
    w.text(Label::SaidNotSeen.text(lang));
    w.close("span");
    w.close("div");
}

/// The overlay's levels: the share of a step's statements that cite a source.
const EVIDENCE_LEVELS: [&str; 4] = ["0\u{2009}%", "1\u{2013}49\u{2009}%", "50\u{2013}99\u{2009}%", "100\u{2009}%"];

/// A step's level on the overlay's scale ([`EVIDENCE_LEVELS`]).
fn evidence_level(coverage: crate::model::Coverage) -> usize {
    match coverage.percent() {
        None | Some(0) => 0,
        Some(p) if p < 50 => 1,
        Some(p) if p < 100 => 2,
        Some(_) => 3,
    }
}

/// A step's research, where the map has sources: the sources it cites, then its
/// evidence (statements cited of all, and whether it is said, not seen). The panel's
/// and the appendix's last sections.
pub(super) fn research_sections(journey: &Journey, at: StepRef, step: &Step) -> Vec<(Label, Vec<String>)> {
    let Some(evidence) = &journey.derived.evidence else { return Vec::new() };
    let mut sections = Vec::new();
    let cited = layout::step_source_lines(journey, step);
    if !cited.is_empty() {
        sections.push((Label::Sources, cited));
    }
    // Both lists are in journey order: found by halves, not by walking them per step.
    if let Ok(i) = evidence.steps.binary_search_by_key(&at, |&(s, _)| s) {
        let c = evidence.steps[i].1;
        let mut items = vec![format!("{}/{} ({}\u{2009}%)", c.cited, c.total, c.percent().unwrap_or(0))];
        if evidence.said_not_seen.binary_search(&at).is_ok() {
            items.push(Label::SaidNotSeen.text(journey.lang).to_string());
        }
        sections.push((Label::Evidence, items));
    }
    sections
}

/// The legend's entry of the baseline's curves: a button that shows or hides the
/// baseline (its curves, the "new" badges and the list of gone steps).
fn baseline_button(w: &mut Writer, journey: &Journey, looks: &Looks) {
    let lang = journey.lang;
    let style = looks.traveller.first().copied().unwrap_or(0);
    let Some(look) = looks.persona.get(style) else { return };
    w.open(
        "button",
        &[
            ("type", "button".into()),
            ("class", "baseline-toggle".into()),
            ("aria-pressed", "true".into()),
            ("title", Label::ToggleBaseline.text(lang).into()),
        ],
    );
    w.open(
        "svg",
        &[
            ("viewBox", "0 0 34 12".into()),
            ("width", 34.0.into()),
            ("height", 12.0.into()),
            ("aria-hidden", "true".into()),
        ],
    );
    super::svg::baseline_sample(w, 1.0, 6.0, 32.0, style, look.marker);
    w.close("svg");
    w.text(Label::Baseline.text(lang));
    w.close("button");
}

/// The stylesheet: the page's rules and the print page size (the fonts come before it).
fn page_css(page: Page, looks: &Looks) -> String {
    let mut css = String::new();
    css.push_str(STYLE);
    // Colours by class: a style attribute would need 'unsafe-inline' in the policy.
    for (i, style) in looks.persona.iter().enumerate() {
        css.push_str(&format!(".personas button.p{i}{{--c:{}}}\n", style.color));
    }
    // In dark mode each lane's cards keep their hue, darkened: a tint of the lane's
    // border colour on the page's dark background, the border lightened.
    css.push_str("@media screen and (prefers-color-scheme:dark){\n");
    for lane in crate::lanes::LANES.iter().filter(|l| l.content != crate::lanes::Content::Emotions) {
        let look = lane.look;
        css.push_str(&format!(
            ".map .{} .box{{fill:{};stroke:{}}}\n",
            look.class,
            mix(look.stroke, DARK_PAGE, 0.24),
            mix(look.stroke, "#ffffff", 0.3)
        ));
    }
    // A persona colour too dark to see on the dark page (black) is lightened.
    for (i, style) in looks.persona.iter().enumerate() {
        if luminance(&style.color) < 0.08 {
            let light = mix(&style.color, "#ffffff", 0.35);
            css.push_str(&format!(
                "svg .emotion-curve.p{i},svg .emotion-sample.p{i}{{stroke:{light}}}svg .marker.p{i}{{fill:{light}}}.personas button.p{i}{{--c:{light}}}\n"
            ));
        }
    }
    css.push_str("}\n");
    let (size, map_height) = if page == Page::A3 { ("A3", 230) } else { ("A4", 150) };
    // Printed, the map fits the page's width and what is left of its height under the
    // header, so that both are on page 1.
    css.push_str(&format!(
        "@page{{size:{size} landscape;margin:10mm}}\n@media print{{.map svg{{max-height:{map_height}mm}}}}\n"
    ));
    css
}

/// A page with a baseline: the button that shows or hides it, and what it hides. (Its
/// sample's colours are the drawing's stylesheet's, which holds the baseline's rules.)
const BASELINE_CSS: &str = "\
.baseline-toggle{padding:4px 10px;border:1px solid var(--muted);border-radius:14px;color:var(--strong)}
.baseline-toggle svg{vertical-align:middle;margin-right:6px}
.baseline-toggle[aria-pressed=false]{text-decoration:line-through;border-style:dashed;color:var(--muted)}
.baseline-toggle[aria-pressed=false] svg{visibility:hidden}
.baseline-off .map .baseline-curve,.baseline-off .map .baseline-point,.baseline-off .map .pill,.baseline-off .map .new-badge,.baseline-off .map .gone{display:none}
.picking .map path.baseline-curve.picked{stroke-width:2.5}
#detail .new{display:inline-block;margin:0 6px 0 0;padding:1px 6px;border-radius:4px;background:#276749;color:#ffffff;font-size:12px;font-weight:bold}
@media screen and (prefers-color-scheme:dark){.map svg .baseline-point .marker,.legend svg .baseline-point .marker{fill:var(--surface)}.map svg .baseline-curve,.legend svg .baseline-sample{stroke-opacity:.62}}
@media print{.baseline-toggle{border-width:1px;padding:1px 8px}}
@media (forced-colors:active){.map svg path.baseline-curve,.legend svg line.baseline-sample,svg .baseline-point .marker{stroke:CanvasText}.map svg rect.pill{fill:CanvasText}.map svg text.new-badge{fill:Canvas}}
";

/// The page's background in dark mode (`page.css` has the same).
const DARK_PAGE: &str = "#101820";

/// A `#rrggbb` colour's relative luminance (WCAG), 0 (black) to 1 (white).
fn luminance(hex: &str) -> f32 {
    let channel = |i: usize| {
        let c =
            hex.get(1 + 2 * i..3 + 2 * i).and_then(|c| u8::from_str_radix(c, 16).ok()).map_or(0.0, f32::from) / 255.0;
        if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
}

/// `a` mixed with `b`, `share` of `a`: two `#rrggbb` colours (black for anything else).
fn mix(a: &str, b: &str, share: f32) -> String {
    let rgb = |hex: &str| -> [f32; 3] {
        let channel = |i: usize| {
            hex.get(1 + 2 * i..3 + 2 * i).and_then(|c| u8::from_str_radix(c, 16).ok()).map_or(0.0, f32::from)
        };
        [channel(0), channel(1), channel(2)]
    };
    let (a, b) = (rgb(a), rgb(b));
    let c = |i: usize| (a[i] * share + b[i] * (1.0 - share)).round() as u8;
    format!("#{:02x}{:02x}{:02x}", c(0), c(1), c(2))
}

/// The exported document, each step's details as the panel lists them, and the page's
/// labels, as JSON that cannot end its `<script>`.
fn data(journey: &Journey, source: &str, baseline: Option<&Baseline>) -> String {
    let lang = journey.lang;
    let mut labels = serde_json::Map::new();
    for (key, label) in [("critical", Label::Critical), ("gap", Label::Gap), ("new", Label::New)] {
        labels.insert(key.to_string(), label.text(lang).into());
    }
    #[derive(serde::Serialize)]
    struct Section {
        title: &'static str,
        items: Vec<String>,
    }
    #[derive(serde::Serialize)]
    struct Panel<'a> {
        number: usize,
        /// What screen readers call its cards.
        name: String,
        phase: &'a str,
        action: &'a str,
        critical: bool,
        gap: bool,
        /// A step the baseline lacks (`render --baseline`).
        new: bool,
        sections: Vec<Section>,
    }
    let steps = journey
        .steps()
        .map(|(at, step)| Panel {
            number: step.number,
            name: appendix::step_name(step.number, &step.action.value),
            phase: &journey.phases[at.phase].name.value,
            action: &step.action.value,
            critical: step.critical,
            gap: crate::model::is_gap(journey, step),
            new: baseline.is_some_and(|b| b.is_new(at)),
            sections: crate::layout::step_details(journey, step)
                .into_iter()
                .map(|(lane, items)| Section { title: lane.label(lang), items })
                .chain(
                    research_sections(journey, at, step)
                        .into_iter()
                        .map(|(label, items)| Section { title: label.text(lang), items }),
                )
                .collect(),
        })
        .collect();
    // Serialised straight from the document: a `serde_json::Value` of a 10,000-step map
    // would hold the whole model again, several times over.
    /// Each step's level on the evidence overlay, and whether it is said, not seen.
    #[derive(serde::Serialize)]
    struct Evidence {
        number: usize,
        level: usize,
        said: bool,
    }
    let evidence = journey.derived.evidence.as_ref().map(|e| {
        e.steps
            .iter()
            .map(|&(at, c)| Evidence {
                number: journey.step(at).number,
                level: evidence_level(c),
                said: e.said_not_seen.binary_search(&at).is_ok(),
            })
            .collect::<Vec<_>>()
    });
    #[derive(serde::Serialize)]
    struct Data<'a> {
        document: crate::export::Document<'a>,
        steps: Vec<Panel<'a>>,
        labels: serde_json::Map<String, serde_json::Value>,
        #[serde(skip_serializing_if = "Option::is_none")]
        evidence: Option<Vec<Evidence>>,
    }
    let data = Data { document: crate::export::document(journey, source), steps, labels, evidence };
    // `<` never appears raw: no `</script>` or `<!--` can close or confuse the element.
    serde_json::to_string(&data).unwrap_or_else(|_| "{}".into()).replace('<', "\\u003c")
}

/// A CSP source for an inline element's exact text.
fn hash(text: &str) -> String {
    format!("'sha256-{}'", BASE64.encode(Sha256::digest(text.as_bytes())))
}

/// The impact/effort matrix as a page: its SVG inline, with the fonts it uses. Each
/// point's `<title>` is its tooltip; hovering or focusing a point or its legend entry
/// highlights both (a rule per rank, no script).
pub fn matrix_page(input: &layout::MatrixInput, laid_out: &layout::Layout, fonts: &Fonts, live: bool) -> String {
    let drawing = super::svg::render(laid_out, layout::Page::Auto);
    let text: String = std::iter::once(input.title.as_str())
        .chain(input.points.iter().flat_map(|p| [p.text.as_str(), p.phase.as_str()]))
        .chain(input.points.iter().filter_map(|p| p.step.as_deref()))
        .chain(input.unscored.iter().flat_map(|u| [u.text.as_str(), u.phase.as_str()]))
        .chain(input.unscored.iter().filter_map(|u| u.step.as_deref()))
        .chain(crate::layout::Quadrant::ALL.iter().map(|q| q.label().text(input.lang)))
        .chain([Label::Impact, Label::Effort, Label::Scored, Label::Unscored].map(|l| l.text(input.lang)))
        .chain(["0123456789+\u{2191}\u{2192}\u{2013}\u{00b7}"])
        .collect();
    let (faces, family) = fonts::faces(fonts, &text, "", false);
    let mut css = faces;
    css.push_str(&format!(
        "body{{margin:0;background:#ffffff;font-family:{family}}}\nmain{{max-width:100%;overflow:auto}}\nsvg{{display:block;max-width:100%;height:auto}}\n@media (max-width:720px){{svg{{max-width:none;width:auto}}}}\n.matrix-point{{cursor:default;outline:none}}\n"
    ));
    // A point and its legend entry light up together.
    let mut ranks: Vec<usize> = input.points.iter().map(|p| p.number).collect();
    ranks.sort_unstable();
    ranks.dedup();
    for n in ranks {
        css.push_str(&format!(
            "svg:has(.matrix-point[data-rank=\"{n}\"]:hover) .matrix-point[data-rank=\"{n}\"] .dot,svg:has(.matrix-point[data-rank=\"{n}\"]:focus) .matrix-point[data-rank=\"{n}\"] .dot{{fill:#c05621}}\n"
        ));
    }
    let mut page = String::new();
    page.push_str("<!DOCTYPE html>\n<html lang=\"");
    page.push_str(input.lang.code());
    page.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    // Standalone, the page allows its two stylesheets and nothing else; a preview's
    // policy comes with it from the server (`live_policy`).
    if !live {
        let policy = format!(
            "default-src 'none'; style-src {} {}; font-src data:; img-src data:; base-uri 'none'; form-action 'none'",
            hash(&css),
            hash(&super::svg::stylesheet(laid_out))
        );
        let mut meta = super::xml::Writer::default();
        meta.empty("meta", &[("http-equiv", "Content-Security-Policy".into()), ("content", (&policy).into())]);
        page.push_str(&meta.finish());
        page.push('\n');
    }
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    let mut title = super::xml::Writer::default();
    title.text(&input.title);
    page.push_str(&title.finish());
    page.push_str("</title>\n<style>");
    page.push_str(&css);
    page.push_str("</style>\n</head>\n<body>\n<main>\n");
    // A stage holding one drawing, as a map's page has: the preview's script changes it
    // node by node where the matrix changed.
    page.push_str("<div class=\"stage\"><div class=\"map\" data-view=\"opportunities\">");
    page.push_str(&drawing);
    page.push_str("</div></div>\n</main>\n");
    if live {
        page.push_str("<script src=\"/live.js\"></script>\n");
    }
    page.push_str("</body>\n</html>\n");
    page
}
