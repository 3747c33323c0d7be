//! The impact/effort matrix (`layout::matrix`): drawn from plain data, its points in
//! their cells, nothing overlapping, every label language, every format.

use journeymap::layout::{self, Item, MatrixInput, MatrixPoint, Quadrant, Rect, RectRole, TextRole, Unscored};
use journeymap::model::{Label, Lang};
use journeymap::render::{Format, RenderOptions, render_matrix};
use journeymap::text::Fonts;

fn point(number: usize, impact: u8, effort: u8, text: &str, step: Option<&str>, phase: &str) -> MatrixPoint {
    MatrixPoint { number, impact, effort, text: text.into(), step: step.map(Into::into), phase: phase.into() }
}

/// A Danish map's ten scored opportunities, four in one cell, some long, and two
/// without scores.
fn sample() -> MatrixInput {
    MatrixInput {
        title: "Flytning af el-aftale: muligheder".into(),
        lang: Lang::Da,
        points: vec![
            point(1, 5, 1, "Vis prisen med det samme på forsiden", Some("Sammenligner priser"), "Overvejelse"),
            point(2, 4, 2, "Forudfyld adressen fra CPR", Some("Udfylder flytteformular"), "Flytning"),
            point(3, 4, 2, "Send en SMS, når aftalen er aktiv", Some("Venter på bekræftelse"), "Flytning"),
            point(
                4,
                4,
                2,
                "Bekræftelse på e-mail med alle detaljer om aftalen, prisen, bindingsperioden og hvad der sker ved opsigelse, skrevet i et sprog kunden forstår",
                Some("Venter på bekræftelse"),
                "Flytning",
            ),
            point(5, 4, 2, "Chat med en rådgiver", None, "Flytning"),
            point(6, 3, 3, "Ny flytteguide", Some("Læser om flytning"), "Overvejelse"),
            point(
                7,
                5,
                5,
                "Nyt kundesystem med fuld historik over alle henvendelser",
                Some("Ringer til kundeservice"),
                "Efter flytning",
            ),
            point(8, 2, 1, "Ret stavefejl i formularen", Some("Udfylder flytteformular"), "Flytning"),
            point(9, 1, 5, "Egen app til flytning", None, "Overvejelse"),
            point(10, 2, 4, "Personlig velkomstpakke med posten", Some("Modtager første regning"), "Efter flytning"),
        ],
        unscored: vec![
            Unscored {
                text: "Undersøg, om kunderne vil have en fast kontaktperson gennem hele flytningen".into(),
                step: Some("Ringer til kundeservice".into()),
                phase: "Efter flytning".into(),
            },
            Unscored { text: "Færre felter".into(), step: None, phase: "Flytning".into() },
        ],
    }
}

fn texts(l: &layout::Layout) -> Vec<&layout::TextBlock> {
    l.items
        .iter()
        .flat_map(|i| match i {
            Item::Text(t) => vec![t],
            Item::Dot(d) => vec![&d.text],
            _ => vec![],
        })
        .collect()
}

fn dots(l: &layout::Layout) -> Vec<&layout::Dot> {
    l.items.iter().filter_map(|i| if let Item::Dot(d) = i { Some(d) } else { None }).collect()
}

fn quadrant_rect(l: &layout::Layout, q: Quadrant) -> Rect {
    l.items
        .iter()
        .find_map(|i| match i {
            Item::Rect { rect, role: RectRole::Quadrant(r) } if *r == q => Some(*rect),
            _ => None,
        })
        .unwrap()
}

/// No two texts overlap (a point's number is inside its circle, which is not text), no
/// text leaves the drawing, no two circles overlap.
fn assert_clean(l: &layout::Layout) {
    let page = Rect::new(0.0, 0.0, l.width, l.height);
    let boxes: Vec<(Rect, TextRole)> = texts(l).iter().flat_map(|t| t.line_boxes().map(move |b| (b, t.role))).collect();
    for (i, (a, ra)) in boxes.iter().enumerate() {
        assert!(page.contains(a), "{ra:?} {a:?} leaves the page");
        for (b, rb) in &boxes[i + 1..] {
            assert!(!a.overlaps(b), "{ra:?} {a:?} overlaps {rb:?} {b:?}");
        }
    }
    let dots = dots(l);
    for (i, a) in dots.iter().enumerate() {
        for b in &dots[i + 1..] {
            let d = ((a.cx - b.cx).powi(2) + (a.cy - b.cy).powi(2)).sqrt();
            assert!(d >= a.r + b.r, "points {} and {} overlap", a.number, b.number);
        }
        // Its number inside its circle.
        for line in a.text.line_boxes() {
            assert!(
                a.bounds().contains(&Rect::new(line.x, line.y + 1.0, line.width, line.height - 2.0)),
                "{}",
                a.number
            );
        }
    }
}

