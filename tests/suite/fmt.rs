//! `journeymap fmt`: the canonical style (snapshots in `tests/fmt/`), idempotence and
//! meaning kept over the examples and generated maps, comments kept with their
//! statements, and the command end to end.

use std::path::Path;

use proptest::prelude::*;

use crate::cli::{code, run, text, write};
use crate::common::{example_maps, fmt, fmt_any, journeys_in, root, same_meaning};

/// Formats a map that must be accepted, and checks what must hold for every map:
/// formatting again changes nothing, and the meaning is the same.
fn formats(source: &[u8]) -> String {
    let once = fmt(source).unwrap_or_else(|| panic!("refused:\n{}", String::from_utf8_lossy(source)));
    let twice = fmt(once.as_bytes()).expect("formatted map is accepted");
    assert_eq!(twice, once, "not idempotent");
    assert!(same_meaning(once.as_bytes(), source), "meaning changed");
    once
}

/// The comment lines of a text, trimmed, in order.
fn comments(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| l.starts_with('#')).collect()
}

/// Each comment with the first statement after it (spacing normalised), `None` at the
/// end; sorted, since the header's statements may move.
fn attachments(text: &str) -> Vec<(String, Option<String>)> {
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let mut out: Vec<_> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with('#'))
        .map(|(i, c)| (c.to_string(), lines[i..].iter().find(|l| !l.starts_with('#')).map(|l| spacing(l))))
        .collect();
    out.sort();
    out
}

