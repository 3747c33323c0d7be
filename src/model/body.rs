//! The body pass: phases, steps and what attaches to them, with every reference resolved.

use super::header::{Decl, Header, Names};
use super::journey::{SCORE_MAX, SCORE_MIN};
use super::lower::{optional_text, required_text};
use super::{
    ChannelId, Cites, Detail, Details, Emotion, Extra, Figures, Goal, GoalKind, Measure, NeedKind, NeedStatus, OwnerId,
    PersonaId, Phase, Score, Scores, SourceId, Step, Text, Touchpoint, suggest,
};
use crate::Span;
use crate::diag::{Code, Diag, Diags};
use crate::lanes::{Carries, LaneKind};
use crate::syntax::ast::{FlagKind, Ident, Keyword, Number, Statement, Words};

/// Where the next detail statement attaches.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Before the first phase: `note` is a note about the map.
    Header,
    /// After a `phase`, before its first step.
    Phase,
    Step,
    /// After a `step` that could not be placed: its details are checked for what does
    /// not depend on the step (ids, scores, text) and dropped, since the step was
    /// reported.
    Orphan,
}

pub(super) struct Body<'h> {
    header: &'h Header,
    state: State,
    notes: Vec<Text>,
    phases: Vec<Phase>,
    steps: usize,
}

impl<'h> Body<'h> {
    pub(super) fn new(header: &'h Header) -> Self {
        Body { header, state: State::Header, notes: Vec::new(), phases: Vec::new(), steps: 0 }
    }

    /// The map's notes and its phases.
    pub(super) fn finish(self) -> (Vec<Text>, Vec<Phase>) {
        (self.notes, self.phases)
    }

    fn names(&self) -> &Names {
        self.header.names()
    }

    pub(super) fn statement(&mut self, stmt: &Statement, words_ok: bool, diags: &mut Diags) {
        let Some(kw) = stmt.keyword else { return };
        match kw {
            Keyword::Phase => {
                let name = structural_text(stmt, words_ok, "the phase's name", diags);
                let phase = Phase { name, details: Details::default(), steps: Vec::new(), span: stmt.span };
                self.phases.push(phase);
                self.state = State::Phase;
            }
            Keyword::Step => self.step(stmt, words_ok, diags),
            Keyword::NOTE if self.state == State::Header => {
                if let Some(text) = words_ok.then(|| required_text(stmt, "text", diags)).flatten() {
                    self.notes.push(text);
                }
            }
            _ if !words_ok => {}
            Keyword::Touchpoint | Keyword::Emotion => self.step_detail(stmt, kw, diags),
            Keyword::Detail(lane) => self.detail(stmt, lane, diags),
            // Header statements are the header pass's.
            _ => {}
        }
    }

    /// A line with an unknown keyword. If it was most likely a `step` or `phase`, the
    /// details after it belong to that, not to the step before: they are passed over.
    pub(super) fn unknown(&mut self, meant: Option<Keyword>) {
        if matches!(meant, Some(Keyword::Step | Keyword::Phase)) {
            self.state = State::Orphan;
        }
    }

