//! `vague-attribution`: sources no reader could identify or check.
//!
//! An unnamed group (vague-sources.txt) is flagged when it is the source of a
//! reporting verb ("critics say", "some experts believe", "say analysts",
//! "sources said") or follows "according to", unless it is described
//! ("sources familiar with the talks", "a source who spoke on condition of
//! anonymity"), owned or qualified by a name ("his critics", "Kremlin
//! sources"), joined to a name ("Ana Ruiz and other economists"), points
//! back to people already named ("the critics"), or is a benchmark or a
//! hypothesis ("than analysts expected", "if people think").
//! Impersonal attributions ("it is believed") are flagged unless the sentence
//! names a source as well.

use super::lexicon::{contains, Roles, LEXICON};
use super::scan::{is_between, Hit, Scan};
use super::{citations, per_block};
use crate::checks::{Context, Finding, Rule, RuleInfo, Severity};
use crate::prose::TokenKind;
use crate::span::Span;

static VAGUE_ATTRIBUTION: RuleInfo = RuleInfo {
    code: "vague-attribution",
    default_severity: Severity::Warning,
    summary: "A source too vague to check: \"critics say\", \"it is believed\", \"sources said\".",
    doc: include_str!("../../../docs/rules/vague-attribution.md"),
};

/// How many words may stand between a group and its verb ("critics of the
/// new port have long said").
const SUBJECT_REACH: usize = 8;

/// How many describing words may stand between "and" and a group ("Ward and
/// other digital security experts").
const DESCRIBING_WORDS: usize = 3;

/// How long an "of" phrase after a group may be ("critics of the new port").
const OF_PHRASE_WORDS: usize = 4;

pub struct VagueAttribution;

impl Rule for VagueAttribution {
    fn info(&self) -> &'static RuleInfo {
        &VAGUE_ATTRIBUTION
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let scan = Scan::of(ctx);
        let mut memo = ctx.memo.map(|memo| memo.scan.borrow_mut());
        let memo = memo.as_deref_mut().map(|memo| &mut memo.vague);
        per_block::run(
            ctx,
            &scan,
            memo,
            |hits, out| vague(ctx, &scan, hits, out),
            out,
        );
    }
}

/// The vague sources among the hits of one block.
fn vague(ctx: &Context<'_>, scan: &Scan<'_>, hits: &[Hit], out: &mut Vec<Finding>) {
    for hit in hits {
        let span = if hit.roles.has(Roles::GROUP) {
            vague_group(scan, hit)
        } else if hit.roles.has(Roles::IMPERSONAL) && !named_source(scan, hit.sentence) {
            Some(hit.span)
        } else {
            None
        };
        let Some(span) = span else { continue };
        // "some experts say … (Ruiz 2019; Moe 2004)": the
        // citation names them.
        if citations::cites_a_work(ctx.text, ctx.prose, hit.sentence) {
            continue;
        }
        let phrase = ctx.prose.slice(span);
        let message = if matches!(
            scan.word(hit.tokens.start).to_ascii_lowercase().as_str(),
            "source" | "sources"
        ) {
            format!("Which sources? \"{phrase}\" does not say who they are: describe them, and say why they cannot be named.")
        } else {
            format!("Who says so? \"{phrase}\" is a source no reader can check: name it, or describe it and say why it cannot be named.")
        };
        out.push(Finding::new(&VAGUE_ATTRIBUTION, span, message));
    }
}

