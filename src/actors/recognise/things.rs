//! Names that the sentence uses as things' names, whatever their words:
//! - a name between an article and a noun, which modifies the noun ("the
//!   Harland administration", "the Galt and Pryce probes");
//! - a name owned by a person's name, a work or a thing of theirs
//!   ("Corvell's Notebooks");
//! - a name inside a quoted title of a work ("the song "Rain Over My
//!   Father"", "the painting "Anna of Kell"");
//! - a name dated in brackets in a list of works dated so, one of which
//!   opens with an article ("roles include The Quiet Shore (2007), Harlan
//!   (2013)"): a work's name, as the titles beside it show.
//!
//! Such a name makes no person of its own (a person the article names
//! elsewhere still takes it, as in "the Harland administration" after
//! "Ruth Harland"), unless a title, courtesy title, age or character cue
//! says it is one person's.

use super::*;

/// Lowercase words after a name that are no noun it could modify.
const NOT_NOUNS: [&str; 30] = [
    "and", "or", "of", "is", "was", "are", "were", "has", "had", "have", "will", "would", "can",
    "could", "may", "might", "should", "must", "did", "does", "do", "to", "in", "on", "at", "as",
    "by", "with", "from", "for",
];

/// Words that may stand in a work's quoted title beside capitalised ones,
/// and words whose capitals show title case ("Songs My Mother Taught Me").
const TITLE_SMALL_WORDS: [&str; 24] = [
    "of", "the", "a", "an", "and", "or", "in", "on", "at", "to", "for", "with", "from", "by", "my",
    "me", "your", "our", "his", "her", "their", "i", "we", "you",
];

/// The fewest words a quoted title has: two-word quotes are often a
/// name alone.
const TITLE_WORDS_MIN: usize = 3;
/// How many tokens a quotation around a name is followed.
const QUOTE_TOKENS: usize = 12;
/// How many capitalised words a coordinated modifier may have ("the Galt
/// and Pryce probes").
const MODIFIER_WORDS: usize = 3;
/// How many tokens before or after a dated name another dated work may
/// begin, and how many words a work's title may have.
const WORKS_TOKENS: usize = 24;
const WORK_TITLE_WORDS: usize = 8;

