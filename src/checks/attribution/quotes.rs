//! `orphan-quote`: direct quotations with no speaker.
//!
//! A full quotation (a quoted sentence or clause) is attributed by a source
//! marker (see [`Scan::sourced`]) in its paragraph or in the paragraph just
//! before (read past a run of paragraphs that are only quotations), or by
//! that paragraph ending with a colon; a quotation that runs over several
//! paragraphs is attributed by its first paragraph; a transcript label
//! ("WALLACE: …") or a signature after a dash ("… ― Ana Ruiz") is a speaker
//! too, and so are a speech tag on an earlier quotation of the paragraph
//! (the speaker goes on), a speech tag inside mis-typed marks, and a credit
//! in brackets closing the paragraph ("[Tallinn Post]").
//! A pronoun speaker ("he said") counts unless nothing comes before it
//! for it to refer to. A short quoted fragment of three words or more inside a
//! sentence (scare quotes) needs a source in its own sentence — a source
//! marker, a name or a personal pronoun — unless it repeats words quoted
//! earlier; it is reported at information severity. One or two quoted words
//! are left alone. Names and titles in quotation marks ("a bill known as the
//! \"Golden Week\"", "\"Larry King Now\"") are not quotations of anyone.

mod beside;
mod kept;
mod repeats;
mod terms;

pub(super) use kept::Kept;
pub(super) use repeats::RepeatsMemo;

use terms::{
    glossed_term, is_fragment, is_name, is_short_term, is_term, opens_as_name, words_beyond,
    FRAGMENT_WORDS,
};

use super::lexicon::{self, Roles};
use super::lexicon::{contains, LEXICON};
use super::per_block::BlockFindings;
use super::scan::{Hit, Scan, Speaker};
use crate::checks::{Context, Finding, Rule, RuleInfo, Severity};
use crate::prose::{BlockKind, Prose, Quotation, TokenKind};
use crate::span::Span;

static ORPHAN_QUOTE: RuleInfo = RuleInfo {
    code: "orphan-quote",
    default_severity: Severity::Warning,
    summary: "A direct quotation with no speaker in its sentence, its paragraph or the one before.",
    doc: include_str!("../../../docs/rules/orphan-quote.md"),
};

/// How many quoted paragraphs before a quotation are read as one run with it.
const RUN_REACH: usize = 8;

/// The longest transcript label a quotation may open with ("SEN. ANA RUIZ:").
const LABEL_LEN: usize = 30;

pub struct OrphanQuote;

impl Rule for OrphanQuote {
    fn info(&self) -> &'static RuleInfo {
        &ORPHAN_QUOTE
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let prose = ctx.prose;
        let scan = Scan::of(ctx);
        let repeated = match ctx.memo {
            Some(memo) => repeats::repeated_quotations(prose, &mut memo.scan.borrow_mut().repeats),
            None => repeats::repeated_quotations(prose, &mut RepeatsMemo::default()),
        };
        // A paragraph's findings are kept between analyses under a key of
        // what the rule reads for it, with the answers the actor model gave
        // about its pronouns, unless they read the actor model otherwise.
        let mut memo = ctx.memo.map(|memo| memo.scan.borrow_mut());
        let mut memo = memo.as_deref_mut().map(|memo| &mut memo.orphans);
        for (b, block) in prose.blocks.iter().enumerate() {
            let quotations = block.quotations.clone();
            if quotations.is_empty() {
                continue;
            }
            let repeated = &repeated[quotations];
            let Some(memo) = memo.as_deref_mut() else {
                orphans(prose, &scan, b, repeated, out);
                continue;
            };
            let key = kept::key(prose, b, repeated);
            let start = block.span.start;
            let tokens = block.tokens.start;
            let same_answers = |kept: &kept::Kept| kept.same_answers(&scan, tokens);
            if let Some(kept) = memo.reuse(key, same_answers) {
                out.extend(kept.findings.at(start));
                continue;
            }
            scan.forget_read_actors();
            let mut found = Vec::new();
            orphans(prose, &scan, b, repeated, &mut found);
            let (read_actors, antecedents) = scan.forget_read_actors();
            if !read_actors {
                let findings = BlockFindings::relative(&found, start);
                memo.insert(key, kept::Kept::new(findings, &antecedents, tokens));
            }
            out.extend(found);
        }
        if let Some(memo) = memo {
            memo.finish();
        }
    }
}

