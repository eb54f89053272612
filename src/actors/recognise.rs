//! Recognition: one pass over each sentence's tokens that finds names with
//! their titles, appositives and possessors, organisations, and descriptions
//! such as "the US president". Linking them into actors is `link.rs`'s job.
//!
//! The grammar, in the order it runs on a sentence (each step a file here;
//! `words.rs` holds what it knows of each token beforehand):
//! 1. bodies (`bodies.rs`): listed agencies and institutions, and capitalised phrases ending
//!    in a head word ("Chinese Foreign Ministry", "Constitution Hall"); capitals
//!    and countries that act ("Beijing says");
//! 2. name runs (`runs.rs`): capitalised words that are not in any list, with particles
//!    and initials ("L. Ron Hubbard", "Charles de Gaulle"), but not a word
//!    talked about as a name (`mentioned.rs`: "the nickname "Dee"");
//! 3. for each run (`titles.rs`), the title to its left ("U.S. Secretary of State", "his
//!    Russian counterpart") and the appositive to its right (", the EU's
//!    foreign policy chief,");
//! 4. descriptions (`titles.rs`): "the" and an office with no name after it.
//!
//! A block's reading is kept between analyses (`memo.rs`).

mod animals;
mod bodies;
mod cited;
mod family;
mod inverted;
mod memo;
mod mentioned;
mod placed;
mod runs;
mod things;
mod titles;
mod vocabulary;
mod words;

use std::ops::Range;
use std::sync::Arc;

use super::lexicon::{
    Class, Classes, LexMatch, Scan, HEADS, LEXICON, PLACES_AND_BODIES, TITLE_WORDS,
};
use super::names::{NameOrder, PersonName};
use super::tagger::{self, Model, NameKind, Tagged, Window};
use super::ActorKind;
use crate::prose::{Block, BlockKind, BlockMemo, Prose, Token, TokenKind};
use crate::span::Span;
pub use memo::BlockFound;
use memo::Origin;
pub(crate) use memo::{Coordinates, Unit};
pub use vocabulary::VocabularyMemo;
use words::{folded_hash, Facts, Use};

/// Why a name is taken for a person's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
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
    /// The name tagger is sure the words name a person.
    pub learned: bool,
    /// The name tagger reads the words as a person's name, with a clear
    /// lead, but is not sure: enough for "probably a person".
    pub leaning: bool,
    /// The tagger leans with a lead that makes a person of a single word
    /// ("Byron fell in love"), which a team's name ("played Halton") seldom has.
    pub leaning_alone: bool,
    /// The year of a work follows the one-word name: a cited author's
    /// ("Lindqvist (1998)"), probably a person's.
    pub cited: bool,
}

impl Evidence {
    pub fn strong(self) -> bool {
        self.role
            || self.courtesy
            || self.name_shape
            || self.speaker
            || self.age
            || self.character
            || self.learned
    }

    /// What the text itself says about the person (not the shape of the
    /// name, nor a verb that organisations use too): enough to keep a name
    /// the tagger reads as something else.
    pub fn written(self) -> bool {
        self.role || self.courtesy || self.age || self.character
    }

    /// Anything but the tagger's word says the name is a person's.
    pub fn personal(self) -> bool {
        self.role || self.courtesy || self.name_shape || self.speaker || self.age || self.character
    }

    /// Enough to call the name a person's without a hedge: the text says
    /// so, or the tagger is sure.
    pub fn certain(self) -> bool {
        self.written() || self.learned
    }
}

/// Who a title's possessive points to ("his", "Trump's", "the US president's").
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Possessor {
    Pronoun(Span),
    /// Another name, by its index in [`Found::names`].
    Name(usize),
    /// A description, by its index in [`Found::descriptions`].
    Description(usize),
}

/// A title or role, before or after a name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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