#[test]
fn matrix_layout_is_clean_in_every_language() {
    for &lang in Lang::ALL {
        let l = layout::layout_matrix(&MatrixInput { lang, ..sample() }, Fonts::get());
        assert_clean(&l);
        for q in Quadrant::ALL {
            let name = q.label().text(lang);
            let area = quadrant_rect(&l, q);
            let block = texts(&l).into_iter().find(|t| t.role == TextRole::QuadrantName && t.lines[0].text == name);
            let block = block.unwrap_or_else(|| panic!("{lang:?}: {name} not drawn"));
            assert_eq!(block.lines.len(), 1);
            assert!(block.line_boxes().all(|b| area.contains(&b)), "{lang:?}: {name} leaves its quadrant");
        }
        for label in [Label::Impact, Label::Effort, Label::Scored, Label::Unscored] {
            let word = label.text(lang);
            assert!(texts(&l).iter().any(|t| t.lines.iter().any(|line| line.text.contains(word))), "{word}");
        }
    }
}

/// Every point is drawn inside its quadrant (the middle scores on the high-impact and
/// low-effort side), once on the chart and once in the legend.
#[test]
fn matrix_points_are_in_their_quadrants() {
    let mut input = sample();
    input.points.clear();
    let mut n = 0;
    for impact in 1..=5 {
        for effort in 1..=5 {
            n += 1;
            input.points.push(point(n, impact, effort, &format!("{impact}/{effort}"), None, "P"));
        }
    }
    let l = layout::layout_matrix(&input, Fonts::get());
    assert_clean(&l);
    for p in &input.points {
        let q = layout::quadrant(p.impact, p.effort);
        let on_chart: Vec<_> = dots(&l).into_iter().filter(|d| d.number == p.number && !d.legend).collect();
        assert_eq!(on_chart.len(), 1);
        assert!(quadrant_rect(&l, q).contains(&on_chart[0].bounds()), "{}/{} not in {q:?}", p.impact, p.effort);
        assert_eq!(dots(&l).iter().filter(|d| d.number == p.number && d.legend).count(), 1);
    }
    // Higher impact is higher up, more effort further right.
    let at = |n: usize| dots(&l).into_iter().find(|d| d.number == n && !d.legend).map(|d| (d.cx, d.cy)).unwrap();
    assert!(at(1).1 > at(6).1 && at(1).0 < at(2).0);
}

/// Up to 25 points share a cell without overlapping; beyond, the last place says how
/// many more, and the legend still lists every one.
#[test]
fn matrix_crowded_cell() {
    for n in [2, 9, 16, 25, 40] {
        let mut input = sample();
        input.points = (1..=n).map(|i| point(i, 4, 2, &format!("Idé {i}"), None, "Flytning")).collect();
        let l = layout::layout_matrix(&input, Fonts::get());
        assert_clean(&l);
        let chart: Vec<_> = dots(&l).into_iter().filter(|d| !d.legend).collect();
        assert_eq!(chart.len(), n.min(25));
        let cell = quadrant_rect(&l, Quadrant::QuickWin);
        assert!(chart.iter().all(|d| cell.contains(&d.bounds())));
        if n > 25 {
            let more = chart.last().unwrap();
            assert_eq!(more.text.lines[0].text, format!("+{}", n - 24));
            assert!(more.title.contains(&format!("{n}. Idé {n}")));
        }
        assert_eq!(dots(&l).iter().filter(|d| d.legend).count(), n);
    }
}

#[test]
fn matrix_svg_snapshot() {
    let l = layout::layout_matrix(&sample(), Fonts::get());
    let svg = journeymap::render::svg::render(&l, layout::Page::Auto);
    assert!(svg.contains("<title>4. Bekræftelse på e-mail"));
    assert!(svg.contains("Venter på bekræftelse \u{b7} Flytning"));
    insta::with_settings!({ snapshot_path => "../matrix", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!("matrix-da.svg", svg);
    });
}

