//! `orphan-quote`: direct quotations with no speaker.
//!
//! A full quotation (a quoted sentence or clause) is attributed by a source
//! marker (see [`Scan::sourced`]) in its paragraph or in the paragraph just
//! before; a quotation that runs over several paragraphs is attributed by its
//! first paragraph; a transcript label ("WALLACE: …") or a signature after a
//! dash ("… ― Ana Ruiz") is a speaker too. A pronoun speaker ("he said") counts
//! unless nothing comes before it for it to refer to. A short quoted fragment
//! inside a sentence (scare quotes) needs a source in its own sentence — a
//! source marker, a name or a personal pronoun — unless it repeats words
//! quoted earlier; it is reported at information severity. Names and titles in quotation marks ("a
//! bill known as the \"Golden Week\"", "\"Larry King Now\"") are not quotations
//! of anyone.

use super::lexicon::{contains, LEXICON};
use super::scan::{Scan, Speaker};
use crate::checks::{Context, Finding, Rule, RuleInfo, Severity};
use crate::hashing::{FastHasher, FastSet};
use crate::prose::{BlockKind, Prose, Quotation, TokenKind};
use crate::span::Span;

static ORPHAN_QUOTE: RuleInfo = RuleInfo {
    code: "orphan-quote",
    default_severity: Severity::Warning,
    summary: "A direct quotation with no speaker in its sentence, its paragraph or the one before.",
    doc: include_str!("../../../docs/rules/orphan-quote.md"),
};

/// A quoted fragment of at most this many words, inside a sentence, is a
/// partial quotation or scare quotes rather than a full quotation.
const FRAGMENT_WORDS: usize = 5;

/// The longest transcript label a quotation may open with ("SEN. ANA RUIZ:").
const LABEL_LEN: usize = 30;

/// Words before a quotation mark that make what follows a name or a title.
const NAMING: [&str; 20] = [
    "called",
    "dubbed",
    "titled",
    "entitled",
    "named",
    "nicknamed",
    "labeled",
    "labelled",
    "branded",
    "termed",
    "known",
    "as",
    "so-called",
    "word",
    "words",
    "term",
    "phrase",
    "slogan",
    "hashtag",
    "headlined",
];

/// How far back from a quotation mark its naming word is looked for, in
/// bytes: more than the longest of [`NAMING`] with its comma.
const NAMING_REACH: usize = 24;

/// Small words a title may leave in lower case ("Master of the Universe").
const TITLE_SMALL_WORDS: [&str; 10] =
    ["a", "an", "the", "of", "and", "in", "on", "for", "to", "at"];

pub struct OrphanQuote;

impl Rule for OrphanQuote {
    fn info(&self) -> &'static RuleInfo {
        &ORPHAN_QUOTE
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let prose = ctx.prose;
        let scan = Scan::of(ctx);
        let mut quoted = QuotedWords::default();
        // Whether the quotations of a block have a speaker nearby depends on
        // the block alone: decided once per block, not once per quotation.
        let mut verdict: Option<(usize, Option<String>)> = None;
        for (i, q) in prose.quotations.iter().enumerate() {
            let block = &prose.blocks[q.block];
            if q.nested || q.continues || block.kind == BlockKind::Heading || is_name(prose, q) {
                continue;
            }
            if is_fragment(prose, q) {
                let sentences = sentences_of(prose, q.span);
                let sourced = sentences
                    .clone()
                    .any(|s| scan.sourced(s) || names_someone(prose, s));
                if !sourced && !quoted.before(prose, i) {
                    out.push(
                        Finding::new(
                            &ORPHAN_QUOTE,
                            q.span,
                            "Whose words? These quotation marks have no source in their sentence: say who used the words, or drop the marks.",
                        )
                        .with_severity(Severity::Information),
                    );
                }
                continue;
            }
            if labelled(prose, q) || introduced_by_name(prose, q) {
                continue;
            }
            if verdict.as_ref().is_none_or(|(block, _)| *block != q.block) {
                verdict = Some((q.block, no_speaker(prose, &scan, q.block)));
            }
            if let Some((_, Some(message))) = &verdict {
                out.push(Finding::new(&ORPHAN_QUOTE, q.span, message.clone()));
            }
        }
    }
}

/// What is wrong with the speakers of a quotation in `block`, if anything:
/// none in the block, the paragraph before or the paragraphs the quotation
/// runs on over, or only a pronoun with no one to refer back to.
fn no_speaker(prose: &Prose, scan: &Scan, block: usize) -> Option<String> {
    let first = block.saturating_sub(1);
    let reach = Span::new(
        prose.blocks[first].span.start,
        last_block_of(prose, block).span.end,
    );
    let speakers: Vec<Speaker> = scan.speakers(reach).collect();
    let unnamed_pronoun = speakers.iter().find_map(|s| match s {
        Speaker::Pronoun(t) if !scan.antecedent_possible(*t) => Some(*t),
        _ => None,
    });
    if speakers.is_empty() {
        Some("Who said this? This quotation has no speaker in its sentence, its paragraph or the paragraph before.".to_string())
    } else if let Some(t) =
        unnamed_pronoun.filter(|_| speakers.iter().all(|s| matches!(s, Speaker::Pronoun(_))))
    {
        let pronoun = scan.word(t);
        Some(format!("Who is \"{pronoun}\"? No one comes before this quotation for \"{pronoun}\" to refer to."))
    } else {
        None
    }
}

