//! Statements whose speaker is described but not named: "a senior official
//! said", "two diplomats familiar with the talks said", "…, said a person
//! close to the company", "according to people briefed on the plan".
//!
//! The reporting verbs and "according to" are the actor model's (speech-verbs.txt);
//! the nouns that make a speaker and the words that may stand before them are
//! data/unnamed-sources.txt; what a description after the noun may start with
//! is attribution-phrases.txt [descriptions], which the vague-attribution rule
//! reads too.

use std::sync::LazyLock;

use crate::actors::lexicon::{AddedTitles, Class, Scan, LEXICON};
use crate::actors::{statement_content, Actors, TopQuotes};
use crate::hashing::FastSet;
use crate::prose::{BlockMemo, Prose, TokenKind};
use crate::span::{Span, SpanSet};
use crate::wordlist;

const UNNAMED_SOURCES: &str = include_str!("../../data/unnamed-sources.txt");
const ATTRIBUTION_PHRASES: &str = include_str!("../../data/attribution-phrases.txt");

/// How many words may stand before the noun ("two senior European officials").
const MODIFIERS: usize = 4;
/// How many tokens a description after the noun may run to.
const DESCRIPTION: usize = 12;

struct Words {
    nouns: FastSet<&'static str>,
    determiners: FastSet<&'static str>,
    modifiers: FastSet<&'static str>,
    /// Each description as its words ("familiar", "with").
    descriptions: Vec<Vec<&'static str>>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| Words {
    nouns: wordlist::section(UNNAMED_SOURCES, "nouns")
        .into_iter()
        .collect(),
    determiners: wordlist::section(UNNAMED_SOURCES, "determiners")
        .into_iter()
        .collect(),
    modifiers: wordlist::section(UNNAMED_SOURCES, "modifiers")
        .into_iter()
        .collect(),
    descriptions: wordlist::section(ATTRIBUTION_PHRASES, "descriptions")
        .into_iter()
        .map(|d| d.split_whitespace().collect())
        .collect(),
});

/// A statement with an unnamed speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unnamed {
    /// The words that describe the speaker.
    pub speaker: Span,
    pub cue: Span,
    pub content: Span,
}

/// The statements of a document whose speaker is described, not named; cues
/// in `named` (statements the actor model gave a speaker) are left alone.
pub fn find(prose: &Prose, actors: &Actors, named: &[Span]) -> Vec<Unnamed> {
    let scan = LEXICON.scan(prose, &AddedTitles::default(), &mut BlockMemo::default());
    let reader = Reader {
        prose,
        scan: &scan,
        actors,
    };
    let quotes = TopQuotes::new(prose);
    let named = SpanSet::new(named.iter().copied());
    let mut out = Vec::new();
    for sentence in &prose.sentences {
        let lo = sentence.tokens.start;
        let hi = sentence.tokens.end;
        for i in sentence.tokens.clone() {
            let token = &prose.tokens[i];
            if token.in_quote || token.kind != TokenKind::Word {
                continue;
            }
            let Some(m) = scan
                .starting(i)
                .iter()
                .find(|m| matches!(m.class, Class::SpeechVerb | Class::SpeechBefore))
            else {
                continue;
            };
            let cue = Span::new(token.span.start, prose.tokens[m.last].word.end);
            if named.overlaps(cue) {
                continue;
            }
            let speaker = if m.class == Class::SpeechBefore {
                reader.after(m.last + 1, hi)
            } else {
                reader.before(i, lo).or_else(|| {
                    reader
                        .inverted(i, lo)
                        .then(|| reader.after(m.last + 1, hi))?
                })
            };
            let Some(speaker) = speaker else { continue };
            let content = statement_content(prose, &quotes, sentence.span, speaker, cue);
            if !content.is_empty() {
                out.push(Unnamed {
                    speaker,
                    cue,
                    content,
                });
            }
        }
    }
    out
}

struct Reader<'a> {
    prose: &'a Prose,
    scan: &'a Scan,
    actors: &'a Actors,
}