    fn step(&mut self, stmt: &Statement, words_ok: bool, diags: &mut Diags) {
        let mut critical = false;
        let mut personas = Vec::new();
        let mut cites = Vec::new();
        // Words followed by no `:` at all are most likely the action itself.
        if let (Words::Step { critical: flags, personas: ids }, true) = (&stmt.words, stmt.text.is_some() && words_ok) {
            critical = !flags.is_empty();
            for extra in flags.iter().skip(1) {
                diags.push(repeated(extra.span, "critical"));
            }
            let mut cited = Vec::new();
            for id in ids {
                match self.lookup(id, "step", self.wanted(Wanted::Persona), diags) {
                    Some(Decl::Persona(p)) if personas.contains(&p) => diags.push(repeated(id.span, id.name)),
                    Some(Decl::Persona(p)) => personas.push(p),
                    Some(Decl::Source(s)) => cited.push((s, id)),
                    Some(decl) => diags.push(wrong_kind(id, decl, self.wanted(Wanted::Persona).phrase())),
                    None => {}
                }
            }
            cites = sorted_cites(cited, diags);
        }
        if self.phases.is_empty() {
            diags.push(
                Diag::new(
                    Code::StepBeforePhase,
                    stmt.keyword_span,
                    "a `step` before any `phase`",
                    "add a `phase: <name>` line above the first step",
                )
                .label("no phase to belong to"),
            );
            self.state = State::Orphan;
            return;
        }
        let action = match self.colon_forgotten(stmt) {
            Some(help) => {
                diags.push(
                    Diag::new(
                        Code::MissingText,
                        Span::empty(stmt.span.end),
                        "`step` needs the customer's action, after a `:`",
                        help,
                    )
                    .label("expected `:` and text"),
                );
                structural_text(stmt, false, "", diags)
            }
            None => structural_text(stmt, words_ok, "the customer's action", diags),
        };
        self.steps += 1;
        let step = Step {
            number: self.steps,
            action,
            critical,
            personas,
            touchpoints: Vec::new(),
            emotions: Vec::new(),
            details: Details::default(),
            cites,
            span: stmt.span,
        };
        if let Some(phase) = self.phases.last_mut() {
            phase.steps.push(step);
        }
        self.state = State::Step;
    }

    /// `touchpoint` and `emotion`, which only a step can hold. One that cannot attach
    /// to a step is still checked for what does not depend on the step.
    fn step_detail(&mut self, stmt: &Statement, kw: Keyword, diags: &mut Diags) {
        let attach = match self.state {
            State::Orphan => false,
            State::Header => {
                diags.push(before_phase(stmt, kw));
                false
            }
            State::Phase => {
                let phase_span = self.phases.last().map_or(stmt.span, |p| p.span);
                diags.push(
                    Diag::new(
                        Code::DetailOutsideStep,
                        stmt.keyword_span,
                        format!("`{}` belongs to a step, not to a phase", kw.as_str()),
                        format!("move it below a `step:` line; only steps have {}s", kw.as_str()),
                    )
                    .label("no step yet in this phase")
                    .with_secondary(phase_span, "the phase starts here"),
                );
                false
            }
            State::Step => true,
        };
        match &stmt.words {
            Words::Touchpoint(ids) => {
                let (channel, owner, cites) = self.touchpoint_ids(ids, diags);
                let text = required_text(stmt, "what the customer meets", diags);
                if let (Some(text), Some(step), true) = (text, self.current_step(), attach) {
                    step.touchpoints.push(Touchpoint { text, channel, owner, cites, span: stmt.span });
                }
            }
            Words::Emotion { persona, score, cites } => {
                self.emotion(stmt, persona.as_ref(), score, cites, attach, diags)
            }
            _ => {}
        }
    }

    /// For `step anna Signs the lease`: the line as it was probably meant, with the `:`
    /// after the last word that is `critical` or a persona.
    fn colon_forgotten(&self, stmt: &Statement) -> Option<String> {
        let Words::Step { critical, personas } = &stmt.words else { return None };
        if stmt.text.is_some() || (critical.is_empty() && personas.is_empty()) {
            return None;
        }
        let mut words: Vec<(Span, &str, bool)> = critical.iter().map(|f| (f.span, "critical", true)).collect();
        words.extend(personas.iter().map(|i| {
            let is_persona = matches!(self.names().get(i.name), Some((Decl::Persona(_), _)));
            (i.span, i.name, is_persona)
        }));
        words.sort_by_key(|w| w.0.start);
        let keep = words.iter().take_while(|w| w.2).count();
        let (head, rest): (Vec<&str>, Vec<&str>) =
            (words[..keep].iter().map(|w| w.1).collect(), words[keep..].iter().map(|w| w.1).collect());
        let head = if head.is_empty() { String::new() } else { format!(" {}", head.join(" ")) };
        Some(match rest.is_empty() {
            true => format!("add a `:` and the action: `step{head}: <action>`"),
            false => format!("did you mean `step{head}: {}`? The first `:` ends the words", rest.join(" ")),
        })
    }

    fn current_step(&mut self) -> Option<&mut Step> {
        self.phases.last_mut().and_then(|p| p.steps.last_mut())
    }

