//! Mermaid's `journey` as its parser really reads it (see the corpus's `SYNTAX.md`):
//! the preprocessing, the jison lexer's rules in their order (the first that matches
//! wins, not the longest), the grammar, and `journeyDb.addTask`'s reading of a task.

use super::number::js_number;
use super::text::{self, Mapped, js_space, js_trim, space_run};
use crate::diag::{Code, Diag};
use crate::import::problem;

/// What Mermaid makes of a diagram.
#[derive(Debug, Default)]
pub(crate) struct Diagram {
    /// The last `title` statement, else the frontmatter's `title:`; raw (entities
    /// encoded, untrimmed).
    pub title: Option<String>,
    pub title_from_frontmatter: bool,
    /// How many `title` statements there are (a line `Title search: 3` is one: Mermaid
    /// reads `title` and a space as the statement wherever a token starts).
    pub title_statements: usize,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
    pub sections: Vec<String>,
    pub tasks: Vec<Task>,
    /// `%%{…}%%` directives were removed.
    pub directives: bool,
    /// The frontmatter had keys other than `title` (`config`, `displayMode`, …).
    pub frontmatter_config: bool,
}

#[derive(Debug)]
pub(crate) struct Task {
    /// Index into `sections`; `None` before any `section`.
    pub section: Option<usize>,
    pub name: String,
    /// The score as written (the first piece of the data).
    pub score_text: String,
    /// JavaScript's `Number()` of it.
    pub score: f64,
    /// Trimmed, as Mermaid keeps them (empty ones included).
    pub actors: Vec<String>,
}

/// At most this many problems are reported for one diagram.
const MAX_PROBLEMS: usize = 50;

/// Parses the diagram in `input` (a whole `.mmd` file, or a Markdown block mapped into
/// its file). Problems point into the input.
pub(crate) fn parse(input: &Mapped) -> Result<Diagram, Vec<Diag>> {
    let mut diagram = Diagram::default();
    let m = input.unix_lines();
    // Frontmatter, only at the very first character.
    let m = if m.text.starts_with("---") {
        match text::frontmatter(&m.text) {
            Some(((cs, ce), end)) => {
                read_frontmatter(&m, cs, ce, &mut diagram)?;
                m.without(&[(0, end)])
            }
            None => return Err(vec![unclosed_frontmatter(&m)]),
        }
    } else {
        m
    };
    let cut = text::directives(&m.text);
    diagram.directives = !cut.is_empty();
    let m = m.without(&cut);
    let m = m.without(&text::comment_lines(&m.text));
    let start = space_run(&m.text, 0);
    if !m.text[start..].starts_with("journey") {
        return Err(vec![not_journey(&m, start)]);
    }
    // Mermaid left-trims the text after removing the comments.
    let m = m.without(&[(0, start)]);
    let m = m.without(&text::style_semicolons(&m.text));
    Parser::new(&m, &mut diagram).run()?;
    Ok(diagram)
}

fn read_frontmatter(m: &Mapped, cs: usize, ce: usize, diagram: &mut Diagram) -> Result<(), Vec<Diag>> {
    let yaml = &m.text[cs..ce];
    // serde-saphyr is a dependency: should it panic, the frontmatter is reported as
    // unreadable rather than the import lost in a crash.
    let parsed = std::panic::catch_unwind(|| {
        let options = serde_saphyr::options! { with_snippet: false };
        serde_saphyr::from_str_with_options::<serde_json::Value>(yaml, options)
    });
    let value = match parsed {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => {
            let at = e.location().filter(|l| l.line() > 0).map_or(0, |l| {
                let line_start: usize = yaml.split_inclusive('\n').take(l.line() as usize - 1).map(str::len).sum();
                let line = &yaml[line_start.min(yaml.len())..];
                let col: usize = line.chars().take((l.column() as usize).saturating_sub(1)).map(char::len_utf8).sum();
                (line_start + col).min(yaml.len())
            });
            let end = yaml[at..].find('\n').map_or(yaml.len(), |k| at + k).max(at);
            let msg = e.without_snippet().to_string();
            let msg = msg.lines().next().unwrap_or("not YAML").to_string();
            return Err(vec![
                problem(
                    Code::MermaidBadFrontmatter,
                    m.span(cs + at, cs + end),
                    format!("the frontmatter is not valid YAML: {msg}"),
                    "fix the YAML between the two `---` lines (Mermaid refuses the diagram too), or remove it",
                )
                .label("not YAML"),
            ]);
        }
        Err(_) => {
            return Err(vec![problem(
                Code::MermaidBadFrontmatter,
                m.span(0, 3),
                "the frontmatter could not be read",
                "simplify the YAML between the two `---` lines, or remove it",
            )]);
        }
    };
    if let serde_json::Value::Object(map) = &value {
        // Mermaid: `if (parsed.title) setDiagramTitle(parsed.title.toString())`.
        let title = match map.get("title") {
            Some(serde_json::Value::String(s)) if !s.is_empty() => Some(s.clone()),
            Some(serde_json::Value::Number(n)) if n.as_f64() != Some(0.0) => Some(n.to_string()),
            Some(serde_json::Value::Bool(true)) => Some("true".into()),
            _ => None,
        };
        if let Some(t) = title {
            diagram.title = Some(t);
            diagram.title_from_frontmatter = true;
        }
        diagram.frontmatter_config = map.keys().any(|k| k != "title");
    }
    Ok(())
}

