//! Names with a place for an epithet ("Catherine of Aragon", "Thomas of
//! Celano"): one person, known later by the first word alone ("Catherine"),
//! and no person made of the place.
//!
//! A person of an organisation is no epithet: "Smith of Reuters" names a
//! listed body, "Jones of the county police" a lowercase phrase, "Senator
//! Kennedy of Massachusetts" a surname after a title.

use super::*;

/// Where an epithet's place stands after a one-word name: "of" and one
/// capitalised word, written plainly ("Aragon", "Poitiers'"), with no
/// further capitalised word after it ("of Scotland Yard" is a body's).
pub(super) fn epithet_after(prose: &Prose, name: &RawName) -> Option<Span> {
    if name.possessive || name.parsed.given.is_some() || name.parsed.full.contains(' ') {
        return None;
    }
    let tokens = &prose.tokens;
    let of = tokens.get(name.tokens.end)?;
    let place = tokens.get(name.tokens.end + 1)?;
    let spaced = |a: Span, b: Span| prose.text.get(a.end..b.start) == Some(" ");
    if prose.slice(of.span) != "of" || !spaced(name.name, of.span) || !spaced(of.span, place.span) {
        return None;
    }
    let word = prose.slice(place.word);
    // A capitalised word in lowercase after its first letter: no
    // acronym ("of NATO"), no initial.
    let plain = place.kind == TokenKind::Word
        && place.capitalised
        && word.chars().count() > 2
        && word.chars().skip(1).all(|c| c.is_lowercase() || c == '-');
    let another = tokens
        .get(name.tokens.end + 2)
        .is_some_and(|t| t.kind == TokenKind::Word && t.capitalised && spaced(place.span, t.span));
    (plain && !another).then_some(place.word)
}

impl Linker<'_> {
    /// The person name an epithet makes of one-word name `raw`, if it has
    /// one and the words before and after show it is a person's: the first
    /// word is a known given name, or it is read as a person's (by the
    /// tagger, here or where the word stands alone: "Theodorus said") and
    /// the place is no listed place or body ("Smith of Reuters"). After a
    /// title or courtesy title the word is a surname ("Senator Kennedy of
    /// Massachusetts"), unless it is a given name before an unlisted place
    /// ("St. Thomas of Celano"). A word that is already someone's family
    /// name is that person's ("John Smith", then "Smith of Reuters").
    fn epithet_name(
        &self,
        raw: &RawName,
        place: Span,
        alone: &FastSet<String>,
    ) -> Option<PersonName> {
        let head = raw.parsed.full.as_str();
        let place_word = self.prose.slice(place);
        let given = LEXICON.is_given_name(head);
        let listed = LEXICON.names_a_place(place_word) || LEXICON.is_function_word(place_word);
        let titled = raw.title.is_some() || raw.courtesy.is_some();
        let person = given
            || raw.evidence.learned
            || raw.evidence.leaning
            || alone.contains(lookup_key(head).as_ref());
        if !person || listed && (titled || !given) || titled && !given {
            return None;
        }
        let named_in_full = self
            .by_family
            .get(lookup_key(head).as_ref())
            .is_some_and(|list| {
                list.iter().any(|&a| {
                    self.actors[a]
                        .person
                        .as_ref()
                        .is_some_and(|p| p.given.is_some())
                })
            });
        if named_in_full {
            return None;
        }
        Some(PersonName {
            full: format!("{head} of {place_word}"),
            family: head.to_string(),
            given: None,
            order: super::super::names::NameOrder::GivenFirst,
            suffix: None,
        })
    }
}

impl Linker<'_> {
    /// Links one-word name `i`, followed by `place`, as a name with an
    /// epithet: to the person of that name, made here in the body (a
    /// headline only finds one the body names). The place's own name is
    /// then no one's.
    pub(super) fn epithet(&mut self, names: &[RawName], i: usize, place: Span) {
        let raw = &names[i];
        let alone = self
            .people_alone
            .take()
            .unwrap_or_else(|| people_alone(names));
        let parsed = self.epithet_name(raw, place, &alone);
        self.people_alone = Some(alone);
        let Some(parsed) = parsed else {
            return;
        };
        let actor = match self.by_full.get(lookup_key(&parsed.full).as_ref()) {
            Some(&a) => a,
            None if raw.heading || raw.not_person => return,
            None => {
                let a = self.new_person(parsed.clone(), raw.name.start, raw.evidence.certain());
                self.by_full
                    .insert(lookup_key(&parsed.full).into_owned(), a);
                a
            }
        };
        self.strong[actor] |= raw.evidence.certain();
        self.targets[i] = Some(Target::Actor(actor));
        self.forms[i] = Form::Full;
        self.widened[i] = Some(Span::new(raw.name.start, place.end));
        // Names are in text order, and only " of " lies between the two.
        let next = names[i + 1..]
            .iter()
            .take_while(|n| n.name.start <= place.start)
            .position(|n| n.name.start == place.start);
        if let Some(k) = next {
            self.in_epithet[i + 1 + k] = true;
        }
    }
}

/// The words that, as one-word names, are somewhere read as a person's
/// ("Theodorus said"; the tagger leaning that way on the word alone).
fn people_alone(names: &[RawName]) -> FastSet<String> {
    names
        .iter()
        .filter(|n| n.parsed.given.is_none() && !n.not_person)
        .filter(|n| n.evidence.strong() || n.evidence.leaning_alone)
        .map(|n| lookup_key(&n.parsed.full).into_owned())
        .collect()
}
