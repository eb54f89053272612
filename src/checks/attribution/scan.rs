//! The source and cue model of a document: every attribution word outside
//! headlines and quotations, found per block in one pass (`hits`), and
//! the questions the rules ask of them — does this sentence name a source, does
//! this paragraph have a speaker, who is "he"?
//!
//! A sentence is *sourced* when it holds a source marker: a reporting verb in
//! the active voice ("the Kremlin said", "analysts expect", "with Beijing
//! saying") or in the passive with its agent ("was reported by Reuters"),
//! "according to", a statement phrase ("in a statement", "cited X as saying"),
//! a spokesperson, a statement owned by someone ("the ministry's statement",
//! "a statement from X"), or a news agency.

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

use super::lexicon::{contains, entry, Roles, LEXICON};
use crate::actors::{ActorKind, Actors};
use crate::checks::Context;
use crate::prose::{BlockKind, Prose, Token, TokenKind};
use crate::span::Span;

mod hits;

use hits::scan;
pub(super) use hits::Hit;
pub use hits::ScanMemo;
use hits::Scanned;

/// The most words a walk looks through between a verb and its subject
/// ("has also long been"): the bound keeps a run of adverbs from being
/// walked once per word of it.
pub(super) const BETWEEN_REACH: usize = 8;

/// Who a reporting verb's subject is, as far as the words around it tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Speaker {
    /// "he said", "said she": someone named earlier.
    Pronoun(usize),
    /// Any other subject, or none the rules need to know.
    Stated,
}

pub(super) struct Scan<'a> {
    pub prose: &'a Prose,
    /// The people and organisations of the document, for what pronouns
    /// refer to: read through [`Scan::actors`].
    actors: &'a Actors,
    /// In text order; none inside a headline or a quotation.
    pub hits: Rc<Vec<Hit>>,
    /// The first word a pronoun may refer back to, for "he"/"she" ([1]) and
    /// the others ([0]), found when first asked.
    first_describing: [OnceCell<Option<usize>>; 2],
    /// Whether the writer speaks in person.
    in_person: bool,
    /// Whether [`Scan::in_person`] was asked since [`Scan::forget_asked`]:
    /// findings that depend on the whole text's voice are kept with it.
    asked_in_person: Cell<bool>,
    /// Whether the actor model was read since [`Scan::forget_read_actors`]:
    /// its answers depend on the whole document, so findings that read it
    /// are not kept by paragraph.
    read_actors: Cell<bool>,
    /// The pronouns asked about in [`Scan::antecedent_possible`] since
    /// [`Scan::forget_read_actors`], with the answers: findings that read
    /// the actor model only so are kept with them, and used again while
    /// the same questions get the same answers.
    antecedents_asked: RefCell<Vec<(usize, bool)>>,
}

impl<'a> Scan<'a> {
    /// The scan of a document, made once per analysis and shared by the rules.
    pub fn of(ctx: &Context<'a>) -> Scan<'a> {
        let scanned: Rc<Scanned> = ctx.shared.get_or_insert_with(|| match ctx.memo {
            Some(memo) => scan(ctx.prose, ctx.settings, &mut memo.scan.borrow_mut()),
            None => scan(ctx.prose, ctx.settings, &mut ScanMemo::default()),
        });
        Scan::from_scanned(ctx.prose, ctx.actors, &scanned)
    }

    fn from_scanned(prose: &'a Prose, actors: &'a Actors, scanned: &Scanned) -> Scan<'a> {
        Scan {
            prose,
            actors,
            hits: Rc::clone(&scanned.hits),
            first_describing: Default::default(),
            in_person: scanned.voice.in_person(),
            asked_in_person: Cell::new(false),
            read_actors: Cell::new(false),
            antecedents_asked: RefCell::default(),
        }
    }

