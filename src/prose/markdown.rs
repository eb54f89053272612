//! Markdown to prose: keeps the text of paragraphs, headings, list items and
//! table cells; blanks code, URLs, HTML, front matter and markup.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::{BlockKind, RawBlock};
use crate::span::Span;

/// Where text events currently belong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Container {
    kind: BlockKind,
    /// Distinguishes two containers of the same kind (a nested list item).
    id: usize,
}

/// The prose text, its blocks, where HTML is, and where each link's text is.
pub(super) fn read(source: &str) -> (String, Vec<RawBlock>, Vec<Span>, Vec<Span>) {
    let mut prose = blank(source);
    let mut blocks: Vec<RawBlock> = Vec::new();
    let mut html = Vec::new();
    let mut links = Vec::new();
    let mut stack: Vec<Container> = Vec::new();
    let mut last_container: Option<Container> = None;
    let mut next_id = 0;
    // Depth of constructs whose text is not prose (code blocks, images, autolinks, front matter).
    let mut hidden = 0usize;

    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_MATH;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_) => {
                html.push(Span::new(range.start, range.end));
            }
            Event::Start(tag) => {
                let kind = match tag {
                    Tag::Paragraph => Some(BlockKind::Paragraph),
                    Tag::Heading { .. } => Some(BlockKind::Heading),
                    Tag::Item => Some(BlockKind::ListItem),
                    Tag::TableCell => Some(BlockKind::TableCell),
                    Tag::CodeBlock(_) | Tag::Image { .. } | Tag::MetadataBlock(_) => {
                        hidden += 1;
                        None
                    }
                    Tag::Link {
                        link_type: LinkType::Autolink | LinkType::Email,
                        ..
                    } => {
                        hidden += 1;
                        None
                    }
                    // The whole link: its destination is blanked, so only
                    // its text is prose.
                    Tag::Link { .. } => {
                        links.push(Span::new(range.start, range.end));
                        None
                    }
                    _ => None,
                };
                if let Some(kind) = kind {
                    // A paragraph inside a list item is the item's prose.
                    let kind = match (kind, stack.last()) {
                        (BlockKind::Paragraph, Some(c)) if c.kind == BlockKind::ListItem => {
                            BlockKind::ListItem
                        }
                        _ => kind,
                    };
                    next_id += 1;
                    stack.push(Container { kind, id: next_id });
                }
            }
            Event::End(end) => match end {
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell => {
                    stack.pop();
                }
                TagEnd::CodeBlock | TagEnd::Image | TagEnd::MetadataBlock(_) => {
                    hidden = hidden.saturating_sub(1);
                }
                // Only autolinks and e-mail links raised `hidden`; their text is their URL.
                TagEnd::Link if is_autolink(source, range.start) => {
                    hidden = hidden.saturating_sub(1);
                }
                _ => {}
            },
            Event::Text(text) if hidden == 0 => {
                let Some(&container) = stack.last() else {
                    continue;
                };
                copy(&mut prose, source, range.start, range.end, &text);
                let span = Span::new(range.start, range.end);
                match blocks.last_mut() {
                    Some(block) if last_container == Some(container) => {
                        block.span = block.span.join(span);
                    }
                    _ => blocks.push(RawBlock {
                        kind: container.kind,
                        span,
                    }),
                }
                last_container = Some(container);
            }
            _ => {}
        }
    }
    let len = prose.len();
    // Every write copies whole UTF-8 sequences into a blank buffer, so this cannot
    // fail; if it ever did, an all-blank text keeps offsets valid and finds nothing.
    let prose = String::from_utf8(prose).unwrap_or_else(|_| " ".repeat(len));
    (prose, blocks, html, links)
}

fn is_autolink(source: &str, start: usize) -> bool {
    source.as_bytes().get(start) == Some(&b'<')
}

/// The source with every byte but line breaks turned into a space.
fn blank(source: &str) -> Vec<u8> {
    source
        .bytes()
        .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect()
}

/// Writes a text event into the prose buffer at its source offsets. When the
/// event differs from its source (an escape, an entity), its decoded text is
/// written left-aligned and the rest blanked, keeping every offset in place.
fn copy(prose: &mut [u8], source: &str, start: usize, end: usize, text: &str) {
    let raw = &source[start..end];
    let replacement = if raw == text || text.len() > raw.len() {
        raw
    } else {
        text
    };
    prose[start..start + replacement.len()].copy_from_slice(replacement.as_bytes());
}