    fn touchpoint_ids(&self, ids: &[Ident], diags: &mut Diags) -> (Option<ChannelId>, Option<OwnerId>, Cites) {
        let mut channel: Option<(ChannelId, Span)> = None;
        let mut owner: Option<(OwnerId, Span)> = None;
        let mut cited = Vec::new();
        let wanted = self.wanted(Wanted::ChannelOrOwner);
        for id in ids {
            match self.lookup(id, "touchpoint", wanted, diags) {
                Some(Decl::Channel(c)) => match channel {
                    Some((same, _)) if same == c => diags.push(repeated(id.span, id.name)),
                    Some((_, first)) => diags.push(two_of(id, "channels", first)),
                    None => channel = Some((c, id.span)),
                },
                Some(Decl::Owner(o)) => match owner {
                    Some((same, _)) if same == o => diags.push(repeated(id.span, id.name)),
                    Some((_, first)) => diags.push(two_of(id, "owners", first)),
                    None => owner = Some((o, id.span)),
                },
                Some(Decl::Source(s)) => cited.push((s, id)),
                Some(decl @ (Decl::Persona(_) | Decl::Kpi)) => diags.push(wrong_kind(id, decl, wanted.phrase())),
                None => {}
            }
        }
        (channel.map(|c| c.0), owner.map(|o| o.0), sorted_cites(cited, diags))
    }

    /// The sources that a statement's citation words name. Every word must be a
    /// declared source.
    fn cites(&self, ids: &[Ident], statement: &str, diags: &mut Diags) -> Cites {
        if ids.is_empty() {
            return Cites::new();
        }
        if let (true, Some(first), Some(last)) = (self.header.sources.is_empty(), ids.first(), ids.last()) {
            // A map without sources cites nothing: these are words where version 0 took
            // none, and are reported as such.
            let usage = usage_of(statement);
            let text_only = usage.split_once(':').is_some_and(|(before, _)| before == statement);
            diags.push(
                Diag::new(
                    Code::WrongWords,
                    first.span.to(last.span),
                    match text_only {
                        true => format!("`{statement}` takes no words before the `:`"),
                        false => format!("these words do not fit `{statement}`"),
                    },
                    format!(
                        "write `{usage}`; ids after a statement's other words cite sources, and this map declares none"
                    ),
                )
                .label(format!("`{statement}` expects other words")),
            );
            return Cites::new();
        }
        let mut cited = Vec::new();
        for id in ids {
            if let Some(source) = self.source(id, statement, diags) {
                cited.push((source, id));
            }
        }
        sorted_cites(cited, diags)
    }

    /// Resolves a word that must name a source.
    fn source(&self, id: &Ident, statement: &str, diags: &mut Diags) -> Option<SourceId> {
        if FlagKind::is_reserved(id.name) {
            // A reserved word says something of its own; `lookup` explains it.
            self.lookup(id, statement, Wanted::Source, diags);
            return None;
        }
        match self.names().get(id.name) {
            Some((Decl::Source(s), _)) => Some(*s),
            Some((decl, _)) => {
                diags.push(
                    Diag::new(
                        Code::NotASource,
                        id.span,
                        format!("`{}` is {}, but only sources can be cited here", id.name, decl.with_article()),
                        format!(
                            "ids after a statement's other words cite sources, declared with `source <id> [kind]: \
                             …`; {}",
                            match decl {
                                Decl::Persona(_) => "a persona is named on the `step` or before an emotion's score",
                                Decl::Channel(_) | Decl::Owner(_) => "channels and owners go on `touchpoint` lines",
                                _ => "a KPI's id stands right after `kpi`",
                            }
                        ),
                    )
                    .label(decl.with_article()),
                );
                None
            }
            None => {
                diags.push_lazy(id.span.start, true, || {
                    let candidates: Vec<&str> = self.source_names().collect();
                    let closest = suggest::closest(id.name, candidates.iter().copied());
                    let help = match (closest, candidates.is_empty()) {
                        (Some(c), _) => format!("did you mean `{c}`?"),
                        (None, true) => format!(
                            "the map declares no sources; declare it in the header, e.g. `source {} interview: \
                             Interview 1, 12 March`",
                            id.name
                        ),
                        (None, false) => suggest::help(id.name, "source", &candidates),
                    };
                    Diag::new(
                        Code::UndeclaredSource,
                        id.span,
                        format!("the source `{}` is not declared", id.name),
                        help,
                    )
                    .label("expected a source id")
                    .suggest(closest)
                });
                None
            }
        }
    }

