//! Where the article writes a place's name: the actor model's one place
//! signal. Linking makes no one of a lone name the document writes where a
//! place's name goes ("a farm near Franklin"); the reference rules compare
//! no place's name with a person's ("Yucatán" and "Yucatan", an old and a
//! new romanisation of a town, are no one's name). Both read [`Places`].

use super::lexicon::LEXICON;
use super::names::lookup_key;
use super::recognise::RawName;
use std::ops::Range;

use crate::hashing::FastSet;
use crate::prose::{BlockMemo, Prose, Token, TokenKind};
use crate::span::Span;

/// The words the article writes as places' names, by [`lookup_key`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Places {
    words: FastSet<String>,
}

impl Places {
    /// Reads where the document writes places' names, and makes no one of
    /// the lone names it writes as places' (see [`lone_places`]). One pass
    /// over the tokens of the blocks the memo has not read, and two over the
    /// names.
    pub(super) fn find(
        prose: &Prose,
        names: &mut [RawName],
        memo: &mut BlockMemo<BlockPlaces>,
    ) -> Places {
        let (headed, only_places) = written_places(prose, memo);
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

/// What one block writes as places' names ([`written_places`]), kept by
/// the block's key and the two tokens before it, the most it reads outside
/// itself; a block that reads further is read again every time.
#[derive(Debug, Default)]
pub struct BlockPlaces {
    headed: Box<[String]>,
    only_places: Box<[String]>,
}

/// How many tokens before its block a block's reading may look at and
/// still be kept: they are part of its memo key.
const CONTEXT: usize = 2;

/// The tokens a block's reading may look at: its own, and the [`CONTEXT`]
/// before it; a look anywhere else is noted, and the reading is not kept.
struct View<'p> {
    tokens: &'p [Token],
    from: usize,
    to: usize,
    strayed: std::cell::Cell<bool>,
}

impl<'p> View<'p> {
    /// The whole document, for a block that strayed.
    fn whole(tokens: &'p [Token]) -> Self {
        View {
            tokens,
            from: 0,
            to: tokens.len(),
            strayed: std::cell::Cell::new(false),
        }
    }

    fn block(tokens: &'p [Token], range: &Range<usize>) -> Self {
        View {
            tokens,
            from: range.start.saturating_sub(CONTEXT),
            to: range.end,
            strayed: std::cell::Cell::new(false),
        }
    }

    /// Token `i`, if there is one and the view holds it. A block's view
    /// strays also past the document's end: the same block may be followed
    /// by another where it is written next.
    fn at(&self, i: usize) -> Option<&'p Token> {
        if i < self.from || i >= self.to {
            self.strayed.set(true);
            return None;
        }
        self.tokens.get(i)
    }

    /// The token `n` before `i`, if any.
    fn back(&self, i: usize, n: usize) -> Option<&'p Token> {
        i.checked_sub(n).and_then(|j| self.at(j))
    }
}

/// Every capitalised word the article writes as a place's name: before a
/// capitalised place head ("Yucatán Peninsula"); after a place noun and
/// "of" ("the town of Julfa"), or after a word that leads a place's or an
/// event's name ("Fort Julfa", "Cyclone Ilse"; then with the lead too). The
/// first may be a person's name too ("the Lincoln Memorial"); the others are
/// a place's or an event's only. One pass over the tokens of each block the
/// memo has not read.
fn written_places(
    prose: &Prose,
    memo: &mut BlockMemo<BlockPlaces>,
) -> (FastSet<String>, FastSet<String>) {
    let (mut headed, mut only_places) = (FastSet::default(), FastSet::default());
    for block in &prose.blocks {
        let range = block.tokens.clone();
        let key = context_key(prose, block);
        if let Some(kept) = memo.reuse(key, |_| true) {
            headed.extend(kept.headed.iter().cloned());
            only_places.extend(kept.only_places.iter().cloned());
            continue;
        }
        let view = View::block(&prose.tokens, &range);
        let (mut h, mut o) = (Vec::new(), Vec::new());
        block_places(prose, &view, range.clone(), (&mut h, &mut o));
        if view.strayed.get() {
            (h, o) = (Vec::new(), Vec::new());
            block_places(prose, &View::whole(&prose.tokens), range, (&mut h, &mut o));
        } else {
            memo.insert(
                key,
                BlockPlaces {
                    headed: h.clone().into_boxed_slice(),
                    only_places: o.clone().into_boxed_slice(),
                },
            );
        }
        headed.extend(h);
        only_places.extend(o);
    }
    memo.finish();
    (headed, only_places)
}

/// A block's key with what a reading may see of the tokens before it: their
/// kinds and the text from the first of them to the block (a name may run
/// on from them into the block).
fn context_key(prose: &Prose, block: &crate::prose::Block) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = crate::hashing::FastHasher::default();
    block.key.hash(&mut h);
    let start = block.tokens.start;
    let context = &prose.tokens[start.saturating_sub(CONTEXT)..start];
    if let Some(base) = context.first().map(|t| t.span.start) {
        for t in context {
            (t.kind == TokenKind::Word, t.capitalised, t.sentence_start).hash(&mut h);
            (t.word.start - base, t.word.end - base).hash(&mut h);
        }
        prose.text[base..block.span.start.max(base)].hash(&mut h);
    }
    h.finish()
}

