//! `journeymap lsp` end to end: the binary spoken to over stdio in Content-Length framed
//! JSON-RPC, as an editor does; and a real editor, Neovim, driving it (`tests/lsp/`).

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

/// How long any one answer may take before the test fails.
const PATIENCE: Duration = Duration::from_secs(20);

/// A running `journeymap lsp` and the messages it sent that were not read yet.
struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    unread: VecDeque<Value>,
    next_id: i64,
}

impl Client {
    /// Starts the server in `dir` and initializes it; returns the client and the
    /// server's capabilities.
    fn start(dir: &Path) -> (Client, Value) {
        Client::start_with(dir, json!({}))
    }

    /// [`Client::start`] for a client with `capabilities`.
    fn start_with(dir: &Path, capabilities: Value) -> (Client, Value) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_journeymap"))
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("journeymap lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (send, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if send.send(message).is_err() {
                    break;
                }
            }
        });
        let mut client = Client { child, stdin, incoming, unread: VecDeque::new(), next_id: 0 };
        let capabilities = {
            let params = json!({ "processId": null, "rootUri": null, "capabilities": capabilities });
            let init = client.request("initialize", params);
            init["result"]["capabilities"].clone()
        };
        client.notify("initialized", json!({}));
        (client, capabilities)
    }

    fn send(&mut self, message: &Value) {
        let body = serde_json::to_string(message).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and waits for its response (`result` or `error`).
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait(|m| m["id"] == id && m.get("method").is_none())
    }

    /// The first message (read or new) that `wanted` accepts.
    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.unread.iter().position(&wanted) {
            return self.unread.remove(i).unwrap();
        }
        loop {
            let message = self.incoming.recv_timeout(PATIENCE).expect("the server answers in time");
            if wanted(&message) {
                return message;
            }
            self.unread.push_back(message);
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let m = self.wait(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri);
        m["params"]["diagnostics"].as_array().cloned().unwrap_or_default()
    }

    fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        let item = json!({ "uri": uri, "languageId": "journey", "version": 1, "text": text });
        self.notify("textDocument/didOpen", json!({ "textDocument": item }));
        self.diagnostics(uri)
    }

    /// Asks for `method` at a position of `uri`.
    fn at(&mut self, method: &str, uri: &str, line: u32, character: u32, extra: Value) -> Value {
        let mut params =
            json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } });
        if let (Some(params), Some(extra)) = (params.as_object_mut(), extra.as_object()) {
            params.extend(extra.clone());
        }
        self.request(method, params)
    }

    /// `shutdown`, then `exit`: the exit code.
    fn stop(mut self) -> Option<i32> {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null, "{response}");
        assert!(response.get("error").is_none());
        self.notify("exit", Value::Null);
        self.exit_code()
    }

    fn exit_code(mut self) -> Option<i32> {
        drop(self.stdin);
        let started = std::time::Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            assert!(started.elapsed() < PATIENCE, "the server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// One Content-Length framed message, or `None` at the end of the stream.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 {
            return None;
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some(n) = header.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn range(start: (u32, u32), end: (u32, u32)) -> Value {
    json!({ "start": { "line": start.0, "character": start.1 }, "end": { "line": end.0, "character": end.1 } })
}

/// A map with two errors: a control character after `ø` and an emoji (line 3), and a
/// misspelt persona (line 4).
const BROKEN: &str =
    "journey: Flytning 🏠\npersona anna: Anna\nphase: Før\n  step: Søg 😀 \u{1b} nu\n    emotion ana -1: Træt\n";

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn uri_of(path: &Path) -> String {
    format!("file://{}", path.display())
}

#[test]
fn initialize_announces_what_the_server_does() {
    let dir = temp();
    let (client, caps) = Client::start(dir.path());
    assert_eq!(caps["textDocumentSync"], 2, "incremental sync: {caps}");
    for provider in [
        "completionProvider",
        "hoverProvider",
        "definitionProvider",
        "referencesProvider",
        "documentSymbolProvider",
        "foldingRangeProvider",
        "documentFormattingProvider",
        "codeActionProvider",
    ] {
        assert!(!caps[provider].is_null() && caps[provider] != false, "{provider} missing: {caps}");
    }
    assert_eq!(caps["renameProvider"]["prepareProvider"], true);
    assert_eq!(client.stop(), Some(0));
}

#[test]
fn diagnostics_come_in_utf16_and_a_change_that_fixes_the_map_clears_them() {
    let dir = temp();
    let (mut client, _) = Client::start(dir.path());
    let uri = uri_of(&dir.path().join("flyt.journey"));
    let diags = client.open(&uri, BROKEN);
    assert_eq!(diags.len(), 2, "{diags:?}");
    // `  step: Søg 😀 ` is 14 characters but 15 UTF-16 code units: the emoji is two.
    assert_eq!(diags[0]["code"], "J0002");
    assert_eq!(diags[0]["range"], range((3, 15), (3, 16)));
    assert_eq!(diags[0]["severity"], 1);
    assert_eq!(diags[1]["code"], "J0303");
    assert_eq!(diags[1]["range"], range((4, 12), (4, 15)));
    assert_eq!(diags[1]["message"], "`ana` is not declared\nhelp: did you mean `anna`?");
    assert_eq!(diags[1]["source"], "journeymap");

    // Two incremental changes: the control character removed (after the emoji), then
    // the persona's missing letter typed.
    let change = |version: i32, at: Value, text: &str| json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "range": at, "text": text }] });
    client.notify("textDocument/didChange", change(2, range((3, 15), (3, 17)), ""));
    let diags = client.diagnostics(&uri);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["code"], "J0303");
    client.notify("textDocument/didChange", change(3, range((4, 14), (4, 14)), "n"));
    assert_eq!(client.diagnostics(&uri), Vec::<Value>::new());
    // The text the server holds is the fixed map: it formats, and hover sees `anna`.
    let hover = client.at("textDocument/hover", &uri, 4, 13, json!({}));
    assert!(hover["result"]["contents"]["value"].as_str().unwrap().contains("persona anna: Anna"), "{hover}");
    assert_eq!(client.stop(), Some(0));
}