    fn source_names(&self) -> impl Iterator<Item = &str> {
        self.names().iter().filter(|(_, (d, _))| matches!(d, Decl::Source(_))).map(|(name, _)| name.as_str())
    }

    /// What a statement's ids may name: `base`, and sources when the map has some.
    fn wanted(&self, base: Wanted) -> Wanted {
        match (base, self.header.sources.is_empty()) {
            (_, true) => base,
            (Wanted::Persona, false) => Wanted::PersonaOrSource,
            (Wanted::ChannelOrOwner, false) => Wanted::ChannelOwnerOrSource,
            (Wanted::Owner, false) => Wanted::OwnerOrSource,
            (other, false) => other,
        }
    }

    fn emotion(
        &mut self,
        stmt: &Statement,
        persona: Option<&Ident>,
        score: &Number,
        cites: &[Ident],
        attach: bool,
        diags: &mut Diags,
    ) {
        // Each word is checked on its own: a mistyped persona does not hide a score
        // off the scale, and neither needs the step.
        let named = persona.map(|id| self.persona(id, "emotion", diags).map(|p| (p, id)));
        let value = self.score(score, diags);
        let cites = self.cites(cites, "emotion", diags);
        let (Some(value), true, None | Some(Some(_))) = (value, attach, named) else {
            return;
        };
        let named = named.flatten();
        let all: Vec<Option<PersonaId>> = (0..self.header.personas.len()).map(|i| Some(PersonaId(i))).collect();
        let header = self.header;
        let Some(step) = self.current_step() else {
            return;
        };
        let targets: Vec<Option<PersonaId>> = match named {
            Some((p, id)) => {
                if !step.includes(Some(p)) {
                    diags.push(
                        Diag::new(
                            Code::EmotionPersonaNotInStep,
                            id.span,
                            format!("this step is limited to other personas than `{}`", id.name),
                            format!("add `{}` to the step's personas, or remove this emotion", id.name),
                        )
                        .label("not one of the step's personas")
                        .with_secondary(step.span, "the step names its personas here"),
                    );
                    return;
                }
                vec![Some(p)]
            }
            None if !step.personas.is_empty() => step.personas.iter().map(|&p| Some(p)).collect(),
            None if all.is_empty() => vec![None],
            None => all,
        };
        if let Some((persona, earlier)) = targets.iter().find_map(|&p| step.emotion_of(p).map(|e| (p, e))) {
            let who = persona.map_or("the persona".to_string(), |p| format!("`{}`", header.personas[p.0].id));
            diags.push(
                Diag::new(
                    Code::DuplicateEmotion,
                    stmt.span,
                    format!("a second emotion for {who} in this step"),
                    "give each persona one score per step; an `emotion` without a persona \
                     already applies to every persona of the step",
                )
                .label("second score")
                .with_secondary(earlier.span, "first score here"),
            );
            return;
        }
        for persona in targets {
            let text = optional_text(stmt);
            let cites = cites.clone();
            step.emotions.push(Emotion { persona, score: value, text, named: named.is_some(), cites, span: stmt.span });
        }
    }

    fn score(&self, score: &Number, diags: &mut Diags) -> Option<Score> {
        let scale = self.header.scale();
        if score.percent || score.fractional {
            diags.push(
                Diag::new(
                    Code::ScoreNotInteger,
                    score.span,
                    format!("the score `{}` is not an integer", score.text),
                    format!("scores are whole numbers from {} to {}", scale.min(), scale.max()),
                )
                .label("not an integer"),
            );
            return None;
        }
        // An integer too large for i64 is, whatever the scale, outside it.
        let value = score.integer().unwrap_or(if score.text.starts_with('-') { i64::MIN } else { i64::MAX });
        if let Some(score) = scale.score(value) {
            return Some(score);
        }
        if self.header.scale_unknown {
            // The `scale` statement has an error: no journey will hold this score.
            return Some(Score::unchecked(value));
        }
        diags.push(
            Diag::new(
                Code::ScoreOutOfScale,
                score.span,
                format!("the score {} is outside the scale {}..{}", score.text, scale.min(), scale.max()),
                format!("use a score from {} to {}, or widen the map's `scale`", scale.min(), scale.max()),
            )
            .label("outside the scale"),
        );
        None
    }

