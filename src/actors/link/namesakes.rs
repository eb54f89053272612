//! Namesakes: a surname that names a group, or a term in office, after a
//! person ("the Okonjo family", "the Vance administration", "the Marsh
//! campaign"). The hover still says whom the group is named for, but it is
//! no reference to that person: it introduces no one, counts as none of
//! their mentions and speaks for no one ("the Vance campaign said" is the
//! campaign's statement).

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
