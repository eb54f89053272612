//! The prose model every rule reads: blocks (paragraphs, headings, list items,
//! table cells), sentences, quotations and word tokens, all as byte spans into
//! the document.
//!
//! Markdown is reduced to a *prose text* first: a copy of the document, byte for
//! byte the same length, with everything that is not prose (code, URLs, HTML,
//! front matter, markup) blanked to spaces. Rules match on that text, so their
//! offsets are document offsets with no mapping.
//!
//! Sentences, quotations and tokens depend only on the text of their block, so
//! they are cached per block ([`BlockMemo`], keyed by [`Block::key`]); an edit
//! re-splits only the blocks it touched. Later layers memoise their own
//! per-block work the same way.

mod markdown;
mod plaintext;
mod quotes;
mod sentences;
mod tokens;

use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use crate::document::Language;
use crate::hashing::FastMap;
use crate::span::Span;

use tokens::LocalToken;
pub use tokens::{Token, TokenKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// A headline or section head: a Markdown heading, or a block shaped like
    /// one (see [`mark_headings`]).
    Heading,
    Paragraph,
    ListItem,
    TableCell,
}

/// A unit of prose: sentences never cross a block boundary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
    /// A hash of the block's kind and text: equal keys, equal per-block results.
    pub key: u64,
    /// Indices into [`Prose::tokens`].
    pub tokens: Range<usize>,
    /// Indices into [`Prose::sentences`].
    pub sentences: Range<usize>,
    /// Indices into [`Prose::quotations`].
    pub quotations: Range<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub block: usize,
    /// Indices into [`Prose::tokens`].
    pub tokens: Range<usize>,
}

/// A direct quotation: from its opening mark to its closing mark, or to the end
/// of its block when the news convention leaves a running quotation open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    pub span: Span,
    /// The quoted words, without the marks.
    pub inner: Span,
    pub block: usize,
    /// False when the block ends before the closing mark.
    pub closed: bool,
    /// Opens a block that carries on the previous block's unclosed quotation.
    pub continues: bool,
    /// Sits inside another quotation (single quotes within double, or the reverse).
    pub nested: bool,
}

/// The prose of one document.
#[derive(Clone, Debug, Default)]
pub struct Prose {
    /// The document text with non-prose blanked; same length as the document.
    pub text: String,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub quotations: Vec<Quotation>,
    pub tokens: Vec<Token>,
    /// Where HTML comments may be: Markdown's HTML (not code), or, in plain
    /// text, lines that hold nothing but a comment. Suppression comments live here.
    pub comment_regions: Vec<Span>,
    /// Markdown links, in order: their text is a pointer to another page
    /// ("Read more: [Mayor Wu says …](url)"), not the article's own words.
    pub links: Vec<Span>,
}

impl Prose {
    /// The text of a span of the prose text.
    pub fn slice(&self, span: Span) -> &str {
        span.of(&self.text)
    }

    /// The index of the sentence containing `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// The index of the block containing `offset`.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.span.end <= offset);
        (i < self.blocks.len() && self.blocks[i].span.start <= offset).then_some(i)
    }

    /// The index of the token containing `offset`.
    pub fn token_at(&self, offset: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.span.end <= offset);
        (i < self.tokens.len() && self.tokens[i].span.start <= offset).then_some(i)
    }

    pub fn sentence_tokens(&self, sentence: usize) -> &[Token] {
        self.sentences
            .get(sentence)
            .map_or(&[], |s| &self.tokens[s.tokens.clone()])
    }

    /// The top-level quotation (not nested) whose span contains `offset`.
    pub fn quotation_at(&self, offset: usize) -> Option<&Quotation> {
        let i = self.quotations.partition_point(|q| q.span.end <= offset);
        self.quotations[i..]
            .iter()
            .take_while(|q| q.span.start <= offset)
            .find(|q| !q.nested && q.span.contains(offset))
    }

    pub fn in_quotation(&self, offset: usize) -> bool {
        self.quotation_at(offset).is_some()
    }
}

/// A block before splitting: its kind and span, from the Markdown or plain-text reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawBlock {
    pub kind: BlockKind,
    pub span: Span,
}

/// What the per-block passes find, in offsets relative to the block start.
#[derive(Debug)]
pub struct BlockProse {
    sentences: Box<[Span]>,
    quotations: Box<[quotes::LocalQuote]>,
    tokens: Vec<LocalToken>,
    /// For each sentence, the range of its tokens in `tokens`.
    sentence_tokens: Vec<Range<usize>>,
}

