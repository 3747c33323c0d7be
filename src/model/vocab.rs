//! The fixed vocabulary of a map: label languages and the built-in words, with their
//! translations (the lanes' headers are in the lane table, [`crate::lanes`]).

/// The language of the built-in labels (`lang`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Da,
    Sv,
    Nb,
    De,
}

impl Lang {
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::Da, Lang::Sv, Lang::Nb, Lang::De];

    /// The code written after `lang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Da => "da",
            Lang::Sv => "sv",
            Lang::Nb => "nb",
            Lang::De => "de",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.iter().copied().find(|l| l.code() == code)
    }

    /// The language's name in English, for messages.
    pub fn english_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Da => "Danish",
            Lang::Sv => "Swedish",
            Lang::Nb => "Norwegian Bokmål",
            Lang::De => "German",
        }
    }
}

/// The built-in words of a drawn map, besides the lane headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    Goal,
    Scope,
    Notes,
    Personas,
    Critical,
    /// Marks a step where the customer meets no touchpoint of the company.
    Gap,
    LowPoint,
    HighPoint,
    /// The mean curve of a map with many personas.
    Mean,
    /// The band from the lowest to the highest score.
    Range,
    Functional,
    Emotional,
    Target,
    External,
    Online,
    Offline,
    /// The anonymous persona of a map without personas.
    Customer,
    /// How to get a step's details on the interactive page.
    DetailsHint,
    /// What a persona's button in the legend does.
    ToggleCurve,
    /// The service blueprint's line between the customer and the company's front stage.
    LineOfInteraction,
    /// The line above what the customer does not see.
    LineOfVisibility,
    /// The line above the support processes.
    LineOfInternalInteraction,
    /// A pain shown on an action card in the blueprint view.
    FailPoint,
    /// A change of responsible owner between two steps.
    Handoff,
    /// The view toggle of the interactive page.
    JourneyView,
    BlueprintView,
    /// The interactive page's link past the header to the map.
    SkipToMap,
    /// The interactive page's zoom buttons.
    ZoomIn,
    ZoomOut,
    /// Closes the page's detail drawer (on a phone).
    Close,
    /// The page's panel of a step's details.
    StepDetails,
    /// The printed page's appendix of every step.
    AllSteps,
    /// The page's button that shows or hides the emotion notes.
    EmotionNotes,
    /// A KPI's `min` and `max`, before the figure.
    AtLeast,
    AtMost,
    /// Whether a KPI with a direction meets it.
    Met,
    Missed,
    /// A KPI with an id and no value.
    NoData,
    /// A KPI's figure from a data file, before its date: "as of 2026-03-01".
    AsOf,
    /// The list of the map's sources under it.
    Sources,
    /// `state current` and `state future`, beside the title.
    CurrentState,
    FutureState,
    /// The kinds of source, in the Sources list.
    Interview,
    Survey,
    Observation,
    Analytics,
    Workshop,
    Document,
    /// The page's toggle that tints steps by evidence coverage, and its legend.
    Evidence,
    SaidNotSeen,
    /// The badge of a step that the baseline (`render --baseline`) lacks.
    New,
    /// The heading of the baseline's steps that the map no longer has.
    GoneSteps,
    /// The baseline's curves, in the legend.
    Baseline,
    /// What the page's baseline button does.
    ToggleBaseline,
    /// A need's status on its card: `need met`, `need unmet`, `need partly`.
    NeedMet,
    NeedUnmet,
    NeedPartly,
    /// In the blueprint view, on a step's action: a need it does not meet, or meets in
    /// part ("Unmet need: …").
    UnmetNeedMark,
    PartlyMetNeedMark,
    /// The impact/effort matrix (`view opportunities`): its quadrants (see `Quadrant`),
    /// its axes, the legend of the scored opportunities and the list of those without
    /// both scores.
    QuickWins,
    BigBets,
    FillIns,
    MoneyPits,
    Impact,
    Effort,
    Scored,
    Unscored,
}