/// A statement line with single spaces between its words and `: ` before its text.
fn spacing(line: &str) -> String {
    match line.split_once(':') {
        Some((words, text)) => format!("{}: {}", spacing(words), text.trim()).trim_end().to_string(),
        None => line.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

#[test]
fn fixtures_match_their_snapshots() {
    let fixtures = journeys_in(&root().join("tests/fmt"));
    assert!(fixtures.len() >= 2);
    for path in fixtures {
        let source = std::fs::read(&path).unwrap();
        let formatted = formats(&source);
        // Every comment is still there, and still above the statement it was above.
        assert_eq!(attachments(&formatted), attachments(&String::from_utf8_lossy(&source)), "{}", path.display());
        insta::with_settings!({
            snapshot_path => "../fmt",
            prepend_module_to_snapshot => false,
            omit_expression => true,
            input_file => &path,
        }, {
            insta::assert_snapshot!(path.file_stem().unwrap().to_string_lossy().to_string(), formatted);
        });
    }
}

/// The check of meaning that `fmt` and these tests make sees what a broken formatter
/// would do: swap two steps, drop a detail, change a score; and only layout is ignored.
#[test]
fn the_check_of_meaning_sees_a_real_change() {
    let map = "journey: T\nphase: P\n  step: One\n    pain: x\n    emotion 1\n  step: Two\n";
    let relaid = "# c\njourney:  T\n\nphase:P\nstep :One\n        pain:x\n emotion  1\n\n\nstep: Two";
    assert!(same_meaning(map.as_bytes(), relaid.as_bytes()));
    let swapped = "journey: T\nphase: P\n  step: Two\n  step: One\n    pain: x\n    emotion 1\n";
    let dropped = "journey: T\nphase: P\n  step: One\n    emotion 1\n  step: Two\n";
    let rescored = "journey: T\nphase: P\n  step: One\n    pain: x\n    emotion 2\n  step: Two\n";
    let moved = "journey: T\nphase: P\n  step: One\n    emotion 1\n  step: Two\n    pain: x\n";
    for changed in [swapped, dropped, rescored, moved] {
        assert!(!same_meaning(map.as_bytes(), changed.as_bytes()), "{changed}");
    }
}

#[test]
fn examples_keep_their_meaning_and_comments_and_format_once() {
    let maps = example_maps();
    assert!(maps.len() >= 4);
    for path in maps {
        let source = std::fs::read_to_string(&path).unwrap();
        let formatted = formats(source.as_bytes());
        assert_eq!(comments(&formatted), comments(&source), "{}", path.display());
        assert_eq!(attachments(&formatted), attachments(&source), "{}", path.display());
        // Nothing but layout changed: the same lines, trimmed, apart from blank ones.
        let mut before: Vec<&str> = source.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        let mut after: Vec<&str> = formatted.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        before.sort_unstable();
        after.sort_unstable();
        assert_eq!(after, before, "{}", path.display());
    }
}

#[test]
fn canonical_layout_of_a_small_map() {
    let messy = "\u{feff}# about\r\n\r\n\r\npersona  anna :Anna\r\njourney:   T  \r\n\tlanes actions   emotions\r\n  scale -2..2\r\n\
                 goal: G\r\nphase:P\r\n    # why\r\n  step   critical  anna   :  Does:  it \r\n emotion anna  -1 :\r\n\
                 note: # not a comment\r\n# the end\r\n\r\n";
    // `journey` must be first, so this map is refused; without the persona first it is not.
    assert_eq!(fmt(messy.as_bytes()), None);
    let messy = messy.replace("persona  anna :Anna\r\njourney:   T  \r\n", "journey:   T  \r\npersona  anna :Anna\r\n");
    let expected = "# about\n\njourney: T\ngoal: G\nscale -2..2\n\npersona anna: Anna\n\nlanes actions emotions\n\n\
                    phase: P\n  # why\n  step critical anna: Does:  it\n    emotion anna -1:\n    note: # not a comment\n    \
                    # the end\n";
    assert_eq!(formats(messy.as_bytes()), expected);
}

#[test]
fn a_phase_keeps_its_own_details_apart_from_its_steps() {
    let source = "journey: T\nphase: P\npain: of the phase\nstep: S\npain: of the step\nphase: Q\nnote: of Q\n";
    let formatted = formats(source.as_bytes());
    assert_eq!(
        formatted,
        "journey: T\n\nphase: P\n  pain: of the phase\n  step: S\n    pain: of the step\n\nphase: Q\n  note: of Q\n"
    );
}

#[test]
fn header_statements_of_one_kind_keep_their_order() {
    let source = "journey: T\nowner b: B\npersona z: Z\nnote: 1\nchannel c: C\nowner a: A\npersona y: Y\nnote: 2\n\
                  phase: P\nstep z y: S\ntouchpoint c a: x\ntouchpoint b: y\nemotion 1\n";
    let formatted = formats(source.as_bytes());
    assert_eq!(
        formatted,
        "journey: T\nnote: 1\nnote: 2\n\npersona z: Z\npersona y: Y\n\nchannel c: C\n\nowner b: B\nowner a: A\n\n\
         phase: P\n  step z y: S\n    touchpoint c a: x\n    touchpoint b: y\n    emotion 1\n"
    );
}

#[test]
fn maps_with_errors_are_refused_and_warnings_are_not() {
    assert_eq!(fmt(b"journey: T\nphase: P\n  stpe: S\n"), None);
    assert_eq!(fmt(b"journey: T\nphase: P\n  step: S\n    emotion 9\n"), None);
    assert_eq!(fmt(b"\xff\xfe"), None);
    // A phase without steps is a warning.
    assert_eq!(formats(b"journey: T\nphase: Empty\nphase: P\n step: S\n  emotion 1"), WARNS_FORMATTED);
}

const WARNS_FORMATTED: &str = "journey: T\n\nphase: Empty\n\nphase: P\n  step: S\n    emotion 1\n";

// --- generated maps, made messy -------------------------------------------------------

/// How to make one line of a valid map messy without changing what it means.
#[derive(Clone, Debug)]
struct LineEdit {
    indent: String,
    /// Replaces each space between words (before the `:`).
    gap: String,
    before_colon: String,
    after_colon: String,
    trailing: String,
    blank_lines_before: usize,
    comment_before: bool,
    crlf: bool,
}

fn blanks(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(prop_oneof![Just(' '), Just('\t')], 0..=max).prop_map(|v| v.into_iter().collect())
}

fn line_edit() -> impl Strategy<Value = LineEdit> {
    (
        blanks(6),
        blanks(3).prop_map(|g| format!(" {g}")),
        (blanks(2), blanks(3), blanks(3)),
        (0usize..3, proptest::bool::weighted(0.15), proptest::bool::weighted(0.2)),
    )
        .prop_map(
            |(indent, gap, (before_colon, after_colon, trailing), (blank_lines_before, comment_before, crlf))| {
                LineEdit { indent, gap, before_colon, after_colon, trailing, blank_lines_before, comment_before, crlf }
            },
        )
}

/// `line` (canonical, from the generator) made messy by `edit`; comments are numbered.
fn messy_line(line: &str, edit: &LineEdit, number: usize, out: &mut String) {
    let eol = if edit.crlf { "\r\n" } else { "\n" };
    for _ in 0..edit.blank_lines_before {
        out.push_str(&edit.indent);
        out.push_str(eol);
    }
    if edit.comment_before {
        out.push_str(&format!("{}#  comment {number}{}{eol}", edit.gap, edit.trailing));
    }
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    out.push_str(&edit.indent);
    if line.starts_with('#') {
        out.push_str(line);
        out.push_str(&edit.trailing);
        out.push_str(eol);
        return;
    }
    match line.split_once(':') {
        Some((words, text)) => {
            out.push_str(&words.split(' ').collect::<Vec<_>>().join(&edit.gap));
            out.push_str(&edit.before_colon);
            out.push(':');
            out.push_str(&edit.after_colon);
            out.push_str(text.trim());
        }
        None => out.push_str(&line.split(' ').collect::<Vec<_>>().join(&edit.gap)),
    }
    out.push_str(&edit.trailing);
    out.push_str(eol);
}

/// The header lines after `journey:` interleaved anew, each kind keeping its order.
fn interleave_header(lines: &mut [&str], keys: &[u32]) {
    let end = lines.iter().position(|l| l.starts_with("phase")).unwrap_or(lines.len());
    let header: Vec<&str> = lines[..end].iter().copied().filter(|l| !l.trim().is_empty()).collect();
    let start = header.iter().position(|l| l.starts_with("journey")).unwrap() + 1;
    let kind = |l: &str| l.split([' ', ':']).next().unwrap_or("").to_string();
    let mut order: Vec<usize> = (start..header.len()).collect();
    order.sort_by_key(|&i| keys[i % keys.len()]);
    let mut slots: Vec<&str> = order.iter().map(|&i| header[i]).collect();
    // Put the lines of each kind back into that kind's slots, in their first order.
    for k in header[start..].iter().map(|l| kind(l)) {
        let mut own = header[start..].iter().copied().filter(|l| kind(l) == k);
        for slot in slots.iter_mut().filter(|s| kind(s) == k) {
            *slot = own.next().unwrap();
        }
    }
    let mut new_header: Vec<&str> = header[..start].to_vec();
    new_header.extend(slots);
    new_header.resize(end, "");
    lines[..end].copy_from_slice(&new_header);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn messy_generated_maps_format_like_the_clean_ones(
        steps in 1usize..25,
        edits in proptest::collection::vec(line_edit(), 1..40),
        keys in proptest::collection::vec(any::<u32>(), 1..30),
        bom in any::<bool>(),
    ) {
        let clean = journeymap::generate::map(steps);
        let canonical = fmt(clean.as_bytes()).expect("generated maps are valid");
        let mut lines: Vec<&str> = clean.lines().collect();
        interleave_header(&mut lines, &keys);
        let mut messy = String::from(if bom { "\u{feff}" } else { "" });
        for (i, line) in lines.iter().enumerate() {
            let mut edit = edits[i % edits.len()].clone();
            if i == 1 {
                // Between the generator's comment and the title a blank line is kept.
                edit.blank_lines_before = 0;
            }
            messy_line(line, &edit, i, &mut messy);
        }
        let formatted = fmt(messy.as_bytes());
        prop_assert!(formatted.is_some(), "refused:\n{}", messy);
        let formatted = formatted.unwrap();
        prop_assert!(same_meaning(formatted.as_bytes(), clean.as_bytes()), "meaning changed");
        prop_assert_eq!(fmt(formatted.as_bytes()), Some(formatted.clone()));
        // The comments are kept, above the statement they were above; without them the
        // map is exactly the clean one formatted.
        prop_assert_eq!(attachments(&formatted), attachments(&messy));
        let without: String =
            formatted.lines().filter(|l| !l.trim().starts_with("#  comment")).map(|l| format!("{l}\n")).collect();
        prop_assert_eq!(without, canonical);
    }

    #[test]
    fn arbitrary_bytes_never_make_fmt_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = fmt_any(&String::from_utf8_lossy(&bytes));
        if let Some(formatted) = fmt(&bytes) {
            prop_assert!(same_meaning(formatted.as_bytes(), &bytes), "meaning changed");
        }
    }

    #[test]
    fn arbitrary_text_never_makes_fmt_panic(
        text in "(journey|phase|step|emotion|touchpoint|kpi|note|persona|[a-z]{1,8}|[ \\t:#%.0-9-]|\\n|\\r\\n|é|😀){0,80}",
    ) {
        let laid_out = fmt_any(&text);
        prop_assert!(laid_out.is_empty() || laid_out.ends_with('\n'));
        prop_assert!(!laid_out.contains("\r") && !laid_out.lines().any(|l| l.ends_with([' ', '\t'])));
        if let Some(formatted) = fmt(text.as_bytes()) {
            prop_assert!(same_meaning(formatted.as_bytes(), text.as_bytes()), "meaning changed");
            prop_assert_eq!(fmt(formatted.as_bytes()), Some(formatted.clone()));
        }
    }
}

// --- the command ------------------------------------------------------------------------

const CANONICAL: &str = "journey: Good\n\nphase: P\n  step: S\n    emotion 1\n";
const MESSY: &str = "journey:Good\nphase: P\nstep: S\n  # how it feels\nemotion   1\n";
const MESSY_FORMATTED: &str = "journey: Good\n\nphase: P\n  step: S\n    # how it feels\n    emotion 1\n";
const BROKEN: &str = "journey: Bad\nphase:   P\n  stpe: S\n";

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

fn old_mtime(path: &str) -> std::time::SystemTime {
    let then = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    std::fs::File::options().write(true).open(path).unwrap().set_modified(then).unwrap();
    then
}

fn mtime(path: &str) -> std::time::SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

#[test]
fn check_lists_the_files_that_would_change_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "a.journey", CANONICAL);
    let messy = write(dir.path(), "sub/b.journey", MESSY);
    let d = dir.path().display().to_string();
    let o = run(&["fmt", "--check", &d], None);
    assert_eq!(code(&o), 1, "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), format!("{messy}\n"));
    assert_eq!(read(&messy), MESSY.as_bytes());
    let o = run(&["fmt", "--check", &good], None);
    assert_eq!((code(&o), text(&o.stdout)), (0, String::new()), "{}", text(&o.stderr));
}

