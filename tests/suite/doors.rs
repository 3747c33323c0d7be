//! The doors CI users come in by: the GitHub Action (`action.yml`), run here step by
//! step as a runner would, the pre-commit hooks' manifest, and the Dockerfile's build
//! context. (`scripts/test-pre-commit.sh` runs the hooks with pre-commit itself.)

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use serde::Deserialize;

use crate::common::root;

#[derive(Deserialize)]
struct Action {
    inputs: BTreeMap<String, Input>,
    runs: Runs,
}

#[derive(Deserialize)]
struct Input {
    default: String,
}

#[derive(Deserialize)]
struct Runs {
    using: String,
    steps: Vec<Step>,
}

#[derive(Deserialize)]
struct Step {
    name: String,
    id: Option<String>,
    #[serde(rename = "if")]
    condition: Option<String>,
    uses: Option<String>,
    run: Option<String>,
    #[serde(default)]
    env: BTreeMap<String, String>,
}

fn action() -> Action {
    let text = std::fs::read_to_string(root().join("action.yml")).unwrap();
    serde_saphyr::from_str(&text).expect("action.yml is the shape of a composite action")
}

/// What a runner does with the action's `run` steps: `${{ … }}` expressions replaced,
/// the `if:` conditions of the forms the action uses evaluated, `uses:` steps (the
/// cache, the upload) passed over, each script run by bash with the step's env and
/// GITHUB_PATH, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as files. journeymap is on PATH,
/// as after the install step. Returns the failed step's name, if any.
fn run_action(workspace: &Path, inputs: &[(&str, &str)]) -> Result<(), String> {
    let action = action();
    assert_eq!(action.runs.using, "composite");
    let mut values: BTreeMap<String, String> =
        action.inputs.iter().map(|(k, v)| (format!("inputs.{k}"), v.default.clone())).collect();
    for (k, v) in inputs {
        assert!(values.insert(format!("inputs.{k}"), v.to_string()).is_some(), "the action has no input {k}");
    }
    let temp = workspace.join(".runner");
    std::fs::create_dir_all(&temp).unwrap();
    values.insert("runner.temp".into(), temp.display().to_string());
    values.insert("github.action_path".into(), root().display().to_string());
    values.insert("steps.cache.outputs.cache-hit".into(), String::new());
    let expand = |text: &str| -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("${{") {
            out.push_str(&rest[..start]);
            let end = rest[start..].find("}}").expect("a closed expression") + start;
            let expr = rest[start + 3..end].trim();
            let value = values.get(expr).unwrap_or_else(|| panic!("the test does not know `{expr}`"));
            out.push_str(value);
            rest = &rest[end + 2..];
        }
        out.push_str(rest);
        out
    };
    let holds = |condition: &str| -> bool {
        let (left, right, equal) = match condition.split_once("!=") {
            Some((l, r)) => (l, r, false),
            None => {
                let (l, r) = condition.split_once("==").expect("a comparison");
                (l, r, true)
            }
        };
        let left = values.get(left.trim()).unwrap_or_else(|| panic!("the test does not know `{left}`"));
        let right = right.trim().trim_matches('\'');
        (left == right) == equal
    };
    let files = ["GITHUB_PATH", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY"].map(|f| (f, temp.join(f)));
    for (_, f) in &files {
        std::fs::write(f, "").unwrap();
    }
    let bin = Path::new(env!("CARGO_BIN_EXE_journeymap")).parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    for step in &action.runs.steps {
        if step.condition.as_deref().is_some_and(|c| !holds(c)) {
            continue;
        }
        if let Some(uses) = &step.uses {
            assert!(uses.starts_with("actions/") && uses.contains("@v"), "{} is pinned to a major version", step.name);
            continue;
        }
        let script = step.run.as_deref().expect("a step runs or uses");
        let mut command = Command::new("bash");
        command.args(["--noprofile", "--norc", "-eo", "pipefail", "-c", &expand(script)]);
        command.current_dir(workspace).env("PATH", &path);
        for (k, v) in &step.env {
            command.env(k, expand(v));
        }
        for (k, f) in &files {
            command.env(k, f);
        }
        let o = command.output().unwrap();
        if !o.status.success() {
            return Err(format!(
                "{}: {}{}",
                step.name,
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            ));
        }
        if step.id.as_deref() == Some("render") {
            let outputs = std::fs::read_to_string(&files[1].1).unwrap();
            assert!(outputs.lines().any(|l| l.starts_with("out-dir=")), "{outputs}");
        }
    }
    Ok(())
}

fn workspace_with_maps() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let maps = dir.path().join("maps/team");
    std::fs::create_dir_all(&maps).unwrap();
    for name in ["home-insurance.journey", "apotek-recept.journey"] {
        std::fs::copy(root().join("examples").join(name), maps.join(name)).unwrap();
    }
    dir
}

#[test]
fn the_action_checks_renders_and_reports_every_map() {
    let dir = workspace_with_maps();
    run_action(dir.path(), &[("paths", "maps"), ("formats", "svg,png")]).unwrap();
    for name in ["home-insurance", "apotek-recept"] {
        for ext in ["svg", "png"] {
            let out = dir.path().join(format!("journeymap-out/team/{name}.{ext}"));
            assert!(out.is_file(), "{} was rendered", out.display());
        }
    }
    let summary = std::fs::read_to_string(dir.path().join(".runner/GITHUB_STEP_SUMMARY")).unwrap();
    assert!(summary.contains("## Journey report: Buying home insurance"), "{summary}");
    assert!(summary.contains("## Journey report: Hämta ut ett recept"), "both maps are reported: {summary}");
}

