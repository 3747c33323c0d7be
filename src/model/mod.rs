//! The typed, validated model of a journey map, and the derived facts computed from it.
//!
//! Guarantees of a [`Journey`] (the lowering reports an error instead of building
//! one that breaks them):
//! - every id (persona, channel, owner) is declared once and every reference resolves
//!   to a declaration of the right kind;
//! - every emotion score lies on the map's scale, at most one per persona and step, and
//!   only for personas the step belongs to;
//! - there is at least one phase; steps belong to phases, details to steps or phases;
//! - every text that the language requires is non-empty.

mod body;
mod derive;
mod header;
mod journey;
mod lints;
mod lower;
mod meaning;
pub mod suggest;
mod vocab;

pub use crate::lanes::{LaneKind, View};
pub use derive::{
    ChannelSwitch, Coverage, Derived, DetailAt, EmotionExtremes, EvidenceFacts, Extreme, Handoff, RankedOpportunity,
    StepRef, Transition, UnmetNeed, company_owners, is_gap, rank, step_sources, step_statements,
};
pub use journey::*;
pub use lower::lower;
pub use vocab::{Label, Lang};
