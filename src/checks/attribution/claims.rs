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

use super::clauses::{add_source, clause_break_between, is_closer, sourced};
use super::lexicon::{contains, Roles, LEXICON};
use super::scan::{is_between, Hit, Scan};
use crate::checks::{Context, Finding, Rule, RuleInfo, Severity};
use crate::prose::TokenKind;
use crate::span::Span;

static UNATTRIBUTED_CLAIM: RuleInfo = RuleInfo {
    code: "unattributed-claim",
    default_severity: Severity::Warning,
    summary: "A statement that needs a source and has none: \"is expected to\", \"reportedly\", \"was accused of\".",
    doc: include_str!("../../../docs/rules/unattributed-claim.md"),
};

/// How far after a count a casualty word may stand ("at least 50 people in the town were killed").
const COUNT_WINDOW: usize = 8;

pub struct UnattributedClaim;

impl Rule for UnattributedClaim {
    fn info(&self) -> &'static RuleInfo {
        &UNATTRIBUTED_CLAIM
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let scan = Scan::of(ctx);
        // The sentence and end of the last cue flagged: one finding per clause.
        let mut last: Option<(usize, usize)> = None;
        for hit in scan.hits.iter() {
            let same_clause = last.is_some_and(|(sentence, end)| {
                sentence == hit.sentence && !clause_break_between(&scan, end, hit.span.start)
            });
            if same_clause {
                continue;
            }
            let Some((span, message)) = claim(&scan, hit) else {
                continue;
            };
            if is_question(&scan, hit.sentence)
                || idiom(&scan, span)
                || sourced(&scan, hit.sentence, span)
            {
                continue;
            }
            last = Some((hit.sentence, span.end));
            let fix = add_source(&scan, hit.sentence, span.end);
            out.push(
                Finding::new(&UNATTRIBUTED_CLAIM, span, message)
                    .with_fix("Add a source", vec![fix]),
            );
        }
    }
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
    if roles.has(Roles::EXPECTATION) {
        if let Some(be) = be.filter(|_| !scan.agent_follows(last + 1)) {
            let message = format!(
                "{} by whom? This expectation has no source.",
                capitalised(&word)
            );
            return Some((span_to(be, to.unwrap_or(last)), message));
        }
    }
    if roles.has(Roles::PREDICTION) {
        if let (Some(be), Some(to)) = (be, to) {
            let message = if word.ends_with("likely") {
                "Likely according to whom? This prediction has no source."
            } else {
                "Who says so? This prediction has no source."
            };
            return Some((span_to(be, to), message.to_string()));
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
    if roles.has(Roles::CONCERN_NOUN)
        && scan.word_is(next, "that")
        && unowned_noun_before_content(scan, hit)
    {
        let holder = if word == "charges" {
            "makes them"
        } else {
            "holds them"
        };
        return Some((hit.span, format!("Whose {word}? Name who {holder}.")));
    }
    if roles.has(Roles::CLAIM_NOUN) && (unowned_noun_before_content(scan, hit) || there_is(scan, t))
    {
        let singular = !word.ends_with('s');
        let holder = match (word.trim_end_matches('s'), singular) {
            ("speculation", _) => "is speculating",
            ("allegation" | "accusation" | "claim", true) => "makes it",
            ("allegation" | "accusation" | "claim", false) => "makes them",
            ("suspicion", _) => "holds them",
            ("report", _) => "made them",
            _ => "spreads them",
        };
        return Some((hit.span, format!("Whose {word}? Name who {holder}.")));
    }
    let unagented = be.filter(|_| !scan.agent_follows(last + 1));
    if roles.has(Roles::REPORT_PASSIVE) && to.is_none() {
        if let Some(be) = unagented {
            let message = format!("{} by whom? Name the source.", capitalised(&word));
            return Some((span_to(be, last), message));
        }
    }
    if roles.has(Roles::CRITICISM) {
        if let Some(be) = unagented {
            let message = format!("{} by whom? Name the critics.", capitalised(&word));
            return Some((span_to(be, last), message));
        }
    }
    if roles.has(Roles::DISPUTE) {
        if let Some(be) = unagented {
            let message = format!("{} by whom? Name who disputes it.", capitalised(&word));
            return Some((span_to(be, last), message));
        }
    }
    if roles.has(Roles::CRITICISM_NOUN) && !scan.word_is(next, "from") && !scan.word_is(next, "by")
    {
        let from = facing_before(scan, t).or_else(|| {
            let unowned_criticism = matches!(word.as_str(), "criticism" | "condemnation")
                && unowned_noun_before_content(scan, hit);
            unowned_criticism.then_some(t)
        });
        if let Some(from) = from {
            let message = format!("{} from whom? Name the critics.", capitalised(&word));
            return Some((span_to(from, last), message));
        }
    }
    if roles.has(Roles::CHARACTERISATION) {
        if let Some(be) = be.filter(|&be| characterises(scan, hit, be)) {
            let mut words = word.split_whitespace();
            let participle = capitalised(words.next().unwrap_or(""));
            // "Seen as such by whom?", "Considered so by whom?"
            let such = if words.next().is_some() {
                "as such"
            } else {
                "so"
            };
            let message =
                format!("{participle} {such} by whom? This characterisation has no source.");
            return Some((span_to(be, last), message));
        }
    }
    if roles.has(Roles::APPEARANCE) {
        return appearance(scan, hit, &word);
    }
    if roles.has(Roles::CONCLUSION) {
        return conclusion(scan, hit, &word);
    }
    if roles.has(Roles::ESTIMATE) {
        let count = next.filter(|&n| is_number(scan, n))?;
        let message = "Estimated by whom? Give the source of this figure.".to_string();
        return Some((span_to(t, count), message));
    }
    if roles.has(Roles::CASUALTY_COUNT) {
        let count = next.filter(|&n| is_number(scan, n))?;
        if counts_casualties(scan, t, count, &word) {
            let message = "Who counted? Give the source of this figure.".to_string();
            return Some((span_to(t, count), message));
        }
    }
    None
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

/// "allegations that", "accusations of": with no owner (see
/// [`Scan::owned_or_named`]) and no article pointing back to allegations already
/// reported.
fn unowned_noun_before_content(scan: &Scan<'_>, hit: &Hit) -> bool {
    let next = scan.next_word(hit.tokens.end - 1);
    let introduces = ["that", "of", "about"]
        .iter()
        .any(|w| scan.word_is(next, w));
    let points_back = scan
        .prev_word(hit.tokens.start)
        .is_some_and(|p| contains(&LEXICON.back_references, scan.word(p)));
    introduces && !points_back && !scan.owned_or_named(hit)
}

/// "there has been much speculation": a claim noun that merely exists, with
/// no one behind it.
fn there_is(scan: &Scan<'_>, t: usize) -> bool {
    let mut at = t;
    for _ in 0..4 {
        let Some(p) = scan.prev_word(at) else {
            return false;
        };
        let word = scan.word(p);
        if word.eq_ignore_ascii_case("there") {
            return at != t;
        }
        let filler = scan.is_be(p)
            || is_between(word)
            || [
                "much",
                "some",
                "little",
                "growing",
                "mounting",
                "widespread",
            ]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w));
        if !filler {
            return false;
        }
        at = p;
    }
    false
}