impl Label {
    pub fn text(self, lang: Lang) -> &'static str {
        use Label::*;
        match (lang, self) {
            (Lang::En, Goal) => "Goal",
            (Lang::En, Scope) => "Scope",
            (Lang::En, Notes) => "Notes",
            (Lang::En, Personas) => "Personas",
            (Lang::En, Critical) => "Critical",
            (Lang::En, Gap) => "Gap: no company touchpoint",
            (Lang::En, LowPoint) => "Low point",
            (Lang::En, HighPoint) => "High point",
            (Lang::En, Mean) => "Mean",
            (Lang::En, Range) => "Range (lowest to highest)",
            (Lang::En, Functional) => "Functional",
            (Lang::En, Emotional) => "Emotional",
            (Lang::En, Target) => "target",
            (Lang::En, External) => "external",
            (Lang::En, Online) => "online",
            (Lang::En, Offline) => "offline",
            (Lang::En, Customer) => "Customer",
            (Lang::En, DetailsHint) => "Hover over, tap or focus a step to see all its details.",
            (Lang::En, ToggleCurve) => "Show or hide this persona's curve",
            (Lang::En, LineOfInteraction) => "Line of interaction",
            (Lang::En, LineOfVisibility) => "Line of visibility",
            (Lang::En, LineOfInternalInteraction) => "Line of internal interaction",
            (Lang::En, FailPoint) => "Fail point",
            (Lang::En, Handoff) => "Handoff",
            (Lang::En, JourneyView) => "Journey map",
            (Lang::En, BlueprintView) => "Service blueprint",
            (Lang::En, SkipToMap) => "Skip to the map",
            (Lang::En, ZoomIn) => "Zoom in",
            (Lang::En, ZoomOut) => "Zoom out",
            (Lang::En, Close) => "Close",
            (Lang::En, StepDetails) => "Step details",
            (Lang::En, AllSteps) => "All steps",
            (Lang::En, EmotionNotes) => "Emotion notes",
            (Lang::En, AtLeast) => "at least",
            (Lang::En, AtMost) => "at most",
            (Lang::En, Met) => "met",
            (Lang::En, Missed) => "missed",
            (Lang::En, NoData) => "no data",
            (Lang::En, AsOf) => "as of",
            (Lang::En, Sources) => "Sources",
            (Lang::En, CurrentState) => "Current state",
            (Lang::En, FutureState) => "Future state",
            (Lang::En, Interview) => "interview",
            (Lang::En, Survey) => "survey",
            (Lang::En, Observation) => "observation",
            (Lang::En, Analytics) => "analytics",
            (Lang::En, Workshop) => "workshop",
            (Lang::En, Document) => "document",
            (Lang::En, Evidence) => "Evidence",
            (Lang::En, SaidNotSeen) => "Said, not seen",
            (Lang::Da, Goal) => "Formål",
            (Lang::Da, Scope) => "Afgrænsning",
            (Lang::Da, Notes) => "Noter",
            (Lang::Da, Personas) => "Personaer",
            (Lang::Da, Critical) => "Kritisk",
            (Lang::Da, Gap) => "Hul: intet kontaktpunkt fra virksomheden",
            (Lang::Da, LowPoint) => "Lavpunkt",
            (Lang::Da, HighPoint) => "Højdepunkt",
            (Lang::Da, Mean) => "Gennemsnit",
            (Lang::Da, Range) => "Spænd (laveste til højeste)",
            (Lang::Da, Functional) => "Funktionelt",
            (Lang::Da, Emotional) => "Følelsesmæssigt",
            (Lang::Da, Target) => "mål",
            (Lang::Da, External) => "ekstern",
            (Lang::Da, Online) => "online",
            (Lang::Da, Offline) => "offline",
            (Lang::Da, Customer) => "Kunde",
            (Lang::Da, DetailsHint) => "Peg på, tryk på eller vælg et trin for at se alle dets detaljer.",
            (Lang::Da, ToggleCurve) => "Vis eller skjul denne personas kurve",
            (Lang::Da, LineOfInteraction) => "Interaktionslinje",
            (Lang::Da, LineOfVisibility) => "Synlighedslinje",
            (Lang::Da, LineOfInternalInteraction) => "Intern interaktionslinje",
            (Lang::Da, FailPoint) => "Fejlpunkt",
            (Lang::Da, Handoff) => "Overdragelse",
            (Lang::Da, JourneyView) => "Kunderejse",
            (Lang::Da, BlueprintView) => "Service blueprint",
            (Lang::Da, SkipToMap) => "Spring til kortet",
            (Lang::Da, ZoomIn) => "Zoom ind",
            (Lang::Da, ZoomOut) => "Zoom ud",
            (Lang::Da, Close) => "Luk",
            (Lang::Da, StepDetails) => "Trinnets detaljer",
            (Lang::Da, AllSteps) => "Alle trin",
            (Lang::Da, EmotionNotes) => "Følelsesnoter",
            (Lang::Da, AtLeast) => "mindst",
            (Lang::Da, AtMost) => "højst",
            (Lang::Da, Met) => "opfyldt",
            (Lang::Da, Missed) => "ikke opfyldt",
            (Lang::Da, NoData) => "ingen data",
            (Lang::Da, AsOf) => "pr.",
            (Lang::Da, Sources) => "Kilder",
            (Lang::Da, CurrentState) => "Nuværende tilstand",
            (Lang::Da, FutureState) => "Fremtidig tilstand",
            (Lang::Da, Interview) => "interview",
            (Lang::Da, Survey) => "spørgeskema",
            (Lang::Da, Observation) => "observation",
            (Lang::Da, Analytics) => "dataanalyse",
            (Lang::Da, Workshop) => "workshop",
            (Lang::Da, Document) => "dokument",
            (Lang::Da, Evidence) => "Evidens",
            (Lang::Da, SaidNotSeen) => "Sagt, ikke set",
            (Lang::Sv, Goal) => "Syfte",
            (Lang::Sv, Scope) => "Avgränsning",
            (Lang::Sv, Notes) => "Anteckningar",
            (Lang::Sv, Personas) => "Personas",
            (Lang::Sv, Critical) => "Kritiskt",
            (Lang::Sv, Gap) => "Lucka: ingen kontaktpunkt från företaget",
            (Lang::Sv, LowPoint) => "Lågpunkt",
            (Lang::Sv, HighPoint) => "Höjdpunkt",
            (Lang::Sv, Mean) => "Medelvärde",
            (Lang::Sv, Range) => "Spann (lägsta till högsta)",
            (Lang::Sv, Functional) => "Funktionellt",
            (Lang::Sv, Emotional) => "Känslomässigt",
            (Lang::Sv, Target) => "mål",
            (Lang::Sv, External) => "extern",
            (Lang::Sv, Online) => "online",
            (Lang::Sv, Offline) => "offline",
            (Lang::Sv, Customer) => "Kund",
            (Lang::Sv, DetailsHint) => "Peka på, tryck på eller välj ett steg för att se alla dess detaljer.",
            (Lang::Sv, ToggleCurve) => "Visa eller dölj personans kurva",
            (Lang::Sv, LineOfInteraction) => "Interaktionslinje",
            (Lang::Sv, LineOfVisibility) => "Synlighetslinje",
            (Lang::Sv, LineOfInternalInteraction) => "Intern interaktionslinje",
            (Lang::Sv, FailPoint) => "Felpunkt",
            (Lang::Sv, Handoff) => "Överlämning",
            (Lang::Sv, JourneyView) => "Kundresa",
            (Lang::Sv, BlueprintView) => "Service blueprint",
            (Lang::Sv, SkipToMap) => "Hoppa till kartan",
            (Lang::Sv, ZoomIn) => "Zooma in",
            (Lang::Sv, ZoomOut) => "Zooma ut",
            (Lang::Sv, Close) => "Stäng",
            (Lang::Sv, StepDetails) => "Stegets detaljer",
            (Lang::Sv, AllSteps) => "Alla steg",
            (Lang::Sv, EmotionNotes) => "Känsloanteckningar",
            (Lang::Sv, AtLeast) => "minst",
            (Lang::Sv, AtMost) => "högst",
            (Lang::Sv, Met) => "uppfyllt",
            (Lang::Sv, Missed) => "ej uppfyllt",
            (Lang::Sv, NoData) => "inga data",
            (Lang::Sv, AsOf) => "per",
            (Lang::Sv, Sources) => "Källor",
            (Lang::Sv, CurrentState) => "Nuläge",
            (Lang::Sv, FutureState) => "Framtida läge",
            (Lang::Sv, Interview) => "intervju",
            (Lang::Sv, Survey) => "enkät",
            (Lang::Sv, Observation) => "observation",
            (Lang::Sv, Analytics) => "dataanalys",
            (Lang::Sv, Workshop) => "workshop",
            (Lang::Sv, Document) => "dokument",
            (Lang::Sv, Evidence) => "Evidens",
            (Lang::Sv, SaidNotSeen) => "Sagt, inte sett",
            (Lang::Nb, Goal) => "Formål",
            (Lang::Nb, Scope) => "Avgrensning",
            (Lang::Nb, Notes) => "Notater",
            (Lang::Nb, Personas) => "Personas",
            (Lang::Nb, Critical) => "Kritisk",
            (Lang::Nb, Gap) => "Hull: ingen kontaktpunkt fra selskapet",
            (Lang::Nb, LowPoint) => "Bunnpunkt",
            (Lang::Nb, HighPoint) => "Høydepunkt",
            (Lang::Nb, Mean) => "Gjennomsnitt",
            (Lang::Nb, Range) => "Spenn (laveste til høyeste)",
            (Lang::Nb, Functional) => "Funksjonelt",
            (Lang::Nb, Emotional) => "Følelsesmessig",
            (Lang::Nb, Target) => "mål",
            (Lang::Nb, External) => "ekstern",
            (Lang::Nb, Online) => "digital",
            (Lang::Nb, Offline) => "fysisk",
            (Lang::Nb, Customer) => "Kunde",
            (Lang::Nb, DetailsHint) => "Pek på, trykk på eller velg et steg for å se alle detaljene.",
            (Lang::Nb, ToggleCurve) => "Vis eller skjul kurven til denne personaen",
            (Lang::Nb, LineOfInteraction) => "Interaksjonslinje",
            (Lang::Nb, LineOfVisibility) => "Synlighetslinje",
            (Lang::Nb, LineOfInternalInteraction) => "Intern interaksjonslinje",
            (Lang::Nb, FailPoint) => "Feilpunkt",
            (Lang::Nb, Handoff) => "Overlevering",
            (Lang::Nb, JourneyView) => "Kundereise",
            (Lang::Nb, BlueprintView) => "Tjenesteblåkopi",
            (Lang::Nb, SkipToMap) => "Hopp til kartet",
            (Lang::Nb, ZoomIn) => "Zoom inn",
            (Lang::Nb, ZoomOut) => "Zoom ut",
            (Lang::Nb, Close) => "Lukk",
            (Lang::Nb, StepDetails) => "Detaljer om steget",
            (Lang::Nb, AllSteps) => "Alle steg",
            (Lang::Nb, EmotionNotes) => "Følelsesnotater",
            (Lang::Nb, AtLeast) => "minst",
            (Lang::Nb, AtMost) => "høyst",
            (Lang::Nb, Met) => "oppfylt",
            (Lang::Nb, Missed) => "ikke oppfylt",
            (Lang::Nb, NoData) => "ingen data",
            (Lang::Nb, AsOf) => "per",
            (Lang::Nb, Sources) => "Kilder",
            (Lang::Nb, CurrentState) => "Nåsituasjon",
            (Lang::Nb, FutureState) => "Fremtidig situasjon",
            (Lang::Nb, Interview) => "intervju",
            (Lang::Nb, Survey) => "spørreundersøkelse",
            (Lang::Nb, Observation) => "observasjon",
            (Lang::Nb, Analytics) => "dataanalyse",
            (Lang::Nb, Workshop) => "workshop",
            (Lang::Nb, Document) => "dokument",
            (Lang::Nb, Evidence) => "Evidens",
            (Lang::Nb, SaidNotSeen) => "Sagt, ikke sett",
            (Lang::De, Goal) => "Ziel",
            (Lang::De, Scope) => "Rahmen",
            (Lang::De, Notes) => "Notizen",
            (Lang::De, Personas) => "Personas",
            (Lang::De, Critical) => "Kritisch",
            (Lang::De, Gap) => "Lücke: kein Kontaktpunkt des Unternehmens",
            (Lang::De, LowPoint) => "Tiefpunkt",
            (Lang::De, HighPoint) => "Höhepunkt",
            (Lang::De, Mean) => "Mittelwert",
            (Lang::De, Range) => "Spanne (niedrigster bis höchster Wert)",
            (Lang::De, Functional) => "Funktional",
            (Lang::De, Emotional) => "Emotional",
            (Lang::De, Target) => "Ziel",
            (Lang::De, External) => "extern",
            (Lang::De, Online) => "online",
            (Lang::De, Offline) => "offline",
            (Lang::De, Customer) => "Kunde",
            (Lang::De, DetailsHint) => {
                "Zeigen Sie auf einen Schritt, tippen Sie ihn an oder wählen Sie ihn aus, um alle Details zu sehen."
            }
            (Lang::De, ToggleCurve) => "Kurve dieser Persona ein- oder ausblenden",
            (Lang::De, LineOfInteraction) => "Interaktionslinie",
            (Lang::De, LineOfVisibility) => "Sichtbarkeitslinie",
            (Lang::De, LineOfInternalInteraction) => "Interne Interaktionslinie",
            (Lang::De, FailPoint) => "Fehlerpunkt",
            (Lang::De, Handoff) => "Übergabe",
            (Lang::De, JourneyView) => "Customer Journey",
            (Lang::De, BlueprintView) => "Service Blueprint",
            (Lang::De, SkipToMap) => "Zur Karte springen",
            (Lang::De, ZoomIn) => "Vergrößern",
            (Lang::De, ZoomOut) => "Verkleinern",
            (Lang::De, Close) => "Schließen",
            (Lang::De, StepDetails) => "Details zum Schritt",
            (Lang::De, AllSteps) => "Alle Schritte",
            (Lang::De, EmotionNotes) => "Emotionsnotizen",
            (Lang::De, AtLeast) => "mindestens",
            (Lang::De, AtMost) => "höchstens",
            (Lang::De, Met) => "erreicht",
            (Lang::De, Missed) => "verfehlt",
            (Lang::De, NoData) => "keine Daten",
            (Lang::De, AsOf) => "Stand",
            (Lang::De, Sources) => "Quellen",
            (Lang::De, CurrentState) => "Ist-Zustand",
            (Lang::De, FutureState) => "Soll-Zustand",
            (Lang::De, Interview) => "Interview",
            (Lang::De, Survey) => "Umfrage",
            (Lang::De, Observation) => "Beobachtung",
            (Lang::De, Analytics) => "Datenanalyse",
            (Lang::De, Workshop) => "Workshop",
            (Lang::De, Document) => "Dokument",
            (Lang::De, Evidence) => "Evidenz",
            (Lang::De, SaidNotSeen) => "Gesagt, nicht gesehen",
            (_, New | GoneSteps | Baseline | ToggleBaseline) => baseline_text(lang, self),
            (_, QuickWins | BigBets | FillIns | MoneyPits | Impact | Effort | Scored | Unscored) => {
                matrix_text(lang, self)
            }
            (_, NeedMet | NeedUnmet | NeedPartly | UnmetNeedMark | PartlyMetNeedMark) => need_text(lang, self),
        }
    }
}

