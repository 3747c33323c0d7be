//! The header pass: title, goal, scope, `lang`, `scale`, `lanes` and the declarations
//! of personas, channels and owners, which share one namespace.

use std::collections::HashMap;

use super::lower::{no_text, optional_text, required_text};
use super::{
    Channel, ChannelId, ChannelMode, Journey, LaneKind, Lang, MapState, Owner, OwnerId, Persona, PersonaId, Phase,
    Scale, Source, SourceId, SourceKind, Text, View, suggest,
};
use crate::Span;
use crate::diag::{Code, Diag, Diags};
use crate::syntax::ast::{FlagKind, Ident, Keyword, Number, Range, Statement, Word, Words};

/// What a declared id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Decl {
    Persona(PersonaId),
    Channel(ChannelId),
    Owner(OwnerId),
    Source(SourceId),
    /// A KPI's id, declared where the KPI is written.
    Kpi,
}

impl Decl {
    pub(super) fn with_article(self) -> &'static str {
        match self {
            Decl::Persona(_) => "a persona",
            Decl::Channel(_) => "a channel",
            Decl::Owner(_) => "an owner",
            Decl::Source(_) => "a source",
            Decl::Kpi => "a KPI",
        }
    }
}

/// Every declared id, with where it was declared.
pub(super) type Names = HashMap<String, (Decl, Span)>;

#[derive(Default)]
pub(super) struct Header {
    title: Option<Text>,
    /// The first `journey` statement, even one without text.
    journey_span: Option<Span>,
    goal: Option<Text>,
    scope: Option<Text>,
    lang: Option<Lang>,
    scale: Option<Scale>,
    /// A `scale` statement was wrong: scores are not checked against any scale.
    pub(super) scale_unknown: bool,
    lanes: Option<Vec<LaneKind>>,
    view: Option<View>,
    state: Option<MapState>,
    /// Where each once-only header statement was first given, valid or not.
    given: HashMap<&'static str, Span>,
    pub(super) personas: Vec<Persona>,
    pub(super) channels: Vec<Channel>,
    pub(super) owners: Vec<Owner>,
    pub(super) sources: Vec<Source>,
    names: Names,
}