/// [`written_places`] for the tokens `range`, through `view`.
fn block_places(
    prose: &Prose,
    view: &View<'_>,
    range: Range<usize>,
    (headed, only_places): (&mut Vec<String>, &mut Vec<String>),
) {
    let word = |t: &Token| (t.kind == TokenKind::Word).then(|| prose.slice(t.word));
    for i in range {
        let Some(token) = view.at(i) else {
            continue;
        };
        // A coordination needs a capitalised word right before the head:
        // the plural test runs on few words, and a block's first word looks
        // back only when it could be one.
        if !token.sentence_start
            && word(token).is_some_and(is_plural_place_head)
            && view
                .back(i, 1)
                .is_some_and(|t| t.capitalised && t.kind == TokenKind::Word)
        {
            coordinated_places(prose, view, i, only_places);
        }
        // Most tokens are not capitalised: asked first, before the slice.
        if !token.capitalised || token.possessive() {
            continue;
        }
        let Some(name) = word(token) else {
            continue;
        };
        let before = |back: usize| view.back(i, back).and_then(word);
        let lead = (!token.sentence_start)
            .then(|| view.back(i, 1))
            .flatten()
            .filter(|t| t.capitalised)
            .and_then(word)
            .filter(|w| LEXICON.is_lead(w));
        if let Some(lead) = lead {
            only_places.push(lookup_key(name).into_owned());
            only_places.push(lookup_key(&format!("{lead} {name}")).into_owned());
        } else if before(1) == Some("of")
            && view.back(i, 2).is_some_and(|t| !t.capitalised)
            && before(2).is_some_and(|n| LEXICON.is_place_head(n))
        {
            only_places.push(lookup_key(name).into_owned());
        } else if view
            .at(i + 1)
            .filter(|t| t.capitalised)
            .and_then(word)
            .is_some_and(|n| LEXICON.is_place_head(n))
        {
            headed.push(lookup_key(name).into_owned());
        }
    }
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
fn coordinated_places(prose: &Prose, view: &View<'_>, head: usize, places: &mut Vec<String>) {
    let mut conjuncts = Vec::new();
    let mut joined = false;
    let mut end = head;
    let Some(head_token) = view.at(head) else {
        return;
    };
    for _ in 0..CONJUNCTS {
        let mut start = end;
        while end - start < CONJUNCT_WORDS {
            let (Some(before), Some(first)) = (view.back(start, 1), view.at(start)) else {
                break;
            };
            if !(before.capitalised && before.kind == TokenKind::Word && !first.sentence_start) {
                break;
            }
            start -= 1;
        }
        if start == end {
            break;
        }
        let (Some(first), Some(last)) = (view.at(start), view.back(end, 1)) else {
            return;
        };
        // "John and Ada Parks": a couple, not two parks.
        if LEXICON.is_given_name(prose.slice(first.word)) {
            return;
        }
        // The name next to the head may take it in ("Oller Rivers").
        if end == head && head_token.capitalised {
            conjuncts.push(prose.slice(Span {
                start: first.word.start,
                end: head_token.word.end,
            }));
        }
        conjuncts.push(prose.slice(Span {
            start: first.word.start,
            end: last.word.end,
        }));
        if first.sentence_start {
            break;
        }
        let Some(separator) = view.back(start, 1) else {
            break;
        };
        let sep = prose.slice(separator.word);
        let conjunction = matches!(sep, "and" | "or" | "&");
        if !(conjunction || sep == ",") {
            break;
        }
        joined |= conjunction;
        end = start - 1;
        // ", and": the comma before the conjunction.
        if conjunction
            && view
                .back(end, 1)
                .is_some_and(|t| prose.slice(t.word) == ",")
        {
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

    /// A block's places are kept by its key and what it reads of the
    /// tokens before it: the same paragraph after another ending reads
    /// otherwise ("the town of" / "Julfa"), and a kept reading equals a
    /// fresh one.
    #[test]
    fn a_kept_block_reads_the_places_a_fresh_reading_does() {
        let versions = [
            "The ferry left the town of\n\nJulfa at dawn. The Kestle and\n\nOller Rivers rose.\n",
            "The ferry left the town\n\nJulfa at dawn. The Kestle and\n\nOller Rivers rose.\n",
            "The ferry left the town of\n\nJulfa at dawn. The Kestle and\n\n\nOller Rivers rose.\n",
            "The ferry left the town of\n\nJulfa at dawn. The Kestle\n\nOller Rivers rose.\n",
            "They sailed round Tavira\n\nPeninsula ferries ran late.\n",
            "They sailed round Tavira",
            "They sailed round Tavira\n\nPeninsula ferries ran late.\n",
        ];
        let settings = Settings::default();
        let (mut blocks, mut memo) = (Default::default(), Default::default());
        let mut julfa = Vec::new();
        for text in versions.iter().chain(&versions) {
            let prose = crate::prose::parse(text, Language::Markdown, &mut blocks);
            let kept = super::super::recognise(&prose, &settings, &mut memo).places;
            assert_eq!(kept, places(text), "{text}");
            julfa.push(kept.contains("Julfa"));
        }
        assert_eq!(julfa[..2], [true, false]);
        assert!(places(versions[4]).contains("Tavira"));
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
