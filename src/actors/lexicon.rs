//! The word lists the actor model reads, compiled once into one table of
//! phrases (`wordlist::Phrases`); `scan.rs` finds their entries in a
//! document, aligned to its tokens; `syllables.rs` reads romanised
//! syllables.
//!
//! Matching ignores ASCII case, except that where a list entry has a capital
//! ("Chinese", "White House", "AP") the text must have one too.

mod scan;
mod syllables;

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::hashing::{FastMap, FastSet};
use crate::wordlist::{self, Phrases};
pub use scan::{AddedTitles, BlockScan, LexMatch, Scan};
use syllables::Syllables;

const TITLES: &str = include_str!("../../data/titles.txt");
const RELATIONS: &str = include_str!("../../data/relations.txt");
const COURTESY: &str = include_str!("../../data/courtesy-titles.txt");
const SPEECH: &str = include_str!("../../data/speech-verbs.txt");
const NATIONALITIES: &str = include_str!("../../data/nationalities.txt");
const PLACES: &str = include_str!("../../data/places.txt");
const ORGANISATIONS: &str = include_str!("../../data/organisations.txt");
const NOT_NAMES: &str = include_str!("../../data/not-names.txt");
const OPENERS: &str = include_str!("../../data/sentence-openers.txt");
const GIVEN: &str = include_str!("../../data/given-names.txt");
const FAMILY: &str = include_str!("../../data/family-names.txt");
const NAME_PARTS: &str = include_str!("../../data/name-parts.txt");
const CAPTIONS: &str = include_str!("../../data/caption-markers.txt");
const NAME_MODIFIERS: &str = include_str!("../../data/name-modifiers.txt");
const CHARACTER_CUES: &str = include_str!("../../data/character-cues.txt");

/// The longest paragraph read as a possible photo caption, in bytes.
const MAX_CAPTION: usize = 600;

/// What a list entry is. Each class is one bit of a [`Classes`] set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Class {
    /// A formal title ("Foreign Minister").
    Office,
    /// A job description ("astronaut", "special envoy").
    Descriptor,
    /// A word that narrows an office ("Foreign", "Deputy").
    Qualifier,
    /// A word about the holder's standing ("former").
    Modifier,
    /// An office whose holder leads a country.
    Leader,
    /// A relation between two people ("counterpart").
    Relation,
    /// A courtesy title ("Mr").
    Courtesy,
    Nationality,
    Country,
    /// A capital that can stand for its government.
    Capital,
    Place,
    Agency,
    /// An institution that stands for a government ("Kremlin").
    Institution,
    International,
    /// An armed, political or activist group ("Taliban").
    Group,
    /// A group named with an ordinary word ("Anonymous").
    WordGroup,
    GovernmentHead,
    OrganisationHead,
    PlaceHead,
    EventHead,
    /// A capitalised word that is not a name ("Monday", "He").
    NotName,
    SpeechVerb,
    /// A phrase with the speaker after it ("according to").
    SpeechBefore,
    /// A word between a speaker and the verb ("also", "has").
    SpeechGap,
    /// A phrase with a character's name after it ("the voice of").
    CharacterCue,
    /// The same, with "the" before the name ("played the Joker").
    CharacterCueArticle,
}

impl Class {
    /// Entries of name lists only match capitalised words, unless they are
    /// written in lowercase ("dpa"); capitalised words are all the
    /// not-a-name list is for.
    fn needs_capital(self, entry: &str) -> bool {
        self == Class::NotName
            || entry.starts_with(|c: char| c.is_uppercase())
                && !matches!(
                    self,
                    Class::Office
                        | Class::Descriptor
                        | Class::Qualifier
                        | Class::Modifier
                        | Class::Leader
                        | Class::Relation
                        | Class::SpeechVerb
                        | Class::SpeechBefore
                        | Class::SpeechGap
                )
    }
}

/// A set of classes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Classes(u32);

impl Classes {
    pub const NONE: Classes = Classes(0);

    pub const fn of(classes: &[Class]) -> Classes {
        let mut bits = 0;
        let mut i = 0;
        while i < classes.len() {
            bits |= 1 << classes[i] as u32;
            i += 1;
        }
        Classes(bits)
    }