/// The orphan quotations of block `block`; `repeated` says for each of its
/// quotations whether its opening words are quoted elsewhere too.
fn orphans(
    prose: &Prose,
    scan: &Scan<'_>,
    block_index: usize,
    repeated: &[bool],
    out: &mut Vec<Finding>,
) {
    let block = &prose.blocks[block_index];
    // What a paragraph says of all its quotations, worked out once.
    let mut paragraph = Paragraph::new(prose, block_index);
    let paragraph = &mut paragraph;
    let quotations = &prose.quotations[block.quotations.clone()];
    for (q, &repeated) in quotations.iter().zip(repeated) {
        if q.nested
            || q.continues
            || block.kind == BlockKind::Heading
            || is_name(prose, q)
            || glossed_term(prose, q)
            || repeated
        {
            continue;
        }
        if is_fragment(prose, q) || is_term(prose, q) {
            if is_short_term(prose, q) || opens_as_name(prose, q) {
                continue;
            }
            let paragraph_source = paragraph
                .first_sourced(prose, scan)
                .is_some_and(|start| start <= q.span.start);
            // Its sentence, or one before it in the paragraph, names
            // someone: whose words, or whose document, it quotes.
            let named = paragraph
                .first_named(prose)
                .is_some_and(|start| start < q.span.end);
            // A long partial quotation is read like a full one: a
            // speaker in the paragraph before may own it.
            let long = words_beyond(prose.slice(q.inner), FRAGMENT_WORDS);
            let sourced = paragraph_source
                || named
                || speech_tag_follows(prose, q)
                || credited(prose, q)
                || (long && matches!(paragraph.speakers(prose, scan), Speakers::Known));
            if !sourced {
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
        if labelled(prose, q)
            || paragraph.labelled
            || introduced(prose, scan, q)
            || in_exchange(prose, scan, q)
        {
            continue;
        }
        let message = match paragraph.speakers(prose, scan) {
            Speakers::None => {
                if speech_tag_follows(prose, q)
                    || paragraph.tagged_before(prose, q.span.start)
                    || named_around(prose, q)
                    || speaker_within(prose, q)
                    || credited(prose, q)
                    || beside::speaker_beside(prose, scan, q)
                    || beside::headline_speaker(prose, scan, q)
                {
                    continue;
                }
                "Who said this? This quotation has no speaker in its sentence, its paragraph or the paragraph before.".to_string()
            }
            Speakers::UnknownPronoun(t) => {
                let pronoun = scan.word(t);
                format!("Who is \"{pronoun}\"? No one comes before this quotation for \"{pronoun}\" to refer to.")
            }
            Speakers::Known => continue,
        };
        out.push(Finding::new(&ORPHAN_QUOTE, q.span, message));
    }
}

/// Who may have spoken a paragraph's quotations, as far as the paragraph,
/// the one before and those the quotation runs on over tell.
#[derive(Clone, Copy)]
enum Speakers {
    None,
    /// Only pronouns speak, and this one has no one to refer back to.
    UnknownPronoun(usize),
    Known,
}

/// What the rule asks of a paragraph, each answer worked out when first
/// needed and kept for the paragraph's other quotations.
struct Paragraph {
    block: usize,
    /// A transcript label opens it.
    labelled: bool,
    first_sourced: Option<Option<usize>>,
    first_named: Option<Option<usize>>,
    speakers: Option<Speakers>,
    /// Where its first quotation with a speech tag starts, or 0 when the
    /// paragraph before has one.
    first_tagged: Option<Option<usize>>,
}

impl Paragraph {
    fn new(prose: &Prose, block: usize) -> Paragraph {
        Paragraph {
            block,
            labelled: labelled_paragraph(prose, block),
            first_sourced: None,
            first_named: None,
            speakers: None,
            first_tagged: None,
        }
    }

    /// Whether a quotation with its own speech tag ("\"Jeb wants to be a
    /// tough guy tonight,\" Trump shot back.") comes before `offset` in the
    /// paragraph, or anywhere in the paragraph before: the speaker it tags
    /// goes on speaking, whatever the tag's verb.
    fn tagged_before(&mut self, prose: &Prose, offset: usize) -> bool {
        let block = self.block;
        let first_tagged = *self.first_tagged.get_or_insert_with(|| {
            let tagged_in = |b: usize| {
                prose.quotations[prose.blocks[b].quotations.clone()]
                    .iter()
                    .find(|q| !q.nested && speech_tag_follows(prose, q))
                    .map(|q| q.span.start)
            };
            let before = block.checked_sub(1).and_then(tagged_in).map(|_| 0);
            before.or_else(|| tagged_in(block))
        });
        first_tagged.is_some_and(|start| start < offset)
    }

    /// Where its first sentence with a source marker starts.
    fn first_sourced(&mut self, prose: &Prose, scan: &Scan<'_>) -> Option<usize> {
        *self.first_sourced.get_or_insert_with(|| {
            prose.blocks[self.block]
                .sentences
                .clone()
                .find(|&s| scan.sourced(s))
                .map(|s| prose.sentences[s].span.start)
        })
    }

    /// Where its first sentence that names someone starts.
    fn first_named(&mut self, prose: &Prose) -> Option<usize> {
        *self.first_named.get_or_insert_with(|| {
            prose.blocks[self.block]
                .sentences
                .clone()
                .find(|&s| names_someone(prose, s))
                .map(|s| prose.sentences[s].span.start)
        })
    }

    fn speakers(&mut self, prose: &Prose, scan: &Scan<'_>) -> Speakers {
        *self.speakers.get_or_insert_with(|| {
            // A run of quoted paragraphs is read from the paragraph before the run.
            let mut first = self.block.saturating_sub(1);
            let mut reach_back = RUN_REACH;
            while first > 0
                && reach_back > 0
                && (quotations_only(prose, first) || beside::is_beat(prose, first))
            {
                first -= 1;
                reach_back -= 1;
            }
            if first < self.block && introduces_next(prose, first) {
                return Speakers::Known;
            }
            let reach = Span::new(
                prose.blocks[first].span.start,
                last_block_of(prose, self.block).span.end,
            );
            let speakers: Vec<Speaker> = scan.speakers(reach).collect();
            let unnamed_pronoun = speakers.iter().find_map(|s| match s {
                Speaker::Pronoun(t) if !scan.antecedent_possible(*t) => Some(*t),
                _ => None,
            });
            if speakers.is_empty() {
                Speakers::None
            } else if let Some(t) = unnamed_pronoun
                .filter(|_| speakers.iter().all(|s| matches!(s, Speaker::Pronoun(_))))
            {
                Speakers::UnknownPronoun(t)
            } else {
                Speakers::Known
            }
        })
    }
}

/// A paragraph that is nothing but quotations: one of a run of quoted lines
/// (a statement, a list of remarks) whose speaker comes before the run.
fn quotations_only(prose: &Prose, block: usize) -> bool {
    let block = &prose.blocks[block];
    let quotes = &prose.quotations[block.quotations.clone()];
    let (Some(first), Some(last)) = (quotes.first(), quotes.last()) else {
        return false;
    };
    let text = prose.slice(block.span);
    let lead = text.len() - text.trim_start().len();
    let tail = &prose.text[last.span.end.min(block.span.end)..block.span.end];
    first.span.start == block.span.start + lead && !tail.chars().any(char::is_alphanumeric)
}

/// A paragraph that ends with a colon introduces what follows it: "The
/// ministry issued a statement:", "Transcript as follows:", "Ruiz added:".
/// So does one whose last sentence points forward: "The statement reads as
/// follows.", "It goes like this.", "Here is the full statement.".
fn introduces_next(prose: &Prose, block: usize) -> bool {
    let b = &prose.blocks[block];
    if prose.slice(b.span).trim_end().ends_with(':') {
        return true;
    }
    let Some(last) = b.sentences.clone().last() else {
        return false;
    };
    let words: Vec<&str> = prose
        .sentence_tokens(last)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| prose.slice(t.word))
        .collect();
    let is = |k: usize, w: &str| words.get(k).is_some_and(|x| x.eq_ignore_ascii_case(w));
    let n = words.len();
    let ends = |a: &str, b: &str| n >= 2 && is(n - 2, a) && is(n - 1, b);
    let here = is(0, "here") && (is(1, "is") || is(1, "are") || is(1, "'s") || is(1, "’s"));
    let here_s = ["here's", "here’s"].iter().any(|w| is(0, w));
    ends("as", "follows") || ends("like", "this") || here || here_s
}

/// The last paragraph of a quotation that runs on over several paragraphs.
fn last_block_of(prose: &Prose, block: usize) -> &crate::prose::Block {
    &prose.blocks[last_run_on_block(prose, block)]
}

/// The index of the last paragraph that a quotation opening in `block`
/// runs on over (`block` itself when none follows on).
fn last_run_on_block(prose: &Prose, block: usize) -> usize {
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
    last
}

/// A speech tag after the quotation, in its sentence: the quoted words end
/// with a comma, "!", "?", "…" or a dash, and the sentence goes on with words
/// ("\"Sit down,\" ordered Judge Lena Marsh", "\"Never!\" the crowd
/// shouted", "\"Why?\" she asked"). Whoever the tag names said it.
fn speech_tag_follows(prose: &Prose, q: &Quotation) -> bool {
    let inner = prose.slice(q.inner).trim_end();
    let tagged = inner.ends_with([',', '!', '?', '…', '—', '–', '-']);
    // The sentence the tag is in is the one the quotation closes in: a
    // quotation of several sentences opens in an earlier one.
    let Some(sentence) = prose.sentence_at(q.span.end.saturating_sub(1)) else {
        return false;
    };
    let end = prose.sentences[sentence].span.end;
    let after = prose.text[q.span.end..end.max(q.span.end)].trim_start();
    tagged && after.starts_with(char::is_alphabetic)
}

/// A quotation whose marks hold its own speech tag: a closing mark typed as
/// an opening one, or left out (\"“It's over,“ said Ana Ruiz. “We lost.”\",
/// \"\\\"We lost, said Ruiz.\"): a comma, perhaps a quotation mark, then a
/// reporting verb right after it.
fn speaker_within(prose: &Prose, q: &Quotation) -> bool {
    let first = prose
        .tokens
        .partition_point(|t| t.span.start < q.inner.start);
    let tokens = &prose.tokens[first..];
    let inside = tokens.iter().take_while(|t| t.span.end <= q.inner.end);
    inside.enumerate().any(|(k, t)| {
        t.kind == TokenKind::Word
            && k > 0
            && lexicon::entry(&prose.slice(t.word).to_ascii_lowercase())
                .is_some_and(|e| e.roles.has(Roles::SPEECH))
            && prose.text[q.inner.start..t.span.start]
                .trim_end_matches(|c: char| c.is_whitespace() || is_quotation_mark(c))
                .ends_with(',')
    })
}

/// A credit in brackets closing the quotation's paragraph ("… [Quartz]",
/// "… (Party press office.)"): a digest's way of naming whose words they are.
fn credited(prose: &Prose, q: &Quotation) -> bool {
    const CREDIT_WORDS: usize = 6;
    let block = prose.blocks[q.block].span;
    let tail = prose.text[q.span.end.min(block.end)..block.end].trim_end();
    let Some(close) = tail.chars().next_back().filter(|c| matches!(c, ']' | ')')) else {
        return false;
    };
    let open = if close == ']' { '[' } else { '(' };
    let body = &tail[..tail.len() - close.len_utf8()];
    body.rfind(open).is_some_and(|at| {
        let credit = body[at + open.len_utf8()..].trim();
        credit.starts_with(char::is_uppercase) && credit.split_whitespace().count() <= CREDIT_WORDS
    })
}

fn is_quotation_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'')
}

