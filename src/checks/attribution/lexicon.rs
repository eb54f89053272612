//! The attribution vocabulary: the lists in `data/`, compiled once into one
//! table of phrases (for the scan of a document) and small sets (for the
//! grammar words read around a hit).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::hashing::FastSet;
use crate::wordlist::{self, Phrases};

const REPORTING_VERBS: &str = include_str!("../../../data/reporting-verbs.txt");
const PHRASES: &str = include_str!("../../../data/attribution-phrases.txt");
const CLAIM_CUES: &str = include_str!("../../../data/claim-cues.txt");
const VAGUE_SOURCES: &str = include_str!("../../../data/vague-sources.txt");
const SOURCE_NAMES: &str = include_str!("../../../data/source-names.txt");
const GRAMMAR: &str = include_str!("../../../data/attribution-grammar.txt");
const OPENERS: &str = include_str!("../../../data/sentence-openers.txt");

/// What a matched word or phrase can be; one pattern may have several roles
/// ("expected" is a belief verb and an expectation cue).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Roles(u64);

impl Roles {
    pub const SPEECH: Roles = Roles(1);
    pub const BELIEF: Roles = Roles(1 << 1);
    pub const DESIRE: Roles = Roles(1 << 2);
    pub const PHRASE: Roles = Roles(1 << 3);
    pub const SPOKESPERSON: Roles = Roles(1 << 4);
    pub const NOUN: Roles = Roles(1 << 5);
    pub const DESCRIPTION: Roles = Roles(1 << 6);
    pub const GROUP: Roles = Roles(1 << 7);
    pub const IMPERSONAL: Roles = Roles(1 << 8);
    pub const AGENCY: Roles = Roles(1 << 9);
    pub const INSTITUTION: Roles = Roles(1 << 10);
    pub const EXPECTATION: Roles = Roles(1 << 11);
    pub const PREDICTION: Roles = Roles(1 << 12);
    pub const HEARSAY: Roles = Roles(1 << 13);
    pub const HEARSAY_PASSIVE: Roles = Roles(1 << 14);
    pub const ACCUSATION: Roles = Roles(1 << 15);
    pub const CLAIM_NOUN: Roles = Roles(1 << 16);
    pub const CRITICISM: Roles = Roles(1 << 17);
    pub const CRITICISM_NOUN: Roles = Roles(1 << 18);
    pub const FACING: Roles = Roles(1 << 19);
    pub const CHARACTERISATION: Roles = Roles(1 << 20);
    pub const APPEARANCE: Roles = Roles(1 << 21);
    pub const CONCLUSION: Roles = Roles(1 << 22);
    pub const ESTIMATE: Roles = Roles(1 << 23);
    pub const CASUALTY_COUNT: Roles = Roles(1 << 24);
    pub const CASUALTY: Roles = Roles(1 << 25);
    pub const REPORT_PASSIVE: Roles = Roles(1 << 26);
    pub const DISPUTE: Roles = Roles(1 << 27);
    pub const CONCERN_NOUN: Roles = Roles(1 << 28);
    pub const NOUN_LIKE_VERB: Roles = Roles(1 << 29);
    pub const PERCEPTION: Roles = Roles(1 << 30);
    pub const DOUBT_NOUN: Roles = Roles(1 << 31);
    pub const BUZZ_NOUN: Roles = Roles(1 << 32);
    pub const SPREADING: Roles = Roles(1 << 33);
    pub const RAISED: Roles = Roles(1 << 34);
    pub const IMPERATIVE: Roles = Roles(1 << 35);
    pub const PRAISE: Roles = Roles(1 << 36);
    pub const FIGURE_PASSIVE: Roles = Roles(1 << 37);
    pub const CONSENSUS_NOUN: Roles = Roles(1 << 38);

    /// Every kind of claim cue.
    pub const CUES: Roles = Roles(
        Self::EXPECTATION.0
            | Self::PREDICTION.0
            | Self::HEARSAY.0
            | Self::HEARSAY_PASSIVE.0
            | Self::ACCUSATION.0
            | Self::CLAIM_NOUN.0
            | Self::CRITICISM.0
            | Self::CRITICISM_NOUN.0
            | Self::CHARACTERISATION.0
            | Self::APPEARANCE.0
            | Self::CONCLUSION.0
            | Self::ESTIMATE.0
            | Self::CASUALTY_COUNT.0
            | Self::REPORT_PASSIVE.0
            | Self::DISPUTE.0
            | Self::CONCERN_NOUN.0
            | Self::DOUBT_NOUN.0
            | Self::BUZZ_NOUN.0
            | Self::IMPERATIVE.0
            | Self::PRAISE.0
            | Self::FIGURE_PASSIVE.0
            | Self::CONSENSUS_NOUN.0,
    );

