//! `unattributed-claim`: expectations, hearsay, accusations, criticism,
//! characterisations, conclusions and estimated figures with no source.
//!
//! A cue (claim-cues.txt) is read with the grammar around it: "expected" is an
//! expectation only after a form of "be" and with no agent ("is also expected
//! to", not "analysts expected" nor "expected by analysts"). The rule stays
//! quiet in headlines, inside quotations, in questions, and when the sentence
//! names a source in the cue's own clause or in a main clause (see
//! [`sourced`]). One finding per clause, on its first cue, with an "Add a
//! source" fix that ends the claim's clause with ", according to TK".

use super::clauses::{
    add_source, continues_an_account, is_closer, sourced, ClauseBreaks, SentenceClauses,
};
use super::lexicon::{contains, Roles, LEXICON};
use super::scan::{Hit, Scan};
use super::{citations, judgements, nouns, per_block};
use crate::checks::{Context, Finding, Rule, RuleInfo, Severity};
use crate::prose::{BlockKind, TokenKind};
use crate::span::Span;

static UNATTRIBUTED_CLAIM: RuleInfo = RuleInfo {
    code: "unattributed-claim",
    default_severity: Severity::Warning,
    summary: "A statement that needs a source and has none: \"is expected to\", \"reportedly\", \"was accused of\".",
    doc: include_str!("../../../docs/rules/unattributed-claim.md"),
};

/// How far after a count a casualty word may stand ("at least 50 people in the town were killed").
const COUNT_WINDOW: usize = 8;

/// How many words may stand between "with" and an expectation ("with both
/// the president and his wife expected to").
const WITH_PHRASE_WORDS: usize = 7;

pub struct UnattributedClaim;

impl Rule for UnattributedClaim {
    fn info(&self) -> &'static RuleInfo {
        &UNATTRIBUTED_CLAIM
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let scan = Scan::of(ctx);
        let mut memo = ctx.memo.map(|memo| memo.scan.borrow_mut());
        let memo = memo.as_deref_mut().map(|memo| &mut memo.claims);
        per_block::run(
            ctx,
            &scan,
            memo,
            |hits, out| claims(ctx, &scan, hits, out),
            out,
        );
    }
}

/// The claims among the hits of one block.
fn claims(ctx: &Context<'_>, scan: &Scan<'_>, hits: &[Hit], out: &mut Vec<Finding>) {
    // The sentence and end of the last cue flagged: one finding per clause.
    let mut last: Option<usize> = None;
    let mut breaks = ClauseBreaks::after(scan, 0);
    // Whether the sentence before ends with its speaker, per sentence.
    let mut account: Option<(usize, bool)> = None;
    // Whether a sentence cites a work, for the last sentence asked.
    let mut cited: Option<(usize, bool)> = None;
    let mut clauses = SentenceClauses::default();
    for hit in hits {
        let same_clause = last.is_some_and(|sentence| {
            sentence == hit.sentence && !breaks.before(scan, hit.span.start)
        });
        if same_clause {
            continue;
        }
        let Some((span, message)) = claim(scan, hit) else {
            continue;
        };
        if is_question(scan, hit.sentence)
            || answers_a_question(scan, hit.sentence)
            || idiom(scan, span)
            || sourced(scan, hit.sentence, span, &mut clauses)
        {
            continue;
        }
        let cites = match cited {
            Some((sentence, cites)) if sentence == hit.sentence => cites,
            _ => {
                let cites = citations::cites_a_work(ctx.text, scan.prose, hit.sentence);
                cited = Some((hit.sentence, cites));
                cites
            }
        };
        if cites {
            continue;
        }
        if describes(scan, hit) {
            let continues = match account {
                Some((sentence, continues)) if sentence == hit.sentence => continues,
                _ => {
                    let continues = continues_an_account(scan, hit.sentence);
                    account = Some((hit.sentence, continues));
                    continues
                }
            };
            if continues {
                continue;
            }
        }
        last = Some(hit.sentence);
        breaks = ClauseBreaks::after(scan, span.end);
        let fix = add_source(scan, hit.sentence, span.end);
        out.push(
            Finding::new(&UNATTRIBUTED_CLAIM, span, message).with_fix("Add a source", vec![fix]),
        );
    }
}

/// A record or a description ("was reported", "is described as"), which a
/// speaker's account may go on to give in the sentence after the speaker's.
fn describes(scan: &Scan<'_>, hit: &Hit) -> bool {
    hit.roles.has(Roles::REPORT_PASSIVE)
        || (hit.roles.has(Roles::CHARACTERISATION)
            && scan
                .prose
                .slice(hit.span)
                .to_ascii_lowercase()
                .starts_with("described"))
}

