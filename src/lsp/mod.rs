//! `journeymap lsp`: a language server (LSP 3.17) for editors, over any
//! [`lsp_server::Connection`] (the CLI's is stdio; tests may use memory).
//!
//! Documents are synced incrementally; each change recompiles the map under its
//! project's settings, as `check` would, and publishes the diagnostics. Requests are
//! answered from the current text's syntax tree, so that they work while the map has
//! errors. No input makes the server panic: a bad request gets an error response.
//! The server does no IO of its own beyond the connection: the project files are read
//! by the caller's [`Environment`].

mod actions;
mod complete;
mod diagnostics;
mod document;
mod hover;
mod index;
mod navigate;
mod symbols;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions, HoverContents,
    HoverProviderCapability, InitializeParams, Location, MarkupContent, MarkupKind, OneOf, PrepareRenameResponse,
    PublishDiagnosticsParams, RenameOptions, ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextEdit, Uri, WorkspaceEdit,
};
use lsp_types::{notification as note, request as req};
use serde_json::Value;

pub use document::Document;

use crate::config::Lints;
use crate::diag::Diag;

/// What the project file that applies to a map sets for the server.
#[derive(Clone)]
pub struct Settings {
    pub options: crate::Options,
    pub lints: Lints,
    pub fonts: Arc<crate::text::Fonts>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { options: crate::Options::default(), lints: Lints::default(), fonts: crate::text::Fonts::builtin() }
    }
}

/// Where the server's settings come from: the caller, which may read files.
pub trait Environment {
    /// The settings for the map at `path` (`None` for a document that is not a file), or
    /// why its project file cannot be used.
    fn settings(&mut self, path: Option<&Path>) -> Result<Settings, String>;
    /// Forgets every project file read: one has changed.
    fn forget(&mut self);
}

/// The name of the project file, whose changes the server asks to be told of.
const PROJECT_FILE: &str = crate::config::FILE_NAME;

/// LSP's `RequestFailed`: the request was valid, the server could not do it.
const REQUEST_FAILED: i32 = -32803;

/// Runs the server until `exit`. `true` when a `shutdown` came first (exit code 0).
pub fn serve(
    connection: &Connection,
    env: &mut dyn Environment,
) -> Result<bool, Box<dyn std::error::Error + Send + Sync>> {
    let capabilities = serde_json::to_value(capabilities())?;
    let params = connection.initialize(capabilities)?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let mut server = Server { connection, env, docs: BTreeMap::new(), shut_down: false, next_id: 0 };
    server.watch_project_files(&params);
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                let response = server.request(request);
                connection.sender.send(Message::Response(response))?;
            }
            Message::Notification(n) if n.method == note::Exit::METHOD => return Ok(server.shut_down),
            Message::Notification(n) => {
                // As for requests: a bug loses one notification's work, not the server.
                let handled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| server.notification(n)));
                if handled.is_err() {
                    server.log("internal error while handling a notification");
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(server.shut_down)
}

