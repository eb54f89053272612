//! Quotations whose opening words are quoted elsewhere in the story: a pull
//! quote or crosshead repeating a line attributed in the body, or scare
//! quotes repeating words quoted (with their speaker) before.
//!
//! Every run of up to [`REPEAT_WORDS`] words of every quotation is counted:
//! how many quotations hold it. A quotation repeats another when the run of
//! its opening words is held by two quotations or more (itself and another).
//! A block's runs depend on its text alone, so they are made once per block,
//! and the counts are kept between analyses and brought up to date with the
//! blocks that came and went: an edit costs its blocks, not the story's
//! quoted words.

use std::hash::Hasher;
use std::sync::Arc;

use crate::hashing::{FastHasher, FastMap};
use crate::prose::{BlockMemo, Prose};

/// How many opening words of a quotation must recur in another to count as a repeat.
const REPEAT_WORDS: usize = 4;

/// One quotation's runs of words, each a hash of its words' hashes.
#[derive(Debug)]
struct QuotationRuns {
    /// Every run of up to [`REPEAT_WORDS`] words, each once.
    runs: Vec<u64>,
    /// The run of its opening words, past a leading article; none if it has no words.
    opening: Option<u64>,
}

/// The runs of the quotations of one block, in order.
type BlockRuns = Vec<QuotationRuns>;

/// What the rule keeps between analyses: each block's runs, and how many
/// quotations hold each run over the blocks of the last analysis.
#[derive(Debug, Default)]
pub struct RepeatsMemo {
    blocks: BlockMemo<BlockRuns>,
    /// How many quotations of the counted blocks hold each run.
    holders: FastMap<u64, u32>,
    /// The blocks counted, by key, each with how many times it stands in the
    /// text and its runs.
    counted: FastMap<u64, (u32, Arc<BlockRuns>)>,
}

/// For each quotation of the document, whether its opening words are quoted
/// elsewhere in the document too.
pub(super) fn repeated_quotations(prose: &Prose, memo: &mut RepeatsMemo) -> Vec<bool> {
    // Taken out while they change: a panic half-way leaves them empty, to be
    // counted again, rather than wrong.
    let mut holders = std::mem::take(&mut memo.holders);
    let mut counted = std::mem::take(&mut memo.counted);
    let mut now: FastMap<u64, (u32, Arc<BlockRuns>)> = FastMap::default();
    let mut in_order = Vec::new();
    let mut lower = String::new();
    let mut words = Vec::new();
    for block in prose.blocks.iter().filter(|b| !b.quotations.is_empty()) {
        let runs = memo.blocks.get_or_make(block.key, || {
            prose.quotations[block.quotations.clone()]
                .iter()
                .map(|q| quotation_runs(prose.slice(q.inner), &mut lower, &mut words))
                .collect()
        });
        now.entry(block.key)
            .or_insert_with(|| (0, Arc::clone(&runs)))
            .0 += 1;
        in_order.push(runs);
    }
    memo.blocks.finish();
    // Blocks that went, or stand fewer times, give up their counts; blocks
    // that came, or stand more times, add theirs.
    for (key, (times, runs)) in &counted {
        let left = now.get(key).map_or(0, |(n, _)| *n);
        if left < *times {
            count(&mut holders, runs, -i64::from(times - left));
        }
    }
    for (key, (times, runs)) in &now {
        let before = counted.get(key).map_or(0, |(n, _)| *n);
        if *times > before {
            count(&mut holders, runs, i64::from(times - before));
        }
    }
    counted.clear();
    counted.extend(now);
    let repeated = in_order
        .iter()
        .flat_map(|runs| runs.iter())
        .map(|q| {
            q.opening
                .is_some_and(|run| holders.get(&run).is_some_and(|&n| n >= 2))
        })
        .collect();
    memo.holders = holders;
    memo.counted = counted;
    repeated
}

/// Adds `times` to the count of every run of `runs` (or takes it away).
fn count(holders: &mut FastMap<u64, u32>, runs: &BlockRuns, times: i64) {
    for run in runs.iter().flat_map(|q| q.runs.iter()) {
        let n = holders.entry(*run).or_insert(0);
        let updated = (i64::from(*n) + times).max(0);
        *n = u32::try_from(updated).unwrap_or(u32::MAX);
        if *n == 0 {
            holders.remove(run);
        }
    }
}