/// The last paragraph of a quotation that runs on over several paragraphs.
fn last_block_of(prose: &Prose, block: usize) -> &crate::prose::Block {
    let mut last = block;
    while let Some(next) = prose.blocks.get(last + 1) {
        let continues = prose.quotations[next.quotations.clone()]
            .first()
            .is_some_and(|q| q.continues);
        if !continues {
            break;
        }
        last += 1;
    }
    &prose.blocks[last]
}

/// A short quotation inside a sentence: neither a quoted sentence or clause
/// ("We will win," she said) nor one that runs on.
fn is_fragment(prose: &Prose, q: &Quotation) -> bool {
    let words = prose.slice(q.inner).split_whitespace().count();
    let starts_sentence = prose
        .sentence_at(q.span.start)
        .is_some_and(|s| prose.sentences[s].span.start == q.span.start);
    q.closed && !starts_sentence && words <= FRAGMENT_WORDS
}

/// Whether a sentence, outside its quotations, names someone who could own
/// quoted words: a name (a capitalised word that is not just a sentence
/// opener), an owner ("the woman's"), or a personal pronoun ("in his eyes",
/// "they called it").
fn names_someone(prose: &Prose, sentence: usize) -> bool {
    prose.sentence_tokens(sentence).iter().any(|t| {
        let word = prose.slice(t.word);
        t.kind == TokenKind::Word
            && !t.in_quote
            && ((t.capitalised && !(t.sentence_start && contains(&LEXICON.openers, word)))
                || t.possessive()
                || contains(&LEXICON.personal, word))
    })
}

/// "As Ana Ruiz, a port economist, put it: \"…\"": a quotation after a
/// colon or comma in a sentence that names someone.
fn introduced_by_name(prose: &Prose, q: &Quotation) -> bool {
    prose.text[..q.span.start]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '\'' | '"' | '‘' | '“'))
        .ends_with([':', ','])
        && prose
            .sentence_at(q.span.start)
            .is_some_and(|s| names_someone(prose, s))
}

/// A quotation that carries its own speaker: a transcript label at its start
/// ("WALLACE: Let's start…") or a dash and a name after it ("… ― Ana Ruiz").
fn labelled(prose: &Prose, q: &Quotation) -> bool {
    let inner = prose.slice(q.inner).trim_start();
    let label = inner.split_once(':').is_some_and(|(head, _)| {
        !head.is_empty()
            && head.len() <= LABEL_LEN
            && head.chars().any(char::is_alphabetic)
            && head.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
    });
    let after =
        prose.text[q.span.end..].trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    let signed = after
        .strip_prefix(['―', '—', '–', '-'])
        .map(str::trim_start)
        .and_then(|name| name.chars().next())
        .is_some_and(char::is_uppercase);
    label || signed
}

/// A name or title in quotation marks: after a naming word ("known as",
/// "dubbed"), or every main word capitalised. Marks around no words at all
/// (a number, a markup attribute `id="…"`) quote no one either.
fn is_name(prose: &Prose, q: &Quotation) -> bool {
    let no_words = !prose.slice(q.inner).chars().any(char::is_alphabetic);
    if no_words || prose.text[..q.span.start].ends_with('=') {
        return true;
    }
    // The word before: a naming word is short, so a few bytes back suffice
    // (and a quotation inside one long run of text costs no walk over it).
    let mut from = q.span.start.saturating_sub(NAMING_REACH);
    while !prose.text.is_char_boundary(from) {
        from -= 1;
    }
    let before = prose.text[from..q.span.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_end_matches([',', ':'])
        .to_lowercase();
    if NAMING.contains(&before.as_str()) {
        return true;
    }
    let inner = prose.slice(q.inner).trim().trim_end_matches([',', '.']);
    let mut words = inner.split_whitespace().peekable();
    words.peek().is_some()
        && words.all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                || TITLE_SMALL_WORDS.contains(&w)
        })
        && inner.split_whitespace().count() > 1
}

fn sentences_of(prose: &Prose, span: Span) -> std::ops::Range<usize> {
    let first = prose
        .sentences
        .partition_point(|s| s.span.end <= span.start);
    let end = prose.sentences.partition_point(|s| s.span.start < span.end);
    first..end.max(first)
}

/// The runs of up to [`FRAGMENT_WORDS`] words of the quotations read so far,
/// by hash: whether a fragment repeats words quoted earlier is then one
/// lookup, not a search of every earlier quotation.
#[derive(Default)]
struct QuotedWords {
    runs: FastSet<u64>,
    /// The quotations indexed so far: `quotations[..read]`.
    read: usize,
}

