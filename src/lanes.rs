//! The lane table: every horizontal lane of a map, with everything the stages need to
//! know about it — the statement that fills it, its name in `lanes`, its header in every
//! label language, what its statements carry besides their text, where they may stand,
//! which side of the service blueprint's lines it is on, and how its cards look.
//!
//! The parser, the lowering, export, `fmt`, `diff`, `report`, the layout, the SVG
//! stylesheet and the HTML page all read this table. A plain text lane is one entry
//! here, plus its documentation; lanes whose statements carry more than text are
//! handled by exhaustive matches on [`Carries`] and [`Content`], so the compiler names
//! every place a new kind must be handled (`ARCHITECTURE.md`, "How to add a lane").

use crate::model::Lang;
use crate::text::FontStyle;

/// A horizontal lane of the map. The order is the table's: the order of a step's
/// details in the exported document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LaneKind {
    Actions,
    Touchpoints,
    Emotions,
    Thoughts,
    Quotes,
    Needs,
    Pains,
    Delights,
    Opportunities,
    Kpis,
    Notes,
    Evidence,
    Frontstage,
    Backstage,
    Support,
}

/// What fills a lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    /// The step itself: its action (`step`).
    Actions,
    /// `touchpoint` statements.
    Touchpoints,
    /// `emotion` statements, drawn as the curves.
    Emotions,
    /// A detail statement, `keyword [words…]: text`, attached to a step or, before its
    /// first step, to a phase.
    Detail { keyword: &'static str, carries: Carries },
}

/// What a detail statement carries besides its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carries {
    /// Nothing: `thought: <text>`.
    Text,
    /// An optional kind and status: `need [functional|emotional] [met|unmet|partly]: <text>`.
    NeedKind,
    /// Optional impact and effort scores: `opportunity [impact <n>] [effort <n>]: <text>`.
    Scores,
    /// A value and an optional target: `kpi <value> [target <value>]: <label>`.
    Kpi,
    /// An optional owner id: `backstage [owner]: <text>`.
    Owner,
}

/// Where a lane stands relative to the service blueprint's three lines, top to bottom.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Zone {
    /// What the customer does, sees, thinks and feels.
    Customer,
    /// Where the customer meets the company: below the line of interaction.
    Frontstage,
    /// Out of the customer's sight: below the line of visibility.
    Backstage,
    /// Processes and systems: below the line of internal interaction.
    Support,
}

/// How a lane's cards look: a box of its own colours, the text's style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Look {
    /// The class of its cards in SVG and HTML; unique among lanes.
    pub class: &'static str,
    pub fill: &'static str,
    pub stroke: &'static str,
    pub font: FontStyle,
    /// The text is drawn between quotation marks.
    pub quoted: bool,
}

