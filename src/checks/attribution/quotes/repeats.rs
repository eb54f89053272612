//! Quotations whose opening words are quoted elsewhere in the story: a pull
//! quote or crosshead repeating a line attributed in the body, or scare
//! quotes repeating words quoted (with their speaker) before.

use std::hash::Hasher;

use crate::hashing::{FastHasher, FastMap};
use crate::prose::{Prose, Quotation};

/// How many opening words of a quotation must recur in another to count as a repeat.
const REPEAT_WORDS: usize = 4;

/// For each quotation, whether its opening words are quoted elsewhere in the
/// document too: a pull quote or crosshead repeating a line attributed in the
/// body, or scare quotes repeating words quoted (with their speaker) before.
/// The quotation's first [`REPEAT_WORDS`] words (all of them if fewer) are
/// looked up among the runs of words of every other quotation, so the work
/// is linear in the quoted words.
/// Words are compared by a hash of their lowercase form, made in one reused
/// buffer: a string per quoted word was most of this rule's time.
pub(super) fn repeated_quotations(prose: &Prose) -> Vec<bool> {
    let mut lower = String::new();
    let mut words_of = |q: &Quotation| -> Vec<u64> {
        prose
            .slice(q.inner)
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(|w| {
                lower.clear();
                if w.is_ascii() {
                    lower.extend(w.chars().map(|c| c.to_ascii_lowercase()));
                } else {
                    lower.push_str(&w.to_lowercase());
                }
                word_hash(&lower)
            })
            .collect()
    };
    let words: Vec<Vec<u64>> = prose.quotations.iter().map(&mut words_of).collect();
    let articles: Vec<u64> = ["a", "an", "the"].iter().map(|a| word_hash(a)).collect();
    // Each run of up to REPEAT_WORDS words, with the first two quotations that hold it.
    let mut runs: FastMap<&[u64], (usize, Option<usize>)> = FastMap::default();
    for (i, w) in words.iter().enumerate() {
        for start in 0..w.len() {
            for len in 1..=REPEAT_WORDS.min(w.len() - start) {
                let holders = runs.entry(&w[start..start + len]).or_insert((i, None));
                if holders.0 != i && holders.1.is_none() {
                    holders.1 = Some(i);
                }
            }
        }
    }
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            // A crosshead may add an article to the words it repeats: "'A
            // change maker.'" over a body that quotes "change maker".
            let w = match w.split_first() {
                Some((first, rest)) if !rest.is_empty() && articles.contains(first) => rest,
                _ => &w[..],
            };
            let key = &w[..REPEAT_WORDS.min(w.len())];
            !key.is_empty()
                && runs
                    .get(key)
                    .is_some_and(|&(a, b)| a != i || b.is_some_and(|b| b != i))
        })
        .collect()
}

/// A hash of a lowercase word, for comparing quoted words.
fn word_hash(lower: &str) -> u64 {
    let mut hash = FastHasher::default();
    hash.write(lower.as_bytes());
    hash.write_usize(lower.len());
    hash.finish()
}
