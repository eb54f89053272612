//! Linking: every recognised name, description and organisation tied to one
//! actor, and each actor's role and relations worked out.
//!
//! Full names make people first ("Sergei Lavrov"); a single name then links by
//! family name, or by given name, to the one person it fits. When two people
//! fit, the one introduced before the reference wins if only one was; otherwise
//! the reference stays ambiguous. Headlines only ever link to people the body
//! names. Offices, relations and roles are worked out in `roles.rs`.

mod memo;
mod roles;
mod tidy;

use std::collections::HashMap;

pub use memo::Memo;
use roles::{demonym, roles};
use tidy::{drop_unreferenced, order};

use super::lexicon::LEXICON;
use super::names::{is_variant, lookup_key, one_slip_apart, skeleton, slip_keys, PersonName};
use super::people::People;
use super::recognise::{collapse, BodySource, Found, Possessor, RawDescription, RawName, Title};
use super::{Actor, ActorKind, Confidence, Form, Mention, Office, Relation, Role, Target};
use crate::hashing::{FastMap, FastSet};
use crate::prose::{Prose, TokenKind};
use crate::span::Span;

/// How many of the people who share a surname a new full name is compared
/// with (the last so many named): more than any article names.
const SAME_SURNAME_REACH: usize = 64;

/// How many paragraphs ahead a bare name may link to a person introduced there.
const FORWARD_BLOCKS: usize = 6;
/// The same, for a name with a title or courtesy title ("Home Secretary
/// Braverman"), which is surely a reference to someone introduced somewhere,
/// and for a photo caption, which names the article's people wherever the
/// story introduces them.
const FORWARD_BLOCKS_TITLED: usize = 20;

/// `articled` is [`articled_words`] of `prose`.
fn link(
    prose: &Prose,
    found: Found,
    people: Option<&People>,
    articled: &FastSet<String>,
) -> (Vec<Actor>, Vec<Mention>) {
    let mut linker = Linker {
        prose,
        articled,
        actors: Vec::new(),
        introduced: Vec::new(),
        targets: vec![None; found.names.len()],
        forms: vec![Form::Full; found.names.len()],
        strong: Vec::new(),
        by_family: FastMap::default(),
        by_given: FastMap::default(),
        by_skeleton: FastMap::default(),
        by_full: FastMap::default(),
        by_slip: FastMap::default(),
        slip_chain: Vec::new(),
        slip_families: Vec::new(),
        slip_seen: FastSet::default(),
        narrowed: vec![None; found.names.len()],
        holders: FastMap::default(),
        leaders: Vec::new(),
        renamed: false,
    };
    linker.full_names(&found.names);
    linker.single_names(&found.names);
    for (i, name) in found.names.iter().enumerate() {
        if let Some(Target::Actor(a)) = &linker.targets[i] {
            if let Some(title) = name.title.as_ref().or(name.appositive.as_ref()) {
                linker.add_office(*a, title);
            }
        }
    }
    let mut mentions = Vec::with_capacity(found.names.len() + found.bodies.len());
    let mut name_mention = vec![None; found.names.len()];
    for (i, name) in found.names.iter().enumerate() {
        if let Some(target) = linker.targets[i].clone() {
            name_mention[i] = Some(mentions.len());
            let mut mention = name_mention_of(name, linker.forms[i], target);
            if let Some(narrow) = linker.narrowed[i] {
                mention.span = narrow;
                mention.name = narrow;
            }
            mentions.push(mention);
        }
    }
    // Possessor descriptions ("the US president's son-in-law") resolve against
    // written offices; relations may then add derived ones ("his Russian
    // counterpart"), which the remaining descriptions can use.
    linker.index_offices();
    let description_targets = linker.office_holders(&found.descriptions);
    order(&prose.text, &mut mentions, &mut name_mention);
    linker.relations(&found, &mentions, &name_mention, &description_targets);
    linker.index_offices();
    let later_targets = linker.office_holders(&found.descriptions);
    for (i, d) in found.descriptions.iter().enumerate() {
        let target = description_targets[i].or(later_targets[i]);
        if let Some(actor) = target {
            mentions.push(description_mention(d, actor));
        }
    }
    linker.bodies(&found, &mut mentions);
    order(&prose.text, &mut mentions, &mut []);
    let mut actors = linker.actors;
    for (i, m) in mentions.iter().enumerate() {
        if let Target::Actor(a) = m.target {
            actors[a].mentions.push(i);
        }
    }
    // Relations were recorded with the start offset of their mention, as
    // mention indices change while mentions are added: turn them into indices.
    for actor in &mut actors {
        for relation in &mut actor.relations {
            relation.mention = mentions.partition_point(|m| m.span.start < relation.mention);
        }
    }
    for (a, actor) in actors.iter_mut().enumerate() {
        if actor.kind == ActorKind::Person {
            actor.confidence = if linker.strong[a] {
                Confidence::Certain
            } else {
                Confidence::Likely
            };
        }
    }
    if let Some(people) = people {
        match_people(&mut actors, &mentions, prose, people);
    }
    roles(&mut actors, &mentions, prose, people);
    drop_unreferenced(&mut actors, &mut mentions);
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
    /// People by office key, and the people holding a leader's office.
    holders: FastMap<String, Vec<usize>>,
    leaders: Vec<usize>,
    /// Whether a person took a fuller name after being indexed: only then
    /// are the name indexes out of date.
    renamed: bool,
}