    pub const fn or(self, other: Classes) -> Classes {
        Classes(self.0 | other.0)
    }

    pub const fn without(self, class: Class) -> Classes {
        Classes(self.0 & !(1 << class as u32))
    }

    pub fn has(self, class: Class) -> bool {
        self.0 & (1 << class as u32) != 0
    }

    /// One bit per class, for the name tagger's features.
    pub fn bits(self) -> u32 {
        self.0
    }

    pub fn any(self, set: Classes) -> bool {
        self.0 & set.0 != 0
    }

    fn add(&mut self, class: Class) {
        self.0 |= 1 << class as u32;
    }
}

/// Words that can make up a title before a name.
pub const TITLE_WORDS: Classes = Classes::of(&[
    Class::Office,
    Class::Descriptor,
    Class::Qualifier,
    Class::Modifier,
    Class::Leader,
    Class::Relation,
]);

/// Capitalised words that name a place or an organisation.
pub const PLACES_AND_BODIES: Classes = Classes::of(&[
    Class::Nationality,
    Class::Country,
    Class::Capital,
    Class::Place,
    Class::Agency,
    Class::Institution,
    Class::International,
    Class::Group,
    Class::WordGroup,
]);

/// Words that end the name of an organisation, place or event.
pub const HEADS: Classes = Classes::of(&[
    Class::GovernmentHead,
    Class::OrganisationHead,
    Class::PlaceHead,
    Class::EventHead,
]);

#[derive(Clone, Copy)]
struct Pattern {
    class: Class,
    /// The entry as written, for its capitals.
    text: &'static str,
    /// What the entry stands for: a country for nationalities, capitals and
    /// institutions; the entry itself otherwise.
    value: &'static str,
}

/// How a family-name-first name is referred to later.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaterName {
    /// Chinese and Korean: the family name ("Xi").
    Family,
    /// Vietnamese: the given name, the last word ("Phuc").
    Given,
}

