//! Actors: the people and organisations an article names, each with every
//! reference to it, its role, its relations and what it said.
//!
//! A document's prose goes in ([`recognise`]); out comes [`Actors`]: a list of
//! actors and a list of mentions in document order, each mention linked to one
//! actor, or marked ambiguous when two people share the name used.
//!
//! - `lexicon`: the word lists, scanned once per document with one automaton;
//! - `recognise`: names, titles, appositives, organisations, descriptions;
//! - `names`: family and given names, family-name-first orders;
//! - `places`: where the article writes a place's name, read by linking and
//!   the reference rules;
//! - `link`: references tied to actors; roles and relations;
//! - `statements`: who said what ("Lavrov said", "according to Reuters");
//! - `describe`: the hover text;
//! - `people`: a newsroom's people file.

mod describe;
pub mod lexicon;
mod link;
mod names;
pub mod people;
mod places;
mod recognise;
pub mod statements;
pub mod tagger;

use std::sync::Arc;

pub use describe::{describe, kind_label};
pub use names::{
    is_variant, name_key, skeleton, slip_keys, without_particles, NameOrder, PersonName,
};
pub use people::{People, PersonEntry};
pub use places::Places;
pub use recognise::Title;
/// What a statement says, for statements found outside the actor model (src/sources).
pub(crate) use statements::{content as statement_content, TopQuotes};

use crate::config::Settings;

/// Builds the word lists and reads the name model now (see [`crate::analysis::warm_up`]).
pub(crate) fn warm_up() {
    std::sync::LazyLock::force(&lexicon::LEXICON);
    tagger::model();
}
use crate::prose::{BlockMemo, Prose};
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorKind {
    Person,
    Organisation,
    /// A government, or a body or place that stands for one ("the Kremlin", "Beijing").
    Government,
}

/// How sure the model is that a person is a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    /// Only the shape of the name says so ("Cres Eastman").
    Likely,
    /// A title, role, given name, courtesy title, age, statement or people
    /// file entry says so.
    Certain,
}

/// How a mention refers to its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// The full name ("Sergei Lavrov", "Xi Jinping").
    Full,
    /// The family name alone ("Lavrov", "Xi"), or the last given name for
    /// Vietnamese names.
    Family,
    /// A given name alone ("Jinping", "Ahmed").
    Given,
    /// A description that only one actor fits ("the US president").
    Description,
    /// An organisation's name.
    Name,
}

/// Who a mention refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Actor(usize),
    /// A name shared by several people, left unlinked; the candidates, in order
    /// of introduction.
    Ambiguous(Vec<usize>),
    /// A surname used to name a group or an office's term after a person
    /// ("the Okonjo family", "the Vance administration"): the hover shows
    /// whom it is named for, but it is no reference to them (it introduces
    /// no one, makes no mention of theirs and speaks for no one).
    NamedFor(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The whole reference, with its title: "Chinese Foreign Minister Wang Yi".
    pub span: Span,
    /// The name alone, without a possessive ending: "Wang Yi".
    pub name: Span,
    pub form: Form,
    pub target: Target,
    /// The title or role before the name (boxed: most mentions have none).
    pub title: Option<Box<Title>>,
    /// The role set off by commas after the name.
    pub appositive: Option<Box<Title>>,
    /// "Mr." and the like, before the name.
    pub courtesy: Option<Span>,
    pub possessive: bool,
    /// Inside a direct quotation: the speaker's words.
    pub in_quote: bool,
    /// In a headline or section head.
    pub heading: bool,
    /// In a photo caption: part of the article, but not judged by the rules.
    pub caption: bool,
    /// Where the reference ends with its appositive, for finding its verb.
    pub(crate) reach: usize,
}

impl Actor {
    /// Frees the room its lists grew beyond their length: the answer of a
    /// linking is kept between analyses (`link/memo.rs`).
    pub(crate) fn shrink_to_fit(&mut self) {
        self.name.shrink_to_fit();
        self.offices.shrink_to_fit();
        self.mentions.shrink_to_fit();
        self.relations.shrink_to_fit();
    }
}

impl Mention {
    pub fn actor(&self) -> Option<usize> {
        crate::work::step();
        match self.target {
            Target::Actor(a) => Some(a),
            Target::Ambiguous(_) | Target::NamedFor(_) => None,
        }
    }
}

/// One actor's relation to another: "counterpart" of Wang Yi.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    /// The relation word as written ("counterpart", "special envoy").
    pub label: String,
    pub other: usize,
    /// The mention that states the relation.
    pub mention: usize,
    /// True on the possessor's side: the other actor is this one's `label`.
    pub inverse: bool,
    /// The office the relation implies: a counterpart holds the other's
    /// office in the country the title names.
    pub office: Option<Office>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// "Chinese Foreign Minister", "secretary of Russia's Security Council",
    /// "Russian foreign minister" (derived from "his Russian counterpart").
    pub text: String,
    /// The mention it comes from; `None` when it comes from the people file.
    pub mention: Option<usize>,
    /// Derived from a relation rather than written.
    pub derived: bool,
}

/// An office an actor holds in this article, for linking descriptions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Office {
    pub key: String,
    pub country: Option<&'static str>,
    pub leader: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub kind: ActorKind,
    /// The fullest form of the name used.
    pub name: String,
    /// The parts of a person's name.
    pub person: Option<PersonName>,
    pub role: Option<Role>,
    pub offices: Vec<Office>,
    pub country: Option<&'static str>,
    /// Indices into [`Actors::mentions`], in document order.
    pub mentions: Vec<usize>,
    pub relations: Vec<Relation>,
    pub confidence: Confidence,
    /// The matching entry of the people file.
    pub entry: Option<usize>,
}