/// A verb of facing within three words before a criticism noun ("came under
/// withering criticism", "drew scrutiny").
fn facing_before(scan: &Scan<'_>, t: usize) -> Option<usize> {
    let mut at = t;
    for _ in 0..3 {
        at = scan.prev_word(at)?;
        if let Some(h) = scan.hit_at(at).filter(|h| h.roles.has(Roles::FACING)) {
            return Some(h.tokens.start);
        }
    }
    None
}

/// "is considered a threat", "is seen as", "was labeled \"Mostly True\"":
/// not "is being considered" (under deliberation) nor "considered by".
fn characterises(scan: &Scan<'_>, hit: &Hit, be: usize) -> bool {
    let last = hit.tokens.end - 1;
    if scan.word(be).eq_ignore_ascii_case("being") || scan.agent_follows(hit.tokens.start + 1) {
        return false;
    }
    if hit.tokens.len() > 1 {
        return true;
    }
    let opens_quote = scan
        .prose
        .tokens
        .get(last + 1)
        .is_some_and(|t| matches!(scan.prose.slice(t.span), "\"" | "“" | "‘" | "'"));
    let next = scan.next_word(last);
    opens_quote
        || ["a", "an", "the", "one", "to", "among", "likely", "unlikely"]
            .iter()
            .any(|w| scan.word_is(next, w))
}