/// One row of the table.
#[derive(Debug)]
pub struct Lane {
    pub kind: LaneKind,
    /// Its name in `lanes`, in the exported document, `diff` and `report`.
    pub name: &'static str,
    pub content: Content,
    /// Its header in each label language, in the order of [`Lang::ALL`].
    pub headers: [&'static str; 5],
    /// The statement's shape, as the language reference writes it (detail lanes).
    pub usage: &'static str,
    pub zone: Zone,
    /// Its place in the journey view's default order, if that view draws it.
    pub journey_rank: Option<u8>,
    /// Its place in the blueprint view's default order, if that view draws it.
    pub blueprint_rank: Option<u8>,
    pub look: Look,
}

const fn look(class: &'static str, fill: &'static str, stroke: &'static str, font: FontStyle) -> Look {
    Look { class, fill, stroke, font, quoted: false }
}

/// Every lane, in [`LaneKind`] order (`LANES[k as usize].kind == k`, a test checks it).
pub const LANES: &[Lane] = &[
    Lane {
        kind: LaneKind::Actions,
        name: "actions",
        content: Content::Actions,
        headers: ["Actions", "Handlinger", "Aktiviteter", "Handlinger", "Aktivitäten"],
        usage: "step [critical] [persona…]: <action>",
        zone: Zone::Customer,
        journey_rank: Some(0),
        blueprint_rank: Some(1),
        look: look("action", "#ffffff", "#627d98", FontStyle::Bold),
    },
    Lane {
        kind: LaneKind::Touchpoints,
        name: "touchpoints",
        content: Content::Touchpoints,
        headers: ["Touchpoints", "Kontaktpunkter", "Kontaktpunkter", "Kontaktpunkter", "Kontaktpunkte"],
        usage: "touchpoint [channel] [owner]: <text>",
        zone: Zone::Frontstage,
        journey_rank: Some(1),
        blueprint_rank: Some(2),
        look: look("touchpoint", "#e6f0fa", "#4a7fb5", FontStyle::Regular),
    },
    Lane {
        kind: LaneKind::Emotions,
        name: "emotions",
        content: Content::Emotions,
        headers: ["Emotions", "Følelser", "Känslor", "Følelser", "Emotionen"],
        usage: "emotion [persona] <score>: [why]",
        zone: Zone::Customer,
        journey_rank: Some(4),
        blueprint_rank: None,
        look: look("emotion", "#ffffff", "#9fb3c8", FontStyle::Regular),
    },
    Lane {
        kind: LaneKind::Thoughts,
        name: "thoughts",
        content: Content::Detail { keyword: "thought", carries: Carries::Text },
        headers: ["Thoughts", "Tanker", "Tankar", "Tanker", "Gedanken"],
        usage: "thought: <text>",
        zone: Zone::Customer,
        journey_rank: Some(2),
        blueprint_rank: None,
        look: look("thought", "#f0f4f8", "#bcccdc", FontStyle::Italic),
    },
    Lane {
        kind: LaneKind::Quotes,
        name: "quotes",
        content: Content::Detail { keyword: "quote", carries: Carries::Text },
        headers: ["Quotes", "Citater", "Citat", "Sitater", "Zitate"],
        usage: "quote: <text>",
        zone: Zone::Customer,
        journey_rank: Some(3),
        blueprint_rank: None,
        look: Look { quoted: true, ..look("quote", "#fffbea", "#e9b949", FontStyle::Italic) },
    },
    Lane {
        kind: LaneKind::Needs,
        name: "needs",
        content: Content::Detail { keyword: "need", carries: Carries::NeedKind },
        headers: ["Needs", "Behov", "Behov", "Behov", "Bedürfnisse"],
        usage: "need [functional|emotional] [met|unmet|partly] [sources…]: <text>",
        zone: Zone::Customer,
        journey_rank: Some(7),
        blueprint_rank: None,
        look: look("need", "#f0ebfa", "#8662c7", FontStyle::Regular),
    },
    Lane {
        kind: LaneKind::Pains,
        name: "pains",
        content: Content::Detail { keyword: "pain", carries: Carries::Text },
        headers: ["Pain points", "Smertepunkter", "Smärtpunkter", "Smertepunkter", "Schmerzpunkte"],
        usage: "pain: <text>",
        zone: Zone::Customer,
        journey_rank: Some(5),
        blueprint_rank: None,
        look: look("pain", "#ffe8e8", "#d64545", FontStyle::Regular),
    },
    Lane {
        kind: LaneKind::Delights,
        name: "delights",
        content: Content::Detail { keyword: "delight", carries: Carries::Text },
        headers: ["Delights", "Glædesøjeblikke", "Glädjeämnen", "Gledesøyeblikk", "Begeisterung"],
        usage: "delight: <text>",
        zone: Zone::Customer,
        journey_rank: Some(6),
        blueprint_rank: None,
        look: look("delight", "#e3f9e5", "#3f9142", FontStyle::Regular),
    },
    Lane {
        kind: LaneKind::Opportunities,
        name: "opportunities",
        content: Content::Detail { keyword: "opportunity", carries: Carries::Scores },
        headers: ["Opportunities", "Muligheder", "Möjligheter", "Muligheter", "Chancen"],
        usage: "opportunity [impact <1..5>] [effort <1..5>] [sources…]: <text>",
        zone: Zone::Customer,
        journey_rank: Some(8),
        blueprint_rank: None,
        look: look("opportunity", "#fff3c4", "#cb8e00", FontStyle::Regular),
    },
    Lane {
        kind: LaneKind::Kpis,
        name: "kpis",
        content: Content::Detail { keyword: "kpi", carries: Carries::Kpi },
        headers: ["KPIs", "KPI'er", "KPI:er", "KPI-er", "KPIs"],
        usage: "kpi [id] [value] [target|min|max <value>] [sources…]: <label>",
        zone: Zone::Customer,
        journey_rank: Some(9),
        blueprint_rank: None,
        look: look("kpi", "#e0f7fa", "#0e7c86", FontStyle::Regular),
    },
    Lane {
        kind: LaneKind::Notes,
        name: "notes",
        content: Content::Detail { keyword: "note", carries: Carries::Text },
        headers: ["Notes", "Noter", "Anteckningar", "Notater", "Notizen"],
        usage: "note: <text>",
        zone: Zone::Customer,
        journey_rank: Some(10),
        blueprint_rank: None,
        look: look("note", "#f7f7f7", "#b0b0b0", FontStyle::Regular),
    },
    Lane {
        kind: LaneKind::Evidence,
        name: "evidence",
        content: Content::Detail { keyword: "evidence", carries: Carries::Text },
        headers: ["Physical evidence", "Fysiske spor", "Fysiska bevis", "Fysiske bevis", "Physische Evidenz"],
        usage: "evidence: <text>",
        zone: Zone::Customer,
        journey_rank: None,
        blueprint_rank: Some(0),
        look: look("evidence", "#f4f1ec", "#8a7f6d", FontStyle::Regular),
    },
    Lane {
        kind: LaneKind::Frontstage,
        name: "frontstage",
        content: Content::Detail { keyword: "frontstage", carries: Carries::Owner },
        headers: [
            "Frontstage",
            "Synlige handlinger",
            "Synliga aktiviteter",
            "Synlige handlinger",
            "Sichtbare Aktivitäten",
        ],
        usage: "frontstage [owner] [sources…]: <text>",
        zone: Zone::Frontstage,
        journey_rank: None,
        blueprint_rank: Some(3),
        look: look("frontstage", "#e8f4ec", "#3c8d5a", FontStyle::Regular),
    },
    Lane {
        kind: LaneKind::Backstage,
        name: "backstage",
        content: Content::Detail { keyword: "backstage", carries: Carries::Owner },
        headers: [
            "Backstage",
            "Usynlige handlinger",
            "Osynliga aktiviteter",
            "Usynlige handlinger",
            "Unsichtbare Aktivitäten",
        ],
        usage: "backstage [owner] [sources…]: <text>",
        zone: Zone::Backstage,
        journey_rank: None,
        blueprint_rank: Some(4),
        look: look("backstage", "#eef0f6", "#5c6b8a", FontStyle::Regular),
    },
    Lane {
        kind: LaneKind::Support,
        name: "support",
        content: Content::Detail { keyword: "support", carries: Carries::Owner },
        headers: ["Support processes", "Støtteprocesser", "Stödprocesser", "Støtteprosesser", "Unterstützungsprozesse"],
        usage: "support [owner] [sources…]: <text>",
        zone: Zone::Support,
        journey_rank: None,
        blueprint_rank: Some(5),
        look: look("support", "#f3eef6", "#7a5c8a", FontStyle::Regular),
    },
];

impl LaneKind {
    /// Every lane, in table order.
    pub fn all() -> impl Iterator<Item = LaneKind> {
        LANES.iter().map(|l| l.kind)
    }

