//! Every example in a real browser (headless Chromium): the SVG with the browser's own
//! text layout (no text overlaps another, leaves its box, or leaves the drawing), and
//! the HTML page loaded from a local server and driven like a person would.
//!
//! Needs Debian's `chromium` and the Liberation fonts (`.ci/run` installs both). Where
//! Chromium is missing the test says so and passes, unless `JOURNEYMAP_BROWSER_TESTS=1`
//! (set by `.ci/run`) demands it.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{drawn_maps, example_maps, render_svg_view};
use journeymap::lanes::View;
use journeymap::layout::Page;

fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .map(|name| Path::new("/usr/bin").join(name))
        .find(|p| p.exists());
    if found.is_none() {
        assert!(
            std::env::var("JOURNEYMAP_BROWSER_TESTS").is_err(),
            "JOURNEYMAP_BROWSER_TESTS is set but no Chromium is installed"
        );
        eprintln!("browser test skipped: no chromium in /usr/bin (apt-get install chromium)");
    }
    found
}

/// Loads `html` in headless Chromium and returns the DOM after its scripts ran.
fn dump_dom(browser: &Path, html: &Path, profile: &Path) -> String {
    let output = chromium_command(browser, profile)
        .arg("--dump-dom")
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn chromium_command(browser: &Path, profile: &Path) -> Command {
    let mut command = Command::new(browser);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()));
    command
}

/// What `<pre id="result">` says in a dumped DOM.
fn result_of(dom: &str) -> String {
    let start = dom.find("<pre id=\"result\">").map(|i| i + "<pre id=\"result\">".len());
    let result = start.and_then(|s| dom[s..].find("</pre>").map(|e| &dom[s..s + e])).unwrap_or("no result");
    result.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
}

/// What `check-layout.js` (`script`) finds in an HTML `page` of ours loaded in Chromium.
/// The page's policy allows only its own script, so the test's goes in without it.
fn layout_of_page(browser: &Path, page: &str, script: &str, dir: &Path, what: &str) -> serde_json::Value {
    let start = page.find("<meta http-equiv=\"Content-Security-Policy\"").expect("the page has a policy");
    let end = start + page[start..].find('>').unwrap() + 1;
    let page = format!("{}{}", &page[..start], &page[end..])
        .replace("</body>", &format!("<pre id=\"result\">not run</pre><script>{script}</script></body>"));
    let file = dir.join("page.html");
    std::fs::write(&file, page).unwrap();
    let result = result_of(&dump_dom(browser, &file, &dir.join("profile")));
    serde_json::from_str(&result).unwrap_or_else(|_| panic!("{what}: {result}"))
}

#[test]
fn examples_have_no_overlapping_or_escaping_text_in_chromium() {
    let Some(browser) = chromium() else { return };
    let script = std::fs::read_to_string(crate::common::root().join("tests/browser/check-layout.js")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    // The bare SVG is drawn with the system's fonts: Liberation Sans (as Arial would be).
    // The map of every script needs the page's own fonts, and is checked as a page below.
    for map in drawn_maps().into_iter().filter(|m| !m.ends_with("mixed-scripts.journey")) {
        let source = std::fs::read_to_string(&map).unwrap();
        for (page, view) in [(Page::Auto, View::Journey), (Page::A4, View::Journey), (Page::Auto, View::Blueprint)] {
            let svg = render_svg_view(&source, page, view);
            let html = format!(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{svg}<pre id=\"result\">not run</pre><script>{script}</script></body></html>"
            );
            let file = dir.path().join("page.html");
            std::fs::write(&file, html).unwrap();
            let result = result_of(&dump_dom(&browser, &file, &dir.path().join("profile")));
            let json: serde_json::Value = serde_json::from_str(&result)
                .unwrap_or_else(|_| panic!("{} ({page:?}, {view:?}): {result}", map.display()));
            assert!(json["texts"].as_u64().unwrap() > 5, "{}: {json}", map.display());
            // The emotion notes are found where the script looks for them, so their texts
            // are measured against their own boxes.
            let notes = svg.matches("<g class=\"emotion-note\"").count();
            assert_eq!(json["notes"].as_u64(), Some(notes as u64), "{}: {json}", map.display());
            let problems = json["problems"].as_array().unwrap();
            assert!(problems.is_empty(), "{} ({page:?}, {view:?}): {problems:#?}", map.display());
        }
    }
}

/// A map drawn against its baseline (its new badge, its list of gone steps): no text
/// overlaps another or leaves its box in Chromium either.
#[test]
fn a_map_against_its_baseline_has_no_overlapping_or_escaping_text_in_chromium() {
    let Some(browser) = chromium() else { return };
    let script = std::fs::read_to_string(crate::common::root().join("tests/browser/check-layout.js")).unwrap();
    let read = |side: &str| {
        let path = crate::common::root().join(format!("tests/baseline/bredbaand.{side}.journey"));
        std::fs::read_to_string(path).unwrap()
    };
    let (future, current) = (read("future"), read("current"));
    let dir = tempfile::tempdir().unwrap();
    for page in [Page::Auto, Page::A4] {
        let rendered = crate::common::render_against(&future, &current, &[journeymap::render::Format::Svg], page);
        let svg = String::from_utf8(rendered.get(journeymap::render::Format::Svg).unwrap().clone().unwrap()).unwrap();
        assert!(svg.contains("class=\"pill\"") && svg.contains("gone-step"), "the baseline is drawn");
        let html = format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{svg}<pre id=\"result\">not run</pre><script>{script}</script></body></html>"
        );
        let file = dir.path().join("page.html");
        std::fs::write(&file, html).unwrap();
        let result = result_of(&dump_dom(&browser, &file, &dir.path().join("profile")));
        let json: serde_json::Value = serde_json::from_str(&result).unwrap_or_else(|_| panic!("{page:?}: {result}"));
        assert!(json["texts"].as_u64().unwrap() > 20, "{json}");
        let problems = json["problems"].as_array().unwrap();
        assert!(problems.is_empty(), "{page:?}: {problems:#?}");
    }
}

