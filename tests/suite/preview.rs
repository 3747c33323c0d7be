//! `journeymap preview`: a running server, spoken to over raw HTTP, answers only its
//! own routes at its own address, and pushes every save, break and fix to its pages.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running preview, stopped when the test ends however it ends.
pub struct Preview {
    child: Child,
    pub address: SocketAddr,
    pub url: String,
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Preview {
    /// Starts `journeymap preview MAP ARGS…` on a free port and waits for its URL.
    pub fn start(map: &Path, args: &[&str]) -> Preview {
        let mut child = Command::new(env!("CARGO_BIN_EXE_journeymap"))
            .arg("preview")
            .arg(map)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("journeymap runs");
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let mut said = String::new();
        let url = loop {
            let line = lines.next().unwrap_or_else(|| panic!("the preview stopped; it said:\n{said}")).unwrap();
            said.push_str(&line);
            said.push('\n');
            if let Some(rest) = line.strip_prefix("journeymap preview: http://") {
                break format!("http://{}", rest.split_whitespace().next().unwrap());
            }
        };
        // The rest of what it says is not read: drain it so that it never blocks.
        std::thread::spawn(move || lines.for_each(drop));
        let address = url.trim_start_matches("http://").trim_end_matches('/').parse().expect("an address");
        Preview { child, address, url }
    }
}

/// A raw HTTP/1.1 GET (or `method`) with `host` as its Host header: the status, the
/// headers (lower-case names) and the body.
fn request(address: SocketAddr, method: &str, path: &str, host: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(stream, "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, head.to_ascii_lowercase(), body.to_string())
}

fn get(preview: &Preview, path: &str) -> (u16, String, String) {
    request(preview.address, "GET", path, &preview.address.to_string())
}

/// The event stream of one page: each `update` event's JSON, as it comes.
struct Events(BufReader<TcpStream>);

impl Events {
    fn open(preview: &Preview) -> Events {
        let mut stream = TcpStream::connect(preview.address).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        write!(stream, "GET /events HTTP/1.1\r\nHost: {}\r\n\r\n", preview.address).unwrap();
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert!(line.starts_with("HTTP/1.1 200"), "{line}");
        loop {
            line.clear();
            reader.read_line(&mut line).unwrap();
            if line == "\r\n" {
                break;
            }
            if line.to_ascii_lowercase().starts_with("content-type") {
                assert!(line.contains("text/event-stream"), "{line}");
            }
        }
        Events(reader)
    }

    /// The next update (keep-alive comments skipped), within 20 s.
    fn next(&mut self) -> serde_json::Value {
        let mut line = String::new();
        let start = Instant::now();
        loop {
            assert!(start.elapsed() < Duration::from_secs(20), "no update came");
            line.clear();
            assert!(self.0.read_line(&mut line).unwrap() > 0, "the event stream ended");
            if let Some(json) = line.strip_prefix("data: ") {
                return serde_json::from_str(json).unwrap();
            }
        }
    }
}

fn save(map: &Path, text: &str) {
    // As an editor saves: written beside it, renamed over it.
    let temp = map.with_extension("journey.tmp");
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, map).unwrap();
}

fn example(dir: &Path) -> PathBuf {
    let map = dir.join("map.journey");
    std::fs::write(&map, include_str!("../../examples/home-insurance.journey")).unwrap();
    map
}

#[test]
fn the_preview_answers_only_its_own_routes_at_its_own_address() {
    let dir = tempfile::tempdir().unwrap();
    let map = example(dir.path());
    let preview = Preview::start(&map, &[]);
    assert!(preview.address.ip().is_loopback(), "{}", preview.address);

    let (status, head, body) = get(&preview, "/");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/html"), "{head}");
    assert!(head.contains("content-security-policy: default-src 'none'"), "{head}");
    assert!(body.contains("<title>Buying home insurance</title>"), "the page is the map's");
    assert!(body.contains("<script src=\"/live.js\"></script>"), "it loads the live script");
    for load in ["src=\"http", "href=\"http", "url(http", "@import"] {
        assert!(!body.contains(load), "it loads nothing from elsewhere: {load}");
    }
    let (status, _, script) = get(&preview, "/live.js");
    assert_eq!(status, 200);
    assert!(script.contains("EventSource(\"/events\")"));
    assert_eq!(get(&preview, "/page").0, 200);

    for path in ["/map.journey", "/../map.journey", "/%2e%2e/map.journey", "/journeymap.yaml", "/index.html", "/page/x"]
    {
        assert_eq!(get(&preview, path).0, 404, "{path}");
    }
    let host = preview.address.to_string();
    assert_eq!(request(preview.address, "POST", "/", &host).0, 405);
    let port = preview.address.port();
    assert_eq!(request(preview.address, "GET", "/", &format!("localhost:{port}")).0, 200);
    // A page of another site whose name now points here (DNS rebinding) is refused.
    for foreign in [format!("evil.example:{port}"), "127.0.0.1".into(), format!("127.0.0.1:{}", port.wrapping_add(1))] {
        assert_eq!(request(preview.address, "GET", "/", &foreign).0, 403, "{foreign}");
        assert_eq!(request(preview.address, "GET", "/events", &foreign).0, 403, "{foreign}");
    }
}

#[test]
fn every_save_break_delete_and_fix_reaches_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let map = example(dir.path());
    let original = std::fs::read_to_string(&map).unwrap();
    let preview = Preview::start(&map, &[]);
    let mut events = Events::open(&preview);
    let first = events.next();
    assert_eq!(first["drawing"], first["version"], "{first}");
    assert_eq!(first["problems"], serde_json::json!([]));

