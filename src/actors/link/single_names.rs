//! Single names ("Lavrov", "President Xi", "Mr. Lavrov"): the people they
//! make, and the one person each links to.

use super::*;

/// How many paragraphs ahead a bare name may link to a person introduced there.
const FORWARD_BLOCKS: usize = 6;
/// The same, for a name with a title or courtesy title ("Home Secretary
/// Braverman"), which is surely a reference to someone introduced somewhere,
/// and for a photo caption, which names the article's people wherever the
/// story introduces them.
const FORWARD_BLOCKS_TITLED: usize = 20;

impl Linker<'_> {
    /// How many paragraphs (blocks) lie between two offsets.
    fn blocks_between(&self, a: usize, b: usize) -> usize {
        let block = |o: usize| self.prose.block_at(o).unwrap_or(0);
        block(b).saturating_sub(block(a))
    }

    /// Whether a reference's formal title names an office the person does not
    /// hold here, which sets a look-alike name apart.
    fn office_differs(&self, actor: usize, title: Option<&Title>) -> bool {
        let offices = &self.actors[actor].offices;
        title.is_some_and(|t| {
            t.formal && !offices.is_empty() && !offices.iter().any(|o| o.key == t.office_key)
        })
    }

    /// Whether a single name fits person `actor` as far as its generational
    /// suffix goes: a name with one ("Pemberton Jr.", "Anselm II") is only
    /// the person whose name ends with the same suffix, never a father or a
    /// brother named without it.
    fn suffix_fits(&self, actor: usize, raw: &RawName) -> bool {
        raw.parsed.suffix.is_none()
            || self.actors[actor]
                .person
                .as_ref()
                .is_some_and(|p| p.suffix == raw.parsed.suffix)
    }

    /// Whether single name `raw` cannot be person `actor` because it is a
    /// cited author's surname ("(Baron & Beresford 2014)") and the person
    /// was named in full in another paragraph: a work's author shares the
    /// surname of the story's person, and the citation says nothing more of
    /// who wrote it. The full name in the citation's paragraph is the
    /// author ("Ines Harbeck's survey … (Harbeck 2014)").
    fn cited_apart(&self, actor: usize, raw: &RawName) -> bool {
        raw.evidence.cited
            && self.actors[actor]
                .person
                .as_ref()
                .is_some_and(|p| p.given.is_some())
            && self.prose.block_at(self.introduced[actor]) != self.prose.block_at(raw.name.start)
    }

    /// Single names ("Lavrov", "President Xi", "Mr. Lavrov"): people named only
    /// this way are made from the references that show they are people; then
    /// every single name links to the one person it fits.
    pub(super) fn single_names(&mut self, names: &[RawName]) {
        self.people_named_once(names);
        self.link_single_names(names);
        self.case_parties(names);
    }

    /// The one-word parties of court cases ("Vasquez v. Carrow"): a person
    /// per name, probably (the tagger's sure word makes it sure), shared by
    /// the cases that name the party and by no one else. A person the story
    /// names otherwise is not linked to the party, nor the party to them:
    /// the case's name says nothing of which of them it is. No listed
    /// place's or body's name ("Nebraska"), nor a name the tagger is sure
    /// is a thing's.
    fn case_parties(&mut self, names: &[RawName]) {
        let mut parties: FastMap<String, usize> = FastMap::default();
        for (i, raw) in names.iter().enumerate() {
            let party = self.targets[i].is_none()
                && !self.in_epithet[i]
                && !raw.in_title
                && !raw.not_person
                && !raw.heading
                && !raw.parsed.full.contains(' ')
                && !LEXICON.names_a_place(&raw.parsed.full)
                && self.in_case_name(raw);
            if !party {
                continue;
            }
            let key = lookup_key(&raw.parsed.full).into_owned();
            let sure = raw.evidence.certain();
            let actor = match parties.get(&key) {
                Some(&a) => a,
                None => {
                    // A single name is a family name, whatever its shape;
                    // not indexed, so no other name finds the party.
                    let mut parsed = PersonName::clone(&raw.parsed);
                    parsed.family = parsed.full.clone();
                    parsed.given = None;
                    parsed.order = super::super::names::NameOrder::GivenFirst;
                    let a = self.unindexed_person(parsed, raw.name.start);
                    parties.insert(key, a);
                    a
                }
            };
            self.strong[actor] |= sure;
            self.targets[i] = Some(Target::Actor(actor));
            self.forms[i] = Form::Family;
        }
    }

    /// People named only by a single name, made from the references that
    /// show they are people.
    fn people_named_once(&mut self, names: &[RawName]) {
        // Cited authors set apart from the story's people, by surname.
        let mut cited: FastMap<String, usize> = FastMap::default();
        for (i, raw) in names.iter().enumerate() {
            if self.targets[i].is_some()
                || self.in_epithet[i]
                || raw.in_title
                || raw.not_person
                || raw.heading
                || raw.listed
                || group_noun_after(&self.prose.text, raw).is_some()
                || common_use(&self.prose.text, raw) == Some(CommonUse::Indefinite)
            {
                continue;
            }
            // A single name that only speaks ("Microsoft said") may be an
            // organisation's: a person needs a title, courtesy title or age,
            // or the tagger's word; the tagger leaning clearly that way
            // makes probably a person ("Byron fell in love").
            // A generational or regnal suffix is a person's ("Anselm II",
            // "Napoleon III"), as long as no one else has that name.
            let shows_person = (raw.evidence.certain()
                || raw.evidence.leaning_alone
                || raw.parsed.suffix.is_some())
                && !raw.in_place_name;
            // Only the tagger's word, for a word the story also writes as a
            // thing ("the Confederacy."): no one.
            let a_thing = !raw.evidence.written()
                && self
                    .articled
                    .contains(lookup_key(&raw.parsed.full).as_ref());
            // Not anyone the sentence names it a relation of: "Peter
            // Lynley, the brother of Inspector Lynley" makes two people.
            let related = self.related_before(names, i);
            let fits = |a: &usize| self.suffix_fits(*a, raw) && !related.contains(a);
            let mut found = self.candidates(&raw.parsed.full).0;
            found.extend(self.variant_candidates(&raw.parsed.full));
            found.retain(fits);
            let set_apart = !found.is_empty() && found.iter().all(|&a| self.cited_apart(a, raw));
            if !shows_person || a_thing || !found.is_empty() && !set_apart {
                continue;
            }
            if set_apart {
                // Known to no index, so no other reference to the story's
                // person of that surname finds the cited author.
                let key = lookup_key(&raw.parsed.full).into_owned();
                let author = match cited.get(&key) {
                    Some(&a) => a,
                    None => {
                        let a = self.unindexed_person(single_family(raw), raw.name.start);
                        cited.insert(key, a);
                        a
                    }
                };
                self.strong[author] |= raw.evidence.certain();
                self.targets[i] = Some(Target::Actor(author));
                self.forms[i] = Form::Family;
                continue;
            }
            self.new_person(single_family(raw), raw.name.start, raw.evidence.certain());
        }
    }

    /// Links every single name to the one person it fits, or to all it
    /// fits when nothing tells them apart.
    fn link_single_names(&mut self, names: &[RawName]) {
        let courtesies = self.courtesies(names);
        for (i, raw) in names.iter().enumerate() {
            self.link_single_name(names, i, raw, &courtesies);
        }
    }

    /// Each person's courtesy titles as written in their full names ("Sir"
    /// of "Sir Alan Fenwick"), lowercase and without a stop.
    fn courtesies(&self, names: &[RawName]) -> Vec<Vec<String>> {
        let mut out = vec![Vec::new(); self.actors.len()];
        for (i, raw) in names.iter().enumerate() {
            if let (Some(Target::Actor(a)), Some(c)) = (&self.targets[i], raw.courtesy) {
                let word = courtesy_word(self.prose, c);
                if !out[*a].contains(&word) {
                    out[*a].push(word);
                }
            }
        }
        out
    }

    /// Whether a name is a party in the name of a court case ("Kennedy v.
    /// Washington", "Roe versus Wade"): the case, not a person of the story.
    fn in_case_name(&self, raw: &RawName) -> bool {
        let text = &self.prose.text;
        let after = text[raw.span.end..].trim_start();
        let before = text[..raw.span.start].trim_end();
        ["v.", "vs.", "versus"].iter().any(|v| {
            after
                .strip_prefix(v)
                .is_some_and(|rest| rest.starts_with(' '))
                || before
                    .strip_suffix(v)
                    .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
        })
    }

    /// The people a single name cannot be because the sentence names it as
    /// their relation: no one named before "the brother of Inspector
    /// Lynley" in the same sentence is Inspector Lynley.
    fn related_before(&self, names: &[RawName], i: usize) -> Vec<usize> {
        let raw = &names[i];
        let text = &self.prose.text;
        // The relation comes before the reference, or is read into its
        // title ("brother of Senator").
        let title = text[raw.span.start..raw.name.start].rsplit_once(" of ");
        let lead = match title {
            Some((lead, _)) => Some(lead),
            None => text[..raw.span.start].trim_end().strip_suffix(" of"),
        };
        let relation = lead.and_then(|l| l.rsplit([' ', ',', '(']).next());
        if !relation.is_some_and(|r| LEXICON.is_relation(r)) {
            return Vec::new();
        }
        let sentence = self.prose.sentence_at(raw.span.start);
        names[..i]
            .iter()
            .zip(&self.targets[..i])
            .rev()
            .take_while(|(n, _)| self.prose.sentence_at(n.span.start) == sentence)
            .filter_map(|(_, target)| match target {
                Some(Target::Actor(a)) => Some(*a),
                _ => None,
            })
            .collect()
    }

    /// Whether single name `raw`, fitting person `a` in `form`, is used as
    /// a common noun for a thing named after them.
    fn common_noun(&self, raw: &RawName, a: usize, form: Form) -> bool {
        match common_use(&self.prose.text, raw) {
            Some(CommonUse::Indefinite) => true,
            Some(CommonUse::Possessive) => {
                form == Form::Family
                    && self.actors[a]
                        .person
                        .as_ref()
                        .is_some_and(|p| p.given.is_some())
            }
            None => false,
        }
    }

    /// Links single name `i`.
    fn link_single_name(
        &mut self,
        names: &[RawName],
        i: usize,
        raw: &RawName,
        courtesies: &[Vec<String>],
    ) {
        if self.targets[i].is_some()
            || self.in_epithet[i]
            || raw.in_title
            || raw.animal
            || self.in_case_name(raw)
        {
            return;
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
        candidates.retain(|&a| self.suffix_fits(a, raw));
        let related = self.related_before(names, i);
        candidates.retain(|a| !related.contains(a));
        candidates.retain(|&a| !self.cited_apart(a, raw));
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
        // A courtesy title on later reference names the one person who
        // was introduced with it, of several who share the name: "Sir
        // Alan" is Sir Alan Fenwick, not Alan Brooke.
        if let (Some(c), true) = (raw.courtesy, candidates.len() > 1) {
            let word = courtesy_word(self.prose, c);
            let titled: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&a| courtesies.get(a).is_some_and(|w| w.contains(&word)))
                .collect();
            if let [one] = titled[..] {
                candidates = vec![one];
            }
        }
        let target = match candidates.len() {
            0 => return,
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
        let target = match target {
            // "the Vance administration": named for Vance, no reference to him.
            Target::Actor(a) if group_noun_after(&self.prose.text, raw).is_some() => {
                Target::NamedFor(a)
            }
            // "a Negroni", "my Okonjo was sweet": a thing or a kind named
            // for the person. After a possessive only a surname: "my Anna"
            // may be Anna.
            Target::Actor(a) if self.common_noun(raw, a, form) => Target::NamedFor(a),
            Target::Actor(a) => {
                self.strong[a] |= raw.evidence.certain();
                // Found beside a suffixed one-word name: the word is this
                // person's given name. (Looked up only for a person with a
                // given name and another family name: most are not.)
                let other_family = self.actors[a]
                    .person
                    .as_ref()
                    .is_some_and(|p| p.given.is_some() && p.family != *written);
                if form == Form::Family && other_family {
                    let key = lookup_key(written);
                    let has = |index: &FastMap<String, Vec<usize>>| {
                        index.get(key.as_ref()).is_some_and(|l| l.contains(&a))
                    };
                    if has(&self.by_given) && !has(&self.by_family) {
                        form = Form::Given;
                    }
                }
                Target::Actor(a)
            }
            other => other,
        };
        self.targets[i] = Some(target);
        self.forms[i] = form;
    }
}

/// A courtesy title as compared: lowercase, without its stop ("Dr." is "dr").
fn courtesy_word(prose: &Prose, span: Span) -> String {
    prose.slice(span).trim_end_matches('.').to_lowercase()
}

/// A single name as a person's name: a family name, whatever its shape,
/// known by its suffix too ("Napoleon III").
fn single_family(raw: &RawName) -> PersonName {
    let mut parsed = PersonName::clone(&raw.parsed);
    parsed.family = parsed.full.clone();
    if let Some(suffix) = &parsed.suffix {
        parsed.full = format!("{} {suffix}", parsed.family);
    }
    parsed.given = None;
    parsed.order = super::super::names::NameOrder::GivenFirst;
    parsed
}