fn unclosed_frontmatter(m: &Mapped) -> Diag {
    let d = problem(
        Code::MermaidBadFrontmatter,
        m.span(0, 3),
        "the frontmatter is not closed",
        "end it with a line `---` at the very start of a line (not indented), or remove the first `---`",
    )
    .label("the frontmatter starts here");
    // An indented `---` does not close it (a copy from HTML keeps its indentation).
    let mut at = m.text.find('\n').map_or(m.text.len(), |i| i + 1);
    while at < m.text.len() {
        let line_end = m.text[at..].find('\n').map_or(m.text.len(), |k| at + k);
        let line = &m.text[at..line_end];
        if line.trim() == "---" {
            let s = at + line.find('-').unwrap_or(0);
            return d.with_secondary(m.span(s, s + 3), "indented, so it does not close the frontmatter");
        }
        at = line_end + 1;
    }
    d
}

/// The diagram types Mermaid knows, by their first word.
const DIAGRAMS: [(&str, &str); 24] = [
    ("flowchart", "flowchart"),
    ("flowchart-elk", "flowchart"),
    ("graph", "flowchart"),
    ("sequenceDiagram", "sequence diagram"),
    ("classDiagram", "class diagram"),
    ("classDiagram-v2", "class diagram"),
    ("stateDiagram", "state diagram"),
    ("stateDiagram-v2", "state diagram"),
    ("erDiagram", "entity–relationship diagram"),
    ("gantt", "Gantt chart"),
    ("pie", "pie chart"),
    ("gitGraph", "git graph"),
    ("mindmap", "mind map"),
    ("timeline", "timeline"),
    ("quadrantChart", "quadrant chart"),
    ("requirementDiagram", "requirement diagram"),
    ("C4Context", "C4 diagram"),
    ("sankey-beta", "Sankey diagram"),
    ("xychart-beta", "XY chart"),
    ("block-beta", "block diagram"),
    ("packet-beta", "packet diagram"),
    ("kanban", "Kanban board"),
    ("architecture-beta", "architecture diagram"),
    ("radar-beta", "radar chart"),
];

fn not_journey(m: &Mapped, start: usize) -> Diag {
    let rest = &m.text[start..];
    if rest.is_empty() {
        let at = m.text.len();
        return problem(
            Code::MermaidNotJourney,
            m.span(at, at),
            "there is no Mermaid diagram here: the text is empty once comments are removed",
            "write a journey: `journey`, then `title …`, `section …` and tasks `Task: 5: Actor`",
        );
    }
    let word_len = rest.find(|c: char| js_space(c) || c == ':' || c == ';').unwrap_or(rest.len()).max(1);
    let word_len = rest.char_indices().map(|(i, c)| i + c.len_utf8()).find(|&e| e >= word_len).unwrap_or(rest.len());
    let word = &rest[..word_len];
    let span = m.span(start, start + word_len);
    if word.len() >= 7 && word.is_char_boundary(7) && word[..7].eq_ignore_ascii_case("journey") {
        return problem(
            Code::MermaidNotJourney,
            span,
            format!("Mermaid does not recognise `{word}`: the diagram type is case-sensitive"),
            "write `journey` in lower case",
        )
        .label("not `journey`")
        .suggest(Some("journey"));
    }
    if let Some((_, kind)) = DIAGRAMS.iter().find(|(w, _)| word == *w || word.strip_suffix(';') == Some(w)) {
        return problem(
            Code::MermaidNotJourney,
            span,
            format!("this Mermaid diagram is a {kind}, not a `journey`"),
            "journeymap imports only Mermaid's user-journey diagrams, which start with `journey`",
        )
        .label("not `journey`");
    }
    if word.starts_with("---") {
        return problem(
            Code::MermaidBadFrontmatter,
            span,
            "the frontmatter is not at the very start of the diagram",
            "move the `---` block to the first line, with nothing before it",
        );
    }
    problem(
        Code::MermaidNotJourney,
        span,
        "this is not a Mermaid `journey` diagram: it must start with `journey`",
        "start the diagram with the line `journey` (after any frontmatter, `%%{init}%%` or `%%` comments)",
    )
    .label("expected `journey`")
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Journey,
    Title,
    AccTitle,
    AccDescr,
    AccMulti,
    Section,
    TaskName,
    TaskData,
    Colon,
    Newline,
    Invalid,
    Eof,
}

