//! The capitalised words of the text, for `name-variant`: how often each is
//! written, and how often outside quotations. Its two searches for
//! respellings then look each word up once, not once per use.
//!
//! A block's capitalised words depend on its text alone, so they are kept
//! between analyses of one document by block key ([`CapitalisedMemo`]), and
//! the document's counts are brought up to date with the blocks that came
//! and went: an edit costs the blocks it changes. Where each word is written
//! is asked only of the few words a search flags ([`Capitalised::uses`]).

use std::sync::Arc;

use crate::hashing::{FastHasher, FastMap, FastSet};
use crate::prose::{Prose, TokenKind};

/// A capitalised word: every use counted, and the uses outside quotations.
pub(super) struct Word<'a> {
    pub(super) text: &'a str,
    pub(super) count: usize,
    pub(super) outside: usize,
}

/// One block's capitalised words, in the order they first come.
type BlockWords = Box<[BlockWord]>;

/// A capitalised word of a block: the word and its hash ([`word_hash`]),
/// how often the block writes it, and its uses outside quotations as token
/// indices within the block.
#[derive(Clone, Debug)]
struct BlockWord {
    text: Arc<str>,
    hash: u64,
    count: u32,
    outside: Box<[u32]>,
}

/// One of 1,024 bits, from a hash's top bits (the best mixed).
fn bit_of(hash: u64) -> usize {
    (hash >> 54) as usize
}

/// A word's hash, by which [`Capitalised::uses`] passes over the words it
/// was not asked about without reading them.
fn word_hash(word: &str) -> u64 {
    std::hash::BuildHasher::hash_one(
        &std::hash::BuildHasherDefault::<FastHasher>::default(),
        word,
    )
}

/// How often the document writes a word: in all, and outside quotations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Totals {
    count: u64,
    outside: u64,
}

/// Each block key of the latest analysis with how many of its blocks have
/// that key and their capitalised words; and the document's totals.
#[derive(Debug, Default)]
pub struct CapitalisedMemo {
    blocks: Arc<FastMap<u64, (u32, BlockWords)>>,
    /// Shared with the latest [`Capitalised`], which reads them in place.
    totals: Arc<FastMap<Arc<str>, Totals>>,
}

impl CapitalisedMemo {
    /// The capitalised words of `prose`, reading again only the blocks whose
    /// key the latest analysis did not have.
    fn update(&mut self, prose: &Prose) -> Capitalised {
        // Taken out while they change: a panic half-way leaves an empty
        // memo, not a wrong one.
        let mut kept = std::mem::take(&mut self.blocks);
        let mut shared_totals = std::mem::take(&mut self.totals);
        let totals = Arc::make_mut(&mut shared_totals);
        let blocks = Arc::make_mut(&mut kept);
        // Sized once: growing it block by block rehashes it many times.
        let mut now: FastMap<u64, u32> =
            FastMap::with_capacity_and_hasher(prose.blocks.len(), Default::default());
        for block in &prose.blocks {
            *now.entry(block.key).or_insert(0) += 1;
        }
        blocks.retain(|key, (had, words)| {
            let count = now.get(key).copied().unwrap_or(0);
            if count != *had {
                add(totals, words, i64::from(count) - i64::from(*had));
                *had = count;
            }
            count > 0
        });
        for block in &prose.blocks {
            if blocks.contains_key(&block.key) {
                continue;
            }
            let words = block_words(prose, block.tokens.clone());
            let count = now.get(&block.key).copied().unwrap_or(1);
            add(totals, &words, i64::from(count));
            blocks.insert(block.key, (count, words));
        }
        self.totals = Arc::clone(&shared_totals);
        self.blocks = Arc::clone(&kept);
        Capitalised {
            totals: shared_totals,
            blocks: kept,
        }
    }
}

/// Counts a block's words `by` more (or fewer) blocks; a word no block
/// writes goes.
fn add(totals: &mut FastMap<Arc<str>, Totals>, words: &BlockWords, by: i64) {
    for BlockWord {
        text,
        count,
        outside,
        ..
    } in words.iter()
    {
        let change = |n: u64, per_block: usize| {
            let per_block = i64::try_from(per_block).unwrap_or(i64::MAX);
            let n = i64::try_from(n).unwrap_or(i64::MAX);
            u64::try_from(n.saturating_add(per_block.saturating_mul(by))).unwrap_or(0)
        };
        let total = totals.get(text).copied().unwrap_or_default();
        let updated = Totals {
            count: change(total.count, *count as usize),
            outside: change(total.outside, outside.len()),
        };
        if updated.count == 0 {
            totals.remove(text);
        } else {
            totals.insert(Arc::clone(text), updated);
        }
    }
}