/// The HTML page of maps in every script, with the fonts it embeds (subset to its
/// characters): Chromium draws each text within the room the layout measured, so no
/// text overlaps another or leaves its box, and it uses the page's fonts, not the
/// system's. The twelve-persona and notes maps are in `example_maps`' checks above.
#[test]
fn every_script_fits_its_box_in_chromium_with_the_pages_own_fonts() {
    let Some(browser) = chromium() else { return };
    let script = std::fs::read_to_string(crate::common::root().join("tests/browser/check-layout.js")).unwrap();
    let source = std::fs::read_to_string(crate::common::root().join("tests/maps/mixed-scripts.journey")).unwrap();
    let checked = crate::common::check_str(&source);
    let journey = checked.compiled.journey.expect("a valid map");
    let dir = tempfile::tempdir().unwrap();
    for view in [View::Journey, View::Blueprint] {
        let options = journeymap::render::RenderOptions {
            formats: vec![journeymap::render::Format::Html],
            layout: journeymap::layout::Options { view: Some(view), ..Default::default() },
            ..Default::default()
        };
        let rendered = journeymap::render::render(&journey, &source, &options);
        let page = String::from_utf8(rendered.get(journeymap::render::Format::Html).unwrap().clone().unwrap()).unwrap();
        let json = layout_of_page(&browser, &page, &script, dir.path(), &format!("{view:?}"));
        assert!(json["texts"].as_u64().unwrap() > 20, "{json}");
        let problems = json["problems"].as_array().unwrap();
        assert!(problems.is_empty(), "{view:?}: {problems:#?}");
        let fonts = json["fonts"].to_string();
        for family in ["Noto Sans Arabic", "Droid Sans Fallback", "Noto Sans Thai", "Twemoji Mozilla"] {
            assert!(fonts.contains(family), "{view:?}: {family} not used: {fonts}");
        }
    }
}

/// Serves `files` (path → body) on a loopback port until `stop` is set.
fn serve(files: Vec<(String, Vec<u8>)>) -> (u16, std::sync::Arc<std::sync::atomic::AtomicBool>) {
    use std::io::{Read, Write};
    use std::sync::atomic::{AtomicBool, Ordering};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    let stopped = std::sync::Arc::clone(&stop);
    std::thread::spawn(move || {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
        while !stopped.load(Ordering::Relaxed) && std::time::Instant::now() < deadline {
            let Ok((mut stream, _)) = listener.accept() else {
                std::thread::sleep(std::time::Duration::from_millis(5));
                continue;
            };
            stream.set_nonblocking(false).unwrap();
            let mut request = [0u8; 4096];
            let n = stream.read(&mut request).unwrap_or(0);
            let line = String::from_utf8_lossy(&request[..n]);
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            let response = match files.iter().find(|(p, _)| *p == path) {
                Some((_, body)) => {
                    let mut r = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len()).into_bytes();
                    r.extend_from_slice(body);
                    r
                }
                None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec(),
            };
            let _ = stream.write_all(&response);
        }
    });
    (port, stop)
}