    /// A scan made afresh, not shared.
    #[cfg(test)]
    pub fn new(
        prose: &'a Prose,
        actors: &'a Actors,
        settings: &crate::config::Settings,
    ) -> Scan<'a> {
        Scan::from_scanned(
            prose,
            actors,
            &scan(prose, settings, &mut ScanMemo::default()),
        )
    }

    /// Whether the writer speaks as "I", "we" or "you" ([`super::voice`]).
    pub fn in_person(&self) -> bool {
        self.asked_in_person.set(true);
        self.in_person
    }

    /// Whether [`Scan::in_person`] was asked since this was last called.
    pub fn forget_asked(&self) -> bool {
        self.asked_in_person.replace(false)
    }

    /// The document's people and organisations (noted as read).
    pub fn actors(&self) -> &'a Actors {
        self.read_actors.set(true);
        self.actors
    }

    /// Whether [`Scan::actors`] was read since this was last called, and
    /// the pronouns [`Scan::antecedent_possible`] was asked about, with its
    /// answers.
    pub fn forget_read_actors(&self) -> (bool, Vec<(usize, bool)>) {
        (
            self.read_actors.replace(false),
            self.antecedents_asked.take(),
        )
    }

    /// The hits of a span of text, in order.
    pub fn hits_in(&self, span: Span) -> &[Hit] {
        let start = self.hits.partition_point(|h| h.span.start < span.start);
        let end = self.hits.partition_point(|h| h.span.start < span.end);
        // The hits handed out are walked by the caller.
        crate::work::steps(end.saturating_sub(start));
        &self.hits[start..end.max(start)]
    }

    /// The hit that starts at token `t`, if any.
    pub fn hit_at(&self, t: usize) -> Option<&Hit> {
        let i = self.hits.partition_point(|h| h.tokens.start < t);
        self.hits.get(i).filter(|h| h.tokens.start == t)
    }

    /// The hit whose tokens include token `t`, if any.
    pub fn hit_covering(&self, t: usize) -> Option<&Hit> {
        let i = self.hits.partition_point(|h| h.tokens.end <= t);
        self.hits.get(i).filter(|h| h.tokens.start <= t)
    }

    pub fn token(&self, t: usize) -> &Token {
        crate::work::step();
        &self.prose.tokens[t]
    }

    /// A token's word, without a possessive ending.
    pub fn word(&self, t: usize) -> &str {
        crate::work::step();
        self.prose.slice(self.prose.tokens[t].word)
    }

    pub fn is_word(&self, t: usize) -> bool {
        self.prose.tokens[t].kind != TokenKind::Punct
    }

    /// The word token just before `t` in its sentence, if no punctuation comes between.
    pub fn prev_word(&self, t: usize) -> Option<usize> {
        let tokens = &self.prose.tokens;
        (t > 0 && !tokens[t].sentence_start && tokens[t - 1].kind != TokenKind::Punct)
            .then(|| t - 1)
    }

    /// The word token just after `t` in its sentence, if no punctuation comes between.
    pub fn next_word(&self, t: usize) -> Option<usize> {
        let next = self.prose.tokens.get(t + 1)?;
        (next.kind != TokenKind::Punct && !next.sentence_start).then_some(t + 1)
    }

    /// The words before `t`, nearest first, up to punctuation or the
    /// sentence's start: [`Scan::prev_word`] walked back.
    pub fn prev_words(&self, t: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.prev_word(t), |&p| self.prev_word(p))
    }

    /// The words after `t`, nearest first, up to punctuation or the next
    /// sentence: [`Scan::next_word`] walked on.
    pub fn next_words(&self, t: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.next_word(t), |&n| self.next_word(n))
    }

    /// The first word before `t` that is not an auxiliary or adverb ("has long",
    /// "is also"), and whether a negation was passed on the way.
    pub fn before_between(&self, t: usize) -> (Option<usize>, bool) {
        let mut negated = false;
        let mut at = t;
        while let Some(p) = self.prev_word(at).filter(|&p| t - p <= BETWEEN_REACH) {
            let word = self.word(p);
            if !is_between(word) {
                return (Some(p), negated);
            }
            negated |= is_negation(word);
            at = p;
        }
        (None, negated)
    }

    /// Whether the verb at `t` is an imperative: it opens its sentence,
    /// perhaps after a conjunction and a negation ("Expect delays", "But
    /// don't expect a deal"). Returns the first word of the verb phrase,
    /// the negation included and the conjunction not.
    pub fn imperative(&self, t: usize) -> Option<usize> {
        let mut start = t;
        let mut verb_start = t;
        while let Some(p) = self.prev_word(start) {
            if t - p > BETWEEN_REACH {
                return None;
            }
            let word = self.word(p);
            if is_negation(word) || word.eq_ignore_ascii_case("do") {
                verb_start = p;
            } else if !contains(&LEXICON.coordinators, word) {
                return None;
            }
            start = p;
        }
        self.token(start).sentence_start.then_some(verb_start)
    }

    pub fn is_be(&self, t: usize) -> bool {
        contains(&LEXICON.be, self.word(t))
    }

    pub fn word_is(&self, t: Option<usize>, word: &str) -> bool {
        t.is_some_and(|t| self.word(t).eq_ignore_ascii_case(word))
    }

    /// Whether a hit marks a source for its sentence.
    pub fn is_marker(&self, hit: &Hit) -> bool {
        let roles = hit.roles;
        if roles.has(Roles::AGENCY) && self.in_dateline(hit) {
            return false;
        }
        if roles.has(Roles::PHRASE.or(Roles::SPOKESPERSON).or(Roles::AGENCY)) {
            return true;
        }
        // "Don't expect a deal": an imperative has no one behind it.
        if roles.has(Roles::IMPERATIVE) && self.imperative(hit.tokens.start).is_some() {
            return false;
        }
        if roles.has(Roles::REPORTING) && self.active_or_agented(hit) {
            return true;
        }
        if roles.has(Roles::NOUN_LIKE_VERB) && self.after_subject(hit) {
            return true;
        }
        roles.has(Roles::NOUN) && self.owned(hit)
    }

    /// Whether an agency's name sits in a wire dateline ("LONDON (AP) —",
    /// "Cleveland (AFP) –", "WASHINGTON, June 24 (Reuters) -"): the story's
    /// byline, which sources nothing the story goes on to say. A dateline
    /// opens its paragraph with a few capitalised words (a place, perhaps a
    /// date), the agency in brackets, then a dash; a lowercase word ("told
    /// the Associated Press (AP) -") makes it prose.
    fn in_dateline(&self, hit: &Hit) -> bool {
        const MOST_WORDS: usize = 6;
        let prose = self.prose;
        let Some(block) = prose.block_at(hit.span.start) else {
            return false;
        };
        let before = prose.text[prose.blocks[block].span.start..hit.span.start].trim_end();
        let Some(place) = before.strip_suffix('(') else {
            return false;
        };
        let after = prose.text[hit.span.end..].trim_start();
        let Some(after) = after.strip_prefix(')') else {
            return false;
        };
        let dashed = after.trim_start().starts_with(['—', '–', '-', '―']);
        let mut words = place.split_whitespace();
        let place_first = words
            .next()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        let rest_capitalised = words.by_ref().take(MOST_WORDS).all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        });
        dashed && place_first && rest_capitalised && words.next().is_none()
    }

    /// A reporting verb form used as a finite verb, in the active voice or
    /// with its agent, and not itself the content of hearsay ("reportedly
    /// told"). Not a noun or adjective ("the reported deal"), an infinitive
    /// ("its failure to speak out") or a gerund after a preposition ("accused
    /// of saying"); "with Beijing saying" is a source.
    fn active_or_agented(&self, hit: &Hit) -> bool {
        let t = hit.tokens.start;
        if let Some(p) = self.prev_word(t) {
            let word = self.word(p);
            let gerund_object = self.word(t).ends_with("ing")
                && contains(&LEXICON.prepositions, word)
                && !word.eq_ignore_ascii_case("with");
            // "60 pledged delegates": a participle between a count and its
            // noun describes the noun.
            let counted = self.token(p).kind == TokenKind::Number
                && self.word(t).ends_with("ed")
                && self.next_word(hit.tokens.end - 1).is_some_and(|n| {
                    !self.word_is(Some(n), "to") && !self.word_is(Some(n), "that")
                });
            if self.names_a_thing(p) || word.eq_ignore_ascii_case("to") || gerund_object || counted
            {
                return false;
            }
        }
        // "adding to speculation", "what adds up to a majority": "add"
        // before "to" or "up" adds something, not words.
        if self.word(t).to_ascii_lowercase().starts_with("add")
            && (self.word_is(self.next_word(t), "to") || self.word_is(self.next_word(t), "up"))
        {
            return false;
        }
        // "with Michelle expected to visit": a participle before "to" is passive.
        let participle = self.word(t).ends_with("ed") || self.word(t).ends_with("ght");
        if hit.roles.has(Roles::BELIEF) && participle && self.word_is(self.next_word(t), "to") {
            return false;
        }
        let mut before = self.prev_word(t);
        while let Some(b) = before.filter(|&b| is_between(self.word(b))) {
            if self.hit_at(b).is_some_and(|h| h.roles.has(Roles::HEARSAY)) {
                return false;
            }
            before = self.prev_word(b).filter(|&p| t - p <= BETWEEN_REACH);
        }
        if let Some(b) = before {
            // "is said to be urging", "is believed to have told": an
            // infinitive behind auxiliaries is no finite verb either.
            let infinitive = |k: usize| self.word(k).eq_ignore_ascii_case("to");
            let auxiliary = self.is_be(b) || self.word(b).eq_ignore_ascii_case("have");
            if infinitive(b) || (auxiliary && self.prev_word(b).is_some_and(infinitive)) {
                return false;
            }
            let progressive = self.word(t).ends_with("ing");
            if self.is_be(b) && !progressive {
                return self.agent_follows(hit.tokens.end);
            }
        }
        true
    }

    /// A noun-like base form read as a verb: right after a pronoun or an
    /// unnamed group, perhaps with auxiliaries between ("they question",
    /// "observers note", "critics have long called it").
    pub fn after_subject(&self, hit: &Hit) -> bool {
        let (subject, _) = self.before_between(hit.tokens.start);
        subject.is_some_and(|s| {
            contains(&LEXICON.personal, self.word(s))
                || self.hit_at(s).is_some_and(|h| h.roles.has(Roles::GROUP))
        })
    }

    /// Whether the word before a verb form makes it a noun or an adjective
    /// ("the reported deal", "his claims", "Trump's remarks").
    fn names_a_thing(&self, t: usize) -> bool {
        contains(&LEXICON.determiners, self.word(t)) || self.token(t).possessive()
    }

    /// "by" among the words from `t` to the end of the clause: a passive with
    /// its agent, near ("was expected by diplomats") or after its complement
    /// ("was confirmed as a passenger by the deputy minister", "was viewed as
    /// a win by some"). "by Friday" and "by the end of May" are deadlines, "by
    /// a wide margin" and "by 10 percent" measures, and "by saying" a means:
    /// none of them is an agent. The search stops at "that", "which" or "who", and at another
    /// participle right before "by", whose clause the "by" belongs to ("is
    /// expected to rule on a case brought by the Philippines").
    pub fn agent_follows(&self, t: usize) -> bool {
        for at in (t..self.prose.tokens.len()).take(AGENT_REACH) {
            if !self.is_word(at) {
                // Quotation marks around a characterisation do not end the clause.
                if matches!(self.prose.slice(self.token(at).span), "\"" | "“" | "”") {
                    continue;
                }
                return false;
            }
            let word = self.word(at);
            if word.eq_ignore_ascii_case("by") {
                return self.agent_after(at);
            }
            // "considered occupied territory under international law": a body
            // of law is the source.
            if word.eq_ignore_ascii_case("under") && self.law_follows(at) {
                return true;
            }
            let participle = at > t
                && (word.len() > 3 && word.ends_with("ed") || contains(&LEXICON.participles, word));
            let own_agent = participle && self.word_is(self.next_word(at), "by");
            if own_agent || contains(&LEXICON.relatives, word) {
                return false;
            }
        }
        false
    }

    /// Whether a law, treaty or rule is named within three words after `t`.
    fn law_follows(&self, t: usize) -> bool {
        self.next_words(t)
            .take(3)
            .any(|n| contains(&LEXICON.laws, self.word(n)))
    }

    /// Whether "by" at `by` introduces an agent: not a deadline, a measure
    /// or a means.
    fn agent_after(&self, by: usize) -> bool {
        let Some(n) = self.next_word(by) else {
            return false;
        };
        let word = self.word(n);
        let measure = contains(&LEXICON.measures, word)
            || self.next_word(n).is_some_and(|m| {
                contains(&LEXICON.measures, self.word(m)) && !self.token(m).capitalised
            });
        let means = word.len() > 4
            && word.ends_with("ing")
            && !word.contains('-')
            && !self.token(n).capitalised;
        !self.deadline_after(by) && !measure && !means
    }

    /// Whether the word after "by" at `by` starts a time: "by Friday", "by
    /// 2030", "by the end of May", "by next week".
    fn deadline_after(&self, by: usize) -> bool {
        let Some(n) = self.next_word(by) else {
            return false;
        };
        if self.token(n).kind == TokenKind::Number || contains(&LEXICON.times, self.word(n)) {
            return true;
        }
        self.word_is(Some(n), "the")
            && self
                .next_word(n)
                .is_some_and(|m| contains(&LEXICON.times, self.word(m)))
    }

    /// A statement noun that belongs to someone: "his remarks", "the
    /// ministry's statement", "a statement from the ministry", "in a
    /// televised interview". A pronoun before it makes it a verb ("he claims
    /// that"), which is someone's too.
    pub fn owned(&self, hit: &Hit) -> bool {
        let t = hit.tokens.start;
        let owner_before = |p: usize| {
            self.token(p).possessive()
                || contains(&LEXICON.personal, self.word(p))
                || contains(&LEXICON.pronouns, self.word(p))
        };
        if let Some(p) = self.prev_word(t) {
            if owner_before(p) || self.prev_word(p).is_some_and(owner_before) {
                return true;
            }
        }
        let in_a_statement = self.prev_words(t).take(3).any(|p| {
            ["in", "at", "during"]
                .iter()
                .any(|w| self.word_is(Some(p), w))
        });
        if in_a_statement {
            return true;
        }
        let next = self.next_word(hit.tokens.end - 1);
        self.word_is(next, "by") || self.word_is(next, "from")
    }

    /// [`Scan::owned`], or led by a name: "FBI criticism", "Kremlin
    /// allegations", "Trump charges that". (A name before a noun need not be its speaker —
    /// "Democratic statements were rated" — so this does not make a source.)
    pub fn owned_or_named(&self, hit: &Hit) -> bool {
        self.owned(hit)
            || self.prev_word(hit.tokens.start).is_some_and(|p| {
                let token = self.token(p);
                token.capitalised
                    && !(token.sentence_start && contains(&LEXICON.openers, self.word(p)))
            })
    }

    /// Whether a sentence names a source anywhere outside its quotations.
    pub fn sourced(&self, sentence: usize) -> bool {
        self.prose
            .sentences
            .get(sentence)
            .is_some_and(|s| self.hits_in(s.span).iter().any(|h| self.is_marker(h)))
    }

    /// The speakers a span of prose names: one per source marker.
    pub fn speakers(&self, span: Span) -> impl Iterator<Item = Speaker> + '_ {
        self.hits_in(span)
            .iter()
            .filter(|h| self.is_marker(h))
            .map(|h| self.speaker(h))
    }

    /// The subject of a reporting verb, when it is a pronoun: before the verb
    /// ("he said"), or after it when nothing comes before ("…," said she).
    fn speaker(&self, hit: &Hit) -> Speaker {
        if hit.roles.has(Roles::REPORTING) {
            let t = hit.tokens.start;
            let subject = self.before_between(t).0.or_else(|| self.next_word(t));
            if let Some(s) = subject.filter(|&s| contains(&LEXICON.pronouns, self.word(s))) {
                return Speaker::Pronoun(s);
            }
        }
        Speaker::Stated
    }

    /// Whether the pronoun at token `t` has anyone to refer back to: an actor
    /// of its kind named before it ("he" a person, "it" an organisation or
    /// government, "they" anyone; see [`Actors::last_before`]); any prose
    /// before it outside quotations, which may describe someone ("a port
    /// official … he said"); or in a headline, a capitalised word that is not
    /// a common sentence opener — for "he" and "she", nor a place or
    /// building standing for a government — which the actor model, reading a
    /// bare headline, may not know as a name.
    pub fn antecedent_possible(&self, t: usize) -> bool {
        let answer = self.antecedent_possible_unasked(t);
        self.antecedents_asked.borrow_mut().push((t, answer));
        answer
    }

    /// [`Scan::antecedent_possible`], not noted as asked: to check a kept answer.
    pub fn antecedent_possible_unasked(&self, t: usize) -> bool {
        let offset = self.token(t).span.start;
        let pronoun = self.word(t).to_ascii_lowercase();
        let person = matches!(pronoun.as_str(), "he" | "she");
        let organisation = pronoun == "it";
        let fits: &[ActorKind] = if person {
            &[ActorKind::Person]
        } else if organisation {
            &[ActorKind::Organisation, ActorKind::Government]
        } else {
            &[
                ActorKind::Person,
                ActorKind::Organisation,
                ActorKind::Government,
            ]
        };
        if self.actors.last_before(offset, fits).is_some() {
            return true;
        }
        // The first such word is found once per scan, not once per pronoun.
        self.first_describing[usize::from(person)]
            .get_or_init(|| self.first_describing_word(person))
            .is_some_and(|first| first < t)
    }

    /// The first word that may describe someone a pronoun refers to: prose
    /// outside quotations, or in a headline, a capitalised word that is not
    /// a common sentence opener (for "he" and "she", nor a place or building
    /// standing for a government).
    fn first_describing_word(&self, person: bool) -> Option<usize> {
        let prose = self.prose;
        prose.tokens.iter().position(|k| {
            let heading = prose
                .block_at(k.span.start)
                .is_some_and(|b| prose.blocks[b].kind == BlockKind::Heading);
            k.kind == TokenKind::Word
                && !k.in_quote
                && (!heading
                    || k.capitalised
                        && !contains(&LEXICON.openers, prose.slice(k.word))
                        && !(person && self.is_institution(k.span)))
        })
    }

    /// A one-word place or building standing for a government ("Kremlin").
    fn is_institution(&self, span: Span) -> bool {
        let word = self.prose.slice(span);
        entry(word)
            .and_then(|e| e.name)
            .is_some_and(|(name, roles)| name == word && roles.has(Roles::INSTITUTION))
    }
}

/// How many words after a passive participle may hold its agent ("was
/// confirmed as another passenger by the minister").
const AGENT_REACH: usize = 10;

/// Auxiliaries and adverbs that may stand between a subject and its verb.
pub(super) fn is_between(word: &str) -> bool {
    contains(&LEXICON.between, word) || (word.len() > 4 && word.ends_with("ly"))
}

fn is_negation(word: &str) -> bool {
    let lower = word.to_ascii_lowercase().replace('’', "'");
    matches!(lower.as_str(), "not" | "never" | "no") || lower.ends_with("n't")
}

#[cfg(test)]
mod tests;