#[test]
fn fmt_rewrites_only_the_files_that_change() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "a.journey", CANONICAL);
    let messy = write(dir.path(), "b.journey", MESSY);
    let then = old_mtime(&good);
    let o = run(&["fmt", &dir.path().display().to_string()], None);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert!(o.stdout.is_empty());
    assert_eq!(read(&messy), MESSY_FORMATTED.as_bytes());
    assert_eq!(read(&good), CANONICAL.as_bytes());
    assert_eq!(mtime(&good), then, "an unchanged file is not written");
    let o = run(&["fmt", "--check", &messy, &good], None);
    assert_eq!((code(&o), text(&o.stdout)), (0, String::new()));
}

#[test]
fn a_file_with_errors_is_reported_like_check_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let broken = write(dir.path(), "broken.journey", BROKEN);
    let messy = write(dir.path(), "messy.journey", MESSY);
    for args in [&["fmt", &broken, &messy][..], &["fmt", "--check", &broken][..]] {
        let o = run(args, None);
        assert_eq!(code(&o), 1);
        let checked = run(&["check", &broken], None);
        let reported = text(&o.stderr);
        assert!(reported.contains("J0101") && reported.contains("broken.journey:3:3"), "{reported}");
        assert!(text(&checked.stderr).starts_with(&reported), "{reported}");
        assert_eq!(read(&broken), BROKEN.as_bytes());
    }
    // The other map was formatted all the same.
    assert_eq!(read(&messy), MESSY_FORMATTED.as_bytes());
}

