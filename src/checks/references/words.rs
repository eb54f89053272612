//! What `name-variant` works out about a capitalised word, kept between
//! analyses of one document: the keys its look-alikes meet under, its
//! letters without accents, and how it differs from each surname it was
//! compared with. All of it depends on the word's letters alone, so an edit
//! costs the words it brings in, not every word of the document again; and
//! the index of the surnames is kept while the surnames stay the same.

use std::sync::Arc;

use super::spelling::{difference, without_accents, Difference};
use crate::actors::{name_key, skeleton, slip_keys};
use crate::hashing::FastMap;

/// The words recent analyses asked about, and the index of its surnames:
/// the memo holds at most twice as many words as the latest analysis asked
/// about ([`Stamped`]).
#[derive(Debug, Default)]
pub struct WordMemo {
    words: Stamped<Facts>,
    /// Each full name as written, with where its family name starts in it
    /// and how it reads: parsing a name costs more than the rest of the
    /// rule's look at it, and most names are written again and again.
    families: Stamped<Option<(usize, Arc<str>)>>,
    index: Option<KeptIndex>,
    /// Counts the indexes made: a word's answer against the surnames
    /// ([`WordMemo::respells`]) holds while this stays the same.
    generation: u64,
}

/// Answers by word, each stamped with the last analysis that asked for it:
/// an answer asked for again costs one look-up, not a move from the last
/// analysis's table to this one's. Once the table holds more than twice the
/// words this analysis asked about, the others go.
#[derive(Debug)]
struct Stamped<V> {
    entries: FastMap<Box<str>, (u64, V)>,
    /// The analysis under way.
    now: u64,
    /// How many entries it asked about.
    used: usize,
}

impl<V> Default for Stamped<V> {
    fn default() -> Self {
        Stamped {
            entries: FastMap::default(),
            now: 0,
            used: 0,
        }
    }
}

impl<V> Stamped<V> {
    fn start(&mut self) {
        self.now += 1;
        self.used = 0;
    }

    fn finish(&mut self) {
        if self.entries.len() > 2 * self.used {
            let now = self.now;
            self.entries.retain(|_, (seen, _)| *seen == now);
        }
    }

    /// The answer for `word`, made now if no analysis kept one.
    fn get_or_make(&mut self, word: &str, make: impl FnOnce() -> V) -> &mut V {
        if !self.entries.contains_key(word) {
            self.entries
                .insert(Box::from(word), (self.now.wrapping_sub(1), make()));
        }
        match self.entries.get_mut(word) {
            Some((seen, value)) => {
                if *seen != self.now {
                    *seen = self.now;
                    self.used += 1;
                }
                value
            }
            None => unreachable!("inserted just above"),
        }
    }
}

#[derive(Debug)]
struct Facts {
    keys: Arc<[u64]>,
    without_accents: Arc<str>,
    /// Each surname compared with, and how the word differs from it.
    differences: Vec<(Box<str>, Option<Difference>)>,
    /// The surname the word respells, against the index of a generation.
    respells: Option<(u64, Option<(usize, Difference)>)>,
}

/// Surnames, in order, by each of their keys.
#[derive(Debug)]
struct KeptIndex {
    surnames: Arc<[Box<str>]>,
    index: Arc<SurnameIndex>,
}

/// Each key of each surname with the surname's position, sorted by key: a
/// look-up is a binary search, and the index costs 16 bytes a key however
/// many surnames share one.
#[derive(Debug)]
pub(super) struct SurnameIndex(Vec<(u64, u32)>);

impl SurnameIndex {
    /// The positions of the surnames with this key (a position may come
    /// more than once).
    pub(super) fn under(&self, key: u64) -> impl Iterator<Item = usize> + '_ {
        let from = self.0.partition_point(|&(k, _)| k < key);
        self.0[from..]
            .iter()
            .take_while(move |&&(k, _)| k == key)
            .map(|&(_, i)| i as usize)
    }
}

impl WordMemo {
    /// Starts an analysis.
    pub(super) fn start(&mut self) {
        self.words.start();
        self.families.start();
    }

    /// Ends an analysis: if the memo holds more than twice the words it
    /// asked about, the others go.
    pub(super) fn finish(&mut self) {
        self.words.finish();
        self.families.finish();
    }

    /// Where the family name starts in a full name as written, and the
    /// family name: `family_of(written)`, worked out once per spelling.
    pub(super) fn family(
        &mut self,
        written: &str,
        family_of: impl FnOnce(&str) -> Option<(usize, String)>,
    ) -> Option<(usize, Arc<str>)> {
        self.families
            .get_or_make(written, || {
                family_of(written).map(|(at, f)| (at, Arc::from(f)))
            })
            .clone()
    }

    fn facts(&mut self, word: &str) -> &mut Facts {
        self.words.get_or_make(word, || Facts {
            keys: keys(word).into(),
            without_accents: without_accents(word).into(),
            differences: Vec::new(),
            respells: None,
        })
    }

    /// The keys under which a word and its respellings meet: its skeleton
    /// (transliterations), its letters without accents (accents, encodings),
    /// and its slip keys (a letter changed, dropped or swapped). Each key is
    /// a hash, in the space of the slip keys.
    pub(super) fn keys(&mut self, word: &str) -> Arc<[u64]> {
        Arc::clone(&self.facts(word).keys)
    }

