//! `render FUTURE --baseline CURRENT`: the future map drawn against today's. The pair of
//! `tests/baseline/bredbaand.*.journey` (two personas; one step renamed, one gone, one
//! new) in the layout, SVG, HTML, PNG and PDF; the comparison's diagnostics (J07xx, each
//! with a pair of maps in `tests/baseline/` and its snapshot); and the command.

use journeymap::diag::{Code, Severity};
use journeymap::diff::baseline::Was;
use journeymap::layout::{CurveRole, Item, Page, Sample, TextRole};
use journeymap::render::Format;

use crate::cli::{BAD, code, journeymap, text, write};
use crate::common::{
    compare_baseline, diff, journey, layout_against, render_against, render_html_against, render_svg_against, root,
};

/// The codes about a map and its baseline, whose fixtures are pairs of maps here.
pub(crate) fn is_baseline_code(code: Code) -> bool {
    code.info().code.starts_with("J07")
}

/// `tests/baseline/<name>.future.journey` and `.current.journey`.
fn pair(name: &str) -> (String, String) {
    let read = |side: &str| {
        let path = root().join(format!("tests/baseline/{name}.{side}.journey"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    (read("future"), read("current"))
}

fn bredbaand() -> (String, String) {
    pair("bredbaand")
}

/// The SVG elements (from `<` to `>`) whose text contains `needle`.
fn elements<'a>(svg: &'a str, needle: &str) -> Vec<&'a str> {
    svg.split('<').filter(|e| e.contains(needle)).collect()
}

#[test]
fn every_baseline_code_has_a_pair_of_maps_that_reports_it_and_nothing_else() {
    let codes: Vec<Code> = Code::ALL.iter().copied().filter(|&c| is_baseline_code(c)).collect();
    assert_eq!(codes.len(), 2, "{codes:?}");
    for code in codes {
        let info = code.info();
        let (future, current) = pair(info.name);
        for (side, text) in [("future", &future), ("current", &current)] {
            let checked = crate::common::check_str(text);
            assert!(checked.compiled.diags.is_empty(), "{} {side}: {}", info.name, checked.human);
        }
        let compared = compare_baseline(&future, &current);
        let found: Vec<&str> = compared.future.iter().chain(&compared.current).map(|d| d.code.info().code).collect();
        assert!(found.contains(&info.code), "{}: {found:?}", info.name);
        assert!(found.iter().all(|&c| c == info.code), "{} also reports {found:?}", info.name);
        assert!(compared.future.iter().chain(&compared.current).all(|d| d.severity == info.severity));
        assert_eq!(compared.has_errors(), info.severity == Severity::Error);
        assert_eq!(compared.baseline.is_none(), compared.has_errors(), "{}: drawn only without errors", info.name);
        // As `render` prints them: each in its own file.
        let style = journeymap::diag::render::Style { color: false, unicode: true, width: 100 };
        let human = |name: &str, source: &str, diags| journeymap::diag::render::human(name, source, diags, style);
        let shown = format!(
            "{}{}",
            human(&format!("{}.future.journey", info.name), &future, &compared.future),
            human("current.journey", &current, &compared.current)
        );
        insta::with_settings!({
            snapshot_path => "../baseline",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(info.name, shown);
        });
    }
}

#[test]
fn steps_are_matched_as_diff_matches_them() {
    let (future, current) = bredbaand();
    let baseline = compare_baseline(&future, &current).baseline.unwrap();
    let d = diff(Some(&current), Some(&future));
    let f = journey(&future);
    let new: Vec<usize> = f.steps().filter(|(at, _)| baseline.is_new(*at)).map(|(_, s)| s.number).collect();
    let added: Vec<usize> = d
        .steps
        .iter()
        .filter(|s| s.kinds.contains(&journeymap::diff::StepChangeKind::Added))
        .filter_map(|s| s.new.as_ref().map(|n| n.number))
        .collect();
    assert_eq!(new, added, "the new steps are diff's added ones");
    assert_eq!(new, [3], "only `Får en sms, når routeren er sendt` is new");
    let removed: Vec<(usize, String)> = d
        .steps
        .iter()
        .filter(|s| s.kinds.contains(&journeymap::diff::StepChangeKind::Removed))
        .filter_map(|s| s.old.as_ref().map(|o| (o.number, o.action.clone())))
        .collect();
    let gone: Vec<(usize, String)> = baseline.gone.iter().map(|g| (g.number, g.action.clone())).collect();
    assert_eq!(gone, removed, "the gone steps are diff's removed ones");
    assert_eq!(gone, [(6, "Ringer til kundeservice".to_string())]);
    assert_eq!(baseline.gone[0].phase, "Installation");
    // The renamed step has the baseline's scores of the step it was.
    let renamed = f.steps().find(|(_, s)| s.action.value.starts_with("Pakker routeren ud")).unwrap().0;
    let scores = &baseline.at(renamed).unwrap().scores;
    assert!(
        matches!(&scores[0], Was::Scored { score, text: Some(t) } if score.get() == -2 && t.contains("ikke forstår"))
    );
    assert!(matches!(&scores[1], Was::Scored { score, text: None } if score.get() == -2));
    assert_eq!(baseline.travellers, [true, true]);
}

#[test]
fn each_personas_baseline_curve_runs_behind_its_own_through_the_matched_steps() {
    let (future, current) = bredbaand();
    let l = layout_against(&future, &current, Page::Auto);
    let curves: Vec<_> = l.items.iter().filter_map(|i| if let Item::Curve(c) = i { Some(c) } else { None }).collect();
    for (k, persona) in ["mette", "ole"].into_iter().enumerate() {
        let own = curves
            .iter()
            .position(|c| c.role == CurveRole::Persona { thin: false } && c.persona.as_deref() == Some(persona));
        let base = curves
            .iter()
            .position(|c| c.role == CurveRole::Baseline { thin: false } && c.persona.as_deref() == Some(persona));
        let (own, base) = (own.expect("its curve"), base.expect("its baseline curve"));
        assert!(base < own, "{persona}: the baseline is drawn first, behind");
        assert_eq!(curves[base].style, curves[own].style, "{persona}: in the same style");
        assert_eq!(curves[base].style, l.traveller_looks[k]);
        // Six of the seven steps are in the baseline, each scored for both personas; the
        // new one (the third column) is passed over.
        let xs: Vec<f32> = curves[base].points.iter().map(|p| p.expect("no breaks").0).collect();
        let columns: Vec<f32> = curves[own].points.iter().map(|p| p.unwrap().0).collect();
        assert_eq!(xs.len(), 6, "{persona}");
        assert_eq!(xs, [&columns[..2], &columns[3..]].concat(), "{persona}: at the future map's columns");
    }
    // A baseline point sits where the map's own point of the same score would: Linjen
    // aktiveres, 0 for mette in both maps.
    let markers: Vec<_> = l.items.iter().filter_map(|i| if let Item::Marker(m) = i { Some(m) } else { None }).collect();
    let own =
        markers.iter().find(|m| !m.baseline && m.step == Some(5) && m.persona.as_deref() == Some("mette")).unwrap();
    let base = markers.iter().filter(|m| m.baseline && m.persona.as_deref() == Some("mette")).nth(3).unwrap();
    assert_eq!((own.x, own.y), (base.x, base.y));
    assert!(base.title.contains("Udgangspunkt (i dag): 0"), "{}", base.title);
    assert!(base.step.is_none() && base.extreme.is_none(), "a baseline point is no step's and no extreme");
    let tinted = markers.iter().filter(|m| m.baseline).count();
    assert_eq!(tinted, 12, "six points for each of two personas");
}

#[test]
fn a_new_badge_is_on_exactly_the_new_steps_and_its_room_is_kept() {
    let (future, current) = bredbaand();
    let l = layout_against(&future, &current, Page::Auto);
    crate::layout::assert_sound("bredbaand against its baseline", &l);
    let mut badged = Vec::new();
    for item in &l.items {
        let Item::Card(card) = item else { continue };
        let badges: Vec<_> = card.texts.iter().filter(|t| t.role == TextRole::NewBadge).collect();
        assert_eq!(badges.len(), card.pills.len(), "a pill behind each badge");
        for (badge, pill) in badges.iter().zip(&card.pills) {
            assert!(card.role.is_action(), "only on the action card");
            assert_eq!(badge.lines[0].text, "NY", "in the map's language");
            assert!(card.rect.contains(pill), "the pill is inside its card");
            for line in badge.line_boxes() {
                assert!(pill.contains(&line), "the badge's text is on its pill");
            }
            // The texts after it start below it.
            for other in card.texts.iter().filter(|t| t.role != TextRole::NewBadge) {
                assert!(other.line_boxes().all(|b| !b.overlaps(pill)), "{:?} overlaps the pill", other.lines);
            }
            assert!(card.title.ends_with("\nNy"), "{}", card.title);
            badged.push(card.step);
        }
    }
    assert_eq!(badged, [Some(3)]);
    let svg = render_svg_against(&future, &current);
    assert_eq!(elements(&svg, "class=\"new-badge").len(), 1);
    assert_eq!(elements(&svg, "class=\"pill\"").len(), 1);
}

#[test]
fn the_gone_steps_are_listed_under_the_map_with_their_phase() {
    let (future, current) = bredbaand();
    let l = layout_against(&future, &current, Page::Auto);
    let texts: Vec<(TextRole, String, f32)> = l
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) if matches!(t.role, TextRole::GoneHeading | TextRole::GonePhase | TextRole::GoneStep) => {
                Some((t.role, t.lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" "), t.y))
            }
            _ => None,
        })
        .collect();
    let shown: Vec<(TextRole, &str)> = texts.iter().map(|(r, t, _)| (*r, t.as_str())).collect();
    assert_eq!(
        shown,
        [
            (TextRole::GoneHeading, "Trin, der ikke længere er en del af rejsen"),
            (TextRole::GonePhase, "Installation"),
            (TextRole::GoneStep, "\u{2013} Ringer til kundeservice"),
        ]
    );
    // Under everything else, inside the drawing.
    let map_bottom = l
        .items
        .iter()
        .filter(|i| !matches!(i, Item::Text(t) if matches!(t.role, TextRole::GoneHeading | TextRole::GonePhase | TextRole::GoneStep)))
        .map(|i| i.vertical_extent().1 - 12.0)
        .fold(0.0, f32::max);
    assert!(texts[0].2 > map_bottom, "the list starts under the map");
    assert!(texts[2].2 < l.height, "and ends inside the drawing");
    assert!(l.breaks.iter().any(|&b| b > map_bottom && b < texts[0].2), "a page may end before it");
    assert!(l.description.contains("1 new steps, 1 steps gone"), "{}", l.description);
}