#[test]
fn secondary_spans_are_related_information() {
    let dir = temp();
    let (mut client, _) = Client::start(dir.path());
    let uri = uri_of(&dir.path().join("twice.journey"));
    let diags = client.open(&uri, "journey: Ø\npersona anna: A\npersona anna: B\nphase: P\nstep: S\n");
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["code"], "J0301");
    assert_eq!(diags[0]["range"], range((2, 8), (2, 12)));
    assert_eq!(
        diags[0]["relatedInformation"],
        json!([{ "location": { "uri": uri, "range": range((1, 8), (1, 12)) }, "message": "first declared here" }])
    );
    assert_eq!(client.stop(), Some(0));
}

#[test]
fn a_byte_order_mark_the_compiler_drops_still_counts_for_the_editor() {
    let dir = temp();
    let (mut client, _) = Client::start(dir.path());
    let uri = uri_of(&dir.path().join("bom.journey"));
    let diags = client.open(&uri, "\u{feff}journey: T\nphase: P\nstep: S\nstpe: S\n");
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["code"], "J0101");
    assert_eq!(diags[0]["range"], range((3, 0), (3, 4)));
    let diags = client.open(&uri, "\u{feff}jorney: T\nphase: P\nstep: S\n");
    // The mark is one UTF-16 unit before the keyword.
    assert_eq!(diags[0]["range"], range((0, 1), (0, 7)), "{diags:?}");
    assert_eq!(client.stop(), Some(0));
}

