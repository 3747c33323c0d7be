//! Completion: keywords at the start of a line, and at each word position what the
//! statement accepts there: declared ids of the right kind, lane names, label language
//! codes, views and flag words.

use lsp_types::{CompletionItem, CompletionItemKind};

use super::index::{IdKind, Index, Wanted};
use crate::lanes::{Carries, LaneKind, View};
use crate::model::Lang;
use crate::syntax::ast::Keyword;

/// What may be written after `line_before`, the line up to the cursor.
pub fn complete(index: &Index, line_before: &str) -> Vec<CompletionItem> {
    let line = line_before.trim_start();
    // Comments and free text (after the first `:`) are the author's.
    if line.starts_with('#') || line.contains(':') {
        return Vec::new();
    }
    let mut words: Vec<&str> = line.split_whitespace().collect();
    // The word being typed, if the cursor is not after a blank.
    if !line.is_empty() && !line.ends_with(char::is_whitespace) {
        words.pop();
    }
    let Some(first) = words.first() else { return keywords() };
    let Some(keyword) = Keyword::from_word(first) else { return Vec::new() };
    // 1: the first word after the keyword.
    let position = words.len();
    let ids = |wanted| ids(index, wanted);
    match keyword {
        Keyword::Step => [flags(&["critical"]), ids(Wanted::Persona)].concat(),
        Keyword::Emotion if position == 1 => ids(Wanted::Persona),
        Keyword::Emotion => ids(Wanted::Source),
        Keyword::State if position == 1 => crate::model::MapState::ALL
            .iter()
            .map(|s| item(s.name(), CompletionItemKind::ENUM_MEMBER, "state"))
            .collect(),
        Keyword::Source if position == 2 => crate::model::SourceKind::ALL
            .iter()
            .map(|k| item(k.name(), CompletionItemKind::ENUM_MEMBER, "kind of source"))
            .collect(),
        Keyword::Touchpoint => ids(Wanted::ChannelOrOwner),
        Keyword::Lanes => {
            let named: Vec<LaneKind> = crate::lanes::reading_order();
            named
                .into_iter()
                .filter(|lane| !words.contains(&lane.name()))
                .map(|lane| item(lane.name(), CompletionItemKind::ENUM_MEMBER, "lane"))
                .collect()
        }
        Keyword::Lang if position == 1 => Lang::ALL
            .iter()
            .map(|lang| item(lang.code(), CompletionItemKind::ENUM_MEMBER, lang.english_name()))
            .collect(),
        Keyword::View if position == 1 => {
            View::ALL.iter().map(|v| item(v.name(), CompletionItemKind::ENUM_MEMBER, "view")).collect()
        }
        Keyword::Channel if position == 2 => flags(&["online", "offline"]),
        Keyword::Owner if position == 2 => flags(&["external"]),
        Keyword::Detail(lane) => match lane.detail().map(|(_, carries)| carries) {
            Some(Carries::Owner) if position == 1 => ids(Wanted::Owner),
            Some(Carries::Owner) => ids(Wanted::Source),
            Some(Carries::NeedKind) if position == 1 => {
                [flags(&["functional", "emotional", "met", "unmet", "partly"]), ids(Wanted::Source)].concat()
            }
            Some(Carries::Kpi) if position >= 2 => [flags(&["target", "min", "max"]), ids(Wanted::Source)].concat(),
            Some(Carries::Kpi) => Vec::new(),
            Some(Carries::NeedKind) => [flags(&["met", "unmet", "partly"]), ids(Wanted::Source)].concat(),
            Some(Carries::Scores) => [flags(&["impact", "effort"]), ids(Wanted::Source)].concat(),
            _ => ids(Wanted::Source),
        },
        _ => Vec::new(),
    }
}

/// Every keyword, with its statement's shape.
fn keywords() -> Vec<CompletionItem> {
    Keyword::all().map(|kw| item(kw.as_str(), CompletionItemKind::KEYWORD, kw.usage())).collect()
}

fn ids(index: &Index, wanted: Wanted) -> Vec<CompletionItem> {
    index
        .declared(wanted)
        .into_iter()
        .map(|(name, kind)| {
            let item_kind = match kind {
                IdKind::Persona => CompletionItemKind::VARIABLE,
                IdKind::Channel | IdKind::Owner | IdKind::Source | IdKind::Kpi => CompletionItemKind::REFERENCE,
            };
            item(name, item_kind, kind.keyword())
        })
        .collect()
}

fn flags(words: &[&str]) -> Vec<CompletionItem> {
    words.iter().map(|w| item(w, CompletionItemKind::KEYWORD, "flag word")).collect()
}

fn item(label: &str, kind: CompletionItemKind, detail: &str) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: Some(detail.to_string()),
        ..CompletionItem::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: &str = "journey: T\npersona anna: Anna\npersona bo: Bo\nchannel web: Web\nowner sales: Sales\n\
                       phase: P\nstep: S\n";

    fn labels(line: &str) -> Vec<String> {
        complete(&Index::new(MAP), line).into_iter().map(|i| i.label).collect()
    }

    #[test]
    fn each_word_position_offers_what_fits() {
        assert!(labels("").contains(&"touchpoint".to_string()));
        assert!(labels("  ste").contains(&"step".to_string()));
        assert_eq!(labels("emotion "), ["anna", "bo"]);
        assert_eq!(labels("emotion an"), ["anna", "bo"]);
        assert!(labels("emotion anna ").is_empty());
        assert_eq!(labels("step critical "), ["critical", "anna", "bo"]);
        assert_eq!(labels("touchpoint "), ["web", "sales"]);
        assert_eq!(labels("backstage "), ["sales"]);
        assert_eq!(labels("channel web "), ["online", "offline"]);
        assert_eq!(labels("owner x "), ["external"]);
        assert_eq!(labels("need "), ["functional", "emotional", "met", "unmet", "partly"]);
        assert_eq!(labels("need functional "), ["met", "unmet", "partly"]);
        assert_eq!(labels("opportunity "), ["impact", "effort"]);
        assert_eq!(labels("kpi 12% "), ["target", "min", "max"]);
        assert_eq!(labels("lang "), ["en", "da", "sv", "nb", "de"]);
        assert_eq!(labels("view "), ["journey", "blueprint", "opportunities"]);
        assert!(!labels("lanes actions ").contains(&"actions".to_string()));
        assert!(labels("lanes actions ").contains(&"emotions".to_string()));
        assert!(labels("step: text ").is_empty());
        assert!(labels("# step ").is_empty());
    }
}
