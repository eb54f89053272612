//! The words a document writes in lowercase, kept between analyses of one
//! document by block: each block's words depend on its text alone, so an
//! edit costs the blocks it changes, and a look-up over the rest of the
//! document stays a hash look-up. Words are kept as 64-bit hashes of their
//! lowercase letters (foldhash's quality hash): a block's list costs eight
//! bytes a word, not a copy of it.

use std::borrow::Cow;
use std::hash::BuildHasher;
use std::ops::Range;
use std::sync::Arc;

use crate::hashing::{FastMap, FastSet};
use crate::prose::{Prose, TokenKind};

/// Each word the text writes in lowercase, lowercased, by [`word_hash`],
/// with the number of blocks that write it so (always one or more).
pub(super) type Lowercase = FastMap<u64, u32>;

/// The distinct words one block writes in lowercase, by [`word_hash`].
type BlockWords = Box<[u64]>;

/// The blocks the words were counted from, and the count.
#[derive(Debug, Default)]
pub struct LowercaseMemo {
    /// Each block key of the latest analysis: how many of its blocks have
    /// that key, and the distinct words one of them writes in lowercase.
    blocks: FastMap<u64, (u32, BlockWords)>,
    words: Arc<Lowercase>,
}

impl LowercaseMemo {
    /// The words `prose` writes in lowercase, counting again only the
    /// blocks whose key the latest analysis did not have.
    pub(super) fn update(&mut self, prose: &Prose) -> Arc<Lowercase> {
        // Taken out while it changes: a panic half-way leaves an empty
        // memo, not a wrong one.
        let mut blocks = std::mem::take(&mut self.blocks);
        let mut words = std::mem::take(&mut self.words);
        let counts = Arc::make_mut(&mut words);
        // Sized once: growing it block by block rehashes it many times.
        let mut now: FastMap<u64, u32> =
            FastMap::with_capacity_and_hasher(prose.blocks.len(), Default::default());
        for block in &prose.blocks {
            *now.entry(block.key).or_insert(0) += 1;
        }
        blocks.retain(|key, (kept, list)| {
            let count = now.get(key).copied().unwrap_or(0);
            if count != *kept {
                for &word in list.iter() {
                    add(counts, word, i64::from(count) - i64::from(*kept));
                }
                *kept = count;
            }
            count > 0
        });
        for block in &prose.blocks {
            if blocks.contains_key(&block.key) {
                continue;
            }
            let list = block_words(prose, block.tokens.clone());
            let count = now.get(&block.key).copied().unwrap_or(1);
            for &word in list.iter() {
                add(counts, word, i64::from(count));
            }
            blocks.insert(block.key, (count, list));
        }
        self.blocks = blocks;
        self.words = Arc::clone(&words);
        words
    }
}

/// Counts a word `by` more (or fewer) blocks; a word no block writes goes.
fn add(counts: &mut Lowercase, word: u64, by: i64) {
    let count = counts.get(&word).copied().unwrap_or(0);
    let updated = u32::try_from((i64::from(count) + by).max(0)).unwrap_or(u32::MAX);
    match (count, updated) {
        (_, 0) => {
            counts.remove(&word);
        }
        (0, n) => {
            counts.insert(word, n);
        }
        (_, n) => {
            if let Some(c) = counts.get_mut(&word) {
                *c = n;
            }
        }
    }
}

/// The distinct words a block's tokens write in lowercase, lowercased.
fn block_words(prose: &Prose, tokens: Range<usize>) -> BlockWords {
    let mut seen: FastSet<Cow<'_, str>> = FastSet::default();
    for t in &prose.tokens[tokens] {
        if t.capitalised || t.kind != TokenKind::Word {
            continue;
        }
        let word = prose.slice(t.word);
        seen.insert(if word.chars().any(char::is_uppercase) {
            Cow::Owned(word.to_lowercase())
        } else {
            Cow::Borrowed(word)
        });
    }
    seen.iter().map(|w| word_hash(w)).collect()
}

/// The hash a lowercase word is kept and looked up by: foldhash's quality
/// hash, fixed-seeded, spreads words as well as SipHash at a fraction of
/// the cost (it is asked for every title word, each analysis).
pub(super) fn word_hash(word: &str) -> u64 {
    const WORDS: foldhash::quality::FixedState = foldhash::quality::FixedState::with_seed(0);
    WORDS.hash_one(word)
}

/// A word lowercased, borrowed where lowercasing leaves it as it is (most
/// words): the same as `str::to_lowercase`, without the copy.
pub(super) fn lowered(word: &str) -> Cow<'_, str> {
    let unchanged = word.chars().all(|c| {
        let mut lower = c.to_lowercase();
        lower.next() == Some(c) && lower.next().is_none()
    });
    if unchanged {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Language;
    use crate::prose::{parse, BlockCache};

    fn prose(text: &str) -> Prose {
        parse(text, Language::Markdown, &mut BlockCache::default())
    }

    #[test]
    fn words_follow_the_blocks_that_come_and_go() {
        let mut memo = LowercaseMemo::default();
        let first = memo.update(&prose("The ferry ran.\n\nThe ferry ran.\n\nA quay.\n"));
        assert_eq!(first.get(&word_hash("ferry")), Some(&2));
        assert_eq!(first.get(&word_hash("quay")), Some(&1));
        assert!(!first.contains_key(&word_hash("the")));
        let second = memo.update(&prose("The ferry ran.\n\nThe boat ran.\n"));
        assert_eq!(second.get(&word_hash("ferry")), Some(&1));
        assert_eq!(second.get(&word_hash("ran")), Some(&2));
        assert_eq!(second.get(&word_hash("boat")), Some(&1));
        assert!(!second.contains_key(&word_hash("quay")));
        let made = LowercaseMemo::default().update(&prose("The ferry ran.\n\nThe boat ran.\n"));
        assert_eq!(*second, *made);
    }

    #[test]
    fn a_word_is_lowered_as_to_lowercase_lowers_it() {
        for word in [
            "ferry",
            "Ferry",
            "ǅemal",
            "ΣΟΦΙΑ",
            "Straße",
            "İstanbul",
            "12",
            "",
        ] {
            assert_eq!(lowered(word), word.to_lowercase());
        }
        assert!(matches!(lowered("ferry"), Cow::Borrowed(_)));
    }
}
