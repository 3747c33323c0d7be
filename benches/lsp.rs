//! The language server's latency: from a one-character change of an open map to its
//! diagnostics published, through `journeymap::lsp::serve` on an in-memory connection
//! (what an editor waits for, less the pipe). Maps are `journeymap::generate`'s, the
//! same as `cargo run --release --example generate -- N`.
//! Run: `cargo bench --bench lsp`. Figures go to docs/performance.md.

use std::path::Path;

use journeymap::lsp::{Environment, Settings};
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};

fn main() {
    divan::main();
}

/// The built-in settings: the maps are not files, no project file applies.
struct NoProject;

impl Environment for NoProject {
    fn settings(&mut self, _: Option<&Path>) -> Result<Settings, String> {
        Ok(Settings::default())
    }

    fn forget(&mut self) {}
}

const URI: &str = "file:///bench/map.journey";

/// The next diagnostics the server publishes.
fn diagnostics(client: &Connection) -> Value {
    for message in &client.receiver {
        if let Message::Notification(n) = message
            && n.method == "textDocument/publishDiagnostics"
        {
            return n.params;
        }
    }
    panic!("the server stopped");
}

#[divan::bench(args = [1_000, 10_000])]
fn change_to_diagnostics(bencher: divan::Bencher, steps: usize) {
    let (server, client) = Connection::memory();
    let thread = std::thread::spawn(move || journeymap::lsp::serve(&server, &mut NoProject).unwrap());
    let init = Request::new(RequestId::from(1), "initialize".into(), json!({ "capabilities": {} }));
    client.sender.send(init.into()).unwrap();
    let _ = client.receiver.recv().unwrap();
    client.sender.send(Notification::new("initialized".into(), json!({})).into()).unwrap();
    let text = journeymap::generate::map(steps);
    let item = json!({ "uri": URI, "languageId": "journey", "version": 1, "text": text });
    client
        .sender
        .send(Notification::new("textDocument/didOpen".into(), json!({ "textDocument": item })).into())
        .unwrap();
    assert_eq!(diagnostics(&client)["diagnostics"], json!([]));

    // A step's text in the middle of the map gains a letter, then loses it again.
    let (line, content) =
        text.lines().enumerate().filter(|(_, l)| l.trim_start().starts_with("step")).nth(steps / 2).unwrap();
    let end = content.encode_utf16().count();
    let mut version = 1;
    bencher.bench_local(|| {
        version += 1;
        let (range, new_text) = match version % 2 {
            0 => {
                (json!({ "start": { "line": line, "character": end }, "end": { "line": line, "character": end } }), "x")
            }
            _ => (
                json!({ "start": { "line": line, "character": end }, "end": { "line": line, "character": end + 1 } }),
                "",
            ),
        };
        let change = json!({ "textDocument": { "uri": URI, "version": version },
                             "contentChanges": [{ "range": range, "text": new_text }] });
        client.sender.send(Notification::new("textDocument/didChange".into(), change).into()).unwrap();
        diagnostics(&client)
    });

    client.sender.send(Request::new(RequestId::from(2), "shutdown".into(), Value::Null).into()).unwrap();
    client.sender.send(Notification::new("exit".into(), Value::Null).into()).unwrap();
    assert!(thread.join().unwrap());
}