#[test]
fn warnings_follow_the_project_file_above_the_map() {
    let dir = temp();
    std::fs::write(dir.path().join("journeymap.yaml"), "lints:\n  unused-persona: deny\n").unwrap();
    std::fs::create_dir(dir.path().join("maps")).unwrap();
    let (mut client, _) = Client::start(dir.path());
    let uri = uri_of(&dir.path().join("maps/a.journey"));
    let map = "journey: T\npersona anna: A\npersona bo: B\nphase: P\nstep anna: S\nemotion 1:\n";
    let diags = client.open(&uri, map);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!((diags[0]["code"].as_str(), diags[0]["severity"].as_i64()), (Some("J0502"), Some(1)));
    // The project file changes: the editor says so, the map is checked again.
    std::fs::write(dir.path().join("journeymap.yaml"), "lints:\n  unused-persona: allow\n").unwrap();
    let yaml = uri_of(&dir.path().join("journeymap.yaml"));
    client.notify("workspace/didChangeWatchedFiles", json!({ "changes": [{ "uri": yaml, "type": 2 }] }));
    assert_eq!(client.diagnostics(&uri), Vec::<Value>::new());
    assert_eq!(client.stop(), Some(0));
}

#[test]
fn a_broken_project_file_is_shown_and_the_map_checked_without_it() {
    let dir = temp();
    std::fs::write(dir.path().join("journeymap.yaml"), "lints:\n  unused-persona: sometimes\n").unwrap();
    let (mut client, _) = Client::start(dir.path());
    let uri = uri_of(&dir.path().join("a.journey"));
    let map = "journey: T\npersona anna: A\npersona bo: B\nphase: P\nstep anna: S\nemotion 1:\n";
    let diags = client.open(&uri, map);
    // The built-in level: a warning.
    assert_eq!((diags[0]["code"].as_str(), diags[0]["severity"].as_i64()), (Some("J0502"), Some(2)));
    let shown = client.wait(|m| m["method"] == "window/showMessage");
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(message.contains("journeymap.yaml") && message.contains("has errors"), "{message}");
    assert_eq!(client.stop(), Some(0));
}

#[test]
fn a_client_that_can_watch_files_is_asked_to_watch_project_files() {
    let dir = temp();
    let capabilities = json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } });
    let (mut client, _) = Client::start_with(dir.path(), capabilities);
    let request = client.wait(|m| m["method"] == "client/registerCapability");
    let registration = &request["params"]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(registration["registerOptions"]["watchers"][0]["globPattern"], "**/journeymap.yaml");
    client.send(&json!({ "jsonrpc": "2.0", "id": request["id"], "result": null }));
    assert_eq!(client.stop(), Some(0));
}

#[test]
fn quick_fixes_apply_the_suggestion_and_declare_the_id() {
    let dir = temp();
    let (mut client, _) = Client::start(dir.path());
    let uri = uri_of(&dir.path().join("fix.journey"));
    let map =
        "journey: T\npersona anna: A\nchannel web: Web\nphase: P\nstep: S\nemotion ana -1: x\ntouchpoint app: y\n";
    let diags = client.open(&uri, map);
    assert_eq!(diags.len(), 2, "{diags:?}");
    let actions = |client: &mut Client, line: u32| {
        let params = json!({ "textDocument": { "uri": uri }, "range": range((line, 0), (line, 20)),
                             "context": { "diagnostics": [] } });
        client.request("textDocument/codeAction", params)["result"].as_array().cloned().unwrap()
    };
    let fixes = actions(&mut client, 5);
    assert_eq!(fixes[0]["title"], "Replace `ana` with `anna`");
    assert_eq!(fixes[0]["kind"], "quickfix");
    assert_eq!(fixes[0]["edit"]["changes"][&uri], json!([{ "range": range((5, 8), (5, 11)), "newText": "anna" }]));
    assert_eq!(fixes[0]["diagnostics"][0]["code"], "J0303");
    assert_eq!(fixes[1]["title"], "Declare `ana` as a persona");
    assert_eq!(
        fixes[1]["edit"]["changes"][&uri],
        json!([{ "range": range((1, 15), (1, 15)), "newText": "\npersona ana: ana" }])
    );
    // `app` has no near miss: declared as a channel (after the last) or an owner.
    let fixes = actions(&mut client, 6);
    let titles: Vec<&str> = fixes.iter().map(|f| f["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Declare `app` as a channel", "Declare `app` as an owner"]);
    assert_eq!(fixes[0]["edit"]["changes"][&uri][0]["range"], range((2, 16), (2, 16)));
    assert_eq!(fixes[0]["edit"]["changes"][&uri][0]["newText"], "\nchannel app: app");
    assert_eq!(client.stop(), Some(0));
}

