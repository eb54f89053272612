//! A reading list's names, family name first: "Oduya, Grace. A History of
//! Salt", "Lind, Petra and Moss, Alan. Tide Tables". The given name after
//! the comma is the family name's, not a person of its own; the family
//! name is probably a person's.

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

    /// Whether the one-word name over tokens `first..end` of the sentence
    /// `lo..` is a reading list's family name: it opens the sentence or
    /// follows "and", and a comma and one known given name follow it that
    /// end the entry's names ("Oduya, Grace. A History of Salt"). An entry
    /// cites a work, as a year after a name does (`cited.rs`).
    pub(super) fn inverted_family_name(&self, first: usize, end: usize, lo: usize) -> bool {
        let opens = first == lo || first > lo && self.word(first - 1) == "and";
        let given = end + 1;
        let after = given + 1;
        opens
            && given < self.sentence_end
            && self.is_punct(end, ",")
            && self.given_name(given)
            && (after >= self.sentence_end
                || self.is_punct(after, ".")
                || self.word(after) == "and")
    }
}
