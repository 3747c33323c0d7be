//! The one place tests call the library, so a change of API touches one file.

use std::path::{Path, PathBuf};

use journeymap::diag::render::{self, JsonReport, Style};
use journeymap::{Compiled, Options, compile_with};

/// A file compiled, with its diagnostics rendered both ways.
pub struct Checked {
    pub compiled: Compiled,
    /// miette's report as `check` prints it, without colour.
    pub human: String,
    /// The JSON document `check --format json` prints for this file.
    pub json: String,
    /// The diagnostics' codes, in order.
    pub codes: Vec<&'static str>,
}

/// Compiles `bytes`. A fixture may set limits on its first line, as in
/// `# test: max-bytes=64` or `# test: max-line-chars=40`, to trigger them without
/// being large.
pub fn check(name: &str, bytes: &[u8]) -> Checked {
    let mut options = Options::default();
    let limit = |prefix: &[u8]| {
        let n = bytes.strip_prefix(prefix)?;
        let digits: String = n.iter().take_while(|b| b.is_ascii_digit()).map(|&b| b as char).collect();
        Some(digits.parse::<usize>().expect("the limit is a number"))
    };
    if let Some(n) = limit(b"# test: max-bytes=") {
        options.max_bytes = n;
    }
    if let Some(n) = limit(b"# test: max-line-chars=") {
        options.max_line_chars = n;
    }
    let compiled = compile_with(bytes, &options);
    let style = Style { color: false, unicode: true, width: 100 };
    let human = render::human(name, &compiled.source, &compiled.diags, style);
    let report = JsonReport { diagnostics: render::json(name, &compiled.source, &compiled.diags) };
    let json = serde_json::to_string_pretty(&report).expect("diagnostics serialise");
    let codes = compiled.diags.iter().map(|d| d.code.info().code).collect();
    Checked { compiled, human, json, codes }
}

pub fn check_str(source: &str) -> Checked {
    check("test.journey", source.as_bytes())
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `*.journey` file directly in `dir`, sorted.
pub fn journeys_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "journey"))
        .collect();
    files.sort();
    files
}

/// The shared version-1 examples whose statements have landed, one name a line in
/// `tests/examples-v1-landed.txt` (which `.ci/run` checks too).
pub fn landed_v1_examples() -> Vec<&'static str> {
    include_str!("../examples-v1-landed.txt").lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// The maps every build must accept without a warning: ours, the shared ones, and the
/// shared version-1 ones whose statements have landed.
pub fn example_maps() -> Vec<PathBuf> {
    let mut maps = journeys_in(&root().join("examples"));
    let shared = root().join("../shared/examples");
    if shared.is_dir() {
        maps.extend(journeys_in(&shared));
    }
    let v1 = root().join("../shared/examples-v1");
    maps.extend(landed_v1_examples().into_iter().map(|name| v1.join(name)).filter(|p| p.is_file()));
    maps
}

/// The test maps of `tests/maps/`: many personas, long notes in several languages.
pub fn test_maps() -> Vec<PathBuf> {
    journeys_in(&root().join("tests/maps"))
}

/// The examples and the test maps: what the layout and the browser check.
pub fn drawn_maps() -> Vec<PathBuf> {
    example_maps().into_iter().chain(test_maps()).collect()
}

/// A map drawn as SVG in `view`, as `journeymap render --page PAGE --view VIEW` writes it.
pub fn render_svg_view(source: &str, page: journeymap::layout::Page, view: journeymap::lanes::View) -> String {
    let checked = check_str(source);
    let journey = checked.compiled.journey.unwrap_or_else(|| panic!("map has errors:\n{}", checked.human));
    let options = journeymap::render::RenderOptions {
        layout: journeymap::layout::Options { page, view: Some(view), ..Default::default() },
        ..Default::default()
    };
    drawn(journeymap::render::render(&journey, &checked.compiled.source, &options), journeymap::render::Format::Svg)
}

