//! The fixed vocabulary of a map: label languages and lanes, with their translations.

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

/// A horizontal lane of the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LaneKind {
    Actions,
    Touchpoints,
    Thoughts,
    Quotes,
    Emotions,
    Pains,
    Delights,
    Needs,
    Opportunities,
    Kpis,
    Notes,
}

impl LaneKind {
    /// Every lane, in the default order.
    pub const ALL: &'static [LaneKind] = &[
        LaneKind::Actions,
        LaneKind::Touchpoints,
        LaneKind::Thoughts,
        LaneKind::Quotes,
        LaneKind::Emotions,
        LaneKind::Pains,
        LaneKind::Delights,
        LaneKind::Needs,
        LaneKind::Opportunities,
        LaneKind::Kpis,
        LaneKind::Notes,
    ];

    /// The name written in `lanes`.
    pub fn name(self) -> &'static str {
        match self {
            LaneKind::Actions => "actions",
            LaneKind::Touchpoints => "touchpoints",
            LaneKind::Thoughts => "thoughts",
            LaneKind::Quotes => "quotes",
            LaneKind::Emotions => "emotions",
            LaneKind::Pains => "pains",
            LaneKind::Delights => "delights",
            LaneKind::Needs => "needs",
            LaneKind::Opportunities => "opportunities",
            LaneKind::Kpis => "kpis",
            LaneKind::Notes => "notes",
        }
    }

    pub fn from_name(name: &str) -> Option<LaneKind> {
        LaneKind::ALL.iter().copied().find(|l| l.name() == name)
    }

    /// The lane's header in the map's language.
    pub fn label(self, lang: Lang) -> &'static str {
        use LaneKind::*;
        let labels: [&str; 11] = match lang {
            Lang::En => [
                "Actions",
                "Touchpoints",
                "Thoughts",
                "Quotes",
                "Emotions",
                "Pain points",
                "Delights",
                "Needs",
                "Opportunities",
                "KPIs",
                "Notes",
            ],
            Lang::Da => [
                "Handlinger",
                "Kontaktpunkter",
                "Tanker",
                "Citater",
                "Følelser",
                "Smertepunkter",
                "Glædesøjeblikke",
                "Behov",
                "Muligheder",
                "KPI'er",
                "Noter",
            ],
            Lang::Sv => [
                "Aktiviteter",
                "Kontaktpunkter",
                "Tankar",
                "Citat",
                "Känslor",
                "Smärtpunkter",
                "Glädjeämnen",
                "Behov",
                "Möjligheter",
                "KPI:er",
                "Anteckningar",
            ],
            Lang::Nb => [
                "Handlinger",
                "Kontaktpunkter",
                "Tanker",
                "Sitater",
                "Følelser",
                "Smertepunkter",
                "Gledesøyeblikk",
                "Behov",
                "Muligheter",
                "KPI-er",
                "Notater",
            ],
            Lang::De => [
                "Aktivitäten",
                "Kontaktpunkte",
                "Gedanken",
                "Zitate",
                "Emotionen",
                "Schmerzpunkte",
                "Begeisterung",
                "Bedürfnisse",
                "Chancen",
                "KPIs",
                "Notizen",
            ],
        };
        let index = match self {
            Actions => 0,
            Touchpoints => 1,
            Thoughts => 2,
            Quotes => 3,
            Emotions => 4,
            Pains => 5,
            Delights => 6,
            Needs => 7,
            Opportunities => 8,
            Kpis => 9,
            Notes => 10,
        };
        labels[index]
    }
}
