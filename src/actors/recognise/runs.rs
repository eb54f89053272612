//! Step 2 of the grammar: name runs. Capitalised words that are not in any
//! list, with particles, initials and nicknames.

use super::words::*;
use super::*;

impl Reader<'_> {
    /// Whether token `i` can be a word of a name. `continuing` is true inside a
    /// name that started with a known given name, where listed words are
    /// allowed ("Theresa May", "Marc Lamont Hill", "Stephen King").
    pub(super) fn nameish(&self, i: usize, continuing: bool) -> bool {
        if self.uses[i] != Use::Free || !self.capitalised(i) {
            return false;
        }
        let w = self.word(i);
        // No name has a digit in a word ("Sept14", "B52").
        if !w.chars().next().is_some_and(char::is_alphabetic)
            || is_domain(w)
            || w.contains(|c: char| c.is_ascii_digit())
        {
            return false;
        }
        let cover = self.scan.cover(i);
        if self.acronym(i) {
            // "AS Heagle": unlisted capitals before a name are initials.
            // (An all-capitals word is never the function word it spells: "AS".)
            // So are initials written together: "O.J. Tarrow", "J.R.R. Vell".
            let listed = cover.any(NOT_NAME_WORDS.without(Class::NotName));
            let initials = w.chars().count() <= 3 || dotted_initials(w);
            return initials && !listed && self.next_is_nameish(i);
        }
        if !cover.any(NOT_NAME_WORDS) {
            return true;
        }
        if cover.has(Class::NotName) {
            return false;
        }
        // A later word of a listed title ("Rod" in "Black Rod") starts no name.
        let inside_title = || {
            self.scan
                .covering(i, Class::Office)
                .is_some_and(|m| m.first < i)
        };
        continuing
            || !inside_title() && self.given_name(i) && self.next_is_nameish(i)
            || self.family_name_first(i)
    }

    /// A family name written first before a romanised given name, though
    /// the word is also listed ("Park" in "Park Chung Hee").
    pub(super) fn family_name_first(&self, i: usize) -> bool {
        self.facts[i].has(Facts::FAMILY_FIRST) && self.syllabic_given_name_follows(i)
    }

    /// "Park Joo-ho", "Song Ji-hyo": a listed word that is a family name
    /// written first, before a romanised given name.
    pub(super) fn syllabic_given_name_follows(&self, i: usize) -> bool {
        let next = i + 1;
        next < self.sentence_end
            && !self.tokens[i].possessive()
            && self.capitalised(next)
            && self
                .word(next)
                .split('-')
                .all(|part| LEXICON.is_syllabic(part))
    }

    /// "Joyce To", "Stanley Ho": a two-letter word the lists hold as a
    /// function word, capitalised inside a sentence and ending a name, is a
    /// (Cantonese) surname, not the word it spells.
    fn short_surname(&self, i: usize) -> bool {
        let token = &self.tokens[i];
        let mut letters = self.word(i).chars();
        let shaped = letters.next().is_some_and(char::is_uppercase)
            && letters.next().is_some_and(char::is_lowercase)
            && letters.next().is_none();
        shaped
            && token.kind == TokenKind::Word
            && self.uses[i] == Use::Free
            && !self.tokens.get(i + 1).is_some_and(|t| {
                t.capitalised && t.kind == TokenKind::Word && i + 1 < self.sentence_end
            })
    }

    /// "To said", "said To": such a surname on its own, inside a sentence
    /// or before a speech verb. Like a listed word, it is a reference only
    /// to a person named in full ("Joyce To").
    fn short_surname_alone(&self, i: usize) -> bool {
        let speaks = || {
            self.tokens[i].possessive()
                || i + 1 < self.sentence_end && self.scan.cover(i + 1).has(Class::SpeechVerb)
        };
        self.capitalised(i) && self.short_surname(i) && (!self.tokens[i].sentence_start || speaks())
    }

    pub(super) fn next_is_nameish(&self, i: usize) -> bool {
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
    pub(super) fn initial(&self, i: usize, end: usize) -> bool {
        self.capitalised(i)
            && self.word(i).chars().nth(1).is_none()
            && i + 2 < end
            && self.is_punct(i + 1, ".")
            && self.capitalised(i + 2)
    }

    /// An initial whose period comes before something other than a name
    /// word: "C." in Robert C. "Bobby" Scott.
    pub(super) fn initial_at_end(&self, i: usize, end: usize) -> bool {
        self.capitalised(i)
            && self.word(i).chars().nth(1).is_none()
            && i + 1 < end
            && self.is_punct(i + 1, ".")
    }

    pub(super) fn name_runs(&mut self, range: Range<usize>, heading: bool) {
        let mut i = range.start;
        while i < range.end {
            if !(self.initial(i, range.end) || self.nameish(i, false)) {
                if self.listed_surname(i) || !heading && self.short_surname_alone(i) {
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
                if !heading
                    && given_start
                    && words.len() == 1
                    && !self.tokens[next].sentence_start
                    && self.short_surname(next)
                {
                    words.push(next);
                    j = next;
                    break;
                }
                // Particles between two name words: "Charles de Gaulle",
                // "Ursula von der Leyen".
                let mut after = next;
                while after < range.end && after - next < 3 && LEXICON.is_particle(self.word(after))
                {
                    after += 1;
                }
                if after > next && after < range.end && self.nameish(after, true) {
                    words.extend(next..after);
                    j = after - 1;
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
            // (A head already read as a place named after the person does not,
            // nor a cited work's year: "(Varga 2016)".)
            let blocked = end < range.end
                && (self.tokens[end].kind == TokenKind::Number
                    && !(words.len() == 1 && self.cited_year(i, end, range.start))
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
            // An unknown opener before a lone given name is not the name's
            // either ("Dear Hannah", "Thanks Maria").
            let before_given = words.len() == 2 && self.given_name(words[1]);
            if clause_start
                && words.len() > 1
                && !given_start
                && !self.facts[i].has(Facts::FAMILY_FIRST)
                && (before_given || self.common_word(i))
            {
                // "Yesterday Trump said": the opener is not part of the name.
                words.remove(0);
                first = words[0];
            }
            // "Scientologist Tom Cruise", "Democrat Ana Ruiz": capitalised words
            // before a known given name describe the person.
            // Longer capitalised runs before a given name are not the person's
            // ("Council on American - Islamic Relations Alia Salem").
            // After a courtesy title the first word is the person's own
            // ("Dame Orla Maria Tennant").
            let courtesied = first > range.start && self.scan.cover(first - 1).has(Class::Courtesy);
            let given_at = words
                .iter()
                .position(|&k| self.given_name(k))
                .filter(|&g| g > 0 && words.len() - g >= 2 && !courtesied);
            let mut prefix = None;
            if let Some(g) = given_at {
                if g == 1 {
                    prefix = Some(first..words[1]);
                } else {
                    self.uses[first..words[g]].fill(Use::Body);
                }
                first = words[g];
            }
            let Some(index) = self.push_name(first, end, heading, in_place_name) else {
                i = end;
                continue;
            };
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

    /// The people's names the tagger finds that the grammar left alone
    /// ("Virgil", a name that is also a listed word; "Spang (1983)"): read
    /// as it reads them, sure or leaning as the tagger is.
    pub(super) fn learned_names(&mut self, range: Range<usize>, heading: bool) {
        for i in range.clone() {
            let Some(t) = self.person_at(i, LEAN) else {
                continue;
            };
            // Never a title's words, nor a place's ("Black Rod", "Memorial"),
            // nor a word with a digit ("Sept14").
            let free = (t.first..=t.last).all(|k| {
                self.uses[k] == Use::Free
                    && !self.scan.cover(k).any(TITLE_WORDS.or(HEADS))
                    && !self.word(k).contains(|c: char| c.is_ascii_digit())
            }) && self.capitalised(t.last)
                // Unsure, the tagger adds no name with a listed word in it
                // ("East Saltmarch", a quay).
                && (t.margin >= SURE || (t.first..=t.last).all(|k| self.scan.cover(k).bits() == 0))
                && !(t.last + 1 < self.sentence_end
                    && matches!(self.uses[t.last + 1], Use::Name(_) | Use::Body))
                && !(t.margin < SURE && t.first == t.last && self.played(i, range.start));
            if free {
                if let Some(index) = self.push_name(i, t.last + 1, heading, false) {
                    let evidence = &mut self.found.names[index].evidence;
                    evidence.learned = t.margin >= SURE;
                    evidence.leaning = !evidence.learned;
                    evidence.leaning_alone = evidence.leaning && t.margin >= LEAN_ALONE;
                }
            }
        }
    }

    /// A letter alone ("M = 7.6", "group B") is no one's name, unless a
    /// title, courtesy title, age or verb of saying makes it one ("Agent
    /// K", "K said").
    pub(super) fn letter_alone(&mut self, n: usize) {
        let name = &self.found.names[n];
        let first = name.tokens.start;
        if name.tokens.len() == 1
            && self.word(first).chars().count() == 1
            && !name.evidence.written()
            && !name.evidence.speaker
        {
            self.found.names[n].not_person = true;
        }
    }

    /// Whether token `i` directly follows a verb whose object is a
    /// character only after an article ("played the Joker"): with none, a
    /// single word is a team, a game or a piece ("played Halton"), which
    /// the tagger's lean alone makes no one.
    pub(super) fn played(&self, i: usize, lo: usize) -> bool {
        i > lo
            && self
                .scan
                .covering(i - 1, Class::CharacterCueArticle)
                .is_some_and(|m| m.last == i - 1)
    }

    /// Whether token `first` lies inside a listed place's or body's name
    /// that begins before it.
    fn inside_listed_name(&self, first: usize) -> bool {
        const LISTED: [Class; 6] = [
            Class::Country,
            Class::Capital,
            Class::Place,
            Class::Agency,
            Class::Institution,
            Class::International,
        ];
        self.scan.cover(first).any(PLACES_AND_BODIES)
            && LISTED.iter().any(|&class| {
                self.scan
                    .covering(first, class)
                    .is_some_and(|m| m.first < first)
            })
    }

    /// Records tokens `first..end` as a name; its index, unless its words
    /// make no name.
    fn push_name(
        &mut self,
        first: usize,
        end: usize,
        heading: bool,
        in_place_name: bool,
    ) -> Option<usize> {
        // A listed place's or body's name that begins before the words
        // holds them: "Antonio" in "take San Antonio" is the city's. Nor
        // is a word the sentence talks about as a name anyone's.
        if self.inside_listed_name(first) || self.mentioned_as_name(first, end) {
            return None;
        }
        let index = self.found.names.len();
        let first_tok = &self.tokens[first];
        let last_tok = &self.tokens[end - 1];
        let name = Span::new(first_tok.span.start, last_tok.word.end);
        let text = collapse(self.prose.slice(name));
        // A quoted nickname is not one of the name's words.
        let words: Vec<&str> = text
            .split(' ')
            .filter(|w| !w.starts_with(['"', '“']))
            .collect();
        let parsed = PersonName::parse(&words)?;
        // Marked only once the name is pushed: a mark naming no name of
        // these tokens would send the title walk back over them.
        self.uses[first..end].fill(Use::Name(index as u32));
        let evidence = Evidence {
            name_shape: name_shape(&words, &parsed),
            ..Evidence::default()
        };
        self.found.names.push(RawName {
            parsed: Arc::new(parsed),
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
            not_person: false,
            animal: false,
            placed: false,
            possessive: last_tok.possessive(),
            in_quote: first_tok.in_quote,
            heading,
            caption: self.caption,
        });
        Some(index)
    }

    /// "the Monti government": the name that ends before token `noun` with
    /// the noun after it, as a government named after its leader.
    pub(super) fn led_government(&mut self, noun: usize, hi: usize, heading: bool) {
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
    pub(super) fn listed_surname(&self, i: usize) -> bool {
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
            && !self.inside_listed_name(i)
    }

    /// Records a listed word as a possible reference. Its token stays free, so
    /// titles and appositives still read it as the word it is listed as.
    pub(super) fn push_listed(&mut self, i: usize, heading: bool) {
        let token = self.tokens[i];
        let Some(parsed) = PersonName::parse(&[self.word(i)]) else {
            return;
        };
        self.found.names.push(RawName {
            parsed: Arc::new(parsed),
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
            not_person: false,
            animal: false,
            placed: false,
            possessive: token.possessive(),
            in_quote: token.in_quote,
            heading,
            caption: self.caption,
        });
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

/// "Gawker.com": a web address, not a name.
fn is_domain(word: &str) -> bool {
    word.split_once('.')
        .is_some_and(|(_, after)| after.chars().next().is_some_and(char::is_lowercase))
}

/// "O.J.", "J.R.R.": two or more capital letters, each with its period.
fn dotted_initials(word: &str) -> bool {
    let letters = word.strip_suffix('.').unwrap_or(word).split('.');
    let mut n = 0;
    for letter in letters {
        let mut chars = letter.chars();
        if !(chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()) {
            return false;
        }
        n += 1;
    }
    n >= 2
}
