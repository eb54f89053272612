//! Noun cues of `unattributed-claim`: claims, concerns, doubts and criticism
//! that a sentence presents as simply existing, with no one who holds them —
//! "allegations that", "amid concerns that", "public skepticism about", "there
//! was broad agreement that", "speculation swirled that", "questions have been
//! raised", "faced sharp criticism".
//!
//! A noun with an owner is someone's ("his allegations", "Kremlin
//! allegations", "a statement from the ministry"), and one led by "the" or
//! "these" points back to something already reported: both stay quiet.

use super::claims::{capitalised, is_number};
use super::lexicon::{contains, Roles, LEXICON};
use super::scan::{is_between, Hit, Scan};
use crate::prose::TokenKind;
use crate::span::Span;

/// How many auxiliaries may stand between a noun and the verb that spreads it
/// ("talk had been mounting").
const AUXILIARY_REACH: usize = 3;

/// How far after a verb of spreading its holders may be named ("have been
/// raised about the new audit by two senators").
const HOLDER_REACH: usize = 6;

/// How many adjectives may stand before a doubt noun ("growing public skepticism").
const ADJECTIVE_REACH: usize = 2;

/// Words that fill "there is … speculation": forms of "be", auxiliaries and
/// words of degree.
const THERE_IS_FILLERS: [&str; 14] = [
    "much",
    "some",
    "little",
    "growing",
    "mounting",
    "widespread",
    "a",
    "an",
    "more",
    "broad",
    "general",
    "wide",
    "new",
    "renewed",
];

/// The cue's span and the finding's message, if the hit is a noun cue in its
/// grammar.
pub(super) fn claim(scan: &Scan<'_>, hit: &Hit, word: &str) -> Option<(Span, String)> {
    let roles = hit.roles;
    let t = hit.tokens.start;
    let last = hit.tokens.end - 1;
    let next = scan.next_word(last);
    let spread = Roles::CLAIM_NOUN
        .or(Roles::CONCERN_NOUN)
        .or(Roles::DOUBT_NOUN)
        .or(Roles::BUZZ_NOUN);
    if roles.has(spread) && unheld(scan, hit) {
        if let Some(verb) = spreading_verb(scan, last) {
            let span = Span::new(hit.span.start, scan.token(verb).span.end);
            return Some((span, whose(word)));
        }
    }
    let introduces = |words: &[&str]| words.iter().any(|w| scan.word_is(next, w));
    // "there are fears the bridge will close", "there were questions about
    // the count": concerns and talk that merely exist. Not "there are no
    // complaints", nor with their holders after them ("from residents").
    if roles.has(Roles::CONCERN_NOUN.or(Roles::BUZZ_NOUN))
        && there_is(scan, t)
        && !negated_existence(scan, t)
        && unheld(scan, hit)
        && !holder_follows(scan, hit)
        && !holders_fronted(scan, hit)
    {
        return Some((hit.span, whose(word)));
    }
    if roles.has(Roles::CONCERN_NOUN) && introduces(&["that"]) && unowned_before_content(scan, hit)
    {
        return Some((hit.span, whose(word)));
    }
    if roles.has(Roles::DOUBT_NOUN.or(Roles::CONSENSUS_NOUN))
        && introduces(&["that", "about", "over"])
        && unheld(scan, hit)
    {
        // "an agreement that took effect" is a pact: agreement as a view
        // only after "there is".
        let unplaced = roles.has(Roles::DOUBT_NOUN) && in_no_one_s_hands(scan, t);
        if unplaced || there_is(scan, t) {
            return Some((hit.span, whose(word)));
        }
    }
    if roles.has(Roles::CLAIM_NOUN)
        && (unowned_before_content(scan, hit) || there_is(scan, t) || amid(scan, hit))
    {
        return Some((hit.span, whose(word)));
    }
    // Criticism is flagged only as something faced: "criticism of the plan"
    // on its own is most often the subject's own ("she avoided direct
    // criticism of the mayor").
    if roles.has(Roles::CRITICISM_NOUN) && !holder_follows(scan, hit) {
        if let Some(from) = facing_before(scan, t) {
            let span = Span::new(scan.token(from).span.start, hit.span.end);
            let message = format!("{} from whom? Name the critics.", capitalised(word));
            return Some((span, message));
        }
    }
    None
}

/// "faced criticism from the mayor", "drew criticism even from within his
/// party", "there were fears among residents": "from", "by" or "among"
/// within a few words after the noun names who holds it.
fn holder_follows(scan: &Scan<'_>, hit: &Hit) -> bool {
    scan.next_words(hit.tokens.end - 1)
        .take(HOLDER_NOUN_REACH)
        .any(|n| {
            ["from", "by", "among"]
                .iter()
                .any(|w| scan.word_is(Some(n), w))
        })
}