    /// Details that a step or, before its first step, a phase can hold: what each
    /// carries besides its text is its lane's [`Carries`]. One that cannot attach is
    /// still checked for what does not depend on where it stands.
    fn detail(&mut self, stmt: &Statement, lane: LaneKind, diags: &mut Diags) {
        let Some((_, carries)) = lane.detail() else { return };
        let attach = match self.state {
            State::Orphan => false,
            State::Header => {
                diags.push(match lane.spec().blueprint_rank {
                    Some(_) => blueprint_before_phase(stmt, lane),
                    None => before_phase(stmt, Keyword::Detail(lane)),
                });
                false
            }
            State::Phase | State::Step => true,
        };
        let keyword = Keyword::Detail(lane).as_str();
        let extra = match (carries, &stmt.words) {
            (Carries::Text, Words::Cited(ids)) => Some((Extra::Text, self.cites(ids, keyword, diags))),
            (Carries::Text, _) => Some((Extra::Text, Cites::new())),
            (Carries::NeedKind, Words::Need { kind, status, cites }) => {
                let kind = kind
                    .map(|f| if f.kind == FlagKind::Functional { NeedKind::Functional } else { NeedKind::Emotional });
                let cites = self.cites(cites, keyword, diags);
                match status.as_slice() {
                    [] | [_] => {
                        let status = status.first().map(|f| match f.kind {
                            FlagKind::Met => NeedStatus::Met,
                            FlagKind::Unmet => NeedStatus::Unmet,
                            _ => NeedStatus::Partly,
                        });
                        Some((Extra::Need(kind, status), cites))
                    }
                    [first, second, ..] => {
                        diags.push(
                            Diag::new(
                                Code::RepeatedWord,
                                second.span,
                                "a need has one status, but this gives two",
                                "keep one of `met`, `unmet` and `partly`",
                            )
                            .label("second status")
                            .with_secondary(first.span, "first here"),
                        );
                        None
                    }
                }
            }
            (Carries::Scores, Words::Opportunity { scores, cites }) => {
                let cites = self.cites(cites, keyword, diags);
                opportunity_scores(scores, diags).map(|s| (Extra::Opportunity(s), cites))
            }
            (Carries::Scores, Words::None) => Some((Extra::Opportunity(Scores::default()), Cites::new())),
            (Carries::Kpi, Words::Kpi { id, value, goal, cites }) => {
                let cites = self.cites(cites, keyword, diags);
                let numbers = value.iter().chain(goal.as_ref().map(|g| &g.1));
                match numbers.clone().find(|n| !n.value.is_finite()) {
                    Some(huge) => {
                        diags.push(number_too_large(huge));
                        None
                    }
                    None => {
                        let goal = goal.as_ref().map(|(word, n)| Goal {
                            kind: match word.kind {
                                FlagKind::Min => GoalKind::Min,
                                FlagKind::Max => GoalKind::Max,
                                _ => GoalKind::Target,
                            },
                            measure: measure(n),
                        });
                        let id = id.as_ref().map(|i| i.name.to_string());
                        Some((Extra::Kpi(Figures { id, value: value.as_ref().map(measure), goal, data: None }), cites))
                    }
                }
            }
            (Carries::Owner, Words::Owned(ids)) => self.owned(ids, lane, diags),
            // The words were of another statement's shape, and were reported.
            (Carries::NeedKind | Carries::Kpi | Carries::Owner | Carries::Scores, _) => None,
        };
        let text = required_text(stmt, "text", diags);
        let (Some(text), Some((extra, cites)), true) = (text, extra, attach) else {
            return;
        };
        let details = match self.state {
            State::Phase => self.phases.last_mut().map(|p| &mut p.details),
            State::Step => self.phases.last_mut().and_then(|p| p.steps.last_mut()).map(|s| &mut s.details),
            State::Orphan | State::Header => None,
        };
        let Some(details) = details else { return };
        details.push(Detail { lane, text, extra, cites, span: stmt.span });
    }