#[test]
fn examples_html_pages_work_offline_and_respond_to_the_keyboard_pointer_and_legend() {
    let Some(browser) = chromium() else { return };
    let script = std::fs::read_to_string(crate::common::root().join("tests/browser/check-page.js")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (mut wide, mut switched) = (0, 0);
    for map in example_maps() {
        let source = std::fs::read_to_string(&map).unwrap();
        let page = crate::common::render_html(&source);
        let checked = crate::common::check_str(&source);
        let journey = checked.compiled.journey.unwrap();
        let actions: Vec<String> = journey.steps().map(|(_, s)| s.action.value.clone()).collect();
        // Nothing that could be fetched: the only URL is the SVG namespace.
        let urls = page.matches("http://").count() + page.matches("https://").count();
        assert_eq!(urls, page.matches("http://www.w3.org/2000/svg").count(), "{}", map.display());

        // Loaded on its own: no console message at all (errors, CSP violations, blocked requests).
        let file = dir.path().join("page.html");
        std::fs::write(&file, &page).unwrap();
        let shot = dir.path().join("shot.png");
        let output = chromium_command(&browser, &dir.path().join("profile"))
            .args(["--enable-logging=stderr", "--v=0", "--window-size=1400,900"])
            .arg(format!("--screenshot={}", shot.display()))
            .arg(format!("file://{}", file.display()))
            .output()
            .unwrap();
        let log = String::from_utf8_lossy(&output.stderr);
        let console: Vec<&str> = log.lines().filter(|l| l.contains(":CONSOLE")).collect();
        assert!(console.is_empty(), "{}: {console:#?}", map.display());
        assert!(std::fs::metadata(&shot).map(|m| m.len() > 10_000).unwrap_or(false), "{}: a screenshot", map.display());

        // Driven from a harness page on the same local server.
        let harness = format!(
            "<!DOCTYPE html><meta charset=\"utf-8\"><iframe id=\"page\" src=\"/page.html\" width=\"1400\" height=\"900\"></iframe><pre id=\"result\">not run</pre><script>{script}</script>"
        );
        let (port, stop) = serve(vec![("/page.html".into(), page.into_bytes()), ("/".into(), harness.into_bytes())]);
        let output = chromium_command(&browser, &dir.path().join("profile"))
            .arg("--dump-dom")
            .arg(format!("http://127.0.0.1:{port}/"))
            .output()
            .unwrap();
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let result = result_of(&String::from_utf8_lossy(&output.stdout));
        let json: serde_json::Value =
            serde_json::from_str(&result).unwrap_or_else(|_| panic!("{}: {result}", map.display()));
        assert_eq!(json["steps"].as_u64(), Some(actions.len() as u64), "{}: {json}", map.display());
        assert!(!json["hint"].as_str().unwrap().is_empty());
        assert_eq!(json["focused"], actions[0].as_str(), "{}: focus shows the first step", map.display());
        if actions.len() > 1 {
            assert_eq!(
                json["afterArrow"],
                actions[1].as_str(),
                "{}: the arrow key moves to the next step",
                map.display()
            );
            assert_eq!(json["activeStep"], "2");
        }
        assert_eq!(json["hovered"], actions.last().unwrap().as_str(), "{}: hovering shows that step", map.display());
        // Persona buttons where the page has a journey view with curves.
        let journey_drawn = journey.view == View::Journey || journey.has_blueprint();
        let curves = journey_drawn && journey.lanes_for(View::Journey).contains(&journeymap::model::LaneKind::Emotions);
        if !journey.personas.is_empty() && curves {
            assert_eq!(
                (json["before"].as_str(), json["after"].as_str(), json["again"].as_str()),
                (Some("inline"), Some("none"), Some("inline")),
                "{}: {json}",
                map.display()
            );
            assert_eq!(json["pressed"], "false");
        }
        if json["wide"] == true {
            wide += 1;
            assert_eq!(
                (&json["pinnedShown"], &json["pinnedInView"]),
                (&serde_json::Value::Bool(true), &serde_json::Value::Bool(true)),
                "{}: scrolled right, the lane names stay in view: {json}",
                map.display()
            );
            assert_eq!(json["pinnedLabels"].as_u64(), Some(journey.lanes.len() as u64), "{}", map.display());
        } else {
            assert_eq!(json["pinnedShown"], false, "{}: no pinned lane names on a map that fits", map.display());
        }
        // A map with a blueprint has both views on its page, and a button switches them.
        if journey.has_blueprint() {
            assert_eq!(json["maps"], 2, "{}", map.display());
            let first = journey.view.name();
            let second = if first == "journey" { "blueprint" } else { "journey" };
            assert_eq!(json["viewSwitched"], serde_json::json!([first, second, "true"]), "{}", map.display());
            assert_eq!(json["otherFocused"], actions.last().unwrap().as_str(), "{}", map.display());
            switched += 1;
        } else {
            assert_eq!(json["maps"], 1, "{}", map.display());
        }
    }
    assert!(wide > 0, "some example is wider than the page, so the pinned lane names were tested");
    assert!(switched > 0, "some example has a blueprint, so the view buttons were tested");
}

/// Where `npm ci` put the browser tests' packages (`tests/browser/package.json`:
/// puppeteer-core and axe-core), if it did.
fn node_packages() -> Option<PathBuf> {
    let dir = crate::common::root().join("tests/browser");
    let found = dir.join("node_modules/puppeteer-core").is_dir() && dir.join("node_modules/axe-core").is_dir();
    if !found {
        assert!(
            std::env::var("JOURNEYMAP_BROWSER_TESTS").is_err(),
            "JOURNEYMAP_BROWSER_TESTS is set but tests/browser has no node_modules (npm ci --prefix tests/browser)"
        );
        eprintln!("browser test skipped: no puppeteer-core and axe-core (npm ci --prefix tests/browser)");
    }
    found.then_some(dir)
}

/// Runs `script` of the browser tests' packages with `config` (written into `dir`) and
/// returns the JSON it prints, which must not be an error.
fn run_node(packages: &Path, script: &str, config: &serde_json::Value, dir: &Path) -> serde_json::Value {
    let config_file = dir.join("config.json");
    std::fs::write(&config_file, config.to_string()).unwrap();
    let output = Command::new("node").arg(packages.join(script)).arg(&config_file).output().expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let result: serde_json::Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|_| panic!("{stdout}\n{}", String::from_utf8_lossy(&output.stderr)));
    assert!(result.get("error").is_none(), "{script}: {}", result["error"]);
    result
}