#[test]
fn the_legend_explains_the_baseline_curve() {
    let (future, current) = bredbaand();
    let l = layout_against(&future, &current, Page::Auto);
    let samples: Vec<Sample> = l
        .items
        .iter()
        .filter_map(|i| if let Item::LegendSwatch { sample, .. } = i { Some(*sample) } else { None })
        .collect();
    assert!(samples.iter().any(|s| matches!(s, Sample::Baseline { style: 0, .. })), "{samples:?}");
    assert!(l.items.iter().any(
        |i| matches!(i, Item::Text(t) if t.role == TextRole::Legend && t.lines[0].text == "Udgangspunkt (i dag)")
    ));
    let svg = render_svg_against(&future, &current);
    assert_eq!(elements(&svg, "line class=\"baseline-sample p0\"").len(), 1);
}

#[test]
fn the_svg_draws_both_baseline_curves_faintly_and_the_map_alone_draws_none() {
    let (future, current) = bredbaand();
    let svg = render_svg_against(&future, &current);
    for (k, persona) in ["mette", "ole"].into_iter().enumerate() {
        let curve = format!("path class=\"baseline-curve p{k}\" data-persona=\"{persona}\"");
        assert_eq!(elements(&svg, &curve).len(), 1, "{persona}");
    }
    assert_eq!(elements(&svg, "g class=\"baseline-point\"").len(), 12 + 1, "twelve points and the legend's");
    assert!(svg.contains(".baseline-curve,.baseline-sample{fill:none;stroke-width:2;stroke-opacity:0.42"));
    assert!(svg.contains(".baseline-curve.p1,.baseline-sample.p1{stroke:"), "in the persona's colour and dash");
    assert!(svg.contains("1 new steps, 1 steps gone"), "the description says so");
    // The same map without its baseline: nothing of it, stylesheet included.
    let alone = crate::common::render_svg(&future, Page::Auto);
    for word in ["baseline", "pill", "new-badge", "gone"] {
        assert!(!alone.contains(word), "{word}");
    }
}