    /// The lane's row in the table.
    pub fn spec(self) -> &'static Lane {
        &LANES[self as usize]
    }

    /// The name written in `lanes`.
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    pub fn from_name(name: &str) -> Option<LaneKind> {
        LANES.iter().find(|l| l.name == name).map(|l| l.kind)
    }

    /// The lane's header in the map's language.
    pub fn label(self, lang: Lang) -> &'static str {
        let i = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
        self.spec().headers[i]
    }

    /// The detail statement that fills the lane and what it carries, if it is one.
    pub fn detail(self) -> Option<(&'static str, Carries)> {
        match self.spec().content {
            Content::Detail { keyword, carries } => Some((keyword, carries)),
            Content::Actions | Content::Touchpoints | Content::Emotions => None,
        }
    }

    /// The detail lane whose statement starts with `keyword`.
    pub fn from_keyword(keyword: &str) -> Option<LaneKind> {
        LANES.iter().find(|l| matches!(l.content, Content::Detail { keyword: k, .. } if k == keyword)).map(|l| l.kind)
    }

    pub fn zone(self) -> Zone {
        self.spec().zone
    }
}

/// What a map draws: the journey map or the service blueprint (`view`, `--view`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Journey,
    Blueprint,
    /// The impact/effort matrix of the opportunities, instead of the map
    /// ([`crate::layout::matrix`]).
    Opportunities,
}

