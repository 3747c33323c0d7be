//! Navigation between an id's declaration and its uses: definition, references and
//! rename, which refuses a name the map cannot take.

use super::index::{Index, Occurrence};
use crate::Span;
use crate::syntax::ast::{FlagKind, Keyword};

/// Where the id at `offset` is declared.
pub fn definition(index: &Index, offset: usize) -> Option<Span> {
    let o = index.occurrence_at(offset)?;
    index.declaration(o.name).map(|(_, span)| span)
}

/// Every place the id at `offset` is written, its declaration first when asked for.
pub fn references(index: &Index, offset: usize, with_declaration: bool) -> Vec<Span> {
    let Some(at) = index.occurrence_at(offset) else { return Vec::new() };
    index
        .occurrences()
        .into_iter()
        .filter(|o| o.name == at.name && (with_declaration || !matches!(o.role, super::index::Role::Declares(_))))
        .map(|o| o.span)
        .collect()
}

/// The id a rename at `offset` would change.
pub fn prepare_rename<'a>(index: &Index<'a>, offset: usize) -> Result<Occurrence<'a>, String> {
    index.occurrence_at(offset).ok_or_else(|| "only a persona, channel or owner id can be renamed".to_string())
}

/// The spans to replace with `new_name`, or why the map cannot take it.
pub fn rename(index: &Index, offset: usize, new_name: &str) -> Result<Vec<Span>, String> {
    let at = prepare_rename(index, offset)?;
    if new_name == at.name {
        return Ok(Vec::new());
    }
    if !is_identifier(new_name) {
        return Err(format!(
            "`{new_name}` is not an id: an id starts with a letter or `_`, then letters, digits, `_` or `-`"
        ));
    }
    if FlagKind::is_reserved(new_name) || Keyword::from_word(new_name).is_some() {
        return Err(format!("`{new_name}` is a reserved word of the language and cannot be an id"));
    }
    if let Some((kind, _)) = index.declaration(new_name) {
        return Err(format!(
            "`{new_name}` is already the id of {}: personas, channels and owners share one namespace",
            kind.phrase()
        ));
    }
    let occurrences = index.occurrences();
    if occurrences.iter().any(|o| o.name == new_name) {
        // Undeclared, but written: renaming onto it would merge two ids into one.
        return Err(format!("`{new_name}` is already used in the map (not declared yet): pick another id"));
    }
    Ok(occurrences.into_iter().filter(|o| o.name == at.name).map(|o| o.span).collect())
}

/// `[A-Za-z_][A-Za-z0-9_-]*`, the language's identifiers.
fn is_identifier(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: &str =
        "journey: T\npersona anna: A\npersona bo: B\nphase: P\nstep anna: S\nemotion anna 1:\nemotion cy 1:\n";

    #[test]
    fn definition_and_references_follow_the_id() {
        let index = Index::new(MAP);
        let use_at = MAP.rfind("anna").unwrap();
        let decl = MAP.find("anna").unwrap();
        assert_eq!(definition(&index, use_at + 2), Some(Span::new(decl, decl + 4)));
        assert_eq!(references(&index, use_at, true).len(), 3);
        assert_eq!(references(&index, use_at, false).len(), 2);
        assert_eq!(definition(&index, MAP.find("journey").unwrap()), None);
    }

    #[test]
    fn rename_refuses_what_the_map_cannot_take() {
        let index = Index::new(MAP);
        let at = MAP.find("anna").unwrap();
        assert_eq!(rename(&index, at, "ann").unwrap().len(), 3);
        assert!(rename(&index, at, "critical").unwrap_err().contains("reserved"));
        assert!(rename(&index, at, "step").unwrap_err().contains("reserved"));
        assert!(rename(&index, at, "bo").unwrap_err().contains("already the id of a persona"));
        assert!(rename(&index, at, "9x").unwrap_err().contains("not an id"));
        assert!(rename(&index, at, "cy").unwrap_err().contains("already used"));
        assert!(rename(&index, 0, "x").is_err());
    }

    #[test]
    fn sources_and_kpi_ids_are_ids_like_the_others() {
        let map = "journey: T\nsource i1 interview: One\nsource o1 observation: Two\npersona anna: A\nphase: P\n\
                   \x20 step anna i1: S\n    emotion anna 1 i1 o1\n    pain i1: P\n    kpi wait 14 max 8 o1: W\n\
                   \x20   backstage o1: B\n";
        let index = Index::new(map);
        let decl = map.find("i1").unwrap();
        // The step's, the emotion's and the pain's citations, and the declaration.
        assert_eq!(references(&index, decl, true).len(), 4);
        let cite = map.rfind("o1").unwrap();
        let o1 = map.find("o1").unwrap();
        assert_eq!(definition(&index, cite), Some(Span::new(o1, o1 + 2)));
        assert_eq!(rename(&index, decl, "i9").unwrap().len(), 4);
        assert!(rename(&index, decl, "wait").unwrap_err().contains("already"));
        assert!(rename(&index, decl, "interview").unwrap_err().contains("reserved"));
    }
}