/// The span of "critics say" (or "say critics", "according to experts") when
/// the group at `hit` is an undescribed source.
fn vague_group(scan: &Scan<'_>, hit: &Hit) -> Option<Span> {
    let t = hit.tokens.start;
    // "The Charlotte Observer found", "Business Insider reported": names.
    let group = scan.token(t);
    let in_name = scan
        .prev_word(t)
        .is_some_and(|p| scan.token(p).capitalised || scan.word(p).eq_ignore_ascii_case("the"));
    if group.capitalised && !group.sentence_start && in_name {
        return None;
    }
    // "some- thing": a word broken at a line end, not a group.
    if scan.prose.text[group.span.end..].starts_with("- ") {
        return None;
    }
    // "some experts": the group is the second word.
    if scan
        .next_word(t)
        .and_then(|n| scan.hit_at(n))
        .is_some_and(|h| h.roles.has(Roles::GROUP))
    {
        return None;
    }
    let mut first = t;
    while let Some(p) = scan
        .prev_word(first)
        .filter(|&p| contains(&LEXICON.quantifiers, scan.word(p)))
    {
        first = p;
    }
    let before = scan.prev_word(first);
    if scan.token(t).possessive()
        || listed_with_others(scan, first, t)
        || joined_to_a_name(scan, first)
        || benchmark_or_hypothesis(scan, first)
    {
        // "Ward and other security experts", "as many had hoped", "than
        // analysts expected", "if people think": a named source with the
        // group, a benchmark, or a hypothesis, not a vague source.
        return None;
    }
    // Inverted: "…, say critics." or "according to experts".
    if let Some(b) = before.and_then(|b| scan.hit_covering(b)) {
        let according = b.roles.has(Roles::PHRASE)
            && scan
                .prose
                .slice(b.span)
                .eq_ignore_ascii_case("according to");
        let says = contains(&LEXICON.inverted_verbs, scan.prose.slice(b.span)) && scan.is_marker(b);
        if according || says {
            return (ends_phrase(scan, t) && !described_after(scan, t))
                .then(|| Span::new(b.span.start, hit.span.end));
        }
    }
    // "defended people accused of…": a group after a verb is its object;
    // so is "some" or "many" after a participle ("causing some worry").
    let object = before.is_some_and(|b| {
        let word = scan.word(b);
        let participle = (word.ends_with("ing") || word.ends_with("ed"))
            && !scan.token(b).capitalised
            && contains(&LEXICON.quantifiers, scan.word(t));
        match scan.hit_covering(b) {
            Some(h) => h.roles.has(Roles::REPORTING),
            None => participle,
        }
    });
    if object || before.is_some_and(|b| qualifies(scan, b, t)) {
        return None;
    }
    let verb = verb_of_subject(scan, t)?;
    let verb_word = scan.word(verb.tokens.start);
    // "others spoke on condition of anonymity": the group is described.
    if scan
        .next_word(verb.tokens.end - 1)
        .and_then(|n| scan.hit_at(n))
        .is_some_and(|h| h.roles.has(Roles::DESCRIPTION))
    {
        return None;
    }
    // "people believe in the town", "how people think": a belief with no
    // proposition, or a question about what a group thinks.
    let after_verb = scan.next_word(verb.tokens.end - 1);
    let believes_in = verb.roles.has(Roles::BELIEF)
        && after_verb.is_some_and(|n| contains(&LEXICON.prepositions, scan.word(n)));
    let asks = ["how", "why", "whether"]
        .iter()
        .any(|w| scan.word_is(before, w));
    if believes_in || asks {
        return None;
    }
    // "what some call the Charleston loophole": a label, not a claim.
    if scan.word_is(before, "what") && verb_word.to_ascii_lowercase().starts_with("call") {
        return None;
    }
    // "Some saying goes": an -ing form after a bare group is a noun, but
    // "with critics saying" is a source.
    if verb_word.ends_with("ing") && !scan.word_is(before, "with") {
        return None;
    }
    // A plural group takes "say", not "says": "some calls" is a noun phrase.
    if is_plural(scan.word(t)) && verb_word.ends_with('s') {
        return None;
    }
    Some(Span::new(scan.token(first).span.start, verb.span.end))
}

fn is_plural(group: &str) -> bool {
    let lower = group.to_ascii_lowercase();
    lower.ends_with('s') || matches!(lower.as_str(), "some" | "many" | "people" | "few")
}

/// "Obama, others vow…": a group that ends a list of named sources.
fn listed_with_others(scan: &Scan<'_>, first: usize, t: usize) -> bool {
    first == t
        && first > 0
        && scan.word(t).eq_ignore_ascii_case("others")
        && scan.prose.slice(scan.token(first - 1).span) == ","
}

/// Whether the group ends its phrase: punctuation, the end of the sentence, or
/// a description follows ("said a source close to the talks").
fn ends_phrase(scan: &Scan<'_>, t: usize) -> bool {
    scan.next_word(t).is_none_or(|n| {
        scan.hit_at(n)
            .is_some_and(|h| h.roles.has(Roles::DESCRIPTION))
    })
}

/// "as many had hoped", "than analysts expected", "than most party insiders
/// expected", "if people think": a benchmark or a hypothesis, not a source.
/// "as", "than", "if" or "unless" stands before the group, its quantifiers
/// and at most [`DESCRIBING_WORDS`] lowercase words that describe it.
fn benchmark_or_hypothesis(scan: &Scan<'_>, first: usize) -> bool {
    for p in scan.prev_words(first).take(DESCRIBING_WORDS + 1) {
        let word = scan.word(p);
        if ["as", "than", "if", "unless"]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
        {
            return true;
        }
        let describing = contains(&LEXICON.quantifiers, word)
            || !(scan.token(p).capitalised || scan.hit_at(p).is_some() || scan.is_be(p));
        if !describing {
            return false;
        }
    }
    false
}

