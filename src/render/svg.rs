//! Layout → SVG: one `<style>` block, real `<text>` (selectable, searchable), a
//! `<title>` on every card with its whole text, no scripts and nothing loaded from the
//! network. Deterministic: the same layout gives the same bytes.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::xml::{Value, Writer, num, push_num};
use crate::lanes::{LaneKind, Zone};
use crate::layout::{
    Anchor, Band, Card, CardRole, Curve, CurveRole, Dot, Item, Layout, LineRole, Marker, MarkerShape, Note, Page,
    Quadrant, Rect, RectRole, Sample, Segment, TextBlock, TextRole,
};
use crate::model::ChannelMode;
use crate::text::{EMOJI_FAMILY, FontStyle, RunFont};

/// Renders a layout as a standalone SVG document.
pub fn render(layout: &Layout, page: Page) -> String {
    render_window(layout, page, f32::NEG_INFINITY, f32::INFINITY)
}

/// The whole drawing's document, holding only the items that reach between `top` and
/// `bottom`: a PDF page draws its window, not the whole map clipped, which made PDF time
/// and size grow with the square of the map.
pub fn render_window(layout: &Layout, page: Page, top: f32, bottom: f32) -> String {
    let (width, height) = match page.size_mm() {
        // Printed: as wide as the page; the height follows the drawing's proportions.
        Some((w, _)) => (format!("{}mm", num(w)), format!("{}mm", num(w * layout.height / layout.width))),
        None => (num(layout.width), num(layout.height)),
    };
    let view_box = format!("0 0 {} {}", num(layout.width), num(layout.height));
    // Ids by view: a page that holds both drawings holds each id once.
    let stem = match layout.view {
        crate::lanes::View::Journey => "map",
        crate::lanes::View::Blueprint => "blueprint",
        crate::lanes::View::Opportunities => "opportunities",
    };
    let (title_id, desc_id) = (format!("{stem}-title"), format!("{stem}-desc"));
    let labelled_by = format!("{title_id} {desc_id}");
    let mut w = Writer::default();
    w.open(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg".into()),
            ("viewBox", (&view_box).into()),
            ("width", (&width).into()),
            ("height", (&height).into()),
            ("role", "img".into()),
            ("aria-labelledby", (&labelled_by).into()),
        ],
    );
    w.raw("\n");
    w.text_element("title", &[("id", (&title_id).into())], &layout.title);
    w.text_element("desc", &[("id", (&desc_id).into())], &layout.description);
    w.open("style", &[]);
    w.raw(&stylesheet(layout));
    w.close("style");
    w.empty("rect", &[("class", "page".into()), ("width", layout.width.into()), ("height", layout.height.into())]);
    w.raw("\n");
    for item in &layout.items {
        let (item_top, item_bottom) = item.vertical_extent();
        if item_bottom >= top && item_top <= bottom {
            item_node(&mut w, item);
        }
    }
    w.close("svg");
    w.finish()
}