/// "Among the growers, there are fears that": the holders named at the
/// start of the sentence.
fn holders_fronted(scan: &Scan<'_>, hit: &Hit) -> bool {
    let start = scan.prose.sentences[hit.sentence].tokens.start;
    let end = hit.tokens.start.min(start + FRONTED_REACH);
    (start..end).any(|k| scan.word_is(Some(k), "among"))
}

/// How many tokens into a sentence a fronted "among" may stand.
const FRONTED_REACH: usize = 12;

/// How many words after a noun of criticism or concern its holder may be
/// introduced.
const HOLDER_NOUN_REACH: usize = 3;

/// "Whose speculation? Name who is speculating."
fn whose(word: &str) -> String {
    let singular = !word.ends_with('s');
    let holder = match (word.trim_end_matches('s'), singular) {
        ("speculation", _) => "is speculating",
        ("allegation" | "accusation" | "claim", true) => "makes it",
        ("allegation" | "accusation" | "claim" | "charge", false) => "makes them",
        ("report", _) => "made them",
        ("rumor" | "rumour" | "talk" | "chatter" | "whisper", _) => "spreads them",
        ("question", _) => "asks them",
        ("criticism", _) => "criticizes",
        ("agreement" | "consensus", _) => "agrees",
        (_, true) => "holds it",
        (_, false) => "holds them",
    };
    format!("Whose {word}? Name who {holder}.")
}

/// No owner, no name before it, and no article pointing back.
fn unheld(scan: &Scan<'_>, hit: &Hit) -> bool {
    let points_back = scan
        .prev_word(hit.tokens.start)
        .is_some_and(|p| contains(&LEXICON.back_references, scan.word(p)));
    !points_back && !scan.owned_or_named(hit)
}

/// "allegations that", "accusations of": with no owner (see
/// [`Scan::owned_or_named`]) and no article pointing back to allegations already
/// reported.
pub(super) fn unowned_before_content(scan: &Scan<'_>, hit: &Hit) -> bool {
    let next = scan.next_word(hit.tokens.end - 1);
    let introduces = ["that", "of", "about"]
        .iter()
        .any(|w| scan.word_is(next, w));
    introduces && unheld(scan, hit) && !made_in_a_statement(scan, hit)
}

/// How many words after "of" may lead to the statement that holds a claim
/// ("of President Ana Maria Ruiz's speech").
const STATEMENT_REACH: usize = 6;

/// "the central claims of the mayor's speech", "claims of the audit": "of"
/// and a statement named by a noun (a speech, a report, a memo) say where
/// the claims were made. Not "allegations of abuse in the report": a
/// preposition ends the walk.
fn made_in_a_statement(scan: &Scan<'_>, hit: &Hit) -> bool {
    let Some(of) = scan
        .next_word(hit.tokens.end - 1)
        .filter(|&n| scan.word_is(Some(n), "of"))
    else {
        return false;
    };
    for n in scan.next_words(of).take(STATEMENT_REACH) {
        if scan.hit_at(n).is_some_and(|h| h.roles.has(Roles::NOUN)) {
            return true;
        }
        if contains(&LEXICON.prepositions, scan.word(n)) {
            return false;
        }
    }
    false
}

/// "amid reports the firm will be sold", "following rumours of": a claim
/// noun that sets the scene, with no one behind it ("following reports by
/// the Times" has its source).
fn amid(scan: &Scan<'_>, hit: &Hit) -> bool {
    let before = scan.prev_word(hit.tokens.start);
    let scene = ["amid", "amidst", "following", "despite"]
        .iter()
        .any(|w| scan.word_is(before, w));
    let next = scan.next_word(hit.tokens.end - 1);
    let sourced_after = ["by", "from", "in", "on"]
        .iter()
        .any(|w| scan.word_is(next, w));
    scene && !sourced_after && unheld(scan, hit)
}

/// A verb that makes the noun before it spread or grow on its own, perhaps
/// after auxiliaries: "speculation swirled", "fears are growing", "talk had
/// been mounting", "suspicions run high", "questions have been raised" (a
/// passive with no agent). Returns the verb's last token.
fn spreading_verb(scan: &Scan<'_>, noun: usize) -> Option<usize> {
    let mut at = noun;
    let mut passive = false;
    for _ in 0..=AUXILIARY_REACH {
        let n = scan.next_word(at)?;
        if let Some(h) = scan.hit_at(n) {
            let last = h.tokens.end - 1;
            let spreads = h.roles.has(Roles::SPREADING)
                || (h.roles.has(Roles::RAISED) && passive && !holders_follow(scan, last, "by"));
            if spreads && !holders_follow(scan, last, "among") {
                return Some(last);
            }
        }
        let word = scan.word(n);
        if !(scan.is_be(n) || is_between(word)) {
            return None;
        }
        passive |= scan.is_be(n);
        at = n;
    }
    None
}