impl QuotedWords {
    /// Whether the words of quotation `i` were quoted earlier in the document,
    /// where their speaker was given (word for word, case and the
    /// punctuation around words aside).
    fn before(&mut self, prose: &Prose, i: usize) -> bool {
        for earlier in &prose.quotations[self.read.min(i)..i] {
            let words: Vec<String> = quoted_words(prose.slice(earlier.inner)).collect();
            for start in 0..words.len() {
                for end in start + 1..=(start + FRAGMENT_WORDS).min(words.len()) {
                    self.runs.insert(run_hash(&words[start..end]));
                }
            }
        }
        self.read = self.read.max(i);
        let words: Vec<String> = quoted_words(prose.slice(prose.quotations[i].inner)).collect();
        !words.is_empty() && self.runs.contains(&run_hash(&words))
    }
}

/// The words of a quotation, lowercase, without the punctuation around them.
fn quoted_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
}

fn run_hash(words: &[String]) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<FastHasher>::default().hash_one(words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;
    use crate::document::Language;

    fn flagged(text: &str) -> Vec<(&str, Severity)> {
        let prose = crate::prose::parse(text, Language::Markdown, &mut Default::default());
        let settings = Settings::default();
        let actors = crate::actors::recognise(&prose, &settings, &mut Default::default());
        let ctx = Context::new(text, &prose, &actors, &settings);
        let mut out = Vec::new();
        OrphanQuote.check(&ctx, &mut out);
        out.iter().map(|f| (f.span.of(text), f.severity)).collect()
    }

    #[test]
    fn a_quotation_with_no_speaker_nearby() {
        assert_eq!(
            flagged("The ship docked.\n\nThe crew left.\n\n\"This is a turning point for the region.\"\n"),
            vec![("\"This is a turning point for the region.\"", Severity::Warning)]
        );
    }

    #[test]
    fn speakers_in_the_sentence_paragraph_or_paragraph_before() {
        for text in [
            "Lepp arrived.\n\n\"We are ready,\" she said.\n",
            "Lepp spoke after the talks.\n\n\"We are ready.\" That was all.\n\nShe left.\n",
            "Lepp said the talks went well. \"We are ready.\"\n",
            "Lepp told reporters in Tallinn:\n\n\"We are ready.\"\n",
            "As Ana Ruiz, a port economist, put it: \"The port will never pay.\"\n",
            "\"We are ready,\" ― Ana Ruiz\n",
            "\"RUIZ: We are ready. HALEY: So are we.\"\n",
        ] {
            assert_eq!(flagged(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_multi_paragraph_quotation_is_attributed_by_its_first_paragraph() {
        let text = "The ship docked.\n\nLepp said: \"We are ready to patrol.\n\n\"We will sail in May.\n\n\"And we will not stop.\"\n";
        assert_eq!(flagged(text), vec![]);
        let orphan = "The ship docked.\n\nThe crew left.\n\n\"We are ready to patrol.\n\n\"We will sail in May.\"\n";
        assert_eq!(flagged(orphan).len(), 1);
    }

    #[test]
    fn a_pronoun_needs_someone_to_refer_back_to() {
        assert_eq!(
            flagged("# The talks\n\n\"We are ready,\" he said.\n"),
            vec![("\"We are ready,\"", Severity::Warning)]
        );
        assert_eq!(
            flagged("# Lepp in Tallinn\n\n\"We are ready,\" she said.\n"),
            vec![]
        );
        assert_eq!(
            flagged("The minister arrived.\n\n\"We are ready,\" she said.\n"),
            vec![]
        );
        // "it" may be the Kremlin; "she" may not.
        assert_eq!(
            flagged("# Kremlin rejects talks\n\n\"We are ready,\" it said.\n"),
            vec![]
        );
        assert_eq!(
            flagged("# Kremlin rejects talks\n\n\"We are ready,\" she said.\n"),
            vec![("\"We are ready,\"", Severity::Warning)]
        );
        // A person the actor model knows from the headline.
        assert_eq!(
            flagged("# Chinese Foreign Minister Wang Yi arrives\n\n\"We are ready,\" he said.\n"),
            vec![]
        );
    }

    #[test]
    fn scare_quotes_need_a_source_in_their_sentence() {
        assert_eq!(
            flagged("The port deal was a \"turning point\" for the region.\n"),
            vec![("\"turning point\"", Severity::Information)]
        );
        for text in [
            "The deal was a \"turning point\", Lepp said.\n",
            "Lepp called it \"a turning point.\" Others saw no \"turning point\" at all.\n",
            "The bill, known as the \"Golden Week\", passed.\n",
            "She hosts \"Harbour Nights With Ana\" on Fridays.\n",
            "The tag read id=\"a4412\" in the feed, and the count was \"4412\".\n",
        ] {
            assert_eq!(flagged(text), vec![], "{text}");
        }
    }
}