    /// The owner and sources of a `frontstage`, `backstage` or `support` statement;
    /// `None` when a word is wrong (reported).
    fn owned(&self, ids: &[Ident], lane: LaneKind, diags: &mut Diags) -> Option<(Extra, Cites)> {
        let keyword = Keyword::Detail(lane).as_str();
        let mut owner: Option<(OwnerId, Span)> = None;
        let mut cited = Vec::new();
        let mut ok = true;
        for id in ids {
            match self.owner(id, lane, diags) {
                Some(Ok(o)) => match owner {
                    Some((same, _)) if same == o => diags.push(repeated(id.span, id.name)),
                    Some((_, first)) => diags.push(
                        Diag::new(
                            Code::RepeatedWord,
                            id.span,
                            format!("`{keyword}` names one owner, but this names two"),
                            format!("write one `{keyword}` line for each owner"),
                        )
                        .label("second owner")
                        .with_secondary(first, "first here"),
                    ),
                    None => owner = Some((o, id.span)),
                },
                Some(Err(source)) => cited.push((source, id)),
                None => ok = false,
            }
        }
        ok.then(|| (Extra::Owner(owner.map(|o| o.0)), sorted_cites(cited, diags)))
    }

    /// Resolves an id of a frontstage, backstage or support statement: an owner
    /// (`Ok`), or a source it cites (`Err`).
    fn owner(&self, id: &Ident, lane: LaneKind, diags: &mut Diags) -> Option<Result<OwnerId, SourceId>> {
        let keyword = Keyword::Detail(lane).as_str();
        match self.lookup(id, keyword, self.wanted(Wanted::Owner), diags)? {
            Decl::Owner(o) => Some(Ok(o)),
            Decl::Source(s) => Some(Err(s)),
            decl => {
                diags.push(
                    Diag::new(
                        Code::OwnerExpected,
                        id.span,
                        format!("`{}` is {}, but `{keyword}` names an owner", id.name, decl.with_article()),
                        match decl {
                            Decl::Channel(_) => format!(
                                "name who does it, a declared `owner` (e.g. `{keyword} backoffice: …`); channels \
                                 belong on `touchpoint` lines"
                            ),
                            _ => format!(
                                "name who does it, a declared `owner` (e.g. `{keyword} backoffice: …`); personas \
                                 belong on `step` and `emotion` lines"
                            ),
                        },
                    )
                    .label(decl.with_article()),
                );
                None
            }
        }
    }

    /// Resolves an id that must name a persona.
    fn persona(&self, id: &Ident, statement: &str, diags: &mut Diags) -> Option<PersonaId> {
        match self.lookup(id, statement, Wanted::Persona, diags)? {
            Decl::Persona(p) => Some(p),
            decl => {
                diags.push(wrong_kind(id, decl, Wanted::Persona.phrase()));
                None
            }
        }
    }

    /// Resolves an id; reports a reserved word or an undeclared id.
    fn lookup(&self, id: &Ident, statement: &str, wanted: Wanted, diags: &mut Diags) -> Option<Decl> {
        let expected = wanted.phrase();
        if FlagKind::is_reserved(id.name) {
            diags.push(
                Diag::new(
                    Code::ReservedId,
                    id.span,
                    format!("`{}` is a reserved word, not an id", id.name),
                    format!("`{statement}` expects {expected} id here; see `{}`", usage_of(statement)),
                )
                .label("reserved word"),
            );
            return None;
        }
        if let Some((decl, _)) = self.names().get(id.name) {
            return Some(*decl);
        }
        let kind = wanted.kind();
        // Built only when it will be shown: on a huge broken file this is the slow part.
        diags.push_lazy(id.span.start, true, || {
            let candidates: Vec<&str> =
                self.names().iter().filter(|(_, (d, _))| wanted.accepts(*d)).map(|(name, _)| name.as_str()).collect();
            Diag::new(
                Code::UndeclaredId,
                id.span,
                format!("`{}` is not declared", id.name),
                suggest::help(id.name, kind, &candidates),
            )
            .label(format!("expected {expected} id"))
            .suggest(suggest::closest(id.name, candidates.iter().copied()))
        });
        None
    }
}

