//! The writer's voice: does the writer speak in person ("I", "we", "you")?
//!
//! News copy keeps the reporter out of it, so "the plan seems doomed" there
//! is someone's judgement with no holder. An essay, a letter, a lecture, a
//! transcript or a travel guide is told in person: the writer is there on
//! the page, and "seems" is their own impression, which the reader can
//! weigh. Copy editors do not ask "seems so to whom?" of such a text.

use crate::prose::{Prose, Token, TokenKind};

/// Pronouns of the first and second person, as a word starts before any
/// apostrophe ("I'm", "we’ve", "you'll").
const IN_PERSON: [&str; 14] = [
    "i",
    "me",
    "my",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// One word in this many, outside quotations, being "I", "we" or "you"
/// makes a text told in person. News copy, columns included, rarely reaches
/// it (a first-person column may: one in fifty); essays, letters,
/// transcripts and lectures pass it easily.
const WORDS_PER_PRONOUN: usize = 40;

/// How many words a stretch of text has, and how many of them are first- or
/// second-person pronouns outside quotation marks (quoted speakers' "I"
/// counts for nothing). Counted per block and added up, so an edit recounts
/// only its block.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Voice {
    words: usize,
    pronouns: usize,
}

impl Voice {
    pub fn of(prose: &Prose, tokens: &[Token]) -> Voice {
        let mut voice = Voice::default();
        for token in tokens {
            crate::work::step();
            if token.kind != TokenKind::Word {
                continue;
            }
            voice.words += 1;
            // Every pronoun starts with one of six letters: most words are
            // passed over on their first byte.
            let first = prose.text.as_bytes().get(token.span.start);
            let may_be_pronoun = matches!(
                first.map(u8::to_ascii_lowercase),
                Some(b'i' | b'm' | b'o' | b'u' | b'w' | b'y')
            );
            if !may_be_pronoun || token.in_quote {
                continue;
            }
            let text = prose.slice(token.span);
            // "US" is the country, not "us".
            if text == "US" {
                continue;
            }
            let stem = text.split(['\'', '’']).next().unwrap_or(text);
            if IN_PERSON.iter().any(|p| stem.eq_ignore_ascii_case(p)) {
                voice.pronouns += 1;
            }
        }
        voice
    }

    pub fn add(self, other: Voice) -> Voice {
        Voice {
            words: self.words + other.words,
            pronouns: self.pronouns + other.pronouns,
        }
    }

    /// Whether the writer speaks in person throughout: at least one word in
    /// [`WORDS_PER_PRONOUN`] is a first- or second-person pronoun.
    pub fn in_person(self) -> bool {
        self.words > 0 && self.pronouns * WORDS_PER_PRONOUN >= self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Language;

    fn told_in_person(text: &str) -> bool {
        let prose = crate::prose::parse(text, Language::Markdown, &mut Default::default());
        Voice::of(&prose, &prose.tokens).in_person()
    }

    #[test]
    fn every_pronoun_starts_with_a_letter_the_count_looks_at() {
        assert!(IN_PERSON.iter().all(|p| "imouwy".contains(&p[..1])));
    }

    #[test]
    fn an_essay_in_the_first_person_is_told_in_person() {
        assert!(told_in_person(
            "I spent a year on the allotment. We grew beans, and our neighbours grew \
             more. The soil seems tired now."
        ));
        assert!(told_in_person(
            "If you take the night ferry, you'll want a cabin. Fares seem to rise in June."
        ));
    }

    #[test]
    fn a_pronoun_is_a_whole_word_before_any_apostrophe() {
        let pronouns = |text: &str| {
            let prose = crate::prose::parse(text, Language::Markdown, &mut Default::default());
            Voice::of(&prose, &prose.tokens).pronouns
        };
        assert_eq!(pronouns("I'm sure WE’VE met, and you'll see yours."), 4);
        assert_eq!(pronouns("Young mystery owners use ourselvesque words."), 0);
    }

    #[test]
    fn news_copy_and_quoted_speakers_are_not() {
        assert!(!told_in_person(
            "The council voted on Tuesday to close the depot. The plan seems doomed."
        ));
        assert!(!told_in_person(
            "\"I think we will win,\" the mayor said. \"We have the votes.\" The vote is \
             due on Friday, and the US embassy is watching."
        ));
        assert!(!told_in_person(""));
    }
}