/// The words of the impact/effort matrix (`view opportunities`).
fn matrix_text(lang: Lang, label: Label) -> &'static str {
    use Label::*;
    match (lang, label) {
        (Lang::En, QuickWins) => "Quick wins",
        (Lang::En, BigBets) => "Big bets",
        (Lang::En, FillIns) => "Fill-ins",
        (Lang::En, MoneyPits) => "Money pits",
        (Lang::En, Impact) => "Impact",
        (Lang::En, Effort) => "Effort",
        (Lang::En, Scored) => "Opportunities by rank",
        (Lang::En, Unscored) => "Not scored",
        (Lang::Da, QuickWins) => "Hurtige gevinster",
        (Lang::Da, BigBets) => "Store satsninger",
        (Lang::Da, FillIns) => "Småopgaver",
        (Lang::Da, MoneyPits) => "Pengeslugere",
        (Lang::Da, Impact) => "Effekt",
        (Lang::Da, Effort) => "Indsats",
        (Lang::Da, Scored) => "Muligheder efter rang",
        (Lang::Da, Unscored) => "Ikke vurderet",
        (Lang::Sv, QuickWins) => "Snabba vinster",
        (Lang::Sv, BigBets) => "Stora satsningar",
        (Lang::Sv, FillIns) => "Småuppgifter",
        (Lang::Sv, MoneyPits) => "Pengaslukare",
        (Lang::Sv, Impact) => "Effekt",
        (Lang::Sv, Effort) => "Insats",
        (Lang::Sv, Scored) => "Möjligheter efter rang",
        (Lang::Sv, Unscored) => "Ej bedömda",
        (Lang::Nb, QuickWins) => "Raske gevinster",
        (Lang::Nb, BigBets) => "Store satsinger",
        (Lang::Nb, FillIns) => "Småoppgaver",
        (Lang::Nb, MoneyPits) => "Pengesluk",
        (Lang::Nb, Impact) => "Effekt",
        (Lang::Nb, Effort) => "Innsats",
        (Lang::Nb, Scored) => "Muligheter etter rang",
        (Lang::Nb, Unscored) => "Ikke vurdert",
        (Lang::De, QuickWins) => "Schnelle Erfolge",
        (Lang::De, BigBets) => "Große Vorhaben",
        (Lang::De, FillIns) => "Lückenfüller",
        (Lang::De, MoneyPits) => "Geldgräber",
        (Lang::De, Impact) => "Wirkung",
        (Lang::De, Effort) => "Aufwand",
        (Lang::De, Scored) => "Chancen nach Rang",
        (Lang::De, Unscored) => "Nicht bewertet",
        // Every other label is `Label::text`'s.
        (_, other) => other.text(lang),
    }
}

