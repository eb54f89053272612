//! Linking: every recognised name, description and organisation tied to one
//! actor, and each actor's role and relations worked out.
//!
//! Full names make people first ("Sergei Lavrov"); a single name then links by
//! family name, or by given name, to the one person it fits. When two people
//! fit, the one introduced before the reference wins if only one was; otherwise
//! the reference stays ambiguous. Headlines only ever link to people the body
//! names. Linking runs in phases, a file each: full names make people
//! (`full_names.rs`; with a place for an epithet, `epithets.rs`), single
//! names link to them (`single_names.rs`, through the indexes of
//! `index.rs`), names and descriptions become mentions
//! (`mentions.rs`), offices, relations and roles are worked out (`roles.rs`),
//! organisations join (`bodies.rs`), the people file is matched
//! (`people_file.rs`) and the list is put in order (`tidy.rs`).

mod articled;
mod bodies;
mod epithets;
mod full_names;
mod index;
mod memo;
mod mentions;
mod namesakes;
mod people_file;
mod roles;
mod single_names;
mod tidy;

use std::collections::HashMap;

use articled::articled_words;
use epithets::epithet_after;
pub use memo::Memo;
use mentions::{attach, description_mentions};
pub(crate) use namesakes::namesake_phrase;
use namesakes::{common_use, group_noun_after, CommonUse};
use people_file::match_people;
use roles::{demonym, roles};
use tidy::{drop_unreferenced, order};

use super::lexicon::LEXICON;
use super::names::{is_variant, lookup_key, one_slip_apart, skeleton, slip_keys, PersonName};
use super::people::People;
use super::recognise::{
    collapse, BodySource, Found, Possessor, RawBody, RawDescription, RawName, Title,
};
use super::{Actor, ActorKind, Confidence, Form, Mention, Office, Relation, Role, Target};
use crate::hashing::{FastMap, FastSet};
use crate::prose::{Prose, TokenKind};
use crate::span::Span;

/// `articled` is [`articled_words`] of `prose`.
fn link(
    prose: &Prose,
    found: Found,
    people: Option<&People>,
    articled: &FastSet<String>,
) -> (Vec<Actor>, Vec<Mention>) {
    let mut linker = Linker::new(prose, articled, found.names.len());
    linker.full_names(&found.names);
    linker.single_names(&found.names);
    linker.name_offices(&found.names);
    let (mut mentions, mut name_mention) = linker.name_mentions(&found);
    // Possessor descriptions ("the US president's son-in-law") resolve against
    // written offices; relations may then add derived ones ("his Russian
    // counterpart"), which the remaining descriptions can use.
    linker.index_offices();
    let description_targets = linker.office_holders(&found.descriptions);
    order(&prose.text, &mut mentions, &mut name_mention);
    linker.relations(&found, &mentions, &name_mention, &description_targets);
    linker.index_offices();
    let later_targets = linker.office_holders(&found.descriptions);
    description_mentions(
        &mut mentions,
        &found.descriptions,
        &description_targets,
        &later_targets,
    );
    linker.bodies(&found, &mut mentions);
    order(&prose.text, &mut mentions, &mut []);
    let mut actors = linker.actors;
    attach(&mut actors, &linker.strong, &mentions);
    if let Some(people) = people {
        match_people(&mut actors, &mentions, prose, people);
    }
    roles(&mut actors, &mentions, prose, people);
    drop_unreferenced(&mut actors, &mut mentions);
    // Both are kept (by the analysis and by linking's memo): without the
    // room their growth left.
    actors.shrink_to_fit();
    mentions.shrink_to_fit();
    (actors, mentions)
}