/// A map drawn as SVG, as `journeymap render --page PAGE` writes it.
pub fn render_svg(source: &str, page: journeymap::layout::Page) -> String {
    let checked = check_str(source);
    let journey = checked.compiled.journey.unwrap_or_else(|| panic!("map has errors:\n{}", checked.human));
    let options = journeymap::render::RenderOptions {
        layout: journeymap::layout::Options { page, ..Default::default() },
        ..Default::default()
    };
    drawn(journeymap::render::render(&journey, &checked.compiled.source, &options), journeymap::render::Format::Svg)
}

/// A map as the interactive HTML page `journeymap render --format html` writes.
pub fn render_html(source: &str) -> String {
    let checked = check_str(source);
    let journey = checked.compiled.journey.unwrap_or_else(|| panic!("map has errors:\n{}", checked.human));
    let options =
        journeymap::render::RenderOptions { formats: vec![journeymap::render::Format::Html], ..Default::default() };
    drawn(journeymap::render::render(&journey, &checked.compiled.source, &options), journeymap::render::Format::Html)
}

/// The one output of a [`journeymap::render::render`] in `format`, as text.
fn drawn(rendered: journeymap::render::Rendered, format: journeymap::render::Format) -> String {
    let bytes = rendered.get(format).cloned().expect("asked for").expect("drawn");
    String::from_utf8(bytes).expect("a text format")
}

/// A checked map's journey; panics with the diagnostics when it has errors.
pub fn journey(source: &str) -> journeymap::model::Journey {
    let checked = check_str(source);
    checked.compiled.journey.unwrap_or_else(|| panic!("map has errors:\n{}", checked.human))
}

/// The example maps that use none of version 1's statements: no sources, no `state`, no
/// KPI with an id or a `min` or `max`.
pub fn version_0_examples() -> Vec<PathBuf> {
    example_maps()
        .into_iter()
        .filter(|m| {
            let j = journey(&std::fs::read_to_string(m).unwrap());
            let v1_kpi = j
                .all_details()
                .flat_map(|d| d.kpis())
                .any(|k| k.id().is_some() || k.goal().is_some_and(|g| g.kind != journeymap::model::GoalKind::Target));
            j.sources.is_empty() && j.state.is_none() && !v1_kpi
        })
        .collect()
}

/// `journeymap export` of a map in each format: JSON, YAML.
pub fn export_outputs(source: &str) -> [(&'static str, String); 2] {
    use journeymap::export;
    let j = journey(source);
    let doc = export::document(&j, source);
    [("json", export::to_json(&doc).unwrap()), ("yaml", export::to_yaml(&doc).unwrap())]
}

/// `journeymap report` of a map, as plain data.
pub fn report(source: &str) -> journeymap::report::Report {
    journeymap::report::report(&journey(source))
}

/// `journeymap report` of a map in each format: text, Markdown, JSON.
pub fn report_outputs(source: &str) -> [(&'static str, String); 3] {
    use journeymap::report::render;
    let r = report(source);
    [("text", render::text(&r)), ("md", render::markdown(&r)), ("json", render::json(&r))]
}

/// Checks that Markdown written by `report` or `diff` carries no markup from user text:
/// no link, image, HTML or code outside a backslash escape, every row of a table has as
/// many cells as its header, and every heading is one of ours (`## Journey …`, `### …`).
pub fn assert_inert_markdown(md: &str) {
    let mut header_cells: Option<usize> = None;
    for line in md.lines() {
        let mut unescaped = String::new();
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                chars.next();
            } else {
                unescaped.push(c);
            }
        }
        for bad in ['[', ']', '<', '>', '`'] {
            assert!(!unescaped.contains(bad), "unescaped {bad:?} in {line:?}");
        }
        if line.starts_with('#') {
            assert!(line.starts_with("## Journey ") || line.starts_with("### "), "a heading not ours: {line:?}");
        }
        if line.starts_with('|') {
            let cells = unescaped.matches('|').count();
            match header_cells {
                None => header_cells = Some(cells),
                Some(n) => assert_eq!(cells, n, "a row with another number of cells: {line:?}"),
            }
        } else {
            header_cells = None;
        }
    }
}

