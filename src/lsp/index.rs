//! What a map's text declares and refers to, read from its syntax tree: the ids with
//! their declarations and uses, the phases and steps, the statement under a position.
//! Built from the text as it is, errors and all, so that an editor can navigate a map
//! while it is being written.

use crate::Span;
use crate::diag::Diags;
use crate::syntax::ast::{File, Ident, Keyword, LineKind, Statement, Words};

/// What an id is declared as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    Persona,
    Channel,
    Owner,
    Source,
    /// A KPI's id, declared on its `kpi` line.
    Kpi,
}

impl IdKind {
    pub fn keyword(self) -> &'static str {
        match self {
            IdKind::Persona => "persona",
            IdKind::Channel => "channel",
            IdKind::Owner => "owner",
            IdKind::Source => "source",
            IdKind::Kpi => "kpi",
        }
    }

    /// "a persona", "an owner".
    pub fn phrase(self) -> &'static str {
        match self {
            IdKind::Persona => "a persona",
            IdKind::Channel => "a channel",
            IdKind::Owner => "an owner",
            IdKind::Source => "a source",
            IdKind::Kpi => "a KPI",
        }
    }
}

/// The kinds of id a word may name where it stands. Where a persona, channel or owner
/// may stand, so may a source it cites.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wanted {
    /// `step`, and an emotion's word before its score.
    Persona,
    /// `touchpoint`.
    ChannelOrOwner,
    /// `frontstage`, `backstage`, `support`.
    Owner,
    /// The citations after a statement's other words.
    Source,
}

impl Wanted {
    pub fn accepts(self, kind: IdKind) -> bool {
        match self {
            Wanted::Persona => matches!(kind, IdKind::Persona | IdKind::Source),
            Wanted::ChannelOrOwner => matches!(kind, IdKind::Channel | IdKind::Owner | IdKind::Source),
            Wanted::Owner => matches!(kind, IdKind::Owner | IdKind::Source),
            Wanted::Source => kind == IdKind::Source,
        }
    }

    /// The kinds a declaration for an undeclared id may have, the likeliest first.
    pub fn kinds(self) -> &'static [IdKind] {
        match self {
            Wanted::Persona => &[IdKind::Persona],
            Wanted::ChannelOrOwner => &[IdKind::Channel, IdKind::Owner],
            Wanted::Owner => &[IdKind::Owner],
            Wanted::Source => &[IdKind::Source],
        }
    }
}

/// An id where it is written: declared, or used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence<'a> {
    pub name: &'a str,
    pub span: Span,
    pub role: Role,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Declares(IdKind),
    Refers(Wanted),
}

/// A phase and its steps, with the spans of their statements.
#[derive(Debug)]
pub struct Phase<'a> {
    pub name: &'a str,
    pub span: Span,
    /// From the `phase` line to the last statement before the next phase.
    pub extent: Span,
    pub steps: Vec<(&'a str, Span)>,
}

/// A map's text, parsed.
pub struct Index<'a> {
    pub file: File<'a>,
}

impl<'a> Index<'a> {
    pub fn new(text: &'a str) -> Self {
        // The diagnostics are the compiler's to report; here only the tree counts.
        Index { file: crate::syntax::parse(text, &mut Diags::default()) }
    }

