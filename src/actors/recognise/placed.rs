//! Where the sentence places a name: after a locative preposition, as a
//! later item of a list that follows one, after a noun for places and
//! "like", or before a comma and a known place. Such a name with no other
//! evidence of a person may be a place's; the document decides
//! (`places.rs`).

use super::Reader;
use crate::actors::lexicon::{Class, Classes, LEXICON};

impl Reader<'_> {
    /// A name (no known given name) that only its place in the sentence
    /// speaks of: after a locative preposition ("a farm near Preston"), also
    /// as a later item of a list that follows one ("in Preston, Leyland and
    /// Chorley"), after a noun for places and "like", "including" or "such
    /// as" ("towns like Preston"), or before a comma and a known place
    /// ("Preston, Ohio"). With no known given name, title, courtesy title, age or
    /// verb of saying, that may be a place's name: the document decides
    /// (`places.rs`).
    pub(super) fn placed(&self, n: usize) -> bool {
        let name = &self.found.names[n];
        // A known given name is personal evidence; an unknown first word
        // may begin a place's name ("Broken Hill").
        if name.possessive || name.evidence.personal() {
            return false;
        }
        let (first, end) = (name.tokens.start, name.tokens.end);
        // "in Lynch v. Overholser": the first party of a case's name, not
        // a place after "in".
        if end < self.sentence_end && matches!(self.word(end), "v" | "v." | "vs" | "vs." | "versus")
        {
            return false;
        }
        let opening = self.list_opening(first, end);
        let before = |back: usize| {
            (opening >= back && !self.tokens[opening + 1 - back].sentence_start)
                .then(|| self.word(opening - back))
        };
        let after_locative =
            before(1).is_some_and(|w| LOCATIVES.iter().any(|l| w.eq_ignore_ascii_case(l)));
        // "towns like Preston", "cities such as Preston and Leyland".
        let example = match before(1) {
            Some("like" | "including") => before(2),
            Some("as") if before(2) == Some("such") => before(3),
            _ => None,
        };
        let of_places = example.is_some_and(is_place_noun);
        // "Warren, Ohio", and "Preston, Victoria, Australia".
        let place = |i: usize| {
            i < self.sentence_end
                && self.scan.cover(i).any(Classes::of(&[
                    Class::Country,
                    Class::Capital,
                    Class::Place,
                ]))
        };
        let comma = |i: usize| i < self.sentence_end && self.is_punct(i, ",");
        // A known place that a name goes on from is no place: "Chad" in
        // "Chad Wells".
        let place_alone = |i: usize| {
            place(i) && !(i + 1 < self.sentence_end && self.capitalised(i + 1) && !place(i + 1))
        };
        let before_place = comma(end)
            && (place_alone(end + 1)
                || end + 3 < self.sentence_end
                    && self.capitalised(end + 1)
                    && comma(end + 2)
                    && place(end + 3));
        after_locative || of_places || before_place
    }

    /// The first item of the list of capitalised names whose item is the
    /// tokens `first..end` ("Preston" in "Preston, Leyland and Chorley" for
    /// "Chorley" or "Leyland"), or `first` itself. An item after a bare comma
    /// is one only if the list goes on after it ("In Preston, Ward met" is no
    /// list). At most [`LIST_ITEMS`] items of at most [`LIST_ITEM_WORDS`]
    /// words back, within the sentence.
    fn list_opening(&self, first: usize, end: usize) -> usize {
        let goes_on = end < self.sentence_end
            && (self.is_punct(end, ",") || matches!(self.word(end), "and" | "or"));
        let mut opening = first;
        for _ in 0..LIST_ITEMS {
            if opening == 0 || self.tokens[opening].sentence_start {
                break;
            }
            // The separator before the item: ",", "and", "or" or ", and".
            let mut sep = opening - 1;
            let joined = matches!(self.word(sep), "and" | "or");
            if joined && sep > 0 && !self.tokens[sep].sentence_start && self.is_punct(sep - 1, ",")
            {
                sep -= 1;
            } else if !joined && !(self.is_punct(sep, ",") && (goes_on || opening != first)) {
                break;
            }
            // The item before it: capitalised words only.
            let mut start = sep;
            while start > 0
                && sep - start < LIST_ITEM_WORDS
                && !self.tokens[start].sentence_start
                && self.capitalised(start - 1)
            {
                start -= 1;
            }
            if start == sep {
                break;
            }
            opening = start;
        }
        opening
    }
}

/// How many items back, and how many words in each, a list is followed to
/// its opening: more than a list of places in a sentence has.
const LIST_ITEMS: usize = 8;
const LIST_ITEM_WORDS: usize = 4;

/// Whether a lowercase word is a noun for places ("town", "cities").
fn is_place_noun(word: &str) -> bool {
    let singular = |w: &str| {
        w.strip_suffix("ies")
            .map(|stem| format!("{stem}y"))
            .or_else(|| w.strip_suffix('s').map(str::to_string))
    };
    word.starts_with(|c: char| c.is_lowercase())
        && (LEXICON.is_place_head(word)
            || singular(word).is_some_and(|w| LEXICON.is_place_head(&w)))
}

/// Prepositions after which a lone name is read as a place's.
const LOCATIVES: [&str; 6] = ["in", "at", "near", "outside", "around", "through"];