    /// Verbs whose active forms tie a statement to their subject.
    pub const REPORTING: Roles = Roles(Self::SPEECH.0 | Self::BELIEF.0 | Self::DESIRE.0);

    pub const fn has(self, other: Roles) -> bool {
        self.0 & other.0 != 0
    }

    pub const fn or(self, other: Roles) -> Roles {
        Roles(self.0 | other.0)
    }
}

/// The roles of one pattern of the automaton.
#[derive(Clone, Debug, Default)]
pub(super) struct Entry {
    /// Roles whatever the case of the text.
    pub roles: Roles,
    /// Roles only when the text has exactly this spelling (proper names).
    pub name: Option<(&'static str, Roles)>,
}

/// Lower-case words, as bytes: a lookup needs no UTF-8 check.
pub(super) struct WordSet {
    words: FastSet<&'static [u8]>,
    /// For each length up to [`LONGEST_WORD`], one bit per first byte (mod
    /// 128) of the words of that length: most words of a text are in no set,
    /// and this says so for a load and a mask instead of a hash and a probe.
    shapes: [u128; LONGEST_WORD + 1],
}

/// The longest word [`contains`] looks up, in bytes.
const LONGEST_WORD: usize = 24;

impl FromIterator<&'static [u8]> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static [u8]>>(words: I) -> WordSet {
        let mut set = WordSet {
            words: FastSet::default(),
            shapes: [0; LONGEST_WORD + 1],
        };
        for word in words {
            if let (Some(&first), Some(shape)) = (word.first(), set.shapes.get_mut(word.len())) {
                *shape |= 1 << (first % 128);
            }
            set.words.insert(word);
        }
        set
    }
}

pub(super) struct Lexicon {
    /// Every pattern, matched at word starts.
    pub phrases: Phrases,
    /// By pattern id.
    pub entries: Vec<Entry>,
    pub be: WordSet,
    pub between: WordSet,
    pub determiners: WordSet,
    pub pronouns: WordSet,
    pub personal: WordSet,
    pub clause_breaks: WordSet,
    pub subordinators: WordSet,
    pub coordinators: WordSet,
    pub quantifiers: WordSet,
    pub back_references: WordSet,
    pub prepositions: WordSet,
    pub hypothetical: WordSet,
    pub times: WordSet,
    /// Words after "by" that make it a measure, not an agent ("by a wide margin").
    pub measures: WordSet,
    /// Words that open a relative or content clause ("that", "which", "who").
    pub relatives: WordSet,
    /// Irregular past participles ("brought", "made"), which may open a clause of their own.
    pub participles: WordSet,
    /// Bodies of law and rules that can stand as a source ("under international law").
    pub laws: WordSet,
    /// Words after "appear" that make it someone showing up ("appeared together").
    pub showing_up: WordSet,
    pub inverted_verbs: WordSet,
    /// Common first words of a sentence, capitalised only because they come first.
    pub openers: WordSet,
}

pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