/// An attributed statement: a reporting verb and its speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    pub actor: usize,
    /// "said", "urged", "according to".
    pub verb: Span,
    /// What was said: the quotation, or the reported clause.
    pub content: Span,
    pub sentence: usize,
}

/// Every actor of a document and every mention linked to one.
#[derive(Clone, Debug, Default)]
pub struct Actors {
    /// Shared with the linking memo (`link/memo.rs`), which hands the same
    /// lists to the next analysis when an edit leaves linking's input as it was.
    pub actors: Arc<Vec<Actor>>,
    /// Sorted by position; mentions never overlap.
    pub mentions: Arc<Vec<Mention>>,
    /// In document order.
    pub statements: Vec<Statement>,
    /// The people file, when one is configured and was read.
    pub people: Option<Arc<People>>,
    /// Where the article writes places' names.
    pub places: Places,
    line_starts: Vec<usize>,
    /// Markdown links' spans ([`Prose::links`]): names in their text are
    /// no first reference.
    links: Vec<Span>,
    /// For each [`ActorKind`], the mentions of actors of that kind, in order:
    /// what a pronoun can refer back to, found by binary search.
    by_kind: [Vec<usize>; 3],
}

impl Actors {
    /// The index of the mention whose span contains `offset` (or ends at it,
    /// so a cursor just after a name still finds it).
    pub fn mention_at(&self, offset: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.span.end < offset);
        (i < self.mentions.len() && self.mentions[i].span.start <= offset).then_some(i)
    }

    /// The actor referred to at `offset`.
    pub fn actor_at(&self, offset: usize) -> Option<usize> {
        self.mention_at(offset)
            .and_then(|m| self.mentions[m].actor())
    }

    /// An actor's mentions, in document order.
    pub fn mentions_of(&self, actor: usize) -> impl Iterator<Item = &Mention> {
        self.actors
            .get(actor)
            .map_or(&[][..], |a| &a.mentions[..])
            .iter()
            .map(|&m| &self.mentions[m])
    }

    /// The actor of the last mention ending by `offset` whose actor is of one
    /// of `kinds`: the antecedent of "he said" is the last person named.
    /// A binary search per kind, however far back that mention is.
    pub fn last_before(&self, offset: usize, kinds: &[ActorKind]) -> Option<usize> {
        kinds
            .iter()
            .filter_map(|&kind| {
                let list = &self.by_kind[kind as usize];
                let end = list.partition_point(|&m| self.mentions[m].span.start < offset);
                // Mentions never overlap: at most one of them holds `offset`.
                list[..end]
                    .iter()
                    .rev()
                    .copied()
                    .find(|&m| self.mentions[m].span.end <= offset)
            })
            .max()
            .and_then(|m| self.mentions[m].actor())
    }

    /// An actor's statements, in document order.
    pub fn statements_of(&self, actor: usize) -> impl Iterator<Item = &Statement> {
        self.statements.iter().filter(move |s| s.actor == actor)
    }

    /// The zero-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Whether a mention is in a Markdown link's text ("Read more: [Mayor
    /// Wu says …](url)"): a pointer to another page, not the article's words.
    pub fn in_link(&self, mention: &Mention) -> bool {
        let i = self.links.partition_point(|l| l.end < mention.span.end);
        self.links
            .get(i)
            .is_some_and(|l| l.start <= mention.span.start)
    }

    /// The people-file entry of an actor.
    pub fn entry_of(&self, actor: usize) -> Option<&PersonEntry> {
        let entry = self.actors.get(actor)?.entry?;
        self.people.as_ref()?.entries.get(entry)
    }
}

/// Finds the actors of a document.
/// What the actor model keeps between analyses of one document: each block's
/// word-list scan, reading and places' names, for one list of titles added
/// by the settings, and the last linking with a fingerprint of what it read (`link/memo.rs`).
#[derive(Debug, Default)]
pub struct Memo {
    added_titles: lexicon::AddedTitles,
    lexicon: BlockMemo<lexicon::BlockScan>,
    reading: BlockMemo<recognise::BlockFound>,
    vocabulary: recognise::VocabularyMemo,
    places: BlockMemo<places::BlockPlaces>,
    linked: link::Memo,
}

pub fn recognise(prose: &Prose, settings: &Settings, memo: &mut Memo) -> Actors {
    let people = settings.people_list.clone();
    if !memo.added_titles.are(&settings.words.titles) {
        *memo = Memo {
            added_titles: lexicon::AddedTitles::new(&settings.words.titles),
            ..Memo::default()
        };
    }
    let scan = lexicon::LEXICON.scan(prose, &memo.added_titles, &mut memo.lexicon);
    let mut found = recognise::recognise(prose, &scan, &mut memo.reading, &mut memo.vocabulary);
    // Before linking, which takes no one of a name read as a place's.
    let places = Places::find(prose, &mut found.names, &mut memo.places);
    let (actors, mentions) = memo.linked.link(prose, found, people.as_ref());
    let statements = statements::find(prose, &scan, &actors, &mentions);
    let mut line_starts = vec![0];
    line_starts.extend(
        prose
            .text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .map(|(i, _)| i + 1),
    );
    let mut by_kind: [Vec<usize>; 3] = Default::default();
    for (i, m) in mentions.iter().enumerate() {
        if let Some(a) = m.actor() {
            by_kind[actors[a].kind as usize].push(i);
        }
    }
    Actors {
        by_kind,
        actors,
        mentions,
        statements,
        people,
        places,
        line_starts,
        links: prose.links.clone(),
    }
}

#[cfg(test)]
mod tests;