/// "you are not expected to tip", "we're expected to pay", "men are
/// customarily expected to serve": an obligation on the writer or the
/// reader, or a custom; a norm, not anyone's forecast. ("Generally
/// expected" stays a forecast: news uses it for a consensus.)
fn norm(scan: &Scan<'_>, t: usize) -> bool {
    const CUSTOM: [&str; 5] = [
        "usually",
        "normally",
        "typically",
        "traditionally",
        "customarily",
    ];
    // The subject before "be" ("you are"), or joined to it ("we're").
    let be = passive_be(scan, t).unwrap_or(t);
    let (before_be, _) = scan.before_between(be);
    let in_person = [Some(be), before_be].into_iter().flatten().any(|s| {
        let word = scan.word(s);
        let pronoun = word.split(['\'', '’']).next().unwrap_or(word);
        ["i", "we", "you"]
            .iter()
            .any(|w| pronoun.eq_ignore_ascii_case(w))
    });
    let custom = scan
        .prev_words(t)
        .take(2)
        .any(|p| CUSTOM.iter().any(|w| scan.word_is(Some(p), w)));
    in_person || custom
}

/// The cue's span and the finding's message, if the hit is a claim cue in its
/// grammar.
fn claim(scan: &Scan<'_>, hit: &Hit) -> Option<(Span, String)> {
    let roles = hit.roles;
    if !roles.has(Roles::CUES) {
        return None;
    }
    let word = scan.prose.slice(hit.span).to_ascii_lowercase();
    let t = hit.tokens.start;
    let last = hit.tokens.end - 1;
    let next = scan.next_word(last);
    let to = scan.word_is(next, "to").then_some(next).flatten();
    let be = passive_be(scan, t);
    let span_to =
        |from: usize, to: usize| Span::new(scan.token(from).span.start, scan.token(to).span.end);
    if roles.has(Roles::EXPECTATION) && !scan.agent_follows(last + 1) && !norm(scan, t) {
        let from = be.or_else(|| with_expected(scan, t).then_some(t));
        if let Some(from) = from {
            let message = format!(
                "{} by whom? This expectation has no source.",
                capitalised(&word)
            );
            return Some((span_to(from, to.unwrap_or(last)), message));
        }
    }
    if roles.has(Roles::PREDICTION) {
        if let (Some(be), Some(to)) = (be, to) {
            let message = "Who says so? This prediction has no source.".to_string();
            return Some((span_to(be, to), message));
        }
    }
    // In a text told in person ("you will find…") an imperative is the
    // writer's advice to the reader, as plainly theirs as an impression.
    if roles.has(Roles::IMPERATIVE) && !scan.in_person() {
        if let Some(start) = scan.imperative(t) {
            let message = "Says who? This prediction has no source.".to_string();
            return Some((span_to(start, last), message));
        }
    }
    if roles.has(Roles::HEARSAY) {
        let message = match word.as_str() {
            "reportedly" => "Reported by whom? Name the source of this report.",
            "allegedly" => "Alleged by whom? Name who makes the allegation.",
            _ => "Says who? Name the source of this claim.",
        };
        return Some((hit.span, message.to_string()));
    }
    if roles.has(Roles::HEARSAY_PASSIVE) {
        if let (Some(be), Some(to)) = (be, to) {
            let message = format!(
                "{} by whom? This hearsay has no source.",
                capitalised(&word)
            );
            return Some((span_to(be, to), message));
        }
    }
    if roles.has(Roles::ACCUSATION) {
        if let Some(be) = be.filter(|_| !scan.agent_follows(last + 1)) {
            let participle = word.split_whitespace().next().unwrap_or("");
            let message = format!(
                "{} by whom? Name who makes the accusation.",
                capitalised(participle)
            );
            return Some((span_to(be, last), message));
        }
    }
    if let Some(found) = nouns::claim(scan, hit, &word) {
        return Some(found);
    }
    let unagented = be.filter(|_| !scan.agent_follows(last + 1));
    if roles.has(Roles::REPORT_PASSIVE) && to.is_none() && !is_record(scan, be, last) {
        if let Some(be) = unagented {
            let message = format!("{} by whom? Name the source.", capitalised(&word));
            return Some((span_to(be, last), message));
        }
    }
    let unagented = unagented.filter(|&be| {
        !(roles.has(Roles::CRITICISM.or(Roles::PRAISE)) && verdict_or_wish(scan, be, t))
    });
    if roles.has(Roles::CRITICISM) {
        if let Some(be) = unagented {
            let message = format!("{} by whom? Name the critics.", capitalised(&word));
            return Some((span_to(be, last), message));
        }
    }
    if roles.has(Roles::PRAISE) {
        if let Some(be) = unagented {
            let message = format!("{} by whom? Name who gives the praise.", capitalised(&word));
            return Some((span_to(be, last), message));
        }
    }
    if roles.has(Roles::FIGURE_PASSIVE) && (to.is_some() || scan.word_is(next, "at")) {
        if let Some(be) = unagented {
            let message = "Estimated by whom? Give the source of this figure.".to_string();
            return Some((span_to(be, last), message));
        }
    }
    if roles.has(Roles::DISPUTE) {
        if let Some(be) = unagented {
            let message = format!("{} by whom? Name who disputes it.", capitalised(&word));
            return Some((span_to(be, last), message));
        }
    }
    if roles.has(Roles::CHARACTERISATION) {
        if let Some(found) = judgements::characterisation(scan, hit, be, &word) {
            return Some(found);
        }
    }
    if roles.has(Roles::APPEARANCE) {
        return judgements::appearance(scan, hit, &word);
    }
    if roles.has(Roles::CONCLUSION) {
        return judgements::conclusion(scan, hit, &word);
    }
    if roles.has(Roles::ESTIMATE) {
        let count = next.filter(|&n| is_number(scan, n))?;
        let message = "Estimated by whom? Give the source of this figure.".to_string();
        return Some((span_to(t, count), message));
    }
    if roles.has(Roles::CASUALTY_COUNT) {
        let count = next.filter(|&n| is_number(scan, n))?;
        if counts_casualties(scan, t, count, &word) && !dated_before(scan, t) {
            let message = "Who counted? Give the source of this figure.".to_string();
            return Some((span_to(t, count), message));
        }
    }
    None
}

