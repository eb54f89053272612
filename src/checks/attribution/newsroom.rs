//! A newsroom's own source names (`[words] sources`, "Baltic Wire"): at a
//! word, the longest name that starts there and ends where a word ends, ASCII
//! case aside.
//!
//! The names are kept as hashes of each name and of each of its prefixes, so
//! building is linear in the list (fifty thousand names take milliseconds,
//! where an Aho-Corasick automaton of them took most of a second, and longer
//! for names that share long prefixes), and a lookup walks the text only
//! while some name still fits it. The last list built is kept for the next
//! analysis with the same settings.

use std::sync::{Arc, Mutex};

use crate::hashing::{FastMap, FastSet};

pub(super) struct SourceNames {
    /// Hashes of every prefix of every name (the names included).
    prefixes: FastSet<u64>,
    /// Hashes of whole names, with each name folded to lowercase, to confirm a match.
    names: FastMap<u64, Vec<Box<[u8]>>>,
}

const SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte more of an FNV-1a hash, case folded.
fn step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
}

/// The list last built, with the names it was built from.
static LAST: Mutex<Option<(Vec<String>, Arc<SourceNames>)>> = Mutex::new(None);

impl SourceNames {
    /// The names of a list, built once for as long as the list stays the same.
    pub(super) fn of(list: &[String]) -> Option<Arc<SourceNames>> {
        if list.iter().all(|n| n.is_empty()) {
            return None;
        }
        let mut last = LAST.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((built_from, names)) = last.as_ref().filter(|(from, _)| from == list) {
            debug_assert_eq!(built_from, list);
            return Some(Arc::clone(names));
        }
        let names = Arc::new(SourceNames::new(list));
        *last = Some((list.to_vec(), Arc::clone(&names)));
        Some(names)
    }

    fn new(list: &[String]) -> SourceNames {
        let mut prefixes = FastSet::default();
        let mut names: FastMap<u64, Vec<Box<[u8]>>> = FastMap::default();
        for name in list.iter().filter(|n| !n.is_empty()) {
            let mut hash = SEED;
            for &b in name.as_bytes() {
                crate::work::step();
                hash = step(hash, b);
                prefixes.insert(hash);
            }
            let folded: Box<[u8]> = name.as_bytes().to_ascii_lowercase().into();
            let same = names.entry(hash).or_default();
            if !same.contains(&folded) {
                same.push(folded);
            }
        }
        SourceNames { prefixes, names }
    }

    /// The end of the longest name that starts at byte `start` of `text` and
    /// ends at one of `ends` (byte offsets, in increasing order), not going
    /// past `limit`.
    pub(super) fn longest_at(
        &self,
        text: &str,
        start: usize,
        limit: usize,
        ends: impl IntoIterator<Item = usize>,
    ) -> Option<usize> {
        let bytes = text.as_bytes();
        let limit = limit.min(bytes.len());
        let mut hash = SEED;
        let mut at = start;
        let mut longest = None;
        for end in ends {
            if end > limit {
                break;
            }
            while at < end {
                crate::work::step();
                hash = step(hash, bytes[at]);
                at += 1;
                if !self.prefixes.contains(&hash) {
                    return longest;
                }
            }
            let candidate = &bytes[start..at];
            let named = self
                .names
                .get(&hash)
                .is_some_and(|same| same.iter().any(|name| name.eq_ignore_ascii_case(candidate)));
            if named && at > start {
                longest = Some(at);
            }
        }
        longest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn longest(list: &[&str], text: &str) -> Option<usize> {
        let list: Vec<String> = list.iter().map(|s| s.to_string()).collect();
        let names = SourceNames::new(&list);
        // Word ends: before each space, and the end.
        let ends = text.match_indices(' ').map(|(i, _)| i).chain([text.len()]);
        names.longest_at(text, 0, text.len(), ends)
    }

    #[test]
    fn the_longest_name_ending_at_a_word_end_case_aside() {
        assert_eq!(longest(&["Baltic Wire"], "baltic wire said"), Some(11));
        assert_eq!(
            longest(
                &["Baltic", "Baltic Wire", "Baltic Wire Service"],
                "Baltic Wire said"
            ),
            Some(11)
        );
        // "Baltic Wireless" is not "Baltic Wire".
        assert_eq!(longest(&["Baltic Wire"], "Baltic Wireless said"), None);
        assert_eq!(longest(&["Baltic Wire"], "Baltic said"), None);
        assert_eq!(longest(&["Ärztezeitung"], "ärztezeitung said"), None);
        assert_eq!(longest(&["Ärztezeitung"], "Ärztezeitung said"), Some(13));
    }

    #[test]
    fn building_and_looking_up_cost_steps_in_proportion_to_the_names() {
        let list = |n: usize| -> Vec<String> { (0..n).map(|i| format!("Wire {i}")).collect() };
        let ((), small) = crate::work::count(|| {
            SourceNames::new(&list(5_000));
        });
        let ((), large) = crate::work::count(|| {
            SourceNames::new(&list(20_000));
        });
        assert!(
            large <= 5 * small,
            "{small} steps for 5,000 names, {large} for 20,000"
        );
    }
}
