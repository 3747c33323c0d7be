//! The preview's HTTP side: its four routes and nothing else.

use std::io::Write as _;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use journeymap::render::html;
use tiny_http::{Header, Method, Request, Response};

use super::{Drawn, Shared};

const LIVE_SCRIPT: &str = include_str!("live.js");

/// Event streams open at once, at most: each holds a thread.
const MAX_STREAMS: usize = 64;

/// An event stream with nothing to say sends a comment this often, so that a closed tab
/// is noticed and its thread ends.
const KEEP_ALIVE: Duration = Duration::from_secs(10);

/// What a request gets.
#[derive(Debug, PartialEq, Eq)]
pub enum Route {
    Page,
    Fonts,
    Script,
    Events,
    NotFound,
    /// Not a GET.
    NotAllowed,
    /// A `Host` header that is not the address served: a page of another site that
    /// rebinds its name to this machine.
    ForeignHost,
}

/// The route of a request for `url` by `method` with `host` (its `Host` header), to a
/// server at `address`. Queries are ignored; paths are matched exactly, so there is no
/// file to reach by `..`.
pub fn route(method: &Method, url: &str, host: Option<&str>, address: SocketAddr) -> Route {
    if !host.is_some_and(|h| allowed_host(h, address)) {
        return Route::ForeignHost;
    }
    if *method != Method::Get {
        return Route::NotAllowed;
    }
    let path = url.split(['?', '#']).next().unwrap_or("");
    match path {
        "/" | "/page" => Route::Page,
        "/fonts.css" => Route::Fonts,
        "/live.js" => Route::Script,
        "/events" => Route::Events,
        _ => Route::NotFound,
    }
}

/// Whether a `Host` header names the server: its address and port, or, on loopback,
/// `localhost` with the port.
fn allowed_host(host: &str, address: SocketAddr) -> bool {
    let port = address.port();
    let named = super::display_host(address);
    let host = host.trim().to_ascii_lowercase();
    host == named || (address.ip().is_loopback() && host == format!("localhost:{port}"))
}

pub fn serve(server: &tiny_http::Server, shared: &Arc<Shared>, address: SocketAddr) {
    let streams = Arc::new(AtomicUsize::new(0));
    for request in server.incoming_requests() {
        let host = request.headers().iter().find(|h| h.field.equiv("Host")).map(|h| h.value.as_str().to_string());
        let route = route(request.method(), request.url(), host.as_deref(), address);
        let result = match route {
            Route::Page => {
                let drawn = shared.lock().clone();
                page(request, &drawn)
            }
            Route::Fonts => {
                let fonts = shared.lock().fonts.clone();
                request.respond(text(200, &fonts, "text/css; charset=utf-8"))
            }
            Route::Script => request.respond(text(200, LIVE_SCRIPT, "text/javascript; charset=utf-8")),
            Route::Events if streams.load(Ordering::SeqCst) >= MAX_STREAMS => {
                request.respond(text(503, "too many open pages\n", "text/plain; charset=utf-8"))
            }
            Route::Events => {
                let (shared, streams) = (Arc::clone(shared), Arc::clone(&streams));
                streams.fetch_add(1, Ordering::SeqCst);
                std::thread::spawn(move || {
                    events(request, &shared);
                    streams.fetch_sub(1, Ordering::SeqCst);
                });
                Ok(())
            }
            Route::NotFound => request.respond(text(404, "not found\n", "text/plain; charset=utf-8")),
            Route::NotAllowed => request
                .respond(text(405, "only GET\n", "text/plain; charset=utf-8").with_header(header("Allow", "GET"))),
            Route::ForeignHost => {
                request.respond(text(403, "this server answers only to its own address\n", "text/plain; charset=utf-8"))
            }
        };
        // A client that went away before its answer is nothing to report.
        drop(result);
    }
}

/// The page, or a page that waits for the map's first drawing.
fn page(request: Request, drawn: &Drawn) -> std::io::Result<()> {
    let waiting;
    let body = match &drawn.page {
        Some(page) => &**page,
        None => {
            waiting = waiting_page();
            &waiting
        }
    };
    let response = text(200, body, "text/html; charset=utf-8")
        .with_header(header("Content-Security-Policy", &html::live_policy()))
        .with_header(header("X-Journeymap-Version", &drawn.drawing.to_string()));
    request.respond(response)
}