impl Linker<'_> {
    fn new_person(&mut self, name: PersonName, at: usize, strong: bool) -> usize {
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
        self.strong.push(strong);
        self.index_person(self.actors.len() - 1);
        self.actors.len() - 1
    }

    /// People from their full names, body first, then headlines that match
    /// them. A doubtful first word before a known family name is not a given
    /// name ("Notice Trump said" after "Donald Trump"): such names wait until
    /// every other full name is known.
    fn full_names(&mut self, names: &[RawName]) {
        let mut doubtful = Vec::new();
        for heading in [false, true] {
            for (i, raw) in names.iter().enumerate() {
                if raw.in_title || raw.heading != heading {
                    continue;
                }
                let parsed = &raw.parsed;
                if parsed.given.is_none() {
                    continue;
                }
                // An unknown capitalised word before a surname ("Notice Trump"
                // at a sentence start, "Scientologist Cruise") is not a given
                // name when someone else has that surname.
                // (At a sentence start, the tagger reading the whole name
                // as a person's says otherwise: "Noam Chomsky is"; not
                // inside one: "the new quay, East Saltmarch".)
                let leaning_at_start =
                    raw.evidence.leaning && self.prose.tokens[raw.tokens.start].sentence_start;
                let opener = !(raw.evidence.strong() || leaning_at_start)
                    && parsed
                        .given
                        .as_deref()
                        .is_some_and(|g| !g.contains(' ') && !LEXICON.is_given_name(g));
                if (opener || raw.in_place_name) && !heading {
                    doubtful.push(i);
                    continue;
                }
                let words = parsed.full.split(' ').count();
                let person = |a: &usize| self.actors[*a].person.as_ref();
                // The same name, or (failing that) a spelling of it: among
                // the people last named with that surname, so that a surname
                // many people share costs no search of them all.
                let recent = |list: &Vec<usize>| {
                    let from = list.len().saturating_sub(SAME_SURNAME_REACH);
                    list[from..].to_vec()
                };
                let existing = self
                    .by_full
                    .get(lookup_key(&parsed.full).as_ref())
                    .copied()
                    .or_else(|| {
                        self.by_family
                            .get(lookup_key(&parsed.family).as_ref())
                            .and_then(|list| {
                                recent(list).into_iter().find(|a| {
                                    person(a)
                                        .is_some_and(|p| p.given.is_some() && p.same_person(parsed))
                                })
                            })
                    })
                    .or_else(|| {
                        self.by_skeleton
                            .get(&skeleton(&parsed.family))
                            .and_then(|list| {
                                recent(list)
                                    .into_iter()
                                    .find(|a| person(a).is_some_and(|p| p.variant_of(parsed)))
                            })
                    });
                let actor = match existing {
                    Some(a) => {
                        let fuller = self.actors[a].person.as_ref().is_some_and(|p| {
                            p.same_person(parsed) && p.full.split(' ').count() < words
                        });
                        if fuller && !heading {
                            self.actors[a].name = parsed.full.clone();
                            self.actors[a].person = Some(parsed.clone());
                            self.renamed = true;
                        }
                        self.strong[a] |= raw.evidence.certain();
                        a
                    }
                    // A headline introduces no one, unless surely a person;
                    // what the tagger reads as no person's name introduces
                    // no one either (it may still be a known person's).
                    None if raw.not_person || heading && !raw.evidence.certain() => continue,
                    None => self.new_person(parsed.clone(), raw.name.start, raw.evidence.certain()),
                };
                self.by_full
                    .entry(lookup_key(&parsed.full).into_owned())
                    .or_insert(actor);
                self.targets[i] = Some(Target::Actor(actor));
                self.forms[i] = Form::Full;
            }
        }
        // Each person was indexed when made; names made fuller since are
        // indexed again, all of them, in the order they were made.
        if self.renamed {
            self.index_names();
        }
        for i in doubtful {
            let raw = &names[i];
            if raw.in_place_name {
                self.place_name(i, raw);
                continue;
            }
            // The full name of someone already known ("Arlo Fenwick" again,
            // first met where the tagger was sure): that person, in full.
            if let Some(&a) = self.by_full.get(lookup_key(&raw.parsed.full).as_ref()) {
                (self.targets[i], self.forms[i]) = (Some(Target::Actor(a)), Form::Full);
                continue;
            }
            let family_words = raw.parsed.family.split(' ').count();
            if self.by_family.contains_key(raw.parsed.family.as_str()) {
                // Only the family name refers; the opener is an ordinary word.
                let first = raw.tokens.end - family_words;
                self.narrowed[i] =
                    Some(Span::new(self.prose.tokens[first].span.start, raw.name.end));
                continue;
            }
            if raw.not_person {
                continue;
            }
            let actor = self.new_person(raw.parsed.clone(), raw.name.start, false);
            self.targets[i] = Some(Target::Actor(actor));
            self.forms[i] = Form::Full;
        }
    }

    /// A name inside a place's name: the person of that name, or a new
    /// person if no one else has the family name (else "Mr. Obama" would
    /// become ambiguous through "Barack Obama Election Day").
    fn place_name(&mut self, i: usize, raw: &RawName) {
        let same = self
            .by_family
            .get(lookup_key(&raw.parsed.family).as_ref())
            .map(|list| {
                list.iter().copied().find(|&a| {
                    self.actors[a]
                        .person
                        .as_ref()
                        .is_some_and(|p| p.given.is_some() && p.same_person(&raw.parsed))
                })
            });
        let actor = match same {
            Some(Some(a)) => a,
            Some(None) => return,
            None => self.new_person(raw.parsed.clone(), raw.name.start, raw.evidence.certain()),
        };
        self.targets[i] = Some(Target::Actor(actor));
        self.forms[i] = Form::Full;
    }

    /// Indexes every person by family name (and later-reference name) and by
    /// each given name.
    fn index_names(&mut self) {
        self.by_family.clear();
        self.by_given.clear();
        self.by_skeleton.clear();
        for a in 0..self.actors.len() {
            self.index_person(a);
        }
    }

    fn index_person(&mut self, a: usize) {
        let Some(p) = &self.actors[a].person else {
            return;
        };
        let add = |map: &mut FastMap<String, Vec<usize>>, key: &str| {
            let key = lookup_key(key);
            match map.get_mut(key.as_ref()) {
                // People are indexed in order, so `a` is last if it is there.
                Some(list) if list.last() != Some(&a) => list.push(a),
                Some(_) => {}
                None => {
                    map.insert(key.into_owned(), vec![a]);
                }
            }
        };
        for name in [p.family.as_str(), p.later()] {
            let key = lookup_key(name);
            if !self.slip_seen.contains(key.as_ref()) {
                self.slip_seen.insert(key.to_string());
                let keys = slip_keys(&key);
                if !keys.is_empty() {
                    let family = self.slip_families.len();
                    self.slip_families.push(key.to_string());
                    for slip in keys {
                        let before = self.by_slip.insert(slip, self.slip_chain.len());
                        self.slip_chain.push((family, before));
                    }
                }
            }
            add(&mut self.by_family, name);
        }
        add(&mut self.by_skeleton, &skeleton(&p.family));
        for word in p.given.iter().flat_map(|g| g.split(' ')) {
            add(&mut self.by_given, word);
        }
    }

    /// How many paragraphs (blocks) lie between two offsets.
    fn blocks_between(&self, a: usize, b: usize) -> usize {
        let block = |o: usize| self.prose.block_at(o).unwrap_or(0);
        block(b).saturating_sub(block(a))
    }

    /// The people a single name can refer to: by family name first, else by
    /// given name.
    fn candidates(&self, word: &str) -> (Vec<usize>, Form) {
        let word = lookup_key(word);
        if let Some(family) = self.by_family.get(word.as_ref()) {
            return (family.clone(), Form::Family);
        }
        let given = self
            .by_given
            .get(word.as_ref())
            .cloned()
            .unwrap_or_default();
        (given, Form::Given)
    }

    /// The people whose family name this is a spelling variant of
    /// ("Zelenskyy" for Volodymyr Zelensky).
    fn variant_candidates(&self, word: &str) -> Vec<usize> {
        let is_variant_of = |a: &usize| {
            self.actors[*a]
                .person
                .as_ref()
                .is_some_and(|p| is_variant(&p.family, word))
        };
        let spelled = self
            .by_skeleton
            .get(skeleton(word).as_str())
            .map(|list| list.iter().copied().filter(is_variant_of).collect())
            .unwrap_or_default();
        if !Vec::is_empty(&spelled) {
            return spelled;
        }
        // A typing slip ("Kellar" for Keller) changes the skeleton: the
        // family names that share a slip key with the word.
        let mut slipped: Vec<usize> = slip_keys(word)
            .iter()
            .flat_map(|&k| self.slipped(k))
            .map(|family| &self.slip_families[family])
            .filter(|family| one_slip_apart(family, word))
            .filter_map(|family| self.by_family.get(family.as_str()))
            .flat_map(|list| list.iter().copied())
            .filter(is_variant_of)
            .collect();
        slipped.sort_unstable();
        slipped.dedup();
        slipped
    }

    /// The families under a slip key, latest first. Each entry points to
    /// an earlier one, so the walk ends.
    fn slipped(&self, key: u64) -> impl Iterator<Item = usize> + '_ {
        let mut next = self.by_slip.get(&key).copied();
        std::iter::from_fn(move || {
            let (family, before) = *self.slip_chain.get(next?)?;
            next = before;
            Some(family)
        })
    }

    /// Whether a reference's formal title names an office the person does not
    /// hold here, which sets a look-alike name apart.
    fn office_differs(&self, actor: usize, title: Option<&Title>) -> bool {
        let offices = &self.actors[actor].offices;
        title.is_some_and(|t| {
            t.formal && !offices.is_empty() && !offices.iter().any(|o| o.key == t.office_key)
        })
    }

    /// Single names ("Lavrov", "President Xi", "Mr. Lavrov"): people named only
    /// this way are made from the references that show they are people; then
    /// every single name links to the one person it fits.
    fn single_names(&mut self, names: &[RawName]) {
        for (i, raw) in names.iter().enumerate() {
            if self.targets[i].is_some()
                || raw.in_title
                || raw.not_person
                || raw.heading
                || raw.listed
            {
                continue;
            }
            // A single name that only speaks ("Microsoft said") may be an
            // organisation's: a person needs a title, courtesy title or age,
            // or the tagger's word; the tagger leaning clearly that way
            // makes probably a person ("Byron fell in love").
            let shows_person =
                (raw.evidence.certain() || raw.evidence.leaning_alone) && !raw.in_place_name;
            // Only the tagger's word, for a word the story also writes as a
            // thing ("the Confederacy."): no one.
            let a_thing = !raw.evidence.written()
                && self
                    .articled
                    .contains(lookup_key(&raw.parsed.full).as_ref());
            if !shows_person
                || a_thing
                || !self.candidates(&raw.parsed.full).0.is_empty()
                || !self.variant_candidates(&raw.parsed.full).is_empty()
            {
                continue;
            }
            let mut parsed = raw.parsed.clone();
            // A single name is a family name, whatever its shape.
            parsed.family = parsed.full.clone();
            parsed.given = None;
            parsed.order = super::names::NameOrder::GivenFirst;
            self.new_person(parsed, raw.name.start, raw.evidence.certain());
        }
        for (i, raw) in names.iter().enumerate() {
            if self.targets[i].is_some() || raw.in_title {
                continue;
            }
            let written = match self.narrowed[i] {
                Some(_) => &raw.parsed.family,
                None => &raw.parsed.full,
            };
            let (mut candidates, mut form) = self.candidates(written);
            // A look-alike of a name links when something shows it is a
            // person's ("Sallonen said"), or when it is long enough not to be
            // a short word that happens to look alike ("Conn.", "Coon").
            let look_alike = raw.evidence.strong() || skeleton(written).chars().count() >= 5;
            if candidates.is_empty() && !raw.listed && look_alike {
                form = Form::Family;
                candidates = self.variant_candidates(written);
                candidates.retain(|&a| !self.office_differs(a, raw.title.as_deref()));
            }
            // A name before anyone of that name is introduced links forward
            // only to an introduction close by: a surname far ahead of a full
            // name ("Obama" in paragraph 3, "Michelle Obama" in paragraph 30)
            // is likely someone else.
            let reach = if raw.title.is_some() || raw.courtesy.is_some() || raw.caption {
                FORWARD_BLOCKS_TITLED
            } else {
                FORWARD_BLOCKS
            };
            candidates.retain(|&a| {
                let ahead = self.introduced[a] > raw.name.start;
                !ahead || self.blocks_between(raw.name.start, self.introduced[a]) <= reach
            });
            let target = match candidates.len() {
                0 => continue,
                1 => Target::Actor(candidates[0]),
                _ => {
                    let before: Vec<usize> = candidates
                        .iter()
                        .copied()
                        .filter(|&a| self.introduced[a] < raw.name.start)
                        .collect();
                    match before.len() {
                        1 => Target::Actor(before[0]),
                        _ => Target::Ambiguous(candidates),
                    }
                }
            };
            if let Target::Actor(a) = target {
                self.strong[a] |= raw.evidence.certain();
            }
            self.targets[i] = Some(target);
            self.forms[i] = form;
        }
    }

    /// Organisations and governments, one actor per name.
    fn bodies(&mut self, found: &Found, mentions: &mut Vec<Mention>) {
        let mut by_key: HashMap<&str, usize> = HashMap::new();
        let mut name_starts: FastSet<usize> = mentions.iter().map(|m| m.name.start).collect();
        for body in &found.bodies {
            // "the Monti government" where Monti is a person here: the
            // person's reference.
            let led_by_person =
                body.source == BodySource::Led && name_starts.contains(&body.span.start);
            if led_by_person {
                continue;
            }
            let actor = match by_key.get(body.key.as_str()) {
                Some(&a) => a,
                None if body.heading => continue,
                None => {
                    let role = match (body.source, body.country) {
                        (BodySource::Agency, _) => Some("news organisation".to_string()),
                        (BodySource::Group(what), _) => Some(what.to_string()),
                        (BodySource::International, _) => {
                            Some("international organisation".to_string())
                        }
                        (BodySource::Institution | BodySource::Place, Some(country)) => {
                            Some(format!("stands for the {} government", demonym(country)))
                        }
                        _ => None,
                    };
                    self.actors.push(Actor {
                        kind: body.kind,
                        name: body.key.clone(),
                        person: None,
                        role: role.map(|text| Role {
                            text,
                            mention: None,
                            derived: true,
                        }),
                        offices: Vec::new(),
                        country: body.country,
                        mentions: Vec::new(),
                        relations: Vec::new(),
                        confidence: Confidence::Certain,
                        entry: None,
                    });
                    self.introduced.push(body.span.start);
                    self.strong.push(true);
                    by_key.insert(&body.key, self.actors.len() - 1);
                    self.actors.len() - 1
                }
            };
            name_starts.insert(body.span.start);
            mentions.push(Mention {
                span: body.span,
                name: body.span,
                form: Form::Name,
                target: Target::Actor(actor),
                title: None,
                appositive: None,
                courtesy: None,
                possessive: body.possessive,
                in_quote: body.in_quote,
                heading: body.heading,
                caption: body.caption,
                reach: body.span.end,
            });
        }
    }
}

