//! Statements: a reporting verb and its speaker ("Lavrov said", "said Lavrov",
//! "according to Reuters", "he added"), with what was said.

use super::lexicon::{Class, Scan};
use super::{Actor, ActorKind, Mention, Statement, Target};
use crate::prose::{Prose, Quotation, TokenKind};
use crate::span::Span;

/// Every statement of the document, in order. Linear in the document: each
/// verb looks up its speaker and its quotation by binary search, never by a
/// walk over the document so far.
pub fn find(prose: &Prose, scan: &Scan, actors: &[Actor], mentions: &[Mention]) -> Vec<Statement> {
    let mut out = Vec::new();
    let quotes = TopQuotes::new(prose);
    let last_actor = LastActor::new(actors, mentions);
    // The verbs of saying, each token's longest, in order: walking them
    // rather than every token of every sentence reads a few words in a
    // hundred.
    let speech = scan
        .matches()
        .iter()
        .filter(|m| matches!(m.class, Class::SpeechVerb | Class::SpeechBefore));
    let (mut s, mut read) = (0, None);
    for m in speech {
        let i = m.first;
        if read == Some(i) {
            continue;
        }
        read = Some(i);
        while prose.sentences.get(s).is_some_and(|x| x.tokens.end <= i) {
            s += 1;
        }
        let Some(sentence) = prose.sentences.get(s) else {
            break;
        };
        let token = &prose.tokens[i];
        if i < sentence.tokens.start || token.in_quote || token.kind != TokenKind::Word {
            continue;
        }
        let verb = Span::new(token.span.start, prose.tokens[m.last].word.end);
        let after = m.last + 1;
        let speaker = if m.class == Class::SpeechBefore {
            mention_after(prose, mentions, after, sentence.span.end)
        } else {
            mention_before(prose, scan, mentions, i, sentence.tokens.start)
                .or_else(|| {
                    pronoun_before(prose, scan, &last_actor, mentions, i, sentence.tokens.start)
                })
                .or_else(|| mention_after(prose, mentions, after, sentence.span.end))
        };
        let Some((actor, speaker_span)) = speaker else {
            continue;
        };
        let content = content(prose, &quotes, sentence.span, speaker_span, verb);
        if content.is_empty() {
            continue;
        }
        out.push(Statement {
            actor,
            verb,
            content,
            sentence: s,
        });
    }
    out
}

fn word(prose: &Prose, i: usize) -> &str {
    prose.slice(prose.tokens[i].word)
}

/// Where the words before token `verb` that may stand between a speaker and
/// the verb ("also", "has") begin, not going below `lo`.
fn before_gap(scan: &Scan, verb: usize, lo: usize) -> usize {
    let mut k = verb;
    while k > lo && scan.at(k - 1, Class::SpeechGap).is_some() {
        k -= 1;
    }
    k
}

/// The mention that ends just before token `verb`, allowing an appositive
/// and words such as "also" in between.
fn mention_before(
    prose: &Prose,
    scan: &Scan,
    mentions: &[Mention],
    verb: usize,
    lo: usize,
) -> Option<(usize, Span)> {
    let k = before_gap(scan, verb, lo);
    if k == lo {
        return None;
    }
    let before = prose.tokens[k - 1].span.end;
    let end = mentions.partition_point(|m| m.span.start < before);
    let m = mentions[..end]
        .iter()
        .rev()
        .take(3)
        .find(|m| m.reach == before || m.span.end == before || m.name.end == before)?;
    match m.target {
        Target::Actor(a) if !m.possessive => Some((a, m.span)),
        _ => None,
    }
}

/// "said Lavrov", "according to the Kremlin".
fn mention_after(
    prose: &Prose,
    mentions: &[Mention],
    mut i: usize,
    end: usize,
) -> Option<(usize, Span)> {
    if i < prose.tokens.len() && word(prose, i).eq_ignore_ascii_case("the") {
        i += 1;
    }
    let start = prose.tokens.get(i)?.span.start;
    if start >= end {
        return None;
    }
    let m = mentions.get(mentions.partition_point(|m| m.span.start < start))?;
    (m.span.start == start).then_some(())?;
    m.actor().map(|a| (a, m.span))
}

/// For each mention, the actor of the last mention up to it that links to a
/// person, and to anything else: what "he" and "it" after it refer to.
struct LastActor {
    person: Vec<Option<usize>>,
    other: Vec<Option<usize>>,
}