/// The page before the map has been drawn once: the live script only, which shows the
/// problems and swaps the map's page in when it can be drawn.
fn waiting_page() -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta name=\"journeymap-version\" content=\"0\"><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>journeymap preview</title><style></style></head>\
         <body><main id=\"main\"><p>Waiting for the map to be drawn…</p></main><script src=\"/live.js\"></script></body></html>\n",
        html::live_policy()
    )
}

/// One tab's event stream: the state now, then the state after every change, until the
/// tab goes away.
fn events(request: Request, shared: &Shared) {
    let mut out = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\n\
                X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n";
    if out.write_all(head.as_bytes()).and_then(|()| out.flush()).is_err() {
        return;
    }
    let mut sent = None;
    loop {
        let message = {
            let mut drawn = shared.lock();
            while sent == Some(drawn.version) {
                let (next, timeout) =
                    shared.changed.wait_timeout(drawn, KEEP_ALIVE).unwrap_or_else(|poisoned| poisoned.into_inner());
                drawn = next;
                if timeout.timed_out() && sent == Some(drawn.version) {
                    break;
                }
            }
            if sent == Some(drawn.version) {
                None
            } else {
                sent = Some(drawn.version);
                Some(update(&drawn))
            }
        };
        let bytes = match message {
            Some(json) => format!("event: update\ndata: {json}\n\n"),
            None => ": still here\n\n".to_string(),
        };
        if out.write_all(bytes.as_bytes()).and_then(|()| out.flush()).is_err() {
            return;
        }
    }
}

/// The JSON of one event: the versions, and the problems for the overlay. One line:
/// serde_json escapes the newlines of every text.
pub fn update(drawn: &Drawn) -> String {
    serde_json::json!({
        "version": drawn.version,
        "drawing": drawn.drawing,
        "heading": drawn.heading,
        "problems": drawn.problems,
    })
    .to_string()
}

fn text(status: u16, body: &str, kind: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(body.as_bytes().to_vec())
        .with_status_code(status)
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header("Referrer-Policy", "no-referrer"))
}

fn header(field: &str, value: &str) -> Header {
    Header::from_bytes(field.as_bytes(), value.as_bytes()).expect("a valid header")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_its_own_routes_at_its_own_address() {
        let at: SocketAddr = "127.0.0.1:4321".parse().unwrap();
        let get = |url: &str, host: &str| route(&Method::Get, url, Some(host), at);
        assert_eq!(get("/", "127.0.0.1:4321"), Route::Page);
        assert_eq!(get("/page?v=3", "localhost:4321"), Route::Page);
        assert_eq!(get("/live.js", "127.0.0.1:4321"), Route::Script);
        assert_eq!(get("/fonts.css?0123abcd", "127.0.0.1:4321"), Route::Fonts);
        assert_eq!(get("/events", "127.0.0.1:4321"), Route::Events);
        for url in ["/../journeymap.yaml", "/map.journey", "/index.html", "//etc/passwd", "/%2e%2e/", "/page/"] {
            assert_eq!(get(url, "127.0.0.1:4321"), Route::NotFound, "{url}");
        }
        for host in ["evil.example:4321", "127.0.0.1:80", "localhost", "127.0.0.1.evil.example:4321", ""] {
            assert_eq!(get("/", host), Route::ForeignHost, "{host}");
        }
        assert_eq!(route(&Method::Get, "/", None, at), Route::ForeignHost);
        assert_eq!(route(&Method::Post, "/", Some("127.0.0.1:4321"), at), Route::NotAllowed);
        // On another address, `localhost` is not it.
        let lan: SocketAddr = "192.168.1.5:8000".parse().unwrap();
        assert_eq!(route(&Method::Get, "/", Some("localhost:8000"), lan), Route::ForeignHost);
        assert_eq!(route(&Method::Get, "/", Some("192.168.1.5:8000"), lan), Route::Page);
    }
}