pub struct Lexicon {
    /// Every distinct entry text, matched at token starts.
    phrases: Phrases,
    /// For each phrase, the list entries written that way.
    entries: Vec<Vec<Pattern>>,
    given: FastSet<&'static str>,
    /// Single-word entries of the not-a-name lists, lowercase.
    not_names: FastSet<String>,
    family_first: FastMap<&'static str, LaterName>,
    particles: FastSet<&'static str>,
    capitalised_particles: FastSet<&'static str>,
    suffixes: FastSet<&'static str>,
    /// The pieces of a romanised syllable, lowercase.
    syllables: Syllables,
    nationality_of: HashMap<&'static str, &'static str>,
    /// Office words written two ways, to one spelling ("gen" -> "general").
    same_office: FastMap<&'static str, &'static str>,
    caption_markers: Vec<&'static str>,
    name_modifiers: FastSet<&'static str>,
    led_governments: FastSet<&'static str>,
    leads: FastSet<&'static str>,
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

/// Splits `entry = value`; an entry without `=` stands for itself.
fn entry_value(line: &'static str) -> (&'static str, &'static str) {
    match line.split_once(" = ") {
        Some((entry, value)) => (entry.trim(), value.trim()),
        None => (line, line),
    }
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut patterns = Vec::new();
        let mut add = |class: Class, src: &'static str, section: Option<&str>| {
            let lines = match section {
                Some(name) => wordlist::section(src, name),
                None => wordlist::entries(src).collect(),
            };
            for line in lines {
                let (text, value) = entry_value(line);
                patterns.push(Pattern { class, text, value });
            }
        };
        add(Class::Office, TITLES, Some("offices"));
        add(Class::Descriptor, TITLES, Some("descriptors"));
        add(Class::Qualifier, TITLES, Some("qualifiers"));
        add(Class::Modifier, TITLES, Some("modifiers"));
        add(Class::Leader, TITLES, Some("leaders"));
        add(Class::Relation, RELATIONS, None);
        add(Class::Courtesy, COURTESY, None);
        add(Class::SpeechVerb, SPEECH, Some("verbs"));
        add(Class::SpeechBefore, SPEECH, Some("before"));
        add(Class::SpeechGap, SPEECH, Some("between"));
        add(Class::CharacterCue, CHARACTER_CUES, Some("direct"));
        add(Class::CharacterCueArticle, CHARACTER_CUES, Some("article"));
        add(Class::Nationality, NATIONALITIES, None);
        add(Class::Country, PLACES, Some("countries"));
        add(Class::Capital, PLACES, Some("capitals"));
        add(Class::Place, PLACES, Some("places"));
        add(Class::Agency, ORGANISATIONS, Some("agencies"));
        add(Class::Institution, ORGANISATIONS, Some("government"));
        add(Class::International, ORGANISATIONS, Some("international"));
        add(Class::Group, ORGANISATIONS, Some("groups"));
        add(Class::WordGroup, ORGANISATIONS, Some("word-groups"));
        add(
            Class::GovernmentHead,
            ORGANISATIONS,
            Some("government-heads"),
        );
        add(
            Class::OrganisationHead,
            ORGANISATIONS,
            Some("organisation-heads"),
        );
        add(Class::PlaceHead, ORGANISATIONS, Some("place-heads"));
        add(Class::EventHead, ORGANISATIONS, Some("event-heads"));
        // Single words that are not names are looked up per capitalised
        // token instead: in the automaton, their lowercase twins ("the",
        // "he") would make most of the text a match.
        let mut not_names = FastSet::default();
        for line in wordlist::entries(NOT_NAMES).chain(wordlist::entries(OPENERS)) {
            if line.contains(' ') {
                patterns.push(Pattern {
                    class: Class::NotName,
                    text: line,
                    value: line,
                });
            } else {
                not_names.insert(line.to_ascii_lowercase());
            }
        }
        // One phrase per entry text, whatever its case and lists.
        let mut index: FastMap<String, usize> = FastMap::default();
        let mut entries: Vec<Vec<Pattern>> = Vec::new();
        for p in &patterns {
            let next = entries.len();
            let id = *index.entry(p.text.to_ascii_lowercase()).or_insert(next);
            if id == next {
                entries.push(Vec::new());
            }
            entries[id].push(Pattern { ..*p });
        }
        let mut texts: Vec<&str> = vec![""; entries.len()];
        for (text, &id) in &index {
            texts[id] = text;
        }
        let phrases = Phrases::new(texts.iter().copied());
        let mut family_first = FastMap::default();
        for (section, later) in [
            ("chinese", LaterName::Family),
            ("korean", LaterName::Family),
            ("vietnamese", LaterName::Given),
        ] {
            for name in wordlist::section(FAMILY, section) {
                family_first.entry(name).or_insert(later);
            }
        }
        let set = |src: &'static str, section: &str| -> FastSet<&'static str> {
            wordlist::section(src, section).into_iter().collect()
        };
        Lexicon {
            phrases,
            given: wordlist::entries(GIVEN).collect(),
            not_names,
            family_first,
            particles: set(NAME_PARTS, "particles"),
            capitalised_particles: set(NAME_PARTS, "capitalised-particles"),
            suffixes: set(NAME_PARTS, "suffixes"),
            syllables: Syllables::new(),
            caption_markers: wordlist::entries(CAPTIONS).collect(),
            name_modifiers: wordlist::entries(NAME_MODIFIERS).collect(),
            led_governments: set(ORGANISATIONS, "led-governments"),
            leads: set(ORGANISATIONS, "leads"),
            same_office: wordlist::section(TITLES, "same-office")
                .into_iter()
                .map(entry_value)
                .collect(),
            nationality_of: patterns
                .iter()
                .filter(|p| p.class == Class::Nationality)
                .map(|p| (p.value, p.text))
                .rev()
                .collect(),
            entries,
        }
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        self.given.contains(word)
    }

    /// The later-reference convention of a family name written first, if listed.
    pub fn family_first(&self, word: &str) -> Option<LaterName> {
        self.family_first.get(word).copied()
    }

    pub fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(word)
    }

    pub fn is_capitalised_particle(&self, word: &str) -> bool {
        self.capitalised_particles.contains(word)
    }

    pub fn is_suffix(&self, word: &str) -> bool {
        self.suffixes.contains(word.trim_end_matches('.'))
    }

    /// An office word in the one spelling titles are compared in.
    pub fn same_office<'w>(&self, word: &'w str) -> &'w str {
        self.same_office.get(word).copied().unwrap_or(word)
    }

    /// Whether a noun is one a name can modify ("campaign" in "the Trump
    /// campaign").
    pub fn is_name_modifier(&self, noun: &str) -> bool {
        self.name_modifiers
            .contains(noun.to_ascii_lowercase().as_str())
    }

    /// Whether a lowercase noun names the government of the leader named
    /// before it ("government" in "the Monti government").
    pub fn is_led_government(&self, noun: &str) -> bool {
        self.led_governments.contains(noun)
    }

    /// Whether a capitalised word before a name makes it a place's or an
    /// event's ("Cyclone", "Fort", "San").
    pub fn is_lead(&self, word: &str) -> bool {
        self.leads.contains(word)
    }

    /// Whether a paragraph is a photo caption or credit. Captions are short:
    /// longer paragraphs are not searched.
    pub fn is_caption(&self, paragraph: &str) -> bool {
        paragraph.len() <= MAX_CAPTION && self.caption_markers.iter().any(|m| paragraph.contains(m))
    }

    /// Whether a word is a small function word ("with", "and", "by"), or
    /// another word the not-a-name lists hold.
    pub fn is_function_word(&self, word: &str) -> bool {
        // Lowercased on the stack: asked for nearly every word.
        let mut buffer = [0u8; 12];
        let Some(lower) = buffer.get_mut(..word.len()) else {
            return false;
        };
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(|w| self.not_names.contains(w))
    }

    /// Whether a word, on its own, is a listed place or public body
    /// ("Washington", "Jordan"): as a bare surname it may mean the place.
    pub fn names_a_place(&self, word: &str) -> bool {
        self.phrases.get(word).is_some_and(|id| {
            self.entries[id]
                .iter()
                .any(|p| Classes::of(&[p.class]).any(PLACES_AND_BODIES))
        })
    }

    /// Whether a word, in any case, is a listed last word of a place's name
    /// ("Peninsula", "Town"; "town" in "the town of ...").
    pub fn is_place_head(&self, word: &str) -> bool {
        self.phrases
            .get(word)
            .is_some_and(|id| self.entries[id].iter().any(|p| p.class == Class::PlaceHead))
    }

    /// Whether a word is a listed relation between two people ("brother",
    /// "successor").
    pub fn is_relation(&self, word: &str) -> bool {
        self.phrases
            .get(word)
            .is_some_and(|id| self.entries[id].iter().any(|p| p.class == Class::Relation))
    }

    /// Whether a word, on its own, is a listed nationality ("American").
    pub fn is_nationality(&self, word: &str) -> bool {
        self.phrases.get(word).is_some_and(|id| {
            self.entries[id]
                .iter()
                .any(|p| p.class == Class::Nationality)
        })
    }

    /// The office key of a title written on its own, such as a people file's
    /// "Chinese Foreign Minister": its office words, lowercase, without
    /// nationality or place names.
    pub fn office_key_of(&self, title: &str) -> String {
        let office = Classes::of(&[
            Class::Office,
            Class::Qualifier,
            Class::Leader,
            Class::Descriptor,
        ]);
        let place = PLACES_AND_BODIES;
        let mut covered: Vec<(usize, usize, Classes)> = Vec::new();
        // Entries start at a word and end at a word's end or before its
        // punctuation ("Gen." or "Gen"); they do not overlap.
        let bytes = title.as_bytes();
        let alphanumeric = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
        let ends = |start: usize| {
            (start + 1..=title.len()).filter(move |&end| {
                title.is_char_boundary(end) && (!alphanumeric(end) || !alphanumeric(end - 1))
            })
        };
        let mut start = 0;
        while start < title.len() {
            if title[..start].ends_with(|c: char| !c.is_whitespace())
                || !title.is_char_boundary(start)
            {
                start += 1;
                continue;
            }
            match self.phrases.longest_at(title, start, ends(start)) {
                Some((end, id)) => {
                    let mut classes = Classes::NONE;
                    for p in &self.entries[id] {
                        classes.add(p.class);
                    }
                    covered.push((start, end, classes));
                    start = end;
                }
                None => start += 1,
            }
        }
        let mut key = String::new();
        let mut at = 0;
        for word in title.split_whitespace() {
            let start = title[at..].find(word).map_or(at, |i| at + i);
            at = start + word.len();
            let classes = covered
                .iter()
                .filter(|(s, e, _)| *s <= start && start < *e)
                .fold(Classes::NONE, |acc, (_, _, c)| acc.or(*c));
            if !classes.any(office) || classes.any(place) && !classes.has(Class::Office) {
                continue;
            }
            let lower = word.trim_end_matches('.').to_lowercase();
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(self.same_office(&lower));
        }
        key
    }

    /// A nationality word for a country ("Russia" -> "Russian"), for derived roles.
    pub fn nationality_of(&self, country: &str) -> Option<&'static str> {
        self.nationality_of.get(country).copied()
    }

    /// Whether a word reads as one or more romanised Chinese, Korean or
    /// Vietnamese syllables ("Jinping", "Jae", "Wook").
    pub fn is_syllabic(&self, word: &str) -> bool {
        word.len() <= 16 && self.syllables.spell(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Language;

    fn scan(text: &str) -> (crate::prose::Prose, Scan) {
        let prose = crate::prose::parse(text, Language::PlainText, &mut Default::default());
        let scan = LEXICON.scan(&prose, &AddedTitles::default(), &mut Default::default());
        (prose, scan)
    }

    #[test]
    fn entries_align_to_tokens_and_respect_capitals() {
        let (prose, scan) =
            scan("U.S. Secretary of State Marco Rubio met the chinese envoy in Beijing.");
        let word = |i: usize| prose.slice(prose.tokens[i].word);
        let office = scan.at(1, Class::Office).map(|m| m.last);
        assert_eq!(office.map(word), Some("State"));
        assert_eq!(
            scan.at(0, Class::Nationality).map(|m| m.value),
            Some("United States")
        );
        // "chinese" in lowercase is not the nationality.
        let chinese = prose
            .tokens
            .iter()
            .position(|t| prose.slice(t.word) == "chinese");
        assert!(!scan.cover(chinese.unwrap()).has(Class::Nationality));
        let beijing = prose
            .tokens
            .iter()
            .position(|t| prose.slice(t.word) == "Beijing");
        assert_eq!(
            scan.at(beijing.unwrap(), Class::Capital).map(|m| m.value),
            Some("China")
        );
    }

    #[test]
    fn entries_do_not_match_inside_words() {
        let (prose, scan) = scan("Lithuanian Premier");
        let lit = scan.starting(0);
        assert!(lit
            .iter()
            .all(|m| m.class != Class::Nationality || m.value == "Lithuania"));
        assert!(scan.cover(1).has(Class::Office), "{:?}", prose.tokens);
    }

    /// An entry starts at a token: "Islamic State" inside "pro-Islamic
    /// State" is not the group, and a longer entry ending inside a word
    /// leaves the shorter one that ends on a word.
    #[test]
    fn entries_start_at_a_token_and_end_on_a_word() {
        let (prose, scan) =
            scan("The pro-Islamic State account. The Islamic State. Secretary of Statecraft Lee.");
        let at = |word: &str| {
            let found = prose
                .tokens
                .iter()
                .position(|t| prose.slice(t.word) == word);
            found.unwrap_or(usize::MAX)
        };
        let group = |i: usize| scan.starting(i).iter().any(|m| m.class == Class::Group);
        let islamic: Vec<usize> = (0..prose.tokens.len())
            .filter(|&i| prose.slice(prose.tokens[i].word) == "Islamic")
            .collect();
        assert!(islamic
            .iter()
            .all(|&i| !group(i) || i == islamic[islamic.len() - 1]));
        assert!(group(islamic[islamic.len() - 1]), "{:?}", prose.tokens);
        let secretary = scan.at(at("Secretary"), Class::Office).map(|m| m.last);
        assert_eq!(secretary, Some(at("Secretary")));
    }

    #[test]
    fn office_keys_of_titles_written_alone() {
        assert_eq!(
            LEXICON.office_key_of("Chinese Foreign Minister"),
            "foreign minister"
        );
        assert_eq!(LEXICON.office_key_of("Gen."), "general");
        assert_eq!(
            LEXICON.office_key_of("Defence Secretary"),
            "defense secretary"
        );
    }
}
