//! How a document writes elsewhere the words that open its sentences and
//! clauses (what [`super::super::tagger::document_words`] finds), kept between analyses
//! of one document by block: each block's part depends on its text alone,
//! so an edit costs the blocks it changes, and a question about a word
//! stays a hash look-up.

use std::ops::Range;

use super::super::tagger::features::{opens_clause, CAPITAL_ELSEWHERE, LOWER_ELSEWHERE};
use super::super::tagger::folded_hash;
use crate::hashing::FastMap;
use crate::prose::{Block, Prose, TokenKind};

/// A word as the whole-document scan filters it: its folded hash, its
/// first byte lowercased and its length (up to 63), with the bit it sets
/// when written elsewhere ([`LOWER_ELSEWHERE`] or [`CAPITAL_ELSEWHERE`];
/// 0 for an opener). The bit lies in the room the hash leaves, so a block
/// keeps 16 bytes a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Shape {
    hash: u64,
    first: u8,
    length: u8,
    bit: u8,
}

impl Shape {
    fn of(word: &str, bit: u8) -> Shape {
        Shape {
            hash: folded_hash(word),
            first: word.as_bytes().first().map_or(0, u8::to_ascii_lowercase),
            length: u8::try_from(word.len().min(63)).unwrap_or(63),
            bit,
        }
    }
}

/// One block's distinct openers, and its distinct other words with the bit
/// each sets.
#[derive(Debug)]
struct BlockPart {
    openers: Box<[Shape]>,
    elsewhere: Box<[Shape]>,
}

/// One way a word is written elsewhere, and in how many blocks.
#[derive(Debug)]
struct Variant {
    first: u8,
    length: u8,
    bit: u8,
    blocks: u32,
}

/// The parts of all blocks of the latest analysis, summed.
#[derive(Debug)]
struct Counts {
    /// Openers by folded hash: in how many blocks.
    openers: FastMap<u64, u32>,
    /// Openers by first byte and by length: in how many blocks.
    firsts: Vec<u32>,
    lengths: Vec<u32>,
    elsewhere: FastMap<u64, Vec<Variant>>,
}

impl Default for Counts {
    fn default() -> Self {
        Counts {
            openers: FastMap::default(),
            firsts: vec![0; 256],
            lengths: vec![0; 64],
            elsewhere: FastMap::default(),
        }
    }
}

fn adjust(count: &mut u32, by: i64) {
    *count = u32::try_from((i64::from(*count) + by).max(0)).unwrap_or(u32::MAX);
}

impl Counts {
    /// Counts a block's part `by` more (or fewer) blocks.
    fn add(&mut self, part: &BlockPart, by: i64) {
        for shape in part.openers.iter() {
            let count = self.openers.entry(shape.hash).or_insert(0);
            adjust(count, by);
            if *count == 0 {
                self.openers.remove(&shape.hash);
            }
            adjust(&mut self.firsts[usize::from(shape.first)], by);
            adjust(&mut self.lengths[usize::from(shape.length)], by);
        }
        for &shape in part.elsewhere.iter() {
            let bit = shape.bit;
            let variants = self.elsewhere.entry(shape.hash).or_default();
            match variants
                .iter_mut()
                .find(|v| v.first == shape.first && v.length == shape.length && v.bit == bit)
            {
                Some(v) => adjust(&mut v.blocks, by),
                None if by > 0 => variants.push(Variant {
                    first: shape.first,
                    length: shape.length,
                    bit,
                    blocks: u32::try_from(by).unwrap_or(u32::MAX),
                }),
                None => {}
            }
            variants.retain(|v| v.blocks > 0);
            if variants.is_empty() {
                self.elsewhere.remove(&shape.hash);
            }
        }
    }
}

/// The blocks the words were counted from, and the sums.
#[derive(Debug, Default)]
pub struct VocabularyMemo {
    /// Each block key of the latest analysis (with whether its first token
    /// opens a clause because of the token before the block): how many of
    /// its blocks have that key, and the part of one of them.
    blocks: FastMap<(u64, bool), (u32, BlockPart)>,
    counts: Counts,
}

