//! Every example's SVG in a real browser (headless Chromium): with the browser's own
//! text layout, no text overlaps another, leaves its box, or leaves the drawing.
//!
//! Needs Debian's `chromium` and the Liberation fonts (`.ci/run` installs both). Where
//! Chromium is missing the test says so and passes, unless `JOURNEYMAP_BROWSER_TESTS=1`
//! (set by `.ci/run`) demands it.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{example_maps, render_svg};
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
    let output = Command::new(browser)
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
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn examples_have_no_overlapping_or_escaping_text_in_chromium() {
    let Some(browser) = chromium() else { return };
    let script = std::fs::read_to_string(crate::common::root().join("tests/browser/check-layout.js")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for map in example_maps() {
        let source = std::fs::read_to_string(&map).unwrap();
        for page in [Page::Auto, Page::A4] {
            let svg = render_svg(&source, page);
            let html = format!(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{svg}<pre id=\"result\">not run</pre><script>{script}</script></body></html>"
            );
            let file = dir.path().join("page.html");
            std::fs::write(&file, html).unwrap();
            let dom = dump_dom(&browser, &file, &dir.path().join("profile"));
            let start = dom.find("<pre id=\"result\">").map(|i| i + "<pre id=\"result\">".len());
            let result = start.and_then(|s| dom[s..].find("</pre>").map(|e| &dom[s..s + e])).unwrap_or("no result");
            let result = result.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
            let json: serde_json::Value =
                serde_json::from_str(&result).unwrap_or_else(|_| panic!("{} ({page:?}): {result}", map.display()));
            assert!(json["texts"].as_u64().unwrap() > 10, "{}: {json}", map.display());
            let problems = json["problems"].as_array().unwrap();
            assert!(problems.is_empty(), "{} ({page:?}): {problems:#?}", map.display());
        }
    }
}