/// The capitalised words of a block's tokens, in the order they first come.
fn block_words(prose: &Prose, tokens: std::ops::Range<usize>) -> BlockWords {
    let mut words: Vec<(Arc<str>, u32, Vec<u32>)> = Vec::new();
    let mut by_text: FastMap<&str, usize> = FastMap::default();
    for (t, token) in prose.tokens[tokens].iter().enumerate() {
        if token.kind != TokenKind::Word || !token.capitalised {
            continue;
        }
        let text = prose.slice(token.word);
        let w = *by_text.entry(text).or_insert_with(|| {
            words.push((Arc::from(text), 0, Vec::new()));
            words.len() - 1
        });
        let word = &mut words[w];
        word.1 += 1;
        if !token.in_quote {
            word.2.push(u32::try_from(t).unwrap_or(u32::MAX));
        }
    }
    words
        .into_iter()
        .map(|(text, count, outside)| BlockWord {
            hash: word_hash(&text),
            text,
            count,
            outside: outside.into_boxed_slice(),
        })
        .collect()
}

/// Every capitalised word of the text.
pub(super) struct Capitalised {
    totals: Arc<FastMap<Arc<str>, Totals>>,
    blocks: Arc<FastMap<u64, (u32, BlockWords)>>,
}

impl Capitalised {
    /// The capitalised words of the text, counted again only in the blocks
    /// the memo has not seen, where the rules keep one.
    pub(super) fn of(ctx: &crate::checks::Context<'_>) -> Self {
        match ctx.memo {
            Some(memo) => memo.capitalised.borrow_mut().update(ctx.prose),
            None => CapitalisedMemo::default().update(ctx.prose),
        }
    }

    /// Every word, in no particular order.
    fn words(&self) -> impl Iterator<Item = Word<'_>> {
        self.totals.iter().map(|(text, t)| Word {
            text,
            count: usize::try_from(t.count).unwrap_or(usize::MAX),
            outside: usize::try_from(t.outside).unwrap_or(usize::MAX),
        })
    }

    /// The words written outside quotations, in no particular order.
    pub(super) fn outside_quotes(&self) -> impl Iterator<Item = Word<'_>> {
        self.words().filter(|w| w.outside > 0)
    }

    /// `word`, if the text writes it outside quotations.
    pub(super) fn written_outside(&self, word: &str) -> Option<&str> {
        self.totals
            .get_key_value(word)
            .filter(|(_, t)| t.outside > 0)
            .map(|(text, _)| &**text)
    }

    /// Where each of `words` is written outside quotations, as token
    /// indices in text order: one pass over the blocks, asked only for the
    /// words a search flags.
    pub(super) fn uses<'w>(
        &self,
        prose: &Prose,
        words: &FastSet<&'w str>,
    ) -> FastMap<&'w str, Vec<usize>> {
        let mut out: FastMap<&'w str, Vec<usize>> = FastMap::default();
        if words.is_empty() {
            return out;
        }
        // A word is passed over by a bit of its hash, kept with it, unless
        // a word asked about sets the same bit.
        let mut asked = [0u64; 16];
        for word in words {
            let bit = bit_of(word_hash(word));
            asked[bit / 64] |= 1 << (bit % 64);
        }
        for block in &prose.blocks {
            let Some((_, list)) = self.blocks.get(&block.key) else {
                continue;
            };
            for BlockWord {
                text,
                hash,
                outside,
                ..
            } in list.iter()
            {
                let bit = bit_of(*hash);
                if asked[bit / 64] & (1 << (bit % 64)) == 0 {
                    continue;
                }
                let Some(&word) = words.get(&**text) else {
                    continue;
                };
                out.entry(word)
                    .or_default()
                    .extend(outside.iter().map(|&t| block.tokens.start + t as usize));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Language;

    /// Every word with its counts and its uses, in a fixed order.
    fn listed(prose: &Prose, found: &Capitalised) -> Vec<(String, usize, usize, Vec<usize>)> {
        let texts: FastSet<&str> = found.words().map(|w| w.text).collect();
        let uses = found.uses(prose, &texts);
        let mut out: Vec<_> = found
            .words()
            .map(|w| {
                let at = uses.get(w.text).cloned().unwrap_or_default();
                (w.text.to_string(), w.count, w.outside, at)
            })
            .collect();
        out.sort();
        out
    }

    /// Kept counts equal a fresh count as paragraphs come, go, change and
    /// repeat (a paragraph written twice counts twice), and quotations
    /// count a use but not one outside them.
    #[test]
    fn kept_counts_equal_a_fresh_count() {
        let keller = "Anna Keller met Keller in Tallinn.\n\n";
        let quoted = "\"Keller is late,\" Marek said.\n\n";
        let versions = [
            format!("{keller}{quoted}"),
            format!("{keller}{quoted}{quoted}"),
            format!("{quoted}{keller}{keller}{quoted}"),
            format!("{keller}Kellar said so.\n\n"),
            String::new(),
            format!("{keller}{quoted}"),
        ];
        let mut memo = CapitalisedMemo::default();
        let mut blocks = Default::default();
        for text in &versions {
            let prose = crate::prose::parse(text, Language::Markdown, &mut blocks);
            let kept = memo.update(&prose);
            let fresh = CapitalisedMemo::default().update(&prose);
            assert_eq!(listed(&prose, &kept), listed(&prose, &fresh), "{text}");
        }
        let prose = crate::prose::parse(&versions[2], Language::Markdown, &mut blocks);
        let found = memo.update(&prose);
        let keller = found.words().find(|w| w.text == "Keller");
        assert_eq!(keller.map(|w| (w.count, w.outside)), Some((6, 4)));
    }
}
