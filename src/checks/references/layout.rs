//! Where the story is: the top matter above the body (kicker, deck, summary,
//! dateline), the sections the body falls into, and links' text. A headline
//! or deck uses surnames freely and a summary may come before the full text;
//! neither introduces anyone. A live blog or a sectioned feature may
//! introduce a person again in each section.

use std::sync::LazyLock;

use regex::Regex;

use crate::prose::{BlockKind, Prose};
use crate::span::Span;

/// How many blocks from the top may still be top matter.
const TOP_BLOCKS: usize = 8;
/// The most words a label such as "FULL TEXT" has.
const LABEL_WORDS: usize = 6;

/// A dateline opening the body: "WASHINGTON —", "DES MOINES, Iowa -",
/// "LONDON (Reuters) -".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][A-Z'’.\- ]{2,}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)?(?: \([A-Za-z ]+\))? ?(?:—|–|-{1,2}) ")
        .expect("the dateline pattern is valid")
});

pub struct Layout {
    /// Where the body begins: after the last label of the top matter, or at
    /// the dateline.
    body_start: usize,
    /// The start of each section, in order: the body's start, and each
    /// heading, label or separator after it.
    section_starts: Vec<usize>,
}

impl Layout {
    pub fn of(prose: &Prose) -> Layout {
        let mut body_start = 0;
        for block in prose.blocks.iter().take(TOP_BLOCKS) {
            let text = prose.slice(block.span);
            if is_label(text) {
                body_start = body_start.max(block.span.end);
            } else if DATELINE.is_match(text.trim_start()) {
                body_start = body_start.max(block.span.start);
                break;
            }
        }
        // A label with nothing after it is the story's last line, not a heading.
        if prose.blocks.last().is_none_or(|b| b.span.end <= body_start) {
            body_start = 0;
        }
        let mut section_starts = vec![body_start];
        for block in &prose.blocks {
            if block.span.start <= body_start {
                continue;
            }
            let text = prose.slice(block.span);
            if block.kind == BlockKind::Heading || is_label(text) || is_separator(text) {
                section_starts.push(block.span.start);
            }
        }
        Layout {
            body_start,
            section_starts,
        }
    }

    pub fn in_body(&self, offset: usize) -> bool {
        offset >= self.body_start
    }

    /// The section an offset falls in.
    pub fn section(&self, offset: usize) -> usize {
        self.section_starts.partition_point(|&s| s <= offset)
    }
}

/// A short block in capitals: a kicker or a label ("FULL TEXT.").
fn is_label(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && !text.chars().any(char::is_lowercase)
        && text.split_whitespace().count() <= LABEL_WORDS
}

/// A block with no letters: "___", "* * *".
fn is_separator(text: &str) -> bool {
    !text.trim().is_empty() && !text.chars().any(char::is_alphanumeric)
}

/// Whether a span lies inside a Markdown link's text: after an unclosed "["
/// on its line and before the "](" or "][" that closes it.
pub fn in_link_text(text: &str, span: Span) -> bool {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let before = &text[line_start..span.start];
    let after = &text[span.end..line_end];
    let opened = before
        .rfind('[')
        .is_some_and(|i| !before[i..].contains(']'));
    let closed = after.find(']').is_some_and(|i| {
        !after[..i].contains('[') && matches!(after.as_bytes().get(i + 1), Some(b'(') | Some(b'['))
    });
    opened && closed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_separators_and_datelines() {
        assert!(is_label("FULL TEXT."));
        assert!(!is_label("Full text."));
        assert!(!is_label("A"));
        assert!(is_separator("___."));
        assert!(is_separator("* * *"));
        assert!(DATELINE.is_match("WASHINGTON — The Senate voted"));
        assert!(DATELINE.is_match("DES MOINES, Iowa - The caucuses"));
        assert!(DATELINE.is_match("LONDON (Reuters) - The prime minister"));
        assert!(!DATELINE.is_match("The Senate voted - again"));
    }

    #[test]
    fn link_text_is_found_on_its_line() {
        let text = "Read more: [Mayor Wu says no](https://example.com)\nMayor Wu spoke.";
        let wu = text.find("Wu").unwrap();
        assert!(in_link_text(text, Span::new(wu, wu + 2)));
        let later = text.rfind("Wu").unwrap();
        assert!(!in_link_text(text, Span::new(later, later + 2)));
        let note = "He said [sic] that Wu left.";
        let wu = note.find("Wu").unwrap();
        assert!(!in_link_text(note, Span::new(wu, wu + 2)));
    }
}
