//! Mermaid `journey` in and out: the fixtures of the J081x codes (`tests/import/`), the
//! corpus of real diagrams with what Mermaid's own parser makes of each
//! (`../shared/mermaid-journeys/`, read in place, never copied), round trips of the
//! example maps, and no panic on any input.

use std::path::PathBuf;

use journeymap::LineIndex;
use journeymap::diag::Code;
use journeymap::diag::render::{self, Style};
use journeymap::model::Journey;
use proptest::prelude::*;

use crate::common::{check_str, example_maps, root, sound_import};

fn corpus() -> PathBuf {
    root().join("../shared/mermaid-journeys")
}

/// The map imported from `text`, checked: its text and journey; or the failure.
fn import(text: &str, markdown: bool) -> Result<(String, Journey), journeymap::import::Failure> {
    let map = journeymap::mermaid::import(text, markdown)?;
    let checked = check_str(&map);
    let journey =
        checked.compiled.journey.unwrap_or_else(|| panic!("the import does not check:\n{}\n{map}", checked.human));
    Ok((map, journey))
}

fn human(name: &str, failure: &journeymap::import::Failure) -> String {
    render::human(name, &failure.source, &failure.diags, Style { color: false, unicode: true, width: 100 })
}

/// The fixtures of the Mermaid codes: `tests/import/<name>.mmd` (`.md` for a Markdown one).
fn fixture(code: Code) -> (PathBuf, bool) {
    let name = code.info().name;
    let mmd = root().join("tests/import").join(format!("{name}.mmd"));
    if mmd.is_file() { (mmd, false) } else { (root().join("tests/import").join(format!("{name}.md")), true) }
}

#[test]
fn every_mermaid_code_has_a_fixture_that_reports_it() {
    let codes: Vec<Code> = Code::ALL.iter().copied().filter(|c| c.info().code.starts_with("J081")).collect();
    assert!(codes.len() >= 9, "{codes:?}");
    for code in codes {
        let (path, markdown) = fixture(code);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} has no fixture {}", code.info().code, path.display()));
        let failure = journeymap::mermaid::import(&text, markdown).expect_err(&path.display().to_string());
        assert!(failure.diags.iter().any(|d| d.code == code), "{}: {:?}", path.display(), failure.diags);
        let shown = human(&path.file_name().unwrap().to_string_lossy(), &failure);
        insta::with_settings!({
            snapshot_path => "../import",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(code.info().name, shown);
        });
    }
}

