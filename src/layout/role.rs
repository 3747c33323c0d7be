//! What each drawn thing is, as typed roles: the layout says *what* (an action card of a
//! critical step, the line of visibility, a KPI's figure), the renderers decide how it
//! looks (`render::svg` maps roles to classes and owns the stylesheet).

use crate::lanes::{LaneKind, Zone};
use crate::model::{ChannelMode, NeedKind};

/// What a card is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardRole {
    /// A phase's name over its steps; phases alternate in shade.
    Phase {
        odd: bool,
    },
    /// A lane's name in the label column.
    LaneLabel,
    /// A step's action. In the blueprint view it may show fail points, a handoff and
    /// the needs the step leaves unmet.
    Action {
        critical: bool,
        fail_point: bool,
        handoff: bool,
        unmet_need: bool,
    },
    Touchpoint {
        mode: Option<ChannelMode>,
        external: bool,
    },
    /// The mark of a step where the customer meets no touchpoint of the company.
    Gap,
    /// A detail statement's card in its lane: a need's kind, an external owner.
    Detail {
        lane: LaneKind,
        need: Option<NeedKind>,
        external: bool,
    },
    /// A KPI card whose goal has a direction (`min`, `max`) and so a verdict, or a KPI
    /// without data; a KPI with a value and no goal, or a `target`, is a `Detail`.
    Kpi {
        look: KpiLook,
    },
    /// An emotion point's reference mark: the ids of the sources it cites, on a chip.
    Cite,
    /// The map's state (`state current|future`), a pill beside the title.
    State {
        future: bool,
    },
}

/// How a KPI card with a verdict, or without data, looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KpiLook {
    Met,
    Missed,
    /// No value: muted.
    NoData,
}

impl KpiLook {
    /// Its class in SVG and HTML.
    pub fn class(self) -> &'static str {
        match self {
            KpiLook::Met => "met",
            KpiLook::Missed => "missed",
            KpiLook::NoData => "no-data",
        }
    }
}

impl CardRole {
    /// Whether the card is a step's action, which takes the keyboard focus.
    pub fn is_action(self) -> bool {
        matches!(self, CardRole::Action { .. })
    }
}

/// What a block of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextRole {
    Title,
    /// A header fact's label ("Goal:").
    FactLabel,
    /// A header fact's text.
    Fact,
    Legend,
    PhaseName,
    LaneName,
    /// The "critical" badge of an action.
    Badge,
    ActionText,
    /// A card's own text.
    CardText,
    /// Who a touchpoint or blueprint statement is with: channel and owner.
    Who,
    GapText,
    NeedKind,
    KpiFigure,
    /// "as of 2026-03-01": the date of a KPI figure from a data file.
    KpiDate,
    FailPoint,
    /// In the blueprint view, a need the step does not meet (or meets in part), on its
    /// action card.
    UnmetNeed,
    /// An opportunity's impact and effort, on its card.
    Scores,
    Handoff,
    /// The name of a service blueprint line.
    LineName,
    /// A value on the emotion scale.
    Tick,
    /// A persona's reason for a score, under the emotion curves.
    EmotionNote,
    /// A card's reference mark: the ids of the sources it cites.
    Cites,
    /// An emotion point's reference mark, beside the point.
    EmotionCites,
    /// The map's state, in its pill beside the title.
    State,
    /// The Sources list's heading, and each source's id, kind and description.
    SourcesHeading,
    SourceId,
    SourceKind,
    SourceText,
    /// The "new" badge of a step the baseline lacks (`render --baseline`).
    NewBadge,
    /// The heading of the list of the baseline's steps that are gone.
    GoneHeading,
    /// A phase's name in that list.
    GonePhase,
    /// A gone step's action in that list.
    GoneStep,
    /// The impact/effort matrix: an axis's name, a quadrant's name, a point's number, an
    /// opportunity's text in the legend or the list of unscored ones, and its step and
    /// phase under it.
    AxisTitle,
    QuadrantName,
    PointNumber,
    MatrixHeading,
    MatrixText,
    MatrixWhere,
}

/// What a curve on the emotion lane is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CurveRole {
    /// A persona's curve; `thin` when there are so many that their mean is drawn.
    Persona { thin: bool },
    /// The mean of the personas' scores at each step.
    Mean,
    /// A persona's curve in the baseline (`render --baseline`), drawn faintly behind its
    /// own; `thin` as [`CurveRole::Persona`].
    Baseline { thin: bool },
}

/// What a straight line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineRole {
    /// A score's line across the emotion lane.
    Grid,
    /// The neutral score's line.
    Neutral,
    /// A service blueprint line, above the lanes of `Zone` (never `Zone::Customer`):
    /// interaction, visibility, internal interaction.
    Blueprint(Zone),
    /// A line between the cells of the impact/effort matrix.
    MatrixGrid,
    /// A line between its quadrants, at the middle score.
    MatrixMiddle,
}

/// What a filled rectangle without text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RectRole {
    /// A lane's background; lanes alternate in shade.
    Lane { odd: bool },
    /// The column of a step that is a gap.
    GapColumn,
    /// A quadrant of the impact/effort matrix, lightly shaded.
    Quadrant(super::matrix::Quadrant),
    /// The frame around the matrix's cells.
    MatrixFrame,
}