#[test]
fn drawings_against_a_baseline_are_deterministic_in_every_format() {
    let (future, current) = bredbaand();
    let formats = [Format::Svg, Format::Html, Format::Png, Format::Pdf];
    let first = render_against(&future, &current, &formats, Page::A4);
    let second = render_against(&future, &current, &formats, Page::A4);
    for (a, b) in first.into_iter().zip(second) {
        match (a.result, b.result) {
            (Ok(x), Ok(y)) => assert!(x == y, "{:?} differs between two runs", a.format),
            (Err(journeymap::render::RenderError::NoPdf), _) => {}
            (x, y) => panic!("{:?}: {:?} {:?}", a.format, x.err(), y.err()),
        }
    }
}

#[test]
fn the_page_has_a_button_that_shows_and_hides_the_baseline() {
    let (future, current) = bredbaand();
    let page = render_html_against(&future, &current);
    let button = elements(&page, "button type=\"button\" class=\"baseline-toggle\" aria-pressed=\"true\"");
    assert_eq!(button.len(), 1, "one button");
    assert!(button[0].contains("title=\"Vis eller skjul udgangspunktet"), "{}", button[0]);
    assert!(page.contains("</svg>\nUdgangspunkt (i dag)</button>"), "named in the map's language");
    assert!(page.contains(".baseline-off .map .baseline-curve,.baseline-off .map .baseline-point"), "what it hides");
    assert!(page.contains("document.body.classList.toggle(\"baseline-off\", shown)"), "the script that does");
    // The panel says which step is new, from the page's data.
    let data = page.split("<script type=\"application/json\" id=\"journey-data\">").nth(1).unwrap();
    let data: serde_json::Value = serde_json::from_str(data.split("</script>").next().unwrap()).unwrap();
    let new: Vec<u64> = data["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["new"] == true)
        .map(|s| s["number"].as_u64().unwrap())
        .collect();
    assert_eq!(new, [3]);
    assert_eq!(data["labels"]["new"], "Ny");
    // Without a baseline: no button, no rules.
    let alone = crate::common::render_html(&future);
    assert!(!alone.contains("class=\"baseline-toggle\""));
    assert!(!alone.contains(".baseline-off"));
}

#[test]
fn personas_are_matched_by_id_and_the_anonymous_customer_with_the_anonymous_one() {
    let (future, current) = pair("baseline-persona-missing");
    let compared = compare_baseline(&future, &current);
    let said: Vec<&str> = compared.future.iter().chain(&compared.current).map(|d| d.message.as_str()).collect();
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(said[0].starts_with("persona `alex` is not in the baseline"), "{said:?}");
    assert!(said[1].starts_with("persona `kim` is not in the future map"), "{said:?}");
    assert_eq!(compared.baseline.as_ref().unwrap().travellers, [true, false], "sam has a baseline, alex none");
    let svg = render_svg_against(&future, &current);
    assert_eq!(elements(&svg, "path class=\"baseline-curve").len(), 1);
    assert_eq!(elements(&svg, "data-persona=\"sam\" d=").len(), 2, "sam's curve and its baseline");

    let anonymous = |scores: [i32; 2]| {
        format!("journey: J\nphase: P\n  step: A\n    emotion {}\n  step: B\n    emotion {}\n", scores[0], scores[1])
    };
    let (a, b) = (anonymous([1, 2]), anonymous([-1, 0]));
    let compared = compare_baseline(&a, &b);
    assert!(compared.future.is_empty() && compared.current.is_empty());
    let svg = render_svg_against(&a, &b);
    assert_eq!(elements(&svg, "path class=\"baseline-curve p0\" data-persona=\"customer\"").len(), 1);

    // With personas on one side only: said once, on the side without, and no curve.
    let compared = compare_baseline(&a, &current);
    assert_eq!(compared.future.len(), 1, "{:?}", compared.future);
    assert!(compared.future[0].message.contains("no personas"), "{}", compared.future[0].message);
    assert_eq!(compared.current.len(), 0, "the baseline's personas are not each listed again");
    assert_eq!(compared.baseline.unwrap().travellers, [false]);
}

#[test]
fn the_scales_must_agree() {
    let (future, current) = pair("baseline-scale-mismatch");
    let compared = compare_baseline(&future, &current);
    assert!(compared.baseline.is_none());
    let d = &compared.future[0];
    assert_eq!(d.code, Code::BaselineScaleMismatch);
    assert_eq!(d.primary.span.of(&future), "scale 1..5", "at the scale line");
    assert!(d.message.contains("1..5") && d.message.contains("-2..2"), "{}", d.message);
    // A map without a `scale` line is pointed at by its title.
    let compared = compare_baseline(&current, &future);
    assert!(compared.future[0].primary.span.of(&current).starts_with("Returning a parcel"));
}

#[test]
fn render_draws_against_a_baseline_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.svg");
    let o = journeymap(&[
        "render",
        "tests/baseline/bredbaand.future.journey",
        "--baseline",
        "tests/baseline/bredbaand.current.journey",
        "--format",
        "svg,html,png",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert_eq!(text(&o.stderr), "", "nothing to say about a clean pair");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("class=\"baseline-curve p0\" data-persona=\"mette\""));
    assert!(std::fs::read_to_string(out.with_extension("html")).unwrap().contains("class=\"baseline-toggle\""));
    assert!(std::fs::read(out.with_extension("png")).unwrap().starts_with(b"\x89PNG"));
}

#[test]
fn render_says_what_is_wrong_with_a_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.svg");
    let out = out.to_str().unwrap();
    let render = |future: &str, current: &str| journeymap(&["render", future, "--baseline", current, "-o", out]);
    // Scales: an error, nothing drawn.
    let o = render(
        "tests/baseline/baseline-scale-mismatch.future.journey",
        "tests/baseline/baseline-scale-mismatch.current.journey",
    );
    assert_eq!(code(&o), 1);
    assert!(text(&o.stderr).contains("J0701"), "{}", text(&o.stderr));
    assert!(!std::path::Path::new(out).exists());
    // A persona on one side: warned in each file, drawn.
    let o = render(
        "tests/baseline/baseline-persona-missing.future.journey",
        "tests/baseline/baseline-persona-missing.current.journey",
    );
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let said = text(&o.stderr);
    assert!(said.contains("baseline-persona-missing.future.journey:3:1") && said.contains("persona `alex`"), "{said}");
    assert!(said.contains("baseline-persona-missing.current.journey:3:1") && said.contains("persona `kim`"), "{said}");
    assert!(std::fs::read_to_string(out).unwrap().contains("data-persona=\"sam\""));
    std::fs::remove_file(out).unwrap();
    // A baseline with errors: its diagnostics, nothing drawn.
    let broken = write(dir.path(), "broken.journey", BAD);
    let o = render("tests/baseline/bredbaand.future.journey", &broken);
    assert_eq!(code(&o), 1);
    assert!(text(&o.stderr).contains("broken.journey:3:3"), "{}", text(&o.stderr));
    assert!(!std::path::Path::new(out).exists());
    // No baseline, several maps, `watch`: usage errors.
    let o = render("tests/baseline/bredbaand.future.journey", "tests/baseline/nothing.journey");
    assert_eq!(code(&o), 2);
    assert!(text(&o.stderr).contains("no such file"), "{}", text(&o.stderr));
    let o = journeymap(&["render", "tests/baseline", "--baseline", "tests/baseline/bredbaand.current.journey"]);
    assert_eq!(code(&o), 2);
    assert!(text(&o.stderr).contains("one map"), "{}", text(&o.stderr));
    let o = journeymap(&["watch", "tests/baseline/bredbaand.future.journey", "--baseline", "x.journey"]);
    assert_eq!(code(&o), 2);
    assert!(text(&o.stderr).contains("preview"), "{}", text(&o.stderr));
}

