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
use crate::span::Span;

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
        let (headed, only_places) = written_places(prose);
        let mut words = lone_places(names, only_places.clone());
        words.extend(headed);
        words.extend(only_places);
        Places { words }
    }

    /// Whether the article writes `word` as a place's name.
    pub fn contains(&self, word: &str) -> bool {
        !self.words.is_empty() && self.words.contains(lookup_key(word).as_ref())
    }
}

/// Every capitalised word the article writes as a place's name: before a
/// capitalised place head ("Yucatán Peninsula"); after a place noun and
/// "of" ("the town of Julfa"), or after a word that leads a place's or an
/// event's name ("Fort Julfa", "Cyclone Ilse"; then with the lead too). The
/// first may be a person's name too ("the Lincoln Memorial"); the others are
/// a place's or an event's only. One pass over the tokens.
fn written_places(prose: &Prose) -> (FastSet<String>, FastSet<String>) {
    let tokens = &prose.tokens;
    let word = |t: &Token| (t.kind == TokenKind::Word).then(|| prose.slice(t.word));
    let (mut headed, mut only_places) = (FastSet::default(), FastSet::default());
    for (i, token) in tokens.iter().enumerate() {
        // A coordination needs a capitalised word right before the head:
        // asked first, so the plural test runs on few words.
        let after_name =
            i > 0 && tokens[i - 1].capitalised && tokens[i - 1].kind == TokenKind::Word;
        if after_name && !token.sentence_start && word(token).is_some_and(is_plural_place_head) {
            coordinated_places(prose, i, &mut only_places);
        }
        // Most tokens are not capitalised: asked first, before the slice.
        if !token.capitalised || token.possessive() {
            continue;
        }
        let Some(name) = word(token) else {
            continue;
        };
        let next = tokens.get(i + 1).filter(|t| t.capitalised).and_then(word);
        let before = |back: usize| i.checked_sub(back).and_then(|j| word(&tokens[j]));
        let lead = i
            .checked_sub(1)
            .filter(|&j| tokens[j].capitalised && !token.sentence_start)
            .and_then(|j| word(&tokens[j]))
            .filter(|w| LEXICON.is_lead(w));
        if let Some(lead) = lead {
            only_places.insert(lookup_key(name).into_owned());
            only_places.insert(lookup_key(&format!("{lead} {name}")).into_owned());
        } else if before(1) == Some("of")
            && i.checked_sub(2).is_some_and(|j| !tokens[j].capitalised)
            && before(2).is_some_and(|n| LEXICON.is_place_head(n))
        {
            only_places.insert(lookup_key(name).into_owned());
        } else if next.is_some_and(|n| LEXICON.is_place_head(n)) {
            headed.insert(lookup_key(name).into_owned());
        }
    }
    (headed, only_places)
}

/// Whether a word is the plural of a place head, in either case ("Rivers",
/// "streets"): after names joined by "and", it makes each a place's.
fn is_plural_place_head(word: &str) -> bool {
    // Most words end otherwise: asked first, before the lowercase copy.
    if !word.ends_with('s') {
        return false;
    }
    let lower = word.to_lowercase();
    let singular = lower
        .strip_suffix("ies")
        .map(|stem| format!("{stem}y"))
        .or_else(|| lower.strip_suffix('s').map(str::to_string));
    singular.is_some_and(|w| w != lower && LEXICON.is_place_head(&w))
}

/// The names joined by "and" or "or" before the plural place head at
/// `head` ("the Sabine and Rio Grande Rivers", "Main, Elm and Oak
/// streets"): the plural says every conjunct is a place's name. At most
/// [`CONJUNCTS`] names of at most [`CONJUNCT_WORDS`] capitalised words,
/// within the sentence; nothing unless a conjunction joins them, nor when
/// a name begins with a known given name.
fn coordinated_places(prose: &Prose, head: usize, places: &mut FastSet<String>) {
    let tokens = &prose.tokens;
    let mut conjuncts = Vec::new();
    let mut joined = false;
    let mut end = head;
    for _ in 0..CONJUNCTS {
        let mut start = end;
        while start > 0
            && end - start < CONJUNCT_WORDS
            && tokens[start - 1].capitalised
            && tokens[start - 1].kind == TokenKind::Word
            && !tokens[start].sentence_start
        {
            start -= 1;
        }
        if start == end {
            break;
        }
        // "John and Ada Parks": a couple, not two parks.
        if LEXICON.is_given_name(prose.slice(tokens[start].word)) {
            return;
        }
        // The name next to the head may take it in ("Oller Rivers").
        if end == head && tokens[head].capitalised {
            conjuncts.push(prose.slice(Span {
                start: tokens[start].word.start,
                end: tokens[head].word.end,
            }));
        }
        conjuncts.push(prose.slice(Span {
            start: tokens[start].word.start,
            end: tokens[end - 1].word.end,
        }));
        if start == 0 || tokens[start].sentence_start {
            break;
        }
        let sep = prose.slice(tokens[start - 1].word);
        let conjunction = matches!(sep, "and" | "or" | "&");
        if !(conjunction || sep == ",") {
            break;
        }
        joined |= conjunction;
        end = start - 1;
        // ", and": the comma before the conjunction.
        if conjunction && end > 0 && prose.slice(tokens[end - 1].word) == "," {
            end -= 1;
        }
    }
    if joined {
        places.extend(conjuncts.into_iter().map(|c| lookup_key(c).into_owned()));
    }
}

/// How many names back, and how many words in each, a coordination before
/// a plural place head is followed.
const CONJUNCTS: usize = 6;
const CONJUNCT_WORDS: usize = 3;

/// A name with no known given name written somewhere where a place's name
/// goes ("a farm near Franklin", "Warren, Ohio", "towns like Broken Hill":
/// `RawName::placed`; "the town of Franklin", "Cyclone Franklin": `placed`,
/// which it extends) is
/// a place's throughout the document, unless some
/// reference says it is a person's: a known given name, a title, a courtesy
/// title, an age or a verb of saying ("Franklin said"), or a person so
/// named with that family name. Such references, and longer names ending in
/// the word that nothing marks as a person's, make no one (a person the
/// document names otherwise still takes them). Returns the names so read.
fn lone_places(names: &mut [RawName], mut placed: FastSet<String>) -> FastSet<String> {
    placed.extend(
        names
            .iter()
            .filter(|n| n.placed)
            .map(|n| lookup_key(&n.parsed.full).into_owned()),
    );
    if placed.is_empty() {
        return placed;
    }
    for name in names.iter() {
        if name.evidence.personal() {
            placed.remove(lookup_key(&name.parsed.family).as_ref());
        }
    }
    // A longer name that ends in such a word is the place's or the event's
    // too when nothing marks it a person's ("T C Ilse" after "Cyclone Ilse").
    for name in names.iter_mut() {
        let is_placed = |s: &str| placed.contains(lookup_key(s).as_ref());
        if !name.evidence.personal()
            && (is_placed(&name.parsed.full) || is_placed(&name.parsed.family))
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

    #[test]
    fn a_lead_makes_a_place_or_an_event_and_a_list_goes_on_from_a_locative() {
        let found = places(
            "Cyclone Ilse reached Fort Amberley. Buses run in Pellworth, Tane Vale and Oddring.\n",
        );
        for word in [
            "Ilse",
            "Cyclone Ilse",
            "Amberley",
            "Pellworth",
            "Tane Vale",
            "Oddring",
        ] {
            assert!(found.contains(word), "{word}");
        }
        let people = places("In Pellworth, Tane Vale met Oddring.\n");
        assert!(!people.contains("Tane Vale"));
    }
}