/// The kind of id a statement's word must name.
#[derive(Clone, Copy)]
enum Wanted {
    Persona,
    ChannelOrOwner,
    Owner,
    Source,
    /// In a map with sources, where a persona may stand a source may too.
    PersonaOrSource,
    ChannelOwnerOrSource,
    OwnerOrSource,
}

impl Wanted {
    fn phrase(self) -> &'static str {
        match self {
            Wanted::Persona => "a persona",
            Wanted::ChannelOrOwner => "a channel or owner",
            Wanted::Owner => "an owner",
            Wanted::Source => "a source",
            Wanted::PersonaOrSource => "a persona or source",
            Wanted::ChannelOwnerOrSource => "a channel, owner or source",
            Wanted::OwnerOrSource => "an owner or source",
        }
    }

    fn kind(self) -> &'static str {
        match self {
            Wanted::Persona => "persona",
            Wanted::ChannelOrOwner => "channel or owner",
            Wanted::Owner => "owner",
            Wanted::Source => "source",
            Wanted::PersonaOrSource => "persona or source",
            Wanted::ChannelOwnerOrSource => "channel, owner or source",
            Wanted::OwnerOrSource => "owner or source",
        }
    }

    fn accepts(self, decl: Decl) -> bool {
        let source = matches!(decl, Decl::Source(_));
        match self {
            Wanted::Persona => matches!(decl, Decl::Persona(_)),
            Wanted::ChannelOrOwner => matches!(decl, Decl::Channel(_) | Decl::Owner(_)),
            Wanted::Owner => matches!(decl, Decl::Owner(_)),
            Wanted::Source => source,
            Wanted::PersonaOrSource => source || matches!(decl, Decl::Persona(_)),
            Wanted::ChannelOwnerOrSource => source || matches!(decl, Decl::Channel(_) | Decl::Owner(_)),
            Wanted::OwnerOrSource => source || matches!(decl, Decl::Owner(_)),
        }
    }
}

/// Citations in the canonical order, that of the sources' declarations; a source
/// cited twice is reported.
fn sorted_cites(mut cited: Vec<(SourceId, &Ident)>, diags: &mut Diags) -> Cites {
    if cited.is_empty() {
        return Cites::new();
    }
    let mut cites: Cites = Vec::with_capacity(cited.len());
    let mut seen: Vec<SourceId> = Vec::new();
    for (source, id) in &cited {
        if seen.contains(source) {
            diags.push(repeated(id.span, id.name));
        } else {
            seen.push(*source);
        }
    }
    cited.sort_by_key(|(s, _)| *s);
    for (source, _) in cited {
        if cites.last() != Some(&source) {
            cites.push(source);
        }
    }
    cites
}

fn usage_of(statement: &str) -> &'static str {
    Keyword::from_word(statement).map_or("", Keyword::usage)
}

fn measure(n: &Number) -> Measure {
    Measure { value: n.value, percent: n.percent, text: n.text.to_string(), span: n.span }
}

/// The text of a `phase` or `step`, which opens a place for what follows even when
/// it is broken: an empty stand-in keeps the structure whole (the file has an error).
/// Words that were reported as malformed are not reported again as missing text.
fn structural_text(stmt: &Statement, words_ok: bool, what: &str, diags: &mut Diags) -> Text {
    let text = if words_ok { required_text(stmt, what, diags) } else { None };
    text.unwrap_or_else(|| Text { value: String::new(), span: Span::empty(stmt.span.end) })
}

pub(super) fn number_too_large(n: &Number) -> Diag {
    Diag::new(
        Code::NumberTooLarge,
        n.span,
        match n.text.char_indices().nth(16) {
            Some((cut, _)) => format!(
                "the number `{}…` ({} digits) is too large",
                &n.text[..cut],
                n.text.bytes().filter(u8::is_ascii_digit).count()
            ),
            None => format!("the number `{}` is too large", n.text),
        },
        "write a number with fewer digits",
    )
    .label("too large")
}