/// A report-passive that records rather than claims: negated ("have not
/// been confirmed", "No survivors have been confirmed") or followed by a
/// status ("was reported missing", "were confirmed dead").
fn is_record(scan: &Scan<'_>, be: Option<usize>, last: usize) -> bool {
    let Some(be) = be else {
        return false;
    };
    let status = scan
        .next_word(last)
        .and_then(|n| scan.hit_at(n))
        .is_some_and(|h| h.roles.has(Roles::CASUALTY));
    let mut negated = false;
    for p in scan.prev_words(last) {
        let word = scan.word(p);
        negated |= is_negative(word);
        // The auxiliaries, then up to two words of the subject ("No survivors").
        if p < be && !contains(&LEXICON.between, word) && !scan.is_be(p) {
            let subject_negated =
                is_negative(word) || scan.prev_word(p).is_some_and(|q| is_negative(scan.word(q)));
            return status || negated || subject_negated;
        }
    }
    status || negated
}

fn is_negative(word: &str) -> bool {
    let lower = word.to_ascii_lowercase().replace('’', "'");
    matches!(
        lower.as_str(),
        "not" | "no" | "never" | "none" | "nobody" | "nothing" | "neither"
    ) || lower.ends_with("n't")
}

/// Whether a year stands before the cue in its sentence: "the 1998 floods
/// killed more than 40 people" is a settled historical figure.
fn dated_before(scan: &Scan<'_>, t: usize) -> bool {
    let sentence =
        &scan.prose.sentences[scan.prose.sentences.partition_point(|s| s.tokens.end <= t)];
    (sentence.tokens.start..t).any(|k| {
        let token = scan.token(k);
        let word = scan.word(k);
        token.kind == TokenKind::Number
            && word.len() == 4
            && word.parse::<u16>().is_ok_and(|y| (1800..2100).contains(&y))
    })
}

/// "with the vote expected on Friday", "with prices forecast to rise": an
/// absolute phrase, whose participle has no "be" and no subject of its own.
fn with_expected(scan: &Scan<'_>, t: usize) -> bool {
    for (i, p) in scan.prev_words(t).take(WITH_PHRASE_WORDS).enumerate() {
        let word = scan.word(p);
        if word.eq_ignore_ascii_case("with") {
            // Not "with expected": a subject stands between.
            return i > 0;
        }
        if scan.is_be(p) || contains(&LEXICON.personal, word) || scan.hit_at(p).is_some() {
            return false;
        }
    }
    false
}

