//! Namesakes: a surname that names a group, or a term in office, after a
//! person ("the Okonjo family", "the Vance administration", "the Marsh
//! campaign"), or a single name used as a common noun for a thing or a kind
//! named after someone ("I'll have a Negroni", "my Okonjo was too sweet":
//! after an indefinite article, or after a possessive determiner when the
//! name is the person's surname). The hover still says whom it is named
//! for, but it is no reference to that person: it introduces no one, counts
//! as none of their mentions and speaks for no one ("the Vance campaign
//! said" is the campaign's statement).

use super::*;

/// Lowercase nouns that make the single name right before them a group's
/// or a term's, not a reference to the person. Kept short: each must name a
/// group or a period that is only ever named after someone, never a thing
/// a person owns ("Okonjo's farm" stays a reference).
const GROUP_NOUNS: [&str; 16] = [
    "family",
    "families",
    "clan",
    "clans",
    "dynasty",
    "household",
    "administration",
    "administrations",
    "presidency",
    "government",
    "cabinet",
    "campaign",
    "camp",
    "era",
    "years",
    "regime",
];

/// The noun after `raw` if it is a single name used as a group's: not
/// possessive, no title or courtesy title (those are a person's), and
/// followed by one of [`GROUP_NOUNS`].
pub(super) fn group_noun_after<'t>(text: &'t str, raw: &RawName) -> Option<&'t str> {
    if raw.possessive || raw.title.is_some() || raw.courtesy.is_some() {
        return None;
    }
    let rest = text.get(raw.name.end..)?.strip_prefix(' ')?;
    let end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let noun = &rest[..end];
    GROUP_NOUNS.contains(&noun).then_some(noun)
}

/// Indefinite determiners: a single name right after one is a thing, a
/// kind or one of a family named for someone ("a Negroni", "another
/// Okonjo"), never a reference to an introduced person.
const INDEFINITE: [&str; 3] = ["a", "an", "another"];

/// Possessive determiners: a surname right after one is a thing named for
/// someone ("my Okonjo was sweet"). A given name after one may still be a
/// person ("my Anna"), so only a surname counts. Not "her", which is also
/// an object ("told her Okonjo had left").
const POSSESSIVE: [&str; 5] = ["my", "your", "his", "our", "their"];

/// How a single name is used as a common noun, from the word before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum CommonUse {
    /// After an indefinite determiner: whatever the name is.
    Indefinite,
    /// After a possessive determiner: only if it is a surname.
    Possessive,
}

/// The word right before `at`, one space apart, lowercase, with where it
/// starts.
fn word_before(text: &str, at: usize) -> Option<(usize, String)> {
    let before = text.get(..at)?.strip_suffix(' ')?;
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(before.len(), |(i, _)| i);
    Some((start, before[start..].to_lowercase()))
}

/// How a word before a single name makes it a common noun.
fn use_of(word: &str) -> Option<CommonUse> {
    if INDEFINITE.contains(&word) {
        Some(CommonUse::Indefinite)
    } else if POSSESSIVE.contains(&word) {
        Some(CommonUse::Possessive)
    } else {
        None
    }
}

/// The determiner that makes `raw` a common noun: a single name with no
/// title or courtesy title (those are a person's: "a Mr. Okonjo called"),
/// right after one of [`INDEFINITE`] or [`POSSESSIVE`], any case.
pub(super) fn common_use(text: &str, raw: &RawName) -> Option<CommonUse> {
    if raw.title.is_some() || raw.courtesy.is_some() || raw.parsed.full.contains(' ') {
        return None;
    }
    use_of(&word_before(text, raw.name.start)?.1)
}

/// The words a namesake is shown with in its hover: the name and the group
/// noun after it ("Vance campaign"), or the determiner and the name ("a
/// Negroni").
pub(crate) fn namesake_phrase(text: &str, name: Span) -> Span {
    let rest = text.get(name.end..).unwrap_or("");
    let noun = rest.strip_prefix(' ').map(|r| {
        let end = r.find(|c: char| !c.is_alphabetic()).unwrap_or(r.len());
        &r[..end]
    });
    if let Some(noun) = noun.filter(|n| GROUP_NOUNS.contains(n)) {
        return Span::new(name.start, name.end + 1 + noun.len());
    }
    match word_before(text, name.start) {
        Some((start, word)) if use_of(&word).is_some() => Span::new(start, name.end),
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::GROUP_NOUNS;

    #[test]
    fn group_nouns_are_lowercase_and_distinct() {
        for (i, w) in GROUP_NOUNS.iter().enumerate() {
            assert_eq!(w.to_lowercase(), *w);
            assert!(!GROUP_NOUNS[..i].contains(w), "{w}");
        }
    }
}
