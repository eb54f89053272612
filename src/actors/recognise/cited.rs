//! Authors cited by name and year: "Varga (2016)", "(Pettigrew & Okafor,
//! 2014)", "Marrow and Tessaro (2005)", "(Abara, Keel, Munro, & Sato,
//! 2019)". The shape says the names are people's, probably, where neither
//! a title nor a verb of saying does: a lone surname is otherwise no one.

use super::*;

/// How many tokens of other authors' names and their joins may stand
/// between a name and the year ("Abara, Keel, Munro, & Sato, 2019").
const AUTHOR_TOKENS: usize = 16;
/// How far back the opening bracket of a citation may be.
const BRACKET_TOKENS: usize = 32;

impl Reader<'_> {
    /// Whether the name at `n`, in the sentence that starts at token `lo`,
    /// is one word followed by the year of a work: after the bracket of a
    /// year ("Varga (2016)"), or inside brackets ("(Varga 2016)", "(Varga et
    /// al., 2016)"), perhaps after other authors' names; or a reading
    /// list's family name ("Varga, Ilona. Salt", `inverted.rs`). Not an
    /// acronym ("(OECD 2015)"), nor a name inside a title or a list.
    pub(super) fn cited(&self, n: usize, lo: usize) -> bool {
        let name = &self.found.names[n];
        let (first, end) = (name.tokens.start, name.tokens.end);
        // Works are cited by their authors' surnames: one word each.
        !name.in_title
            && !name.listed
            && end == first + 1
            && !self.acronym(first)
            && (self.year_follows(first, end, lo) || self.inverted_family_name(first, end, lo))
    }

    /// Gives a cited author's name the tagger's leaning (probably a
    /// person's) unless something else made it a person's or no one's (the
    /// tagger's sure reading of it as something else's).
    pub(super) fn cited_author(&mut self, n: usize) {
        let name = &mut self.found.names[n];
        if name.evidence.cited && !name.not_person && !name.evidence.strong() {
            name.evidence.leaning = true;
            name.evidence.leaning_alone = true;
        }
    }

    /// Whether a work's year follows the name over tokens `first..end` of
    /// the sentence that starts at token `lo`, or the number of a work in
    /// the references after co-authors.
    fn year_follows(&self, first: usize, end: usize, lo: usize) -> bool {
        let stop = self.sentence_end.min(end + AUTHOR_TOKENS);
        let mut k = end;
        // Joined to other authors as only authors are: "&", "et al.",
        // "and colleagues".
        let mut coauthors = false;
        while k < stop {
            if self.is_year(k) {
                return self.in_brackets(first, lo);
            }
            if self.is_punct(k, "(") {
                return k + 1 < self.sentence_end && self.is_year(k + 1);
            }
            // A numbered reference after such authors: "Carrano & Biewener
            // [7]", "Ruiz and colleagues [15]" (not "Park and Ride [1]").
            if self.is_punct(k, "[") {
                return coauthors
                    && k + 2 < self.sentence_end
                    && self.tokens[k + 1].kind == TokenKind::Number
                    && self.is_punct(k + 2, "]");
            }
            coauthors |= self.is_punct(k, "&") || matches!(self.word(k), "et" | "colleagues");
            let joins = self.is_punct(k, ",.&")
                || matches!(self.word(k), "and" | "et" | "al" | "colleagues")
                || self.capitalised(k);
            if !joins {
                return false;
            }
            k += 1;
        }
        false
    }

    /// Whether the number at `year`, right after a one-word name at `first`
    /// in the sentence that starts at token `lo`, is a cited work's year:
    /// a year inside brackets ("(Varga 2016)", "(see Varga 2016; …)"), not
    /// a product's or an event's number ("Windows 2000", "Apollo 11").
    pub(super) fn cited_year(&self, first: usize, year: usize, lo: usize) -> bool {
        self.is_year(year) && !self.acronym(first) && self.in_brackets(first, lo)
    }

    /// A year as works are dated, four digits from 1500 to 2099.
    pub(super) fn is_year(&self, k: usize) -> bool {
        self.tokens[k].kind == TokenKind::Number
            && self
                .word(k)
                .parse::<u32>()
                .is_ok_and(|y| (1500..2100).contains(&y))
    }

    /// Whether token `i` is inside round brackets opened shortly before it
    /// in its sentence, which starts at token `lo`.
    fn in_brackets(&self, i: usize, lo: usize) -> bool {
        (lo.max(i.saturating_sub(BRACKET_TOKENS))..i)
            .rev()
            .find(|&k| self.is_punct(k, "()"))
            .is_some_and(|k| self.is_punct(k, "("))
    }
}