/// `journeymap diff` of two maps (`None`: no map, as for `/dev/null`), as plain data.
pub fn diff(old: Option<&str>, new: Option<&str>) -> journeymap::diff::Diff {
    let (old, new) = (old.map(journey), new.map(journey));
    journeymap::diff::diff(old.as_ref(), new.as_ref())
}

/// `journeymap diff` of two maps in each format: text, Markdown, JSON.
pub fn diff_outputs(old: Option<&str>, new: Option<&str>) -> [(&'static str, String); 3] {
    use journeymap::diff::render;
    let d = diff(old, new);
    [("text", render::text(&d, None)), ("md", render::markdown(&d, None)), ("json", render::json(&d))]
}

/// A map's bytes formatted by `journeymap fmt`; `None` when it is refused (errors).
pub fn fmt(bytes: &[u8]) -> Option<String> {
    journeymap::format::format(bytes).result.ok()
}

/// Any text laid out by the formatter, valid or not.
pub fn fmt_any(source: &str) -> String {
    journeymap::format::format_source(source)
}

/// Whether two valid maps mean the same: their models are equal once spans are left out
/// (`Journey::same_meaning`, the check `fmt` makes). Panics on errors.
pub fn same_meaning(a: &[u8], b: &[u8]) -> bool {
    let compile = |bytes: &[u8]| {
        let checked = check("meaning.journey", bytes);
        checked.compiled.journey.unwrap_or_else(|| panic!("map has errors:\n{}", checked.human))
    };
    compile(a).same_meaning(&compile(b))
}

/// A project file read, with its diagnostics rendered both ways.
pub struct CheckedConfig {
    pub config: journeymap::config::Config,
    pub human: String,
    pub json: String,
    pub codes: Vec<&'static str>,
}

/// Reads the text of a project file, as `check` does before the maps.
pub fn check_config(name: &str, text: &str) -> CheckedConfig {
    let (config, mut diags) = journeymap::config::parse(text);
    // The font files are read as the CLI reads them, relative to the fixtures.
    if diags.is_empty()
        && let Err(diag) = journeymap::config::load_fonts(&config, &root().join("tests/config"))
    {
        diags.push(*diag);
    }
    let style = Style { color: false, unicode: true, width: 100 };
    let human = render::human(name, text, &diags, style);
    let report = JsonReport { diagnostics: render::json(name, text, &diags) };
    let json = serde_json::to_string_pretty(&report).expect("diagnostics serialise");
    let codes = diags.iter().map(|d| d.code.info().code).collect();
    CheckedConfig { config, human, json, codes }
}

/// A map drawn as SVG with a project file's theme.
pub fn render_svg_themed(source: &str, config: &journeymap::config::Config) -> String {
    let checked = check_str(source);
    let journey = checked.compiled.journey.unwrap_or_else(|| panic!("map has errors:\n{}", checked.human));
    let options = journeymap::render::RenderOptions { theme: config.theme.clone(), ..Default::default() };
    drawn(journeymap::render::render(&journey, &checked.compiled.source, &options), journeymap::render::Format::Svg)
}

/// A map as the HTML page, with a project file's theme.
pub fn render_html_themed(source: &str, config: &journeymap::config::Config) -> String {
    let checked = check_str(source);
    let journey = checked.compiled.journey.unwrap_or_else(|| panic!("map has errors:\n{}", checked.human));
    let options = journeymap::render::RenderOptions {
        formats: vec![journeymap::render::Format::Html],
        theme: config.theme.clone(),
        ..Default::default()
    };
    drawn(journeymap::render::render(&journey, &checked.compiled.source, &options), journeymap::render::Format::Html)
}

/// A future map compared with its baseline, as `render --baseline` compares them (both
/// named as in `tests/baseline/`); each must compile without errors.
pub fn compare_baseline(future: &str, current: &str) -> journeymap::diff::baseline::Compared {
    let (f, c) = (journey(future), journey(current));
    journeymap::diff::baseline::compare(&f, future, &c, current, "current.journey")
}

/// A future map drawn against its baseline in `formats` (the baseline must be drawable).
pub fn render_against(
    future: &str,
    current: &str,
    formats: &[journeymap::render::Format],
    page: journeymap::layout::Page,
) -> journeymap::render::Rendered {
    let baseline = compare_baseline(future, current).baseline.expect("the maps can be compared");
    let options = journeymap::render::RenderOptions {
        formats: formats.to_vec(),
        layout: journeymap::layout::Options { page, ..Default::default() },
        baseline: Some(std::sync::Arc::new(baseline)),
        ..Default::default()
    };
    journeymap::render::render(&journey(future), future, &options)
}

/// A future map drawn against its baseline as SVG.
pub fn render_svg_against(future: &str, current: &str) -> String {
    use journeymap::render::Format;
    drawn(render_against(future, current, &[Format::Svg], journeymap::layout::Page::Auto), Format::Svg)
}

/// A future map drawn against its baseline as the HTML page.
pub fn render_html_against(future: &str, current: &str) -> String {
    use journeymap::render::Format;
    drawn(render_against(future, current, &[Format::Html], journeymap::layout::Page::Auto), Format::Html)
}

/// The layout of a future map drawn against its baseline.
pub fn layout_against(future: &str, current: &str, page: journeymap::layout::Page) -> journeymap::layout::Layout {
    let baseline = compare_baseline(future, current).baseline.expect("the maps can be compared");
    let options = journeymap::layout::Options { page, ..Default::default() };
    let (theme, fonts) = (journeymap::layout::Theme::default(), journeymap::text::Fonts::get());
    journeymap::layout::layout_compared(&journey(future), &options, &theme, fonts, Some(&baseline))
}

/// `journeymap import` of a spreadsheet grid: the map written, or the problems with the
/// report `import` prints for them (miette, no colour).
pub fn import_sheet(
    name: &str,
    bytes: &[u8],
    format: journeymap::sheet::Format,
) -> Result<String, (Vec<&'static str>, String)> {
    journeymap::sheet::import(name, bytes, format).map_err(|f| {
        let style = Style { color: false, unicode: true, width: 100 };
        let codes = f.diags.iter().map(|d| d.code.info().code).collect();
        (codes, render::human(name, &f.source, &f.diags, style))
    })
}

/// `journeymap export --format csv` and `--format xlsx` of a checked map.
pub fn export_sheets(source: &str) -> (String, Vec<u8>) {
    let j = journey(source);
    (journeymap::sheet::to_csv(&j), journeymap::sheet::to_xlsx(&j).expect("a workbook"))
}

/// What every import promises, whatever its input: a map that checks, or diagnostics
/// with a help each, whose spans lie on character boundaries of the text they are shown
/// against. `Err` says which promise was broken.
pub fn sound_import(result: &Result<String, journeymap::import::Failure>) -> Result<(), String> {
    match result {
        Ok(map) => {
            let checked = check_str(map);
            if checked.compiled.has_errors() {
                return Err(format!("{}\n{map}", checked.human));
            }
        }
        Err(f) => {
            if f.diags.is_empty() {
                return Err("a failure without a diagnostic".into());
            }
            for d in &f.diags {
                let s = d.primary.span;
                let inside = s.start <= s.end && s.end <= f.source.len();
                if !inside || !f.source.is_char_boundary(s.start) || !f.source.is_char_boundary(s.end) {
                    return Err(format!("a span off its text: {d:?}"));
                }
                if d.help.is_empty() || d.code == journeymap::diag::Code::ImportInvalidResult {
                    return Err(format!("{d:?}"));
                }
            }
        }
    }
    Ok(())
}