/// Every format draws (PDF where built with it); `JOURNEYMAP_MATRIX_OUT=dir` keeps the files to look at.
#[test]
fn matrix_renders_in_every_format() {
    let mut formats = vec![Format::Svg, Format::Png, Format::Html];
    if cfg!(feature = "pdf") {
        formats.push(Format::Pdf);
    }
    let options = RenderOptions { formats: formats.clone(), scale: 1.5, ..RenderOptions::default() };
    let rendered = render_matrix(&sample(), &options);
    for (output, format) in rendered.outputs.iter().zip(&formats) {
        let bytes = output.result.as_ref().unwrap_or_else(|e| panic!("{format:?}: {e}"));
        assert!(!bytes.is_empty());
        if let Ok(dir) = std::env::var("JOURNEYMAP_MATRIX_OUT") {
            std::fs::write(format!("{dir}/matrix.{}", format.extension()), bytes).unwrap();
        }
    }
    let html = String::from_utf8(rendered.get(Format::Html).unwrap().clone().unwrap()).unwrap();
    assert!(html.contains("<title>4. Bekræftelse"), "the points' tooltips");
    assert!(html.contains("lang=\"da\""));
}

/// A map drawn with `--view opportunities` (or `view opportunities`) is the matrix: its
/// opportunities, without scores in the language yet, listed as not scored.
#[test]
fn matrix_of_a_map() {
    let source = std::fs::read_to_string("examples/bredbaand-blueprint.journey").unwrap();
    let compiled = journeymap::compile(source.as_bytes());
    let journey = compiled.journey.expect("the example checks");
    let input = layout::matrix_input(&journey);
    assert!(input.points.is_empty());
    assert!(!input.unscored.is_empty());
    assert_eq!(input.lang, Lang::Da);
    let mut options = RenderOptions { formats: vec![Format::Svg, Format::Html], ..RenderOptions::default() };
    options.layout.view = Some(journeymap::lanes::View::Opportunities);
    let rendered = journeymap::render::render(&journey, &source, &options);
    let svg = String::from_utf8(rendered.get(Format::Svg).unwrap().clone().unwrap()).unwrap();
    assert!(svg.contains("Ikke vurderet") && svg.contains("Hurtige gevinster"));
    assert!(svg.contains(&input.unscored[0].text.replace('&', "&amp;")));
    let html = String::from_utf8(rendered.get(Format::Html).unwrap().clone().unwrap()).unwrap();
    assert!(html.contains("Hurtige gevinster"));
    // The map's own `view opportunities` too.
    let own = source.replace("view blueprint", "view opportunities");
    let journey = journeymap::compile(own.as_bytes()).journey.expect("`view opportunities` checks");
    let rendered = journeymap::render::render(&journey, &own, &RenderOptions::default());
    let svg = String::from_utf8(rendered.get(Format::Svg).unwrap().clone().unwrap()).unwrap();
    assert!(svg.contains("Ikke vurderet"));
    // The preview's page is the matrix too.
    let live = journeymap::render::html::live_page(
        &journey,
        &own,
        &layout::Options::default(),
        &layout::Theme::default(),
        Fonts::get(),
        None,
    );
    assert!(live.page.contains("Hurtige gevinster") && !live.page.contains("class=\"matrix-point"));
    assert!(live.page.contains("Ikke vurderet"));
}

/// The matrix of a map with scores: its points are the model's ranking, numbered by it,
/// and an opportunity with one score or none is listed as not scored.
#[test]
fn the_matrix_of_a_map_draws_the_model_s_ranking() {
    let source = "journey: M\nphase: P\n  step: A\n    opportunity impact 2 effort 1: Small\n    \
                  opportunity impact 5 effort 3: Status page\n  step: B\n    opportunity impact 4 effort 5: Same day\n    \
                  opportunity impact 5: Half scored\n    opportunity: None\n";
    let journey = crate::common::journey(source);
    let input = journeymap::layout::matrix_input(&journey);
    let points: Vec<(usize, &str, u8, u8, Option<&str>)> =
        input.points.iter().map(|p| (p.number, p.text.as_str(), p.impact, p.effort, p.step.as_deref())).collect();
    assert_eq!(
        points,
        [(1, "Small", 2, 1, Some("A")), (2, "Status page", 5, 3, Some("A")), (3, "Same day", 4, 5, Some("B"))]
    );
    let unscored: Vec<&str> = input.unscored.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(unscored, ["Half scored", "None"]);
}
