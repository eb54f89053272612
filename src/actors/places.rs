//! Where the article writes a place's name: the actor model's one place
//! signal. Linking makes no one of a lone name the document writes where a
//! place's name goes ("a farm near Franklin"); the reference rules compare
//! no place's name with a person's ("Yucatán" and "Yucatan", an old and a
//! new romanisation of a town, are no one's name). Both read [`Places`].

use super::lexicon::LEXICON;
use super::names::lookup_key;
use super::recognise::RawName;
use crate::hashing::FastSet;
use crate::prose::{Prose, Token, TokenKind};

/// The words the article writes as places' names, by [`lookup_key`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Places {
    words: FastSet<String>,
}

impl Places {
    /// Reads where the document writes places' names, and makes no one of
    /// the lone names it writes as places' (see [`lone_places`]). One pass
    /// over the tokens and two over the names.
    pub(super) fn find(prose: &Prose, names: &mut [RawName]) -> Places {
        let mut words = lone_places(names);
        words.extend(headed_words(prose));
        Places { words }
    }

    /// Whether the article writes `word` as a place's name.
    pub fn contains(&self, word: &str) -> bool {
        !self.words.is_empty() && self.words.contains(lookup_key(word).as_ref())
    }
}

/// Every capitalised word the article writes as a place's name: before a
/// capitalised place head ("Yucatán Peninsula") or after a place noun and
/// "of" ("the town of Julfa").
fn headed_words(prose: &Prose) -> impl Iterator<Item = String> + '_ {
    let tokens = &prose.tokens;
    let word = |t: &Token| (t.kind == TokenKind::Word).then(|| prose.slice(t.word));
    tokens.iter().enumerate().filter_map(move |(i, token)| {
        let name = word(token).filter(|_| token.capitalised && !token.possessive())?;
        let next = tokens.get(i + 1).filter(|t| t.capitalised).and_then(word);
        let headed = next.is_some_and(|n| LEXICON.is_place_head(n));
        let before = |back: usize| i.checked_sub(back).and_then(|j| word(&tokens[j]));
        let of_place = before(1) == Some("of")
            && i.checked_sub(2).is_some_and(|j| !tokens[j].capitalised)
            && before(2).is_some_and(|n| LEXICON.is_place_head(n));
        (headed || of_place).then(|| lookup_key(name).into_owned())
    })
}

/// A lone name written somewhere where a place's name goes ("a farm near
/// Franklin", "Warren, Ohio": `RawName::placed`) is a place's throughout the
/// document, unless some reference says it is a person's: a given name, a
/// title, a courtesy title, an age or a verb of saying ("Franklin said"), or
/// a person with that family name. Such references make no one (a person the
/// document names otherwise still takes them). Returns the names so read.
fn lone_places(names: &mut [RawName]) -> FastSet<String> {
    let mut placed: FastSet<String> = names
        .iter()
        .filter(|n| n.placed)
        .map(|n| lookup_key(&n.parsed.full).into_owned())
        .collect();
    if placed.is_empty() {
        return placed;
    }
    for name in names.iter() {
        if name.evidence.personal() || name.parsed.given.is_some() {
            placed.remove(lookup_key(&name.parsed.family).as_ref());
        }
    }
    for name in names.iter_mut() {
        if name.parsed.given.is_none()
            && !name.evidence.personal()
            && placed.contains(lookup_key(&name.parsed.full).as_ref())
        {
            name.not_person = true;
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;
    use crate::document::Language;

    fn places(text: &str) -> Places {
        let prose = crate::prose::parse(text, Language::Markdown, &mut Default::default());
        super::super::recognise(&prose, &Settings::default(), &mut Default::default()).places
    }

    #[test]
    fn a_place_head_or_a_place_noun_and_of_makes_a_place() {
        let found = places("They sailed round the Tavira Peninsula to the town of Orvalho.\n");
        assert!(found.contains("Tavira"));
        assert!(found.contains("Orvalho"));
        assert!(!found.contains("They"));
    }

    #[test]
    fn a_lone_name_at_a_place_is_a_place_unless_a_reference_makes_it_a_person() {
        let found = places("The flood reached a farm near Brindlecombe on Monday.\n");
        assert!(found.contains("Brindlecombe"));
        let claimed = places(
            "The flood reached a farm near Brindlecombe. Brindlecombe said the water rose fast.\n",
        );
        assert!(!claimed.contains("Brindlecombe"));
    }
}
