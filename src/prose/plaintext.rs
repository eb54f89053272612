//! Plain text to prose: blank lines separate blocks; a line break inside a
//! block is a paragraph break when the line ends a sentence, and a wrap
//! otherwise. The first line is a block of its own (it may be the headline).
//! Lines that hold only an HTML comment (copydesk's suppression comments) are blanked.

use super::{looks_like_heading, BlockKind, RawBlock};
use crate::span::Span;

pub(super) fn read(source: &str) -> (String, Vec<RawBlock>, Vec<Span>, Vec<Span>) {
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
                blocks.push(raw(span));
            }
        } else {
            let start = offset + (content.len() - content.trim_start().len());
            let span = Span::new(start, offset + content.trim_end().len());
            let ends_sentence = !looks_like_heading(trimmed) || blocks.is_empty() && open.is_none();
            open = match open.take() {
                Some((block, false)) => Some((block.join(span), ends_sentence)),
                Some((block, true)) => {
                    blocks.push(raw(block));
                    Some((span, ends_sentence))
                }
                None => Some((span, ends_sentence)),
            };
        }
        offset += line.len();
    }
    if let Some((span, _)) = open {
        blocks.push(raw(span));
    }
    (prose, blocks, comments, Vec::new())
}

fn raw(span: Span) -> RawBlock {
    RawBlock {
        kind: BlockKind::Paragraph,
        span,
    }
}
