//! Recognition: one pass over each sentence's tokens that finds names with
//! their titles, appositives and possessors, organisations, and descriptions
//! such as "the US president". Linking them into actors is `link.rs`'s job.
//!
//! The grammar, in the order it runs on a sentence:
//! 1. bodies: listed agencies and institutions, and capitalised phrases ending
//!    in a head word ("Chinese Foreign Ministry", "Constitution Hall"); capitals
//!    and countries that act ("Beijing says");
//! 2. name runs: capitalised words that are not in any list, with particles
//!    and initials ("L. Ron Hubbard", "Charles de Gaulle");
//! 3. for each run, the title to its left ("U.S. Secretary of State", "his
//!    Russian counterpart") and the appositive to its right (", the EU's
//!    foreign policy chief,");
//! 4. descriptions: "the" and an office with no name after it.

mod memo;

use std::cell::OnceCell;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::lexicon::{
    Class, Classes, LexMatch, Scan, HEADS, LEXICON, PLACES_AND_BODIES, TITLE_WORDS,
};
use super::names::{NameOrder, PersonName};
use super::ActorKind;
use crate::prose::{Block, BlockKind, BlockMemo, Prose, Token, TokenKind};
use crate::span::Span;
pub use memo::BlockFound;
use memo::Origin;

/// Why a name is taken for a person's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    /// A title, role word or relation before the name, or an appositive after it.
    pub role: bool,
    /// "Mr.", "Dr." before the name.
    pub courtesy: bool,
    /// The first word is a known given name, or the name reads family-name-first.
    pub name_shape: bool,
    /// The name says or is quoted ("Lavrov said", "according to Lavrov").
    pub speaker: bool,
    /// An age after the name ("Mohamed, 14,").
    pub age: bool,
    /// A character's name: "the voice of Batman", "played the Joker".
    pub character: bool,
}

impl Evidence {
    pub fn strong(self) -> bool {
        self.role || self.courtesy || self.name_shape || self.speaker || self.age || self.character
    }
}

/// Who a title's possessive points to ("his", "Trump's", "the US president's").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Possessor {
    Pronoun(Span),
    /// Another name, by its index in [`Found::names`].
    Name(usize),
    /// A description, by its index in [`Found::descriptions`].
    Description(usize),
}

/// A title or role, before or after a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title {
    /// The title as written, without article or possessor.
    pub span: Span,
    /// The office words within it ("Foreign Minister"), if it has any.
    pub office: Option<Span>,
    /// The office words, lowercase, abbreviations and spellings made one
    /// ("Gen." and "General", "Defence" and "Defense"), for comparing titles.
    pub office_key: String,
    /// The words of the office whose case the house style governs: not the
    /// names of places or bodies in it, nor "of" and "the".
    pub case_words: Vec<Span>,
    pub country: Option<&'static str>,
    /// Holds a formal title, not only a job description or relation.
    pub formal: bool,
    /// The office makes its holder a country's leader.
    pub leader: bool,
    pub relation: Option<&'static str>,
    /// An article stands before it ("the foreign minister").
    pub article: bool,
    /// Set off from the name by a comma (an appositive, before or after).
    pub set_off: bool,
    /// Follows the name.
    pub after_name: bool,
    /// Nothing that describes the office stands before the title: it is a
    /// title, not part of a longer description ("city mayor").
    pub opens_phrase: bool,
}

#[derive(Clone, Debug)]
pub struct RawName {
    /// The name's words, split into family and given names.
    pub parsed: PersonName,
    /// The name's words, from the first to the last (not the possessive ending).
    pub name: Span,
    pub tokens: Range<usize>,
    /// The whole reference: title and name.
    pub span: Span,
    pub title: Option<Box<Title>>,
    pub appositive: Option<Box<Title>>,
    pub possessor: Option<Possessor>,
    pub courtesy: Option<Span>,
    /// Where the reference ends, with its appositive, for finding its verb.
    pub reach: usize,
    pub evidence: Evidence,
    /// Read as part of another name's title ("Hamas" in "Hamas leader Ismail
    /// Haniyeh"), so not a reference of its own.
    pub in_title: bool,
    /// A listed word ("Park", "Hill"): a reference only to a person named in full.
    pub listed: bool,
    /// Part of a place's name ("Chiang Kai Shek" in "Chiang Kai Shek
    /// Memorial"): weak evidence that makes a person only if no other
    /// person has the family name.
    pub in_place_name: bool,
    pub possessive: bool,
    pub in_quote: bool,
    pub heading: bool,
    /// In a photo caption: part of the article, but not judged by the rules.
    pub caption: bool,
}

/// Where an organisation's name was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodySource {
    Agency,
    International,
    /// An institution that stands for a government ("Kremlin").
    Institution,
    /// A capital or country that acts ("Beijing says").
    Place,
    /// A capitalised name ending in a head word ("Foreign Ministry").
    Headed,
    /// A listed group, with what it is ("Islamist movement").
    Group(&'static str),
    /// A leader's name and a government noun ("the Monti government"): a
    /// government only where the name is no person's reference.
    Led,
}

#[derive(Clone, Debug)]
pub struct RawBody {
    pub span: Span,
    pub source: BodySource,
    /// The name used to link references: as written, without "the" or "'s".
    pub key: String,
    pub kind: ActorKind,
    pub country: Option<&'static str>,
    pub possessive: bool,
    pub in_quote: bool,
    pub heading: bool,
    /// In a photo caption: part of the article, but not judged by the rules.
    pub caption: bool,
}

/// "the US president": an office with no name, linked when it is unique.
#[derive(Clone, Debug)]
pub struct RawDescription {
    pub span: Span,
    /// The office it names, as a title with no name.
    pub title: Title,
    pub possessive: bool,
    pub in_quote: bool,
    pub heading: bool,
    /// In a photo caption: part of the article, but not judged by the rules.
    pub caption: bool,
}

#[derive(Debug, Default)]
pub struct Found {
    pub names: Vec<RawName>,
    pub bodies: Vec<RawBody>,
    pub descriptions: Vec<RawDescription>,
}

/// Hashes of the words a document writes in lowercase.
type Vocabulary = HashSet<u64, BuildHasherDefault<PassThrough>>;

