//! What the grammar knows of a word before it reads a sentence: the small
//! words it tests for, one bit each, and a token's facts ([`Facts`]).

use super::super::lexicon::{Class, Classes, HEADS, LEXICON, PLACES_AND_BODIES, TITLE_WORDS};
use crate::prose::{Token, TokenKind};

/// The words that make a title: an office, a job or a relation (not a
/// word that only narrows one, such as "national" or "first").
pub(super) const TITLE_HEADS: Classes = Classes::of(&[
    Class::Office,
    Class::Descriptor,
    Class::Leader,
    Class::Relation,
]);

pub(super) use super::super::tagger::folded_hash;

/// What a token has been taken for so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Use {
    Free,
    Body,
    Name(u32),
    /// An appositive's words: a role, not a description of its own.
    Role,
}

/// Listed words that are not names (unless a given name came first).
pub(super) const NOT_NAME_WORDS: Classes =
    TITLE_WORDS
        .or(PLACES_AND_BODIES)
        .or(HEADS)
        .or(Classes::of(&[
            Class::NotName,
            Class::Courtesy,
            Class::SpeechVerb,
            Class::SpeechBefore,
        ]));

/// The small words the grammar tests for, one bit each, so each token is
/// looked up once ([`Facts`]) and every later test is a mask.
pub(super) const SMALL_WORDS: [&str; 27] = [
    "the", "a", "an", "of", "to", "for", "and", "de", "on", "his", "her", "their", "its", "i",
    "he", "she", "it", "we", "they", "you", "our", "who", "which", "that", "whose", "where",
    "when",
];

pub(super) const fn small(words: &[&str]) -> u64 {
    let mut mask = 0;
    let mut w = 0;
    while w < words.len() {
        let mut i = 0;
        while i < SMALL_WORDS.len() {
            if const_eq(SMALL_WORDS[i], words[w]) {
                mask |= 1 << i;
            }
            i += 1;
        }
        w += 1;
    }
    mask
}

pub(super) const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

pub(super) const THE: u64 = small(&["the"]);
pub(super) const OF: u64 = small(&["of"]);
pub(super) const TO: u64 = small(&["to"]);
pub(super) const CONNECTORS: u64 = small(&["of", "to", "for", "the"]);
pub(super) const ARTICLES: u64 = small(&["the", "a", "an"]);
pub(super) const PRONOUNS: u64 = small(&[
    "i", "he", "she", "it", "we", "they", "you", "his", "her", "its", "their", "our",
]);
pub(super) const POSSESSIVE_PRONOUNS: u64 = small(&["his", "her", "their", "its"]);
/// Words that join the words of an organisation's name ("Ministry of Defence").
pub(super) const NAME_JOINS: u64 = small(&["of", "and", "for", "the", "de", "on"]);
/// Words that start a clause, so what follows a comma is not an appositive.
pub(super) const CLAUSE_WORDS: u64 =
    small(&["who", "which", "that", "whose", "where", "when", "and"]);

/// The bit of a small word, given in lowercase.
pub(super) fn small_word_bit(lower: &[u8]) -> u64 {
    // A match on strings compiles to a length switch and a few compares.
    let i = match lower {
        b"the" => 0,
        b"a" => 1,
        b"an" => 2,
        b"of" => 3,
        b"to" => 4,
        b"for" => 5,
        b"and" => 6,
        b"de" => 7,
        b"on" => 8,
        b"his" => 9,
        b"her" => 10,
        b"their" => 11,
        b"its" => 12,
        b"i" => 13,
        b"he" => 14,
        b"she" => 15,
        b"it" => 16,
        b"we" => 17,
        b"they" => 18,
        b"you" => 19,
        b"our" => 20,
        b"who" => 21,
        b"which" => 22,
        b"that" => 23,
        b"whose" => 24,
        b"where" => 25,
        b"when" => 26,
        _ => return 0,
    };
    debug_assert_eq!(SMALL_WORDS[i].as_bytes(), lower);
    1 << i
}

/// What is known of a token before the grammar runs, in one word: the bits
/// of [`SMALL_WORDS`] it is (case ignored), and the flags below.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Facts(pub(super) u64);

impl Facts {
    /// A word starting with a capital letter.
    pub(super) const CAPITALISED: u64 = 1 << 48;
    /// "NASA", "AS": capitals only, two letters or more.
    pub(super) const ACRONYM: u64 = 1 << 49;
    pub(super) const GIVEN_NAME: u64 = 1 << 50;
    /// A family name written first ("Xi", "Park").
    pub(super) const FAMILY_FIRST: u64 = 1 << 51;

    pub(super) fn of(token: &Token, word: &str) -> Facts {
        if token.kind != TokenKind::Word {
            return Facts::default();
        }
        let mut bits = 0;
        if word.len() <= 10 {
            let mut buf = [0u8; 10];
            let bytes = &mut buf[..word.len()];
            bytes.copy_from_slice(word.as_bytes());
            bytes.make_ascii_lowercase();
            bits = small_word_bit(bytes);
        }
        // "el-Sissi", "al-Assad": a lowercase particle joined to a name.
        let particle_name = !token.capitalised
            && word.split_once('-').is_some_and(|(particle, rest)| {
                LEXICON.is_particle(particle) && rest.starts_with(char::is_uppercase)
            });
        if token.capitalised || particle_name {
            bits |= Facts::CAPITALISED;
            let acronym = word.chars().nth(1).is_some_and(|c| !c.is_lowercase())
                && word.chars().all(|c| !c.is_lowercase())
                && word.chars().filter(|c| c.is_alphabetic()).count() >= 2;
            if acronym {
                bits |= Facts::ACRONYM;
            }
            if LEXICON.is_given_name(word) {
                bits |= Facts::GIVEN_NAME;
            }
            if LEXICON.family_first(word).is_some() {
                bits |= Facts::FAMILY_FIRST;
            }
        }
        Facts(bits)
    }

    pub(super) fn has(self, flag: u64) -> bool {
        self.0 & flag != 0
    }
}
