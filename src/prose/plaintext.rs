//! Plain text to prose: blank lines separate blocks; a line break inside a
//! block is a paragraph break when the line ends a sentence, and a wrap otherwise.
//! Lines that hold only an HTML comment (copydesk's suppression comments) are blanked.

use super::{looks_like_heading, BlockKind, RawBlock};
use crate::span::Span;

/// A first line this short, alone in its block, is the headline even when it ends in a period.
const HEADLINE_MAX_WORDS: usize = 16;
/// The most words a deck under such a headline has.
const DECK_MAX_WORDS: usize = 30;

pub(super) fn read(source: &str) -> (String, Vec<RawBlock>, Vec<Span>) {
    let mut prose = String::with_capacity(source.len());
    let mut comments = Vec::new();
    let mut blocks: Vec<RawBlock> = Vec::new();
    // The block being built, and whether its last line ended a sentence.
    let mut open: Option<(Span, bool)> = None;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        let comment = trimmed.starts_with("<!--") && trimmed.ends_with("-->");
        if comment {
            comments.push(Span::new(offset, offset + line.len()));
            prose.extend(
                content
                    .chars()
                    .flat_map(|c| std::iter::repeat_n(' ', c.len_utf8())),
            );
            prose.push_str(&line[content.len()..]);
        } else {
            prose.push_str(line);
        }
        if trimmed.is_empty() || comment {
            if let Some((span, _)) = open.take() {
                blocks.push(raw(span, source));
            }
        } else {
            let start = offset + (content.len() - content.trim_start().len());
            let span = Span::new(start, offset + content.trim_end().len());
            let ends_sentence = !looks_like_heading(trimmed) || blocks.is_empty() && open.is_none();
            open = match open.take() {
                Some((block, false)) => Some((block.join(span), ends_sentence)),
                Some((block, true)) => {
                    blocks.push(raw(block, source));
                    Some((span, ends_sentence))
                }
                None => Some((span, ends_sentence)),
            };
        }
        offset += line.len();
    }
    if let Some((span, _)) = open {
        blocks.push(raw(span, source));
    }
    if let Some(first) = blocks.first_mut() {
        let text = first.span.of(source);
        if !text.contains('\n') && text.split_whitespace().count() <= HEADLINE_MAX_WORDS {
            first.kind = BlockKind::Heading;
        }
    }
    // A headline that ends in ";" or ":" goes on in a deck on the next line
    // ("Talks resume in Moscow;\nLavrov and Wang meet again."): display
    // text too, not the story's first paragraph.
    if let [headline, deck, ..] = &mut blocks[..] {
        let continues = headline.kind == BlockKind::Heading
            && headline.span.of(source).trim_end().ends_with([';', ':']);
        let next_line = source[headline.span.end..deck.span.start]
            .matches('\n')
            .count()
            == 1;
        if continues
            && next_line
            && deck.span.of(source).split_whitespace().count() <= DECK_MAX_WORDS
        {
            deck.kind = BlockKind::Heading;
        }
    }
    (prose, blocks, comments)
}

fn raw(span: Span, source: &str) -> RawBlock {
    let kind = if looks_like_heading(span.of(source)) {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    };
    RawBlock { kind, span }
}