#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A case-folded hash of a word, without allocating.
fn folded_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |c: u64| h = (h ^ c).wrapping_mul(0x0100_0000_01b3);
    if word.is_ascii() {
        for b in word.bytes() {
            mix(u64::from(b.to_ascii_lowercase()));
        }
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            mix(u64::from(c));
        }
    }
    h
}

/// What a token has been taken for so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Use {
    Free,
    Body,
    Name(u32),
    /// An appositive's words: a role, not a description of its own.
    Role,
}

/// Listed words that are not names (unless a given name came first).
const NOT_NAME_WORDS: Classes = TITLE_WORDS
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
const SMALL_WORDS: [&str; 37] = [
    "the",
    "a",
    "an",
    "of",
    "to",
    "for",
    "and",
    "de",
    "on",
    "his",
    "her",
    "their",
    "its",
    "i",
    "he",
    "she",
    "it",
    "we",
    "they",
    "you",
    "our",
    "who",
    "which",
    "that",
    "whose",
    "where",
    "when",
    "also",
    "has",
    "had",
    "have",
    "later",
    "then",
    "again",
    "repeatedly",
    "previously",
    "earlier",
];

const fn small(words: &[&str]) -> u64 {
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

const fn const_eq(a: &str, b: &str) -> bool {
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

const THE: u64 = small(&["the"]);
const OF: u64 = small(&["of"]);
const TO: u64 = small(&["to"]);
const CONNECTORS: u64 = small(&["of", "to", "for", "the"]);
const ARTICLES: u64 = small(&["the", "a", "an"]);
const PRONOUNS: u64 = small(&[
    "i", "he", "she", "it", "we", "they", "you", "his", "her", "its", "their", "our",
]);
const POSSESSIVE_PRONOUNS: u64 = small(&["his", "her", "their", "its"]);
/// Words that join the words of an organisation's name ("Ministry of Defence").
const NAME_JOINS: u64 = small(&["of", "and", "for", "the", "de", "on"]);
/// Words that start a clause, so what follows a comma is not an appositive.
const CLAUSE_WORDS: u64 = small(&["who", "which", "that", "whose", "where", "when", "and"]);
/// Words between a speaker and the verb ("Lavrov also said", "Moscow has warned").
const VERB_GAP: u64 = small(&[
    "also",
    "has",
    "had",
    "have",
    "later",
    "then",
    "again",
    "repeatedly",
    "previously",
    "earlier",
]);

/// The bit of a small word, given in lowercase.
fn small_word_bit(lower: &[u8]) -> u64 {
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
        b"also" => 27,
        b"has" => 28,
        b"had" => 29,
        b"have" => 30,
        b"later" => 31,
        b"then" => 32,
        b"again" => 33,
        b"repeatedly" => 34,
        b"previously" => 35,
        b"earlier" => 36,
        _ => return 0,
    };
    debug_assert_eq!(SMALL_WORDS[i].as_bytes(), lower);
    1 << i
}

/// What is known of a token before the grammar runs, in one word: the bits
/// of [`SMALL_WORDS`] it is (case ignored), and the flags below.
#[derive(Clone, Copy, Debug, Default)]
struct Facts(u64);

impl Facts {
    /// A word starting with a capital letter.
    const CAPITALISED: u64 = 1 << 48;
    /// "NASA", "AS": capitals only, two letters or more.
    const ACRONYM: u64 = 1 << 49;
    const GIVEN_NAME: u64 = 1 << 50;
    /// A family name written first ("Xi", "Park").
    const FAMILY_FIRST: u64 = 1 << 51;

    fn of(token: &Token, word: &str) -> Facts {
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

    fn has(self, flag: u64) -> bool {
        self.0 & flag != 0
    }
}

/// Reads every block of a document; a block whose key the memo holds, and
/// whose reading still agrees with the document's vocabulary, is not read again.
pub fn recognise(prose: &Prose, scan: &Scan, memo: &mut BlockMemo<BlockFound>) -> Found {
    let mut reader = Reader {
        prose,
        tokens: &prose.tokens,
        scan,
        facts: vec![Facts::default(); prose.tokens.len()],
        vocabulary: OnceCell::new(),
        asked: Vec::new(),
        caption: false,
        sentence_end: 0,
        uses: vec![Use::Free; prose.tokens.len()],
        found: Found {
            names: Vec::with_capacity(prose.tokens.len() / 8),
            ..Found::default()
        },
    };
    for block in &prose.blocks {
        let origin = Origin {
            byte: block.span.start,
            token: block.tokens.start,
            name: reader.found.names.len(),
            description: reader.found.descriptions.len(),
        };
        let kept = memo.reuse(block.key, |kept| {
            kept.asked
                .iter()
                .all(|&(word, known)| reader.knows(word) == known)
        });
        if let Some(kept) = kept {
            reader.found.append_placed(&kept.found, origin);
            continue;
        }
        let bodies = reader.found.bodies.len();
        reader.asked.clear();
        reader.block(block);
        if let Some(found) = reader.found.local_since(origin, bodies) {
            let asked = std::mem::take(&mut reader.asked);
            memo.insert(block.key, BlockFound { found, asked });
        }
    }
    memo.finish();
    reader.found
}

struct Reader<'a> {
    prose: &'a Prose,
    tokens: &'a [Token],
    scan: &'a Scan,
    facts: Vec<Facts>,
    /// Made when first needed: most documents never ask.
    vocabulary: OnceCell<Vocabulary>,
    /// What the block being read asked of the vocabulary, with the answers.
    asked: Vec<(u64, bool)>,
    /// The sentence being read is in a photo caption.
    caption: bool,
    /// The end of the sentence being read: nothing past it is looked at.
    sentence_end: usize,
    uses: Vec<Use>,
    found: Found,
}

impl Reader<'_> {
    fn word(&self, i: usize) -> &str {
        self.prose.slice(self.tokens[i].word)
    }

    /// Whether token `i` is one of the small words of `mask`.
    fn is(&self, i: usize, mask: u64) -> bool {
        self.facts[i].has(mask)
    }

    fn is_punct(&self, i: usize, marks: &str) -> bool {
        self.tokens[i].kind == TokenKind::Punct && marks.contains(self.word(i))
    }

    fn capitalised(&self, i: usize) -> bool {
        self.facts[i].has(Facts::CAPITALISED)
    }

    /// "NASA", "FIRST": an all-capitals word of two letters or more.
    fn acronym(&self, i: usize) -> bool {
        self.facts[i].has(Facts::ACRONYM)
    }

    fn given_name(&self, i: usize) -> bool {
        self.facts[i].has(Facts::GIVEN_NAME)
    }

    /// Any word is capitalised here: a sentence start, or after an opening
    /// quote mark, bracket, colon or dash.
    fn clause_start(&self, i: usize, lo: usize) -> bool {
        self.tokens[i].sentence_start
            || i == lo
            || self.is_punct(i - 1, "\"“‘'([:—–-")
            || (i >= lo + 2 && self.is_punct(i - 1, "\"“‘'") && self.is_punct(i - 2, ":,"))
    }

    /// Whether the document also writes this word in lowercase: then a
    /// capitalised sentence opener is that word, not a name.
    fn common_word(&mut self, i: usize) -> bool {
        let word = folded_hash(self.word(i));
        let known = self.knows(word);
        self.asked.push((word, known));
        known
    }

    /// Whether the document writes a word (by its folded hash) in lowercase.
    fn knows(&self, word: u64) -> bool {
        self.vocabulary
            .get_or_init(|| {
                self.tokens
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word && !t.capitalised)
                    .map(|t| folded_hash(self.prose.slice(t.word)))
                    .collect()
            })
            .contains(&word)
    }

    fn block(&mut self, block: &Block) {
        for (fact, token) in self.facts[block.tokens.clone()]
            .iter_mut()
            .zip(&self.tokens[block.tokens.clone()])
        {
            *fact = Facts::of(token, self.prose.slice(token.word));
        }
        let heading = block.kind == BlockKind::Heading;
        self.caption = LEXICON.is_caption(self.prose.slice(block.span));
        for sentence in &self.prose.sentences[block.sentences.clone()] {
            self.sentence(sentence.tokens.clone(), heading);
        }
    }

    fn sentence(&mut self, range: Range<usize>, heading: bool) {
        if range.is_empty() {
            return;
        }
        self.sentence_end = range.end;
        self.bodies(range.clone(), heading);
        let first_name = self.found.names.len();
        self.name_runs(range.clone(), heading);
        for n in first_name..self.found.names.len() {
            self.context(n, range.clone());
        }
        self.descriptions(range, heading);
    }

    // ---- 1. bodies -------------------------------------------------------

    fn bodies(&mut self, range: Range<usize>, heading: bool) {
        let mut i = range.start;
        while i < range.end {
            if self.uses[i] != Use::Free || !self.capitalised(i) {
                i += 1;
                continue;
            }
            if let Some(end) = self.listed_body(i, range.clone(), heading) {
                i = end;
                continue;
            }
            if let Some(end) = self.headed_phrase(i, range.clone(), heading) {
                i = end;
                continue;
            }
            if let Some(end) = self.acting_place(i, range.clone(), heading) {
                i = end;
                continue;
            }
            i += 1;
        }
    }

    /// "Reuters", "the Kremlin", "the White House", "NATO".
    fn listed_body(&mut self, i: usize, range: Range<usize>, heading: bool) -> Option<usize> {
        let m = *self.scan.any_at(
            i,
            Classes::of(&[
                Class::Agency,
                Class::Institution,
                Class::International,
                Class::Group,
                Class::WordGroup,
            ]),
        )?;
        // A listed name that goes on into a longer capitalised name is that name's.
        if m.last + 1 < range.end && self.scan.any_at(m.last + 1, HEADS).is_some() {
            return None;
        }
        if matches!(m.class, Class::Group | Class::WordGroup)
            && !self.group_stands(i, m, &range, heading)
        {
            return None;
        }
        let (kind, country, source) = match m.class {
            Class::Institution => (
                ActorKind::Government,
                Some(m.value),
                BodySource::Institution,
            ),
            Class::Agency => (ActorKind::Organisation, None, BodySource::Agency),
            Class::Group | Class::WordGroup => {
                (ActorKind::Organisation, None, BodySource::Group(m.value))
            }
            _ => (ActorKind::Organisation, None, BodySource::International),
        };
        self.push_body(i..m.last + 1, kind, country, source, heading);
        Some(m.last + 1)
    }

    /// Whether a listed group's name at token `i` names the group: not the end
    /// of a longer name ("Alcoholics Anonymous"), and, for a name that is also
    /// an ordinary word, not where that word would be capitalised anyway (a
    /// headline, or a sentence start before a lowercase word: "Anonymous
    /// donors gave").
    fn group_stands(&self, i: usize, m: LexMatch, range: &Range<usize>, heading: bool) -> bool {
        let clause_start = self.clause_start(i, range.start);
        let longer_name = !clause_start
            && self.capitalised(i - 1)
            && !self.is(i - 1, ARTICLES)
            && !self
                .scan
                .cover(i - 1)
                .any(PLACES_AND_BODIES.or(Classes::of(&[Class::NotName])));
        if longer_name {
            return false;
        }
        if m.class != Class::WordGroup {
            return true;
        }
        let next = m.last + 1;
        let lowercase_next = next < range.end
            && self.tokens[next].kind == TokenKind::Word
            && !self.capitalised(next);
        !(heading || clause_start && lowercase_next)
    }

    /// A capitalised phrase ending in a head word ("Chinese Foreign Ministry",
    /// "Constitution Hall"), or a head word with "of" ("Ministry of Defence").
    fn headed_phrase(&mut self, i: usize, range: Range<usize>, heading: bool) -> Option<usize> {
        // Find the end of the capitalised stretch starting at i and a head in it.
        let mut j = i;
        let mut head: Option<(usize, Class)> = None;
        while j < range.end {
            if self.capitalised(j) || self.acronym(j) {
                if let Some(m) = self
                    .scan
                    .any_at(j, HEADS)
                    .filter(|_| !self.family_name_first(j))
                {
                    let m = *m;
                    head = Some((m.last, m.class));
                    j = m.last + 1;
                    continue;
                }
                if self.tokens[j].possessive() {
                    j += 1;
                    break;
                }
                j += 1;
                continue;
            }
            let joins = self.is(j, NAME_JOINS)
                && j + 1 < range.end
                && (self.capitalised(j + 1) || self.is(j + 1, THE))
                && head.is_some_and(|(last, _)| last + 1 == j);
            if joins {
                j += 1;
                continue;
            }
            break;
        }
        let (head_last, class) = head?;
        let first_head = (i..=head_last)
            .find(|&k| self.scan.any_at(k, HEADS).is_some() && !self.family_name_first(k))
            .unwrap_or(head_last);
        let end = if head_last + 1 < j && self.is(head_last + 1, OF) {
            // "Ministry of Foreign Affairs": up to two capitalised words after
            // "of", more only while they lead to another head word; a name may
            // follow with no comma ("University of Texas Arlington Amneh Jafari").
            let mut e = head_last + 2;
            let mut words = 0;
            while e < j {
                if self.capitalised(e) {
                    let more = words < 2 || (e..j).any(|k| self.scan.any_at(k, HEADS).is_some());
                    if !more || self.given_name(e) && e + 1 < j {
                        break;
                    }
                    words += 1;
                } else if !self.is(e, NAME_JOINS) {
                    break;
                }
                e += 1;
            }
            while e > head_last + 1 && !self.capitalised(e - 1) {
                e -= 1;
            }
            e
        } else {
            head_last + 1
        };
        // Titles before the phrase are not part of it.
        let mut start = i;
        while start < first_head
            && (self.scan.cover(start).any(Classes::of(&[Class::Office]))
                || self.scan.cover(start).has(Class::NotName)
                    && self.clause_start(start, range.start))
        {
            start += 1;
        }
        // A head word alone is a word, not a name ("Hill said", "Police said").
        let has_modifier = first_head > start || head_last > first_head || end > head_last + 1;
        if !has_modifier {
            return None;
        }
        // "Marc Lamont Hill", "Doris Day": a given name before a place or event
        // word makes the phrase a person's name (but two such words make a
        // place: "Victoria Park Station").
        let soft = matches!(class, Class::PlaceHead | Class::EventHead);
        let one_head = first_head == head_last;
        if soft && one_head && self.given_name(start) && end == head_last + 1 && j == end {
            return Some(end);
        }
        let kind = match class {
            Class::GovernmentHead => Some(ActorKind::Government),
            Class::OrganisationHead => Some(ActorKind::Organisation),
            _ => None,
        };
        // "Chiang Kai Shek Memorial": a place named after a person leaves the
        // person's name to be read as a name.
        let named_after = soft && self.person_named(start..first_head);
        match kind {
            Some(kind) => self.push_body(start..end, kind, None, BodySource::Headed, heading),
            None if named_after => self.uses[first_head..end].fill(Use::Body),
            None => self.uses[start..end].fill(Use::Body),
        }
        Some(end)
    }

    /// Whether tokens `words` spell a person's name: two or more name words
    /// that open with a known given name, or a family name written first and
    /// a romanised given name.
    fn person_named(&self, words: Range<usize>) -> bool {
        let first = words.start;
        words.len() >= 2
            && (self.given_name(first) || self.family_name_first(first))
            && words
                .clone()
                .all(|k| self.nameish(k, true) && !self.tokens[k].possessive())
    }

    /// A capital or country that acts: "Beijing says", "Moscow has warned".
    fn acting_place(&mut self, i: usize, range: Range<usize>, heading: bool) -> Option<usize> {
        let m = *self
            .scan
            .any_at(i, Classes::of(&[Class::Capital, Class::Country]))?;
        let next = m.last + 1;
        let followed_by_head = next < range.end && self.scan.any_at(next, HEADS).is_some();
        if followed_by_head || (next < range.end && self.capitalised(next)) {
            return None;
        }
        self.verb_follows(next, range.end)?;
        self.push_body(
            i..next,
            ActorKind::Government,
            Some(m.value),
            BodySource::Place,
            heading,
        );
        Some(next)
    }

    /// The speech verb right after `i`, allowing "has", "also" and the like.
    fn verb_follows(&self, mut i: usize, end: usize) -> Option<usize> {
        for _ in 0..3 {
            if i >= end {
                return None;
            }
            if self.scan.at(i, Class::SpeechVerb).is_some() && !self.tokens[i].capitalised {
                return Some(i);
            }
            if !self.is(i, VERB_GAP) {
                return None;
            }
            i += 1;
        }
        None
    }

    fn push_body(
        &mut self,
        range: Range<usize>,
        kind: ActorKind,
        country: Option<&'static str>,
        source: BodySource,
        heading: bool,
    ) {
        self.uses[range.clone()].fill(Use::Body);
        let first = &self.tokens[range.start];
        let last = &self.tokens[range.end - 1];
        let span = Span::new(first.span.start, last.word.end);
        let key = collapse(self.prose.slice(span));
        self.found.bodies.push(RawBody {
            span,
            source,
            key,
            kind,
            country,
            possessive: last.possessive(),
            in_quote: first.in_quote,
            heading,
            caption: self.caption,
        });
    }

    // ---- 2. name runs ----------------------------------------------------

    /// Whether token `i` can be a word of a name. `continuing` is true inside a
    /// name that started with a known given name, where listed words are
    /// allowed ("Theresa May", "Marc Lamont Hill", "Stephen King").
    fn nameish(&self, i: usize, continuing: bool) -> bool {
        if self.uses[i] != Use::Free || !self.capitalised(i) {
            return false;
        }
        let w = self.word(i);
        if !w.chars().next().is_some_and(char::is_alphabetic) || is_domain(w) {
            return false;
        }
        let cover = self.scan.cover(i);
        if self.acronym(i) {
            // "AS Heagle": unlisted capitals before a name are initials.
            // (An all-capitals word is never the function word it spells: "AS".)
            let listed = cover.any(NOT_NAME_WORDS.without(Class::NotName));
            return w.chars().count() <= 3 && !listed && self.next_is_nameish(i);
        }
        if !cover.any(NOT_NAME_WORDS) {
            return true;
        }
        if cover.has(Class::NotName) {
            return false;
        }
        continuing || self.given_name(i) && self.next_is_nameish(i) || self.family_name_first(i)
    }

    /// A family name written first before a romanised given name, though
    /// the word is also listed ("Park" in "Park Chung Hee").
    fn family_name_first(&self, i: usize) -> bool {
        self.facts[i].has(Facts::FAMILY_FIRST) && self.syllabic_given_name_follows(i)
    }

    /// "Park Joo-ho", "Song Ji-hyo": a listed word that is a family name
    /// written first, before a romanised given name.
    fn syllabic_given_name_follows(&self, i: usize) -> bool {
        let next = i + 1;
        next < self.sentence_end
            && !self.tokens[i].possessive()
            && self.capitalised(next)
            && self
                .word(next)
                .split('-')
                .all(|part| LEXICON.is_syllabic(part))
    }

    fn next_is_nameish(&self, i: usize) -> bool {
        let next = i + 1;
        next < self.sentence_end
            && !self.tokens[i].possessive()
            && self.capitalised(next)
            && !self.acronym(next)
            && !self.scan.cover(next).any(
                TITLE_WORDS
                    .or(HEADS)
                    .or(Classes::of(&[Class::NotName, Class::SpeechVerb])),
            )
    }

    /// "L." in "L. Ron Hubbard": one capital letter and a period, before a name word.
    fn initial(&self, i: usize, end: usize) -> bool {
        self.capitalised(i)
            && self.word(i).chars().nth(1).is_none()
            && i + 2 < end
            && self.is_punct(i + 1, ".")
            && self.capitalised(i + 2)
    }

    /// An initial whose period comes before something other than a name
    /// word: "C." in Robert C. "Bobby" Scott.
    fn initial_at_end(&self, i: usize, end: usize) -> bool {
        self.capitalised(i)
            && self.word(i).chars().nth(1).is_none()
            && i + 1 < end
            && self.is_punct(i + 1, ".")
    }

    fn name_runs(&mut self, range: Range<usize>, heading: bool) {
        let mut i = range.start;
        while i < range.end {
            if !(self.initial(i, range.end) || self.nameish(i, false)) {
                if self.listed_surname(i) {
                    self.push_listed(i, heading);
                }
                i += 1;
                continue;
            }
            let given_start = self.given_name(i);
            let mut words = vec![i];
            let mut j = i;
            loop {
                if self.tokens[j].possessive() || words.len() >= 6 {
                    break;
                }
                let mut next = if self.initial(j, range.end) || self.initial_at_end(j, range.end) {
                    j + 2
                } else {
                    j + 1
                };
                // A nickname in quotation marks: Robert C. "Bobby" Scott.
                if next + 3 < range.end
                    && self.is_punct(next, "\"“")
                    && self.capitalised(next + 1)
                    && self.is_punct(next + 2, "\"”")
                    && self.nameish(next + 3, true)
                {
                    next += 3;
                }
                if next >= range.end {
                    break;
                }
                if self.initial(next, range.end) || self.nameish(next, given_start) {
                    words.push(next);
                    j = next;
                    continue;
                }
                // A particle between two name words: "Charles de Gaulle".
                let particle = LEXICON.is_particle(self.word(next))
                    && next + 1 < range.end
                    && self.nameish(next + 1, true);
                if particle {
                    words.push(next);
                    j = next;
                    continue;
                }
                if self.capitalised(next) && LEXICON.is_suffix(self.word(next)) {
                    words.push(next);
                    j = next;
                }
                break;
            }
            let end = j + 1;
            // The words run on into a head, a number or a title: not a name.
            // (A head already read as a place named after the person does not.)
            let blocked = end < range.end
                && (self.tokens[end].kind == TokenKind::Number
                    || self.capitalised(end)
                        && self.uses[end] == Use::Free
                        && self.scan.any_at(end, HEADS).is_some());
            if blocked {
                self.uses[i..end].fill(Use::Body);
                i = end;
                continue;
            }
            let in_place_name = end < range.end && self.uses[end] == Use::Body;
            let mut first = i;
            let clause_start = self.clause_start(i, range.start);
            if clause_start
                && words.len() > 1
                && !given_start
                && !self.facts[i].has(Facts::FAMILY_FIRST)
                && self.common_word(i)
            {
                // "Yesterday Trump said": the opener is not part of the name.
                words.remove(0);
                first = words[0];
            }
            // "Scientologist Tom Cruise", "Democrat Ana Ruiz": capitalised words
            // before a known given name describe the person.
            // Longer capitalised runs before a given name are not the person's
            // ("Council on American - Islamic Relations Alia Salem").
            let given_at = words
                .iter()
                .position(|&k| self.given_name(k))
                .filter(|&g| g > 0 && words.len() - g >= 2);
            let mut prefix = None;
            if let Some(g) = given_at {
                if g == 1 {
                    prefix = Some(first..words[1]);
                } else {
                    self.uses[first..words[g]].fill(Use::Body);
                }
                first = words[g];
            }
            let index = self.found.names.len();
            self.uses[first..end].fill(Use::Name(index as u32));
            let first_tok = &self.tokens[first];
            let last_tok = &self.tokens[end - 1];
            let name = Span::new(first_tok.span.start, last_tok.word.end);
            let text = collapse(self.prose.slice(name));
            // A quoted nickname is not one of the name's words.
            let words: Vec<&str> = text
                .split(' ')
                .filter(|w| !w.starts_with(['"', '“']))
                .collect();
            let Some(parsed) = PersonName::parse(&words) else {
                i = end;
                continue;
            };
            let evidence = Evidence {
                name_shape: name_shape(&words, &parsed),
                ..Evidence::default()
            };
            self.found.names.push(RawName {
                parsed,
                name,
                tokens: first..end,
                span: name,
                title: None,
                appositive: None,
                possessor: None,
                courtesy: None,
                reach: last_tok.span.end,
                evidence,
                in_title: false,
                listed: false,
                in_place_name,
                possessive: last_tok.possessive(),
                in_quote: first_tok.in_quote,
                heading,
                caption: self.caption,
            });
            self.led_government(end, range.end, heading);
            if let Some(p) = prefix {
                let title = self.title_from(p.start, p.end, false, false);
                let name = &mut self.found.names[index];
                name.span = Span::new(title.span.start, name.span.end);
                name.title = Some(Box::new(title));
            }
            i = end;
        }
    }

    /// "the Monti government": the name that ends before token `noun` with
    /// the noun after it, as a government named after its leader.
    fn led_government(&mut self, noun: usize, hi: usize, heading: bool) {
        let led = noun < hi
            && !self.tokens[noun - 1].possessive()
            && self.tokens[noun].kind == TokenKind::Word
            && !self.capitalised(noun)
            && LEXICON.is_led_government(self.word(noun));
        if led {
            let n = self.found.names.len() - 1;
            let start = self.found.names[n].tokens.start;
            self.push_body(
                start..noun + 1,
                ActorKind::Government,
                None,
                BodySource::Led,
                heading,
            );
            // The name stays a name: linking decides which reading stands.
            self.uses[start..noun].fill(Use::Name(n as u32));
        }
    }

    /// A listed word that may also be a family name ("Park said", "Hill
    /// added", "May insisted"): it is a reference only if it links to a person
    /// named in full.
    fn listed_surname(&self, i: usize) -> bool {
        self.uses[i] == Use::Free
            && self.capitalised(i)
            && !self.acronym(i)
            && !self.scan.cover(i).any(TITLE_WORDS.or(Classes::of(&[
                Class::Nationality,
                Class::Courtesy,
                Class::SpeechVerb,
                Class::SpeechBefore,
                Class::NotName,
            ])))
            && !self.is(i, PRONOUNS)
    }

    /// Records a listed word as a possible reference. Its token stays free, so
    /// titles and appositives still read it as the word it is listed as.
    fn push_listed(&mut self, i: usize, heading: bool) {
        let token = self.tokens[i];
        let Some(parsed) = PersonName::parse(&[self.word(i)]) else {
            return;
        };
        self.found.names.push(RawName {
            parsed,
            name: token.word,
            tokens: i..i + 1,
            span: token.word,
            title: None,
            appositive: None,
            possessor: None,
            courtesy: None,
            reach: token.span.end,
            evidence: Evidence::default(),
            in_title: false,
            listed: true,
            in_place_name: false,
            possessive: token.possessive(),
            in_quote: token.in_quote,
            heading,
            caption: self.caption,
        });
    }

    // ---- 3. titles and appositives ---------------------------------------

    fn context(&mut self, n: usize, range: Range<usize>) {
        let start = self.found.names[n].tokens.start;
        let end = self.found.names[n].tokens.end;
        self.courtesy(n, start, range.start);
        if self.found.names[n].courtesy.is_none() {
            self.title_before(n, start, range.start);
        }
        self.after(n, end, range.end);
        if start > range.start
            && (self.scan.covering(start - 1, Class::SpeechVerb).is_some()
                || self.scan.covering(start - 1, Class::SpeechBefore).is_some())
            && !self.tokens[start - 1].capitalised
        {
            self.found.names[n].evidence.speaker = true;
        }
        self.found.names[n].evidence.character = self.character_cue_before(n, start, range.start);
    }

    /// Whether a name at token `start` follows a character cue: "the voice
    /// of Batman", "played the Joker" (not "played the Lakers").
    fn character_cue_before(&self, n: usize, start: usize, lo: usize) -> bool {
        let article = start > lo && self.is(start - 1, THE);
        let cue_end = if article { start - 1 } else { start };
        if cue_end <= lo {
            return false;
        }
        let ends_cue = |class: Class| {
            self.scan
                .covering(cue_end - 1, class)
                .is_some_and(|m| m.last == cue_end - 1)
        };
        let name = &self.found.names[n];
        let team = self.word(name.tokens.end - 1).ends_with('s');
        ends_cue(Class::CharacterCue) || article && !team && ends_cue(Class::CharacterCueArticle)
    }

    fn courtesy(&mut self, n: usize, start: usize, lo: usize) {
        let at = if start > lo && self.is_punct(start - 1, ".") {
            start.checked_sub(2)
        } else {
            start.checked_sub(1)
        };
        let Some(at) = at.filter(|&a| a >= lo) else {
            return;
        };
        if self.capitalised(at)
            && self
                .scan
                .at(at, Class::Courtesy)
                .is_some_and(|m| m.last == at)
        {
            let name = &mut self.found.names[n];
            let courtesy = self.tokens[at].span;
            name.courtesy = Some(courtesy);
            name.span = Span::new(courtesy.start, name.span.end);
            name.evidence.courtesy = true;
        }
    }

    /// Walks left from a name over the words of its title.
    fn title_before(&mut self, n: usize, start: usize, lo: usize) {
        let mut k = start;
        // The leftmost token that is surely part of the title.
        let mut title_start: Option<usize> = None;
        let mut article = false;
        let mut possessor = None;
        let mut possessive_office: Option<usize> = None;
        let mut absorbed: Vec<usize> = Vec::new();
        let mut inner_the = None;
        while k > lo {
            let i = k - 1;
            let tok = self.tokens[i];
            if tok.kind != TokenKind::Word {
                // The period of an abbreviated title ("Sen. Ana Ruiz", "Gen."):
                // other punctuation ends a title.
                let abbreviation = i > lo
                    && self.is_punct(i, ".")
                    && self.scan.cover(i - 1).has(Class::Office)
                    && self.word(i - 1).len() <= 4;
                if abbreviation {
                    k = i;
                    continue;
                }
                break;
            }
            let cover = self.scan.cover(i);
            if let Use::Name(other) = self.uses[i] {
                let other = other as usize;
                if tok.possessive() && title_start.is_some() {
                    possessor = Some(Possessor::Name(other));
                    break;
                }
                // "Hamas leader Ismail Haniyeh": a name before a role word is part of the title.
                if title_start.is_some_and(|s| self.scan.cover(s).any(TITLE_WORDS)) {
                    let other_start = self.found.names[other].tokens.start;
                    absorbed.push(other);
                    title_start = Some(other_start);
                    k = other_start;
                    continue;
                }
                break;
            }
            if self.is(i, POSSESSIVE_PRONOUNS) && title_start.is_some() {
                possessor = Some(Possessor::Pronoun(tok.span));
                break;
            }
            if self.is(i, ARTICLES) {
                let inner = self.is(i, THE) && i > lo && self.is(i - 1, CONNECTORS & !THE);
                if !inner {
                    article = title_start.is_some();
                    break;
                }
                inner_the = Some(i);
                k = i;
                continue;
            }
            if self.is(i, CONNECTORS) {
                k = i;
                continue;
            }
            let title_word = cover.any(TITLE_WORDS);
            let body_word = self.uses[i] == Use::Body
                || self.capitalised(i) && cover.any(PLACES_AND_BODIES)
                || self.acronym(i) && cover.any(PLACES_AND_BODIES);
            if title_word && tok.possessive() && title_start.is_some() {
                // "the US president's son-in-law": the possessor is a description.
                possessive_office = Some(i);
                title_start = Some(i);
                k = i;
                continue;
            }
            if title_word || body_word {
                if tok.possessive() && !body_word {
                    break;
                }
                title_start = Some(i);
                k = i;
                continue;
            }
            break;
        }
        let Some(first) = title_start else {
            return;
        };
        // "of the mayor Luca Pastorino": the "the" was the title's article
        // after all, as no title words came before it.
        if inner_the.is_some_and(|t| t < first) {
            article = true;
        }
        // A title ends in a title word or a name, never in "of" or "the": in
        // "the president of the Lombardy region" the name is not the holder.
        if start > 0 && self.is(start - 1, CONNECTORS) {
            return;
        }
        // Places and organisations alone before a name are not a title
        // ("at University of Texas Arlington Amneh Jafari").
        if !(first..start).any(|k| self.scan.cover(k).any(TITLE_WORDS)) {
            return;
        }
        for other in absorbed {
            self.uses[self.found.names[other].tokens.clone()].fill(Use::Body);
            self.found.names[other].in_title = true;
        }
        // Split off a possessor description: "the US president's" | "son-in-law".
        let role_first = match possessive_office {
            Some(p) => {
                let lead = self.description_from(first, p, article);
                let index = self.found.descriptions.len();
                self.found.descriptions.push(lead);
                possessor = Some(Possessor::Description(index));
                p + 1
            }
            None => first,
        };
        if role_first >= start {
            return;
        }
        let mut title = self.title_from(
            role_first,
            start,
            article && possessive_office.is_none(),
            false,
        );
        title.opens_phrase =
            self.opens_phrase(title_office_start(&title, self.tokens, role_first), lo);
        let name = &mut self.found.names[n];
        name.span = Span::new(self.tokens[role_first].span.start, name.span.end);
        if title.formal || title.relation.is_some() || !title.office_key.is_empty() {
            name.evidence.role = true;
        }
        name.title = Some(Box::new(title));
        name.possessor = possessor;
    }

    /// Whether the office words starting at token `first` open their noun
    /// phrase: only a sentence start, punctuation, a country or public body,
    /// a word such as "former", or a small function word stands before them.
    /// In "city mayor Hau Lung-bin" and "Student Association president" they
    /// do not.
    fn opens_phrase(&self, first: usize, lo: usize) -> bool {
        if first <= lo {
            return true;
        }
        let before = first - 1;
        let cover = self.scan.cover(before);
        // A capitalised word before the title opens it only if it names a
        // country or a public body ("Russian", "U.N."): a company or club
        // before "president" makes a job description.
        self.tokens[before].kind == TokenKind::Punct
            || self.capitalised(before) && cover.any(PLACES_AND_BODIES)
            || self.facts[before].0
                & !(Facts::CAPITALISED | Facts::ACRONYM | Facts::GIVEN_NAME | Facts::FAMILY_FIRST)
                != 0
            || LEXICON.is_function_word(self.word(before))
            || cover.any(Classes::of(&[
                Class::SpeechVerb,
                Class::SpeechBefore,
                Class::Modifier,
            ]))
    }

    /// The title over tokens `first..end` (exclusive).
    fn title_from(&self, first: usize, end: usize, article: bool, set_off: bool) -> Title {
        let mut office_first = None;
        let mut office_last = None;
        let mut country = None;
        let mut formal = false;
        let mut leader = false;
        let mut relation = None;
        let mut after_to = false;
        for i in first..end {
            let cover = self.scan.cover(i);
            if self.is(i, TO) {
                after_to = true;
            }
            if cover.any(Classes::of(&[
                Class::Office,
                Class::Qualifier,
                Class::Leader,
                Class::Descriptor,
            ])) && !(self.capitalised(i)
                && cover.any(PLACES_AND_BODIES)
                && !cover.any(Classes::of(&[Class::Office])))
                && self.uses[i] != Use::Body
            {
                office_first.get_or_insert(i);
                office_last = Some(i);
            }
            formal |= cover.has(Class::Office);
            leader |= cover.has(Class::Leader);
            if let Some(m) = self.scan.at(i, Class::Relation) {
                // The longest relation wins: "special envoy" over "envoy".
                if m.last < end && relation.is_none_or(|(len, _)| m.last - i + 1 > len) {
                    relation = Some((m.last - i + 1, m.value));
                }
            }
            if country.is_none() && !after_to {
                country = [
                    Class::Nationality,
                    Class::Country,
                    Class::Capital,
                    Class::Institution,
                ]
                .into_iter()
                .find_map(|c| self.scan.covering(i, c).map(|m| m.value));
            }
        }
        let span = Span::new(self.tokens[first].span.start, self.tokens[end - 1].word.end);
        let office = office_first
            .zip(office_last)
            .map(|(a, b)| Span::new(self.tokens[a].span.start, self.tokens[b].word.end));
        let mut office_key = String::new();
        let mut case_words = Vec::new();
        for i in office_first
            .into_iter()
            .flat_map(|a| a..=office_last.unwrap_or(a))
        {
            if self.tokens[i].kind != TokenKind::Word {
                continue;
            }
            let word = self.word(i).trim_end_matches('.').to_lowercase();
            if !office_key.is_empty() {
                office_key.push(' ');
            }
            office_key.push_str(LEXICON.same_office(&word));
            let cover = self.scan.cover(i);
            // A possessive office belongs to someone else ("the LA Sheriff's
            // office", "the president's son-in-law").
            let governed = cover.any(Classes::of(&[
                Class::Office,
                Class::Qualifier,
                Class::Leader,
            ])) && !cover.any(PLACES_AND_BODIES)
                && self.uses[i] != Use::Body
                && !self.is(i, CONNECTORS)
                && !self.tokens[i].possessive();
            if governed {
                case_words.push(self.tokens[i].word);
            }
        }
        Title {
            span,
            office,
            office_key,
            case_words,
            country,
            formal,
            leader,
            relation: relation.map(|(_, r)| r),
            article,
            set_off,
            after_name: false,
            opens_phrase: true,
        }
    }

    fn description_from(&self, first: usize, last: usize, article: bool) -> RawDescription {
        let title = self.title_from(first, last + 1, article, false);
        let tok = &self.tokens[last];
        RawDescription {
            span: Span::new(self.tokens[first].span.start, tok.word.end),
            title,
            possessive: tok.possessive(),
            in_quote: tok.in_quote,
            heading: false,
            caption: self.caption,
        }
    }

    /// What follows a name: an appositive (", the EU's foreign policy chief,"),
    /// an age (", 14,"), or a speech verb.
    fn after(&mut self, n: usize, end: usize, hi: usize) {
        if end < hi && self.is_punct(end, ",") {
            let mut j = end + 1;
            while j < hi && !self.is_punct(j, ",;:.!?()\"“”") && j - end <= 14 {
                j += 1;
            }
            let closed = j >= hi || self.is_punct(j, ",;.!?)");
            if closed && j > end + 1 {
                let first = end + 1;
                let age = j == first + 1 && self.tokens[first].kind == TokenKind::Number;
                if age {
                    self.found.names[n].evidence.age = true;
                    self.found.names[n].reach = self.tokens[j.min(hi - 1)].span.end;
                } else if let Some(title) = self.appositive(first, j) {
                    for u in &mut self.uses[first..j] {
                        if *u == Use::Free {
                            *u = Use::Role;
                        }
                    }
                    let name = &mut self.found.names[n];
                    name.evidence.role = true;
                    name.appositive = Some(Box::new(title));
                    name.reach = self.tokens[j.min(hi - 1)].span.end;
                }
            }
        }
        let reach_token = self
            .tokens
            .partition_point(|t| t.span.end <= self.found.names[n].reach);
        let after = if self.found.names[n].reach > self.tokens[end - 1].span.end {
            reach_token
        } else {
            end
        };
        if self.verb_follows(after, hi).is_some() {
            self.found.names[n].evidence.speaker = true;
        }
    }

    fn appositive(&self, first: usize, end: usize) -> Option<Title> {
        let mut head = first;
        let article = self.is(head, ARTICLES);
        if article || self.is(head, POSSESSIVE_PRONOUNS) {
            head += 1;
        }
        if head >= end {
            return None;
        }
        let cover = self.scan.cover(head);
        let opens = cover.any(TITLE_WORDS)
            || (self.capitalised(head) || self.acronym(head)) && cover.any(PLACES_AND_BODIES)
            || self.uses[head] == Use::Body;
        let clause = (first..end).any(|i| {
            self.is(i, CLAUSE_WORDS)
                || self.scan.cover(i).has(Class::SpeechVerb)
                || matches!(self.uses[i], Use::Name(_))
        });
        let has_role = (head..end).any(|i| self.scan.cover(i).any(TITLE_WORDS));
        if !opens || clause || !has_role {
            return None;
        }
        let mut title = self.title_from(head, end, article, true);
        title.after_name = true;
        Some(title)
    }

    // ---- 4. descriptions -------------------------------------------------

    /// "the US president", "the Chinese leader": an office after "the", with no
    /// name after it.
    fn descriptions(&mut self, range: Range<usize>, heading: bool) {
        for i in range.clone() {
            if !self.is(i, THE) || i + 1 >= range.end {
                continue;
            }
            let mut j = i + 1;
            let mut office_end = None;
            while j < range.end && self.uses[j] == Use::Free {
                let cover = self.scan.cover(j);
                let nationality =
                    cover.has(Class::Nationality) && (self.capitalised(j) || self.acronym(j));
                if cover.any(Classes::of(&[Class::Office, Class::Leader])) {
                    office_end = Some(j);
                } else if !(nationality
                    || cover.any(Classes::of(&[Class::Qualifier, Class::Modifier])))
                {
                    break;
                }
                if self.tokens[j].possessive() {
                    j += 1;
                    break;
                }
                j += 1;
            }
            let Some(last) = office_end else { continue };
            if last + 1 != j {
                continue;
            }
            // Followed by a name or "of": the office of someone else.
            let next_blocks = j < range.end
                && (matches!(self.uses[j], Use::Name(_)) || self.is(j, OF) || self.capitalised(j));
            if next_blocks {
                continue;
            }
            let mut description = self.description_from(i + 1, last, false);
            description.heading = heading;
            self.found.descriptions.push(description);
        }
    }
}

/// A name whose shape shows it is a person's: a known given name or an
/// initial, and more; or a family-name-first name.
fn name_shape(words: &[&str], parsed: &PersonName) -> bool {
    let first = words[0];
    // An initial has its period ("L. Ron Hubbard"); a lone capital is not one.
    let initial = first
        .strip_suffix('.')
        .is_some_and(|f| f.chars().count() == 1);
    words.len() >= 2
        && (LEXICON.is_given_name(first) || initial || parsed.order != NameOrder::GivenFirst)
}

/// The token where a title's governed office words begin (its first case
/// word), or `fallback` when it has none.
fn title_office_start(title: &Title, tokens: &[Token], fallback: usize) -> usize {
    title
        .case_words
        .first()
        .map(|w| tokens.partition_point(|t| t.span.start < w.start))
        .unwrap_or(fallback)
}

/// "Gawker.com": a web address, not a name.
fn is_domain(word: &str) -> bool {
    word.split_once('.')
        .is_some_and(|(_, after)| after.chars().next().is_some_and(char::is_lowercase))
}

/// A span's text with runs of white space made single spaces.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