#[test]
fn the_baselines_project_file_sets_its_lint_levels() {
    let dir = tempfile::tempdir().unwrap();
    let (future, current) = pair("baseline-persona-missing");
    let future = write(dir.path(), "future.journey", &future);
    let sub = dir.path().join("today");
    std::fs::create_dir(&sub).unwrap();
    let current = write(&sub, "current.journey", &current);
    std::fs::write(sub.join("journeymap.yaml"), "lints:\n  baseline-persona-missing: deny\n").unwrap();
    let o = journeymap(&["render", &future, "--baseline", &current, "-o", "-"]);
    let said = text(&o.stderr);
    assert_eq!(code(&o), 1, "denied in the baseline's project: {said}");
    assert!(said.contains("persona `kim`") && said.contains("persona `alex`"), "{said}");
    assert!(o.stdout.is_empty());
}

#[test]
fn any_two_maps_compare_without_panicking_and_lay_out_soundly() {
    let maps: Vec<String> = crate::common::drawn_maps().iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let (future, current) = bredbaand();
    let mut drawn = 0;
    for (i, a) in maps.iter().chain([&future, &current]).enumerate() {
        for b in maps.iter().chain([&future, &current]) {
            let compared = compare_baseline(a, b);
            let Some(baseline) = compared.baseline else {
                assert!(compared.future.iter().any(|d| d.code == Code::BaselineScaleMismatch));
                continue;
            };
            let f = journey(a);
            assert_eq!(baseline.travellers.len(), f.travellers().len());
            assert_eq!(baseline.steps.iter().map(Vec::len).sum::<usize>(), f.steps().count());
            for page in [Page::Auto, Page::A4] {
                let l = layout_against(a, b, page);
                crate::layout::assert_sound(&format!("map {i} against another, {page:?}"), &l);
            }
            drawn += 1;
        }
    }
    assert!(drawn > maps.len(), "most pairs share a scale: {drawn}");
}