/// A quotation inside a sentence that, outside the quotation, names someone:
/// "CREW asked for \"records …\"", "Moore thanked him for \"…\"". The
/// sentence says whose words they are, or whose document.
fn named_around(prose: &Prose, q: &Quotation) -> bool {
    sentences_of(prose, q.span).any(|s| {
        let span = prose.sentences[s].span;
        let outside = span.start < q.span.start || q.span.end < span.end;
        outside
            && prose
                .sentence_tokens(s)
                .iter()
                .any(|t| t.kind == TokenKind::Word && !t.in_quote && !q.span.contains(t.span.start))
            && names_someone(prose, s)
    })
}

/// Whether a sentence, outside its quotations, names someone who could own
/// quoted words: a name (a capitalised word that is not just a sentence
/// opener), an owner ("the woman's"), or a personal pronoun ("in his eyes",
/// "they called it").
fn names_someone(prose: &Prose, sentence: usize) -> bool {
    prose.sentence_tokens(sentence).iter().any(|t| {
        let word = prose.slice(t.word);
        // A name written in camel case ("wikiHow", "eBay") is a name too.
        let camel = word.chars().skip(1).any(char::is_uppercase);
        t.kind == TokenKind::Word
            && !t.in_quote
            && ((t.capitalised && !(t.sentence_start && contains(&LEXICON.openers, word)))
                || camel
                || t.possessive()
                || contains(&LEXICON.personal, word))
    })
}