    // A save: a new drawing.
    save(&map, &original.replace("Buying home insurance", "Buying renter's insurance"));
    let saved = events.next();
    assert!(saved["version"].as_u64() > first["version"].as_u64(), "{saved}");
    assert_eq!(saved["drawing"], saved["version"], "{saved}");
    let (_, head, page) = get(&preview, "/page");
    assert!(page.contains("Buying renter&#39;s insurance") || page.contains("Buying renter's insurance"));
    assert!(head.contains(&format!("x-journeymap-version: {}", saved["drawing"])), "{head}");

    // Broken: the problems, with code and place; the last good drawing is kept.
    let broken_text = original.replace("emotion anna -2", "emotion anan -2");
    assert_ne!(broken_text, original, "the example has the emotion the test breaks");
    save(&map, &broken_text);
    let broken = events.next();
    assert_eq!(broken["drawing"], saved["drawing"], "{broken}");
    let problem = &broken["problems"][0];
    assert_eq!(problem["severity"], "error", "{broken}");
    assert!(problem["code"].as_str().unwrap().starts_with('J'), "{problem}");
    let line = broken_text.lines().position(|l| l.contains("emotion anan")).unwrap() + 1;
    assert_eq!(problem["line"], line, "{problem}");
    assert!(problem["help"].as_str().unwrap().contains("anna"), "did you mean: {problem}");
    assert!(get(&preview, "/page").2.contains("Buying renter"), "the last good page is still served");

    // Deleted: said so; back: drawn again, the problems gone.
    std::fs::remove_file(&map).unwrap();
    let gone = events.next();
    assert!(gone["heading"].as_str().unwrap().contains("gone"), "{gone}");
    save(&map, &original);
    let fixed = events.next();
    assert_eq!(fixed["problems"], serde_json::json!([]), "{fixed}");
    assert_eq!(fixed["drawing"], fixed["version"], "{fixed}");
    assert!(get(&preview, "/").2.contains("<title>Buying home insurance</title>"));

    // A second page gets the state as it is now, at once.
    let mut late = Events::open(&preview);
    assert_eq!(late.next()["version"], fixed["version"]);
}