/// The words of a map drawn against its baseline (`render --baseline`).
fn baseline_text(lang: Lang, label: Label) -> &'static str {
    use Label::*;
    match (lang, label) {
        (Lang::En, New) => "New",
        (Lang::En, GoneSteps) => "Steps no longer in the journey",
        (Lang::En, Baseline) => "Baseline (today)",
        (Lang::En, ToggleBaseline) => {
            "Show or hide the baseline: today's curves, the new steps and the steps that are gone"
        }
        (Lang::Da, New) => "Ny",
        (Lang::Da, GoneSteps) => "Trin, der ikke længere er en del af rejsen",
        (Lang::Da, Baseline) => "Udgangspunkt (i dag)",
        (Lang::Da, ToggleBaseline) => {
            "Vis eller skjul udgangspunktet: dagens kurver, de nye trin og de trin, der er væk"
        }
        (Lang::Sv, New) => "Ny",
        (Lang::Sv, GoneSteps) => "Steg som inte längre ingår i resan",
        (Lang::Sv, Baseline) => "Utgångsläge (i dag)",
        (Lang::Sv, ToggleBaseline) => {
            "Visa eller dölj utgångsläget: dagens kurvor, de nya stegen och stegen som har försvunnit"
        }
        (Lang::Nb, New) => "Ny",
        (Lang::Nb, GoneSteps) => "Steg som ikke lenger er en del av reisen",
        (Lang::Nb, Baseline) => "Utgangspunkt (i dag)",
        (Lang::Nb, ToggleBaseline) => {
            "Vis eller skjul utgangspunktet: dagens kurver, de nye stegene og stegene som er borte"
        }
        (Lang::De, New) => "Neu",
        (Lang::De, GoneSteps) => "Schritte, die nicht mehr zur Reise gehören",
        (Lang::De, Baseline) => "Ausgangslage (heute)",
        (Lang::De, ToggleBaseline) => {
            "Ausgangslage ein- oder ausblenden: die heutigen Kurven, die neuen und die entfallenen Schritte"
        }
        // Every other label is `Label::text`'s.
        (_, other) => other.text(lang),
    }
}

