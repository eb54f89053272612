//! A family named by its surname: "the Okonjo family", "the Brandt
//! families". The name before a word for a family is the group's, not a
//! person's: it makes no person of its own, while a member the article
//! names ("Ada Okonjo") still is one.

use super::*;

/// Lowercase words that make the surname before them a family's.
const FAMILY_WORDS: [&str; 4] = ["family", "families", "clan", "clans"];

impl Reader<'_> {
    /// Makes no person of the name at `n` when a word for a family follows
    /// it ("the Okonjo family's farm"), unless a courtesy title or an age
    /// says it is one person's.
    pub(super) fn family_name(&mut self, n: usize) {
        let name = &self.found.names[n];
        let end = name.tokens.end;
        if name.possessive
            || name.evidence.courtesy
            || name.evidence.age
            || end >= self.sentence_end
            || self.tokens[end].kind != TokenKind::Word
        {
            return;
        }
        let next = self.word(end);
        if FAMILY_WORDS.contains(&next) {
            self.found.names[n].not_person = true;
        }
    }
}