impl VocabularyMemo {
    /// Counts `prose` again, reading only the blocks the latest analysis
    /// did not have.
    pub fn update(&mut self, prose: &Prose) -> &Self {
        // Taken out while it changes: a panic half-way leaves an empty
        // memo, not a wrong one.
        let VocabularyMemo {
            mut blocks,
            mut counts,
        } = std::mem::take(self);
        let keys: Vec<(u64, bool)> = prose
            .blocks
            .iter()
            .map(|block| (block.key, opens_after_the_block_before(prose, block)))
            .collect();
        let mut now: FastMap<(u64, bool), u32> = FastMap::default();
        for &key in &keys {
            *now.entry(key).or_insert(0) += 1;
        }
        blocks.retain(|key, (kept, part)| {
            let count = now.get(key).copied().unwrap_or(0);
            if count != *kept {
                counts.add(part, i64::from(count) - i64::from(*kept));
                *kept = count;
            }
            count > 0
        });
        for (block, key) in prose.blocks.iter().zip(keys) {
            if blocks.contains_key(&key) {
                continue;
            }
            let part = block_part(prose, block.tokens.clone());
            let count = now.get(&key).copied().unwrap_or(1);
            counts.add(&part, i64::from(count));
            blocks.insert(key, (count, part));
        }
        *self = VocabularyMemo { blocks, counts };
        self
    }

    /// How the document writes a word (by its folded hash) elsewhere, as
    /// [`super::super::tagger::document_words`] answers: the bits of [`LOWER_ELSEWHERE`] and
    /// [`CAPITAL_ELSEWHERE`] for an opener, none for any other word.
    pub fn knows(&self, word: u64) -> u8 {
        let counts = &self.counts;
        if !counts.openers.contains_key(&word) {
            return 0;
        }
        counts.elsewhere.get(&word).map_or(0, |variants| {
            variants
                .iter()
                .filter(|v| {
                    counts.firsts[usize::from(v.first)] > 0
                        && counts.lengths[usize::from(v.length)] > 0
                })
                .fold(0, |bits, v| bits | v.bit)
        })
    }
}

/// Whether a block's first token opens a clause only because of the token
/// before the block (the one question about a block that looks outside it).
fn opens_after_the_block_before(prose: &Prose, block: &Block) -> bool {
    let i = block.tokens.start;
    i > 0 && block.tokens.end > i && !prose.tokens[i].sentence_start && opens_clause(prose, i)
}

/// A block's part, as [`super::super::tagger::document_words`] reads each token.
/// Distinct words are found by sorting, not hashing into sets: a block's
/// words are few, and the parts are counted in any order.
fn block_part(prose: &Prose, tokens: Range<usize>) -> BlockPart {
    let mut openers: Vec<Shape> = Vec::new();
    let mut elsewhere: Vec<Shape> = Vec::with_capacity(tokens.len());
    for i in tokens {
        let t = &prose.tokens[i];
        if t.kind != TokenKind::Word {
            continue;
        }
        let word = prose.slice(t.word);
        if !t.capitalised {
            elsewhere.push(Shape::of(word, LOWER_ELSEWHERE));
        } else if !opens_clause(prose, i) {
            elsewhere.push(Shape::of(word, CAPITAL_ELSEWHERE));
        } else {
            openers.push(Shape::of(word, 0));
        }
    }
    let distinct = |mut shapes: Vec<Shape>| {
        shapes.sort_unstable();
        shapes.dedup();
        shapes.into_boxed_slice()
    };
    BlockPart {
        openers: distinct(openers),
        elsewhere: distinct(elsewhere),
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::tagger::document_words;
    use super::*;
    use crate::document::Language;
    use crate::prose::{parse, BlockCache};

    fn prose(text: &str) -> Prose {
        parse(text, Language::Markdown, &mut BlockCache::default())
    }

    /// Every word of `text` gets the memo's answer and the whole-document
    /// scan's alike.
    fn agrees(memo: &mut VocabularyMemo, text: &str) {
        let prose = prose(text);
        let fresh = document_words(&prose);
        let memo = memo.update(&prose);
        for t in &prose.tokens {
            let word = folded_hash(prose.slice(t.word));
            let expected = fresh.get(&word).copied().unwrap_or(0);
            assert_eq!(
                memo.knows(word),
                expected,
                "{:?} in {text:?}",
                prose.slice(t.word)
            );
        }
    }

    #[test]
    fn the_memo_answers_as_the_whole_document_scan_through_edits() {
        let mut memo = VocabularyMemo::default();
        let versions = [
            "Harbour crews left.\n\nThe harbour shut.\n\nOfficials said: \"Harbour fees rise.\"\n",
            "Harbour crews left.\n\nThe Harbour Board met.\n\nHarbour crews left.\n",
            "Harbour crews left.\n\nHarbour crews left.\n",
            "Crews left the harbour.\n\n- Harbour\n- harbour\n",
            "",
            "Élan grew.\n\nTheir élan grew. The Élan Trust.\n",
        ];
        for text in versions {
            agrees(&mut memo, text);
        }
        let counted = memo.update(&prose(versions[0]));
        let harbour = folded_hash("Harbour");
        assert_eq!(counted.knows(harbour), LOWER_ELSEWHERE);
        assert_eq!(counted.knows(folded_hash("crews")), 0);
    }
}