struct Linker<'a> {
    prose: &'a Prose,
    /// The capitalised words the text writes as things ([`articled_words`]).
    articled: &'a FastSet<String>,
    actors: Vec<Actor>,
    /// Where each actor was introduced (its first full or creating reference).
    introduced: Vec<usize>,
    targets: Vec<Option<Target>>,
    forms: Vec<Form>,
    /// Whether anything beyond the shape of its name says an actor is a person.
    strong: Vec<bool>,
    by_family: FastMap<String, Vec<usize>>,
    by_given: FastMap<String, Vec<usize>>,
    /// People by the [`skeleton`] of their family name, for spelling variants.
    by_skeleton: FastMap<String, Vec<usize>>,
    /// People by every full name written for them, so that a name written
    /// again finds its person without a search among those sharing the surname.
    by_full: FastMap<String, usize>,
    /// The family names (keys of `by_family`) with a [`slip_keys`] each, by
    /// their index in `slip_families`, to find look-alikes one typing slip away.
    /// Kept when the other indexes are made again: a family name's keys do
    /// not change, and a look-up passes only family names `by_family` holds.
    /// Each key's latest entry in `slip_chain`: a chain rather than a list
    /// per key, as most keys hold one family and a list each costs an
    /// allocation.
    by_slip: FastMap<u64, usize>,
    /// A family's index in `slip_families`, and the entry before it under
    /// the same key.
    slip_chain: Vec<(usize, Option<usize>)>,
    slip_families: Vec<String>,
    slip_seen: FastSet<String>,
    /// Names cut down to their family name (a sentence opener dropped).
    narrowed: Vec<Option<Span>>,
    /// Names with their epithet ("Catherine of Aragon"): the whole name.
    widened: Vec<Option<Span>>,
    /// The places of epithets ("Aragon"), which are no one's reference.
    in_epithet: Vec<bool>,
    /// The one-word names read as people's somewhere, once an epithet asks.
    people_alone: Option<FastSet<String>>,
    /// People by office key, and the people holding a leader's office.
    holders: FastMap<String, Vec<usize>>,
    leaders: Vec<usize>,
    /// Whether a person took a fuller name after being indexed: only then
    /// are the name indexes out of date.
    renamed: bool,
}

impl<'a> Linker<'a> {
    /// A linker for `names` names, with no actors yet.
    fn new(prose: &'a Prose, articled: &'a FastSet<String>, names: usize) -> Self {
        Linker {
            prose,
            articled,
            actors: Vec::new(),
            introduced: Vec::new(),
            targets: vec![None; names],
            forms: vec![Form::Full; names],
            strong: Vec::new(),
            by_family: FastMap::default(),
            by_given: FastMap::default(),
            by_skeleton: FastMap::default(),
            by_full: FastMap::default(),
            by_slip: FastMap::default(),
            slip_chain: Vec::new(),
            slip_families: Vec::new(),
            slip_seen: FastSet::default(),
            narrowed: vec![None; names],
            widened: vec![None; names],
            in_epithet: vec![false; names],
            people_alone: None,
            holders: FastMap::default(),
            leaders: Vec::new(),
            renamed: false,
        }
    }
}

impl Linker<'_> {
    /// Each linked name's title or appositive, as an office of its person.
    fn name_offices(&mut self, names: &[RawName]) {
        for (i, name) in names.iter().enumerate() {
            if let Some(Target::Actor(a)) = &self.targets[i] {
                if let Some(title) = name.title.as_ref().or(name.appositive.as_ref()) {
                    self.add_office(*a, title);
                }
            }
        }
    }

    fn new_person(&mut self, name: PersonName, at: usize, strong: bool) -> usize {
        let a = self.unindexed_person(name, at);
        self.strong[a] = strong;
        self.index_person(a);
        a
    }

    /// A new person, probably, that no name index finds.
    fn unindexed_person(&mut self, name: PersonName, at: usize) -> usize {
        self.actors.push(Actor {
            kind: ActorKind::Person,
            name: name.full.clone(),
            person: Some(name),
            role: None,
            offices: Vec::new(),
            country: None,
            mentions: Vec::new(),
            relations: Vec::new(),
            confidence: Confidence::Likely,
            entry: None,
        });
        self.introduced.push(at);
        self.strong.push(false);
        self.actors.len() - 1
    }
}
