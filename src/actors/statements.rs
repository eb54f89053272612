//! Statements: a reporting verb and its speaker ("Lavrov said", "said Lavrov",
//! "according to Reuters", "he added"), with what was said.

use super::lexicon::{Class, Scan};
use super::{Actor, ActorKind, Mention, Statement, Target};
use crate::prose::{Prose, TokenKind};
use crate::span::Span;

pub fn find(prose: &Prose, scan: &Scan, actors: &[Actor], mentions: &[Mention]) -> Vec<Statement> {
    let mut out = Vec::new();
    for (s, sentence) in prose.sentences.iter().enumerate() {
        for i in sentence.tokens.clone() {
            let token = &prose.tokens[i];
            if token.in_quote || token.kind != TokenKind::Word {
                continue;
            }
            let speech = scan
                .starting(i)
                .iter()
                .find(|m| matches!(m.class, Class::SpeechVerb | Class::SpeechBefore));
            let Some(m) = speech else { continue };
            let verb = Span::new(token.span.start, prose.tokens[m.last].word.end);
            let after = m.last + 1;
            let speaker = if m.class == Class::SpeechBefore {
                mention_after(prose, mentions, after, sentence.span.end)
            } else {
                mention_before(prose, scan, mentions, i, sentence.tokens.start)
                    .or_else(|| {
                        pronoun_before(prose, scan, actors, mentions, i, sentence.tokens.start)
                    })
                    .or_else(|| mention_after(prose, mentions, after, sentence.span.end))
            };
            let Some((actor, speaker_span)) = speaker else {
                continue;
            };
            let content = content(prose, sentence.span, speaker_span, verb);
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

/// "he said": the last person named before; "it said": the last organisation.
fn pronoun_before(
    prose: &Prose,
    scan: &Scan,
    actors: &[Actor],
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
    let end = mentions.partition_point(|m| m.span.start < at.start);
    mentions[..end]
        .iter()
        .rev()
        .filter_map(Mention::actor)
        .find(|&a| (actors[a].kind == ActorKind::Person) == person)
        .map(|a| (a, at))
}

/// What was said: a quotation in the sentence, else the sentence without its
/// attribution: the part before it when the attribution closes the sentence
/// ("…, Lavrov said in a statement."), the part after it otherwise ("Lavrov
/// told reporters that …").
pub(crate) fn content(prose: &Prose, sentence: Span, speaker: Span, verb: Span) -> Span {
    let attribution = speaker.join(verb);
    let quote = prose
        .quotations
        .iter()
        .filter(|q| !q.nested && q.span.overlaps(sentence) && !q.span.covers(attribution))
        .map(|q| q.inner)
        .find(|inner| !inner.is_empty());
    if let Some(inner) = quote {
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
