//! A reading list's names, family name first: "Oduya, Grace. A History of
//! Salt", "Lind, Petra and Moss, Alan. Tide Tables". The given name after
//! the comma is the family name's, not a person of its own.

use super::*;

impl Reader<'_> {
    /// Makes no person of the one-word name at `n`, a known given name,
    /// when it follows a one-word name and a comma that open the sentence
    /// `lo..` or follow "and", and it ends the entry's names (a full
    /// stop, "and", or the sentence's end).
    pub(super) fn inverted_given_name(&mut self, n: usize, lo: usize) {
        let name = &self.found.names[n];
        let first = name.tokens.start;
        if n == 0
            || name.tokens.len() != 1
            || name.evidence.written()
            || !self.given_name(first)
            || first < lo + 2
            || !self.is_punct(first - 1, ",")
        {
            return;
        }
        let family = &self.found.names[n - 1];
        let opens = family.tokens.start == lo
            || family.tokens.start > lo && self.word(family.tokens.start - 1) == "and";
        let after = first + 1;
        let ends =
            after >= self.sentence_end || self.is_punct(after, ".") || self.word(after) == "and";
        if family.tokens.len() == 1 && family.tokens.end + 1 == first && opens && ends {
            self.found.names[n].not_person = true;
        }
    }
}