/// Whether the words before a group (and its quantifiers) point back, own
/// it, count it, or qualify it with a name ("Kremlin sources", "Republican
/// critics", "a Trump campaign source": a name among the words that describe
/// it; not "But critics"). A field in lower case ("tax experts") leaves a
/// group as vague as it was.
fn qualifies(scan: &Scan<'_>, b: usize, group: usize) -> bool {
    let token = scan.token(b);
    let word = scan.word(b);
    if contains(&LEXICON.back_references, word)
        || token.possessive()
        || token.kind == TokenKind::Number
    {
        return true;
    }
    if scan.token(group).capitalised {
        return false;
    }
    let named = |t: usize| names_someone(scan, t);
    if named(b) {
        return true;
    }
    // "a Trump campaign source": lowercase describing words after a
    // quantifier and a name.
    for p in scan.prev_words(b).take(DESCRIBING_WORDS) {
        if named(p) {
            return scan.prev_word(p).is_none_or(|q| {
                let word = scan.word(q);
                contains(&LEXICON.quantifiers, word) || contains(&LEXICON.determiners, word)
            });
        }
        if scan.hit_at(p).is_some() || contains(&LEXICON.quantifiers, scan.word(p)) {
            return false;
        }
    }
    false
}

/// A capitalised word that is not merely a sentence's opener ("But", "Still"):
/// a name among the words around a group.
fn names_someone(scan: &Scan<'_>, t: usize) -> bool {
    let token = scan.token(t);
    token.capitalised && !(token.sentence_start && contains(&LEXICON.openers, scan.word(t)))
}

/// Whether the group is joined to a named source or a pronoun by "and" or
/// "or", perhaps across words that describe it: "Ana Ruiz and others said",
/// "Ward and other security experts acknowledge", "he and election-law
/// experts agree"; not "the council met and critics say".
fn joined_to_a_name(scan: &Scan<'_>, first: usize) -> bool {
    for p in scan.prev_words(first).take(DESCRIBING_WORDS + 1) {
        let word = scan.word(p);
        if word.eq_ignore_ascii_case("and") || word.eq_ignore_ascii_case("or") {
            let named = |n: usize| names_someone(scan, n);
            // "Ana Ruiz and", "he and", "the Clinton campaign and".
            return scan.prev_word(p).is_some_and(|n| {
                named(n)
                    || contains(&LEXICON.pronouns, scan.word(n))
                    || scan.prev_word(n).is_some_and(named)
            });
        }
        let quantifier = contains(&LEXICON.quantifiers, word);
        if scan.token(p).capitalised || (scan.hit_at(p).is_some() && !quantifier) {
            return false;
        }
    }
    false
}

/// The reporting verb the group is the subject of, reading forward over
/// auxiliaries, adverbs and, after a noun, a short "of" phrase ("critics of
/// the plan say"); none if the group is described on the way ("sources
/// familiar with the talks said") or the verb is hypothetical ("critics would
/// call it").
fn verb_of_subject<'s>(scan: &'s Scan<'_>, t: usize) -> Option<&'s Hit> {
    let partitive = !scan.word(t).ends_with('s');
    let mut at = t;
    let mut of_words = None;
    for _ in 0..SUBJECT_REACH {
        let n = at + 1;
        let token = scan.prose.tokens.get(n)?;
        if token.kind == TokenKind::Punct {
            return None;
        }
        if let Some(h) = scan.hit_at(n) {
            if h.roles.has(Roles::DESCRIPTION) {
                return None;
            }
            if is_active_report(scan, h) {
                return Some(h);
            }
        }
        let word = scan.word(n);
        if contains(&LEXICON.hypothetical, word) {
            return None;
        }
        of_words = match of_words {
            None if word.eq_ignore_ascii_case("of") && !partitive => Some(0),
            None if is_between(word) => None,
            Some(count) if count < OF_PHRASE_WORDS => Some(count + 1),
            _ => return None,
        };
        at = n;
    }
    None
}

/// Whether a sentence names a source other than an unnamed group.
fn named_source(scan: &Scan<'_>, sentence: usize) -> bool {
    let span = scan.prose.sentences[sentence].span;
    scan.hits_in(span).iter().any(|h| {
        let group_subject = h.roles.has(Roles::REPORTING)
            && scan
                .before_between(h.tokens.start)
                .0
                .and_then(|s| scan.hit_at(s))
                .is_some_and(|s| s.roles.has(Roles::GROUP));
        scan.is_marker(h) && !group_subject
    })
}

/// A verb of saying or believing (not of wanting) in the active voice.
fn is_active_report(scan: &Scan<'_>, hit: &Hit) -> bool {
    let report = Roles::SPEECH.or(Roles::BELIEF).or(Roles::NOUN_LIKE_VERB);
    hit.roles.has(report) && scan.is_marker(hit)
}