impl View {
    pub const ALL: &'static [View] = &[View::Journey, View::Blueprint, View::Opportunities];

    /// The word written after `view`.
    pub fn name(self) -> &'static str {
        match self {
            View::Journey => "journey",
            View::Blueprint => "blueprint",
            View::Opportunities => "opportunities",
        }
    }

    pub fn from_name(name: &str) -> Option<View> {
        View::ALL.iter().copied().find(|v| v.name() == name)
    }

    /// The lanes this view draws when `lanes` does not say, in order, before those
    /// without content are left out.
    pub fn default_lanes(self) -> Vec<LaneKind> {
        let rank = |lane: &Lane| match self {
            // The matrix draws no lanes; asked for them, it has the journey map's.
            View::Journey | View::Opportunities => lane.journey_rank,
            View::Blueprint => lane.blueprint_rank,
        };
        let mut lanes: Vec<(u8, LaneKind)> = LANES.iter().filter_map(|l| Some((rank(l)?, l.kind))).collect();
        lanes.sort_unstable();
        lanes.into_iter().map(|(_, k)| k).collect()
    }

    /// Whether the view draws the blueprint's three lines and fail points.
    pub fn is_blueprint(self) -> bool {
        self == View::Blueprint
    }
}

/// Every lane, the journey view's first in its order, then the others in table order:
/// the order of lists meant for people (`report`, help texts).
pub fn reading_order() -> Vec<LaneKind> {
    let mut lanes = View::Journey.default_lanes();
    let others: Vec<LaneKind> = LaneKind::all().filter(|l| !lanes.contains(l)).collect();
    lanes.extend(others);
    lanes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_kind_order_with_unique_names_keywords_and_classes() {
        for (i, lane) in LANES.iter().enumerate() {
            assert_eq!(lane.kind as usize, i, "{}", lane.name);
        }
        let unique = |f: fn(&Lane) -> Option<&'static str>| {
            let mut seen: Vec<&str> = LANES.iter().filter_map(f).collect();
            let n = seen.len();
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), n);
        };
        unique(|l| Some(l.name));
        unique(|l| Some(l.look.class));
        unique(|l| l.kind.detail().map(|d| d.0));
    }

    #[test]
    fn views_keep_the_method_order() {
        let names = |v: View| v.default_lanes().into_iter().map(LaneKind::name).collect::<Vec<_>>().join(" ");
        assert_eq!(
            names(View::Journey),
            "actions touchpoints thoughts quotes emotions pains delights needs opportunities kpis notes"
        );
        assert_eq!(names(View::Blueprint), "evidence actions touchpoints frontstage backstage support");
    }
}