#[derive(Clone, Copy, Debug)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
    /// Where the value starts (a title's text after `title `, an accTitle's after `:`).
    value: usize,
}

struct Parser<'a> {
    m: &'a Mapped,
    text: &'a str,
    /// Bytes that Mermaid's entity encoding hides from the lexer (an entity's `#` and `;`).
    hidden: Vec<bool>,
    pos: usize,
    diagram: &'a mut Diagram,
    diags: Vec<Diag>,
    section: Option<usize>,
    /// The last token was a `section`: a `:` right after it is in the name.
    after_section: Option<Token>,
}

impl<'a> Parser<'a> {
    fn new(m: &'a Mapped, diagram: &'a mut Diagram) -> Self {
        let mut hidden = vec![false; m.text.len()];
        for (s, e) in text::entities(&m.text) {
            hidden[s] = true;
            hidden[e - 1] = true;
        }
        Parser { m, text: &m.text, hidden, pos: 0, diagram, diags: Vec::new(), section: None, after_section: None }
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.text.as_bytes().get(at).copied()
    }

    /// Whether the byte at `at` is one of `set`, as the lexer sees it.
    fn is(&self, at: usize, set: &[u8]) -> bool {
        self.byte(at).is_some_and(|b| set.contains(&b) && !self.hidden[at])
    }

    /// The end of a run of bytes not in `set` from `at`.
    fn run_not(&self, at: usize, set: &[u8]) -> usize {
        let mut i = at;
        while i < self.text.len() && !self.is(i, set) {
            i += 1;
        }
        i
    }

    fn starts_ci(&self, at: usize, word: &str) -> bool {
        self.text.get(at..at + word.len()).is_some_and(|s| s.eq_ignore_ascii_case(word))
    }

    /// One `\s` character at `at`: its length.
    fn one_space(&self, at: usize) -> Option<usize> {
        self.text.get(at..)?.chars().next().filter(|&c| js_space(c)).map(char::len_utf8)
    }

    fn eol(&self, at: usize) -> usize {
        self.text[at..].find('\n').map_or(self.text.len(), |k| at + k)
    }

    fn tok(&self, kind: Kind, start: usize, end: usize, value: usize) -> Token {
        Token { kind, start, end, value }
    }