impl BlockProse {
    fn analyse(text: &str) -> BlockProse {
        let sentences = sentences::split(text);
        let quotations = quotes::find(text);
        let mut tokens = tokens::tokenize(text);
        let mut sentence_tokens = Vec::with_capacity(sentences.len());
        let mut next = 0;
        for sentence in &sentences {
            while next < tokens.len() && tokens[next].span.start < sentence.start {
                next += 1;
            }
            let first = next;
            while next < tokens.len() && tokens[next].span.end <= sentence.end {
                next += 1;
            }
            if let Some(t) = tokens[first..next]
                .iter_mut()
                .find(|t| t.kind != TokenKind::Punct)
            {
                t.sentence_start = true;
            }
            sentence_tokens.push(first..next);
        }
        for q in quotations.iter().filter(|q| !q.nested) {
            let start = tokens.partition_point(|t| t.span.start < q.inner.start);
            for t in tokens[start..]
                .iter_mut()
                .take_while(|t| t.span.end <= q.inner.end)
            {
                t.in_quote = true;
            }
        }
        // Kept between analyses: at their length, not the room they grew.
        BlockProse {
            sentences: sentences.into_boxed_slice(),
            quotations: quotations.into_boxed_slice(),
            tokens: tokens.iter().map(LocalToken::of).collect(),
            sentence_tokens,
        }
    }
}

/// Per-block results of the last analysis, keyed by [`Block::key`]. Only the
/// blocks of the latest analysis are kept: [`BlockMemo::get_or_make`] records
/// each block used, and [`BlockMemo::finish`] drops the rest.
#[derive(Debug)]
pub struct BlockMemo<T> {
    entries: FastMap<u64, Arc<T>>,
    used: FastMap<u64, Arc<T>>,
}

impl<T> Default for BlockMemo<T> {
    fn default() -> Self {
        BlockMemo {
            entries: FastMap::default(),
            used: FastMap::default(),
        }
    }
}

impl<T> BlockMemo<T> {
    pub fn get_or_make(&mut self, key: u64, make: impl FnOnce() -> T) -> Arc<T> {
        match self.reuse(key, |_| true) {
            Some(value) => value,
            None => self.insert(key, make()),
        }
    }

    /// The value kept for `key`, if `valid` accepts it; it is kept on.
    pub fn reuse(&mut self, key: u64, valid: impl FnOnce(&T) -> bool) -> Option<Arc<T>> {
        let value = self
            .used
            .get(&key)
            .or_else(|| self.entries.get(&key))
            .filter(|v| valid(v))
            .cloned()?;
        self.used.insert(key, Arc::clone(&value));
        Some(value)
    }

    pub fn insert(&mut self, key: u64, value: T) -> Arc<T> {
        let value = Arc::new(value);
        self.used.insert(key, Arc::clone(&value));
        value
    }

