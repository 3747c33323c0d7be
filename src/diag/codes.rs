//! The registry of diagnostic codes: one place that names every problem journeymap reports.
//!
//! Codes are stable: a code is never reused for another problem. `docs/diagnostics.md`
//! documents each one and a test keeps the two in agreement; `tests/check/<name>.journey`
//! is each code's fixture, or `tests/config/<name>.yaml` for a code about the project
//! file (J06xx).

use super::Severity;

/// What the registry knows about one code.
#[derive(Clone, Copy, Debug)]
pub struct CodeInfo {
    /// The stable code, e.g. `J0101`.
    pub code: &'static str,
    /// A kebab-case name, also the fixture's file name.
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what the problem is.
    pub summary: &'static str,
}

macro_rules! registry {
    ($($variant:ident = $code:literal, $name:literal, $sev:ident, $summary:literal;)*) => {
        /// Every diagnostic journeymap can report.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $($variant,)* }

        impl Code {
            /// All codes, in registry order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            pub fn info(self) -> CodeInfo {
                match self {
                    $(Code::$variant => CodeInfo {
                        code: $code,
                        name: $name,
                        severity: Severity::$sev,
                        summary: $summary,
                    },)*
                }
            }
        }
    };
}

registry! {
    // Bytes and characters.
    InvalidUtf8 = "J0001", "invalid-utf8", Error, "the file is not valid UTF-8";
    ControlCharacter = "J0002", "control-character", Error, "a control character other than tab";
    BinaryFile = "J0003", "binary-file", Error, "the file looks binary, not like a journey map";
    TooManyProblems = "J0004", "too-many-problems", Error, "more problems than one file reports";
    FileTooLarge = "J0005", "file-too-large", Error, "the file is larger than journeymap reads";
    LineTooLong = "J0006", "line-too-long", Error, "a line is longer than journeymap reads";

    // Line shape.
    UnknownKeyword = "J0101", "unknown-keyword", Error, "a line starts with a word that is not a keyword";
    MalformedLine = "J0102", "malformed-line", Error, "a line does not have the shape `keyword [words…] [: text]`";
    MissingText = "J0103", "missing-text", Error, "a statement that needs text has none";
    UnexpectedText = "J0104", "unexpected-text", Error, "a statement that takes no text has some";
    WrongWords = "J0105", "wrong-words", Error, "a keyword's words do not fit the statement";

    // Structure.
    MissingJourney = "J0201", "missing-journey", Error, "the file has no `journey:` statement";
    RepeatedJourney = "J0202", "repeated-journey", Error, "`journey:` appears more than once";
    JourneyNotFirst = "J0203", "journey-not-first", Error, "`journey:` is not the first statement";
    HeaderAfterPhase = "J0204", "header-after-phase", Error, "a header statement after the first `phase`";
    StepBeforePhase = "J0205", "step-before-phase", Error, "a `step` before any `phase`";
    DetailBeforePhase = "J0206", "detail-before-phase", Error, "a detail statement before any `phase`";
    DetailOutsideStep = "J0207", "detail-outside-step", Error, "`touchpoint` or `emotion` outside a step";
    NoPhase = "J0208", "no-phase", Error, "the map has no phase";
    RepeatedHeader = "J0209", "repeated-header", Error, "a header statement that may appear once appears twice";
    BlueprintBeforePhase = "J0210", "blueprint-before-phase", Error, "a service-blueprint statement before any `phase`";

    // Names.
    DuplicateId = "J0301", "duplicate-id", Error, "an id is declared twice";
    ReservedId = "J0302", "reserved-id", Error, "a reserved flag word used as an id";
    UndeclaredId = "J0303", "undeclared-id", Error, "a reference to an id that is not declared";
    WrongIdKind = "J0304", "wrong-id-kind", Error, "an id of the wrong kind, e.g. a persona where a channel is expected";
    RepeatedWord = "J0305", "repeated-word", Error, "a word or role given twice in one statement";
    OwnerExpected = "J0306", "owner-expected", Error, "a channel or persona id where a blueprint statement expects an owner";
    UndeclaredSource = "J0307", "undeclared-source", Error, "a citation of a source that is not declared";
    NotASource = "J0308", "not-a-source", Error, "a citation of an id that is not a source, e.g. a persona or a channel";

    // Values.
    ScoreNotInteger = "J0401", "score-not-integer", Error, "an emotion score that is not an integer";
    ScoreOutOfScale = "J0402", "score-out-of-scale", Error, "an emotion score outside the scale";
    DuplicateEmotion = "J0403", "duplicate-emotion", Error, "two emotions for the same persona in one step";
    EmotionPersonaNotInStep = "J0404", "emotion-persona-not-in-step", Error, "an emotion for a persona the step is not limited to";
    BadScale = "J0405", "bad-scale", Error, "a scale whose bounds are not integers or not increasing";
    UnknownLang = "J0406", "unknown-lang", Error, "a `lang` code journeymap has no labels for";
    UnknownLane = "J0407", "unknown-lane", Error, "a lane name that does not exist";
    RepeatedLane = "J0408", "repeated-lane", Error, "a lane listed twice in `lanes`";
    NumberTooLarge = "J0409", "number-too-large", Error, "a number too large to compute with";
    UnknownView = "J0410", "unknown-view", Error, "a `view` that does not exist";
    UnknownSourceKind = "J0411", "unknown-source-kind", Error, "a `source` kind that does not exist";
    UnknownState = "J0412", "unknown-state", Error, "a `state` that is neither `current` nor `future`";
    OpportunityScoreOutOfRange = "J0413", "opportunity-score-out-of-range", Error, "an opportunity's impact or effort outside 1..5";
    OpportunityScoreNotInteger = "J0414", "opportunity-score-not-integer", Error, "an opportunity's impact or effort that is not a whole number";

    // Warnings.
    EmptyPhase = "J0501", "empty-phase", Warning, "a phase without steps";
    UnusedPersona = "J0502", "unused-persona", Warning, "a declared persona that nothing uses";
    UnusedChannel = "J0503", "unused-channel", Warning, "a declared channel that no touchpoint uses";
    UnusedOwner = "J0504", "unused-owner", Warning, "a declared owner that no touchpoint or blueprint statement names";
    PersonaWithoutEmotion = "J0505", "persona-without-emotion", Warning, "a persona with no emotion score at all";
    KpiUnitMismatch = "J0506", "kpi-unit-mismatch", Warning, "a KPI whose value and target are in different units";
    NoFont = "J0507", "no-font", Warning, "a character that no embedded or project font can draw";
    UnusedSource = "J0508", "unused-source", Warning, "a declared source that nothing cites";
    Uncited = "J0509", "uncited", Warning, "in a map with sources, a quote, pain, delight or emotion that cites none";

    // The project file, journeymap.yaml (see `Code::is_config`).
    ConfigSyntax = "J0601", "config-syntax", Error, "the project file is not valid YAML";
    ConfigUnknownKey = "J0602", "config-unknown-key", Error, "a key the project file does not have";
    ConfigWrongType = "J0603", "config-wrong-type", Error, "a value of the wrong kind, e.g. a name where a list belongs";
    ConfigBadName = "J0604", "config-bad-name", Error, "a format, page or lint level that does not exist";
    ConfigBadColour = "J0605", "config-bad-colour", Error, "a persona colour that is not `#rgb` or `#rrggbb`";
    ConfigOutOfRange = "J0606", "config-out-of-range", Error, "a number outside the range its key takes";
    ConfigUnknownLint = "J0607", "config-unknown-lint", Error, "a lint level for a code or name that does not exist";
    ConfigNotAWarning = "J0608", "config-not-a-warning", Error, "a lint level for an error, whose level cannot change";
    ConfigRepeatedLint = "J0609", "config-repeated-lint", Error, "one warning given a level twice, by code and by name";
    ConfigEmptyValue = "J0610", "config-empty-value", Error, "an empty list or text where a value is needed";
    ConfigBadFont = "J0611", "config-bad-font", Error, "a font file in `fonts:` that cannot be read or drawn with";

    // A map compared with its baseline (`render --baseline`): fixtures in `tests/baseline/`.
    BaselineScaleMismatch = "J0701", "baseline-scale-mismatch", Error, "a map and its baseline have different emotion scales";
    BaselinePersonaMissing = "J0702", "baseline-persona-missing", Warning, "a persona in a map or in its baseline, not in both";

    // `journeymap import`: problems in a Mermaid diagram or a spreadsheet (see
    // `Code::is_import`): fixtures in `tests/import/`. J081x Mermaid, J082x–J089x sheets.
    ImportInvalidResult = "J0801", "import-invalid-result", Error, "an imported map that does not check: a bug in the importer";
    ImportUnreadable = "J0802", "import-unreadable", Error, "an input that cannot be read as the format its name says";
    MermaidNotJourney = "J0810", "mermaid-not-journey", Error, "a Mermaid diagram that is not a `journey` (or not a Mermaid diagram)";
    MermaidNoBlock = "J0811", "mermaid-no-block", Error, "a Markdown file without a ```` ```mermaid ```` block";
    MermaidBadFrontmatter = "J0812", "mermaid-bad-frontmatter", Error, "a Mermaid diagram's YAML frontmatter that is not closed or not YAML";
    MermaidSemicolon = "J0813", "mermaid-semicolon", Error, "a `;` in a Mermaid journey, which its parser refuses";
    MermaidSectionColon = "J0814", "mermaid-section-colon", Error, "a `:` in a Mermaid section name";
    MermaidJourneyInside = "J0815", "mermaid-journey-inside", Error, "the word `journey` starting a statement inside a Mermaid journey";
    MermaidTaskWithoutData = "J0816", "mermaid-task-without-data", Error, "a Mermaid task without `: score`";
    MermaidUnclosedAccDescr = "J0817", "mermaid-unclosed-accdescr", Error, "a Mermaid `accDescr {` without its `}`";
    MermaidDataWithoutTask = "J0818", "mermaid-data-without-task", Error, "a `: score` in a Mermaid journey with no task name before it";

    SheetEmpty = "J0820", "sheet-empty", Error, "a spreadsheet, or its sheet, without a single filled cell";
    SheetUnknownLabel = "J0821", "sheet-unknown-label", Error, "a row label in column A that is no header statement and no lane";
    SheetNoTitle = "J0822", "sheet-no-title", Error, "a grid without a `journey` (title) row";
    SheetNoPhases = "J0823", "sheet-no-phases", Error, "a grid without a phase row, or with no phase in it";
    SheetStepWithoutPhase = "J0824", "sheet-step-without-phase", Error, "a step in a column left of the first phase";
    SheetCardWithoutStep = "J0825", "sheet-card-without-step", Error, "a card in a column with no step (only a phase's own column holds its details)";
    SheetBadEmotion = "J0826", "sheet-bad-emotion", Error, "an emotion cell that does not start with a score";
    SheetBadCell = "J0827", "sheet-bad-cell", Error, "a cell whose words or text make a statement the language refuses";
    SheetRepeatedRow = "J0828", "sheet-repeated-row", Error, "a row that a grid has once (title, phase, step, lang…) given twice";
    SheetUnlabelledRow = "J0829", "sheet-unlabelled-row", Error, "filled cells in a row whose label (column A) is empty";

    // A KPI data file, `--data FILE.csv` (see `Code::is_data`): fixtures in `tests/data/`.
    DataSyntax = "J0901", "data-syntax", Error, "a data file row that is not CSV, or has another number of cells than the header";
    DataMissingColumn = "J0902", "data-missing-column", Error, "a data file without a `kpi` or a `value` column, or empty";
    DataUnknownColumn = "J0903", "data-unknown-column", Warning, "a column a KPI data file does not have, or one named twice";
    DataUnknownKpi = "J0904", "data-unknown-kpi", Warning, "a KPI id in the data that no map has";
    DataBadNumber = "J0905", "data-bad-number", Error, "a value or target in the data that is not a number";
    DataBadDate = "J0906", "data-bad-date", Error, "a date in the data that is not an ISO 8601 date";
    DataUnitMismatch = "J0907", "data-unit-mismatch", Error, "a figure in the data in a unit unlike its KPI's or its target's";
    DataEmptyCell = "J0908", "data-empty-cell", Error, "a data row without a KPI id or a value";
}

impl Code {
    /// Whether the code is about the project file (`journeymap.yaml`, J06xx) rather
    /// than about a map.
    pub fn is_config(self) -> bool {
        self.info().code.starts_with("J06")
    }

    /// Whether the code is about an input to `journeymap import` (J08xx).
    pub fn is_import(self) -> bool {
        self.info().code.starts_with("J08")
    }

    /// Whether the code is about a KPI data file, `--data FILE.csv` (J09xx).
    pub fn is_data(self) -> bool {
        self.info().code.starts_with("J09")
    }
}
