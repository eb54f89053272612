//! Line/column positions <-> byte offsets, through the rope's indices.
//!
//! Every conversion is O(log n): ropey keeps line, char and UTF-16 counts in its
//! tree nodes, so nothing here rescans the text from the start. [`Lines`], for
//! the many positions of one publication, reads the text once (linear) and
//! then answers each by a binary search.

use ropey::Rope;

/// How a client counts columns (LSP `positionEncoding`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
}

/// A zero-based line and a column counted in the units of an [`Encoding`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

impl LineCol {
    pub const fn new(line: u32, col: u32) -> Self {
        LineCol { line, col }
    }
}

/// A byte offset resolved from a position, and whether the position had to be
/// clamped because it lay past the end of its line or of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub byte: usize,
    pub clamped: bool,
}

/// Char index where line `line`'s content ends, before its line break.
fn content_end_char(rope: &Rope, line: usize) -> usize {
    let start = rope.line_to_char(line);
    let slice = rope.line(line);
    let mut len = slice.len_chars();
    // A line ends in at most "\r\n", "\n" or "\r" (ropey is built with cr_lines only).
    if len > 0 && slice.char(len - 1) == '\n' {
        len -= 1;
    }
    if len > 0 && slice.char(len - 1) == '\r' {
        len -= 1;
    }
    start + len
}

/// The byte offset of `pos`. Columns past the end of a line clamp to the line's
/// end; lines past the end of the document clamp to its end; a column inside a
/// multi-unit character resolves to that character's start.
pub fn byte_at(rope: &Rope, pos: LineCol, encoding: Encoding) -> Resolved {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return Resolved {
            byte: rope.len_bytes(),
            clamped: true,
        };
    }
    let end_char = content_end_char(rope, line);
    let col = pos.col as usize;
    match encoding {
        Encoding::Utf16 => {
            let start_cu = rope.char_to_utf16_cu(rope.line_to_char(line));
            let end_cu = rope.char_to_utf16_cu(end_char);
            let target = start_cu + col;
            let clamped = target > end_cu;
            let char_idx = rope.utf16_cu_to_char(target.min(end_cu));
            Resolved {
                byte: rope.char_to_byte(char_idx),
                clamped,
            }
        }
        Encoding::Utf8 => {
            let start = rope.line_to_byte(line);
            let end = rope.char_to_byte(end_char);
            let target = start + col;
            let clamped = target > end;
            // byte_to_char gives the char containing a byte, so this snaps to its start.
            let char_idx = rope.byte_to_char(target.min(end));
            Resolved {
                byte: rope.char_to_byte(char_idx),
                clamped,
            }
        }
    }
}

/// The position of byte offset `byte` (clamped to the document, snapped back to
/// a character boundary).
pub fn line_col_at(rope: &Rope, byte: usize, encoding: Encoding) -> LineCol {
    let char_idx = rope.byte_to_char(byte.min(rope.len_bytes()));
    let line = rope.char_to_line(char_idx);
    let line_start = rope.line_to_char(line);
    let col = match encoding {
        Encoding::Utf16 => rope.char_to_utf16_cu(char_idx) - rope.char_to_utf16_cu(line_start),
        Encoding::Utf8 => rope.char_to_byte(char_idx) - rope.char_to_byte(line_start),
    };
    LineCol::new(
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(col).unwrap_or(u32::MAX),
    )
}