    /// Ends an analysis: keeps the blocks it used, and only those.
    pub fn finish(&mut self) {
        self.entries = std::mem::take(&mut self.used);
        self.used.reserve(self.entries.len());
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The prose layer's memo: each block's sentences, quotations and tokens.
pub type BlockCache = BlockMemo<BlockProse>;

fn block_key(kind: BlockKind, text: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    kind.hash(&mut h);
    text.hash(&mut h);
    h.finish()
}

/// Reads the sentence splitter's lists now (see [`crate::analysis::warm_up`]).
pub(crate) fn warm_up() {
    sentences::warm_up();
}

/// Builds the prose model of a document, reusing cached blocks.
pub fn parse(text: &str, language: Language, cache: &mut BlockCache) -> Prose {
    let (prose_text, mut raw_blocks, comment_regions, links) = match language {
        Language::Markdown => markdown::read(text),
        Language::PlainText => plaintext::read(text),
    };
    mark_headings(&mut raw_blocks, &prose_text);
    let locals: Vec<(RawBlock, u64, Arc<BlockProse>)> = raw_blocks
        .into_iter()
        .map(|raw| {
            let block_text = raw.span.of(&prose_text);
            let key = block_key(raw.kind, block_text);
            let local = cache.get_or_make(key, || BlockProse::analyse(block_text));
            (raw, key, local)
        })
        .collect();
    cache.finish();
    // Sized once: growing the token list block by block copies it many times.
    let count = |f: fn(&BlockProse) -> usize| locals.iter().map(|(_, _, l)| f(l)).sum::<usize>();
    let mut prose = Prose {
        text: prose_text,
        comment_regions,
        links,
        blocks: Vec::with_capacity(locals.len()),
        sentences: Vec::with_capacity(count(|l| l.sentences.len())),
        quotations: Vec::with_capacity(count(|l| l.quotations.len())),
        tokens: Vec::with_capacity(count(|l| l.tokens.len())),
    };
    let mut previous_open = false;
    for (raw, key, local) in &locals {
        previous_open = push_block(&mut prose, *raw, *key, local, previous_open);
    }
    prose
}

/// Appends one block's local results, shifted to document offsets. Returns
/// whether the block ends inside an unclosed quotation.
fn push_block(
    prose: &mut Prose,
    raw: RawBlock,
    key: u64,
    local: &BlockProse,
    previous_open: bool,
) -> bool {
    let base = raw.span.start;
    let block = prose.blocks.len();
    let first_sentence = prose.sentences.len();
    let first_quote = prose.quotations.len();
    let first_token = prose.tokens.len();
    prose
        .tokens
        .extend(local.tokens.iter().map(|t| t.placed(base)));
    for (span, range) in local.sentences.iter().zip(&local.sentence_tokens) {
        prose.sentences.push(Sentence {
            span: span.shifted(base),
            block,
            tokens: range.start + first_token..range.end + first_token,
        });
    }
    let opens_with_mark = local
        .quotations
        .first()
        .is_some_and(|q| q.span.start == leading_space(raw.span.of(&prose.text)));
    for (i, q) in local.quotations.iter().enumerate() {
        prose.quotations.push(Quotation {
            span: q.span.shifted(base),
            inner: q.inner.shifted(base),
            block,
            closed: q.closed,
            continues: i == 0 && previous_open && opens_with_mark,
            nested: q.nested,
        });
    }
    prose.blocks.push(Block {
        kind: raw.kind,
        span: raw.span,
        key,
        tokens: first_token..prose.tokens.len(),
        sentences: first_sentence..prose.sentences.len(),
        quotations: first_quote..prose.quotations.len(),
    });
    local
        .quotations
        .iter()
        .rev()
        .find(|q| !q.nested)
        .is_some_and(|q| !q.closed)
}

fn leading_space(text: &str) -> usize {
    text.len() - text.trim_start().len()
}

/// Paragraphs shaped like a headline or crosshead become headings: one line,
/// with no sentence-final or clause-final punctuation (see
/// [`looks_like_heading`]), followed by a longer block that it heads. A
/// one-line document, a last line, or a line before a shorter one is copy to
/// check, whatever its punctuation.
fn mark_headings(blocks: &mut [RawBlock], text: &str) {
    let words = |b: &RawBlock| b.span.of(text).split_whitespace().count();
    for i in 0..blocks.len() {
        // Words are counted only for a block shaped like a heading: counting
        // every paragraph's was a tenth of re-analysing a long document.
        let block = &blocks[i];
        let heading = block.kind == BlockKind::Paragraph
            && looks_like_heading(block.span.of(text))
            && blocks
                .get(i + 1)
                .is_some_and(|next| words(next) > words(block));
        if heading {
            blocks[i].kind = BlockKind::Heading;
        }
    }
}

/// The most words a heading has: a longer line is a paragraph that lacks its
/// final stop, or ends in a reference mark ("... a broken promise. [7]").
const HEADING_WORDS: usize = 30;

/// True for one short line with no closing punctuation: no sentence end
/// (". ! ? …"), no clause end (": ; ,"), and no closing quotation mark or
/// bracket.
pub(crate) fn looks_like_heading(text: &str) -> bool {
    let text = text.trim();
    // The last character first: it settles most paragraphs without a walk
    // over their text.
    let Some(last) = text.chars().last() else {
        return false;
    };
    !matches!(
        last,
        '.' | '!' | '?' | ':' | ';' | ',' | '"' | '”' | '’' | '\'' | '…' | ')' | ']'
    ) && !text.contains('\n')
        && text.split_whitespace().nth(HEADING_WORDS).is_none()
}

#[cfg(test)]
mod tests;
