//! Every match of the attribution vocabulary in a document's prose, outside
//! headlines and quotations: at each word, the longest pattern that ends on a
//! word. A block's matches depend on its text alone, so they are kept per
//! block between analyses.

use std::ops::Range;
use std::rc::Rc;

use super::super::lexicon::{Roles, LEXICON};
use super::super::newsroom::SourceNames;
use super::super::per_block::FindingsMemo;
use super::super::quotes::{Kept, RepeatsMemo};
use super::super::voice::Voice;
use crate::config::Settings;
use crate::prose::{BlockKind, BlockMemo, Prose, TokenKind};
use crate::span::Span;

/// One match of the vocabulary in the prose.
#[derive(Clone, Debug)]
pub(in crate::checks::attribution) struct Hit {
    pub span: Span,
    pub roles: Roles,
    /// The tokens the match covers.
    pub tokens: Range<usize>,
    pub sentence: usize,
}

/// What the scan keeps between analyses of one document: each block's hits,
/// relative to the block (bytes from its start, tokens from its first token,
/// sentences from its first sentence), and its voice, for one list of a
/// newsroom's sources; each rule's findings per block
/// ([`super::super::per_block`]), which depend on those hits; and the
/// quoted words `orphan-quote` counts.
#[derive(Debug, Default)]
pub struct ScanMemo {
    sources: Vec<String>,
    blocks: BlockMemo<BlockScan>,
    pub(in crate::checks::attribution) claims: FindingsMemo,
    pub(in crate::checks::attribution) vague: FindingsMemo,
    pub(in crate::checks::attribution) orphans: BlockMemo<Kept>,
    pub(in crate::checks::attribution) repeats: RepeatsMemo,
}

/// One block's hits and voice.
#[derive(Debug)]
struct BlockScan {
    hits: Box<[Hit]>,
    voice: Voice,
}

/// What the scan of a document finds: its hits, in text order, and how
/// often the writer says "I", "we" or "you".
#[derive(Debug)]
pub(in crate::checks::attribution) struct Scanned {
    pub hits: Rc<Vec<Hit>>,
    pub voice: Voice,
}

/// Every hit of the document: a block's hits depend on its text alone, so
/// a block the memo holds is not scanned again.
pub(super) fn scan(prose: &Prose, settings: &Settings, memo: &mut ScanMemo) -> Scanned {
    if memo.sources != settings.words.sources {
        *memo = ScanMemo {
            sources: settings.words.sources.clone(),
            ..ScanMemo::default()
        };
    }
    let extra = SourceNames::of(&settings.words.sources);
    let mut hits = Vec::new();
    let mut voice = Voice::default();
    for block in &prose.blocks {
        let local = memo.blocks.get_or_make(block.key, || {
            let mut found = Vec::new();
            if block.kind != BlockKind::Heading {
                scan_sentences(prose, block.sentences.clone(), extra.as_deref(), &mut found);
            }
            let (byte, token, sentence) =
                (block.span.start, block.tokens.start, block.sentences.start);
            for hit in &mut found {
                hit.span = Span::new(hit.span.start - byte, hit.span.end - byte);
                hit.tokens = hit.tokens.start - token..hit.tokens.end - token;
                hit.sentence -= sentence;
            }
            BlockScan {
                // At its length: it grew by doubling.
                hits: found.into_boxed_slice(),
                voice: Voice::of(prose, &prose.tokens[block.tokens.clone()]),
            }
        });
        voice = voice.add(local.voice);
        let (byte, token, sentence) = (block.span.start, block.tokens.start, block.sentences.start);
        hits.extend(local.hits.iter().map(|hit| Hit {
            span: hit.span.shifted(byte),
            roles: hit.roles,
            tokens: hit.tokens.start + token..hit.tokens.end + token,
            sentence: hit.sentence + sentence,
        }));
    }
    memo.blocks.finish();
    Scanned {
        hits: Rc::new(hits),
        voice,
    }
}

/// The hits of the sentences `range`, in order.
fn scan_sentences(
    prose: &Prose,
    range: Range<usize>,
    extra: Option<&SourceNames>,
    hits: &mut Vec<Hit>,
) {
    for index in range {
        let sentence = &prose.sentences[index];
        // Matches start at a word outside quotations and end with a word.
        let mut t = sentence.tokens.start;
        while t < sentence.tokens.end {
            let token = &prose.tokens[t];
            if token.kind == TokenKind::Punct || token.in_quote {
                t += 1;
                continue;
            }
            let ends = prose.tokens[t..sentence.tokens.end]
                .iter()
                .flat_map(|k| [k.word.end, k.span.end]);
            let found = LEXICON
                .phrases
                .longest_at(&prose.text, token.span.start, ends)
                .and_then(|(end, id)| {
                    let entry = &LEXICON.entries[id];
                    let mut roles = entry.roles;
                    if let Some((name, name_roles)) = entry.name {
                        if &prose.text[token.span.start..end] == name {
                            roles = roles.or(name_roles);
                        }
                    }
                    Some((end, roles)).filter(|(_, roles)| *roles != Roles::default())
                })
                .or_else(|| {
                    let ends = prose.tokens[t..sentence.tokens.end]
                        .iter()
                        .flat_map(|k| [k.word.end, k.span.end]);
                    let end = extra?.longest_at(
                        &prose.text,
                        token.span.start,
                        sentence.span.end,
                        ends,
                    )?;
                    Some((end, Roles::AGENCY))
                });
            let last = found.and_then(|(end, _)| {
                let last = t + prose.tokens[t..sentence.tokens.end]
                    .iter()
                    .position(|k| k.span.end >= end)?;
                let k = &prose.tokens[last];
                (k.span.end == end || k.word.end == end).then_some(last)
            });
            match (found, last) {
                (Some((end, roles)), Some(last)) => {
                    hits.push(Hit {
                        span: Span::new(token.span.start, end),
                        roles,
                        tokens: t..last + 1,
                        sentence: index,
                    });
                    t = last + 1;
                }
                _ => t += 1,
            }
        }
    }
}
