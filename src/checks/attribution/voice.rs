//! The writer's voice: does the writer speak in person ("I", "we", "you")?
//!
//! News copy keeps the reporter out of it, so "the plan seems doomed" there
//! is someone's judgement with no holder. An essay, a letter, a lecture, a
//! transcript or a travel guide is told in person: the writer is there on
//! the page, and "seems" is their own impression, which the reader can
//! weigh. Copy editors do not ask "seems so to whom?" of such a text.

use crate::prose::{Prose, TokenKind};

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

/// Whether the writer speaks in person throughout: at least one word in
/// [`WORDS_PER_PRONOUN`] is a first- or second-person pronoun outside
/// quotation marks. Quoted speakers' "I" counts for nothing.
pub(super) fn in_person(prose: &Prose) -> bool {
    let mut words = 0usize;
    let mut pronouns = 0usize;
    for token in &prose.tokens {
        crate::work::step();
        if token.kind != TokenKind::Word {
            continue;
        }
        words += 1;
        let text = prose.slice(token.span);
        // "US" is the country, not "us".
        if token.in_quote || text == "US" {
            continue;
        }
        let stem = text.split(['\'', '’']).next().unwrap_or(text);
        if IN_PERSON.iter().any(|p| stem.eq_ignore_ascii_case(p)) {
            pronouns += 1;
        }
    }
    words > 0 && pronouns * WORDS_PER_PRONOUN >= words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Language;

    fn told_in_person(text: &str) -> bool {
        in_person(&crate::prose::parse(
            text,
            Language::Markdown,
            &mut Default::default(),
        ))
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