#[test]
fn a_project_file_saved_redraws_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let map = example(dir.path());
    let project = dir.path().join("journeymap.yaml");
    std::fs::write(&project, "lints:\n  unused-persona: allow\n").unwrap();
    let preview = Preview::start(&map, &[]);
    let mut events = Events::open(&preview);
    let first = events.next();
    let temp = dir.path().join("journeymap.yaml.tmp");
    std::fs::write(&temp, "lints:\n  unused-persona: forbid\n").unwrap();
    std::fs::rename(&temp, &project).unwrap();
    let broken = events.next();
    assert!(broken["version"].as_u64() > first["version"].as_u64());
    assert!(broken["heading"].as_str().unwrap().contains("project file"), "{broken}");
    assert_eq!(broken["drawing"], first["drawing"]);
}

#[test]
fn a_data_file_saved_redraws_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.journey");
    std::fs::write(&map, include_str!("../data/map.journey")).unwrap();
    let data = dir.path().join("kpis.csv");
    std::fs::write(&data, "kpi,value,date\nwait,7,2026-10-01\n").unwrap();
    let preview = Preview::start(&map, &["--data", data.to_str().unwrap()]);
    let mut events = Events::open(&preview);
    let first = events.next();
    assert_eq!(first["problems"], serde_json::json!([]), "{first}");
    assert!(get(&preview, "/").2.contains("as of 2026-10-01"));
    // Saved as editors save: a new file renamed over the old.
    let save = |text: &str| {
        let temp = dir.path().join("kpis.csv.tmp");
        std::fs::write(&temp, text).unwrap();
        std::fs::rename(&temp, &data).unwrap();
    };
    save("kpi,value,date\nwait,seven,2026-11-01\n");
    let broken = events.next();
    assert!(broken["version"].as_u64() > first["version"].as_u64());
    let problem = &broken["problems"][0];
    assert_eq!(problem["code"], "J0905", "{broken}");
    assert!(problem["message"].as_str().unwrap().contains("in the data file"), "{broken}");
    assert_eq!(broken["drawing"], first["drawing"], "the last good drawing is kept");
    save("kpi,value,date\nwait,6,2026-11-01\n");
    let fixed = events.next();
    assert_eq!(fixed["drawing"], fixed["version"], "{fixed}");
    assert!(get(&preview, "/").2.contains("as of 2026-11-01"));
}