impl LastActor {
    fn new(actors: &[Actor], mentions: &[Mention]) -> LastActor {
        let mut person = Vec::with_capacity(mentions.len());
        let mut other = Vec::with_capacity(mentions.len());
        let (mut last_person, mut last_other) = (None, None);
        for m in mentions {
            if let Some(a) = m.actor() {
                if actors[a].kind == ActorKind::Person {
                    last_person = Some(a);
                } else {
                    last_other = Some(a);
                }
            }
            person.push(last_person);
            other.push(last_other);
        }
        LastActor { person, other }
    }

    /// The last person (or other actor) among the first `count` mentions.
    fn among_first(&self, count: usize, person: bool) -> Option<usize> {
        let last = count.checked_sub(1)?;
        let list = if person { &self.person } else { &self.other };
        list.get(last).copied().flatten()
    }
}

/// "he said": the last person named before; "it said": the last organisation.
fn pronoun_before(
    prose: &Prose,
    scan: &Scan,
    last_actor: &LastActor,
    mentions: &[Mention],
    verb: usize,
    lo: usize,
) -> Option<(usize, Span)> {
    let k = before_gap(scan, verb, lo);
    let p = k.checked_sub(1).filter(|&p| p >= lo)?;
    let pronoun = word(prose, p).to_ascii_lowercase();
    let person = match pronoun.as_str() {
        "he" | "she" => true,
        "it" => false,
        _ => return None,
    };
    let at = prose.tokens[p].span;
    let before = mentions.partition_point(|m| m.span.start < at.start);
    last_actor.among_first(before, person).map(|a| (a, at))
}

/// The top-level quotations with words in them, in order. They never
/// overlap, so those that meet a sentence are found by binary search.
pub(crate) struct TopQuotes<'p> {
    quotes: Vec<&'p Quotation>,
}

impl<'p> TopQuotes<'p> {
    pub(crate) fn new(prose: &'p Prose) -> TopQuotes<'p> {
        let mut quotes: Vec<&Quotation> = prose
            .quotations
            .iter()
            .filter(|q| !q.nested && !q.inner.is_empty())
            .collect();
        // Sorted already within each block, and blocks come in order; a sort
        // of sorted input is linear, and keeps the search right whatever comes.
        quotes.sort_by_key(|q| (q.span.start, q.span.end));
        TopQuotes { quotes }
    }

    /// The words of the first quotation that meets `sentence` and does not
    /// hold `attribution`.
    fn in_sentence(&self, sentence: Span, attribution: Span) -> Option<Span> {
        let first = self
            .quotes
            .partition_point(|q| q.span.end <= sentence.start);
        self.quotes[first..]
            .iter()
            .take_while(|q| q.span.start < sentence.end)
            .inspect(|_| crate::work::step())
            // Apart from each other, at most one quotation holds the attribution.
            .take(2)
            .find(|q| q.span.overlaps(sentence) && !q.span.covers(attribution))
            .map(|q| q.inner)
    }
}

/// What was said: a quotation in the sentence, else the sentence without its
/// attribution: the part before it when the attribution closes the sentence
/// ("…, Lavrov said in a statement."), the part after it otherwise ("Lavrov
/// told reporters that …").
pub(crate) fn content(
    prose: &Prose,
    quotes: &TopQuotes,
    sentence: Span,
    speaker: Span,
    verb: Span,
) -> Span {
    let attribution = speaker.join(verb);
    if let Some(inner) = quotes.in_sentence(sentence, attribution) {
        return inner;
    }
    let text = &prose.text;
    let before_text = text[sentence.start..attribution.start].trim_end();
    let before_text = before_text
        .strip_suffix("the")
        .or_else(|| before_text.strip_suffix("The"))
        .unwrap_or(before_text)
        .trim_end();
    let before = trim(
        text,
        Span::new(sentence.start, sentence.start + before_text.len()),
    );
    let after = trim(
        text,
        Span::new(attribution.end.min(sentence.end), sentence.end),
    );
    let after = after_that(text, after);
    let closes =
        speaker.start > verb.start || before_text.ends_with(',') && after.len() < before.len() / 2;
    if closes && !before.is_empty() || after.is_empty() {
        before
    } else {
        after
    }
}

/// A span without surrounding white space and punctuation.
fn trim(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let lead = s.len()
        - s.trim_start_matches(|c: char| c.is_whitespace() || ",:".contains(c))
            .len();
    let body = s[lead..].trim_end_matches(|c: char| c.is_whitespace() || ".,;:!?".contains(c));
    Span::new(span.start + lead, span.start + lead + body.len())
}

/// The clause after "that" when it comes within a few words ("told reporters
/// that …").
fn after_that(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let mut offset = 0;
    for word in s.split(' ').take(4) {
        if word == "that" {
            let start = span.start + offset + word.len() + 1;
            return Span::new(start.min(span.end), span.end);
        }
        offset += word.len() + 1;
    }
    span
}
