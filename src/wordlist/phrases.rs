//! The entries of word lists found at a given place in a text, ASCII case
//! ignored: a hash table of the entries' hashes, one per entry and one per
//! word-prefix of the longer entries.
//!
//! The lists are only looked up at token starts, so an Aho-Corasick
//! automaton's failure links buy nothing there, and building one cost more
//! than half the instructions of a first analysis at 10,000 words. This table
//! is built in a small fraction of that, and a lookup reads the text once,
//! byte by byte, as far as some entry could still match.

use crate::hashing::{FastMap, FastSet};

/// A set of phrases (entries of one or more words, separated by single spaces).
#[derive(Debug, Default)]
pub struct Phrases {
    /// Each phrase, lowercase, by id.
    texts: Vec<Box<str>>,
    /// The hash of each phrase to its id (the first, when two share a hash).
    ids: FastMap<u64, u32>,
    /// The next phrase with the same hash as this one, by id.
    same_hash: Vec<Option<u32>>,
    /// The hashes of every word-prefix of a longer phrase ("foreign" and
    /// "foreign minister" of "foreign minister of state").
    prefixes: FastSet<u64>,
    /// One bit per 16-bit hash prefix of every phrase and word-prefix in
    /// the table: most words of a text are in neither, and this answers so
    /// for a load and a mask instead of a probe of the tables.
    seen: Vec<u64>,
    /// The longest phrase, in bytes.
    longest: usize,
}

const START: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte more of a hash; bytes are read ASCII-lowercase.
fn extend(hash: u64, byte: u8) -> u64 {
    (hash.rotate_left(5) ^ u64::from(byte.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
}

fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(START, |h, &b| extend(h, b))
}

/// The word and bit of `seen` for a hash.
fn bit(hash: u64) -> (usize, u64) {
    let top = (hash >> 48) as usize;
    (top / 64, 1 << (top % 64))
}

impl Phrases {
    /// The phrases in order: a phrase's id is its place in `phrases`.
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Phrases {
        let mut set = Phrases {
            seen: vec![0; (1 << 16) / 64],
            ..Phrases::default()
        };
        for phrase in phrases {
            let id = set.texts.len() as u32;
            let text: Box<str> = phrase.to_ascii_lowercase().into();
            let bytes = text.as_bytes();
            for (i, _) in text.match_indices(' ') {
                let prefix = hash(&bytes[..i]);
                set.prefixes.insert(prefix);
                set.mark(prefix);
            }
            set.longest = set.longest.max(text.len());
            set.mark(hash(bytes));
            let earlier = set.ids.insert(hash(bytes), id);
            set.same_hash.push(earlier);
            set.texts.push(text);
        }
        set
    }

    /// The id of the phrase `text` is, whatever its ASCII case.
    pub fn get(&self, text: &str) -> Option<usize> {
        self.id(hash(text.as_bytes()), text)
    }

    fn mark(&mut self, hash: u64) {
        let (word, mask) = bit(hash);
        self.seen[word] |= mask;
    }

    /// Whether the table may hold a phrase or word-prefix of this hash.
    fn may_hold(&self, hash: u64) -> bool {
        let (word, mask) = bit(hash);
        self.seen.get(word).is_some_and(|w| w & mask != 0)
    }

    fn id(&self, hash: u64, text: &str) -> Option<usize> {
        if !self.may_hold(hash) {
            return None;
        }
        let mut next = self.ids.get(&hash).copied();
        while let Some(id) = next {
            let id = id as usize;
            if self.texts[id].eq_ignore_ascii_case(text) {
                return Some(id);
            }
            next = self.same_hash.get(id).copied().flatten();
        }
        None
    }

    /// The longest phrase that starts at `start` of `text` and ends at one
    /// of `ends` (ascending, each after `start` on a character boundary), as
    /// its end and id. The text is read once, and no further than a phrase
    /// could reach: a space ends the search unless the words before it begin
    /// some phrase, and other white space ends it.
    pub fn longest_at(
        &self,
        text: &str,
        start: usize,
        ends: impl IntoIterator<Item = usize>,
    ) -> Option<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut hash = START;
        let mut at = start;
        let mut found = None;
        for end in ends {
            if end <= at {
                continue;
            }
            if end - start > self.longest || end > bytes.len() {
                break;
            }
            for &b in &bytes[at..end] {
                if b.is_ascii_whitespace()
                    && (b != b' ' || !self.may_hold(hash) || !self.prefixes.contains(&hash))
                {
                    return found;
                }
                hash = extend(hash, b);
            }
            at = end;
            if let Some(id) = text.get(start..end).and_then(|s| self.id(hash, s)) {
                found = Some((end, id));
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases() -> Phrases {
        Phrases::new([
            "Minister",
            "Foreign Minister",
            "foreign minister of state",
            "U.S.",
            "São Paulo",
        ])
    }

    /// The word ends of a text, as a tokeniser would give them.
    fn word_ends(text: &str) -> Vec<usize> {
        let mut ends: Vec<usize> = text
            .char_indices()
            .filter(|&(_, c)| c == ' ' || c == ',')
            .map(|(i, _)| i)
            .collect();
        ends.push(text.len());
        ends
    }

    #[test]
    fn the_longest_phrase_ending_on_a_given_end_whatever_the_case() {
        let p = phrases();
        let text = "FOREIGN MINISTER of State, Minister of Health";
        assert_eq!(p.longest_at(text, 0, word_ends(text)), Some((25, 2)));
        assert_eq!(p.longest_at(text, 8, word_ends(text)), Some((16, 0)));
        assert_eq!(p.longest_at(text, 27, word_ends(text)), Some((35, 0)));
        // An end inside a phrase's word does not make the phrase.
        let text = "Foreign Ministers";
        assert_eq!(p.longest_at(text, 0, word_ends(text)), None);
    }

    #[test]
    fn only_a_single_space_joins_words() {
        let p = phrases();
        for text in [
            "Foreign  Minister",
            "Foreign\nMinister",
            "Foreign\u{a0}Minister",
        ] {
            assert_eq!(p.longest_at(text, 0, word_ends(text)), None, "{text:?}");
        }
    }

    #[test]
    fn exact_lookup_ignores_ascii_case_only() {
        let p = phrases();
        assert_eq!(p.get("u.s."), Some(3));
        assert_eq!(p.get("SÃO PAULO"), None);
        assert_eq!(p.get("são PAULO"), Some(4));
        assert_eq!(p.get("Foreign"), None);
    }

    #[test]
    fn phrases_sharing_a_hash_are_told_apart() {
        let mut p = phrases();
        // Force a collision: a second phrase filed under the first's hash.
        let h = hash(b"minister");
        p.texts.push("envoy".into());
        let earlier = p.ids.insert(h, 5);
        p.same_hash.push(earlier);
        assert_eq!(p.id(h, "Envoy"), Some(5));
        assert_eq!(p.id(h, "minister"), Some(0));
        assert_eq!(p.id(h, "consul"), None);
    }
}