/// "appears to", "seemed to", "it appears that", "seems like", "seems too
/// risky", "looks unlikely", unless the writer speaks for themselves ("I seem
/// to") or says to whom ("seems to me", "seemed credible to them", "seemed
/// far away to European voters").
fn appearance(scan: &Scan<'_>, hit: &Hit, word: &str) -> Option<(Span, String)> {
    const OBJECTS: [&str; 7] = ["me", "us", "him", "her", "them", "many", "some"];
    let last = hit.tokens.end - 1;
    let next = scan.next_word(last)?;
    let follows = |w: &str| scan.word_is(Some(next), w);
    // "to me" right after the verb, or after its adjective ("credible to me").
    let mut ahead = Some(next);
    let mut to_someone = false;
    for _ in 0..3 {
        let Some(at) = ahead else { break };
        let after = scan.next_word(at);
        let someone = after.is_some_and(|a| {
            OBJECTS.iter().any(|w| scan.word_is(Some(a), w))
                || scan.token(a).capitalised
                || contains(&LEXICON.determiners, scan.word(a))
        });
        to_someone |= scan.word_is(Some(at), "to") && someone;
        ahead = after;
    }
    let introduces = if word.starts_with("look") {
        follows("likely") || follows("unlikely")
    } else if word.starts_with("seem") {
        // "seem" links its subject to a judgement, whatever follows.
        scan.token(next).kind == TokenKind::Word
    } else {
        ["that", "like", "likely", "unlikely", "to"]
            .iter()
            .any(|w| follows(w))
    };
    let (subject, _) = scan.before_between(hit.tokens.start);
    let writer = ["i", "we"].iter().any(|w| scan.word_is(subject, w));
    if !introduces || writer || to_someone {
        return None;
    }
    let verb = if word.starts_with("seem") {
        "Seems"
    } else if word.starts_with("look") {
        "Looks"
    } else {
        "Appears"
    };
    let span = Span::new(hit.span.start, scan.token(next).span.end);
    Some((
        span,
        format!("{verb} so to whom? Say who draws this conclusion."),
    ))
}

/// "it is clear that", "it was obvious": a conclusion with no one who drew it.
fn conclusion(scan: &Scan<'_>, hit: &Hit, word: &str) -> Option<(Span, String)> {
    let (before, negated) = scan.before_between(hit.tokens.start);
    let be = before.filter(|&b| scan.is_be(b))?;
    let it = if scan.word(be).to_ascii_lowercase().starts_with("it") {
        be
    } else {
        // "it is", "it should be", "it has long been"
        let (subject, modal_negated) = scan.before_between(be);
        if modal_negated {
            return None;
        }
        subject.filter(|&p| scan.word_is(Some(p), "it"))?
    };
    if negated {
        return None;
    }
    let span = Span::new(scan.token(it).span.start, hit.span.end);
    Some((
        span,
        format!(
            "{} to whom? Say who draws this conclusion.",
            capitalised(word)
        ),
    ))
}

fn is_number(scan: &Scan<'_>, t: usize) -> bool {
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
    let mut at = count;
    for _ in 0..COUNT_WINDOW {
        let Some(n) = scan.next_word(at) else {
            return false;
        };
        if casualty_at(n) {
            return true;
        }
        if open_ended && scan.is_be(n) {
            let participle = scan.next_word(n).map(|p| scan.word(p).to_ascii_lowercase());
            if participle.is_some_and(|p| p.ends_with("ed")) {
                return true;
            }
        }
        at = n;
    }
    false
}