    /// The next token of the INITIAL state (the lexer's rules in order).
    fn next(&mut self) -> Token {
        loop {
            let p = self.pos;
            let t = &self.text[p..];
            let Some(c) = t.chars().next() else { return self.tok(Kind::Eof, p, p, p) };
            // `\%%(?!\{)[^\n]*` and `[^\}]\%\%[^\n]*`: comments.
            if (t.starts_with("%%") && !t[2..].starts_with('{')) || (c != '}' && t[c.len_utf8()..].starts_with("%%")) {
                let from = if t.starts_with("%%") { p } else { p + c.len_utf8() };
                self.pos = self.eol(from);
                continue;
            }
            if c == '\n' {
                let n = t.bytes().take_while(|&b| b == b'\n').count();
                self.pos = p + n;
                return self.tok(Kind::Newline, p, p + n, p);
            }
            if js_space(c) {
                self.pos = space_run(self.text, p);
                continue;
            }
            if self.is(p, b"#") {
                self.pos = self.eol(p);
                continue;
            }
            if self.starts_ci(p, "journey") {
                self.pos = p + 7;
                return self.tok(Kind::Journey, p, p + 7, p);
            }
            if self.starts_ci(p, "title")
                && let Some(s) = self.one_space(p + 5)
            {
                let end = self.run_not(p + 5 + s, b"#\n;");
                if end > p + 5 + s {
                    self.pos = end;
                    return self.tok(Kind::Title, p, end, p + 5 + s);
                }
            }
            for (word, kind) in [("accTitle", Kind::AccTitle), ("accDescr", Kind::AccDescr)] {
                if self.starts_ci(p, word) {
                    let q = space_run(self.text, p + word.len());
                    if self.byte(q) == Some(b':') {
                        let v = space_run(self.text, q + 1);
                        let end = self.eol(v);
                        self.pos = end;
                        return self.tok(kind, p, end, v);
                    }
                }
            }
            if self.starts_ci(p, "accDescr") {
                let q = space_run(self.text, p + 8);
                if self.byte(q) == Some(b'{') {
                    let v = space_run(self.text, q + 1);
                    return match self.text[v..].find('}') {
                        Some(k) => {
                            self.pos = v + k + 1;
                            self.tok(Kind::AccMulti, p, v + k, v)
                        }
                        None => {
                            self.pos = self.text.len();
                            self.tok(Kind::AccMulti, p, self.text.len(), usize::MAX)
                        }
                    };
                }
            }
            if self.starts_ci(p, "section")
                && let Some(s) = self.one_space(p + 7)
            {
                let end = self.run_not(p + 7 + s, b"#:\n;");
                if end > p + 7 + s {
                    self.pos = end;
                    return self.tok(Kind::Section, p, end, p + 7 + s);
                }
            }
            if !self.is(p, b"#:\n;") {
                let end = self.run_not(p, b"#:\n;");
                self.pos = end;
                return self.tok(Kind::TaskName, p, end, p);
            }
            if self.is(p, b":") {
                let end = self.run_not(p + 1, b"#\n;");
                self.pos = end.max(p + 1);
                let kind = if end > p + 1 { Kind::TaskData } else { Kind::Colon };
                return self.tok(kind, p, self.pos, p + 1);
            }
            self.pos = p + c.len_utf8();
            return self.tok(Kind::Invalid, p, self.pos, p);
        }
    }

    fn run(mut self) -> Result<(), Vec<Diag>> {
        let first = self.next();
        debug_assert_eq!(first.kind, Kind::Journey);
        loop {
            let t = self.next();
            let after_section = self.after_section.take();
            match t.kind {
                Kind::Eof => break,
                Kind::Newline => {}
                Kind::Journey => self.error(
                    problem(
                        Code::MermaidJourneyInside,
                        self.m.span(t.start, t.end),
                        "`journey` starts a statement inside the diagram: Mermaid reads it as its keyword and refuses the diagram",
                        "a task or a second diagram cannot start with the word `journey` (in any case): reword it, e.g. `Trip to work`, or split the diagrams",
                    )
                    .label("the keyword again"),
                ),
                Kind::Title => {
                    self.diagram.title = Some(self.text[t.value..t.end].to_string());
                    self.diagram.title_from_frontmatter = false;
                    self.diagram.title_statements += 1;
                }
                Kind::AccTitle => self.diagram.acc_title = Some(js_trim(&self.text[t.value..t.end]).to_string()),
                Kind::AccDescr => self.diagram.acc_descr = Some(js_trim(&self.text[t.value..t.end]).to_string()),
                Kind::AccMulti if t.value == usize::MAX => {
                    let open = self.text[t.start..].find('{').map_or(t.start + 8, |k| t.start + k + 1);
                    self.error(
                        problem(
                            Code::MermaidUnclosedAccDescr,
                            self.m.span(t.start, open),
                            "`accDescr {` is not closed: Mermaid would read the rest of the diagram as the description",
                            "end the description with `}`",
                        )
                        .label("opened here"),
                    );
                }
                // `accDescr {}` has no value token: an earlier description stays.
                Kind::AccMulti if t.value == t.end => {}
                Kind::AccMulti => self.diagram.acc_descr = Some(js_trim(&self.text[t.value..t.end]).to_string()),
                Kind::Section => {
                    self.diagram.sections.push(self.text[t.value..t.end].to_string());
                    self.section = Some(self.diagram.sections.len() - 1);
                    self.after_section = Some(t);
                }
                Kind::TaskName => self.task(t),
                Kind::TaskData | Kind::Colon => match after_section {
                    // `section` alone on its line: `section\s` takes the newline, and the
                    // next line is the name.
                    Some(s) if self.text[..s.value].ends_with('\n') => self.error(
                        problem(
                            Code::MermaidSectionColon,
                            self.m.span(t.start, t.start + 1),
                            format!(
                                "`section` has no name on its line: Mermaid takes the next line, `{}`, as the name, and refuses its `:`",
                                js_trim(&self.text[s.value..t.start])
                            ),
                            "write the section's name after `section`, on the same line",
                        )
                        .label("ends the section name")
                        .with_secondary(self.m.span(s.start, s.start + 7), "a section without a name"),
                    ),
                    Some(s) => self.error(
                        problem(
                            Code::MermaidSectionColon,
                            self.m.span(t.start, t.start + 1),
                            format!(
                                "a `:` in the section name `{}`: Mermaid ends the name there and refuses the diagram",
                                js_trim(&self.text[s.value..t.end])
                            ),
                            "write the name without `:`, e.g. `section Step 1 - Context`, or as the entity `#58;`",
                        )
                        .label("ends the section name")
                        .with_secondary(self.m.span(s.start, s.end), "the section"),
                    ),
                    None => self.error(
                        problem(
                            Code::MermaidDataWithoutTask,
                            self.m.span(t.start, t.end),
                            "a `:` with no task name before it",
                            "write the task's name before it, as in `Make tea: 5: Me`",
                        )
                        .label("no task before this"),
                    ),
                },
                Kind::Invalid => self.invalid(t),
            }
            if self.diags.len() >= MAX_PROBLEMS {
                break;
            }
        }
        if self.diags.is_empty() { Ok(()) } else { Err(self.diags) }
    }