/// A need's status, on its card.
fn need_text(lang: Lang, label: Label) -> &'static str {
    use Label::*;
    match (lang, label) {
        (Lang::En, NeedMet) => "met",
        (Lang::En, NeedUnmet) => "unmet",
        (Lang::En, NeedPartly) => "partly met",
        (Lang::En, UnmetNeedMark) => "Unmet need",
        (Lang::En, PartlyMetNeedMark) => "Partly met need",
        (Lang::Da, NeedMet) => "opfyldt",
        (Lang::Da, NeedUnmet) => "ikke opfyldt",
        (Lang::Da, NeedPartly) => "delvist opfyldt",
        (Lang::Da, UnmetNeedMark) => "Uopfyldt behov",
        (Lang::Da, PartlyMetNeedMark) => "Delvist opfyldt behov",
        (Lang::Sv, NeedMet) => "uppfyllt",
        (Lang::Sv, NeedUnmet) => "inte uppfyllt",
        (Lang::Sv, NeedPartly) => "delvis uppfyllt",
        (Lang::Sv, UnmetNeedMark) => "Ouppfyllt behov",
        (Lang::Sv, PartlyMetNeedMark) => "Delvis uppfyllt behov",
        (Lang::Nb, NeedMet) => "oppfylt",
        (Lang::Nb, NeedUnmet) => "ikke oppfylt",
        (Lang::Nb, NeedPartly) => "delvis oppfylt",
        (Lang::Nb, UnmetNeedMark) => "Uoppfylt behov",
        (Lang::Nb, PartlyMetNeedMark) => "Delvis oppfylt behov",
        (Lang::De, NeedMet) => "erfüllt",
        (Lang::De, NeedUnmet) => "nicht erfüllt",
        (Lang::De, NeedPartly) => "teilweise erfüllt",
        (Lang::De, UnmetNeedMark) => "Unerfülltes Bedürfnis",
        (Lang::De, PartlyMetNeedMark) => "Teilweise erfülltes Bedürfnis",
        // Every other label is `Label::text`'s.
        (_, other) => other.text(lang),
    }
}