impl Reader<'_> {
    /// Makes no person of the name at `n` where the sentence uses it as a
    /// thing's name: see the module's doc.
    /// `lo` is the first token of the sentence.
    pub(super) fn thing_name(&mut self, n: usize, lo: usize) {
        let name = &self.found.names[n];
        let evidence = name.evidence;
        if name.in_title || name.not_person || evidence.courtesy || evidence.age {
            return;
        }
        let (first, end) = (name.tokens.start, name.tokens.end);
        // A title inside the quoted title is the work's word ("Mother").
        let thing = (!evidence.written()
            && !evidence.name_shape
            && (end == first + 1 && !name.possessive && self.modifier(first, end, lo)
                || self.owned(n, first, lo)
                || self.dated_work(first, end, lo)))
            || !evidence.character && self.quoted_title(name.span.start, first, end, lo);
        if thing {
            self.found.names[n].not_person = true;
        }
    }

    /// "the Harland administration", "the Galt and Pryce probes": an
    /// article, names joined by "and" or "or", and a lowercase word that
    /// may be a noun.
    fn modifier(&self, first: usize, end: usize, lo: usize) -> bool {
        // Back over a coordinated name before this one, to the article.
        let mut start = first;
        if start >= lo + 2 && matches!(self.word(start - 1), "and" | "or") {
            let mut k = start - 1;
            while k > lo
                && start - k <= MODIFIER_WORDS
                && self.capitalised(k - 1)
                && !self.is(k - 1, words::ARTICLES)
            {
                k -= 1;
            }
            if k < start - 1 {
                start = k;
            }
        }
        if start == lo || !self.is(start - 1, words::ARTICLES) {
            return false;
        }
        // On over a coordinated name after this one, to the noun.
        let mut k = end;
        if k + 1 < self.sentence_end && matches!(self.word(k), "and" | "or") {
            let mut j = k + 1;
            while j < self.sentence_end && j - k <= MODIFIER_WORDS && self.capitalised(j) {
                j += 1;
            }
            if j > k + 1 {
                k = j;
            }
        }
        k < self.sentence_end
            && self.tokens[k].kind == TokenKind::Word
            && self.word(k).starts_with(char::is_lowercase)
            && !NOT_NOUNS.contains(&self.word(k))
            && !self.word(k).ends_with("ed")
            && !self.scan.cover(k).has(Class::SpeechVerb)
    }

    /// "Corvell's Notebooks": right after the possessive of a name that
    /// the tagger or the grammar reads as a person's (not "Labour's
    /// Whitlock"). `n` is the name's index.
    fn owned(&self, n: usize, first: usize, lo: usize) -> bool {
        let Some(owner) = first.checked_sub(1) else {
            return false;
        };
        let person_before = n.checked_sub(1).is_some_and(|p| {
            let before = &self.found.names[p];
            before.tokens.end == first
                && !before.not_person
                && (before.evidence.personal()
                    || before.evidence.learned
                    || before.evidence.leaning)
        });
        owner >= lo
            && self.tokens[owner].possessive()
            && !self.scan.cover(owner).any(PLACES_AND_BODIES)
            && (person_before || self.tag(owner).is_some_and(|t| t.kind == NameKind::Person))
    }

    /// "The Quiet Shore (2007), Harlan (2013)": the name over `first..end`
    /// is an item of a comma list, dated in brackets, and another item
    /// dated so near it in the sentence is a title that opens with an
    /// article. `lo` is the first token of the sentence.
    fn dated_work(&self, first: usize, end: usize, lo: usize) -> bool {
        let listed = first > lo && self.is_punct(first - 1, ",")
            || end + 3 < self.sentence_end && self.is_punct(end + 3, ",");
        if !listed || !self.dated(end) {
            return false;
        }
        let near =
            lo.max(first.saturating_sub(WORKS_TOKENS))..self.sentence_end.min(end + WORKS_TOKENS);
        near.filter(|&k| k < first || k >= end)
            .any(|k| self.dated_title_at(k, lo))
    }

    /// Whether tokens `k..k + 3` are a year in round brackets.
    fn dated(&self, k: usize) -> bool {
        k + 2 < self.sentence_end
            && self.is_punct(k, "(")
            && self.is_year(k + 1)
            && self.is_punct(k + 2, ")")
    }

    /// Whether a work's title dated in brackets begins at token `k`, inside
    /// the sentence that starts at `lo`: a capitalised article there, then
    /// words, and the bracketed year.
    fn dated_title_at(&self, k: usize, lo: usize) -> bool {
        if k == lo || !self.capitalised(k) || !self.is(k, words::ARTICLES) {
            return false;
        }
        let mut j = k + 1;
        while j < self.sentence_end
            && j - k <= WORK_TITLE_WORDS
            && self.tokens[j].kind == TokenKind::Word
        {
            j += 1;
        }
        j > k + 1 && self.dated(j)
    }

    /// Whether the name over `first..end` lies in a double-quoted title
    /// case phrase of three words or more, at least one a small word.
    /// `from` is where the reference begins, with its title: the title
    /// too must be inside the quotation.
    fn quoted_title(&self, from: usize, first: usize, end: usize, lo: usize) -> bool {
        if !self.tokens[first].in_quote {
            return false;
        }
        let open = (lo.max(first.saturating_sub(QUOTE_TOKENS))..first)
            .rev()
            .find(|&k| self.tokens[k].kind != TokenKind::Word);
        let close = (end..self.sentence_end.min(end + QUOTE_TOKENS))
            .find(|&k| self.tokens[k].kind != TokenKind::Word);
        let (Some(open), Some(close)) = (open, close) else {
            return false;
        };
        if !self.is_punct(open, "\"“")
            || !self.is_punct(close, "\"”")
            || self.tokens[open].span.end > from
        {
            return false;
        }
        let inner = open + 1..close;
        let small = |k: usize| {
            let w = self.word(k).to_lowercase();
            TITLE_SMALL_WORDS.contains(&w.as_str())
        };
        inner.len() >= TITLE_WORDS_MIN
            && inner.clone().all(|k| self.capitalised(k) || small(k))
            && inner.clone().any(small)
    }
}