fn is_question(scan: &Scan<'_>, sentence: usize) -> bool {
    let text = scan.prose.slice(scan.prose.sentences[sentence].span);
    text.trim_end_matches(is_closer).ends_with('?')
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::Actors;
    use crate::config::Settings;
    use crate::document::Language;

    /// The cue each finding covers, and the text with its fix applied.
    fn flagged(text: &str) -> Vec<(String, String)> {
        let prose = crate::prose::parse(text, Language::Markdown, &mut Default::default());
        let settings = Settings::default();
        let actors = Actors::default();
        let ctx = Context::new(text, &prose, &actors, &settings);
        let mut out = Vec::new();
        UnattributedClaim.check(&ctx, &mut out);
        out.iter()
            .map(|f| {
                let edit = &f.fixes[0].edits[0];
                let mut fixed = text.to_string();
                fixed.replace_range(edit.span.start..edit.span.end, &edit.replacement);
                (f.span.of(text).to_string(), fixed)
            })
            .collect()
    }

    fn cues(text: &str) -> Vec<String> {
        flagged(text).into_iter().map(|(cue, _)| cue).collect()
    }

    #[test]
    fn expectations_and_predictions() {
        assert_eq!(
            cues("The envoy is also expected to discuss trade. Talks are likely to resume. The vote is set to pass. Results are expected Tuesday. Berg is expected to attend, and Norway is likely to send an observer."),
            vec!["is also expected to", "are likely to", "is set to", "are expected", "is expected to", "is likely to"]
        );
    }

    #[test]
    fn hearsay_accusations_and_criticism() {
        assert_eq!(
            cues("The mayor reportedly left. He is said to have quit. The firm was accused of fraud. The plan has been widely criticized. The council faced sharp criticism. The company faces allegations that it lied."),
            vec!["reportedly", "is said to", "was accused of", "has been widely criticized", "faced sharp criticism", "allegations"]
        );
    }

    #[test]
    fn characterisations_appearances_conclusions_and_figures() {
        assert_eq!(
            cues("He is widely seen as the favourite. The group is considered a threat. The fire appears to have spread. It is clear that the plan failed. An estimated 10,000 people marched. At least 50 people were killed. At least 12 cables have been damaged."),
            vec!["is widely seen as", "is considered", "appears to", "It is clear", "An estimated 10,000", "At least 50", "At least 12"]
        );
    }

    #[test]
    fn a_source_in_a_clause_that_follows_the_claim_must_not_be_subordinate() {
        assert_eq!(
            cues("The senator is drawing criticism after he appeared to suggest a cut. It is clear that voters want answers. The plan seems to be a polarizing question."),
            vec!["drawing criticism", "It is clear", "seems to"]
        );
        assert_eq!(
            cues("The strategy seems clear. Home equity seems too risky. There has been much speculation in the town."),
            vec!["seems clear", "seems too", "speculation"]
        );
        assert_eq!(
            cues("Officials who said the plan is expected to pass were thanked. The plan is expected to pass, officials said."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn sourced_sentences_quotations_and_agents_stay_quiet() {
        for text in [
            "The envoy is expected to discuss trade, the ministry said.",
            "According to the ministry, the envoy is expected to discuss trade.",
            "The envoy is expected by diplomats to discuss trade.",
            "Analysts expected the envoy to discuss trade.",
            "“The envoy is expected to discuss trade,” she said.",
            "The bill is being considered in the Senate.",
            "It is not clear whether the plan failed.",
            "I seem to have lost it.",
            "The plan seems to me a good one.",
            "The plan seemed credible to them.",
            "The war seemed far away to European voters.",
            "Lepp charges that the port is too small.",
            "As expected, the vote passed.",
            "The vote passed, as might be expected.",
            "Maybe it is to be expected.",
            "Is the envoy expected to attend?",
            "More than 100 countries signed the pact.",
            "The allegations were first made in May.",
            "The plan was criticized by the mayor.",
        ] {
            assert_eq!(cues(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn the_fix_ends_the_claim_s_clause() {
        let cases = [
            (
                "Macron is expected to visit China this week, after hosting Zelensky in Paris.",
                "Macron is expected to visit China this week, according to TK, after hosting Zelensky in Paris.",
            ),
            (
                "Macron is expected to discuss trade, security and climate.",
                "Macron is expected to discuss trade, security and climate, according to TK.",
            ),
            (
                "Berg is expected to join the talks, and Norway will send an observer.",
                "Berg is expected to join the talks, according to TK, and Norway will send an observer.",
            ),
            (
                "The deal is expected to be called \"a win.\"",
                "The deal is expected to be called \"a win,\" according to TK.",
            ),
            (
                "The mayor reportedly resigned; the council met.",
                "The mayor reportedly resigned, according to TK; the council met.",
            ),
        ];
        for (text, fixed) in cases {
            assert_eq!(flagged(text)[0].1, fixed);
        }
    }
}
