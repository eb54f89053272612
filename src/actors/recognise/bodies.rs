//! Step 1 of the grammar: organisations. Listed agencies and institutions,
//! capitalised phrases ending in a head word, and capitals and countries that act.

use super::words::*;
use super::*;

impl Reader<'_> {
    pub(super) fn bodies(&mut self, range: Range<usize>, heading: bool) {
        let mut i = range.start;
        // No headed phrase starts before this token: each capitalised stretch
        // is walked once, not once per word of it.
        let mut no_phrase_before = range.start;
        while i < range.end {
            if self.uses[i] != Use::Free || !self.capitalised(i) {
                i += 1;
                continue;
            }
            if let Some(end) = self.listed_body(i, range.clone(), heading) {
                i = end;
                continue;
            }
            if i >= no_phrase_before {
                match self.headed_phrase(i, range.clone(), heading) {
                    Ok(end) => {
                        i = end;
                        continue;
                    }
                    Err(none_before) => no_phrase_before = none_before,
                }
            }
            if let Some(end) = self.acting_place(i, range.clone(), heading) {
                i = end;
                continue;
            }
            i += 1;
        }
    }

    /// "Reuters", "the Kremlin", "the White House", "NATO".
    pub(super) fn listed_body(
        &mut self,
        i: usize,
        range: Range<usize>,
        heading: bool,
    ) -> Option<usize> {
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
    pub(super) fn group_stands(
        &self,
        i: usize,
        m: LexMatch,
        range: &Range<usize>,
        heading: bool,
    ) -> bool {
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
    /// Returns where the phrase ends, or else the token before which no such
    /// phrase starts: a walk from a later word of the same stretch would find
    /// the same head, or none.
    pub(super) fn headed_phrase(
        &mut self,
        i: usize,
        range: Range<usize>,
        heading: bool,
    ) -> Result<usize, usize> {
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
        let Some((head_last, class)) = head else {
            return Err(j.max(i + 1));
        };
        let first_head = (i..=head_last)
            .find(|&k| self.scan.any_at(k, HEADS).is_some() && !self.family_name_first(k))
            .unwrap_or(head_last);
        let end = if head_last + 1 < j && self.is(head_last + 1, OF) {
            // "Ministry of Foreign Affairs": up to two capitalised words after
            // "of", more only while they lead to another head word; a name may
            // follow with no comma ("University of Texas Arlington Amneh Jafari").
            let mut e = head_last + 2;
            let mut words = 0;
            let last_head = (e..j).rev().find(|&k| self.scan.any_at(k, HEADS).is_some());
            while e < j {
                if self.capitalised(e) {
                    let more = words < 2 || last_head.is_some_and(|h| h >= e);
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
        // Titles and courtesy titles before the phrase are not part of it:
        // "Dame Ellen Hall" is a given name before a place word, a person.
        let mut start = i;
        while start < first_head
            && (self
                .scan
                .cover(start)
                .any(Classes::of(&[Class::Office, Class::Courtesy]))
                || self.scan.cover(start).has(Class::NotName)
                    && self.clause_start(start, range.start))
        {
            start += 1;
        }
        // A head word alone is a word, not a name ("Hill said", "Police said").
        let has_modifier = first_head > start || head_last > first_head || end > head_last + 1;
        if !has_modifier {
            return Err(head_last + 1);
        }
        // "(Council) Chairman Bill Green": a common given name that is also
        // a head word, after a title word and before a capitalised word,
        // opens the person's name; it ends no phrase.
        let titled_given = matches!(class, Class::PlaceHead | Class::EventHead)
            && end == head_last + 1
            && head_last > start
            && self.given_name(head_last)
            && self.next_is_nameish(head_last)
            && self.scan.cover(head_last - 1).any(TITLE_HEADS);
        if titled_given {
            return Err(head_last);
        }
        // "Marc Lamont Hill", "Doris Day": a given name before a place or event
        // word makes the phrase a person's name (but two such words make a
        // place: "Victoria Park Station").
        let soft = matches!(class, Class::PlaceHead | Class::EventHead);
        let one_head = first_head == head_last;
        if soft && one_head && self.given_name(start) && end == head_last + 1 && j == end {
            return Ok(end);
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
        Ok(end)
    }

    /// Whether tokens `words` spell a person's name: two or more name words
    /// that open with a known given name, or a family name written first and
    /// a romanised given name.
    pub(super) fn person_named(&self, words: Range<usize>) -> bool {
        let first = words.start;
        words.len() >= 2
            && (self.given_name(first) || self.family_name_first(first))
            && words
                .clone()
                .all(|k| self.nameish(k, true) && !self.tokens[k].possessive())
    }

    /// A capital or country that acts: "Beijing says", "Moscow has warned".
    pub(super) fn acting_place(
        &mut self,
        i: usize,
        range: Range<usize>,
        heading: bool,
    ) -> Option<usize> {
        let m = *self
            .scan
            .any_at(i, Classes::of(&[Class::Capital, Class::Country]))?;
        // "Jordan said" where the tagger is sure Jordan is a person.
        if self.sure_person_word(i) {
            return None;
        }
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
    pub(super) fn verb_follows(&self, mut i: usize, end: usize) -> Option<usize> {
        for _ in 0..3 {
            if i >= end {
                return None;
            }
            if self.scan.at(i, Class::SpeechVerb).is_some() && !self.tokens[i].capitalised {
                return Some(i);
            }
            self.scan.at(i, Class::SpeechGap)?;
            i += 1;
        }
        None
    }

    pub(super) fn push_body(
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
}
