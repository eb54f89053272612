//! Lines and columns of byte offsets, for output.
//!
//! Columns count characters (Unicode scalar values) from 1, as ruff's do. Every
//! offset a file's output needs is resolved in one pass over the text, so a
//! 1.5 MB line with thousands of findings costs one walk, not one per finding.

/// A 1-based line and a 1-based column in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// The positions of a set of offsets of one text.
#[derive(Debug, Default)]
pub struct Positions {
    /// Sorted by offset, without duplicates.
    known: Vec<(usize, Position)>,
}

impl Positions {
    /// Resolves `offsets` (in any order; each is clamped to the text and to a
    /// character boundary) in one pass over `text`.
    pub fn new(text: &str, offsets: impl IntoIterator<Item = usize>) -> Positions {
        let mut wanted: Vec<usize> = offsets.into_iter().collect();
        wanted.sort_unstable();
        wanted.dedup();
        let bytes = text.as_bytes();
        let mut known = Vec::with_capacity(wanted.len());
        let (mut at, mut line, mut column) = (0usize, 1usize, 1usize);
        for offset in wanted {
            let target = floor_boundary(text, offset);
            crate::work::step();
            crate::work::steps(target - at);
            for &b in &bytes[at..target] {
                if b == b'\n' {
                    line += 1;
                    column = 1;
                } else if (b as i8) >= -0x40 {
                    // Not a UTF-8 continuation byte: a new character.
                    column += 1;
                }
            }
            at = target;
            known.push((offset, Position { line, column }));
        }
        Positions { known }
    }

    /// The position of an offset given to [`Positions::new`].
    pub fn of(&self, offset: usize) -> Position {
        match self.known.binary_search_by_key(&offset, |&(o, _)| o) {
            Ok(i) => self.known[i].1,
            // Not asked for (the callers ask for every offset they print):
            // the nearest known position before it, or the start.
            Err(i) => i
                .checked_sub(1)
                .map_or(Position { line: 1, column: 1 }, |k| self.known[k].1),
        }
    }
}

/// The largest character boundary at or before `offset`, within the text.
pub fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut i = offset.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The byte offsets where each line of a text starts.
#[derive(Debug)]
pub struct LineStarts {
    starts: Vec<usize>,
}

impl LineStarts {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineStarts { starts }
    }

    /// The zero-based line of an offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The byte range of a zero-based line, without its line break.
    pub fn range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.starts[line];
        let end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let trimmed = text[start..end].trim_end_matches(['\n', '\r']).len();
        start..start + trimmed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_characters() {
        let text = "😀 one\r\nKritik sagt";
        let one = text.find("one").unwrap();
        let sagt = text.find("sagt").unwrap();
        let p = Positions::new(text, [sagt, one, one, 0, text.len()]);
        assert_eq!(p.of(one), Position { line: 1, column: 3 });
        assert_eq!(p.of(sagt), Position { line: 2, column: 8 });
        assert_eq!(p.of(0), Position { line: 1, column: 1 });
        assert_eq!(
            p.of(text.len()),
            Position {
                line: 2,
                column: 12
            }
        );
        let lines = LineStarts::new(text);
        assert_eq!(&text[lines.range(text, 0)], "😀 one");
        assert_eq!(lines.line_of(sagt), 1);
    }

    #[test]
    fn an_offset_not_asked_for_gives_the_known_one_before_it() {
        assert_eq!(Positions::default().of(5), Position { line: 1, column: 1 });
        let p = Positions::new("ab\ncd", [4]);
        assert_eq!(p.of(2), Position { line: 1, column: 1 });
        assert_eq!(p.of(9), Position { line: 2, column: 2 });
    }

    #[test]
    fn an_offset_inside_a_character_counts_from_its_start() {
        let text = "é!";
        let p = Positions::new(text, [1]);
        assert_eq!(p.of(1), Position { line: 1, column: 1 });
    }
}