/// A valid map; line numbers (from 0) are in the tests' positions.
const MAP: &str = concat!(
    "journey: T\n",
    "scale 1..5\n",
    "persona anna: Anna\n",
    "persona bo: Bo\n",
    "channel web: Web\n",
    "owner sales: Sales\n",
    "phase: Før\n",
    "  step anna: Søg\n",
    "    emotion anna 4: Glad\n",
    "    touchpoint web sales: Site\n",
    "  step: Vælg\n",
    "    emotion 2:\n",
    "phase: Efter\n",
    "  step bo: Flyt\n",
    "    emotion bo 3:\n",
);

#[test]
fn completion_offers_the_ids_that_fit() {
    let dir = temp();
    let (mut client, _) = Client::start(dir.path());
    let uri = uri_of(&dir.path().join("c.journey"));
    let text = format!("{MAP}    emotion \n");
    client.open(&uri, &text);
    let labels = |response: Value| -> Vec<String> {
        let items = response["result"].as_array().cloned().unwrap_or_default();
        items.iter().map(|i| i["label"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(labels(client.at("textDocument/completion", &uri, 15, 12, json!({}))), ["anna", "bo"]);
    assert_eq!(labels(client.at("textDocument/completion", &uri, 9, 15, json!({}))), ["web", "sales"]);
    let keywords = labels(client.at("textDocument/completion", &uri, 15, 0, json!({})));
    assert!(keywords.contains(&"touchpoint".to_string()) && keywords.contains(&"backstage".to_string()));
    // A position past the end is the end: no answer, no crash.
    assert_eq!(client.at("textDocument/completion", &uri, 99, 99, json!({}))["result"], Value::Null);
    assert_eq!(client.stop(), Some(0));
}

#[test]
fn hover_explains_keywords_ids_and_scores() {
    let dir = temp();
    let (mut client, _) = Client::start(dir.path());
    let uri = uri_of(&dir.path().join("h.journey"));
    client.open(&uri, MAP);
    let hover = |client: &mut Client, line, character| {
        let r = client.at("textDocument/hover", &uri, line, character, json!({}));
        r["result"]["contents"]["value"].as_str().unwrap_or("").to_string()
    };
    assert!(
        hover(&mut client, 8, 5).starts_with("`emotion [persona] <score> [sources…]: [why]`\n\nHow the persona feels")
    );
    assert_eq!(hover(&mut client, 7, 8), "persona `anna`, declared:\n```journey\npersona anna: Anna\n```");
    assert_eq!(hover(&mut client, 8, 17), "emotion 4 of persona `anna`, on the map's scale 1..5");
    assert_eq!(hover(&mut client, 11, 12), "emotion 2 of every persona of the step, on the map's scale 1..5");
    assert_eq!(client.stop(), Some(0));
}

#[test]
fn definition_references_and_rename_follow_the_ids() {
    let dir = temp();
    let (mut client, _) = Client::start(dir.path());
    let uri = uri_of(&dir.path().join("n.journey"));
    client.open(&uri, MAP);
    let definition = client.at("textDocument/definition", &uri, 8, 14, json!({}));
    assert_eq!(definition["result"], json!({ "uri": uri, "range": range((2, 8), (2, 12)) }));
    let references =
        client.at("textDocument/references", &uri, 2, 9, json!({ "context": { "includeDeclaration": true } }));
    let lines: Vec<i64> = references["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["range"]["start"]["line"].as_i64().unwrap())
        .collect();
    assert_eq!(lines, [2, 7, 8]);

    let prepare = client.at("textDocument/prepareRename", &uri, 7, 9, json!({}));
    assert_eq!(prepare["result"], json!({ "range": range((7, 7), (7, 11)), "placeholder": "anna" }));
    let rename = client.at("textDocument/rename", &uri, 7, 9, json!({ "newName": "ann" }));
    let edits = rename["result"]["changes"][&uri].as_array().unwrap().clone();
    assert_eq!(edits.len(), 3);
    assert!(edits.iter().all(|e| e["newText"] == "ann"));
    assert_eq!(edits[2]["range"], range((8, 12), (8, 16)));

    for (name, why) in [("critical", "reserved word"), ("bo", "already the id of a persona"), ("web", "already")] {
        let refused = client.at("textDocument/rename", &uri, 7, 9, json!({ "newName": name }));
        assert!(refused.get("result").is_none_or(Value::is_null), "{refused}");
        assert!(refused["error"]["message"].as_str().unwrap().contains(why), "{refused}");
    }
    let nothing = client.at("textDocument/prepareRename", &uri, 0, 2, json!({}));
    assert!(nothing["error"]["message"].is_string(), "{nothing}");
    assert_eq!(client.stop(), Some(0));
}

#[test]
fn symbols_are_phases_with_their_steps_and_fold_per_phase() {
    let dir = temp();
    let (mut client, _) = Client::start(dir.path());
    let uri = uri_of(&dir.path().join("s.journey"));
    client.open(&uri, MAP);
    let symbols = client.request("textDocument/documentSymbol", json!({ "textDocument": { "uri": uri } }));
    let outline: Vec<(String, Vec<String>)> = symbols["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let steps = p["children"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap().to_string());
            (p["name"].as_str().unwrap().to_string(), steps.collect())
        })
        .collect();
    assert_eq!(
        outline,
        [
            ("Før".to_string(), vec!["Søg".to_string(), "Vælg".to_string()]),
            ("Efter".to_string(), vec!["Flyt".to_string()])
        ]
    );
    let folds = client.request("textDocument/foldingRange", json!({ "textDocument": { "uri": uri } }));
    let lines: Vec<(i64, i64)> = folds["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["startLine"].as_i64().unwrap(), f["endLine"].as_i64().unwrap()))
        .collect();
    assert_eq!(lines, [(6, 11), (12, 14)]);
    assert_eq!(client.stop(), Some(0));
}

#[test]
fn formatting_writes_what_fmt_writes_and_refuses_a_map_with_errors() {
    let dir = temp();
    let (mut client, _) = Client::start(dir.path());
    let uri = uri_of(&dir.path().join("f.journey"));
    let messy = "journey:   T\npersona anna:A\nphase:P\nstep anna:   S\n        emotion anna 1 :  ok\n";
    client.open(&uri, messy);
    let fmt = crate::cli::run(&["fmt", "-"], Some(messy.as_bytes()));
    let expected = String::from_utf8(fmt.stdout).unwrap();
    assert_ne!(expected, messy);
    let options = json!({ "tabSize": 2, "insertSpaces": true });
    let edits =
        client.request("textDocument/formatting", json!({ "textDocument": { "uri": uri }, "options": options }));
    assert_eq!(edits["result"], json!([{ "range": range((0, 0), (5, 0)), "newText": expected }]));

    let broken = uri_of(&dir.path().join("g.journey"));
    client.open(&broken, BROKEN);
    let refused =
        client.request("textDocument/formatting", json!({ "textDocument": { "uri": broken }, "options": options }));
    assert!(refused["error"]["message"].as_str().unwrap().contains("the map has errors"), "{refused}");
    assert!(refused.get("result").is_none_or(Value::is_null));
    assert_eq!(client.stop(), Some(0));
}

#[test]
fn bad_requests_get_errors_and_exit_without_shutdown_is_code_1() {
    let dir = temp();
    let (mut client, _) = Client::start(dir.path());
    let uri = "untitled:Untitled-1";
    // A document that is not a file is checked all the same.
    assert_eq!(client.open(uri, BROKEN).len(), 2);
    // Edits out of range, a reversed range, positions in the middle of an emoji.
    let change = json!({ "textDocument": { "uri": uri, "version": 2 },
        "contentChanges": [{ "range": range((3, 14), (3, 13)), "text": "x" },
                           { "range": range((50, 3), (60, 0)), "text": "\nnote: end" }] });
    client.notify("textDocument/didChange", change);
    assert_eq!(client.diagnostics(uri).len(), 2);
    let hover = client.at("textDocument/hover", uri, 3, 13, json!({}));
    assert!(hover.get("error").is_none(), "{hover}");
    let unknown = client.at("textDocument/hover", "file:///not/open.journey", 0, 0, json!({}));
    assert!(unknown["error"]["message"].as_str().unwrap().contains("not open"));
    let garbage = client.request("textDocument/definition", json!({ "nonsense": true }));
    assert_eq!(garbage["error"]["code"], -32602);
    let missing = client.request("journeymap/nothing", json!({}));
    assert_eq!(missing["error"]["code"], -32601);
    client.notify("exit", Value::Null);
    assert_eq!(client.exit_code(), Some(1));
}

/// Neovim (`tests/lsp/nvim.lua`) opens a map with an error through `journeymap lsp`,
/// waits for its diagnostics, asks for completion and renames a persona.
#[test]
fn neovim_gets_diagnostics_completion_and_a_rename() {
    if Command::new("nvim").arg("--version").output().is_err() {
        eprintln!(
            "skipped: `nvim` is not installed (Debian: apt-get install neovim), so no real editor drives the server"
        );
        return;
    }
    let dir = temp();
    let map = dir.path().join("flyt.journey");
    let text = "journey: Flytning 🏠\npersona anna: Anna\nphase: Før\nstep anna: Søg 😀\n  emotion ana -1: Træt\n";
    std::fs::write(&map, text).unwrap();
    let out = dir.path().join("out.json");
    let config = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lsp/nvim.lua");
    let mut nvim = Command::new("nvim")
        .args(["--headless", "--clean", "-u"])
        .arg(&config)
        .env("JOURNEYMAP_BIN", env!("CARGO_BIN_EXE_journeymap"))
        .env("JOURNEYMAP_MAP", &map)
        .env("JOURNEYMAP_OUT", &out)
        // Neovim's state and logs in the test's directory, not the user's.
        .env("XDG_STATE_HOME", dir.path())
        .env("XDG_CACHE_HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .expect("nvim starts");
    let started = std::time::Instant::now();
    while nvim.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = nvim.kill();
            panic!("nvim did not finish in a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let results: Value = serde_json::from_slice(&std::fs::read(&out).expect("nvim wrote its results")).unwrap();
    assert!(results.get("error").is_none(), "{results}");
    let diagnostics = results["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{results}");
    assert_eq!(diagnostics[0]["code"], "J0303");
    assert_eq!((diagnostics[0]["lnum"].as_i64(), diagnostics[0]["col"].as_i64()), (Some(4), Some(10)));
    assert!(diagnostics[0]["message"].as_str().unwrap().contains("did you mean `anna`?"));
    assert_eq!(results["completion"], json!(["anna"]));
    assert_eq!(
        results["lines"],
        json!([
            "journey: Flytning 🏠",
            "persona ann: Anna",
            "phase: Før",
            "step ann: Søg 😀",
            "  emotion ana -1: Træt"
        ])
    );
    assert!(results["refused"].as_str().unwrap().contains("reserved word"), "{results}");
}