/// What the server offers.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::INCREMENTAL)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".to_string()]),
            ..CompletionOptions::default()
        }),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(lsp_types::FoldingRangeProviderCapability::Simple(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// An open map.
struct Open {
    doc: Document,
    /// The project's settings, read when the map was opened or a project file changed.
    settings: Settings,
    /// The diagnostics of the current text, for the quick fixes.
    diags: Vec<Diag>,
}

/// A request that could not be answered.
struct Failure {
    code: i32,
    message: String,
}

impl Failure {
    fn failed(message: impl Into<String>) -> Self {
        Failure { code: REQUEST_FAILED, message: message.into() }
    }
}

struct Server<'a> {
    connection: &'a Connection,
    env: &'a mut dyn Environment,
    docs: BTreeMap<Uri, Open>,
    shut_down: bool,
    next_id: i32,
}

impl Server<'_> {
    fn request(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        if self.shut_down {
            return Response::new_err(id, ErrorCode::InvalidRequest as i32, "the server is shutting down".into());
        }
        // A bug must not take the editor's server down: it becomes an error response.
        let result =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.dispatch(request))).unwrap_or_else(|_| {
                Err(Failure { code: ErrorCode::InternalError as i32, message: "internal error".into() })
            });
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err(failure) => Response::new_err(id, failure.code, failure.message),
        }
    }

    fn dispatch(&mut self, request: Request) -> Result<Value, Failure> {
        let Request { method, params, .. } = request;
        match method.as_str() {
            req::Shutdown::METHOD => {
                self.shut_down = true;
                Ok(Value::Null)
            }
            req::Completion::METHOD => handle::<req::Completion>(params, |p| {
                let at = p.text_document_position;
                let open = self.open(&at.text_document.uri)?;
                let Some(line) = open.doc.line_before(at.position) else { return Ok(None) };
                let items = complete::complete(&index::Index::new(open.doc.text()), line);
                Ok(Some(lsp_types::CompletionResponse::Array(items)))
            }),
            req::HoverRequest::METHOD => handle::<req::HoverRequest>(params, |p| {
                let at = p.text_document_position_params;
                let open = self.open(&at.text_document.uri)?;
                let offset = open.doc.offset(at.position);
                let text = hover::hover(&index::Index::new(open.doc.text()), open.doc.text(), offset);
                Ok(text.map(|value| lsp_types::Hover {
                    contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value }),
                    range: None,
                }))
            }),
            req::GotoDefinition::METHOD => handle::<req::GotoDefinition>(params, |p| {
                let at = p.text_document_position_params;
                let open = self.open(&at.text_document.uri)?;
                let span = navigate::definition(&index::Index::new(open.doc.text()), open.doc.offset(at.position));
                let location = |span| Location::new(at.text_document.uri.clone(), open.doc.range(span));
                Ok(span.map(|s| lsp_types::GotoDefinitionResponse::Scalar(location(s))))
            }),
            req::References::METHOD => handle::<req::References>(params, |p| {
                let at = p.text_document_position;
                let open = self.open(&at.text_document.uri)?;
                let index = index::Index::new(open.doc.text());
                let spans = navigate::references(&index, open.doc.offset(at.position), p.context.include_declaration);
                let uri = &at.text_document.uri;
                Ok(Some(spans.into_iter().map(|s| Location::new(uri.clone(), open.doc.range(s))).collect()))
            }),
            req::PrepareRenameRequest::METHOD => handle::<req::PrepareRenameRequest>(params, |p| {
                let open = self.open(&p.text_document.uri)?;
                let index = index::Index::new(open.doc.text());
                let o = navigate::prepare_rename(&index, open.doc.offset(p.position)).map_err(Failure::failed)?;
                let range = open.doc.range(o.span);
                Ok(Some(PrepareRenameResponse::RangeWithPlaceholder { range, placeholder: o.name.to_string() }))
            }),
            req::Rename::METHOD => handle::<req::Rename>(params, |p| {
                let at = p.text_document_position;
                let open = self.open(&at.text_document.uri)?;
                let index = index::Index::new(open.doc.text());
                let spans =
                    navigate::rename(&index, open.doc.offset(at.position), &p.new_name).map_err(Failure::failed)?;
                let edits = spans.into_iter().map(|s| TextEdit::new(open.doc.range(s), p.new_name.clone())).collect();
                Ok(Some(workspace_edit(&at.text_document.uri, edits)))
            }),
            req::DocumentSymbolRequest::METHOD => handle::<req::DocumentSymbolRequest>(params, |p| {
                let open = self.open(&p.text_document.uri)?;
                Ok(Some(lsp_types::DocumentSymbolResponse::Nested(symbols::document_symbols(&open.doc))))
            }),
            req::FoldingRangeRequest::METHOD => handle::<req::FoldingRangeRequest>(params, |p| {
                let open = self.open(&p.text_document.uri)?;
                Ok(Some(symbols::folding_ranges(&open.doc)))
            }),
            req::Formatting::METHOD => handle::<req::Formatting>(params, |p| {
                let open = self.open(&p.text_document.uri)?;
                format(open).map(Some)
            }),
            req::CodeActionRequest::METHOD => handle::<req::CodeActionRequest>(params, |p| {
                let open = self.open(&p.text_document.uri)?;
                Ok(Some(actions::quick_fixes(&open.doc, &p.text_document.uri, &open.diags, p.range)))
            }),
            _ => Err(Failure { code: ErrorCode::MethodNotFound as i32, message: format!("no method `{method}`") }),
        }
    }

    fn open(&self, uri: &Uri) -> Result<&Open, Failure> {
        self.docs.get(uri).ok_or_else(|| Failure::failed(format!("`{}` is not open", uri.as_str())))
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                let Ok(p) = cast::<note::DidOpenTextDocument>(n.params) else { return };
                let settings = self.settings(&p.text_document.uri);
                let open = Open { doc: Document::new(p.text_document.text), settings, diags: Vec::new() };
                self.docs.insert(p.text_document.uri.clone(), open);
                self.publish(&p.text_document.uri, Some(p.text_document.version));
            }
            note::DidChangeTextDocument::METHOD => {
                let Ok(p) = cast::<note::DidChangeTextDocument>(n.params) else { return };
                let uri = p.text_document.uri;
                let Some(open) = self.docs.get_mut(&uri) else { return };
                let refused: Vec<String> =
                    p.content_changes.iter().filter_map(|c| open.doc.apply(c.range, &c.text).err()).collect();
                for message in refused {
                    self.log(&format!("{}: {message}; change ignored", uri.as_str()));
                }
                self.publish(&uri, Some(p.text_document.version));
            }
            note::DidCloseTextDocument::METHOD => {
                let Ok(p) = cast::<note::DidCloseTextDocument>(n.params) else { return };
                self.docs.remove(&p.text_document.uri);
                self.send_diagnostics(p.text_document.uri, Vec::new(), None);
            }
            note::DidChangeWatchedFiles::METHOD => self.reload_projects(),
            note::DidSaveTextDocument::METHOD => {
                let Ok(p) = cast::<note::DidSaveTextDocument>(n.params) else { return };
                if file_path(&p.text_document.uri).is_some_and(|path| path.ends_with(PROJECT_FILE)) {
                    self.reload_projects();
                }
            }
            _ => {}
        }
    }

    /// A project file changed: every open map is compiled again under what it now says.
    fn reload_projects(&mut self) {
        self.env.forget();
        let uris: Vec<Uri> = self.docs.keys().cloned().collect();
        for uri in uris {
            let settings = self.settings(&uri);
            if let Some(open) = self.docs.get_mut(&uri) {
                open.settings = settings;
            }
            self.publish(&uri, None);
        }
    }

    fn settings(&mut self, uri: &Uri) -> Settings {
        match self.env.settings(file_path(uri).as_deref()) {
            Ok(settings) => settings,
            Err(message) => {
                self.show(&format!("{message}; the map is checked without its project file"));
                Settings::default()
            }
        }
    }

    fn publish(&mut self, uri: &Uri, version: Option<i32>) {
        let Some(open) = self.docs.get_mut(uri) else { return };
        open.diags = diagnostics::compile(open.doc.text(), &open.settings);
        let list = open.diags.iter().map(|d| diagnostics::to_lsp(&open.doc, uri, d)).collect();
        self.send_diagnostics(uri.clone(), list, version);
    }

    fn send_diagnostics(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams { uri, diagnostics, version };
        self.send_notification::<note::PublishDiagnostics>(params);
    }

    fn send_notification<N: note::Notification>(&self, params: N::Params) {
        let _ = self.connection.sender.send(Message::Notification(Notification::new(N::METHOD.to_string(), params)));
    }

    fn log(&self, message: &str) {
        let params = lsp_types::LogMessageParams { typ: lsp_types::MessageType::WARNING, message: message.to_string() };
        self.send_notification::<note::LogMessage>(params);
    }

    fn show(&self, message: &str) {
        let params =
            lsp_types::ShowMessageParams { typ: lsp_types::MessageType::WARNING, message: message.to_string() };
        self.send_notification::<note::ShowMessage>(params);
    }

    /// Asks the client to report changes of project files, when it can register for it.
    fn watch_project_files(&mut self, params: &InitializeParams) {
        let can = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        if !can {
            return;
        }
        let options = lsp_types::DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![lsp_types::FileSystemWatcher {
                glob_pattern: lsp_types::GlobPattern::String(format!("**/{PROJECT_FILE}")),
                kind: None,
            }],
        };
        let registration = lsp_types::Registration {
            id: "journeymap-project-files".to_string(),
            method: note::DidChangeWatchedFiles::METHOD.to_string(),
            register_options: serde_json::to_value(options).ok(),
        };
        let params = lsp_types::RegistrationParams { registrations: vec![registration] };
        self.next_id += 1;
        let request = Request::new(RequestId::from(self.next_id), req::RegisterCapability::METHOD.to_string(), params);
        let _ = self.connection.sender.send(Message::Request(request));
    }
}