#[test]
fn a_port_in_use_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let map = example(dir.path());
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["preview", map.to_str().unwrap(), "--port", &port])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains(&format!("port {port}")) && said.contains("in use"), "{said}");
    let missing = Command::new(env!("CARGO_BIN_EXE_journeymap")).args(["preview", "nowhere.journey"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_and_frees_its_port() {
    let dir = tempfile::tempdir().unwrap();
    let map = example(dir.path());
    let mut preview = Preview::start(&map, &[]);
    assert_eq!(get(&preview, "/").0, 200);
    let pid = preview.child.id().to_string();
    assert!(Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
    let start = Instant::now();
    while preview.child.try_wait().unwrap().is_none() {
        assert!(start.elapsed() < Duration::from_secs(10), "still running after Ctrl-C");
        std::thread::sleep(Duration::from_millis(20));
    }
    TcpListener::bind(preview.address).expect("the port is free again");
    assert!(std::fs::read_to_string(&map).unwrap().contains("Buying home insurance"), "the map is untouched");
}

#[test]
fn a_preview_against_a_baseline_draws_it_and_redraws_when_the_baseline_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let read = |side: &str| {
        std::fs::read_to_string(crate::common::root().join(format!("tests/baseline/bredbaand.{side}.journey"))).unwrap()
    };
    let (future, current) = (dir.path().join("future.journey"), dir.path().join("current.journey"));
    std::fs::write(&future, read("future")).unwrap();
    let today = read("current");
    std::fs::write(&current, &today).unwrap();
    let preview = Preview::start(&future, &["--baseline", current.to_str().unwrap()]);
    let mut events = Events::open(&preview);
    let first = events.next();
    assert_eq!(first["problems"], serde_json::json!([]), "{first}");
    let page = get(&preview, "/page").2;
    assert!(page.contains("class=\"baseline-toggle\""), "the page has the baseline's button");
    assert!(page.contains("data-persona=\"mette\""));
    assert!(page.contains(">\u{2013} Ringer til kundeservice<"), "and the gone step");

    // The baseline saved: the page is drawn again, with its new gone step.
    save(&current, &today.replace("Ringer til kundeservice", "Skriver til kundeservice"));
    let saved = events.next();
    assert!(saved["drawing"].as_u64() > first["drawing"].as_u64(), "{saved}");
    assert!(get(&preview, "/page").2.contains(">\u{2013} Skriver til kundeservice<"));

    // A baseline on another scale: the problem, in the future map, and the page kept.
    save(
        &current,
        &today
            .replace("lang da\n", "lang da\nscale 1..5\n")
            .replace("emotion mette -2", "emotion mette 1")
            .replace("emotion ole -2", "emotion ole 1")
            .replace("emotion mette -1", "emotion mette 1")
            .replace("emotion ole -1", "emotion ole 1")
            .replace("emotion mette 0", "emotion mette 1")
            .replace("emotion ole 0", "emotion ole 1"),
    );
    let broken = events.next();
    assert_eq!(broken["drawing"], saved["drawing"], "{broken}");
    assert_eq!(broken["problems"][0]["code"], "J0701", "{broken}");
    // Its own errors are shown as the baseline's.
    save(&current, "journey: Broken\nphase: P\n  stpe: S\n");
    let broken = events.next();
    let message = broken["problems"][0]["message"].as_str().unwrap();
    assert!(message.starts_with("in the baseline `"), "{broken}");
}

/// `preview --view opportunities` serves the impact/effort matrix as a live page: it has
/// the live script and the stage the script redraws in place, and a save that changes a
/// score reaches it.
#[test]
fn the_matrix_is_a_live_page_that_a_save_redraws() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.journey");
    let example = crate::common::root().join("../shared/examples-v1/bredband-beslutninger.journey");
    let original = std::fs::read_to_string(example).unwrap();
    std::fs::write(&map, &original).unwrap();
    let preview = Preview::start(&map, &["--view", "opportunities"]);
    let mut events = Events::open(&preview);
    let first = events.next();
    assert_eq!(first["problems"], serde_json::json!([]), "{first}");
    let (_, head, page) = get(&preview, "/");
    assert!(head.contains("content-security-policy: default-src 'none'"), "{head}");
    assert!(page.contains("<script src=\"/live.js\"></script>"), "it loads the live script");
    assert!(page.contains("<div class=\"stage\"><div class=\"map\" data-view=\"opportunities\"><svg"));
    assert!(page.contains("class=\"matrix-point\""), "the matrix, not the map");
    assert!(!page.contains("http-equiv=\"Content-Security-Policy\""), "the server's policy, not its own");
    let (_, _, script) = get(&preview, "/live.js");
    let (_, _, fonts) = get(&preview, "/fonts.css");
    assert!(script.contains("swapInPlace") && fonts.is_empty(), "the matrix holds its fonts");

    // The best-ranked opportunity made the worst: a new drawing, in a new order.
    let changed = original.replace("impact 2 effort 1: Vis leveringsdato", "impact 1 effort 5: Vis leveringsdato");
    assert_ne!(changed, original, "the example has the opportunity the test changes");
    save(&map, &changed);
    let saved = events.next();
    assert_eq!(saved["drawing"], saved["version"], "{saved}");
    let (_, _, redrawn) = get(&preview, "/page");
    let rank_of = |page: &str, text: &str| {
        let at = page.find(&format!(". {text}")).unwrap_or_else(|| panic!("{text} in {page}"));
        let group = page[..at].rfind("data-rank=\"").unwrap() + "data-rank=\"".len();
        page[group..group + page[group..].find('"').unwrap()].to_string()
    };
    assert_eq!(rank_of(&page, "Vis leveringsdato"), "1");
    assert_eq!(rank_of(&redrawn, "Vis leveringsdato"), "3");
}
