//! The interactive, self-contained HTML page: the map's SVG inline, the stylesheet, a
//! small script and the fonts embedded, nothing fetched from any network, and a
//! Content-Security-Policy that forbids it: inline style and script run only because
//! their hashes are listed.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha2::{Digest, Sha256};

use super::xml::Writer;
use crate::layout::header::{LegendEntry, facts, legend_entries};
use crate::layout::{self, Page, PersonaLook, Sample, Theme};
use crate::model::{Journey, Label, View};
use crate::text::{EMOJI_FONT_FILE, TEXT_FONT_FILES};

const SCRIPT: &str = include_str!("page.js");
const STYLE: &str = include_str!("page.css");

/// The page for `journey` laid out with `options` (without the header, which the page
/// shows itself) and `theme`, around its SVG; `source` is the map's text (for line
/// numbers in the embedded document). The size limits are [`super::render`]'s.
pub fn html(journey: &Journey, source: &str, options: &layout::Options, theme: &Theme) -> String {
    let page = options.page;
    // The view asked for first; where the map has a blueprint, the other view too, for
    // the page's view buttons.
    let shown = options.view_of(journey);
    let mut views = vec![shown];
    if journey.has_blueprint() {
        views.extend(View::ALL.iter().copied().filter(|&v| v != shown));
    }
    // Each view's layout is dropped once drawn: the page keeps its SVG, the hash of its
    // stylesheet and whether it has emoji, and the persona looks (the same in every view).
    let mut looks = None;
    let mut emoji = false;
    let mut style_hashes: Vec<String> = Vec::new();
    let drawings: Vec<String> = views
        .iter()
        .map(|&view| {
            let layout = layout::layout_themed(
                journey,
                &layout::Options { no_header: true, view: Some(view), ..*options },
                theme,
            );
            emoji |= super::svg::has_emoji(&layout);
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
    let css = page_css(page, emoji, &looks);
    style_hashes.insert(0, hash(&css));
    let csp = format!(
        "default-src 'none'; style-src {}; script-src {}; font-src data:; img-src data:; base-uri 'none'; form-action 'none'",
        style_hashes.join(" "),
        hash(SCRIPT)
    );
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
    w.raw(&css);
    w.close("style");
    w.close("head");
    w.open("body", &[]);
    // The legend explains the curves of the journey view wherever the page has one.
    let legend_view = if views.contains(&View::Journey) { View::Journey } else { shown };
    header(&mut w, journey, legend_view, &views, &looks);
    w.open("main", &[]);
    for (i, svg) in drawings.iter().enumerate() {
        let class = if i == 0 { "map" } else { "map off" };
        w.open("div", &[("class", class.into()), ("data-view", views[i].name().into())]);
        // The SVG is the renderer's own output: every user text in it is escaped.
        w.raw(svg);
        w.close("div");
    }
    w.open("aside", &[("id", "detail".into()), ("aria-live", "polite".into())]);
    w.text_element("p", &[("class", "hint".into())], Label::DetailsHint.text(lang));
    w.close("aside");
    w.close("main");
    w.open("script", &[("type", "application/json".into()), ("id", "journey-data".into())]);
    w.raw(&data(journey, source));
    w.close("script");
    w.open("script", &[]);
    w.raw(SCRIPT);
    w.close("script");
    w.close("body");
    w.close("html");
    w.finish()
}

/// The persona styles the drawings use: the same in every view of one map.
#[derive(Default)]
struct Looks {
    persona: Vec<PersonaLook>,
    /// Each traveller's style, an index into `persona`.
    traveller: Vec<usize>,
}

fn header(w: &mut Writer, journey: &Journey, view: View, views: &[View], looks: &Looks) {
    let lang = journey.lang;
    w.open("header", &[]);
    w.text_element("h1", &[], &journey.title.value);
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
    let entries = legend_entries(journey, view);
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
    w.close("div");
    w.close("header");
}

/// The stylesheet: the embedded fonts, the page's rules, and the print page size.
/// The emoji font (1.4 MB) only when the map has emoji.
fn page_css(page: Page, emoji: bool, looks: &Looks) -> String {
    let mut css = String::new();
    let faces = [("normal", "normal"), ("bold", "normal"), ("normal", "italic")];
    for (data, (weight, style)) in TEXT_FONT_FILES.iter().zip(faces) {
        css.push_str(&format!(
            "@font-face{{font-family:'Liberation Sans';font-weight:{weight};font-style:{style};src:url(data:font/ttf;base64,{})}}\n",
            BASE64.encode(data)
        ));
    }
    if emoji {
        css.push_str(&format!(
            "@font-face{{font-family:'Twemoji Mozilla';src:url(data:font/ttf;base64,{})}}\n",
            BASE64.encode(EMOJI_FONT_FILE)
        ));
    }
    css.push_str(STYLE);
    // Colours by class: a style attribute would need 'unsafe-inline' in the policy.
    for (i, style) in looks.persona.iter().enumerate() {
        css.push_str(&format!(".personas button.p{i}{{--c:{}}}\n", style.color));
    }
    let size = if page == Page::A3 { "A3" } else { "A4" };
    css.push_str(&format!("@page{{size:{size} landscape;margin:10mm}}\n"));
    css
}

/// The exported document, each step's details as the panel lists them, and the page's
/// labels, as JSON that cannot end its `<script>`.
fn data(journey: &Journey, source: &str) -> String {
    let lang = journey.lang;
    let mut labels = serde_json::Map::new();
    for (key, label) in [("critical", Label::Critical), ("gap", Label::Gap)] {
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
        phase: &'a str,
        action: &'a str,
        critical: bool,
        gap: bool,
        sections: Vec<Section>,
    }
    let steps = journey
        .steps()
        .map(|(at, step)| Panel {
            number: step.number,
            phase: &journey.phases[at.phase].name.value,
            action: &step.action.value,
            critical: step.critical,
            gap: crate::model::is_gap(journey, step),
            sections: crate::layout::step_details(journey, step)
                .into_iter()
                .map(|(lane, items)| Section { title: lane.label(lang), items })
                .collect(),
        })
        .collect();
    // Serialised straight from the document: a `serde_json::Value` of a 10,000-step map
    // would hold the whole model again, several times over.
    #[derive(serde::Serialize)]
    struct Data<'a> {
        document: crate::export::Document<'a>,
        steps: Vec<Panel<'a>>,
        labels: serde_json::Map<String, serde_json::Value>,
    }
    let data = Data { document: crate::export::document(journey, source), steps, labels };
    // `<` never appears raw: no `</script>` or `<!--` can close or confuse the element.
    serde_json::to_string(&data).unwrap_or_else(|_| "{}".into()).replace('<', "\\u003c")
}

/// A CSP source for an inline element's exact text.
fn hash(text: &str) -> String {
    format!("'sha256-{}'", BASE64.encode(Sha256::digest(text.as_bytes())))
}