fn blueprint_before_phase(stmt: &Statement, lane: LaneKind) -> Diag {
    let keyword = Keyword::Detail(lane).as_str();
    Diag::new(
        Code::BlueprintBeforePhase,
        stmt.keyword_span,
        format!("`{keyword}` before any `phase`"),
        format!(
            "`{keyword}` says what happens at a step of the service; put it below the `step:` it belongs to \
             (or below a `phase:` line, for the whole phase)"
        ),
    )
    .label("no step or phase to attach to yet")
}

fn before_phase(stmt: &Statement, kw: Keyword) -> Diag {
    Diag::new(
        Code::DetailBeforePhase,
        stmt.keyword_span,
        format!("`{}` before any `phase`", kw.as_str()),
        "details belong to a phase or a step; add a `phase:` line above it",
    )
    .label("nothing to attach to yet")
}

/// An opportunity's `impact` and `effort`: each at most once, a whole number from 1 to
/// 5. `None` when one is wrong (reported, every wrong one).
fn opportunity_scores(words: &[(crate::syntax::ast::Flag, Number)], diags: &mut Diags) -> Option<Scores> {
    let mut scores = Scores::default();
    let mut ok = true;
    let mut firsts: [Option<Span>; 2] = [None, None];
    for (word, n) in words {
        let (slot, name) = match word.kind {
            FlagKind::Impact => (0, "impact"),
            _ => (1, "effort"),
        };
        if let Some(first) = firsts[slot] {
            diags.push(
                Diag::new(
                    Code::RepeatedWord,
                    word.span.to(n.span),
                    format!("`{name}` is given twice"),
                    format!("an opportunity has one {name} score: keep one"),
                )
                .label("second score")
                .with_secondary(first, "first here"),
            );
            ok = false;
            continue;
        }
        firsts[slot] = Some(word.span.to(n.span));
        let Some(value) = n.integer() else {
            diags.push(
                Diag::new(
                    Code::OpportunityScoreNotInteger,
                    n.span,
                    format!("the {name} score `{}` is not a whole number", n.text),
                    format!("{name} is a whole number from {SCORE_MIN} (low) to {SCORE_MAX} (high), e.g. `{name} 3`"),
                )
                .label("not a whole number"),
            );
            ok = false;
            continue;
        };
        match u8::try_from(value).ok().filter(|v| (SCORE_MIN..=SCORE_MAX).contains(v)) {
            Some(v) if slot == 0 => scores.impact = Some(v),
            Some(v) => scores.effort = Some(v),
            None => {
                diags.push(
                    Diag::new(
                        Code::OpportunityScoreOutOfRange,
                        n.span,
                        format!("the {name} score {} is outside 1..5", n.text),
                        format!("{name} runs from {SCORE_MIN} (low) to {SCORE_MAX} (high)"),
                    )
                    .label(format!("not {SCORE_MIN} to {SCORE_MAX}")),
                );
                ok = false;
            }
        }
    }
    ok.then_some(scores)
}

fn repeated(span: Span, word: &str) -> Diag {
    Diag::new(Code::RepeatedWord, span, format!("`{word}` is given twice"), "remove the repeated word")
        .label("repeated")
}

fn two_of(id: &Ident, what: &str, first: Span) -> Diag {
    Diag::new(
        Code::RepeatedWord,
        id.span,
        format!("a touchpoint has one channel and one owner, but this names two {what}"),
        "write one `touchpoint` line for each",
    )
    .label(format!("second of the {what}"))
    .with_secondary(first, "first here")
}

fn wrong_kind(id: &Ident, decl: Decl, expected: &str) -> Diag {
    Diag::new(
        Code::WrongIdKind,
        id.span,
        format!("`{}` is {}, but {expected} is expected here", id.name, decl.with_article()),
        match decl {
            Decl::Persona(_) => "personas go on the `step` or `emotion` line, not on a touchpoint".to_string(),
            Decl::Source(_) => "cite sources after the statement's other words, e.g. `emotion anna -2 i3`".to_string(),
            _ => format!("name {expected} here; `{}` is {}", id.name, decl.with_article()),
        },
    )
    .label(decl.with_article())
}
