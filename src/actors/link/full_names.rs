//! Full names: the people they make, and the names they make fuller.

use super::*;

/// How many of the people who share a surname a new full name is compared
/// with (the last so many named): more than any article names.
const SAME_SURNAME_REACH: usize = 64;

impl Linker<'_> {
    /// People from their full names, body first, then headlines that match
    /// them. A doubtful first word before a known family name is not a given
    /// name ("Notice Trump said" after "Donald Trump"): such names wait until
    /// every other full name is known.
    pub(super) fn full_names(&mut self, names: &[RawName]) {
        let mut doubtful = Vec::new();
        for heading in [false, true] {
            for (i, raw) in names.iter().enumerate() {
                if raw.in_title || raw.heading != heading {
                    continue;
                }
                let parsed = &raw.parsed;
                if parsed.given.is_none() {
                    if let Some(place) = epithet_after(self.prose, raw) {
                        self.epithet(names, i, place);
                    }
                    continue;
                }
                if let Some(a) = self.family_written_whole(parsed) {
                    (self.targets[i], self.forms[i]) = (Some(Target::Actor(a)), Form::Family);
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
                // "Ní Bhriain" waits for "Máire Ní Bhriain" where that name
                // is doubtful too.
                let particles = self.particles_before_family(parsed);
                if (opener || raw.in_place_name || particles) && !heading {
                    doubtful.push(i);
                    continue;
                }
                let words = parsed.full.split(' ').count();
                let existing = self.existing_person(parsed).filter(|&a| {
                    !self.fuller_beside(a, raw)
                        && !self.kin_named_alike(a, raw)
                        && !self.own_relative_alike(a, names, i)
                });
                let actor = match existing {
                    Some(a) => {
                        let fuller = self.actors[a].person.as_ref().is_some_and(|p| {
                            p.same_person(parsed) && p.full.split(' ').count() < words
                        });
                        if fuller && !heading {
                            self.actors[a].name = parsed.full.clone();
                            self.actors[a].person = Some(PersonName::clone(parsed));
                            self.renamed = true;
                        }
                        self.strong[a] |= raw.evidence.certain();
                        a
                    }
                    // A headline introduces no one, unless surely a person,
                    // or probably one: a known given name the tagger reads
                    // as a person's name ("Claire Warwick" over a longer
                    // line); what the tagger reads as no person's name
                    // introduces no one either (it may still be a known
                    // person's).
                    None if raw.not_person || heading && !headline_person(raw) => continue,
                    None => self.new_person(
                        PersonName::clone(parsed),
                        raw.name.start,
                        raw.evidence.certain(),
                    ),
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
        self.doubtful_names(names, doubtful);
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
            None => self.new_person(
                PersonName::clone(&raw.parsed),
                raw.name.start,
                raw.evidence.certain(),
            ),
        };
        self.targets[i] = Some(Target::Actor(actor));
        self.forms[i] = Form::Full;
    }

    /// Whether a fuller name in the paragraph that introduced the shorter
    /// is someone else: "John Adams and John Quincy Adams" are two presidents.
    /// (A shorter name after a fuller one is the same person's: "Otto
    /// Jespersen" after "Jens Otto Harry Jespersen".)
    fn fuller_beside(&self, a: usize, raw: &RawName) -> bool {
        let Some(known) = self.actors[a].person.as_ref() else {
            return false;
        };
        known.full.split(' ').count() < raw.parsed.full.split(' ').count()
            && self.prose.block_at(self.introduced[a]) == self.prose.block_at(raw.name.start)
    }

    /// Whether a name written after a relation ("the second son of Pierre
    /// Lanfort") is a relative of that name, not the person `a` it would
    /// otherwise be a shorter or fuller form of ("Pierre Charles Lanfort"):
    /// fathers and sons share given names. The same name written again is
    /// the same person.
    fn kin_named_alike(&self, a: usize, raw: &RawName) -> bool {
        relation_before(self.prose, raw)
            && self.by_full.get(lookup_key(&raw.parsed.full).as_ref()) != Some(&a)
    }

    /// Whether name `i` repeats the full name of person `a`, named just
    /// before it, after a relation of theirs ("Halvard Lind, the mayor …
    /// His father, Halvard Lind,"): a father and son of one name are two
    /// people, for no one is their own father. Only when the name just
    /// before, in the same paragraph, is `a`'s, so that "his" is surely `a`.
    fn own_relative_alike(&self, a: usize, names: &[RawName], i: usize) -> bool {
        let raw = &names[i];
        let just_before = i
            .checked_sub(1)
            .filter(|&j| self.targets[j] == Some(Target::Actor(a)))
            .is_some_and(|j| {
                self.prose.block_at(names[j].span.start) == self.prose.block_at(raw.span.start)
            });
        just_before
            && self.by_full.get(lookup_key(&raw.parsed.full).as_ref()) == Some(&a)
            && pronoun_relation_before(self.prose, raw)
    }

    /// The one person whose family name opens with particles and this
    /// name is ("De Bruyne", "Ní Bhriain" after "Máire Ní Bhriain"): the
    /// particles are no given name.
    fn family_written_whole(&self, parsed: &PersonName) -> Option<usize> {
        if !self.particles_before_family(parsed) {
            return None;
        }
        match self
            .by_family
            .get(lookup_key(&parsed.full).as_ref())?
            .as_slice()
        {
            [a] => Some(*a),
            _ => None,
        }
    }

    /// Whether the words before the family name are particles and no known
    /// given name ("Ní" and "De", not "Al").
    fn particles_before_family(&self, parsed: &PersonName) -> bool {
        parsed.given.as_deref().is_some_and(|given| {
            !LEXICON.is_given_name(given)
                && given
                    .split(' ')
                    .all(|w| LEXICON.is_particle(w) || LEXICON.is_capitalised_particle(w))
        })
    }

    /// The person a full name names already: the same name, or (failing
    /// that) a spelling of it.
    fn existing_person(&self, parsed: &PersonName) -> Option<usize> {
        let person = |a: &usize| self.actors[*a].person.as_ref();
        // Among the people last named with that surname, so that a surname
        // many people share costs no search of them all.
        let recent = |list: &Vec<usize>| {
            let from = list.len().saturating_sub(SAME_SURNAME_REACH);
            list[from..].to_vec()
        };
        self.by_full
            .get(lookup_key(&parsed.full).as_ref())
            .copied()
            .or_else(|| {
                self.by_family
                    .get(lookup_key(&parsed.family).as_ref())
                    .and_then(|list| {
                        recent(list).into_iter().find(|a| {
                            person(a).is_some_and(|p| p.given.is_some() && p.same_person(parsed))
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
            })
    }

    /// Names whose first word may be an ordinary word before a surname:
    /// a known person's full name, a family name alone when someone has it,
    /// else a new person.
    fn doubtful_names(&mut self, names: &[RawName], doubtful: Vec<usize>) {
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
            if let Some(a) = self.family_written_whole(&raw.parsed) {
                (self.targets[i], self.forms[i]) = (Some(Target::Actor(a)), Form::Family);
                continue;
            }
            let family_words = raw.parsed.family.split(' ').count();
            // A name followed by a relative of the same family name is no
            // opener, nor one after a relation: "Tane Wiremu and his son,
            // Aroha Wiremu", "Grace Okafor … her brother, Emeka Okafor" are
            // two people.
            // Inside a sentence, only someone named before makes the first
            // word an opener: "a choked-up Jeb Bush" before "George Bush".
            let named_before = || {
                self.by_family
                    .get(raw.parsed.family.as_str())
                    .is_some_and(|list| list.iter().any(|&a| self.introduced[a] < raw.name.start))
            };
            let opens_sentence = self.prose.tokens[raw.tokens.start].sentence_start;
            let opener = if opens_sentence {
                self.by_family.contains_key(raw.parsed.family.as_str())
            } else {
                named_before()
            };
            let kin =
                kin_after(self.prose, raw.tokens.end) || pronoun_relation_before(self.prose, raw);
            if opener && !kin {
                // Only the family name refers; the opener is an ordinary word.
                let first = raw.tokens.end - family_words;
                self.narrowed[i] =
                    Some(Span::new(self.prose.tokens[first].span.start, raw.name.end));
                continue;
            }
            if raw.not_person {
                continue;
            }
            let sure = self.particles_before_family(&raw.parsed) && raw.evidence.certain();
            let actor = self.new_person(PersonName::clone(&raw.parsed), raw.name.start, sure);
            self.targets[i] = Some(Target::Actor(actor));
            self.forms[i] = Form::Full;
        }
    }
}

/// Whether "and his son", "and her sister" follows token `end`: the name
/// before it is a relative's, a person's. (Linking's memo keeps this too.)
pub(super) fn kin_after(prose: &Prose, end: usize) -> bool {
    let word = |k: usize| {
        prose
            .tokens
            .get(end + k)
            .map_or("", |t| prose.slice(t.span))
    };
    word(0) == "and" && matches!(word(1), "his" | "her" | "their") && LEXICON.is_relation(word(2))
}

/// Whether a possessive pronoun and a relation come just before a name,
/// set off by a comma or not ("His father, Halvard Lind", "and her son
/// Tom"). (Linking's memo keeps this too.)
pub(super) fn pronoun_relation_before(prose: &Prose, raw: &RawName) -> bool {
    // Read from the tokens, not the text: asked of every name on every edit
    // (the memo's fingerprint), and the pronoun settles nearly all of them.
    let first = raw.tokens.start;
    let back = |k: usize| first.checked_sub(k).and_then(|t| prose.tokens.get(t));
    let comma = back(1).is_some_and(|t| prose.slice(t.span) == ",");
    let at = if comma { 2 } else { 1 };
    let (Some(relation), Some(pronoun)) = (back(at), back(at + 1)) else {
        return false;
    };
    let pronoun = prose.slice(pronoun.word);
    matches!(pronoun.len(), 3 | 5)
        && ["his", "her", "their"]
            .iter()
            .any(|p| pronoun.eq_ignore_ascii_case(p))
        && LEXICON.is_relation(prose.slice(relation.word))
}

/// Whether a relation and "of" come just before a name ("the son of
/// Pierre Lanfort"). (Linking's memo keeps this too.)
pub(super) fn relation_before(prose: &Prose, raw: &RawName) -> bool {
    let before = prose.text[..raw.span.start].trim_end();
    let relation = before
        .strip_suffix(" of")
        .and_then(|lead| lead.rsplit([' ', ',', '(']).next());
    relation.is_some_and(|r| LEXICON.is_relation(r))
}

/// Whether a name in a headline introduces its person: the tagger is sure,
/// the text says so, or the name opens with a known given name that the
/// tagger reads as a person's, though not surely.
fn headline_person(raw: &RawName) -> bool {
    let e = raw.evidence;
    e.certain() || e.name_shape && e.leaning && raw.parsed.given.is_some()
}
