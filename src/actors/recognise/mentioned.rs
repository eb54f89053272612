//! One-word names the sentence talks about as names, not as references to
//! anyone: quoted after a noun for a name ("the nickname "Smokey"", "her
//! surname, "Varga""), quoted before an appositive that says it is a name
//! (""Varga", her family's surname,"), or the old and new forms of a name
//! ("changed his first name from Tomas to Thomas"). The word is the name
//! itself: it makes no name, nor a reference to anyone, whoever bears it.
//! A full name so written still names its bearer ("her stage name "Delia
//! Marchetti"" introduces her).

use super::*;

/// Lowercase nouns for a name ("pen name", "her surname").
const NAME_NOUNS: [&str; 12] = [
    "name",
    "names",
    "surname",
    "surnames",
    "pseudonym",
    "pseudonyms",
    "nickname",
    "nicknames",
    "alias",
    "aliases",
    "moniker",
    "monikers",
];

/// How many words an appositive after a quoted name may have, up to its
/// noun for a name ("their legal surname").
const APPOSITIVE_WORDS: usize = 4;
/// How many words the old form of a name may have ("from Anna Maria to").
const OLD_NAME_WORDS: usize = 3;

impl Reader<'_> {
    /// Whether the sentence talks about the one-word name over tokens
    /// `first..end` as a name: see the module's doc.
    pub(super) fn mentioned_as_name(&self, first: usize, end: usize) -> bool {
        if end != first + 1 {
            return false;
        }
        let quoted = self.quoted_alone(first, end);
        quoted && (self.name_noun_before_quote(first) || self.name_noun_after_quote(end))
            || self.renamed(first)
    }

    /// The token before `k` in the sentence being read.
    fn before_in_sentence(&self, k: usize) -> Option<usize> {
        (k > self.sentence_start).then(|| k - 1)
    }

    fn name_noun(&self, k: usize) -> bool {
        self.tokens[k].kind == TokenKind::Word && NAME_NOUNS.contains(&self.word(k))
    }

    /// Whether a quotation holds the words `first..end` and nothing else.
    fn quoted_alone(&self, first: usize, end: usize) -> bool {
        self.before_in_sentence(first)
            .is_some_and(|q| self.is_punct(q, "\"“"))
            && end < self.sentence_end
            && self.is_punct(end, "\"”")
    }

    /// "the name "Smokey"", "her pseudonym: "Kit"": a noun for a name
    /// before the quotation that opens right before token `first`.
    fn name_noun_before_quote(&self, first: usize) -> bool {
        let Some(mut k) = first
            .checked_sub(1)
            .and_then(|q| self.before_in_sentence(q))
        else {
            return false;
        };
        if self.is_punct(k, ",:") {
            match self.before_in_sentence(k) {
                Some(b) => k = b,
                None => return false,
            }
        }
        self.name_noun(k)
    }

    /// ""Varga", her family's surname,": after the quotation that closes at
    /// token `close`, a comma and a few lowercase words ending in a noun
    /// for a name.
    fn name_noun_after_quote(&self, close: usize) -> bool {
        let comma = close + 1;
        if comma >= self.sentence_end || !self.is_punct(comma, ",") {
            return false;
        }
        let last = self.sentence_end.min(comma + 1 + APPOSITIVE_WORDS);
        for k in comma + 1..last {
            if self.name_noun(k) {
                return true;
            }
            if self.tokens[k].kind != TokenKind::Word || self.capitalised(k) {
                return false;
            }
        }
        false
    }

    /// "changed her name to Marbles", "his first name from Tomas to
    /// Thomas": a name right after a noun for a name and "from" or "to",
    /// or after "to" and the old form of the name after "from".
    fn renamed(&self, first: usize) -> bool {
        let Some(k) = self.before_in_sentence(first) else {
            return false;
        };
        let word = self.word(k);
        if word != "from" && word != "to" {
            return false;
        }
        let Some(mut j) = self.before_in_sentence(k) else {
            return false;
        };
        if self.name_noun(j) {
            return true;
        }
        if word != "to" {
            return false;
        }
        // Back over the old form of the name, to "from" and the noun.
        let mut words = 0;
        while self.capitalised(j) && words < OLD_NAME_WORDS {
            words += 1;
            match self.before_in_sentence(j) {
                Some(b) => j = b,
                None => return false,
            }
        }
        words > 0
            && self.word(j) == "from"
            && self
                .before_in_sentence(j)
                .is_some_and(|n| self.name_noun(n))
    }
}
