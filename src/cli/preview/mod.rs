//! `journeymap preview MAP`: a local HTTP server with the map's HTML page, redrawn in
//! every open tab each time the map or its project file is saved.
//!
//! - [`build`] compiles and draws the map into a [`Drawn`]: the page, or the problems
//!   that keep the last good page on screen.
//! - `server::serve` answers the page's routes only (see `server::route`): `/` and
//!   `/page` (the page), `/fonts.css` (its fonts), `/live.js` (its script that swaps a
//!   new page in), `/events` (server-sent events: a line of JSON on every change). Anything else is 404; a `Host` header
//!   other than the address served is 403 (DNS rebinding).
//! - A watcher thread rebuilds on every change of the map's or the project file's
//!   directory whose inputs differ from the last build.
//!
//! tiny_http serves it: synchronous, a few small dependencies, no async runtime for a
//! server with one user.

mod server;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use journeymap::diag::Severity;
use journeymap::render::html;

use super::input::Source;
use super::project::{Failure, Projects};
use super::render::ViewArg;
use super::{Outcome, output};

#[derive(Clone, clap::Args)]
pub struct Args {
    /// The map to show.
    #[arg(value_name = "MAP")]
    map: PathBuf,
    /// The port to listen on; 0 (the default) lets the system pick a free one.
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// The address to listen on. Default: 127.0.0.1 (this machine only). Any other
    /// address lets every machine that can reach it read the map.
    #[arg(long)]
    host: Option<IpAddr>,
    /// Open the page in the system's browser.
    #[arg(long)]
    open: bool,
    /// What to draw: `journey`, `blueprint` or `opportunities`. Default: the map's `view`, else the project
    /// file's `render.view`, else journey.
    #[arg(long, value_enum)]
    view: Option<ViewArg>,
    /// Draw the map against CURRENT, today's map, as `render --baseline` does; the page
    /// is redrawn when either is saved.
    #[arg(long, value_name = "CURRENT")]
    baseline: Option<PathBuf>,
    /// A CSV of KPI figures (`kpi,value[,target,date,source]`) that fills in the map's
    /// KPIs by id; the page is redrawn when it is saved. Default: the project file's
    /// `data:`.
    #[arg(long, value_name = "FILE.csv")]
    data: Option<PathBuf>,
}