#[test]
fn stdin_is_formatted_to_stdout() {
    let o = run(&["fmt", "-"], Some(MESSY.as_bytes()));
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), MESSY_FORMATTED);
    let o = run(&["fmt", "-"], Some(CANONICAL.as_bytes()));
    assert_eq!((code(&o), text(&o.stdout)), (0, CANONICAL.to_string()));
    let o = run(&["fmt", "--check", "-"], Some(MESSY.as_bytes()));
    assert_eq!((code(&o), text(&o.stdout)), (1, "<stdin>\n".to_string()));
    let o = run(&["fmt", "-"], Some(BROKEN.as_bytes()));
    assert_eq!(code(&o), 1);
    assert!(o.stdout.is_empty());
    assert!(text(&o.stderr).contains("J0101"));
}

#[test]
fn crlf_and_a_byte_order_mark_become_plain_lf() {
    let dir = tempfile::tempdir().unwrap();
    let crlf = format!("\u{feff}{}", MESSY.replace('\n', "\r\n"));
    let path = write(dir.path(), "windows.journey", &crlf);
    let o = run(&["fmt", "--check", &path], None);
    assert_eq!((code(&o), text(&o.stdout)), (1, format!("{path}\n")));
    let o = run(&["fmt", &path], None);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert_eq!(read(&path), MESSY_FORMATTED.as_bytes());
    // Already canonical but for its line ends: still a change.
    let path = write(dir.path(), "crlf.journey", &CANONICAL.replace('\n', "\r\n"));
    let o = run(&["fmt", "--check", &path], None);
    assert_eq!(code(&o), 1);
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let messy = write(dir.path(), "m.journey", MESSY);
    let o = run(&["fmt", "no-such.journey", &messy], None);
    assert_eq!(code(&o), 2);
    assert!(text(&o.stderr).contains("no-such.journey"));
    // The map that could be read is still formatted.
    assert_eq!(read(&messy), MESSY_FORMATTED.as_bytes());
    assert_eq!(code(&run(&["fmt"], None)), 2);
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(code(&run(&["fmt", "--check", &empty.path().display().to_string()], None)), 2);
    assert!(Path::new(&messy).exists());
}