/// HTML's entities in the reference's texts (which keep Mermaid's placeholders decoded to
/// `&lt;`, `&#123;`), decoded as a browser shows them, as the import does.
fn html(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        let end = tail
            .find(';')
            .filter(|&e| e > 0 && tail[..e].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'#' || b == b'_'));
        match end {
            Some(e) => {
                let name = &tail[..e];
                let mermaid = match name.strip_prefix('#') {
                    Some(n) => format!("#{n};"),
                    None => format!("#{name};"),
                };
                // The import decodes Mermaid's `#name;`: the same table.
                out.push_str(&decode_like_import(&mermaid));
                rest = &tail[e + 1..];
            }
            None => {
                out.push('&');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// What the import makes of Mermaid's entity `#…;`, read from a map it imports.
fn decode_like_import(entity: &str) -> String {
    let text = format!("journey\ntitle {entity}x\nsection S\nT: 3\n");
    let (_, j) = import(&text, false).expect("an entity title imports");
    j.title.value.strip_suffix('x').unwrap().to_string()
}

fn clean(s: &str) -> String {
    let s = html(s);
    let mut out = String::new();
    // `<br>` variants as spaces: `<`, an optional `/`, `br`, an optional `/`, `>`, with
    // any spaces between.
    let mut rest = s.as_str();
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let t = rest[i + 1..].trim_start();
        let t = t.strip_prefix('/').unwrap_or(t).trim_start();
        let br = t.get(..2).is_some_and(|b| b.eq_ignore_ascii_case("br"));
        let after = br.then(|| t[2..].trim_start()).map(|t| t.strip_prefix('/').unwrap_or(t).trim_start());
        match after.and_then(|t| t.strip_prefix('>')) {
            Some(after) => {
                out.push(' ');
                rest = after;
            }
            None => {
                out.push('<');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    journeymap::import::one_line(&out)
}

fn persona_of(j: &Journey, name: &str) -> Option<journeymap::model::PersonaId> {
    j.persona_ids().find(|&p| j.persona(p).description.as_ref().is_some_and(|d| d.value == name))
}

#[test]
fn every_diagram_mermaid_reads_imports_with_its_title_sections_tasks_and_scores() {
    let reference =
        std::fs::read_to_string(corpus().join("MERMAID_PARSE_REFERENCE.jsonl")).expect("the corpus is in ../shared");
    let (mut ok, mut refused) = (0, 0);
    for line in reference.lines().filter(|l| !l.trim().is_empty()) {
        let r: serde_json::Value = serde_json::from_str(line).unwrap();
        let file = r["file"].as_str().unwrap();
        let text = std::fs::read_to_string(corpus().join(file)).unwrap();
        if r["ok"] == false {
            refused += 1;
            let failure = journeymap::mermaid::import(&text, false).expect_err(file);
            let first = &failure.diags[0];
            let line = LineIndex::new(&failure.source).line_col(first.primary.span.start).0;
            // Mermaid's own line where it gives one; else the line of the problem the
            // manifest names (the frontmatter's first line).
            let error = r["error"].as_str().unwrap();
            let expected = error
                .strip_prefix("Parse error on line ")
                .and_then(|rest| rest.split(':').next())
                .map_or(1, |n| n.parse::<usize>().unwrap());
            assert_eq!(line, expected, "{file}: {:?} ({error})", first.message);
            continue;
        }
        ok += 1;
        let (map, j) = import(&text, false).unwrap_or_else(|f| panic!("{file} is refused:\n{}", human(file, &f)));
        let tasks = r["tasks"].as_array().unwrap();
        let sections: Vec<String> =
            r["sections"].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect();
        // The title, or the documented fallbacks.
        let title = clean(r["title"].as_str().unwrap());
        let acc_title = clean(r["accTitle"].as_str().unwrap());
        let expected_title = if !title.is_empty() {
            title
        } else if !acc_title.is_empty() {
            acc_title
        } else {
            "Untitled journey".into()
        };
        assert_eq!(j.title.value, expected_title, "{file}");
        // The steps: one per task, in order.
        let steps: Vec<_> = j.phases.iter().flat_map(|p| p.steps.iter()).collect();
        assert_eq!(steps.len(), tasks.len(), "{file}\n{map}");
        // The phases: the sections with tasks (tasks before any section first), or every
        // section when there are no tasks at all.
        let name = |s: &str| {
            let c = clean(s);
            if c.is_empty() { "Untitled section".to_string() } else { c }
        };
        let mut expected_phases: Vec<String> = Vec::new();
        if tasks.iter().any(|t| t["section"] == "") {
            expected_phases.push("Untitled section".into());
        }
        for s in &sections {
            if tasks.is_empty() || tasks.iter().any(|t| t["section"] == s.as_str()) {
                expected_phases.push(name(s));
            }
        }
        if expected_phases.is_empty() {
            expected_phases.push("Untitled section".into());
        }
        let phases: Vec<&str> = j.phases.iter().map(|p| p.name.value.as_str()).collect();
        assert_eq!(phases, expected_phases, "{file}\n{map}");
        // Each task's section is its step's phase, and its score each actor's emotion.
        let mut at = 0;
        for p in &j.phases {
            for s in &p.steps {
                let t = &tasks[at];
                at += 1;
                let section = t["section"].as_str().unwrap();
                assert_eq!(
                    p.name.value,
                    if section.is_empty() { "Untitled section".into() } else { name(section) },
                    "{file}"
                );
                assert_eq!(s.action.value, {
                    let c = clean(t["task"].as_str().unwrap());
                    if c.is_empty() { "Untitled task".into() } else { c }
                });
                let score = match &t["score"] {
                    serde_json::Value::Number(n) => Some((n.as_f64().unwrap() + 0.5).floor() as i64),
                    _ => None,
                };
                let people: Vec<String> = t["people"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| clean(a.as_str().unwrap()))
                    .filter(|a| !a.is_empty())
                    .collect();
                if people.is_empty() {
                    // An emotion without a persona: the anonymous persona's, or everyone's.
                    assert!(s.personas.is_empty());
                    if j.personas.is_empty() {
                        assert_eq!(s.emotion_of(None).map(|e| e.score.get()), score, "{file}: {}", s.action.value);
                    } else {
                        assert_eq!(s.emotions.len(), if score.is_some() { j.personas.len() } else { 0 }, "{file}");
                        assert!(s.emotions.iter().all(|e| Some(e.score.get()) == score && !e.named), "{file}");
                    }
                } else {
                    for a in &people {
                        let p = persona_of(&j, a).unwrap_or_else(|| panic!("{file}: no persona {a}"));
                        assert!(s.personas.contains(&p), "{file}");
                        assert_eq!(s.emotion_of(Some(p)).map(|e| e.score.get()), score, "{file}: {a}");
                    }
                    assert_eq!(s.emotions.len(), if score.is_some() { s.personas.len() } else { 0 }, "{file}");
                }
            }
        }
        // The accessible title and description are kept.
        for key in ["accTitle", "accDescr"] {
            let v = clean(r[key].as_str().unwrap());
            if !v.is_empty() && v != j.title.value {
                assert!(j.notes.iter().any(|n| n.value.ends_with(&v)), "{file}: {key} {v:?} is not a note\n{map}");
            }
        }
    }
    assert_eq!((ok, refused), (71, 4));
}

#[test]
fn imported_maps_are_canonical_and_warn_only_where_documented() {
    for entry in std::fs::read_dir(corpus()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "mmd") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let Ok((map, _)) = import(&text, false) else { continue };
        assert_eq!(crate::common::fmt(map.as_bytes()).as_deref(), Some(map.as_str()), "{}", path.display());
        let checked = check_str(&map);
        for code in &checked.codes {
            // A diagram without tasks gives phases without steps; one whose scores are
            // all words gives an anonymous persona without an emotion; emoji that no
            // embedded font has.
            assert!(["J0501", "J0505", "J0507"].contains(code), "{}: {code}\n{map}", path.display());
        }
    }
}

#[test]
fn representative_imports() {
    for name in [
        "05-demo-go-shopping",
        "12-parser-task-forms",
        "19-cypress-title-style",
        "36-pr6263-score-23",
        "45-pr4450-empty",
        "70-streamlit-score7",
        "08-parser-accdescr-multiline",
    ] {
        let text = std::fs::read_to_string(corpus().join(format!("{name}.mmd"))).unwrap();
        let (map, _) = import(&text, false).unwrap();
        insta::with_settings!({
            snapshot_path => "../import",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(format!("import-{name}"), map);
        });
    }
}

#[test]
fn fractional_scores_are_rounded_and_words_give_no_emotion() {
    let (map, j) =
        import("journey\ntitle T\nsection S\nA: 2.5: Me\nB: 0x3: Me\nC: high: Me\nD: : Me\nE: 1e9: Me\n", false)
            .unwrap();
    let scores: Vec<Option<i64>> =
        j.phases[0].steps.iter().map(|s| s.emotions.first().map(|e| e.score.get())).collect();
    assert_eq!(scores, [Some(3), Some(3), None, Some(0), None], "{map}");
    assert!(map.contains("rounded half up (2.5 as 3)"), "{map}");
    assert!(map.contains("scale 0..5"), "{map}");
}

#[test]
fn a_markdown_file_s_first_mermaid_block_is_read_and_spans_point_into_the_file() {
    let md = "# Our journey\n\n```js\njourney\n```\n\n``` mermaid\n%% a comment\njourney\n  title Day\n  section Work\n    Tea: 5: Me\n```\n\n```mermaid\nflowchart\n```\n";
    let (map, j) = import(md, true).unwrap();
    assert_eq!(j.title.value, "Day", "{map}");
    let broken = md.replace("Tea: 5: Me", "Tea; 5: Me");
    let failure = journeymap::mermaid::import(&broken, true).unwrap_err();
    let d = &failure.diags[0];
    assert_eq!(d.code, Code::MermaidSemicolon);
    assert_eq!(&failure.source[d.primary.span.start..d.primary.span.end], ";");
    assert_eq!(LineIndex::new(&failure.source).line_col(d.primary.span.start), (12, 8));
    let two = "```mermaid\nflowchart LR\n```\n\nText\n\n```mermaid\njourney\ntitle T\n```\n";
    let failure = journeymap::mermaid::import(two, true).unwrap_err();
    assert_eq!(failure.diags[0].code, Code::MermaidNotJourney);
    assert!(failure.diags[0].help.contains("the journey is the block at line 7"), "{:?}", failure.diags[0]);
    let failure = journeymap::mermaid::import("```mermaid\nflowchart LR\n```\n", true).unwrap_err();
    assert_eq!(failure.diags[0].code, Code::MermaidNotJourney);
    assert_eq!(&failure.source[failure.diags[0].primary.span.start..failure.diags[0].primary.span.end], "flowchart");
}

#[test]
fn statements_mermaid_accepts_import() {
    for (text, title, steps) in [
        ("journey title X", "X", 0),
        ("  journey\naccDescr {\n  a\n  b\n}title Y\nsection S\nT: 5: Me", "Y", 1),
        ("---\ntitle: Front\n---\njourney\nsection S\nT: 5", "Front", 1),
        ("---\ntitle: Front\n---\njourney\ntitle Statement\nsection S\nT: 5", "Statement", 1),
        ("---\ntitle: \"A #lt;B\"\n---\njourney\nsection S\nT: 5", "A #lt;B", 1),
        (
            "%%{init: {'theme': 'dark'}}%%\njourney\n%% comment\ntitle A #lt;B#gt; #35;1\nsection S\nT: 5: Me # comment",
            "A <B> #1",
            1,
        ),
        ("journey\nT: 5: Me\nsection S\nU: 4: Me, , Cat", "Untitled journey", 2),
        ("journey\r\ntitle CRLF\r\nsection S\r\nT: 5: Me at 10:30\r\n", "CRLF", 1),
    ] {
        let (map, j) = import(text, false).unwrap_or_else(|f| panic!("{text:?}: {:?}", f.diags));
        assert_eq!(j.title.value, title, "{map}");
        assert_eq!(j.phases.iter().map(|p| p.steps.len()).sum::<usize>(), steps, "{map}");
    }
}

#[test]
fn problems_mermaid_refuses_are_reported_where_they_are() {
    for (text, code, at) in [
        ("Journey\ntitle X", Code::MermaidNotJourney, "Journey"),
        ("graph TD\nA-->B", Code::MermaidNotJourney, "graph"),
        ("", Code::MermaidNotJourney, ""),
        ("%% only a comment\n", Code::MermaidNotJourney, ""),
        ("---\ntitle: X\njourney", Code::MermaidBadFrontmatter, "---"),
        ("---\ntitle: [X\n---\njourney", Code::MermaidBadFrontmatter, "[X"),
        ("journey\ntitle X; Y", Code::MermaidSemicolon, ";"),
        ("journey\nsection A: B\nT: 5", Code::MermaidSectionColon, ":"),
        ("journey\njourney\n", Code::MermaidJourneyInside, "journey"),
        ("journey\nsection S\nTask:\n", Code::MermaidTaskWithoutData, "Task:"),
        ("journey\nsection S\nIssue #42 fix: 5\n", Code::MermaidTaskWithoutData, "Issue"),
        ("journey\naccDescr { never closed\nsection S\n", Code::MermaidUnclosedAccDescr, "accDescr {"),
        ("journey\n: 5: Me\n", Code::MermaidDataWithoutTask, ": 5: Me"),
        ("journey\nsection\n  Make tea: 5\n", Code::MermaidSectionColon, ":"),
        ("journey\nsection \n  Make tea: 5\n", Code::MermaidTaskWithoutData, "section"),
    ] {
        let failure = journeymap::mermaid::import(text, false).expect_err(text);
        let d = &failure.diags[0];
        assert_eq!(d.code, code, "{text:?}: {d:?}");
        assert_eq!(&failure.source[d.primary.span.start..d.primary.span.end], at, "{text:?}: {d:?}");
        assert!(!d.help.is_empty());
    }
    // Every problem, not only the first.
    let failure = journeymap::mermaid::import("journey\nsection A: B\nT;\nU: 5\nV\n", false).unwrap_err();
    let codes: Vec<&str> = failure.diags.iter().map(|d| d.code.info().code).collect();
    assert_eq!(codes, ["J0814", "J0813", "J0816"]);
}

/// The example maps, exported to Mermaid and imported back.
#[test]
fn example_maps_round_trip_through_mermaid() {
    for path in example_maps() {
        let source = std::fs::read_to_string(&path).unwrap();
        let j = crate::common::journey(&source);
        let mermaid = journeymap::mermaid::export(&j);
        let (map, back) = import(&mermaid, false)
            .unwrap_or_else(|f| panic!("{}:\n{}\n{mermaid}", path.display(), human("export.mmd", &f)));
        let what = format!("{}\n{mermaid}\n{map}", path.display());
        assert_eq!(back.title.value, j.title.value, "{what}");
        let names = |j: &Journey| j.phases.iter().map(|p| p.name.value.clone()).collect::<Vec<_>>();
        assert_eq!(names(&back), names(&j), "{what}");
        let steps = |j: &Journey| j.phases.iter().map(|p| p.steps.len()).sum::<usize>();
        assert_eq!(steps(&back), steps(&j), "{what}");
        assert_eq!(back.personas.len(), j.personas.len(), "{what}");
    }
}

/// A map whose texts hold what Mermaid's lexer would stumble on.
const TRICKY: &str = "journey: Issue #42; 10:30 <b>bold</b> 50% & more %%{init: {}}%%
scale -2..2
persona anna: Anna, 34
persona bob: Bob: the builder
phase: Step 1: Context; #1
  step: Journey to work: 10:30, #2; 100%
    emotion anna 2
    emotion bob -2
  step: title page
  step anna: accDescr: x <br> y #lt;
    emotion anna 0
phase: section 2
  step bob: Section A
    emotion bob 1
";

#[test]
fn exported_text_reads_back_as_it_was() {
    let j = crate::common::journey(TRICKY);
    let mermaid = journeymap::mermaid::export(&j);
    let (map, back) = import(&mermaid, false).unwrap_or_else(|f| panic!("{}\n{mermaid}", human("tricky.mmd", &f)));
    let texts = |j: &Journey| {
        let mut t = vec![j.title.value.clone()];
        for p in &j.phases {
            t.push(p.name.value.clone());
            t.extend(p.steps.iter().map(|s| s.action.value.clone()));
        }
        t
    };
    assert_eq!(texts(&back), texts(&j), "{mermaid}\n{map}");
    assert_eq!(back.personas.len(), 2, "{map}");
    // Scores from -2..2 onto 1..5; different scores averaged; no emotion is 3.
    assert!(
        mermaid.contains("#74;ourney to work#58; 10#58;30, #35;2#59; 100#37;: 3: Anna, Bob#58; the builder"),
        "{mermaid}"
    );
    assert!(mermaid.contains("#116;itle page: 3\n"), "{mermaid}");
    assert!(mermaid.contains(": 3: Anna\n"), "{mermaid}");
    assert!(mermaid.contains("#83;ection A: 4: Bob#58; the builder\n"), "{mermaid}");
    assert!(mermaid.starts_with("%% Exported by journeymap"), "{mermaid}");
}

/// mermaid-cli renders the exported diagrams, where it is installed (`MMDC`, else
/// `scripts/.cache/mermaid`, as `scripts/compare-mermaid.sh` installs it, else `PATH`).
#[test]
fn mermaid_cli_renders_the_export() {
    let cached = root().join("scripts/.cache/mermaid/node_modules/.bin/mmdc");
    let mmdc = std::env::var_os("MMDC").map(PathBuf::from).or_else(|| cached.is_file().then_some(cached));
    let mmdc = mmdc.unwrap_or_else(|| PathBuf::from("mmdc"));
    if std::process::Command::new(&mmdc).arg("--version").output().is_err() {
        eprintln!("note: mmdc (mermaid-cli) is not installed: the exported Mermaid is not rendered");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("puppeteer.json");
    std::fs::write(&config, r#"{"executablePath": "/usr/bin/chromium", "args": ["--no-sandbox"]}"#).unwrap();
    // Every example map in one Markdown file: mmdc draws each block to `out-N.svg` in
    // one run of the browser.
    let maps = example_maps();
    let mut md = String::new();
    let mut titles = Vec::new();
    for path in &maps {
        let j = crate::common::journey(&std::fs::read_to_string(path).unwrap());
        md.push_str("```mermaid\n");
        md.push_str(&journeymap::mermaid::export(&j));
        md.push_str("```\n\n");
        titles.push((path.clone(), j.title.value.clone()));
    }
    let tricky = crate::common::journey(TRICKY);
    md.push_str("```mermaid\n");
    md.push_str(&journeymap::mermaid::export(&tricky));
    md.push_str("```\n\n");
    titles.push((PathBuf::from("TRICKY"), tricky.title.value.clone()));
    let input = dir.path().join("maps.md");
    std::fs::write(&input, md).unwrap();
    let output = dir.path().join("out.md");
    let mut cmd = std::process::Command::new(&mmdc);
    cmd.arg("-i").arg(&input).arg("-o").arg(&output).arg("-q");
    if std::path::Path::new("/usr/bin/chromium").is_file() {
        cmd.arg("-p").arg(&config);
    }
    let run = cmd.output().unwrap();
    assert!(run.status.success(), "mmdc failed: {}", String::from_utf8_lossy(&run.stderr));
    for (i, (path, title)) in titles.iter().enumerate() {
        let svg = std::fs::read_to_string(dir.path().join(format!("out-{}.svg", i + 1)))
            .unwrap_or_else(|e| panic!("{}: no drawing: {e}", path.display()));
        assert!(!svg.contains("Syntax error"), "{}: Mermaid refuses the export", path.display());
        assert!(svg.contains("aria-roledescription=\"journey\""), "{}", path.display());
        let escaped = title.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        assert!(svg.contains(&escaped), "{}: the title {title:?} is not drawn", path.display());
    }
}

fn no_panic(text: &str, markdown: bool) -> Result<(), TestCaseError> {
    let result = journeymap::mermaid::import(text, markdown);
    prop_assert!(sound_import(&result).is_ok(), "{:?}", sound_import(&result));
    if let Err(f) = &result {
        for d in &f.diags {
            prop_assert!(d.code.info().code.starts_with("J08"), "{d:?}");
        }
        let _ = human("prop.mmd", f);
    }
    Ok(())
}

/// Pieces of Mermaid, so that arbitrary inputs reach far into the parser.
fn mermaidish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("journey".to_string()),
        Just("\n".to_string()),
        Just("\r".to_string()),
        Just(" ".to_string()),
        Just("\t".to_string()),
        Just("title ".to_string()),
        Just("section ".to_string()),
        Just("accTitle: ".to_string()),
        Just("accDescr {".to_string()),
        Just("accDescr: ".to_string()),
        Just("}".to_string()),
        Just(":".to_string()),
        Just(";".to_string()),
        Just(",".to_string()),
        Just("#".to_string()),
        Just("#lt;".to_string()),
        Just("#123;".to_string()),
        Just("%%".to_string()),
        Just("%%{init: {}}%%".to_string()),
        Just("---".to_string()),
        Just("<br>".to_string()),
        Just("```mermaid\n".to_string()),
        Just("```\n".to_string()),
        Just("5".to_string()),
        Just("-10".to_string()),
        Just("2.5".to_string()),
        Just("0x3".to_string()),
        Just("critical".to_string()),
        Just("Me".to_string()),
        Just("é日🙂".to_string()),
        "[ -~]{0,6}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn import_never_panics_on_any_string(text in any::<String>(), markdown in any::<bool>()) {
        no_panic(&text, markdown)?;
    }

    #[test]
    fn import_never_panics_on_mermaidish_text(text in mermaidish(), markdown in any::<bool>()) {
        no_panic(&text, markdown)?;
        no_panic(&format!("journey\n{text}"), false)?;
    }
}

/// Inputs built to make a careless scan quadratic import in well under a second.
#[test]
fn long_runs_are_read_in_linear_time() {
    let n = 200_000;
    for text in [
        format!("---{}", "\n".repeat(n)),
        format!("---\n{}", "\n---x".repeat(n / 4)),
        format!("{}journey", "\n".repeat(n)),
        format!("journey\n{}", " \n".repeat(n)),
        format!("journey\nstyle{};", ":".repeat(n)),
        format!("journey\nsection S\n{}", "%%{a ".repeat(n / 5)),
        format!("journey\nsection S\nT: 5: {}", "a,".repeat(n / 2)),
        format!("journey\nsection S\nT: 5: {}", (0..n / 100).map(|i| format!("a{i},")).collect::<String>()),
        format!("journey\n{}", "#lt;".repeat(n / 4)),
    ] {
        let start = std::time::Instant::now();
        let _ = journeymap::mermaid::import(&text, false);
        let _ = journeymap::mermaid::import(&format!("```mermaid\n{text}"), true);
        assert!(start.elapsed().as_secs_f64() < 5.0, "{:?}…: {:?}", &text[..20], start.elapsed());
    }
}

#[test]
fn long_texts_and_many_actors_still_give_a_map_that_checks() {
    let long = "x".repeat(20_000);
    let actors: String = (0..1500).map(|i| format!("Actor number {i},")).collect();
    let text = format!("journey\ntitle {long}\nsection {long}\n{long}: 5: {long}, Me\nT: 4: {actors}\n");
    let (map, j) = import(&text, false).unwrap_or_else(|f| panic!("{:?}", f.diags.first()));
    assert!(j.title.value.ends_with('…') && j.title.value.chars().count() <= 4001);
    assert_eq!(j.personas.len(), 1502);
    assert!(map.contains("Texts longer than 4000 characters are cut"));
    assert!(map.contains("more actors than fit on a line"));
}

/// `journeymap import` and `export --format mermaid` through the binary: exit codes,
/// the file written only when the input has no problem, diagnostics named by file,
/// line and column.
#[test]
fn the_commands_import_and_export_mermaid() {
    use crate::cli::{code, journeymap, run};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("day.journey");
    let good = corpus().join("05-demo-go-shopping.mmd");
    let o = journeymap(&["import", good.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let map = std::fs::read_to_string(&out).unwrap();
    assert!(map.contains("journey: Go shopping"), "{map}");
    assert_eq!(code(&journeymap(&["check", "--deny-warnings", out.to_str().unwrap()])), 0);
    // Export and import back through standard input.
    let o = journeymap(&["export", "--format", "mermaid", out.to_str().unwrap()]);
    assert_eq!(code(&o), 0);
    let back = run(&["import", "-", "--from", "mermaid"], Some(&o.stdout));
    assert_eq!(code(&back), 0, "{}", String::from_utf8_lossy(&back.stderr));
    assert!(String::from_utf8_lossy(&back.stdout).contains("journey: Go shopping"));
    // A refused diagram: exit 1, nothing written, the problem named where it is.
    let bad = corpus().join("74-section-with-colon.mmd");
    let not_written = dir.path().join("bad.journey");
    let o = journeymap(&["import", bad.to_str().unwrap(), "-o", not_written.to_str().unwrap()]);
    assert_eq!(code(&o), 1);
    assert!(!not_written.exists());
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("J0814") && stderr.contains("74-section-with-colon.mmd:3:19"), "{stderr}");
    // A Markdown file: its first mermaid block, positions in the whole file.
    let md = dir.path().join("README.md");
    std::fs::write(
        &md,
        "# Day\n\n```mermaid\njourney\n  title Day\n  section Go\n    Tea: 5: Me\n    Journey home: 4: Me\n```\n",
    )
    .unwrap();
    let o = journeymap(&["import", md.to_str().unwrap()]);
    assert_eq!(code(&o), 1);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("J0815") && stderr.contains("README.md:8:5"), "{stderr}");
}

/// The corpus's diagrams, each with its reference line's verdict.
fn corpus_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "mmd"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    files.sort();
    files
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Real diagrams, broken by a few edits: never a panic, never a map that does not check.
    #[test]
    fn edited_real_diagrams_never_panic(
        pick in any::<prop::sample::Index>(),
        edits in prop::collection::vec(crate::props::mutation(), 1..4),
        markdown in any::<bool>(),
    ) {
        let files = corpus_files();
        let mut bytes = files[pick.index(files.len())].clone().into_bytes();
        for m in &edits {
            bytes = crate::props::apply(&bytes, m);
        }
        let text = String::from_utf8_lossy(&bytes);
        let text = if markdown { format!("Intro\n\n```mermaid\n{text}\n```\n") } else { text.into_owned() };
        no_panic(&text, markdown)?;
    }
}

/// Every corpus diagram in a Markdown file reads as it does alone, and the lines of its
/// problems are the file's.
#[test]
fn corpus_diagrams_in_markdown_read_the_same() {
    for text in corpus_files() {
        let md = format!("# A README\n\nSome text.\n\n```mermaid\n{text}```\n\nMore text.\n");
        match (journeymap::mermaid::import(&text, false), journeymap::mermaid::import(&md, true)) {
            (Ok(a), Ok(b)) => assert_eq!(a, b),
            (Err(a), Err(b)) => {
                let line = |f: &journeymap::import::Failure| {
                    f.diags.iter().map(|d| LineIndex::new(&f.source).line_col(d.primary.span.start)).collect::<Vec<_>>()
                };
                let shifted: Vec<_> = line(&a).into_iter().map(|(l, c)| (l + 5, c)).collect();
                assert_eq!(line(&b), shifted, "{text}");
            }
            (a, b) => panic!("{text}: {:?} / {:?}", a.is_ok(), b.is_ok()),
        }
    }
}

/// `docs/import.md` lists every Mermaid code, by code and name.
#[test]
fn the_import_page_lists_every_mermaid_code() {
    let doc = std::fs::read_to_string(root().join("docs/import.md")).unwrap();
    for code in Code::ALL.iter().filter(|c| c.info().code.starts_with("J081")) {
        let info = code.info();
        assert!(doc.contains(&format!("{} `{}`", info.code, info.name)), "docs/import.md does not list {}", info.code);
    }
}

#[test]
fn a_persona_without_emotion_is_named_in_the_export() {
    let j = crate::common::journey("journey: T\npersona a: Ann\npersona b: Bo\nphase: P\n  step: S\n    emotion a 1\n");
    let mermaid = journeymap::mermaid::export(&j);
    assert!(mermaid.contains("%% Personas without an emotion are not shown: Bo.\n"), "{mermaid}");
    assert!(mermaid.contains("    S: 4: Ann\n"), "{mermaid}");
}

#[test]
fn a_line_that_mermaid_reads_as_a_title_is_one() {
    let (map, j) =
        import("journey\ntitle Home insurance\nsection Buy\nTitle search: 3: Me\nPay: 4: Me\n", false).unwrap();
    assert_eq!(j.title.value, "search: 3: Me");
    assert_eq!(j.phases[0].steps.len(), 1);
    assert!(map.contains("has 2 `title` statements"), "{map}");
}

#[test]
fn an_html_embed_in_markdown_is_pointed_at() {
    let md = "# Day\n\n<div class=\"mermaid\">\njourney\n  title Day\n</div>\n";
    let failure = journeymap::mermaid::import(md, true).unwrap_err();
    let d = &failure.diags[0];
    assert_eq!(d.code, Code::MermaidNoBlock);
    assert_eq!(&md[d.secondary[0].span.start..d.secondary[0].span.end], "<div class=\"mermaid\">");
}

/// Inputs a review found: a `style` after the last `;`, bytes that are not UTF-8, and a
/// scale as wide as an i64 exported. Each is refused or written, never a panic.
#[test]
fn inputs_found_by_review_do_not_panic() {
    for text in ["journey\nA;style\n", "journey\ntitle Q1; lifestyle\n", "journey\nBuy;classDef\n"] {
        let failure = journeymap::mermaid::import(text, false).expect_err("a `;` is refused");
        assert_eq!(failure.diags[0].code.info().code, "J0813", "{text:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.mmd");
    std::fs::write(&bad, b"journey\n\xff\n").unwrap();
    let o = crate::cli::journeymap(&["import", bad.to_str().unwrap()]);
    assert_eq!(crate::cli::code(&o), 1, "{}", crate::cli::text(&o.stderr));
    assert!(crate::cli::text(&o.stderr).contains("J0802"));
    let wide = "journey: W\nscale -5000000000000000000..5000000000000000000\npersona a: A\npersona b: B\n\
                phase: P\n  step: S\n    emotion a 4000000000000000000\n    emotion b 4000000000000000000\n";
    let journey = crate::common::journey(wide);
    let mmd = journeymap::mermaid::export(&journey);
    assert!(mmd.contains(": 5: "), "{mmd}");
}