/// Whether the clause names who holds the view, in the few words after its
/// verb: "raised about the audit by two senators", "grew among residents".
fn holders_follow(scan: &Scan<'_>, verb: usize, preposition: &str) -> bool {
    scan.next_words(verb)
        .take(HOLDER_REACH)
        .any(|n| scan.word_is(Some(n), preposition))
}

/// A doubt noun where no one can hold it: at the start of its clause or after
/// a preposition, perhaps with adjectives between ("Skepticism about the plan
/// runs deep", "amid growing doubts over", "a tide of public skepticism
/// about"); not the object of a verb, whose subject holds it ("Voters have
/// doubts about", "the report raised doubts").
fn in_no_one_s_hands(scan: &Scan<'_>, t: usize) -> bool {
    let mut before = scan.prev_words(t);
    for _ in 0..=ADJECTIVE_REACH {
        let Some(p) = before.next() else {
            // The sentence or clause starts here.
            return true;
        };
        let word = scan.word(p);
        if contains(&LEXICON.prepositions, word)
            || ["amid", "despite", "amidst"]
                .iter()
                .any(|w| word.eq_ignore_ascii_case(w))
        {
            return true;
        }
        if !is_adjective_like(scan, p) {
            return false;
        }
    }
    false
}

/// A word that may qualify a noun before it: "growing", "public", "a".
/// ("growing" is one of [spreading] too.)
fn is_adjective_like(scan: &Scan<'_>, t: usize) -> bool {
    let token = scan.token(t);
    let word = scan.word(t);
    let article = word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an");
    article
        || (token.kind == TokenKind::Word
            && !token.capitalised
            && !token.possessive()
            && !scan.is_be(t)
            && !contains(&LEXICON.between, word)
            && !contains(&LEXICON.determiners, word)
            && !contains(&LEXICON.personal, word)
            && !contains(&LEXICON.subordinators, word)
            && !contains(&LEXICON.coordinators, word)
            && scan.hit_at(t).is_none_or(|h| h.roles == Roles::SPREADING))
}

/// "there has been much speculation", "there was broad agreement", "there
/// were numerous complaints": a noun that merely exists, with no one behind
/// it. A form of "be" must stand between, so that it is the "there" of
/// existence ("there have been doubts"), not of place ("Workers there have
/// doubts").
pub(super) fn there_is(scan: &Scan<'_>, t: usize) -> bool {
    let mut be = false;
    for p in scan.prev_words(t).take(4) {
        let word = scan.word(p);
        if word.eq_ignore_ascii_case("there") {
            return be;
        }
        be |= scan.is_be(p);
        let filler = scan.is_be(p)
            || is_between(word)
            || THERE_IS_FILLERS
                .iter()
                .any(|w| word.eq_ignore_ascii_case(w))
            // "numerous complaints", but not "two distinct claims": a count
            // points to claims the text goes on to set out.
            || (is_adjective_like(scan, p)
                && !contains(&LEXICON.prepositions, word)
                && !is_number(scan, p));
        if !filler {
            return false;
        }
    }
    false
}

/// "there are no complaints", "there were few fears", "there has never been
/// talk of": existence denied, which states an absence rather than a claim.
fn negated_existence(scan: &Scan<'_>, t: usize) -> bool {
    const NEGATIVES: [&str; 5] = ["no", "not", "never", "few", "little"];
    scan.prev_words(t)
        .take_while(|&p| !scan.word(p).eq_ignore_ascii_case("there"))
        .take(4)
        .any(|p| {
            let word = scan.word(p);
            NEGATIVES.iter().any(|w| word.eq_ignore_ascii_case(w))
                || word.ends_with("n't")
                || word.ends_with("n’t")
        })
}

/// A verb of facing within three words before a criticism noun ("came under
/// withering criticism", "drew scrutiny").
fn facing_before(scan: &Scan<'_>, t: usize) -> Option<usize> {
    scan.prev_words(t)
        .take(3)
        .find_map(|p| scan.hit_at(p).filter(|h| h.roles.has(Roles::FACING)))
        .map(|h| h.tokens.start)
}
