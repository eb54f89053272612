//! Steps 3 and 4 of the grammar: the title before a name, the appositive
//! after it, and descriptions ("the US president") that name an office alone.

use super::words::*;
use super::*;

impl Reader<'_> {
    pub(super) fn context(&mut self, n: usize, range: Range<usize>) {
        let start = self.found.names[n].tokens.start;
        let end = self.found.names[n].tokens.end;
        self.courtesy(n, start, range.start);
        if self.found.names[n].courtesy.is_none() {
            self.title_before(n, start, range.start);
        }
        self.after(n, end, range.end);
        let name = &self.found.names[n];
        if name.title.is_none() && name.appositive.is_none() {
            self.set_off_before(n, start, end, range.clone());
        }
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
    pub(super) fn character_cue_before(&self, n: usize, start: usize, lo: usize) -> bool {
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

    pub(super) fn courtesy(&mut self, n: usize, start: usize, lo: usize) {
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

    /// Walks left from a name over the words of its title, no further than
    /// [`TITLE_REACH`] tokens: a name's title is never longer, and the bound
    /// keeps a run of titles and names from being walked once per name.
    pub(super) fn title_before(&mut self, n: usize, start: usize, lo: usize) {
        let lo = lo.max(start.saturating_sub(TITLE_REACH));
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
                // The walk goes on left of the other name, which must start at
                // or before token `i`, so that every step moves left.
                let other_start = self.found.names.get(other).map(|o| o.tokens.start);
                let role_after = title_start.is_some_and(|s| self.scan.cover(s).any(TITLE_WORDS));
                if let Some(other_start) = other_start.filter(|&s| role_after && s <= i) {
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
        // ("at University of Texas Arlington Amneh Jafari"), nor words that
        // only narrow or qualify one ("National Archives", "Grand Lodge",
        // "Digital Humanities"): a title names an office, a job or a relation.
        if !(first..start).any(|k| self.scan.cover(k).any(TITLE_HEADS)) {
            return;
        }
        // Capitalised words after "of" with no office among them begin a
        // body's name ("the director of the National Conservatory", "the
        // Division of Student Affairs"), unlike a capitalised office's
        // ("Deputy Secretary of State"); not before a name whose shape is a
        // person's.
        if !self.found.names[n].evidence.name_shape {
            let mut k = start - 1;
            let offices = Classes::of(&[Class::Office, Class::Leader, Class::Relation]);
            while k > first && self.capitalised(k) && !self.scan.cover(k).any(offices) {
                k -= 1;
            }
            // A capitalised office before "of" makes one title of it all
            // ("Deputy Secretary of State Moritz").
            let mut j = k;
            while j > first && self.is(j, CONNECTORS) {
                j -= 1;
            }
            let office_before = self.capitalised(j) && self.scan.cover(j).any(offices);
            if k + 1 < start && self.is(k, CONNECTORS) && !office_before {
                return;
            }
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
        // A lowercase job alone before one capitalised word ("migrant
        // Eegimaa communities", "official Penn State departments") says
        // little: news copy introduces with the full name ("astronaut John
        // Glenn"), and the word may describe a thing. An office, a relation
        // or a job written as a title says more ("President Okafor",
        // "Captain Ortega").
        let office = (role_first..start).any(|k| {
            self.scan.cover(k).any(Classes::of(&[
                Class::Office,
                Class::Leader,
                Class::Relation,
            ]))
        });
        let one_word = self.found.names[n].parsed.given.is_none();
        let written_as_title = self.capitalised(start - 1);
        let name = &mut self.found.names[n];
        name.span = Span::new(self.tokens[role_first].span.start, name.span.end);
        let says_role = title.formal || title.relation.is_some() || !title.office_key.is_empty();
        if says_role && (office || !one_word || written_as_title) {
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
    pub(super) fn opens_phrase(&self, first: usize, lo: usize) -> bool {
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
    pub(super) fn title_from(
        &self,
        first: usize,
        end: usize,
        article: bool,
        set_off: bool,
    ) -> Title {
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

    pub(super) fn description_from(
        &self,
        first: usize,
        last: usize,
        article: bool,
    ) -> RawDescription {
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
    pub(super) fn after(&mut self, n: usize, end: usize, hi: usize) {
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

    /// A role set off by a comma before a name that opens its clause: "The
    /// chairman, Green, said", "Ukraine's foreign minister, Andrii Sybiha,
    /// said", also after an opening phrase ("On Tuesday, the chairman,
    /// Green, said"). The name is set off on both sides and no capitalised word
    /// follows it (not a list: "the ministers, Ruiz, Lee and Tan").
    fn set_off_before(&mut self, n: usize, start: usize, end: usize, range: Range<usize>) {
        if start < range.start + 2 || !self.is_punct(start - 1, ",") {
            return;
        }
        let closed = end + 1 < range.end && self.is_punct(end, ",") && !self.capitalised(end + 1);
        if !closed {
            return;
        }
        let comma = start - 1;
        let mut first = comma;
        // One-word names after "for" or "of" in the role are places ("the
        // Labour MP for Ashfield, Jane Doe"): read into it if it is one.
        let mut places = Vec::new();
        while first > range.start
            && comma - first < 14
            && self.tokens[first - 1].kind == TokenKind::Word
        {
            if let Use::Name(other) = self.uses[first - 1] {
                let other = other as usize;
                let Some(place) = self.found.names.get(other).filter(|o| {
                    o.parsed.given.is_none()
                        && o.tokens.end == first
                        && o.tokens.start > range.start + 1
                        && self.is(o.tokens.start - 1, CONNECTORS & !THE)
                }) else {
                    break;
                };
                places.push((other, place.tokens.clone()));
                first = place.tokens.start;
                continue;
            }
            first -= 1;
        }
        for (_, tokens) in &places {
            self.uses[tokens.clone()].fill(Use::Body);
        }
        // Or a role with an article or possessive, set off by commas on
        // both sides after an opening phrase: "Speaking on Tuesday, the
        // prime minister, Keir Marsh, said".
        let opens_clause = first == range.start
            || self.tokens[first].sentence_start
            || self.is_punct(first - 1, ";:—–")
            || self.is_punct(first - 1, ",") && self.is(first, ARTICLES | POSSESSIVE_PRONOUNS);
        let title = (first < comma && opens_clause)
            .then(|| self.appositive(first, comma))
            .flatten();
        for (other, tokens) in places {
            match title {
                Some(_) => self.found.names[other].in_title = true,
                None => self.uses[tokens].fill(Use::Name(other as u32)),
            }
        }
        let Some(mut title) = title else {
            return;
        };
        title.after_name = false;
        for u in &mut self.uses[first..comma] {
            if *u == Use::Free {
                *u = Use::Role;
            }
        }
        let name = &mut self.found.names[n];
        name.evidence.role = true;
        name.appositive = Some(Box::new(title));
    }

    pub(super) fn appositive(&self, first: usize, end: usize) -> Option<Title> {
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
        // "Well, first, I should say": a word that only narrows a title is
        // no role.
        let has_role = (head..end).any(|i| self.scan.cover(i).any(TITLE_HEADS));
        if !opens || clause || !has_role {
            return None;
        }
        let mut title = self.title_from(head, end, article, true);
        title.after_name = true;
        Some(title)
    }

    /// "the US president", "the Chinese leader": an office after "the", with no
    /// name after it.
    pub(super) fn descriptions(&mut self, range: Range<usize>, heading: bool) {
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

/// How many tokens left of a name its title may reach ("U.S. Deputy
/// Secretary of State for East Asian and Pacific Affairs" is 12).
const TITLE_REACH: usize = 24;

/// The token where a title's governed office words begin (its first case
/// word), or `fallback` when it has none.
fn title_office_start(title: &Title, tokens: &[Token], fallback: usize) -> usize {
    title
        .case_words
        .first()
        .map(|w| tokens.partition_point(|t| t.span.start < w.start))
        .unwrap_or(fallback)
}