/// The capitalised words the text writes after "the" and before a
/// punctuation mark ("the Confederacy.", "the Kremlin,"), by [`lookup_key`]:
/// a word named as a thing, which a person's name seldom is (a family is
/// "the Bernoulli family", a people "the Moriori").
fn articled_words(prose: &Prose) -> FastSet<String> {
    let tokens = &prose.tokens;
    let mut out = FastSet::default();
    for (k, t) in tokens.iter().enumerate().skip(1) {
        // The cheap tests first: this runs over every token of every analysis.
        if t.kind != TokenKind::Word || !t.capitalised || t.possessive() {
            continue;
        }
        let closes = tokens
            .get(k + 1)
            .is_some_and(|n| n.kind == TokenKind::Punct);
        if closes && prose.slice(tokens[k - 1].word).eq_ignore_ascii_case("the") {
            out.insert(lookup_key(prose.slice(t.word)).into_owned());
        }
    }
    out
}

fn name_mention_of(raw: &RawName, form: Form, target: Target) -> Mention {
    Mention {
        span: raw.span,
        name: raw.name,
        form,
        target,
        title: raw.title.clone(),
        appositive: raw.appositive.clone(),
        courtesy: raw.courtesy,
        possessive: raw.possessive,
        in_quote: raw.in_quote,
        heading: raw.heading,
        caption: raw.caption,
        reach: raw.reach,
    }
}

fn description_mention(d: &RawDescription, actor: usize) -> Mention {
    Mention {
        span: d.span,
        name: d.span,
        form: Form::Description,
        target: Target::Actor(actor),
        title: Some(Box::new(d.title.clone())),
        appositive: None,
        courtesy: None,
        possessive: d.possessive,
        in_quote: d.in_quote,
        heading: d.heading,
        caption: d.caption,
        reach: d.span.end,
    }
}

/// Ties people to entries of the people file by any written form of their name.
fn match_people(actors: &mut [Actor], mentions: &[Mention], prose: &Prose, people: &People) {
    for actor in actors.iter_mut().filter(|a| a.kind == ActorKind::Person) {
        let forms = std::iter::once(actor.name.clone()).chain(
            actor
                .mentions
                .iter()
                .filter(|&&m| mentions[m].form == Form::Full)
                .map(|&m| collapse(prose.slice(mentions[m].name))),
        );
        let mut entry = None;
        for form in forms {
            entry = people.entry_for(&form);
            if entry.is_some() {
                break;
            }
        }
        if entry.is_some() {
            actor.entry = entry;
            actor.confidence = Confidence::Certain;
        }
    }
}