/// A quotation introduced by the words before it in its sentence: after a
/// colon or comma in a sentence that names someone, or whose words before
/// the quotation hold a pronoun or a reporting verb ("As Ana Ruiz, a port
/// economist, put it: \"…\"", "At the bottom it reads, \"…\"", "a voice
/// over saying: \"…\""); or right after a reporting verb ("The ad claims
/// \"…\"").
fn introduced(prose: &Prose, scan: &Scan<'_>, q: &Quotation) -> bool {
    let Some(s) = prose.sentence_at(q.span.start) else {
        return false;
    };
    let sentence_start = prose.sentences[s].span.start;
    let before = prose.text[sentence_start..q.span.start]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '\'' | '"' | '‘' | '“'));
    if before.is_empty() {
        return false;
    }
    let lead_in = Span::new(sentence_start, sentence_start + before.len());
    let reporting = |h: &Hit| h.roles.has(Roles::REPORTING.or(Roles::NOUN_LIKE_VERB));
    let hits = scan.hits_in(lead_in);
    if before.ends_with([':', ',']) {
        let pronoun = prose.tokens[prose.sentences[s].tokens.clone()]
            .iter()
            .filter(|t| t.span.end <= lead_in.end && t.kind == TokenKind::Word)
            .any(|t| contains(&LEXICON.pronouns, prose.slice(t.word)));
        // A group introduces words too: "a threat many people make: …".
        let group = |h: &Hit| h.roles.has(Roles::GROUP);
        return names_someone(prose, s) || pronoun || hits.iter().any(|h| reporting(h) || group(h));
    }
    hits.last().is_some_and(|h| {
        h.span.end == lead_in.end && (reporting(h) || h.roles.has(Roles::CLAIM_NOUN))
    })
}