impl Reader<'_> {
    fn lower(&self, t: usize) -> String {
        self.prose.slice(self.prose.tokens[t].word).to_lowercase()
    }

    fn is_word(&self, t: usize) -> bool {
        let token = &self.prose.tokens[t];
        token.kind != TokenKind::Punct && !token.in_quote
    }

    /// A listed noun, in lowercase unless it starts the sentence ("Business
    /// Insider" is a name).
    fn is_noun(&self, t: usize) -> bool {
        let token = &self.prose.tokens[t];
        self.is_word(t)
            && (!token.capitalised || token.sentence_start)
            && WORDS.nouns.contains(self.lower(t).as_str())
    }

    /// A word that may stand before the noun: a listed determiner or
    /// modifier, a number, or a capitalised word that is not a function word
    /// ("Kremlin sources", "US officials", but not "But officials").
    fn is_modifier(&self, t: usize) -> bool {
        let token = &self.prose.tokens[t];
        let word = self.prose.slice(token.word);
        let lower = word.to_lowercase();
        self.is_word(t)
            && (self.is_determiner(t)
                || WORDS.modifiers.contains(lower.as_str())
                || token.capitalised && !LEXICON.is_function_word(word))
    }

    fn is_determiner(&self, t: usize) -> bool {
        self.is_word(t)
            && (self.prose.tokens[t].kind == TokenKind::Number
                || WORDS.determiners.contains(self.lower(t).as_str()))
    }

    /// Where the description of the noun at token `noun` starts: back over
    /// modifiers, or further back to a determiner with only lowercase content
    /// words between ("a senior council official"); not below `lo`.
    fn description_start(&self, noun: usize, lo: usize) -> usize {
        let mut start = noun;
        while start > lo && noun - start < MODIFIERS && self.is_modifier(start - 1) {
            start -= 1;
        }
        let content_word = |k: usize| {
            self.is_word(k)
                && !LEXICON.is_function_word(self.prose.slice(self.prose.tokens[k].word))
        };
        let mut k = noun;
        while k > lo && noun - k < MODIFIERS {
            k -= 1;
            if self.is_determiner(k) {
                start = start.min(k);
            } else if !(self.is_modifier(k) || content_word(k)) {
                break;
            }
        }
        start
    }

    /// Whether a person of the actor model is named at token `t`: "Brandt's
    /// aides" has a speaker, the aides, but "the official Ilse Brandt" is
    /// Brandt.
    fn names_person(&self, t: usize) -> bool {
        let at = self.prose.tokens[t].span.start;
        self.actors.actor_at(at).is_some_and(|a| {
            self.actors.actors[a].kind == crate::actors::ActorKind::Person
                && self
                    .actors
                    .mention_at(at)
                    .is_some_and(|m| !self.actors.mentions[m].possessive)
        })
    }

    /// The length in tokens of a description starting at token `t` ("familiar
    /// with", "who"), or 0.
    fn description_at(&self, t: usize, end: usize) -> usize {
        if t < end && self.lower(t) == "who" {
            return 1;
        }
        WORDS
            .descriptions
            .iter()
            .find(|d| {
                t + d.len() <= end && d.iter().enumerate().all(|(k, w)| self.lower(t + k) == *w)
            })
            .map_or(0, Vec::len)
    }

    /// The speaker before the verb at token `verb`: "a senior official said",
    /// "sources familiar with the talks said", "a person, who asked not to be
    /// named, said".
    fn before(&self, verb: usize, lo: usize) -> Option<Span> {
        let tokens = &self.prose.tokens;
        let mut end = verb;
        while end > lo && self.scan.at(end - 1, Class::SpeechGap).is_some() {
            end -= 1;
        }
        // A description set off by commas: step over it to the noun.
        if end > lo && self.prose.slice(tokens[end - 1].span) == "," {
            let comma = (lo..end - 1)
                .rev()
                .take(DESCRIPTION)
                .find(|&k| tokens[k].kind == TokenKind::Punct)?;
            (self.prose.slice(tokens[comma].span) == ","
                && self.description_at(comma + 1, end) > 0)
                .then_some(())?;
            end = comma;
        }
        // The noun, with at most a description between it and `end`.
        let noun = (lo..end)
            .rev()
            .take(DESCRIPTION)
            .take_while(|&k| self.is_word(k))
            .filter(|&k| self.is_noun(k))
            .find(|&k| k + 1 == end || self.description_at(k + 1, end) > 0)?;
        // "an official who asked not to be named said": "asked" is the
        // relative clause's verb; the statement is the one "said" makes.
        if noun + 2 == verb && self.lower(noun + 1) == "who" {
            return None;
        }
        let start = self.description_start(noun, lo);
        if (start..end).any(|k| self.names_person(k)) {
            return None;
        }
        Some(Span::new(
            tokens[start].span.start,
            tokens[end - 1].word.end,
        ))
    }

    /// Whether the verb at token `verb` stands where its speaker follows it:
    /// after a comma or a quotation ("…,\" said a senior official"), or at the
    /// start of the sentence.
    fn inverted(&self, verb: usize, lo: usize) -> bool {
        verb == lo || {
            let before = &self.prose.tokens[verb - 1];
            before.in_quote || before.kind == TokenKind::Punct
        }
    }

    /// The speaker from token `t` on: "a senior official", "people close to the
    /// company", up to the next punctuation.
    fn after(&self, t: usize, hi: usize) -> Option<Span> {
        let tokens = &self.prose.tokens;
        let mut noun = t;
        while noun < hi && noun - t < MODIFIERS && !self.is_noun(noun) && self.is_modifier(noun) {
            noun += 1;
        }
        (noun < hi && self.is_noun(noun)).then_some(())?;
        let mut end = noun + 1;
        if self.description_at(end, hi) > 0 {
            while end < hi && end - noun <= DESCRIPTION && self.is_word(end) {
                end += 1;
            }
        }
        if (t..end).any(|k| self.names_person(k)) {
            return None;
        }
        Some(Span::new(tokens[t].span.start, tokens[end - 1].word.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::{self, Memo};
    use crate::config::Settings;
    use crate::document::Language;
    use crate::prose::{self, BlockCache};

    fn speakers(text: &str) -> Vec<(String, String)> {
        let prose = prose::parse(text, Language::Markdown, &mut BlockCache::default());
        let actors = actors::recognise(&prose, &Settings::default(), &mut Memo::default());
        let named: Vec<Span> = actors.statements.iter().map(|s| s.verb).collect();
        find(&prose, &actors, &named)
            .into_iter()
            .map(|u| {
                (
                    u.speaker.of(text).to_string(),
                    u.content.of(text).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_described_speaker_before_the_verb() {
        assert_eq!(
            speakers("A senior official said the budget was not yet agreed.\n"),
            [(
                "A senior official".into(),
                "the budget was not yet agreed".into()
            )]
        );
        assert_eq!(
            speakers("Two diplomats familiar with the talks said a deal was close.\n"),
            [(
                "Two diplomats familiar with the talks".into(),
                "a deal was close".into()
            )]
        );
        assert_eq!(
            speakers("A person, who asked not to be named, said the plant would close.\n"),
            [("A person".into(), "the plant would close".into())]
        );
        assert_eq!(
            speakers("An official who asked not to be named said the plant would close.\n"),
            [(
                "An official who asked not to be named".into(),
                "the plant would close".into()
            )]
        );
        assert_eq!(
            speakers("The ferry stopped after officials said the river was too low.\n"),
            [("officials".into(), "the river was too low".into())]
        );
    }

    #[test]
    fn a_described_speaker_after_the_verb() {
        assert_eq!(
            speakers("\"We will not sign,\" said a senior diplomat.\n"),
            [("a senior diplomat".into(), "We will not sign,".into())]
        );
        assert_eq!(
            speakers("The plant will close in June, according to people close to the company.\n"),
            [(
                "people close to the company".into(),
                "The plant will close in June".into()
            )]
        );
    }

    #[test]
    fn named_speakers_and_listeners_are_not_unnamed_sources() {
        assert!(speakers("Mayor Ilse Brandt told officials the bridge was safe.\n").is_empty());
        assert!(
            speakers("The mayor met residents and told them the bridge was safe.\n").is_empty()
        );
        assert!(speakers("The ferry is late again, the timetable says.\n").is_empty());
        assert!(speakers("The ferry is late again, Business Insider reported.\n").is_empty());
        assert_eq!(
            speakers("But officials said the ferry was late.\n"),
            [("officials".into(), "the ferry was late".into())]
        );
    }
}