/// The whole map as `fmt` writes it, or why not.
fn format(open: &Open) -> Result<Vec<TextEdit>, Failure> {
    let mut formatted = crate::format::format_with(open.doc.text().as_bytes(), &open.settings.options);
    open.settings.lints.apply(&mut formatted.compiled.diags);
    if formatted.compiled.has_errors() {
        return Err(Failure::failed("the map has errors: fix them first, `fmt` formats only a valid map"));
    }
    let text = formatted.result.map_err(|_| {
        Failure::failed("formatting this map would change its meaning (a bug in journeymap; please report it)")
    })?;
    if text == open.doc.text() {
        return Ok(Vec::new());
    }
    Ok(vec![TextEdit::new(open.doc.whole(), text)])
}

fn workspace_edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), edits)])), ..WorkspaceEdit::default() }
}

/// Reads a request's parameters, answers it with `answer`.
fn handle<R: lsp_types::request::Request>(
    params: Value,
    answer: impl FnOnce(R::Params) -> Result<R::Result, Failure>,
) -> Result<Value, Failure> {
    let params = serde_json::from_value(params)
        .map_err(|e| Failure { code: ErrorCode::InvalidParams as i32, message: format!("{}: {e}", R::METHOD) })?;
    let result = answer(params)?;
    serde_json::to_value(result).map_err(|e| Failure { code: ErrorCode::InternalError as i32, message: e.to_string() })
}

