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

#[test]
fn examples_have_no_overlapping_or_escaping_text_in_chromium() {
    let Some(browser) = chromium() else { return };
    let script = std::fs::read_to_string(crate::common::root().join("tests/browser/check-layout.js")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for map in drawn_maps() {
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