    /// The word decomposed, its combining marks dropped.
    pub(super) fn without_accents(&mut self, word: &str) -> Arc<str> {
        Arc::clone(&self.facts(word).without_accents)
    }

    /// [`difference`]`(word, expected)`, worked out once per pair.
    pub(super) fn difference(&mut self, word: &str, expected: &str) -> Option<Difference> {
        let facts = self.facts(word);
        if let Some((_, how)) = facts.differences.iter().find(|(e, _)| **e == *expected) {
            return *how;
        }
        let how = difference(word, expected);
        facts.differences.push((Box::from(expected), how));
        how
    }

    /// The one surname, of those last given to [`WordMemo::index`], that
    /// `word` respells, if exactly one, with its position and how the two
    /// differ: worked out once per word while those surnames stay the same.
    pub(super) fn respells(&mut self, word: &str) -> Option<(usize, Difference)> {
        let generation = self.generation;
        if let Some((made, answer)) = self.facts(word).respells {
            if made == generation {
                return answer;
            }
        }
        let (index, surnames) = match &self.index {
            Some(kept) => (Arc::clone(&kept.index), Arc::clone(&kept.surnames)),
            None => return None,
        };
        let mut candidates: Vec<usize> = self
            .keys(word)
            .iter()
            .flat_map(|&k| index.under(k))
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut answer = None;
        for i in candidates {
            let Some(how) = self.difference(word, &surnames[i]) else {
                continue;
            };
            if answer.is_some() {
                answer = None;
                break;
            }
            answer = Some((i, how));
        }
        self.facts(word).respells = Some((generation, answer));
        answer
    }

    /// The positions in `surnames` by each of their keys: made again only
    /// when the surnames change.
    pub(super) fn index(&mut self, surnames: &[&str]) -> Arc<SurnameIndex> {
        let kept = self.index.as_ref().filter(|kept| {
            kept.surnames.len() == surnames.len()
                && kept.surnames.iter().zip(surnames).all(|(a, b)| **a == **b)
        });
        if let Some(kept) = kept {
            return Arc::clone(&kept.index);
        }
        let mut by_key = Vec::new();
        for (i, s) in surnames.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            by_key.extend(self.keys(s).iter().map(|&key| (key, i)));
        }
        by_key.sort_unstable();
        let index = Arc::new(SurnameIndex(by_key));
        self.generation += 1;
        self.index = Some(KeptIndex {
            surnames: surnames.iter().map(|&s| Box::from(s)).collect(),
            index: Arc::clone(&index),
        });
        index
    }
}

fn keys(word: &str) -> Vec<u64> {
    let mut out = slip_keys(word);
    out.push(name_key(&word.to_lowercase()));
    out.push(name_key(&skeleton(word)));
    out.push(name_key(&without_accents(word).to_lowercase()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_worked_out_once_and_kept_while_asked_about() {
        let mut memo = WordMemo::default();
        memo.start();
        assert_eq!(
            memo.difference("Kellar", "Keller"),
            difference("Kellar", "Keller")
        );
        assert_eq!(*memo.without_accents("Martínez"), *"Martinez");
        memo.finish();
        memo.start();
        // Asked again: kept from the last analysis, with its comparisons.
        memo.keys("Kellar");
        assert_eq!(memo.facts("Kellar").differences.len(), 1);
        // Not asked about in an analysis: gone at its end once the memo
        // holds more than twice the words asked about.
        memo.finish();
        assert_eq!(memo.words.entries.len(), 2);
        memo.start();
        memo.keys("Kellar");
        memo.keys("Okafor");
        memo.finish();
        assert_eq!(memo.words.entries.len(), 3);
        memo.start();
        memo.keys("Okafor");
        memo.finish();
        assert!(memo.words.entries.contains_key("Okafor"));
        assert_eq!(memo.words.entries.len(), 1);
        memo.start();
        memo.finish();
        assert!(memo.words.entries.is_empty());
    }

    #[test]
    fn a_respelling_is_worked_out_once_while_the_surnames_stay_the_same() {
        let mut memo = WordMemo::default();
        memo.start();
        memo.index(&["Keller", "Halvorsen"]);
        assert_eq!(memo.respells("Kellar"), Some((0, Difference::Letters)));
        memo.index(&["Keller", "Halvorsen"]);
        let kept = memo.facts("Kellar").respells.map(|(made, _)| made);
        assert_eq!(kept, Some(memo.generation));
        // Other surnames, or the same in another order: worked out again.
        memo.index(&["Halvorsen", "Keller"]);
        assert_eq!(memo.respells("Kellar"), Some((1, Difference::Letters)));
        // Two surnames it may respell: neither.
        memo.index(&["Keller", "Kellor"]);
        assert_eq!(memo.respells("Kellar"), None);
        assert_eq!(memo.respells("Halvorsen"), None);
    }

    #[test]
    fn the_index_is_made_again_when_the_surnames_change() {
        let mut memo = WordMemo::default();
        let first = memo.index(&["Keller", "Halvorsen"]);
        let same = memo.index(&["Keller", "Halvorsen"]);
        assert!(Arc::ptr_eq(&first, &same));
        let other = memo.index(&["Halvorsen", "Keller"]);
        assert!(!Arc::ptr_eq(&first, &other));
        let key = keys("Keller")[0];
        assert!(other.under(key).all(|i| i == 1));
        assert!(other.under(key).next().is_some());
    }
}