/// Maps with sources format once and keep their meaning, and every statement's
/// citations end up after its other words, in the order the sources are declared.
#[test]
fn citations_are_put_in_declaration_order_after_the_other_words() {
    let mut maps: Vec<std::path::PathBuf> = ["tests/fmt/citations.journey", "tests/report/apotek-sources.journey"]
        .iter()
        .map(|p| root().join(p))
        .chain(journeys_in(&root().join("tests/diff")).into_iter().filter(|p| p.to_string_lossy().contains("sources")))
        .collect();
    let shared = root().join("../shared/examples-v1/apotek-kallor.journey");
    if shared.is_file() {
        maps.push(shared);
    }
    for path in maps {
        let formatted = formats(&std::fs::read(&path).unwrap());
        let sources: Vec<&str> = formatted
            .lines()
            .filter_map(|l| l.strip_prefix("source "))
            .map(|l| l.split([' ', ':']).next().unwrap())
            .collect();
        assert!(!sources.is_empty(), "{}", path.display());
        let in_body = formatted.lines().skip_while(|l| !l.starts_with("phase:"));
        for line in in_body.filter(|l| !l.trim_start().starts_with('#')) {
            let words: Vec<&str> = line.split(':').next().unwrap().split_whitespace().skip(1).collect();
            let ranks: Vec<Option<usize>> = words.iter().map(|w| sources.iter().position(|s| s == w)).collect();
            let first = ranks.iter().position(Option::is_some).unwrap_or(ranks.len());
            assert!(ranks[first..].iter().all(Option::is_some), "citations last: {line}");
            let cited: Vec<usize> = ranks.iter().flatten().copied().collect();
            assert!(cited.windows(2).all(|w| w[0] < w[1]), "declaration order, each once: {line}");
        }
    }
    // The fixture's lines, as written and as formatted.
    let written = std::fs::read_to_string(root().join("tests/fmt/citations.journey")).unwrap();
    assert!(written.contains("touchpoint a1 disk o1 apotek: Nummerlapp"));
    let formatted = formats(written.as_bytes());
    assert!(formatted.contains("    touchpoint disk apotek o1 a1: Nummerlapp\n"), "{formatted}");
    assert!(formatted.contains("  step critical o1 i1: Köar vid disken\n"), "{formatted}");
    assert!(formatted.contains("emotion karin -1 o1 i1: Står länge i1 o1\n"), "the text is untouched");
}
