//! Layout → SVG: one `<style>` block, real `<text>` (selectable, searchable), a
//! `<title>` on every card with its whole text, no scripts and nothing loaded from the
//! network. Deterministic: the same layout gives the same bytes.
//!
//! The svg crate sorts attributes by name when it writes, and escapes `&`, `<` and `>`
//! in text and attribute values. It does not escape quotes in attribute values, so no
//! user text is ever put in an attribute: it goes into text nodes only.

use std::collections::BTreeSet;
use std::fmt::Write;

use svg::Document;
use svg::node::Text as TextNode;
use svg::node::element::{Circle, Description, Element, Group, Line, Path, Rectangle, Style, Text, Title};

use crate::layout::{Anchor, Card, Curve, Item, Layout, Marker, MarkerShape, PERSONA_STYLES, Page, Segment, TextBlock};
use crate::text::{FAMILY, FontStyle};

/// Renders a layout as a standalone SVG document.
pub fn render(layout: &Layout, page: Page) -> String {
    let (width, height) = match page.size_mm() {
        // Printed: as wide as the page; the height follows the drawing's proportions.
        Some((w, _)) => (format!("{}mm", num(w)), format!("{}mm", num(w * layout.height / layout.width))),
        None => (num(layout.width), num(layout.height)),
    };
    let mut doc = Document::new()
        .set("viewBox", format!("0 0 {} {}", num(layout.width), num(layout.height)))
        .set("width", width)
        .set("height", height)
        .set("role", "img")
        .set("aria-labelledby", "map-title map-desc")
        .add(Title::new(layout.title.as_str()).set("id", "map-title"))
        .add(Description::new().set("id", "map-desc").add(TextNode::new(layout.description.as_str())))
        .add(Style::new(stylesheet(layout)))
        .add(Rectangle::new().set("class", "page").set("width", num(layout.width)).set("height", num(layout.height)));
    for item in &layout.items {
        doc = doc.add(item_node(item));
    }
    let mut out = doc.to_string();
    out.push('\n');
    out
}

fn item_node(item: &Item) -> Element {
    match item {
        Item::Rect { rect, class } => rect_node(rect, class).into(),
        Item::Card(card) => card_node(card).into(),
        Item::Text(block) => text_group(block).into(),
        Item::Segment(s) => segment_node(s).into(),
        Item::Curve(curve) => curve_node(curve).into(),
        Item::Marker(marker) => marker_node(marker).into(),
        Item::LegendSwatch { x, y, width, style, shape } => {
            let line = Line::new()
                .set("class", format!("emotion-sample p{style}"))
                .set("x1", num(*x))
                .set("y1", num(*y))
                .set("x2", num(x + width))
                .set("y2", num(*y));
            Group::new().add(line).add(shape_node(*shape, x + width / 2.0, *y, *style)).into()
        }
    }
}

fn rect_node(rect: &crate::layout::Rect, class: &str) -> Rectangle {
    Rectangle::new()
        .set("class", class)
        .set("x", num(rect.x))
        .set("y", num(rect.y))
        .set("width", num(rect.width))
        .set("height", num(rect.height))
}

fn card_node(card: &Card) -> Group {
    let mut group = Group::new()
        .set("class", format!("card {}", card.class))
        .add(Title::new(card.title.as_str()))
        .add(rect_node(&card.rect, "box").set("rx", 4));
    for block in &card.texts {
        for text in text_nodes(block) {
            group = group.add(text);
        }
    }
    group
}

fn text_group(block: &TextBlock) -> Group {
    text_nodes(block).into_iter().fold(Group::new(), Group::add)
}

/// One `<text>` per line: every line has its own measured position.
fn text_nodes(block: &TextBlock) -> Vec<Text> {
    let mut classes = vec![block.class.to_string(), size_class(block.size)];
    match block.style {
        FontStyle::Bold => classes.push("b".into()),
        FontStyle::Italic => classes.push("i".into()),
        FontStyle::Regular => {}
    }
    match block.anchor {
        Anchor::Start => {}
        Anchor::Middle => classes.push("mid".into()),
        Anchor::End => classes.push("end".into()),
    }
    let class = classes.join(" ");
    block
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            Text::new(line.text.as_str())
                .set("class", class.as_str())
                .set("x", num(block.x))
                .set("y", num(block.y + i as f32 * block.line_height))
        })
        .collect()
}

fn segment_node(s: &Segment) -> Line {
    Line::new()
        .set("class", s.class)
        .set("x1", num(s.x1))
        .set("y1", num(s.y1))
        .set("x2", num(s.x2))
        .set("y2", num(s.y2))
}