    /// Every id written in the map, in source order.
    pub fn occurrences(&self) -> Vec<Occurrence<'a>> {
        let mut all = Vec::new();
        let declares = |id: &Ident<'a>, kind| Occurrence { name: id.name, span: id.span, role: Role::Declares(kind) };
        let refers = |id: &Ident<'a>, wanted| Occurrence { name: id.name, span: id.span, role: Role::Refers(wanted) };
        for stmt in self.file.statements() {
            match &stmt.words {
                Words::Persona(id) => all.push(declares(id, IdKind::Persona)),
                Words::Channel { id, .. } => all.push(declares(id, IdKind::Channel)),
                Words::Owner { id, .. } => all.push(declares(id, IdKind::Owner)),
                Words::Source { id, .. } => all.push(declares(id, IdKind::Source)),
                Words::Step { personas, .. } => all.extend(personas.iter().map(|p| refers(p, Wanted::Persona))),
                Words::Emotion { persona, cites, .. } => {
                    all.extend(persona.iter().map(|p| refers(p, Wanted::Persona)));
                    all.extend(cites.iter().map(|c| refers(c, Wanted::Source)));
                }
                Words::Touchpoint(ids) => all.extend(ids.iter().map(|id| refers(id, Wanted::ChannelOrOwner))),
                Words::Owned(ids) => all.extend(ids.iter().map(|id| refers(id, Wanted::Owner))),
                Words::Cited(cites) | Words::Need { cites, .. } | Words::Opportunity { cites, .. } => {
                    all.extend(cites.iter().map(|c| refers(c, Wanted::Source)))
                }
                Words::Kpi { id, cites, .. } => {
                    all.extend(id.iter().map(|i| declares(i, IdKind::Kpi)));
                    all.extend(cites.iter().map(|c| refers(c, Wanted::Source)));
                }
                _ => {}
            }
        }
        all
    }

    /// The id at a byte offset (its end included, where an editor's cursor stands after
    /// typing it).
    pub fn occurrence_at(&self, offset: usize) -> Option<Occurrence<'a>> {
        self.occurrences().into_iter().find(|o| o.span.start <= offset && offset <= o.span.end)
    }

    /// The first declaration of `name`.
    pub fn declaration(&self, name: &str) -> Option<(IdKind, Span)> {
        self.occurrences().into_iter().find_map(|o| match o.role {
            Role::Declares(kind) if o.name == name => Some((kind, o.span)),
            _ => None,
        })
    }

    /// The declared ids of the kinds `wanted` accepts, each once, in source order.
    pub fn declared(&self, wanted: Wanted) -> Vec<(&'a str, IdKind)> {
        let mut ids: Vec<(&str, IdKind)> = Vec::new();
        for o in self.occurrences() {
            if let Role::Declares(kind) = o.role
                && wanted.accepts(kind)
                && !ids.iter().any(|(name, _)| *name == o.name)
            {
                ids.push((o.name, kind));
            }
        }
        ids
    }

    /// The statement whose line holds the byte offset.
    pub fn statement_at(&self, offset: usize) -> Option<&Statement<'a>> {
        self.file.lines.iter().find_map(|line| match &line.kind {
            LineKind::Statement(s) if line.span.start <= offset && offset <= line.span.end => Some(&**s),
            _ => None,
        })
    }

    /// The phases, each with its steps.
    pub fn phases(&self) -> Vec<Phase<'a>> {
        let mut phases: Vec<Phase<'a>> = Vec::new();
        for stmt in self.file.statements() {
            match stmt.keyword {
                Some(Keyword::Phase) => phases.push(Phase {
                    name: stmt.text.as_ref().map_or("", |t| t.value),
                    span: stmt.span,
                    extent: stmt.span,
                    steps: Vec::new(),
                }),
                Some(Keyword::Step) => {
                    if let Some(phase) = phases.last_mut() {
                        phase.steps.push((stmt.text.as_ref().map_or("", |t| t.value), stmt.span));
                    }
                }
                _ => {}
            }
            if let Some(phase) = phases.last_mut() {
                phase.extent = phase.extent.to(stmt.span);
            }
        }
        phases
    }

    /// The emotion scale the header sets, or the default.
    pub fn scale(&self) -> (String, String) {
        self.file
            .statements()
            .find_map(|s| match &s.words {
                Words::Scale(range) => Some((range.min.text.to_string(), range.max.text.to_string())),
                _ => None,
            })
            .unwrap_or_else(|| ("-2".to_string(), "2".to_string()))
    }
}