#[derive(Clone, Debug, Hash)]
pub struct RawName {
    /// The name's words, split into family and given names; shared, so a
    /// block's kept findings are carried into each analysis without copying
    /// the strings.
    pub parsed: Arc<PersonName>,
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
    /// The name tagger is sure these words name something other than a
    /// person ("Leeds United", "Question Time"), and the text says nothing
    /// that makes them a person's: no person is made of it.
    pub not_person: bool,
    /// Named as an animal's ("our dog, Biscuit"): no person, and no
    /// reference to a person of that name (`recognise/animals.rs`).
    pub animal: bool,
    /// A name with no given name and nothing in the text to make it a
    /// person's, written where a place's name goes ("near
    /// Franklin", "Warren, Ohio"): see `actors::places`.
    pub placed: bool,
    pub possessive: bool,
    pub in_quote: bool,
    pub heading: bool,
    /// In a photo caption: part of the article, but not judged by the rules.
    pub caption: bool,
}

/// Where an organisation's name was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
    /// A name the tagger reads as an organisation's ("Leeds United").
    Learned,
}

#[derive(Clone, Debug, Hash)]
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
#[derive(Clone, Debug, Hash)]
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

/// Reads every block of a document; a block whose key the memo holds, and
/// whose reading still agrees with the document's vocabulary, is not read again.
pub fn recognise(
    prose: &Prose,
    scan: &Scan,
    memo: &mut BlockMemo<BlockFound>,
    vocabulary: &mut VocabularyMemo,
) -> Found {
    let vocabulary = vocabulary.update(prose);
    let mut reader = Reader {
        prose,
        tokens: &prose.tokens,
        scan,
        facts: vec![Facts::default(); prose.tokens.len()],
        model: tagger::model(),
        tags: Vec::new(),
        tag_base: 0,
        vocabulary,
        asked: Vec::new(),
        caption: false,
        sentence_start: 0,
        sentence_end: 0,
        uses: vec![Use::Free; prose.tokens.len()],
        found: Found::default(),
    };
    // Which blocks keep their reading is settled first (the vocabulary is
    // the document's, not the blocks' before), so the findings can be laid
    // out at once rather than grown by copies.
    let valid = |kept: &BlockFound| {
        kept.asked
            .iter()
            .all(|&(word, known)| vocabulary.knows(word) == known)
    };
    let kept: Vec<_> = prose
        .blocks
        .iter()
        .map(|block| memo.reuse(block.key, valid))
        .collect();
    reader.found.reserve_for(&kept);
    for (block, kept) in prose.blocks.iter().zip(kept) {
        let origin = Origin {
            byte: block.span.start,
            token: block.tokens.start,
            name: reader.found.names.len(),
            description: reader.found.descriptions.len(),
        };
        // A block that writes the same text as one read above it keeps
        // that reading.
        if let Some(kept) = kept.or_else(|| memo.reuse(block.key, valid)) {
            reader.found.append_placed(&kept.found, origin);
            continue;
        }
        let bodies = reader.found.bodies.len();
        reader.asked.clear();
        reader.block(block);
        if let Some(found) = reader.found.local_since(origin, bodies) {
            // Copied at its length: the reader's grows by doubling.
            let asked = reader.asked.as_slice().into();
            memo.insert(block.key, BlockFound { found, asked });
        }
    }
    memo.finish();
    // A block read grows the findings by doubling once they outrun the room
    // reserved: linking holds them at its peak, so without the spare room.
    reader.found.shrink_to_fit();
    reader.found
}