#[test]
fn the_action_renders_one_map_into_the_out_dir_and_fails_on_a_broken_one() {
    let dir = workspace_with_maps();
    run_action(dir.path(), &[("paths", "maps/team/home-insurance.journey"), ("formats", "svg")]).unwrap();
    assert!(dir.path().join("journeymap-out/home-insurance.svg").is_file());
    std::fs::write(dir.path().join("maps/team/broken.journey"), "journey: B\nphase: P\n  stpe: S\n").unwrap();
    let failed = run_action(dir.path(), &[("paths", "maps")]).unwrap_err();
    assert!(failed.starts_with("Check the maps") && failed.contains("J0101"), "{failed}");
}

#[test]
fn the_action_takes_kpi_data() {
    let dir = workspace_with_maps();
    let data = root().join("examples/apotek-kpis.csv");
    let map = root().join("examples/apotek-recept-framtid.journey");
    std::fs::copy(&map, dir.path().join("maps/team/apotek-recept-framtid.journey")).unwrap();
    std::fs::remove_file(dir.path().join("maps/team/apotek-recept.journey")).unwrap();
    std::fs::remove_file(dir.path().join("maps/team/home-insurance.journey")).unwrap();
    let data = data.display().to_string();
    run_action(dir.path(), &[("paths", "maps"), ("formats", "svg"), ("data", &data)]).unwrap();
    let svg = std::fs::read_to_string(dir.path().join("journeymap-out/team/apotek-recept-framtid.svg")).unwrap();
    assert!(svg.contains("per 2026-10-31"), "the card shows the data's date");
}

/// Each hook runs journeymap on `.journey` files; the manifest is what pre-commit reads.
#[test]
fn the_pre_commit_hooks_name_real_commands() {
    #[derive(Deserialize)]
    struct Hook {
        id: String,
        entry: String,
        language: String,
        files: String,
    }
    let text = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let hooks: Vec<Hook> = serde_saphyr::from_str(&text).unwrap();
    let ids: Vec<&str> = hooks.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["journeymap-fmt", "journeymap-check", "journeymap-fmt-system", "journeymap-check-system"]);
    for hook in &hooks {
        assert!(["rust", "system"].contains(&hook.language.as_str()));
        assert_eq!(hook.files, "\\.journey$");
        let mut words = hook.entry.split_whitespace();
        assert_eq!(words.next(), Some("journeymap"));
        // The entry with a good map appended, as pre-commit appends the files (fmt with
        // `--check`, so that the example is left alone).
        let mut args: Vec<&str> = words.collect();
        if args == ["fmt"] {
            args.push("--check");
        }
        args.push("examples/home-insurance.journey");
        let o = Command::new(env!("CARGO_BIN_EXE_journeymap")).args(&args).current_dir(root()).output().unwrap();
        assert!(o.status.success(), "{}: {}", hook.id, String::from_utf8_lossy(&o.stderr));
    }
}

/// What the Dockerfile copies into its build stage is what the crate needs to build:
/// every directory that Cargo.toml's targets and the sources' `include_*!` read.
#[test]
fn the_dockerfile_copies_what_the_build_reads() {
    let dockerfile = std::fs::read_to_string(root().join("Dockerfile")).unwrap();
    let copied: Vec<&str> = dockerfile
        .lines()
        .filter_map(|l| l.strip_prefix("COPY "))
        .filter(|l| !l.starts_with("--from"))
        .flat_map(|l| l.split_whitespace().rev().skip(1))
        .collect();
    for needed in ["Cargo.toml", "Cargo.lock", "assets", "benches", "grammar", "src", "examples"] {
        assert!(copied.contains(&needed), "the Dockerfile copies {needed}: {copied:?}");
    }
    assert!(dockerfile.contains("ENTRYPOINT [\"journeymap\"]"));
    assert!(dockerfile.contains("FROM debian:bookworm-slim"));
    let ignored = std::fs::read_to_string(root().join(".dockerignore")).unwrap();
    for needed in &copied {
        assert!(!ignored.lines().any(|l| l.trim_end_matches('/') == *needed), "{needed} is copied and ignored");
    }
}

/// The GitLab job of docs/ci.md: its `script:` lines, run in order by bash in a scratch
/// project with journeymap on PATH, check the maps and leave the drawings and reports.
#[test]
fn the_gitlab_job_in_the_docs_runs() {
    #[derive(Deserialize)]
    struct Job {
        script: Vec<String>,
        artifacts: Artifacts,
    }
    #[derive(Deserialize)]
    struct Artifacts {
        paths: Vec<String>,
    }
    let doc = std::fs::read_to_string(root().join("docs/ci.md")).unwrap();
    let section = doc.split("## GitLab CI").nth(1).expect("a GitLab section");
    let block = section.split("```yaml\n").nth(1).and_then(|b| b.split("```").next()).expect("a yaml block");
    let jobs: BTreeMap<String, Job> = serde_saphyr::from_str(block).expect("the job is valid YAML");
    let job = &jobs["journey-maps"];
    assert_eq!(job.artifacts.paths, ["public/"]);
    let dir = workspace_with_maps();
    let bin = Path::new(env!("CARGO_BIN_EXE_journeymap")).parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    for line in &job.script {
        let o = Command::new("bash")
            .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", line])
            .current_dir(dir.path())
            .env("PATH", &path)
            .env("CI_PROJECT_DIR", dir.path())
            .output()
            .unwrap();
        assert!(o.status.success(), "{line}: {}", String::from_utf8_lossy(&o.stderr));
    }
    for out in ["public/maps/team/home-insurance.pdf", "public/maps/team/apotek-recept.html"] {
        assert!(dir.path().join(out).is_file(), "{out}");
    }
    let report = std::fs::read_to_string(dir.path().join("public/reports/home-insurance.md")).unwrap();
    assert!(report.contains("Buying home insurance"), "{report}");
}