fn curve_node(curve: &Curve) -> Path {
    let mut d = String::new();
    let mut pen_down = false;
    for point in &curve.points {
        match point {
            Some((x, y)) => {
                let _ = write!(d, "{}{} {} ", if pen_down { "L" } else { "M" }, num(*x), num(*y));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    Path::new()
        .set("class", format!("emotion-curve p{}", curve.style))
        .set("data-persona", curve.persona.as_deref().unwrap_or("customer"))
        .set("d", d.trim_end())
}

fn marker_node(m: &Marker) -> Group {
    let mut group = Group::new().set("class", "emotion-point").add(Title::new(m.title.as_str()));
    if let Some(high) = m.extreme {
        let ring = Circle::new()
            .set("class", if high { "high-ring" } else { "low-ring" })
            .set("cx", num(m.x))
            .set("cy", num(m.y))
            .set("r", 8.5);
        group = group.add(ring);
    }
    group.add(shape_node(m.shape, m.x, m.y, m.style))
}

fn shape_node(shape: MarkerShape, x: f32, y: f32, style: usize) -> Element {
    let class = format!("marker p{style}");
    let polygon = |points: &[(f32, f32)]| -> Element {
        let pts: Vec<String> = points.iter().map(|(dx, dy)| format!("{},{}", num(x + dx), num(y + dy))).collect();
        svg::node::element::Polygon::new().set("class", class.as_str()).set("points", pts.join(" ")).into()
    };
    match shape {
        MarkerShape::Circle => {
            Circle::new().set("class", class.as_str()).set("cx", num(x)).set("cy", num(y)).set("r", 4).into()
        }
        MarkerShape::Square => polygon(&[(-3.6, -3.6), (3.6, -3.6), (3.6, 3.6), (-3.6, 3.6)]),
        MarkerShape::Triangle => polygon(&[(0.0, -4.8), (4.4, 3.4), (-4.4, 3.4)]),
        MarkerShape::Diamond => polygon(&[(0.0, -5.0), (5.0, 0.0), (0.0, 5.0), (-5.0, 0.0)]),
    }
}

fn size_class(size: f32) -> String {
    format!("fs{}", num(size).replace('.', "_"))
}

/// The stylesheet: fixed rules, one class per font size used, one per persona style.
fn stylesheet(layout: &Layout) -> String {
    let mut sizes = BTreeSet::new();
    for item in &layout.items {
        let blocks: Vec<&TextBlock> = match item {
            Item::Text(b) => vec![b],
            Item::Card(c) => c.texts.iter().collect(),
            _ => Vec::new(),
        };
        for b in blocks {
            sizes.insert(num(b.size));
        }
    }
    let mut css = format!("\ntext{{font-family:{FAMILY};fill:#1f2933;white-space:pre}}\n");
    css.push_str(STYLES);
    for size in sizes {
        let _ = writeln!(css, ".fs{}{{font-size:{size}px}}", size.replace('.', "_"));
    }
    for (i, s) in PERSONA_STYLES.iter().enumerate() {
        let dash = s.dash.map_or(String::new(), |d| format!(";stroke-dasharray:{d}"));
        let _ = writeln!(css, ".emotion-curve.p{i},.emotion-sample.p{i}{{stroke:{}{dash}}}", s.color);
        let _ = writeln!(css, ".marker.p{i}{{fill:{}}}", s.color);
    }
    css
}

const STYLES: &str = "\
.b{font-weight:bold}.i{font-style:italic}.mid{text-anchor:middle}.end{text-anchor:end}
.page{fill:#ffffff}
.title{fill:#102a43}.label{fill:#334e68}.legend-text,.header-text{fill:#243b53}
.lane-even{fill:#f5f7fa}.lane-odd{fill:#ffffff}
.lane-name{fill:#243b53}
.card .box{fill:#ffffff;stroke:#9fb3c8;stroke-width:1}
.phase-0 .box{fill:#243b53;stroke:none}.phase-1 .box{fill:#486581;stroke:none}.phase-name{fill:#ffffff}
.action .box{stroke:#627d98}.critical .box{stroke:#c05621;stroke-width:2.5}.badge{fill:#c05621}
.touchpoint .box{fill:#e6f0fa;stroke:#4a7fb5}.touchpoint.offline .box{fill:#f3eee3;stroke:#8d7650}
.touchpoint.external .box{fill:#f2f2f2;stroke:#7b8794;stroke-dasharray:4 3}.touchpoint-who{fill:#334e68}
.gap-column{fill:#fff1f1;stroke:#e8a3a3;stroke-dasharray:6 4}
.gap-note .box{fill:#fde2e2;stroke:#c53030;stroke-dasharray:4 3}.gap-text{fill:#9b1c1c}
.thought .box{fill:#f0f4f8;stroke:#bcccdc}.quote .box{fill:#fffbea;stroke:#e9b949}
.pain .box{fill:#ffe8e8;stroke:#d64545}.delight .box{fill:#e3f9e5;stroke:#3f9142}
.need .box{fill:#f0ebfa;stroke:#8662c7}.need-kind{fill:#5b3f99}
.opportunity .box{fill:#fff3c4;stroke:#cb8e00}.kpi .box{fill:#e0f7fa;stroke:#0e7c86}.kpi-value{fill:#0b5e66}
.note .box{fill:#f7f7f7;stroke:#b0b0b0}
.card.lane-label .box{fill:none;stroke:none}
.grid{stroke:#d9e2ec;stroke-width:1}.neutral{stroke:#829ab1;stroke-width:1.5}.tick{fill:#627d98}
.emotion-curve,.emotion-sample{fill:none;stroke-width:2.5;stroke-linejoin:round;stroke-linecap:round}
.marker{stroke:#ffffff;stroke-width:1}
.low-ring{fill:none;stroke:#c53030;stroke-width:2}.high-ring{fill:none;stroke:#2f855a;stroke-width:2;stroke-dasharray:3 2}
";

/// A number as SVG writes it: at most two decimals, no trailing zeros, no `-0`.
fn num(v: f32) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let s = format!("{rounded:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".to_string() } else { s.to_string() }
}