/// "as expected", "as might be expected", "it is to be expected.": set
/// phrases that predict nothing.
fn idiom(scan: &Scan<'_>, span: Span) -> bool {
    let Some(first) = scan.prose.token_at(span.start) else {
        return false;
    };
    let before = scan.prev_word(first);
    let last = scan.prose.token_at(span.end - 1).unwrap_or(first);
    scan.word_is(before, "as") || (scan.word_is(before, "to") && scan.next_word(last).is_none())
}

/// The form of "be" that makes the word at `t` a passive, with the
/// auxiliaries before it ("is also expected", "has been widely criticized").
/// "should be applauded", "deserves to be criticised", "God be praised":
/// the writer's own verdict or wish, not praise or criticism someone gave.
/// A modal of duty stands in the verb phrase, or a bare "be" opens it.
fn verdict_or_wish(scan: &Scan<'_>, be: usize, t: usize) -> bool {
    const DUTY: [&str; 6] = ["should", "must", "shall", "ought", "deserve", "deserves"];
    let duty = |k: Option<usize>| DUTY.iter().any(|w| scan.word_is(k, w));
    // The phrase from its first auxiliary ("should be", "shall be").
    let in_phrase = (be..t).any(|k| duty(Some(k)));
    // "ought to be", "deserves to be".
    let before = scan.prev_word(be);
    let to = scan.word_is(before, "to");
    let infinitive_of_duty = to && duty(before.and_then(|b| scan.prev_word(b)));
    // "God be praised": no auxiliary, no "to".
    let bare = scan.word_is(Some(be), "be") && !to;
    in_phrase || infinitive_of_duty || bare
}

fn passive_be(scan: &Scan<'_>, t: usize) -> Option<usize> {
    let (before, _) = scan.before_between(t);
    let mut be = before.filter(|&b| scan.is_be(b))?;
    while let Some(p) = scan
        .prev_word(be)
        .filter(|&p| contains(&LEXICON.between, scan.word(p)))
    {
        be = p;
    }
    Some(be)
}

pub(super) fn is_number(scan: &Scan<'_>, t: usize) -> bool {
    scan.token(t).kind == TokenKind::Number
        || matches!(
            scan.word(t).to_ascii_lowercase().as_str(),
            "dozens"
                | "hundreds"
                | "thousands"
                | "millions"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "twelve"
                | "twenty"
        )
}

/// Whether a count ("at least 50") counts casualties or, for the open-ended
/// counts, the people or things something was done to ("at least 12 cables
/// have been damaged").
fn counts_casualties(scan: &Scan<'_>, start: usize, count: usize, phrase: &str) -> bool {
    let open_ended = matches!(phrase, "at least" | "as many as" | "up to");
    let casualty_at = |t: usize| scan.hit_at(t).is_some_and(|h| h.roles.has(Roles::CASUALTY));
    if scan.prev_word(start).is_some_and(casualty_at) {
        return true;
    }
    for n in scan.next_words(count).take(COUNT_WINDOW) {
        if casualty_at(n) {
            return true;
        }
        if open_ended && scan.is_be(n) {
            let participle = scan.next_word(n).map(|p| scan.word(p).to_ascii_lowercase());
            if participle.is_some_and(|p| p.ends_with("ed")) {
                return true;
            }
        }
    }
    false
}

/// How many sentences an interviewer's question paragraph may hold.
const QUESTION_SENTENCES: usize = 2;

/// Whether the sentence stands in a paragraph that answers an interviewer's
/// question: the paragraph before is a short question of the writer's own
/// (at most [`QUESTION_SENTENCES`] sentences, ending with a question mark
/// outside quotation marks). The answer's speaker is the one asked. Not a
/// question quoted from someone ("…, okay?\""), nor a long paragraph that
/// ends by asking one.
fn answers_a_question(scan: &Scan<'_>, sentence: usize) -> bool {
    let prose = scan.prose;
    let block = prose.sentences[sentence].block;
    block.checked_sub(1).is_some_and(|before| {
        let before = &prose.blocks[before];
        prose.slice(before.span).trim_end().ends_with('?')
            && before.sentences.len() <= QUESTION_SENTENCES
            && before.kind != BlockKind::Heading
    })
}

fn is_question(scan: &Scan<'_>, sentence: usize) -> bool {
    let text = scan.prose.slice(scan.prose.sentences[sentence].span);
    text.trim_end_matches(is_closer).ends_with('?')
}

pub(super) fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests;