fn pdf_text(pdf: &Path, first: u32, last: Option<u32>) -> String {
    let mut command = Command::new("pdftotext");
    command.args(["-f", &first.to_string()]);
    if let Some(last) = last {
        command.args(["-l", &last.to_string()]);
    }
    let output = command.arg(pdf).arg("-").output().expect("pdftotext runs");
    assert!(output.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8_lossy(&output.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every example's page driven by puppeteer-core in Chromium, with axe-core: on a phone
/// (the drawer, a tap, zoom), on two laptops (one scroll area under the header, the
/// focused card never hidden, the focus ring, the skip link, persona highlighting, the
/// notes toggle), in dark mode and forced colours, and printed (header and map on page
/// 1, the appendix after it with every step and note). `JOURNEYMAP_SHOTS=DIR` keeps the
/// screenshots and PDFs there to look at.
#[test]
fn examples_html_pages_work_on_a_phone_on_laptops_in_dark_mode_and_in_print() {
    let Some(browser) = chromium() else { return };
    let Some(packages) = node_packages() else { return };
    let dir = tempfile::tempdir().unwrap();
    let out = std::env::var_os("JOURNEYMAP_SHOTS").map_or_else(|| dir.path().join("out"), PathBuf::from);
    std::fs::create_dir_all(&out).unwrap();
    struct Expected {
        title: String,
        phases: Vec<String>,
        actions: Vec<String>,
        notes: Vec<String>,
        personas: usize,
        has_notes: bool,
        all_steps: &'static str,
    }
    let mut pages = Vec::new();
    let mut expected = std::collections::BTreeMap::new();
    for (i, map) in example_maps().iter().enumerate() {
        let source = std::fs::read_to_string(map).unwrap();
        let journey = crate::common::journey(&source);
        let html = crate::common::render_html(&source);
        // The drawing has emotion notes where a step has an emotion with a reason.
        let variants = [(html.contains("class=\"emotion-notes\""), html)];
        for (has_notes, html) in variants {
            let stem = map.file_stem().unwrap().to_string_lossy();
            let name = format!("{i:02}-{stem}");
            let file = dir.path().join(format!("{name}.html"));
            std::fs::write(&file, &html).unwrap();
            let actions: Vec<String> = journey.steps().map(|(_, s)| s.action.value.clone()).collect();
            let notes: Vec<String> = journey
                .steps()
                .flat_map(|(_, s)| s.emotions.iter().filter_map(|e| e.text.as_ref().map(|t| t.value.clone())))
                .collect();
            pages.push(serde_json::json!({ "name": name, "file": file, "actions": actions, "notes": notes }));
            let drawn_personas = if journey.lanes_for(View::Journey).contains(&journeymap::model::LaneKind::Emotions) {
                journey.personas.len()
            } else {
                0
            };
            expected.insert(
                name,
                Expected {
                    title: journey.title.value.clone(),
                    phases: journey.phases.iter().map(|p| p.name.value.clone()).collect(),
                    actions,
                    notes,
                    personas: if journey.view == View::Journey || journey.has_blueprint() { drawn_personas } else { 0 },
                    has_notes,
                    all_steps: journeymap::model::Label::AllSteps.text(journey.lang),
                },
            );
        }
    }
    let config = serde_json::json!({
        "chromium": browser,
        "profile": dir.path().join("profile"),
        "out": out,
        "pages": pages,
    });
    let results = run_node(&packages, "check-screens.js", &config, dir.path());
    let num = |v: &serde_json::Value| v.as_f64().unwrap_or(f64::NAN);
    let mut corners = 0;
    for (name, want) in &expected {
        let r = &results[name];
        let n = want.actions.len();
        for laptop in r["laptop"].as_array().unwrap() {
            let at = format!("{name} at {}", laptop["width"]);
            // At 1280 the legend is worked too, and axe-core run.
            let full = laptop["width"] == 1280;
            assert_eq!(laptop["messages"], serde_json::json!([]), "{at}: no console message, no request");
            assert_eq!(laptop["violations"], serde_json::json!([]), "{at}: axe-core");
            // One scroll area: the map (and the side panel beside it, not nested); the
            // document does not scroll, and the map fills the window under the header.
            for area in laptop["scrollAreas"].as_array().unwrap() {
                assert!(["div.map", "aside#panel"].contains(&area.as_str().unwrap()), "{at}: {area} scrolls");
            }
            let fills = &laptop["mapFills"];
            assert!((num(&fills["top"]) - num(&fills["headerBottom"])).abs() <= 1.0, "{at}: {fills}");
            assert!((num(&fills["bottom"]) - num(&fills["viewport"])).abs() <= 1.0, "{at}: {fills}");
            assert_eq!(laptop["hidden"], serde_json::json!([]), "{at}: a focused card out of view");
            let pinned = &laptop["pinned"];
            corners += usize::from(pinned["down"] == true && pinned["right"] == true);
            if pinned["down"] == true {
                assert_eq!(pinned["row"], true, "{at}: scrolled down, the phase row stays: {pinned}");
                assert_eq!(pinned["phases"], pinned["allPhases"], "{at}: {pinned}");
            }
            if pinned["right"] == true {
                assert_eq!(pinned["lanes"], true, "{at}: scrolled right, the lane names stay: {pinned}");
                assert_eq!(pinned["ticks"], pinned["allTicks"], "{at}: and the emotion scale: {pinned}");
            }
            assert_eq!(laptop["afterEnd"], n.to_string(), "{at}");
            assert_eq!(laptop["afterLeft"], "1", "{at}: ArrowLeft back to the first step");
            let (focus, hover) = (&laptop["focusRing"], &laptop["hoverRing"]);
            assert!(num(&focus["contrast"]) >= 3.0, "{at}: focus ring {focus}");
            assert!(hover.is_object(), "{at}: a hovered card is marked");
            assert!(focus["stroke"] != hover["stroke"] && focus["width"] != hover["width"], "{at}: {focus} / {hover}");
            if laptop["buttonRing"].is_object() {
                assert!(num(&laptop["buttonRing"]["contrast"]) >= 3.0, "{at}: {}", laptop["buttonRing"]);
            }
            assert_eq!(laptop["firstTab"], "skip", "{at}: the skip link comes first");
            assert_eq!(laptop["afterSkip"], "1", "{at}: past the buttons to the first step");
            if full && want.personas > 1 {
                let picked = &laptop["picked"];
                assert_eq!(num(&picked["own"]), 1.0, "{at}: {picked}");
                assert!(picked["others"].as_array().unwrap().iter().all(|o| num(o) < 0.5), "{at}: {picked}");
                assert!(num(&picked["otherPoints"]) < 0.5, "{at}: {picked}");
                assert_eq!(laptop["unpicked"], true, "{at}");
                assert_eq!(laptop["curvePicked"], true, "{at}: hovering a curve picks its persona");
            }
            if full {
                assert_eq!(laptop["notesButton"], want.has_notes, "{at}: the notes toggle where there are notes");
            }
            if full && want.has_notes {
                assert_eq!(laptop["notesToggled"], serde_json::json!(["inline", "none", "inline"]), "{at}");
                if want.personas > 1 {
                    let notes = laptop["notesPicked"].as_array().unwrap();
                    assert!(!notes.is_empty());
                    for note in notes {
                        assert_eq!(num(&note[1]) == 1.0, note[0] == true, "{at}: {note}");
                    }
                }
            }
        }
        let phone = &r["phone"];
        assert!(num(&phone["mapWidth"]) >= 300.0, "{name}: the map on a phone {phone}");
        assert_eq!(phone["initial"], "peek", "{name}");
        assert_eq!(phone["violations"], serde_json::json!([]), "{name} on a phone: axe-core");
        let tapped = &phone["tapped"];
        let step: usize = phone["tappedStep"].as_str().unwrap().parse().unwrap();
        assert_eq!(tapped["state"], "open", "{name}: a tap opens the drawer {tapped}");
        assert_eq!(tapped["heading"], want.actions[step - 1].as_str(), "{name}: with the step tapped");
        assert_eq!(tapped["visible"], "visible");
        assert!(
            num(&tapped["height"]) <= 0.65 * num(&tapped["viewport"]),
            "{name}: the drawer leaves the map {tapped}"
        );
        assert_eq!(phone["closed"], serde_json::json!(["closed", "hidden"]), "{name}: the drawer closes");
        let zoom = &phone["zoom"];
        assert!((num(&zoom["after"][0]) / num(&zoom["before"][0]) - 1.25).abs() < 0.01, "{name}: zoom in {zoom}");
        assert_eq!(zoom["after"][1], "none", "{name}: the SVG is drawn larger, not transformed");
        assert!(num(&zoom["after"][2]) > num(&zoom["before"][1]), "{name}: {zoom}");
        assert!(num(&phone["zoomOut"]) < num(&zoom["before"][0]), "{name}: zoom out {phone}");
        let dark = &r["dark"];
        assert_eq!(dark["violations"], serde_json::json!([]), "{name} dark: axe-core");
        assert_eq!(dark["cards"], serde_json::json!([]), "{name} dark: card texts below 4.5:1");
        assert_eq!(dark["page"], "rgb(16, 24, 32)", "{name}: the map's page is dark");
        let forced = &dark["forced"];
        assert_eq!(forced["texts"].as_array().unwrap().len(), 1, "{name} in forced colours: {forced}");
        assert_eq!(forced["boxes"], forced["page"], "{name} in forced colours: {forced}");
        assert_ne!(forced["texts"], forced["page"], "{name} in forced colours: {forced}");
        if !forced["curves"].as_array().unwrap().is_empty() {
            assert_eq!(forced["curves"], forced["texts"], "{name} in forced colours: {forced}");
        }
        let print = &r["print"];
        assert_eq!(print["selectedStroke"], print["plainStroke"], "{name}: no hover printed");
        assert_eq!(print["dimmed"], 0, "{name}: no persona picked out in print");
        assert_eq!(print["appendixShown"], true);
        assert_eq!(print["screenAppendix"], "none", "{name}: the appendix is for print");
        assert_eq!(print["missingActions"], serde_json::json!([]), "{name}");
        assert_eq!(print["missingNotes"], serde_json::json!([]), "{name}");
        assert_eq!(print["hidden"], 0, "{name}: the panel, zoom and skip link are not printed");
        // The PDF Chromium prints: the header and the map on page 1, the appendix after.
        let pdf = PathBuf::from(print["pdf"].as_str().unwrap());
        let first = pdf_text(&pdf, 1, Some(1));
        assert!(first.contains(&squash(&want.title)), "{name}: the title on page 1: {first}");
        for phase in [want.phases.first().unwrap(), want.phases.last().unwrap()] {
            assert!(first.contains(&squash(phase)), "{name}: the map on page 1 ({phase}): {first}");
        }
        assert!(!first.contains(want.all_steps), "{name}: the appendix starts on its own page");
        let rest = pdf_text(&pdf, 2, None);
        assert!(rest.starts_with(want.all_steps), "{name}: {rest}");
        for text in want.actions.iter().chain(&want.notes) {
            assert!(rest.contains(&squash(text)), "{name}: {text:?} in the printed appendix: {rest}");
        }
    }
    assert!(corners > 0, "some example scrolls both ways, so every pinned part was tested");
    // Every screenshot is the window's size and shows a page, not one colour.
    let shots = results["shots"].as_object().unwrap();
    assert!(shots.len() >= 8 * expected.len(), "{}", shots.len());
    for (file, shot) in shots {
        let size = (shot["width"].as_u64().unwrap(), shot["height"].as_u64().unwrap());
        let want = match file {
            f if f.contains("-390") => (780, 1688),
            f if f.contains("-1440") => (1440, 900),
            _ => (1280, 800),
        };
        assert_eq!(size, want, "{file}");
        assert!(shot["colours"].as_u64().unwrap() > 30 && num(&shot["notBackground"]) > 0.02, "{file}: {shot}");
    }
}

/// `journeymap preview` in Chromium: a save redraws the page in place (the same page, no
/// reload), keeping the scroll, the selected step and a persona switched off; a broken
/// map keeps its drawing under the problems; a deleted map says so, and is drawn again
/// when it is back. `JOURNEYMAP_SHOTS=DIR` keeps a screenshot of the problems there.
#[test]
fn the_preview_redraws_in_place_and_shows_problems_over_the_last_drawing() {
    let Some(browser) = chromium() else { return };
    let Some(packages) = node_packages() else { return };
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("home-insurance.journey");
    std::fs::write(&map, include_str!("../../examples/home-insurance.journey")).unwrap();
    let preview = crate::preview::Preview::start(&map, &[]);
    let shot = std::env::var_os("JOURNEYMAP_SHOTS").map(PathBuf::from).map(|d| {
        std::fs::create_dir_all(&d).unwrap();
        d.join("preview-problems.png")
    });
    let config = serde_json::json!({
        "chromium": browser,
        "profile": dir.path().join("profile"),
        "url": preview.url,
        "map": map,
        "mode": "check",
        "shot": shot,
    });
    let r = run_node(&packages, "check-preview.js", &config, dir.path());
    assert_eq!(r["messages"], serde_json::json!([]), "no console message, no request elsewhere");
    let edit = &r["afterEdit"];
    assert_eq!(edit["samePage"], true, "redrawn in place, not reloaded: {edit}");
    assert_eq!(edit["keptDrawing"], true, "the drawing changed node by node, not replaced: {edit}");
    let then = &edit["then"];
    assert_eq!(then["selected"], "3", "hovering a step still shows it: {then}");
    assert_eq!(then["personaBack"], true, "one click, one toggle: {then}");
    assert_eq!(then["pinnedLanes"], 1, "the lane names pinned once: {then}");
    assert_eq!(edit["hasText"], true, "{edit}");
    assert_eq!(edit["left"], r["before"]["left"], "the scroll is kept: {r}");
    assert_eq!(edit["top"], r["before"]["top"], "the scroll is kept: {r}");
    assert_eq!(edit["selected"], "2", "the selected step is kept: {edit}");
    assert_eq!(edit["detail"], true, "{edit}");
    assert_eq!(edit["personaOff"], true, "the persona stays off: {edit}");
    assert_eq!(edit["personaCurveHidden"], true, "{edit}");
    assert_eq!(edit["overlay"], false, "{edit}");
    let broken = &r["broken"];
    let overlay = broken["overlay"].as_str().unwrap_or_default();
    assert!(overlay.contains("error[J") && overlay.contains("help:"), "code and help: {overlay}");
    let line = include_str!("../../examples/home-insurance.journey").lines().count() + 2;
    assert!(overlay.contains(&format!(" {line}:")), "line {line}: {overlay}");
    assert_eq!(broken["stillDrawn"], true, "the last good drawing stays: {broken}");
    assert_eq!(broken["samePage"], true);
    assert!(r["gone"].as_str().unwrap_or_default().contains("gone"), "{}", r["gone"]);
    let fixed = &r["fixed"];
    assert_eq!(fixed["overlay"], false, "the overlay goes once the map is fixed: {fixed}");
    assert_eq!(fixed["hasText"], false, "{fixed}");
    assert_eq!(fixed["samePage"], true, "{fixed}");
}

/// `journeymap preview --view opportunities` in Chromium: a save that changes a score
/// moves its point in the same page and the same drawing (changed node by node), the
/// point still lights up on hover, and a broken map keeps the matrix under its problems.
#[test]
fn the_preview_redraws_the_matrix_in_place() {
    let Some(browser) = chromium() else { return };
    let Some(packages) = node_packages() else { return };
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("bredband.journey");
    let example = crate::common::root().join("../shared/examples-v1/bredband-beslutninger.journey");
    std::fs::copy(example, &map).unwrap();
    let preview = crate::preview::Preview::start(&map, &["--view", "opportunities"]);
    let (from, to) = ("impact 2 effort 1: Vis", "impact 1 effort 5: Vis");
    let config = serde_json::json!({
        "chromium": browser,
        "profile": dir.path().join("profile"),
        "url": preview.url,
        "map": map,
        "mode": "matrix",
        "from": from,
        "to": to,
        "shot": std::env::var_os("JOURNEYMAP_SHOTS").map(|d| PathBuf::from(d).join("preview-matrix.png")),
    });
    let r = run_node(&packages, "check-preview.js", &config, dir.path());
    assert_eq!(r["messages"], serde_json::json!([]), "no console message, no request elsewhere");
    let point = |points: &serde_json::Value, text: &str| {
        points.as_array().unwrap().iter().find(|p| p["title"].as_str().unwrap().contains(text)).cloned().unwrap()
    };
    let (before, after) = (point(&r["before"], "Vis leveringsdato"), point(&r["after"]["points"], "Vis leveringsdato"));
    assert_eq!((before["rank"].as_str(), after["rank"].as_str()), (Some("1"), Some("3")), "{r}");
    assert_ne!((&before["cx"], &before["cy"]), (&after["cx"], &after["cy"]), "the point moved: {r}");
    assert_eq!(r["after"]["samePage"], true, "redrawn in place, not reloaded: {r}");
    assert_eq!(r["after"]["keptDrawing"], true, "the drawing changed node by node: {r}");
    assert_eq!(r["after"]["overlay"], false);
    assert_eq!(r["hovered"][0], "rgb(192, 86, 33)", "the hovered point lights up: {r}");
    let broken = &r["broken"];
    assert!(broken["overlay"].as_str().unwrap_or_default().contains("J0413"), "{broken}");
    assert_eq!(broken["samePage"], true);
    assert!(broken["points"].as_u64().unwrap() >= 3, "the last matrix stays: {broken}");
}

/// The impact/effort matrix's HTML page in Chromium, with the fonts it embeds, in every
/// label language: a sparse map, a German one with long compounds, and a crowded one
/// (nine points in one cell, long texts, unscored ones listed): no text overlaps
/// another or leaves the drawing.
#[test]
fn the_matrix_has_no_overlapping_text_in_chromium_in_every_language() {
    let Some(browser) = chromium() else { return };
    let script = std::fs::read_to_string(crate::common::root().join("tests/browser/check-layout.js")).unwrap();
    let read = |path: &str| std::fs::read_to_string(crate::common::root().join(path)).unwrap();
    let mut crowded = String::from(
        "journey: Ein sehr langer Titel für eine Reise mit vielen Chancen\nphase: Bestellung und Einrichtung\n  step: Bestellt den Anschluss online über die Webseite\n",
    );
    for i in 0..9 {
        crowded
            .push_str(&format!("    opportunity impact 5 effort 1: Statusseite mit Freischaltungsdatum Nummer {i}\n"));
    }
    for (i, (impact, effort)) in [(1, 1), (3, 3), (3, 4), (2, 3), (5, 5), (4, 2), (1, 5)].into_iter().enumerate() {
        crowded.push_str(&format!("    opportunity impact {impact} effort {effort}: Vertragslaufzeitübersicht {i}\n"));
    }
    crowded.push_str("    opportunity impact 4: Nur eine Wirkung\n    opportunity: Ganz ohne Bewertung, mit einem recht langen Text\n");
    let maps = [
        read("../shared/examples-v1/bredband-beslutninger.journey"),
        read("tests/maps/bedarf-entscheidung.journey"),
        crowded,
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut checked = 0;
    for map in &maps {
        for &lang in journeymap::model::Lang::ALL {
            let mut lines: Vec<String> = map.lines().filter(|l| !l.starts_with("lang ")).map(String::from).collect();
            let title = lines.iter().position(|l| l.starts_with("journey:")).unwrap();
            lines.insert(title + 1, format!("lang {}", lang.code()));
            let source = lines.join("\n") + "\n";
            let journey = crate::common::journey(&source);
            let options = journeymap::render::RenderOptions {
                formats: vec![journeymap::render::Format::Html],
                layout: journeymap::layout::Options { view: Some(View::Opportunities), ..Default::default() },
                ..Default::default()
            };
            let rendered = journeymap::render::render(&journey, &source, &options);
            let page = rendered.get(journeymap::render::Format::Html).unwrap().clone().unwrap();
            let page = String::from_utf8(page).unwrap();
            let json = layout_of_page(&browser, &page, &script, dir.path(), &format!("{lang:?}"));
            let points = journey.derived.ranked_opportunities.len() as u64;
            assert!(json["texts"].as_u64().unwrap() > 10 + 2 * points, "{lang:?}: {json}");
            let problems = json["problems"].as_array().unwrap();
            assert!(problems.is_empty(), "{lang:?} {}: {problems:#?}", journey.title.value);
            checked += 1;
        }
    }
    assert_eq!(checked, 15);
}