    fn error(&mut self, d: Diag) {
        self.diags.push(d);
        // Recovery: the rest of the line is skipped.
        let from = self.pos.min(self.text.len());
        self.pos = self.eol(from);
    }

    fn invalid(&mut self, t: Token) {
        self.error(
            problem(
                Code::MermaidSemicolon,
                self.m.span(t.start, t.end),
                "a `;` in a Mermaid journey: its parser refuses the diagram",
                "remove it, or write it as the entity `#59;` (an HTML entity such as `&amp;` has a `;` too: write `&` or `#amp;`)",
            )
            .label("refused"),
        );
    }

    fn task(&mut self, name: Token) {
        let data = self.next();
        if data.kind == Kind::TaskData {
            self.add_task(name, data);
            return;
        }
        let raw = js_trim(&self.text[name.start..name.end]);
        if data.kind == Kind::Invalid {
            self.invalid(data);
            return;
        }
        let (message, help) = if raw.len() >= 14
            && raw.is_char_boundary(14)
            && raw[..14].eq_ignore_ascii_case("accDescription")
        {
            (
                "`accDescription` is Mermaid's old form, which it no longer reads: this line is taken as a task without a score".to_string(),
                "write `accDescr: …` (with a colon) or `accDescr { … }`".to_string(),
            )
        } else if raw.eq_ignore_ascii_case("section") || raw.eq_ignore_ascii_case("title") {
            (
                format!("`{raw}` without a text: Mermaid reads the line as a task without a score"),
                format!(
                    "write the {} after `{raw}` on the same line",
                    if raw.eq_ignore_ascii_case("title") { "title" } else { "section's name" }
                ),
            )
        } else if data.kind == Kind::Colon {
            (
                format!("the task `{raw}` has a `:` but no score after it"),
                "write the score after the colon, as in `Make tea: 5: Me`".to_string(),
            )
        } else if self.is(name.end, b"#") {
            (
                format!("the task `{raw}` is cut by `#`, which starts a comment in Mermaid"),
                "write `#` as the entity `#35;`, or reword the task".to_string(),
            )
        } else {
            (
                format!("the task `{raw}` has no `: score`"),
                "write the score after a colon, as in `Make tea: 5: Me` (Mermaid refuses a task without one)"
                    .to_string(),
            )
        };
        let trimmed_end = name.start + self.text[name.start..name.end].trim_end().len();
        let end = if data.kind == Kind::Colon { data.end } else { trimmed_end.max(name.start + 1).min(name.end) };
        if matches!(data.kind, Kind::Newline | Kind::Eof) {
            // The line has ended already: recovery starts from its end.
            self.pos = data.start;
        }
        self.error(
            problem(Code::MermaidTaskWithoutData, self.m.span(name.start, end), message, help)
                .label("a task without data"),
        );
    }

    /// `journeyDb.addTask`: `data.substr(1).split(':')`, the score `Number(data[0])`, the
    /// actors `data[1].split(',').map(trim)`, further pieces dropped.
    fn add_task(&mut self, name: Token, data: Token) {
        let d = &self.text[data.start + 1..data.end];
        let mut pieces = d.split(':');
        let score_text = pieces.next().unwrap_or("").to_string();
        let actors = pieces.next().map(|a| a.split(',').map(|x| js_trim(x).to_string()).collect()).unwrap_or_default();
        let score = js_number(&score_text);
        self.diagram.tasks.push(Task {
            section: self.section,
            name: self.text[name.start..name.end].to_string(),
            score_text,
            score,
            actors,
        });
    }
}