fn cast<N: lsp_types::notification::Notification>(params: Value) -> Result<N::Params, serde_json::Error> {
    serde_json::from_value(params)
}

/// The path of a `file:` URI, percent-decoded; `None` for any other URI.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file://host/path`: only the local host's files are ours.
    let path = if rest.starts_with('/') { rest } else { rest.strip_prefix("localhost")? };
    let mut bytes = Vec::with_capacity(path.len());
    let mut raw = path.bytes();
    while let Some(b) = raw.next() {
        if b == b'%' {
            let hex: Vec<u8> = raw.by_ref().take(2).collect();
            let decoded = std::str::from_utf8(&hex).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
            bytes.push(decoded?);
        } else {
            bytes.push(b);
        }
    }
    let path = String::from_utf8(bytes).ok()?;
    Some(PathBuf::from(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Every feature, at any position of any text made of the language's pieces
        /// (and of what breaks them), answers without panicking.
        #[test]
        fn no_request_panics(
            lines in proptest::collection::vec(
                "(journey|persona|channel|owner|phase|step|emotion|touchpoint|backstage|lanes|lang|scale|x)?\
                 ( (anna|web|sales|critical|online|-1|1..5|ø|😀|\u{1b}))*(:( Søg 😀)?)?\r?",
                0..12,
            ),
            positions in proptest::collection::vec((0u32..14, 0u32..40), 1..6),
        ) {
            let doc = Document::new(lines.join("\n"));
            let uri: Uri = "file:///p.journey".parse().unwrap();
            let diags = diagnostics::compile(doc.text(), &Settings::default());
            let index = index::Index::new(doc.text());
            for (line, character) in positions {
                let position = lsp_types::Position::new(line, character);
                let offset = doc.offset(position);
                if let Some(before) = doc.line_before(position) {
                    complete::complete(&index, before);
                }
                hover::hover(&index, doc.text(), offset);
                navigate::definition(&index, offset);
                navigate::references(&index, offset, true);
                let _ = navigate::rename(&index, offset, "zed");
                let range = lsp_types::Range::new(lsp_types::Position::new(0, 0), position);
                actions::quick_fixes(&doc, &uri, &diags, range);
            }
            for d in &diags {
                diagnostics::to_lsp(&doc, &uri, d);
            }
            symbols::document_symbols(&doc);
            symbols::folding_ranges(&doc);
        }
    }

    #[test]
    fn file_uris_become_paths_and_others_do_not() {
        let uri = |s: &str| s.parse::<Uri>().unwrap();
        assert_eq!(file_path(&uri("file:///home/a/r%C3%B8d%20kort.journey")), Some("/home/a/rød kort.journey".into()));
        assert_eq!(file_path(&uri("file://localhost/x.journey")), Some("/x.journey".into()));
        assert_eq!(file_path(&uri("untitled:Untitled-1")), None);
        assert_eq!(file_path(&uri("file://server/share/x.journey")), None);
        assert_eq!(file_path(&uri("file:///not-utf-8%FF")), None);
    }
}