impl Header {
    /// Takes one header statement. `index` is its place among all statements and
    /// `first` the first statement of the file.
    pub(super) fn statement(
        &mut self,
        stmt: &Statement,
        index: usize,
        seen_phase: bool,
        first: Option<&Statement>,
        words_ok: bool,
        diags: &mut Diags,
    ) {
        let Some(kw) = stmt.keyword else { return };
        if seen_phase {
            diags.push(
                Diag::new(
                    Code::HeaderAfterPhase,
                    stmt.keyword_span,
                    format!("`{}` belongs in the header, before the first `phase`", kw.as_str()),
                    "move this line above the first `phase:` line",
                )
                .label("header statement after a phase"),
            );
        }
        match (&stmt.words, kw) {
            (_, Keyword::Journey) => self.journey(stmt, index, first, words_ok, diags),
            // Wrong words were reported; a missing text would only repeat that.
            (_, Keyword::Goal | Keyword::Scope) if !words_ok => {}
            (_, Keyword::Goal) => {
                let text = required_text(stmt, "the decision the map should inform", diags);
                once(&mut self.given, &mut self.goal, text, stmt, diags);
            }
            (_, Keyword::Scope) => {
                let text = required_text(stmt, "where the journey starts and ends", diags);
                once(&mut self.given, &mut self.scope, text, stmt, diags);
            }
            (Words::Lang(code), _) => {
                no_text(stmt, diags);
                let lang = lang(code, diags);
                once(&mut self.given, &mut self.lang, lang, stmt, diags);
            }
            (Words::Scale(range), _) => {
                no_text(stmt, diags);
                let scale = scale(range, diags);
                self.scale_unknown |= scale.is_none();
                once(&mut self.given, &mut self.scale, scale, stmt, diags);
            }
            (Words::Persona(id), _) => {
                let persona = Persona { id: id.name.to_string(), description: optional_text(stmt), span: stmt.span };
                if self.declare(id, Decl::Persona(PersonaId(self.personas.len())), diags) {
                    self.personas.push(persona);
                }
            }
            (Words::Channel { id, mode }, _) => {
                let mode =
                    mode.map(|f| if f.kind == FlagKind::Online { ChannelMode::Online } else { ChannelMode::Offline });
                let channel = Channel { id: id.name.to_string(), label: optional_text(stmt), mode, span: stmt.span };
                if self.declare(id, Decl::Channel(ChannelId(self.channels.len())), diags) {
                    self.channels.push(channel);
                }
            }
            (Words::Owner { id, external }, _) => {
                let external = external.is_some();
                let owner = Owner { id: id.name.to_string(), label: optional_text(stmt), external, span: stmt.span };
                if self.declare(id, Decl::Owner(OwnerId(self.owners.len())), diags) {
                    self.owners.push(owner);
                }
            }
            // `persona anna bob: …`: the first word is the id all the same, so that
            // the uses of `anna` do not cascade into errors.
            (Words::Malformed(words), Keyword::Persona | Keyword::Channel | Keyword::Owner | Keyword::Source) => {
                let Some(Word::Ident(id)) = words.first() else { return };
                let label = optional_text(stmt);
                let span = stmt.span;
                let decl = match kw {
                    Keyword::Persona => Decl::Persona(PersonaId(self.personas.len())),
                    Keyword::Channel => Decl::Channel(ChannelId(self.channels.len())),
                    Keyword::Source => Decl::Source(SourceId(self.sources.len())),
                    _ => Decl::Owner(OwnerId(self.owners.len())),
                };
                if self.declare(id, decl, diags) {
                    let id = id.name.to_string();
                    match decl {
                        Decl::Persona(_) => self.personas.push(Persona { id, description: label, span }),
                        Decl::Channel(_) => self.channels.push(Channel { id, label, mode: None, span }),
                        Decl::Owner(_) => self.owners.push(Owner { id, label, external: false, span }),
                        Decl::Source(_) => self.sources.push(Source { id, kind: None, description: label, span }),
                        Decl::Kpi => {}
                    }
                }
            }
            (Words::Source { id, kind }, _) => {
                let kind = kind.as_ref().and_then(|k| source_kind(k, diags));
                let source =
                    Source { id: id.name.to_string(), kind, description: optional_text(stmt), span: stmt.span };
                if self.declare(id, Decl::Source(SourceId(self.sources.len())), diags) {
                    self.sources.push(source);
                }
            }
            (Words::View(word), _) => {
                no_text(stmt, diags);
                let view = view(word, diags);
                once(&mut self.given, &mut self.view, view, stmt, diags);
            }
            (Words::State(word), _) => {
                no_text(stmt, diags);
                let state = state(word, diags);
                once(&mut self.given, &mut self.state, state, stmt, diags);
            }
            (Words::Lanes(names), _) => {
                no_text(stmt, diags);
                let lanes = lanes(names, diags);
                once(&mut self.given, &mut self.lanes, Some(lanes), stmt, diags);
            }
            _ => {}
        }
    }

    fn journey(
        &mut self,
        stmt: &Statement,
        index: usize,
        first: Option<&Statement>,
        words_ok: bool,
        diags: &mut Diags,
    ) {
        if let Some(earlier) = self.journey_span {
            diags.push(
                Diag::new(
                    Code::RepeatedJourney,
                    stmt.span,
                    "`journey:` appears more than once",
                    "a file holds one journey; remove this line or split the file",
                )
                .label("second `journey:`")
                .with_secondary(earlier, "first `journey:` here"),
            );
            return;
        }
        self.journey_span = Some(stmt.span);
        if let (true, Some(first)) = (index > 0, first) {
            diags.push(
                Diag::new(
                    Code::JourneyNotFirst,
                    stmt.span,
                    "`journey:` must be the first statement of the file",
                    "move this line to the top (comments and blank lines may come before it)",
                )
                .label("should come first")
                .with_secondary(first.span, "this statement comes before it"),
            );
        }
        self.title = if words_ok { required_text(stmt, "the map's title", diags) } else { optional_text(stmt) };
    }

    /// The title, or a [`Code::MissingJourney`] error when the file has no `journey:`.
    pub(super) fn title(&self, first: Option<&Statement>, diags: &mut Diags) -> Option<Text> {
        if self.title.is_none() && self.journey_span.is_none() {
            let span = first.map_or(Span::empty(0), |s| s.keyword_span);
            diags.push(
                Diag::new(
                    Code::MissingJourney,
                    span,
                    "the file has no `journey:` statement",
                    "start the file with the map's title, e.g. `journey: Buying home insurance`",
                )
                .label("expected `journey: <title>` first"),
            );
        }
        self.title.clone()
    }

