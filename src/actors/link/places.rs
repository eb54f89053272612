//! Lone names the document writes as places' names.

use super::super::names::lookup_key;
use super::super::recognise::RawName;
use crate::hashing::FastSet;

/// A lone name written somewhere where a place's name goes ("a farm near
/// Franklin", "Warren, Ohio") is a place's throughout the document, unless
/// some reference says it is a person's: a given name, a title, a courtesy
/// title, an age or a verb of saying ("Franklin said"), or a person with
/// that family name. Such references make no one (a person the document
/// names otherwise still takes them).
pub(super) fn no_one_at_places(names: &mut [RawName]) {
    let placed: FastSet<String> = names
        .iter()
        .filter(|n| n.placed)
        .map(|n| lookup_key(&n.parsed.full).into_owned())
        .collect();
    if placed.is_empty() {
        return;
    }
    let personal: FastSet<String> = names
        .iter()
        .filter(|n| n.evidence.personal() || n.parsed.given.is_some())
        .map(|n| lookup_key(&n.parsed.family).into_owned())
        .collect();
    for name in names.iter_mut() {
        if name.parsed.given.is_none() && !name.evidence.personal() {
            let key = lookup_key(&name.parsed.full);
            if placed.contains(key.as_ref()) && !personal.contains(key.as_ref()) {
                name.not_person = true;
            }
        }
    }
}