fn build() -> Lexicon {
    let mut patterns: HashMap<String, Entry> = HashMap::new();
    let mut add = |pattern: &str, roles: Roles| {
        for form in contracted(pattern) {
            let entry = patterns.entry(form).or_default();
            entry.roles = entry.roles.or(roles);
        }
    };
    for (section, roles) in [
        ("speech", Roles::SPEECH),
        ("belief", Roles::BELIEF),
        ("desire", Roles::DESIRE),
        ("noun-like", Roles::NOUN_LIKE_VERB),
    ] {
        for line in wordlist::section(REPORTING_VERBS, section) {
            for form in line.split_whitespace() {
                add(form, roles);
            }
        }
    }
    for (list, section, roles) in [
        (PHRASES, "phrases", Roles::PHRASE),
        (PHRASES, "roles", Roles::SPOKESPERSON),
        (PHRASES, "nouns", Roles::NOUN),
        (PHRASES, "descriptions", Roles::DESCRIPTION),
        (VAGUE_SOURCES, "groups", Roles::GROUP),
        (VAGUE_SOURCES, "phrases", Roles::IMPERSONAL),
        (CLAIM_CUES, "expectation", Roles::EXPECTATION),
        (CLAIM_CUES, "prediction", Roles::PREDICTION),
        (CLAIM_CUES, "imperative", Roles::IMPERATIVE),
        (CLAIM_CUES, "hearsay", Roles::HEARSAY),
        (CLAIM_CUES, "hearsay-passive", Roles::HEARSAY_PASSIVE),
        (CLAIM_CUES, "accusation", Roles::ACCUSATION),
        (CLAIM_CUES, "claim-nouns", Roles::CLAIM_NOUN),
        (CLAIM_CUES, "concern-nouns", Roles::CONCERN_NOUN),
        (CLAIM_CUES, "doubt-nouns", Roles::DOUBT_NOUN),
        (CLAIM_CUES, "consensus-nouns", Roles::CONSENSUS_NOUN),
        (CLAIM_CUES, "buzz-nouns", Roles::BUZZ_NOUN),
        (CLAIM_CUES, "spreading", Roles::SPREADING),
        (CLAIM_CUES, "raised", Roles::RAISED),
        (CLAIM_CUES, "report-passive", Roles::REPORT_PASSIVE),
        (CLAIM_CUES, "dispute", Roles::DISPUTE),
        (CLAIM_CUES, "criticism", Roles::CRITICISM),
        (CLAIM_CUES, "praise", Roles::PRAISE),
        (CLAIM_CUES, "figure-passive", Roles::FIGURE_PASSIVE),
        (CLAIM_CUES, "criticism-nouns", Roles::CRITICISM_NOUN),
        (CLAIM_CUES, "facing", Roles::FACING),
        (CLAIM_CUES, "characterisation", Roles::CHARACTERISATION),
        (CLAIM_CUES, "perception", Roles::PERCEPTION),
        (CLAIM_CUES, "appearance", Roles::APPEARANCE),
        (CLAIM_CUES, "conclusion", Roles::CONCLUSION),
        (CLAIM_CUES, "estimate", Roles::ESTIMATE),
        (CLAIM_CUES, "casualty-count", Roles::CASUALTY_COUNT),
        (CLAIM_CUES, "casualties", Roles::CASUALTY),
    ] {
        for pattern in wordlist::section(list, section) {
            add(pattern, roles);
        }
    }
    for (section, roles) in [
        ("agencies", Roles::AGENCY),
        ("institutions", Roles::INSTITUTION),
    ] {
        for name in wordlist::section(SOURCE_NAMES, section) {
            let entry = patterns.entry(name.to_lowercase()).or_default();
            let (_, name_roles) = entry.name.get_or_insert((name, Roles::default()));
            *name_roles = name_roles.or(roles);
        }
    }
    let (keys, entries): (Vec<String>, Vec<Entry>) = patterns.into_iter().unzip();
    let phrases = Phrases::new(keys.iter().map(String::as_str));
    let set = |list: &'static str, section: &str| -> WordSet {
        wordlist::section(list, section)
            .into_iter()
            .map(str::as_bytes)
            .collect()
    };
    Lexicon {
        phrases,
        entries,
        be: set(GRAMMAR, "be"),
        between: set(GRAMMAR, "between"),
        determiners: set(GRAMMAR, "determiners"),
        pronouns: set(GRAMMAR, "pronouns"),
        personal: set(GRAMMAR, "personal"),
        clause_breaks: set(GRAMMAR, "clause-breaks"),
        subordinators: set(GRAMMAR, "subordinators"),
        coordinators: set(GRAMMAR, "coordinators"),
        quantifiers: set(VAGUE_SOURCES, "quantifiers"),
        back_references: set(VAGUE_SOURCES, "back-references"),
        prepositions: set(GRAMMAR, "prepositions"),
        hypothetical: set(GRAMMAR, "hypothetical"),
        times: set(GRAMMAR, "times"),
        measures: set(GRAMMAR, "measures"),
        relatives: set(GRAMMAR, "relatives"),
        participles: set(GRAMMAR, "participles"),
        laws: set(GRAMMAR, "laws"),
        showing_up: set(GRAMMAR, "showing-up"),
        inverted_verbs: set(VAGUE_SOURCES, "inverted-verbs"),
        openers: wordlist::entries(OPENERS).map(str::as_bytes).collect(),
    }
}

/// A pattern in lower case, and its forms with "it is" or "it has"
/// contracted, straight and curly ("it's believed", "it’s been said"): the
/// lists spell impersonal phrases out, copy often does not.
fn contracted(pattern: &str) -> Vec<String> {
    let lower = pattern.to_lowercase();
    let rest = ["it is ", "it has "]
        .iter()
        .find_map(|full| lower.strip_prefix(full));
    let mut forms = vec![lower.clone()];
    if let Some(rest) = rest {
        forms.extend(
            ["it's ", "it’s "]
                .iter()
                .map(|short| format!("{short}{rest}")),
        );
    }
    forms
}