/// What the server shows: the last good drawing, and the problems of the latest build.
#[derive(Clone, Debug, Default)]
pub struct Drawn {
    /// Counts every build.
    pub version: u64,
    /// The build whose page this is.
    pub drawing: u64,
    /// The page, or `None` before the map has ever been drawn. Shared, not copied, by
    /// the builds that keep it and the requests that send it.
    pub page: Option<Arc<str>>,
    /// The page's fonts, a stylesheet of `@font-face` rules.
    pub fonts: Arc<str>,
    /// The overlay's title and its problems: empty when the map is clean.
    pub heading: String,
    pub problems: Vec<Problem>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Problem {
    pub severity: Severity,
    pub code: String,
    /// 1-based; 0 for a problem of no place (a missing file).
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: String,
}

/// The state the threads share, and the condition that tells the event streams it
/// changed.
pub struct Shared {
    pub drawn: Mutex<Drawn>,
    pub changed: Condvar,
}

impl Shared {
    fn lock(&self) -> std::sync::MutexGuard<'_, Drawn> {
        self.drawn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

pub fn run(args: Args) -> Outcome {
    let map = match std::path::absolute(&args.map) {
        Ok(path) => path,
        Err(e) => {
            output::eprint_error(&format!("`{}`: {e}", args.map.display()));
            return Outcome::Usage;
        }
    };
    if !map.is_file() {
        output::eprint_error(&format!("`{}` is not a map file", args.map.display()));
        return Outcome::Usage;
    }
    let baseline = match args.baseline.as_deref().map(std::path::absolute) {
        None => None,
        Some(Ok(path)) if path.is_file() => Some(path),
        Some(Ok(_)) | Some(Err(_)) => {
            let shown = args.baseline.as_deref().unwrap_or(Path::new("")).display();
            output::eprint_error(&format!("the baseline `{shown}` is not a map file"));
            return Outcome::Usage;
        }
    };
    let data = match args.data.as_deref().map(std::path::absolute) {
        None => None,
        Some(Ok(path)) => Some(path),
        Some(Err(e)) => {
            output::eprint_error(&format!("the data file: {e}"));
            return Outcome::Usage;
        }
    };
    let maps = Maps { map, baseline, data };
    let host = args.host.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let server = match tiny_http::Server::http(SocketAddr::new(host, args.port)) {
        Ok(server) => server,
        Err(e) => {
            let why = match e.downcast_ref::<std::io::Error>().map(std::io::Error::kind) {
                Some(std::io::ErrorKind::AddrInUse) => format!(
                    "port {} on {host} is already in use; choose another with --port, or leave it out to get a free one",
                    args.port
                ),
                _ => format!("cannot listen on {host}:{}: {e}", args.port),
            };
            output::eprint_error(&why);
            return Outcome::Usage;
        }
    };
    let Some(address) = server.server_addr().to_ip() else {
        output::eprint_error("the server has no IP address");
        return Outcome::Usage;
    };
    if !host.is_loopback() {
        note(&format!("serving on {host}, not only this machine: anyone who can reach it can read the map"));
    }
    let shared = Arc::new(Shared { drawn: Mutex::new(Drawn::default()), changed: Condvar::new() });
    let view = args.view.map(Into::into);
    // Watched before the first build reads the map: a save from then on is seen.
    let watching = match watch(Arc::clone(&shared), maps.clone(), view) {
        Ok(watching) => watching,
        Err(e) => {
            output::eprint_error(&format!("cannot watch `{}` for changes: {e}", maps.map.display()));
            return Outcome::Usage;
        }
    };
    let read = inputs(&maps);
    rebuild(&shared, &maps, view);
    report(&shared.lock(), &maps.map);
    watching.start(read);

    let url = format!("http://{}/", display_host(address));
    // Editors read this line to find the page.
    eprintln!("journeymap preview: {url} (Ctrl-C to stop)");
    if args.open {
        let url = url.clone();
        std::thread::spawn(move || open_browser(&url));
    }
    server::serve(&server, &shared, address);
    Outcome::Clean
}

/// The host part of a URL for `address`.
fn display_host(address: SocketAddr) -> String {
    match address.ip() {
        IpAddr::V4(ip) => format!("{ip}:{}", address.port()),
        IpAddr::V6(ip) => format!("[{ip}]:{}", address.port()),
    }
}

fn note(message: &str) {
    eprintln!("journeymap preview: {message}");
}

/// Prints the state of a build: drawn, or its problems.
fn report(drawn: &Drawn, map: &Path) {
    let errors = drawn.problems.iter().filter(|p| p.severity == Severity::Error).count();
    if errors > 0 || drawn.page.is_none() {
        note(&format!("`{}`: {}", map.display(), drawn.heading));
    } else {
        note(&format!("`{}` drawn ({} warnings)", map.display(), drawn.problems.len()));
    }
}

/// The map shown, and the baseline it is drawn against.
#[derive(Clone, Debug)]
pub struct Maps {
    pub map: PathBuf,
    pub baseline: Option<PathBuf>,
    /// `--data`: the KPI data file (else the project file's `data:` applies).
    pub data: Option<PathBuf>,
}

impl Maps {
    /// The KPI data file a build reads: `--data`, else the map's project file's.
    fn data_file(&self) -> Option<PathBuf> {
        self.data.clone().or_else(|| {
            let project = super::project::find(&Source::File(self.map.clone()))?;
            super::project::load(&project).ok()?.data_file()
        })
    }
}

/// Builds the map again into `shared`, and wakes the event streams.
fn rebuild(shared: &Shared, maps: &Maps, view: Option<journeymap::lanes::View>) {
    let previous = shared.lock().clone();
    let next = build(maps, view, &previous);
    *shared.lock() = next;
    shared.changed.notify_all();
}

/// The map at `maps.map` read, checked under its project file, and drawn as a live page
/// (against `maps.baseline`, read and checked under its own); on errors, `previous`'s
/// page is kept and the problems are listed.
pub fn build(maps: &Maps, view: Option<journeymap::lanes::View>, previous: &Drawn) -> Drawn {
    let map = maps.map.as_path();
    let version = previous.version + 1;
    let keep = |heading: String, problems: Vec<Problem>| Drawn {
        version,
        drawing: previous.drawing,
        page: previous.page.clone(),
        fonts: previous.fonts.clone(),
        heading,
        problems,
    };
    let source = Source::File(map.to_path_buf());
    let project = match Projects::default().for_source(&source) {
        Ok(project) => project,
        Err(Failure::Invalid { name, text, diags }) => {
            return keep(format!("the project file `{name}` has problems"), problems(&name, &text, &diags));
        }
        Err(Failure::Unreadable(message)) => {
            return keep("the project file cannot be read".into(), vec![placeless(message)]);
        }
        Err(Failure::Reported) => return keep("the project file has problems".into(), Vec::new()),
    };
    let (name, compiled, data) = match project.compile_with_data(&source, maps.data.as_deref()) {
        Ok(result) => result,
        Err(message) if !map.exists() => {
            let why = format!("{message}; the page shows it again when it is back");
            return keep("the map is gone (deleted, or renamed away)".into(), vec![placeless(why)]);
        }
        Err(message) => return keep("the map cannot be read".into(), vec![placeless(message)]),
    };
    let mut found = problems(&name, &compiled.source, &compiled.diags);
    if let Some(data) = data {
        let (data_name, text, diags) = data.diags();
        found.extend(
            problems(&data_name, &text, &diags)
                .into_iter()
                .map(|p| Problem { message: format!("in the data file `{data_name}`: {}", p.message), ..p }),
        );
    }
    let mut drawn_against = None;
    if let (Some(path), Some(journey)) = (&maps.baseline, &compiled.journey)
        && !compiled.has_errors()
    {
        let future = super::baseline::Future { journey, source: &compiled.source, project: &project };
        match super::baseline::compare(path, &future) {
            Ok(compared) => {
                found.extend(problems(&name, &compiled.source, &compared.future));
                let theirs = problems(&compared.name, &compared.source, &compared.current);
                found.extend(
                    theirs.into_iter().map(|p| Problem {
                        message: format!("in the baseline `{}`: {}", compared.name, p.message),
                        ..p
                    }),
                );
                drawn_against = compared.baseline;
            }
            Err(super::baseline::Unread::Message(why)) => {
                return keep("the baseline cannot be read".into(), vec![placeless(why)]);
            }
            Err(super::baseline::Unread::Project(Failure::Invalid { name, text, diags })) => {
                return keep(
                    format!("the baseline's project file `{name}` has problems"),
                    problems(&name, &text, &diags),
                );
            }
            Err(super::baseline::Unread::Project(Failure::Unreadable(message))) => {
                return keep("the baseline's project file cannot be read".into(), vec![placeless(message)]);
            }
            Err(super::baseline::Unread::Project(Failure::Reported)) => {
                return keep("the baseline's project file has problems".into(), Vec::new());
            }
        }
    }
    let errors = found.iter().filter(|p| p.severity == Severity::Error).count();
    let heading = match (errors, found.len()) {
        (0, 0) => String::new(),
        (0, 1) => "1 warning".into(),
        (0, n) => format!("{n} warnings"),
        (1, _) => "1 error: the page shows the last drawing that had none".into(),
        (e, _) => format!("{e} errors: the page shows the last drawing that had none"),
    };
    let journey = match (&compiled.journey, errors) {
        (Some(journey), 0) => journey,
        _ => return keep(heading, found),
    };
    let defaults = project.render_defaults();
    let options = journeymap::layout::Options { view, default_view: defaults.view, ..Default::default() };
    if let Some(why) = journeymap::layout::limits::too_large(journey, false) {
        return keep("the map is too large to draw".into(), vec![placeless(why.to_string())]);
    }
    let theme = &project.config.theme;
    let live = html::live_page(journey, &compiled.source, &options, theme, &project.fonts(), drawn_against.as_ref());
    let page =
        live.page.replacen("<head>", &format!("<head><meta name=\"journeymap-version\" content=\"{version}\">"), 1);
    Drawn { version, drawing: version, page: Some(page.into()), fonts: live.fonts.into(), heading, problems: found }
}

fn problems(name: &str, source: &str, diags: &[journeymap::diag::Diag]) -> Vec<Problem> {
    journeymap::diag::render::json(name, source, diags)
        .into_iter()
        .map(|d| Problem {
            severity: d.severity,
            code: d.code.to_string(),
            line: d.line,
            column: d.column,
            message: d.message,
            help: d.help,
        })
        .collect()
}

fn placeless(message: String) -> Problem {
    Problem { severity: Severity::Error, code: "io".into(), line: 0, column: 0, message, help: String::new() }
}

/// Saves closer together than this are one change: an editor's save is a write and a
/// rename, or several writes. Short, so that a redraw follows a save at once.
const SETTLE: Duration = Duration::from_millis(10);

/// Watches the map's directory and its project file's, and rebuilds on a change of
/// what the build reads. [`Watching::start`] starts the thread that does, for as long
/// as the process runs; events from the moment of watching on are kept until then.
fn watch(shared: Arc<Shared>, maps: Maps, view: Option<journeymap::lanes::View>) -> Result<Watching, String> {
    use notify_debouncer_mini::notify::{self, RecursiveMode, Watcher as _};
    let (tx, rx) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx).map_err(|e| e.to_string())?;
    let mut dirs: Vec<PathBuf> = Vec::new();
    for map in std::iter::once(&maps.map).chain(&maps.baseline) {
        let project = super::project::find(&Source::File(map.clone()));
        for dir in map.parent().into_iter().chain(project.as_deref().and_then(Path::parent)) {
            if !dirs.iter().any(|d| d == dir) {
                dirs.push(dir.to_path_buf());
            }
        }
    }
    // The KPI data file's directory, where it is now (a `data:` added later is seen
    // once the preview is started again).
    if let Some(dir) = maps.data_file().as_deref().and_then(Path::parent)
        && !dirs.iter().any(|d| d == dir)
    {
        dirs.push(dir.to_path_buf());
    }
    for dir in &dirs {
        watcher.watch(dir, RecursiveMode::NonRecursive).map_err(|e| e.to_string())?;
    }
    Ok(Watching { watcher: Box::new(watcher), rx, shared, maps, view })
}

/// What a build reads of one map: its bytes and its project file's (`None` where
/// missing); the map shown's, then the baseline's; then the KPI data file's.
type Inputs = (Vec<(Option<Vec<u8>>, Option<(PathBuf, Vec<u8>)>)>, Option<Vec<u8>>);

struct Watching {
    watcher: Box<dyn notify_debouncer_mini::notify::Watcher + Send>,
    rx: std::sync::mpsc::Receiver<notify_debouncer_mini::notify::Result<notify_debouncer_mini::notify::Event>>,
    shared: Arc<Shared>,
    maps: Maps,
    view: Option<journeymap::lanes::View>,
}

impl Watching {
    /// Rebuilds on every change from `last`, what the first build read.
    fn start(self, mut last: Inputs) {
        let Watching { watcher, rx, shared, maps, view } = self;
        std::thread::spawn(move || {
            let _watcher = watcher;
            while let Ok(first) = rx.recv() {
                let mut events = vec![first];
                let until = Instant::now() + SETTLE;
                while let Some(left) = until.checked_duration_since(Instant::now()) {
                    match rx.recv_timeout(left) {
                        Ok(event) => events.push(event),
                        Err(_) => break,
                    }
                }
                let data = maps.data_file();
                let relevant = events.iter().filter_map(|e| e.as_ref().ok()).flat_map(|e| &e.paths).any(|p| {
                    std::iter::once(&maps.map)
                        .chain(&maps.baseline)
                        .chain(&data)
                        .any(|m| p.file_name() == m.file_name())
                        || p.file_name().is_some_and(|n| n == journeymap::config::FILE_NAME)
                });
                if !relevant {
                    continue;
                }
                let now = inputs(&maps);
                if now == last {
                    continue;
                }
                last = now;
                rebuild(&shared, &maps, view);
                report(&shared.lock(), &maps.map);
            }
        });
    }
}

/// What a build reads: each map's bytes and its project file's (`None` where missing),
/// so that a change that changes nothing (a read, a touch) draws nothing.
fn inputs(maps: &Maps) -> Inputs {
    let data = maps.data_file().and_then(|path| std::fs::read(path).ok());
    let maps = std::iter::once(&maps.map)
        .chain(&maps.baseline)
        .map(|map| {
            let project = super::project::find(&Source::File(map.to_path_buf()))
                .and_then(|path| std::fs::read(&path).ok().map(|bytes| (path, bytes)));
            (std::fs::read(map).ok(), project)
        })
        .collect();
    (maps, data)
}

/// Starts the system's browser on `url`, or says it could not.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    let program = format!("{:?}", command.get_program());
    command.arg(url).stdin(std::process::Stdio::null()).stdout(std::process::Stdio::null());
    match command.status() {
        Ok(status) if status.success() => {}
        Ok(status) => note(&format!("{program} could not open a browser ({status}); open {url} yourself")),
        Err(e) => note(&format!("cannot start {program} to open a browser ({e}); open {url} yourself")),
    }
}