#[test]
fn a_map_against_itself_has_nothing_new_nothing_gone_and_its_own_curves_behind() {
    let source = std::fs::read_to_string(root().join("tests/maps/twelve-personas.journey")).unwrap();
    let compared = compare_baseline(&source, &source);
    assert!(compared.future.is_empty() && compared.current.is_empty());
    let baseline = compared.baseline.unwrap();
    assert!(baseline.gone.is_empty() && baseline.steps.iter().flatten().all(|s| !s.new));
    let l = layout_against(&source, &source, Page::Auto);
    let curves = |role: CurveRole| {
        l.items
            .iter()
            .filter_map(|i| if let Item::Curve(c) = i { Some(c) } else { None })
            .filter(|c| c.role == role)
            .count()
    };
    // Many personas: thin, as their own are.
    assert_eq!(curves(CurveRole::Baseline { thin: true }), 12);
    assert_eq!(curves(CurveRole::Persona { thin: true }), 12);
    for item in &l.items {
        if let Item::Curve(own) = item
            && own.role == (CurveRole::Persona { thin: true })
        {
            let base = l.items.iter().find_map(|i| match i {
                Item::Curve(c) if matches!(c.role, CurveRole::Baseline { .. }) && c.persona == own.persona => Some(c),
                _ => None,
            });
            assert_eq!(base.map(|b| &b.points), Some(&own.points), "the same curve, behind: {:?}", own.persona);
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

    /// Edited versions of the pair, each side edited on its own: whatever compiles
    /// compares without a panic, and what can be drawn lays out soundly.
    #[test]
    fn edited_pairs_compare_and_lay_out_soundly(
        future_edits in proptest::collection::vec(crate::props::mutation(), 0..4),
        current_edits in proptest::collection::vec(crate::props::mutation(), 0..4),
    ) {
        let (future, current) = bredbaand();
        let edit = |text: &str, edits: &[crate::props::Mutation]| {
            let bytes = edits.iter().fold(text.as_bytes().to_vec(), |t, m| crate::props::apply(&t, m));
            String::from_utf8_lossy(&bytes).into_owned()
        };
        let (future, current) = (edit(&future, &future_edits), edit(&current, &current_edits));
        let compiles = |text: &str| crate::common::check_str(text).compiled.journey.is_some();
        if compiles(&future) && compiles(&current) {
            let compared = compare_baseline(&future, &current);
            proptest::prop_assert_eq!(compared.baseline.is_some(), !compared.has_errors());
            if compared.baseline.is_some() {
                crate::layout::assert_sound("an edited pair", &layout_against(&future, &current, Page::A4));
                proptest::prop_assert!(render_svg_against(&future, &current).ends_with("</svg>\n"));
            }
        }
    }
}

#[test]
fn a_drawing_without_curves_still_marks_new_and_gone_steps_and_has_the_button() {
    let (future, current) = bredbaand();
    let without = |text: &str| text.replace("lang da\n", "lang da\nlanes actions touchpoints\n");
    let (future, current) = (without(&future), without(&current));
    let l = layout_against(&future, &current, Page::Auto);
    assert!(!l.items.iter().any(|i| matches!(i, Item::Curve(_))), "no emotion lane, no curves");
    assert!(l.items.iter().any(|i| matches!(i, Item::Card(c) if !c.pills.is_empty())));
    assert!(l.items.iter().any(|i| matches!(i, Item::Text(t) if t.role == TextRole::GoneStep)));
    let page = render_html_against(&future, &current);
    assert_eq!(elements(&page, "class=\"baseline-toggle\"").len(), 1, "the button is there to hide them");
}