fn item_node(w: &mut Writer, item: &Item) {
    match item {
        Item::Rect { rect, role } => {
            rect_node(w, rect, rect_class(*role), None);
            w.raw("\n");
        }
        Item::Card(card) => card_node(w, card),
        Item::Text(block) => text_nodes(w, block),
        Item::Segment(s) => segment_node(w, s),
        Item::Curve(curve) => curve_node(w, curve),
        Item::Band(band) => band_node(w, band),
        Item::Marker(marker) => marker_node(w, marker),
        Item::Notes(notes) => {
            w.open("g", &[("class", "emotion-notes".into())]);
            for note in notes {
                note_node(w, note);
            }
            w.close("g");
        }
        Item::Dot(dot) => dot_node(w, dot),
        Item::LegendSwatch { x, y, width, sample, persona } => {
            let mut attrs: Vec<(&str, Value<'_>)> = vec![("class", "legend-entry".into())];
            if let Some(p) = persona {
                attrs.push(("data-persona", p.into()));
            }
            w.open("g", &attrs);
            summary_sample(w, *x, *y, *width, *sample);
            w.close("g");
        }
    }
}

/// A sample of a persona's curve: its line (colour and dash) with its marker.
pub(crate) fn swatch(w: &mut Writer, x: f32, y: f32, width: f32, style: usize, shape: MarkerShape) {
    sample_line(w, x, y, width, style, shape, false);
}

/// A legend's sample of a curve's look.
pub(crate) fn summary_sample(w: &mut Writer, x: f32, y: f32, width: f32, sample: Sample) {
    match sample {
        Sample::Persona { style, shape, thin } => sample_line(w, x, y, width, style, shape, thin),
        Sample::Mean => w.empty(
            "line",
            &[
                ("class", "curve-mean".into()),
                ("x1", x.into()),
                ("y1", y.into()),
                ("x2", (x + width).into()),
                ("y2", y.into()),
            ],
        ),
        Sample::Range => rect_node(w, &Rect::new(x, y - 5.0, width, 10.0), "curve-band", Some(2.0)),
        Sample::Baseline { style, shape } => baseline_sample(w, x, y, width, style, shape),
    }
}

/// A sample of a baseline's curve: the faint line, and the hollow marker of its points.
pub(crate) fn baseline_sample(w: &mut Writer, x: f32, y: f32, width: f32, style: usize, shape: MarkerShape) {
    let class = format!("baseline-sample p{style}");
    w.empty(
        "line",
        &[("class", (&class).into()), ("x1", x.into()), ("y1", y.into()), ("x2", (x + width).into()), ("y2", y.into())],
    );
    w.open("g", &[("class", "baseline-point".into())]);
    shape_node(w, shape, x + width / 2.0, y, style);
    w.close("g");
}

fn sample_line(w: &mut Writer, x: f32, y: f32, width: f32, style: usize, shape: MarkerShape, thin: bool) {
    let class = match thin {
        true => format!("emotion-sample thin p{style}"),
        false => format!("emotion-sample p{style}"),
    };
    w.empty(
        "line",
        &[("class", (&class).into()), ("x1", x.into()), ("y1", y.into()), ("x2", (x + width).into()), ("y2", y.into())],
    );
    shape_node(w, shape, x + width / 2.0, y, style);
}

/// A persona's reason for a score: a box, the persona's marker, the text. Each note
/// names its persona and step, so that the HTML page can hide or highlight it.
fn note_node(w: &mut Writer, note: &Note) {
    let step = note.step.to_string();
    let persona = note.persona.as_deref().unwrap_or("customer");
    w.open("g", &[("class", "emotion-note".into()), ("data-persona", persona.into()), ("data-step", (&step).into())]);
    rect_node(w, &note.rect, "note-box", Some(3.0));
    shape_node(w, note.shape, note.glyph.0, note.glyph.1, note.style);
    text_nodes(w, &note.text);
    w.close("g");
}

/// The band of the lowest to highest scores: one closed outline per run of steps,
/// along the highest scores and back along the lowest.
fn band_node(w: &mut Writer, band: &Band) {
    let mut d = String::new();
    for piece in &band.pieces {
        let outline =
            piece.iter().map(|&(x, top, _)| (x, top)).chain(piece.iter().rev().map(|&(x, _, bottom)| (x, bottom)));
        for (i, (x, y)) in outline.enumerate() {
            if !d.is_empty() {
                d.push(' ');
            }
            d.push(if i == 0 { 'M' } else { 'L' });
            push_num(&mut d, x);
            d.push(' ');
            push_num(&mut d, y);
        }
        d.push_str(" Z");
    }
    w.open("g", &[]);
    w.empty("path", &[("class", "curve-band".into()), ("d", (&d).into())]);
    w.close("g");
}

fn rect_node(w: &mut Writer, rect: &Rect, class: &str, rx: Option<f32>) {
    let mut attrs: Vec<(&str, Value<'_>)> = vec![
        ("class", class.into()),
        ("x", rect.x.into()),
        ("y", rect.y.into()),
        ("width", rect.width.into()),
        ("height", rect.height.into()),
    ];
    if let Some(rx) = rx {
        attrs.push(("rx", rx.into()));
    }
    w.empty("rect", &attrs);
}

fn card_node(w: &mut Writer, card: &Card) {
    let class = format!("card {}", card_class(card.role));
    let step = card.step.map(|n| n.to_string());
    match &step {
        // A step's action card can take the keyboard focus; every card of a step names
        // it, for the interactive HTML page.
        Some(n) if card.role.is_action() => {
            w.open("g", &[("class", (&class).into()), ("data-step", n.into()), ("tabindex", "0".into())])
        }
        Some(n) => w.open("g", &[("class", (&class).into()), ("data-step", n.into())]),
        None => w.open("g", &[("class", (&class).into())]),
    }
    w.text_element("title", &[], &card.title);
    // The state's pill is round at its ends.
    let rx = match card.role {
        CardRole::State { .. } => card.rect.height / 2.0,
        CardRole::Cite => 2.0,
        _ => 4.0,
    };
    rect_node(w, &card.rect, "box", Some(rx));
    for pill in &card.pills {
        rect_node(w, pill, "pill", Some(pill.height / 2.0));
    }
    for block in &card.texts {
        text_nodes(w, block);
    }
    w.close("g");
}

/// How far an emoji run is moved right, in em: half the room measured (1.25 em) beyond
/// what the embedded emoji font draws (1 em).
const EMOJI_INSET: f32 = 0.125;

/// One `<text>` per line: every line has its own measured position.
fn text_nodes(w: &mut Writer, block: &TextBlock) {
    let mut class = format!("{} fs{}", text_class(block.role), num(block.size).replace('.', "_"));
    match block.style {
        FontStyle::Bold => class.push_str(" b"),
        FontStyle::Italic => class.push_str(" i"),
        FontStyle::Regular => {}
    }
    let start_class = class.clone();
    match block.anchor {
        Anchor::Start => {}
        Anchor::Middle => class.push_str(" mid"),
        Anchor::End => class.push_str(" end"),
    }
    for (i, line) in block.lines.iter().enumerate() {
        let y = block.y + i as f32 * block.line_height;
        if line.runs.is_empty() {
            w.text_element("text", &[("class", (&class).into()), ("x", block.x.into()), ("y", y.into())], &line.text);
            continue;
        }
        // Runs in different fonts or directions: each its own `<text>`, placed where
        // the layout measured it, anchored at its start.
        let left = block.left_of(line);
        for run in &line.runs {
            let text = &line.text[run.start..run.end];
            let (class, inset) = match run.font {
                RunFont::Family(0) => (start_class.clone(), 0.0),
                RunFont::Family(i) => (format!("{start_class} ff{i}"), 0.0),
                // Emoji are measured wide enough for any system's emoji font: centre the
                // embedded one (1 em) in that room.
                RunFont::Emoji => (format!("{start_class} emoji"), EMOJI_INSET * block.size),
            };
            let x = left + run.x + inset;
            w.text_element("text", &[("class", (&class).into()), ("x", x.into()), ("y", y.into())], text);
        }
    }
}

/// Lines and curves sit in a group of their own: a horizontal line (or a flat curve)
/// has a bounding box of zero height, and resvg draws a node on its own (as the PNG
/// renderer does, strip by strip) only through a group, whose box includes the stroke.
fn segment_node(w: &mut Writer, s: &Segment) {
    w.open("g", &[]);
    w.empty(
        "line",
        &[
            ("class", line_class(s.role).into()),
            ("x1", s.x1.into()),
            ("y1", s.y1.into()),
            ("x2", s.x2.into()),
            ("y2", s.y2.into()),
        ],
    );
    w.close("g");
}

fn curve_node(w: &mut Writer, curve: &Curve) {
    let mut d = String::new();
    let mut pen_down = false;
    for point in &curve.points {
        match point {
            Some((x, y)) => {
                if !d.is_empty() {
                    d.push(' ');
                }
                d.push(if pen_down { 'L' } else { 'M' });
                push_num(&mut d, *x);
                d.push(' ');
                push_num(&mut d, *y);
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    w.open("g", &[]);
    match curve.role {
        CurveRole::Persona { thin } => {
            let class = match thin {
                true => format!("emotion-curve thin p{}", curve.style),
                false => format!("emotion-curve p{}", curve.style),
            };
            let persona = curve.persona.as_deref().unwrap_or("customer");
            w.empty("path", &[("class", (&class).into()), ("data-persona", persona.into()), ("d", (&d).into())]);
        }
        CurveRole::Mean => w.empty("path", &[("class", "curve-mean".into()), ("d", (&d).into())]),
        CurveRole::Baseline { thin } => {
            let class = match thin {
                true => format!("baseline-curve thin p{}", curve.style),
                false => format!("baseline-curve p{}", curve.style),
            };
            let persona = curve.persona.as_deref().unwrap_or("customer");
            w.empty("path", &[("class", (&class).into()), ("data-persona", persona.into()), ("d", (&d).into())]);
        }
    }
    w.close("g");
}

fn marker_node(w: &mut Writer, m: &Marker) {
    let step = m.step.map(|n| n.to_string());
    let class = if m.baseline { "baseline-point" } else { "emotion-point" };
    let mut attrs: Vec<(&str, Value<'_>)> = vec![("class", class.into())];
    if let Some(p) = &m.persona {
        attrs.push(("data-persona", p.into()));
    }
    if let Some(n) = &step {
        attrs.push(("data-step", n.into()));
    }
    w.open("g", &attrs);
    w.text_element("title", &[], &m.title);
    if let Some(high) = m.extreme {
        let class = if high { "high-ring" } else { "low-ring" };
        w.empty("circle", &[("class", class.into()), ("cx", m.x.into()), ("cy", m.y.into()), ("r", 8.5.into())]);
    }
    shape_node(w, m.shape, m.x, m.y, m.style);
    w.close("g");
}

fn shape_node(w: &mut Writer, shape: MarkerShape, x: f32, y: f32, style: usize) {
    let class = format!("marker p{style}");
    let offsets: &[(f32, f32)] = match shape {
        MarkerShape::Circle => {
            w.empty("circle", &[("class", (&class).into()), ("cx", x.into()), ("cy", y.into()), ("r", 4.0.into())]);
            return;
        }
        MarkerShape::Square => &[(-3.6, -3.6), (3.6, -3.6), (3.6, 3.6), (-3.6, 3.6)],
        MarkerShape::Triangle => &[(0.0, -4.8), (4.4, 3.4), (-4.4, 3.4)],
        MarkerShape::Diamond => &[(0.0, -5.0), (5.0, 0.0), (0.0, 5.0), (-5.0, 0.0)],
        MarkerShape::TriangleDown => &[(0.0, 4.8), (-4.4, -3.4), (4.4, -3.4)],
        MarkerShape::Cross => &[
            (2.6, -5.0),
            (5.0, -2.6),
            (2.4, 0.0),
            (5.0, 2.6),
            (2.6, 5.0),
            (0.0, 2.4),
            (-2.6, 5.0),
            (-5.0, 2.6),
            (-2.4, 0.0),
            (-5.0, -2.6),
            (-2.6, -5.0),
            (0.0, -2.4),
        ],
    };
    let mut points = String::new();
    for (i, (dx, dy)) in offsets.iter().enumerate() {
        if i > 0 {
            points.push(' ');
        }
        push_num(&mut points, x + dx);
        points.push(',');
        push_num(&mut points, y + dy);
    }
    w.empty("polygon", &[("class", (&class).into()), ("points", (&points).into())]);
}

/// A numbered point of the impact/effort matrix: its tooltip, circle and number. The
/// chart's points take the keyboard focus, and both name their rank for the HTML page.
fn dot_node(w: &mut Writer, dot: &Dot) {
    let number = dot.number.to_string();
    let class = if dot.legend { "matrix-point legend" } else { "matrix-point" };
    let mut attrs: Vec<(&str, Value<'_>)> = vec![("class", class.into()), ("data-rank", (&number).into())];
    if !dot.legend {
        attrs.push(("tabindex", "0".into()));
    }
    w.open("g", &attrs);
    w.text_element("title", &[], &dot.title);
    w.empty("circle", &[("class", "dot".into()), ("cx", dot.cx.into()), ("cy", dot.cy.into()), ("r", dot.r.into())]);
    text_nodes(w, &dot.text);
    w.close("g");
}

/// The classes of a card's group: what it is, for the stylesheet and the page's script.
fn card_class(role: CardRole) -> String {
    let flag = |on: bool, class: &str| if on { format!(" {class}") } else { String::new() };
    match role {
        CardRole::Phase { odd } => format!("phase phase-{}", u8::from(odd)),
        CardRole::LaneLabel => "lane-label".into(),
        CardRole::Action { critical, fail_point, handoff, unmet_need } => format!(
            "{}{}{}{}{}",
            LaneKind::Actions.spec().look.class,
            flag(critical, "critical"),
            flag(fail_point, "has-fail-point"),
            flag(handoff, "handoff"),
            flag(unmet_need, "has-unmet-need")
        ),
        CardRole::Touchpoint { mode, external } => {
            let mode = match mode {
                Some(ChannelMode::Online) => " online",
                Some(ChannelMode::Offline) => " offline",
                None => "",
            };
            format!("{}{mode}{}", LaneKind::Touchpoints.spec().look.class, flag(external, "external"))
        }
        CardRole::Gap => "gap-note".into(),
        CardRole::Detail { lane, need, external } => format!(
            "{}{}{}",
            lane.spec().look.class,
            need.map_or(String::new(), |k| format!(" {}", k.name())),
            flag(external, "external")
        ),
        CardRole::Kpi { look } => format!("{} {}", LaneKind::Kpis.spec().look.class, look.class()),
        CardRole::Cite => "cite-chip".into(),
        CardRole::State { future: false } => "state state-current".into(),
        CardRole::State { future: true } => "state state-future".into(),
    }
}

fn text_class(role: TextRole) -> &'static str {
    match role {
        TextRole::Title => "title",
        TextRole::FactLabel => "label",
        TextRole::Fact => "header-text",
        TextRole::Legend => "legend-text",
        TextRole::PhaseName => "phase-name",
        TextRole::LaneName => "lane-name",
        TextRole::Badge => "badge",
        TextRole::ActionText => "action-text",
        TextRole::CardText => "card-text",
        TextRole::Who => "touchpoint-who",
        TextRole::GapText => "gap-text",
        TextRole::NeedKind => "need-kind",
        TextRole::KpiFigure => "kpi-value",
        TextRole::KpiDate => "kpi-date",
        TextRole::FailPoint => "fail-point",
        TextRole::UnmetNeed => "unmet-need",
        TextRole::Scores => "scores",
        TextRole::Handoff => "handoff-text",
        TextRole::LineName => "blueprint-line-label",
        TextRole::Tick => "tick",
        TextRole::EmotionNote => "emotion-note-text",
        TextRole::Cites => "cite",
        TextRole::EmotionCites => "cite cite-point",
        TextRole::State => "state-text",
        TextRole::SourcesHeading => "sources-heading",
        TextRole::SourceId => "source-id",
        TextRole::SourceKind => "source-kind",
        TextRole::SourceText => "source-text",
        TextRole::NewBadge => "new-badge",
        TextRole::GoneHeading => "gone gone-heading",
        TextRole::GonePhase => "gone gone-phase",
        TextRole::GoneStep => "gone gone-step",
        TextRole::AxisTitle => "axis-title",
        TextRole::QuadrantName => "quadrant-name",
        TextRole::PointNumber => "point-number",
        TextRole::MatrixHeading => "matrix-heading",
        TextRole::MatrixText => "matrix-text",
        TextRole::MatrixWhere => "matrix-where",
    }
}

fn line_class(role: LineRole) -> &'static str {
    match role {
        LineRole::Grid => "grid",
        LineRole::Neutral => "neutral",
        LineRole::Blueprint(Zone::Customer | Zone::Frontstage) => "blueprint-line line-interaction",
        LineRole::Blueprint(Zone::Backstage) => "blueprint-line line-visibility",
        LineRole::Blueprint(Zone::Support) => "blueprint-line line-internal",
        LineRole::MatrixGrid => "matrix-grid",
        LineRole::MatrixMiddle => "matrix-middle",
    }
}

fn rect_class(role: RectRole) -> &'static str {
    match role {
        RectRole::Lane { odd: false } => "lane lane-even",
        RectRole::Lane { odd: true } => "lane lane-odd",
        RectRole::GapColumn => "gap-column",
        RectRole::Quadrant(Quadrant::QuickWin) => "quadrant quick-wins",
        RectRole::Quadrant(Quadrant::BigBet) => "quadrant big-bets",
        RectRole::Quadrant(Quadrant::FillIn) => "quadrant fill-ins",
        RectRole::Quadrant(Quadrant::MoneyPit) => "quadrant money-pits",
        RectRole::MatrixFrame => "matrix-frame",
    }
}

/// Every block of text the layout draws.
fn text_blocks(layout: &Layout) -> impl Iterator<Item = &TextBlock> {
    layout.items.iter().flat_map(|item| -> Box<dyn Iterator<Item = &TextBlock> + '_> {
        match item {
            Item::Text(b) => Box::new(std::iter::once(b)),
            Item::Card(c) => Box::new(c.texts.iter()),
            Item::Notes(notes) => Box::new(notes.iter().map(|n| &n.text)),
            Item::Dot(d) => Box::new(std::iter::once(&d.text)),
            _ => Box::new(std::iter::empty()),
        }
    })
}

/// The fonts of the layout's text runs other than the primary family.
pub(crate) fn run_fonts(layout: &Layout) -> BTreeSet<RunFontKey> {
    let mut fonts = BTreeSet::new();
    for run in text_blocks(layout).flat_map(|b| b.lines.iter().flat_map(|l| &l.runs)) {
        match run.font {
            RunFont::Family(0) => {}
            RunFont::Family(i) => {
                fonts.insert(RunFontKey::Family(i));
            }
            RunFont::Emoji => {
                fonts.insert(RunFontKey::Emoji);
            }
        }
    }
    fonts
}

/// A font of text runs, ordered for the stylesheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum RunFontKey {
    Emoji,
    Family(usize),
}

/// The stylesheet: fixed rules, one class per font size used, one per persona style.
pub(crate) fn stylesheet(layout: &Layout) -> String {
    let sizes: BTreeSet<String> = text_blocks(layout).map(|b| num(b.size)).collect();
    let mut css = format!("\ntext{{font-family:{};fill:#1f2933;white-space:pre}}\n", layout.font_family);
    let fonts = run_fonts(layout);
    if fonts.contains(&RunFontKey::Emoji) {
        let _ = writeln!(css, ".emoji{{font-family:{EMOJI_FAMILY};font-weight:normal;font-style:normal}}");
    }
    // Each lane's cards in its own colours, from the lane table; the rules after them
    // (critical, offline, external) refine them.
    css.push_str(BASE_STYLES);
    for lane in crate::lanes::LANES.iter().filter(|l| l.content != crate::lanes::Content::Emotions) {
        let look = lane.look;
        let _ = writeln!(css, ".{} .box{{fill:{};stroke:{}}}", look.class, look.fill, look.stroke);
    }
    css.push_str(STYLES);
    // Version 1's marks, only where the drawing has them: a version-0 map's stylesheet
    // is as it was.
    if draws_sources(layout) {
        css.push_str(SOURCE_STYLES);
    }
    // The rules of texts that only some drawings have (a KPI figure from a data file, an
    // unmet need on a blueprint's action, an opportunity's scores), only where drawn.
    let roles: BTreeSet<usize> =
        text_blocks(layout).filter_map(|b| DRAWN_ONLY.iter().position(|&(role, _)| role == b.role)).collect();
    for i in roles {
        css.push_str(DRAWN_ONLY[i].1);
    }
    // After `.b` and `.i`: a family without bold or italic faces is drawn upright.
    for font in &fonts {
        if let RunFontKey::Family(i) = font {
            let run = layout.font_runs.get(*i).map_or("font-family:sans-serif", String::as_str);
            let _ = writeln!(css, ".ff{i}{{{run}}}");
        }
    }
    for size in sizes {
        let _ = writeln!(css, ".fs{}{{font-size:{size}px}}", size.replace('.', "_"));
    }
    // The rules of a drawing against a baseline, only in one: every other drawing keeps
    // its stylesheet byte for byte.
    let baseline = layout.items.iter().any(|item| match item {
        Item::Curve(c) => matches!(c.role, CurveRole::Baseline { .. }),
        Item::Card(c) => !c.pills.is_empty(),
        Item::Text(t) => matches!(t.role, TextRole::GoneHeading),
        Item::LegendSwatch { sample: Sample::Baseline { .. }, .. } => true,
        _ => false,
    });
    if baseline {
        css.push_str(BASELINE_STYLES);
    }
    // The impact/effort matrix's rules, only in the matrix.
    if layout.items.iter().any(|item| matches!(item, Item::Rect { role: RectRole::Quadrant(_), .. })) {
        css.push_str(MATRIX_STYLES);
    }
    for (i, s) in layout.persona_looks.iter().enumerate() {
        let dash = match s.dash {
            [] => String::new(),
            lengths => {
                let lengths: Vec<String> = lengths.iter().map(u8::to_string).collect();
                format!(";stroke-dasharray:{}", lengths.join(" "))
            }
        };
        let _ = writeln!(css, ".emotion-curve.p{i},.emotion-sample.p{i}{{stroke:{}{dash}}}", s.color);
        let _ = writeln!(css, ".marker.p{i}{{fill:{}}}", s.color);
        if baseline {
            let _ = writeln!(css, ".baseline-curve.p{i},.baseline-sample.p{i}{{stroke:{}{dash}}}", s.color);
            let _ = writeln!(css, ".baseline-point .marker.p{i}{{fill:#ffffff;stroke:{}}}", s.color);
        }
    }
    css
}

/// Whether the layout draws research sources, a state or a KPI's verdict.
fn draws_sources(layout: &Layout) -> bool {
    layout.items.iter().any(|item| match item {
        Item::Card(c) => matches!(c.role, CardRole::Kpi { .. } | CardRole::State { .. } | CardRole::Cite),
        _ => false,
    }) || text_blocks(layout).any(|b| {
        matches!(b.role, TextRole::Cites | TextRole::EmotionCites | TextRole::SourcesHeading | TextRole::State)
    })
}

/// Reference marks, the Sources list, the state's pill and the KPIs' verdicts: met in
/// green, missed in red (each also in words on the card), no data muted. Every text
/// colour has a contrast of at least 4.5:1 on its card.
const SOURCE_STYLES: &str = "\
.cite{fill:#52606d}.cite-chip .box{fill:#ffffff;fill-opacity:0.92;stroke:#bcccdc;stroke-width:0.75}
.kpi.met .box{stroke:#2f855a;stroke-width:2.5}.kpi.met .kpi-value{fill:#22543d}
.kpi.missed .box{stroke:#c53030;stroke-width:2.5}.kpi.missed .kpi-value{fill:#9b1c1c}
.kpi.no-data .box{fill:#f5f7fa;stroke:#9aa5b1;stroke-dasharray:4 3}.kpi.no-data .kpi-value,.kpi.no-data .card-text{fill:#616e7c}
.state .box{fill:#e6f0fa;stroke:#486581}.state-current .state-text{fill:#243b53}
.state-future .box{fill:#f1eafb;stroke:#6b46c1}.state-future .state-text{fill:#44337a}
.sources-heading,.source-id{fill:#102a43}.source-kind{fill:#486581}.source-text{fill:#243b53}
";

/// A drawing against its baseline: the baseline's curves faint and thinner, its points
/// hollow; the "new" badge white on green; the list of gone steps.
const BASELINE_STYLES: &str = "\
.baseline-curve,.baseline-sample{fill:none;stroke-width:2;stroke-opacity:0.42;stroke-linejoin:round}
.baseline-curve.thin{stroke-width:1}
.baseline-point .marker{stroke-width:1.5;stroke-opacity:0.6}
.pill{fill:#276749;stroke:none}.new-badge{fill:#ffffff}
.gone-heading{fill:#102a43}.gone-phase{fill:#334e68}.gone-step{fill:#243b53}
";

/// The impact/effort matrix: quadrants lightly tinted (and named, for greyscale), thin
/// cell lines, the middle lines strong, points dark with white numbers.
const MATRIX_STYLES: &str = "\
.quadrant{stroke:none}.quick-wins{fill:#e8f5ee}.big-bets{fill:#e9f0fa}.fill-ins{fill:#f4f5f7}.money-pits{fill:#fbeeea}
.quadrant-name{fill:#243b53}
.matrix-grid{stroke:#ffffff;stroke-width:1.5}.matrix-middle{stroke:#486581;stroke-width:1.5;stroke-dasharray:5 3}
.matrix-frame{fill:none;stroke:#9fb3c8;stroke-width:1}
.axis-title{fill:#243b53}.matrix-heading{fill:#102a43}.matrix-text{fill:#1f2933}.matrix-where{fill:#52606d}
.matrix-point .dot{fill:#243b53;stroke:#ffffff;stroke-width:1.5}.point-number{fill:#ffffff}
.matrix-point:hover .dot,.matrix-point:focus .dot{fill:#c05621}
";

/// Rules the lanes' own colours refine.
const BASE_STYLES: &str = "\
.b{font-weight:bold}.i{font-style:italic}.mid{text-anchor:middle}.end{text-anchor:end}
.page{fill:#ffffff}
.title{fill:#102a43}.label{fill:#334e68}.legend-text,.header-text{fill:#243b53}
.lane-even{fill:#f5f7fa}.lane-odd{fill:#ffffff}
.lane-name{fill:#243b53}
.card .box{fill:#ffffff;stroke:#9fb3c8;stroke-width:1}
";

/// Text rules in the stylesheet only of a drawing that has such a text, in this order.
const DRAWN_ONLY: [(TextRole, &str); 3] = [
    (TextRole::KpiDate, ".kpi-date{fill:#52606d}\n"),
    (TextRole::UnmetNeed, ".unmet-need{fill:#8a3c00}\n"),
    (TextRole::Scores, ".scores{fill:#744210}\n"),
];

/// Rules that refine the lanes' colours: critical steps, offline and external
/// touchpoints, and everything that is not a card.
const STYLES: &str = "\
.phase-0 .box{fill:#243b53;stroke:none}.phase-1 .box{fill:#486581;stroke:none}.phase-name{fill:#ffffff}
.critical .box{stroke:#c05621;stroke-width:2.5}.badge{fill:#c05621}
.touchpoint.offline .box{fill:#f3eee3;stroke:#8d7650}
.touchpoint.external .box,.external .box{fill:#f2f2f2;stroke:#7b8794;stroke-dasharray:4 3}.touchpoint-who{fill:#334e68}
.gap-column{fill:#fff1f1;stroke:#e8a3a3;stroke-dasharray:6 4}
.gap-note .box{fill:#fde2e2;stroke:#c53030;stroke-dasharray:4 3}.gap-text{fill:#9b1c1c}
.need-kind{fill:#5b3f99}.kpi-value{fill:#0b5e66}
.fail-point{fill:#9b1c1c}.handoff-text{fill:#5c3d99}
.blueprint-line{stroke:#334e68;stroke-width:1.5}.line-visibility{stroke-dasharray:8 4}.line-internal{stroke-dasharray:2 3}
.blueprint-line-label{fill:#334e68}
.card.lane-label .box{fill:none;stroke:none}
.grid{stroke:#d9e2ec;stroke-width:1}.neutral{stroke:#829ab1;stroke-width:1.5}.tick{fill:#627d98}
.emotion-curve,.emotion-sample{fill:none;stroke-width:2.5;stroke-linejoin:round}
.emotion-curve.thin,.emotion-sample.thin{stroke-width:1.25}
.curve-mean{fill:none;stroke:#102a43;stroke-width:4;stroke-linejoin:round;stroke-linecap:round}
.curve-band{fill:#486581;fill-opacity:0.16;stroke:none}
.marker{stroke:#ffffff;stroke-width:1}
.note-box{fill:#ffffff;stroke:#d9e2ec;stroke-width:1}.emotion-note-text{fill:#243b53}
.low-ring{fill:none;stroke:#c53030;stroke-width:2}.high-ring{fill:none;stroke:#2f855a;stroke-width:2;stroke-dasharray:3 2}
";