/// Many positions in one text, as a publication of its diagnostics asks
/// them (several per finding, for every finding on every publication):
/// the text is read out of the rope once, with where each line starts, so a
/// position is a binary search and a count of its line's units up to it.
/// [`line_col_at`] walks the rope's tree and counts inside a chunk five
/// times over, about 6,000 instructions a position. The answers are
/// [`line_col_at`]'s: the same clamping, snapping and line breaks.
pub struct Lines {
    text: String,
    /// The byte offset of each line's start: 0, then after each "\r\n",
    /// "\n" or "\r" (the breaks ropey is built to count).
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(rope: &Rope) -> Lines {
        let text = rope.to_string();
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut from = 0;
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // The "\n" of a "\r\n" was counted with its "\r".
            if at < from {
                continue;
            }
            from = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            starts.push(from);
        }
        Lines { text, starts }
    }

    /// The position of byte offset `byte`, as [`line_col_at`] gives it.
    pub fn line_col(&self, byte: usize, encoding: Encoding) -> LineCol {
        let mut at = byte.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        // `starts[0]` is 0: the line is found.
        let line = self.starts.partition_point(|&s| s <= at).saturating_sub(1);
        let before = &self.text[self.starts[line]..at];
        let col = match encoding {
            Encoding::Utf8 => before.len(),
            Encoding::Utf16 if before.is_ascii() => before.len(),
            Encoding::Utf16 => before.chars().map(char::len_utf16).sum(),
        };
        LineCol::new(
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(col).unwrap_or(u32::MAX),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Every byte offset, on a boundary or not, past the end too, in
        /// both encodings: the line index answers as the rope does.
        #[test]
        fn lines_answer_as_the_rope_does(text in "(a|\\r|\\n|\\r\\n|é|😀|\u{2028}| ){0,30}") {
            let r = rope(&text);
            let lines = Lines::new(&r);
            for byte in 0..text.len() + 3 {
                for encoding in [Encoding::Utf8, Encoding::Utf16] {
                    proptest::prop_assert_eq!(
                        lines.line_col(byte, encoding),
                        line_col_at(&r, byte, encoding),
                        "byte {} of {:?}", byte, text
                    );
                }
            }
        }
    }

    fn rope(s: &str) -> Rope {
        Rope::from_str(s)
    }

    #[test]
    fn utf16_counts_surrogate_pairs_as_two_units() {
        let r = rope("a😀b\nc");
        assert_eq!(byte_at(&r, LineCol::new(0, 3), Encoding::Utf16).byte, 5);
        assert_eq!(line_col_at(&r, 5, Encoding::Utf16), LineCol::new(0, 3));
        assert_eq!(line_col_at(&r, 5, Encoding::Utf8), LineCol::new(0, 5));
    }

    #[test]
    fn a_column_inside_a_surrogate_pair_resolves_to_the_character_start() {
        let r = rope("a😀b");
        assert_eq!(byte_at(&r, LineCol::new(0, 2), Encoding::Utf16).byte, 1);
        assert_eq!(byte_at(&r, LineCol::new(0, 3), Encoding::Utf8).byte, 1);
    }

    #[test]
    fn cjk_and_combining_marks() {
        let r = rope("王毅 e\u{301}x");
        // 王 and 毅 are one UTF-16 unit and three bytes each; e + U+0301 are two units.
        assert_eq!(byte_at(&r, LineCol::new(0, 2), Encoding::Utf16).byte, 6);
        assert_eq!(byte_at(&r, LineCol::new(0, 5), Encoding::Utf16).byte, 10);
        assert_eq!(line_col_at(&r, 10, Encoding::Utf16), LineCol::new(0, 5));
    }

    #[test]
    fn crlf_is_one_line_break_and_columns_clamp_before_it() {
        let r = rope("ab\r\ncd\rde\n");
        assert_eq!(r.len_lines(), 4);
        let past = byte_at(&r, LineCol::new(0, 9), Encoding::Utf16);
        assert_eq!(
            past,
            Resolved {
                byte: 2,
                clamped: true
            }
        );
        assert_eq!(byte_at(&r, LineCol::new(1, 1), Encoding::Utf16).byte, 5);
        assert_eq!(byte_at(&r, LineCol::new(2, 0), Encoding::Utf16).byte, 7);
        assert_eq!(line_col_at(&r, 7, Encoding::Utf16), LineCol::new(2, 0));
    }

    #[test]
    fn lines_past_the_end_clamp_to_the_end() {
        let r = rope("one\ntwo");
        let res = byte_at(&r, LineCol::new(7, 0), Encoding::Utf16);
        assert_eq!(
            res,
            Resolved {
                byte: 7,
                clamped: true
            }
        );
        assert_eq!(line_col_at(&r, 99, Encoding::Utf16), LineCol::new(1, 3));
    }

    #[test]
    fn unicode_line_separators_are_not_line_breaks() {
        let r = rope("a\u{2028}b\u{85}c");
        assert_eq!(r.len_lines(), 1);
    }
}