/// The runs of a quotation's words. Words are compared by a hash of their
/// lowercase form: an ASCII word is hashed byte by byte as it stands, and only
/// a word outside ASCII is lowercased into the reused buffer first (a string
/// per quoted word was once most of this rule's time). `words` is a buffer
/// for the word hashes, reused from one quotation to the next.
fn quotation_runs(inner: &str, lower: &mut String, words: &mut Vec<u64>) -> QuotationRuns {
    words.clear();
    words.extend(inner.split_whitespace().filter_map(|w| {
        if w.is_ascii() {
            let bytes = w.as_bytes();
            let start = bytes.iter().position(u8::is_ascii_alphanumeric)?;
            let end = bytes.iter().rposition(u8::is_ascii_alphanumeric)? + 1;
            return Some(word_hash(&bytes[start..end]));
        }
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            return None;
        }
        lower.clear();
        lower.push_str(&w.to_lowercase());
        Some(word_hash(lower.as_bytes()))
    }));
    let words = &words[..];
    let mut runs = Vec::with_capacity(words.len() * REPEAT_WORDS);
    for start in 0..words.len() {
        // Each run extends the one before it by a word.
        let mut hash = FastHasher::default();
        for (len, &word) in words[start..].iter().take(REPEAT_WORDS).enumerate() {
            hash.write_u64(word);
            let mut run = hash.clone();
            run.write_usize(len + 1);
            runs.push(run.finish());
        }
    }
    // Each run once: a quotation that says a word twice holds it once.
    runs.sort_unstable();
    runs.dedup();
    // A crosshead may add an article to the words it repeats: "'A change
    // maker.'" over a body that quotes "change maker".
    let articles = [b"a".as_slice(), b"an", b"the"].map(word_hash);
    let opening = match words.split_first() {
        Some((first, rest)) if !rest.is_empty() && articles.contains(first) => rest,
        _ => words,
    };
    QuotationRuns {
        runs,
        opening: (!opening.is_empty())
            .then(|| run_hash(&opening[..REPEAT_WORDS.min(opening.len())])),
    }
}

/// The hash of a word, ASCII-lowercased as it is read (the bytes of a word
/// outside ASCII are lowercased already).
fn word_hash(word: &[u8]) -> u64 {
    let hash = word.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
    });
    let mut hasher = FastHasher::default();
    hasher.write_u64(hash);
    hasher.write_usize(word.len());
    hasher.finish()
}

/// A run's hash: its words' hashes and its length, so that runs of
/// different lengths differ.
fn run_hash(words: &[u64]) -> u64 {
    let mut hash = FastHasher::default();
    for &word in words {
        hash.write_u64(word);
    }
    hash.write_usize(words.len());
    hash.finish()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::document::Language;

    /// Paragraphs of quotations, some repeating words of others.
    const PARAGRAPHS: [&str; 8] = [
        "\"We will rebuild the pier,\" the mayor said.",
        "> \"Rebuild the pier\"",
        "The board called it \"a change maker\" on Friday.",
        "\"A change maker.\"",
        "\"The tide waits for no one,\" she said, \"and nor do we.\"",
        "Some called the plan \"a change of heart\" at best.",
        "\"We will\"",
        "The ferry ran late.",
    ];

    /// The words of a quotation, lowercase, as the rule compares them.
    fn words(inner: &str) -> Vec<String> {
        inner
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    }

    /// Whether each quotation's opening words (past an article) stand as a
    /// run in another quotation, by comparing every pair.
    fn by_every_pair(prose: &Prose) -> Vec<bool> {
        let all: Vec<Vec<String>> = prose
            .quotations
            .iter()
            .map(|q| words(prose.slice(q.inner)))
            .collect();
        all.iter()
            .enumerate()
            .map(|(i, w)| {
                let w = match w.split_first() {
                    Some((first, rest))
                        if !rest.is_empty() && ["a", "an", "the"].contains(&first.as_str()) =>
                    {
                        rest
                    }
                    _ => &w[..],
                };
                let key = &w[..REPEAT_WORDS.min(w.len())];
                !key.is_empty()
                    && all
                        .iter()
                        .enumerate()
                        .any(|(j, other)| j != i && other.windows(key.len()).any(|run| run == key))
            })
            .collect()
    }

    proptest! {
        /// Kept counts brought up to date after each version of a story
        /// give what comparing every pair of quotations gives.
        #[test]
        fn kept_counts_find_what_comparing_every_pair_finds(
            versions in proptest::collection::vec(
                proptest::collection::vec(0..PARAGRAPHS.len(), 0..10),
                1..6,
            ),
        ) {
            let mut memo = RepeatsMemo::default();
            for paragraphs in versions {
                let text = paragraphs
                    .iter()
                    .map(|&p| PARAGRAPHS[p])
                    .collect::<Vec<_>>()
                    .join("\n\n");
                let prose = crate::prose::parse(&text, Language::Markdown, &mut Default::default());
                prop_assert_eq!(repeated_quotations(&prose, &mut memo), by_every_pair(&prose), "{}", text);
            }
        }
    }
}