    /// Declares the id of a KPI, which is written in the body but shares the header's
    /// namespace.
    pub(super) fn kpi(&mut self, stmt: &Statement, diags: &mut Diags) {
        if let Words::Kpi { id: Some(id), .. } = &stmt.words {
            self.declare(id, Decl::Kpi, diags);
        }
    }

    /// Records a declaration; reports a reserved or repeated id and returns `false`.
    fn declare(&mut self, id: &Ident, decl: Decl, diags: &mut Diags) -> bool {
        if FlagKind::is_reserved(id.name) {
            diags.push(
                Diag::new(
                    Code::ReservedId,
                    id.span,
                    format!("`{}` is a reserved word and cannot be an id", id.name),
                    format!(
                        "choose another id; `{}` are reserved",
                        FlagKind::ALL.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(" ")
                    ),
                )
                .label("reserved word"),
            );
            return false;
        }
        if let Some((earlier, at)) = self.names.get(id.name) {
            diags.push(
                Diag::new(
                    Code::DuplicateId,
                    id.span,
                    format!("`{}` is already declared as {}", id.name, earlier.with_article()),
                    "personas, channels, owners, sources and KPIs share one namespace; give this one another id",
                )
                .label("declared again")
                .with_secondary(*at, "first declared here"),
            );
            return false;
        }
        self.names.insert(id.name.to_string(), (decl, id.span));
        true
    }

    pub(super) fn names(&self) -> &Names {
        &self.names
    }

    pub(super) fn scale(&self) -> Scale {
        self.scale.unwrap_or_default()
    }

    /// Builds the journey from the header and the phases.
    pub(super) fn finish(self, title: Text, notes: Vec<Text>, phases: Vec<Phase>) -> Journey {
        let scale = self.scale();
        let mut journey = Journey {
            title,
            goal: self.goal,
            scope: self.scope,
            notes,
            lang: self.lang.unwrap_or_default(),
            scale,
            personas: self.personas,
            channels: self.channels,
            owners: self.owners,
            sources: self.sources,
            state: self.state,
            lanes: Vec::new(),
            lanes_explicit: self.lanes.is_some(),
            view: self.view.unwrap_or_default(),
            view_explicit: self.view.is_some(),
            phases,
            derived: Default::default(),
        };
        journey.lanes = match self.lanes {
            Some(lanes) => lanes,
            None => journey.default_lanes(journey.view),
        };
        journey
    }
}

/// Stores a header value that may be given once (`None`: it was given but invalid,
/// and reported); reports a repeat, even of an invalid first one.
fn once<T>(
    given: &mut HashMap<&'static str, Span>,
    slot: &mut Option<T>,
    value: Option<T>,
    stmt: &Statement,
    diags: &mut Diags,
) {
    let kw = stmt.keyword.map_or("", Keyword::as_str);
    if let Some(earlier) = given.get(kw) {
        diags.push(
            Diag::new(
                Code::RepeatedHeader,
                stmt.keyword_span,
                format!("`{kw}` is given twice"),
                format!("keep one `{kw}` line; a map has one {kw}"),
            )
            .label("given again")
            .with_secondary(*earlier, "first given here"),
        );
        return;
    }
    given.insert(kw, stmt.span);
    *slot = value;
}

fn lang(code: &Ident, diags: &mut Diags) -> Option<Lang> {
    let lang = Lang::from_code(code.name);
    if lang.is_none() {
        let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        let known: Vec<String> = Lang::ALL.iter().map(|l| format!("`{}` ({})", l.code(), l.english_name())).collect();
        let closest = suggest::closest(code.name, codes);
        let help = match closest {
            Some(c) => format!("did you mean `{c}`? Labels exist for {}", known.join(", ")),
            None => format!("labels exist for {}", known.join(", ")),
        };
        diags.push(
            Diag::new(Code::UnknownLang, code.span, format!("no labels for the language `{}`", code.name), help)
                .label("unknown language code")
                .suggest(closest),
        );
    }
    lang
}