/// A paragraph that opens with a transcript label ("Q:", "A:", "RUIZ:",
/// "SEN. ANA RUIZ:"): the label is the speaker of its quotations.
fn labelled_paragraph(prose: &Prose, block: usize) -> bool {
    let block = prose.slice(prose.blocks[block].span).trim_start();
    block
        .split_once(':')
        .is_some_and(|(head, _)| is_label(head))
}

fn is_label(head: &str) -> bool {
    !head.is_empty()
        && head.len() <= LABEL_LEN
        && head.chars().any(char::is_alphabetic)
        && head.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        && !head.contains(['"', '“', '”'])
}

/// A quotation that answers the question just before it, or asks the one
/// just after it: an exchange whose speakers are the one asked and the one
/// asking (the paragraph before ends with a question, or the quotation is a
/// question and the next paragraph opens with a quotation or with the answer
/// of someone named: "A defensive Ruiz said the plan…").
fn in_exchange(prose: &Prose, scan: &Scan<'_>, q: &Quotation) -> bool {
    let ends_question = |b: usize| {
        prose
            .slice(prose.blocks[b].span)
            .trim_end()
            .trim_end_matches(is_closing_mark)
            .ends_with('?')
    };
    let answers = q.block > 0
        && prose.blocks[q.block].span.start == q.span.start
        && ends_question(q.block - 1);
    let asks = prose.slice(q.inner).trim_end().ends_with('?')
        && prose.blocks.get(q.block + 1).is_some_and(|next| {
            let opens_with_quotation = prose.quotations[next.quotations.clone()]
                .first()
                .is_some_and(|n| n.span.start == next.span.start);
            let answered = next.sentences.clone().next().is_some_and(|s| {
                scan.hits_in(prose.sentences[s].span)
                    .iter()
                    .any(|h| scan.is_marker(h))
            });
            opens_with_quotation || answered
        });
    answers || asks
}

fn is_closing_mark(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'')
}

/// A quotation that carries its own speaker: a transcript label at its start
/// ("WALLACE: Let's start…") or a dash and a name after it ("… ― Ana Ruiz").
fn labelled(prose: &Prose, q: &Quotation) -> bool {
    let inner = prose.slice(q.inner).trim_start();
    let label = inner
        .split_once(':')
        .is_some_and(|(head, _)| is_label(head));
    let after =
        prose.text[q.span.end..].trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    let signed = after
        .strip_prefix(['―', '—', '–', '-'])
        .map(str::trim_start)
        .and_then(|name| name.chars().next())
        .is_some_and(char::is_uppercase);
    label || signed
}

fn sentences_of(prose: &Prose, span: Span) -> std::ops::Range<usize> {
    let first = prose
        .sentences
        .partition_point(|s| s.span.end <= span.start);
    let end = prose.sentences.partition_point(|s| s.span.start < span.end);
    first..end.max(first)
}

#[cfg(test)]
mod tests;
