//! The entries of word lists found at a given place in a text, ASCII case
//! ignored: a hash table of the entries' hashes, one per entry and one per
//! word-prefix of the longer entries.
//!
//! The lists are only looked up at token starts, so an Aho-Corasick
//! automaton's failure links buy nothing there, and building one cost more
//! than half the instructions of a first analysis at 10,000 words. This table
//! is built in a small fraction of that, and a lookup reads the text once,
//! byte by byte, as far as some entry could still match.

use crate::hashing::FastMap;

/// A set of phrases (entries of one or more words, separated by single spaces).
#[derive(Debug, Default)]
pub struct Phrases {
    /// Each phrase, lowercase, by id.
    texts: Vec<Box<str>>,
    /// The hash of each phrase to its id (the first, when two share a hash).
    ids: FastMap<u64, u32>,
    /// The next phrase with the same hash as this one, by id.
    same_hash: Vec<Option<u32>>,
    /// One bit per 16-bit hash prefix of every word-prefix of a longer
    /// phrase ("foreign" and "foreign minister" of "foreign minister of
    /// state"): a lookup reads on past a space only when the words before it
    /// may begin a phrase. A bit set by another hash only reads further; a
    /// phrase is still found only by [`Phrases::id`].
    prefixes: Vec<u64>,
    /// One bit per pair of first two bytes (ASCII-lowercase) of a phrase, and
    /// one per first byte of a phrase of one byte: most words begin no
    /// phrase, and this says so before any byte is hashed.
    openings: Vec<u64>,
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

/// The word and bit of a 64 Kbit filter for a hash.
fn bit(hash: u64) -> (usize, u64) {
    let top = (hash >> 48) as usize;
    (top / 64, 1 << (top % 64))
}

/// The 64 Kbit filters' words.
const FILTER_WORDS: usize = (1 << 16) / 64;

/// The bit of `openings` for a phrase's first byte and the byte after it,
/// ASCII-lowercase; a phrase of one byte has no second byte, and takes the
/// bits past the pairs.
fn opening(first: u8, second: Option<u8>) -> usize {
    let first = usize::from(first.to_ascii_lowercase());
    match second {
        Some(second) => first << 8 | usize::from(second.to_ascii_lowercase()),
        None => (1 << 16) + first,
    }
}

fn set_bit(filter: &mut [u64], bit: usize) {
    filter[bit / 64] |= 1 << (bit % 64);
}

fn has_bit(filter: &[u64], bit: usize) -> bool {
    filter
        .get(bit / 64)
        .is_some_and(|w| w & (1 << (bit % 64)) != 0)
}

impl Phrases {
    /// The phrases in order: a phrase's id is its place in `phrases`.
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Phrases {
        let mut set = Phrases {
            seen: vec![0; FILTER_WORDS],
            prefixes: vec![0; FILTER_WORDS],
            openings: vec![0; (1 << 16) / 64 + 256 / 64],
            ..Phrases::default()
        };
        for phrase in phrases {
            let id = set.texts.len() as u32;
            let text: Box<str> = phrase.to_ascii_lowercase().into();
            let bytes = text.as_bytes();
            for (i, _) in text.match_indices(' ') {
                let prefix = hash(&bytes[..i]);
                let (word, mask) = bit(prefix);
                set.prefixes[word] |= mask;
                set.mark(prefix);
            }
            if let Some(&first) = bytes.first() {
                set_bit(&mut set.openings, opening(first, bytes.get(1).copied()));
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

    /// Whether the words hashed so far may begin a longer phrase.
    fn may_prefix(&self, hash: u64) -> bool {
        let (word, mask) = bit(hash);
        self.prefixes.get(word).is_some_and(|w| w & mask != 0)
    }

    /// Whether some phrase may start at `start` of `bytes`, by its first
    /// two bytes (or its only one).
    fn may_open(&self, bytes: &[u8], start: usize) -> bool {
        let Some(&first) = bytes.get(start) else {
            return false;
        };
        has_bit(&self.openings, opening(first, None))
            || bytes
                .get(start + 1)
                .is_some_and(|&second| has_bit(&self.openings, opening(first, Some(second))))
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
        if !self.may_open(bytes, start) {
            return None;
        }
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
                    && (b != b' ' || !self.may_hold(hash) || !self.may_prefix(hash))
                {
                    return found;
                }
                hash = extend(hash, b);
            }
            at = end;
            // Most words end no phrase: the filter says so before the text is sliced.
            if self.may_hold(hash) {
                if let Some(id) = text.get(start..end).and_then(|s| self.id(hash, s)) {
                    found = Some((end, id));
                }
            }
            // The white space after a word that begins no phrase ends the
            // search before the next end is asked for.
            let stops = bytes.get(at).is_none_or(|&b| {
                b.is_ascii_whitespace()
                    && (b != b' ' || !self.may_hold(hash) || !self.may_prefix(hash))
            });
            if stops {
                return found;
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

    /// The filter of first bytes keeps every phrase: one of one byte, one
    /// whose opening is written in capitals or outside ASCII; and it turns
    /// away words no phrase begins with.
    #[test]
    fn the_opening_filter_keeps_every_phrase() {
        let p = Phrases::new(["I", "Minister", "São Paulo", "é"]);
        let text = "I met the MINISTER in SÃo Paulo, in são Paulo É é";
        let found = |start: usize| p.longest_at(text, start, word_ends(text));
        assert_eq!(found(0), Some((1, 0)));
        assert_eq!(found(10), Some((18, 1)));
        assert_eq!(found(22), None, "only ASCII case is ignored");
        assert_eq!(found(37), Some((47, 2)));
        assert_eq!(found(text.len() - 5), None);
        assert_eq!(found(2), None);
        assert_eq!(found(text.len() - 2), Some((text.len(), 3)));
        assert!(!p.may_open(text.as_bytes(), 2));
        assert!(!p.may_open(text.as_bytes(), text.len()));
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