/// Whether a description follows the group: "a source close to the talks",
/// "an analyst who asked not to be named".
fn described_after(scan: &Scan<'_>, t: usize) -> bool {
    let mut at = t;
    for _ in 0..2 {
        at += 1;
        let Some(token) = scan.prose.tokens.get(at) else {
            return false;
        };
        if token.kind == TokenKind::Punct && scan.prose.slice(token.span) != "," {
            return false;
        }
        if scan
            .hit_at(at)
            .is_some_and(|h| h.roles.has(Roles::DESCRIPTION))
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::Actors;
    use crate::config::Settings;
    use crate::document::Language;

    fn flagged(text: &str) -> Vec<&str> {
        let prose = crate::prose::parse(text, Language::Markdown, &mut Default::default());
        let settings = Settings::default();
        let actors = Actors::default();
        let ctx = Context::new(text, &prose, &actors, &settings);
        let mut out = Vec::new();
        VagueAttribution.check(&ctx, &mut out);
        out.iter().map(|f| f.span.of(text)).collect()
    }

    #[test]
    fn flags_unnamed_groups_and_impersonal_phrases() {
        assert_eq!(
            flagged("The plan is popular. Critics say it will fail, and it is believed that talks will resume."),
            vec!["Critics say", "it is believed"]
        );
        assert_eq!(
            flagged("But critics say it will fail."),
            vec!["critics say"]
        );
        assert_eq!(
            flagged("The deal held, with critics saying it would fail."),
            vec!["critics saying"]
        );
        assert_eq!(
            flagged("Some experts have long argued the port is too small. Critics of the new port say so too. The port is small, say analysts. It will fail, according to experts. Sources said the deal was off."),
            vec!["Some experts have long argued", "Critics of the new port say", "say analysts", "according to experts", "Sources said"]
        );
    }

    #[test]
    fn a_source_described_only_by_a_field_stays_vague() {
        assert_eq!(
            flagged("One harbour source said the ferry would stop. Some transport experts say fares will rise. Critics call it a tax."),
            vec!["source said", "experts say", "Critics call"]
        );
    }

    #[test]
    fn impersonal_passives_of_fear_hope_and_acceptance() {
        assert_eq!(
            flagged("It is feared that the dam will burst. It was said the pier would close. It was hoped the talks would end the strike. It has been suggested that the port close. It is widely accepted that the bridge is unsafe."),
            vec!["It is feared", "It was said", "It was hoped", "It has been suggested", "It is widely accepted"]
        );
        for text in [
            "It is feared that the dam will burst, the mayor said.",
            "“It is hoped that the talks will work,” she said.",
            "The road is feared by drivers.",
        ] {
            assert_eq!(flagged(text), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn stays_quiet_on_named_described_and_pointing_back_sources() {
        for text in [
            "Economist Ana Ruiz said the plan will fail.",
            "He told us: \"Critics say what they like.\"",
            "Two senators objected. The critics say the bill is rushed.",
            "Somebody said no. Some saying goes.",
            "Sources familiar with the talks said the deal was off.",
            "A source, who spoke on condition of anonymity because the talks are private, said the deal was off.",
            "The deal was off, said a source close to the talks.",
            "Kremlin sources said the deal was off.",
            "The port opened. Republican critics say it is too small.",
            "His critics say the bill is rushed.",
            "Ana Ruiz and others said the bill is rushed.",
            "He and other critics said the bill is rushed.",
            "The Ruiz campaign and some harbour experts said the bill is rushed.",
            "The mayor said some- thing odd.",
            "The Harbour Observer found that rents rose.",
            "Ruiz offered some pointed advice.",
            "Some officials say the bill is rushed.",
            "Many want a recount.",
            "The mayor said it is believed the fire started in the kitchen.",
            // A name among the words that describe the source.
            "A Harbour Board source said the ferry would stop in May.",
            "The ferry stops in May, one Digby council source said.",
            // A source introduced before.
            "The ferry will stop in May, this source said.",
            // A label, not a claim.
            "The mayor wants to close what some call the harbour loophole.",
            "It is what critics call a ferry tax.",
            // Described after the verb; an object.
            "Two officials confirmed the sale. Others spoke on condition of anonymity.",
            "The vote was causing some worry at the harbour board.",
            // A benchmark.
            "Turnout was higher than most party insiders expected.",
            "Fares rose less than some transport analysts had predicted.",
        ] {
            assert_eq!(flagged(text), Vec::<&str>::new(), "{text}");
        }
    }
}