struct Reader<'a> {
    prose: &'a Prose,
    tokens: &'a [Token],
    scan: &'a Scan,
    facts: Vec<Facts>,
    model: Arc<Model>,
    /// The name the tagger found at each token of the block being read,
    /// from its first token, `tag_base`.
    tags: Vec<Option<Tagged>>,
    tag_base: usize,
    /// How the document writes its sentence openers elsewhere.
    vocabulary: &'a VocabularyMemo,
    /// What the block being read asked of the vocabulary, with the answers.
    asked: Vec<(u64, u8)>,
    /// The sentence being read is in a photo caption.
    caption: bool,
    /// The first token of the sentence being read, and its end: nothing
    /// outside them is looked at.
    sentence_start: usize,
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
        crate::work::step();
        self.facts[i].has(mask)
    }

    fn is_punct(&self, i: usize, marks: &str) -> bool {
        self.tokens[i].kind == TokenKind::Punct && marks.contains(self.word(i))
    }

    fn capitalised(&self, i: usize) -> bool {
        crate::work::step();
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
        known & tagger::features::LOWER_ELSEWHERE != 0
    }

    /// How the document writes a word (by its folded hash) elsewhere: the
    /// bits of [`tagger::features::LOWER_ELSEWHERE`] and `CAPITAL_ELSEWHERE`.
    fn knows(&self, word: u64) -> u8 {
        self.vocabulary.knows(word)
    }

    /// The tagger's names in the sentence over tokens `range`.
    fn tag_sentence(&mut self, range: Range<usize>, heading: bool) {
        let window = Window {
            prose: self.prose,
            scan: self.scan,
            tokens: range,
            heading,
        };
        let (vocabulary, asked) = (self.vocabulary, &mut self.asked);
        let mut doc = |word: u64| {
            let known = vocabulary.knows(word);
            asked.push((word, known));
            known
        };
        let mut found = Vec::new();
        tagger::tag(&self.model, &window, &mut doc, &mut found);
        for t in found {
            self.tags[t.first - self.tag_base..=t.last - self.tag_base].fill(Some(t));
        }
    }

    /// The tagger's name at token `i` of the block being read.
    fn tag(&self, i: usize) -> Option<Tagged> {
        self.tags
            .get(i.wrapping_sub(self.tag_base))
            .copied()
            .flatten()
    }

    /// The tagger's person's name starting at token `i`, if it leads the
    /// other readings by `lead` at least.
    fn person_at(&self, i: usize, lead: f32) -> Option<Tagged> {
        self.tag(i)
            .filter(|t| t.first == i && t.kind == NameKind::Person && t.margin >= lead)
    }

    /// Whether the tagger is sure token `i` is part of a person's name.
    fn sure_person_word(&self, i: usize) -> bool {
        self.tag(i)
            .is_some_and(|t| t.kind == NameKind::Person && t.margin >= SURE)
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
        self.tags.clear();
        self.tags.resize(block.tokens.len(), None);
        self.tag_base = block.tokens.start;
        for sentence in &self.prose.sentences[block.sentences.clone()] {
            self.tag_sentence(sentence.tokens.clone(), heading);
        }
        for sentence in &self.prose.sentences[block.sentences.clone()] {
            self.sentence(sentence.tokens.clone(), heading);
        }
    }

    fn sentence(&mut self, range: Range<usize>, heading: bool) {
        if range.is_empty() {
            return;
        }
        self.sentence_start = range.start;
        self.sentence_end = range.end;
        self.bodies(range.clone(), heading);
        let first_name = self.found.names.len();
        self.name_runs(range.clone(), heading);
        self.learned_names(range.clone(), heading);
        for n in first_name..self.found.names.len() {
            self.context(n, range.clone());
            self.found.names[n].evidence.cited = self.cited(n, range.start);
            self.learned_kind(n, heading);
            self.cited_author(n);
            self.family_name(n);
            self.thing_name(n, range.start);
            self.animal_name(n, range.start);
            self.inverted_given_name(n, range.start);
            self.letter_alone(n);
            self.found.names[n].placed = self.placed(n);
        }
        self.descriptions(range, heading);
    }

    /// What the tagger says of a name the grammar found: sure it is a
    /// person's, the name has that evidence; reading it as a person's, but
    /// not sure, it leans that way. Sure it is something else's, with
    /// nothing in the text to say it is a person's (a title, a courtesy
    /// title, an age), the name makes no person; an organisation's name
    /// makes an organisation.
    fn learned_kind(&mut self, n: usize, heading: bool) {
        let name = &self.found.names[n];
        if name.in_title || name.listed {
            return;
        }
        let tokens = name.tokens.clone();
        let words = tokens
            .clone()
            .filter(|&k| self.tokens[k].kind == TokenKind::Word);
        let mut person = true;
        let mut person_margin = f32::MAX;
        let mut other: Option<Tagged> = None;
        // The first of its words the tagger reads as a thing's, by any lead.
        let mut thing: Option<Tagged> = None;
        // A name only its capitals call a person's ("East Saltmarch") gives
        // way to a clear lead for another kind, not only a sure one.
        let weak = !name.evidence.strong() && !name.evidence.cited;
        let sure_not = if weak { LEAN } else { SURE_NOT };
        for k in words {
            match self.tag(k) {
                Some(t) if t.kind == NameKind::Person => {
                    person_margin = person_margin.min(t.margin);
                }
                Some(t) => {
                    person = false;
                    thing = thing.or(Some(t));
                    if t.margin >= sure_not && other.is_none() {
                        other = Some(t);
                    }
                }
                None => person = false,
            }
        }
        // "the Ferrante government": a government unless someone introduces
        // the leader; the tagger's reading of the name alone does not.
        let led =
            tokens.end < self.sentence_end && LEXICON.is_led_government(self.word(tokens.end));
        if person && !led {
            let played = tokens.len() == 1 && self.played(tokens.start, 0);
            let evidence = &mut self.found.names[n].evidence;
            evidence.learned = person_margin >= SURE;
            evidence.leaning = !evidence.learned && person_margin >= LEAN;
            evidence.leaning_alone = evidence.leaning && person_margin >= LEAN_ALONE && !played;
            return;
        }
        // A title the tagger reads, by any lead, as the start of a thing's
        // name with the name ("Queen Creek", "Admiral Blvd", "the San
        // Francisco Bulletin") is no title: the tagger learned to leave the
        // title out of a person's name. (A place or body that ends a title,
        // "Ambassador to the United States", is the title's; "Sir" is one.)
        // Nor is a place before an office word ("Boston Mayor Michelle
        // Wu", "New York Governor Kathy Hochul") a thing's name that takes
        // the name in: it says where the office is.
        let evidence = self.found.names[n].evidence;
        let swallowed = thing.is_some_and(|t| {
            t.first < tokens.start
                && t.last + 1 >= tokens.end
                && !self
                    .scan
                    .cover(tokens.start - 1)
                    .any(PLACES_AND_BODIES.or(Classes::of(&[Class::Courtesy])))
                && !(self.scan.cover(t.first).any(PLACES_AND_BODIES)
                    && self.scan.cover(tokens.start - 1).has(Class::Office))
        }) && !(evidence.courtesy || evidence.age || evidence.character);
        if swallowed {
            self.found.names[n].not_person = true;
            return;
        }
        let Some(other) = other else { return };
        if evidence.written() {
            return;
        }
        self.found.names[n].not_person = true;
        if other.kind == NameKind::Organisation && other.first == tokens.start {
            let end = (other.last + 1).max(tokens.end);
            self.push_body(
                tokens.start..end,
                ActorKind::Organisation,
                None,
                BodySource::Learned,
                heading,
            );
        }
    }
}

/// The tagger's lead (in the model's units) at which a name is taken for a
/// person's without a hedge. Chosen by cross-validation on the training
/// documents: above it, about nine in ten of the tagger's people are people.
const SURE: f32 = 16.0;
/// The lead at which the tagger's other kinds overrule the grammar's
/// reading of a name as a person's.
const SURE_NOT: f32 = 8.0;
/// The lead at which the tagger's reading of words the grammar left alone
/// as a person's name makes a name: probably a person's, unless sure.
const LEAN: f32 = 4.0;
/// The lead at which a single word the tagger leans on makes a person.
const LEAN_ALONE: f32 = 6.0;

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