fn scale(range: &Range, diags: &mut Diags) -> Option<Scale> {
    let whole = |n: &Number| !n.fractional && !n.percent;
    if let Some(huge) = [&range.min, &range.max].into_iter().find(|n| whole(n) && n.integer().is_none()) {
        diags.push(super::body::number_too_large(huge));
        return None;
    }
    let (Some(min), Some(max)) = (range.min.integer(), range.max.integer()) else {
        diags.push(
            Diag::new(
                Code::BadScale,
                range.span,
                "the scale's bounds must be integers",
                "write integer bounds, e.g. `scale -2..2` or `scale 1..5`",
            )
            .label("not integers"),
        );
        return None;
    };
    let Some(scale) = Scale::new(min, max) else {
        diags.push(
            Diag::new(
                Code::BadScale,
                range.span,
                format!("the scale's minimum {min} is not below its maximum {max}"),
                "write the lowest score first, e.g. `scale -2..2`",
            )
            .label("min must be less than max"),
        );
        return None;
    };
    Some(scale)
}

fn lanes(names: &[Ident], diags: &mut Diags) -> Vec<LaneKind> {
    let mut lanes: Vec<(LaneKind, Span)> = Vec::new();
    for name in names {
        match LaneKind::from_name(name.name) {
            Some(lane) => match lanes.iter().find(|(l, _)| *l == lane) {
                Some((_, earlier)) => diags.push(
                    Diag::new(
                        Code::RepeatedLane,
                        name.span,
                        format!("the lane `{}` is listed twice", name.name),
                        "list each lane once, in the order to draw them",
                    )
                    .label("listed again")
                    .with_secondary(*earlier, "first listed here"),
                ),
                None => lanes.push((lane, name.span)),
            },
            None => {
                let all: Vec<&str> = crate::lanes::reading_order().into_iter().map(LaneKind::name).collect();
                let closest = suggest::closest(name.name, all.iter().copied());
                let help = match closest {
                    Some(c) => format!("did you mean `{c}`?"),
                    None => format!("lanes are: {}", all.join(" ")),
                };
                diags.push(
                    Diag::new(Code::UnknownLane, name.span, format!("there is no lane `{}`", name.name), help)
                        .label("unknown lane")
                        .suggest(closest),
                );
            }
        }
    }
    lanes.into_iter().map(|(l, _)| l).collect()
}

/// A word that must be one of a fixed list (a view, a state, a kind of source): the
/// value it names, or a diagnostic with a did-you-mean for a near miss.
struct OneOf<T: 'static> {
    all: &'static [T],
    name: fn(T) -> &'static str,
    code: Code,
    /// "view", "state", "kind of source".
    what: &'static str,
    /// What the word may be, after a did-you-mean, and without one.
    near: fn(&str) -> String,
    far: &'static str,
}

impl<T: Copy> OneOf<T> {
    fn read(&self, word: &Ident, diags: &mut Diags) -> Option<T> {
        let found = self.all.iter().copied().find(|&v| (self.name)(v) == word.name);
        if found.is_none() {
            let names: Vec<&str> = self.all.iter().map(|&v| (self.name)(v)).collect();
            let closest = suggest::closest(word.name, names.iter().copied());
            let help = match closest {
                Some(c) => format!("did you mean `{c}`? {}", (self.near)(&names.join(", "))),
                None => self.far.to_string(),
            };
            diags.push(
                Diag::new(self.code, word.span, format!("there is no {} `{}`", self.what, word.name), help)
                    .label(format!("unknown {}", self.what))
                    .suggest(closest),
            );
        }
        found
    }
}

fn view(word: &Ident, diags: &mut Diags) -> Option<View> {
    OneOf {
        all: View::ALL,
        name: View::name,
        code: Code::UnknownView,
        what: "view",
        near: |_| "A map is drawn as `view journey`, `view blueprint` or `view opportunities`".to_string(),
        far: "a map is drawn as `view journey` (the default), `view blueprint` or `view opportunities` (the impact/effort matrix)",
    }
    .read(word, diags)
}

fn state(word: &Ident, diags: &mut Diags) -> Option<MapState> {
    OneOf {
        all: MapState::ALL,
        name: MapState::name,
        code: Code::UnknownState,
        what: "state",
        near: |_| "A map is `state current` (today's journey) or `state future`".to_string(),
        far: "a map is `state current` (today's journey) or `state future` (a designed one)",
    }
    .read(word, diags)
}

fn source_kind(word: &Ident, diags: &mut Diags) -> Option<SourceKind> {
    OneOf {
        all: SourceKind::ALL,
        name: SourceKind::name,
        code: Code::UnknownSourceKind,
        what: "kind of source",
        near: |names| format!("A source is one of: {names}"),
        far: "a source's kind is one of: interview, survey, observation, analytics, workshop, document; or leave it \
              out",
    }
    .read(word, diags)
}