/// The entry of the pattern that is exactly `text`, if any.
pub(super) fn entry(text: &str) -> Option<&'static Entry> {
    LEXICON.phrases.get(text).map(|id| &LEXICON.entries[id])
}

/// Whether `word`, compared without regard to ASCII case and with a curly
/// apostrophe read as a straight one, is in `set` (whose entries are lower case).
pub(super) fn contains(set: &WordSet, word: &str) -> bool {
    // Byte by byte: ASCII lowercasing leaves the bytes of other characters
    // as they are, and the curly apostrophe is one three-byte sequence. This
    // runs for most words of every analysis, so no char decoding.
    const CURLY: &[u8] = "’".as_bytes();
    let mut buf = [0u8; LONGEST_WORD];
    let mut len = 0;
    let bytes = word.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (b, step) = if bytes[i..].starts_with(CURLY) {
            (b'\'', CURLY.len())
        } else {
            (bytes[i].to_ascii_lowercase(), 1)
        };
        let Some(slot) = buf.get_mut(len) else {
            return false;
        };
        *slot = b;
        len += 1;
        i += step;
    }
    let shape = set.shapes[len];
    len > 0 && shape & (1 << (buf[0] % 128)) != 0 && set.words.contains(&buf[..len])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(pattern: &str) -> Roles {
        entry(pattern).map_or(Roles::default(), |e| e.roles)
    }

    #[test]
    fn a_word_is_looked_up_in_ascii_lowercase_with_a_straight_apostrophe() {
        let set: WordSet = [&b"don't"[..], b"said", "café".as_bytes()]
            .into_iter()
            .collect();
        assert!(contains(&set, "DON’T"));
        assert!(contains(&set, "Don't"));
        assert!(contains(&set, "SAID"));
        assert!(contains(&set, "CAFé"));
        assert!(!contains(&set, "CAFÉ"), "only ASCII letters are lowered");
        assert!(!contains(&set, "saidx"));
        assert!(!contains(&set, &"said".repeat(7)), "longer than any entry");
    }

    #[test]
    fn the_shape_filter_keeps_every_word_up_to_the_longest() {
        let longest: &'static str = Box::leak("a".repeat(LONGEST_WORD).into_boxed_str());
        let set: WordSet = [
            &b"i"[..],
            b"it's",
            "über".as_bytes(),
            b"zz",
            longest.as_bytes(),
        ]
        .into_iter()
        .collect();
        for word in ["I", "IT’S", "über", "ZZ", longest] {
            assert!(contains(&set, word), "{word}");
        }
        for word in ["", "a", "it", "zzz", "Über", "b"] {
            assert!(!contains(&set, word), "{word}");
        }
    }

    #[test]
    fn every_form_of_a_verb_is_a_pattern_and_roles_merge() {
        for form in ["say", "says", "said", "saying", "Told", "WRITTEN"] {
            assert!(roles(form).has(Roles::SPEECH), "{form}");
        }
        let expected = roles("expected");
        assert!(expected.has(Roles::BELIEF) && expected.has(Roles::EXPECTATION));
        assert!(roles("according to").has(Roles::PHRASE));
        assert!(!roles("states").has(Roles::SPEECH));
    }

    #[test]
    fn impersonal_phrases_are_patterns_contracted_too() {
        for form in [
            "it is believed",
            "it's believed",
            "it’s believed",
            "It’s been said",
        ] {
            assert!(roles(form).has(Roles::IMPERSONAL), "{form}");
        }
        assert!(!roles("it’s been").has(Roles::IMPERSONAL));
        assert_eq!(contracted("said"), vec!["said".to_string()]);
    }

    #[test]
    fn names_keep_their_spelling() {
        let reuters = entry("Reuters").and_then(|e| e.name);
        assert_eq!(reuters, Some(("Reuters", Roles::AGENCY)));
    }

    #[test]
    fn set_lookup_ignores_ascii_case() {
        assert!(contains(&LEXICON.be, "Was"));
        assert!(contains(&LEXICON.be, "isn't"));
        assert!(contains(&LEXICON.be, "Isn’t"));
        assert!(!contains(&LEXICON.be, "wasp"));
        assert!(!contains(&LEXICON.be, "a-very-long-word-that-fits-nowhere"));
    }
}
