//! Judgements of `unattributed-claim`: characterisations, impressions and
//! conclusions that present someone's view as fact — "is widely seen as",
//! ", considered the front-runner,", "seems to", "it looks like", "it is clear
//! that", "the lesson is clear:". Each reading returns the cue's span and the
//! editor's question, or nothing when the words leave it unsure.

use super::claims::capitalised;
use super::lexicon::{contains, Roles, LEXICON};
use super::scan::{is_between, Hit, Scan};
use crate::prose::TokenKind;
use crate::span::Span;

/// "is seen as", "was dubbed", or a participle of perception with no "be"
/// (see [`participial`]). `be` is the form of "be" before the hit, if any.
pub(super) fn characterisation(
    scan: &Scan<'_>,
    hit: &Hit,
    be: Option<usize>,
    word: &str,
) -> Option<(Span, String)> {
    let passive = be.filter(|&be| characterises(scan, hit, be));
    let participle = || {
        hit.roles
            .has(Roles::PERCEPTION)
            .then(|| participial(scan, hit))
            .flatten()
    };
    let start = passive.or_else(participle)?;
    let mut words = word.split_whitespace();
    let participle = capitalised(words.next().unwrap_or(""));
    // "Seen as such by whom?", "Considered so by whom?"
    let such = if words.next().is_some() {
        "as such"
    } else {
        "so"
    };
    let span = Span::new(
        scan.token(start).span.start,
        scan.token(hit.tokens.end - 1).span.end,
    );
    Some((
        span,
        format!("{participle} {such} by whom? This characterisation has no source."),
    ))
}

/// "is considered a threat", "is seen as", "was labeled \"Mostly True\"":
/// not "is being considered" (under deliberation) nor "considered by".
fn characterises(scan: &Scan<'_>, hit: &Hit, be: usize) -> bool {
    let last = hit.tokens.end - 1;
    if scan.word(be).eq_ignore_ascii_case("being") || scan.agent_follows(hit.tokens.start + 1) {
        return false;
    }
    // "what is known as the Purcell doctrine", "is also known as ISIL": a name.
    // "it has been known for some time": a duration, not a reputation.
    let known = scan.word(hit.tokens.start).eq_ignore_ascii_case("known");
    let duration = scan.next_word(last).is_some_and(|n| {
        scan.token(n).kind == TokenKind::Number
            || contains(&LEXICON.times, scan.word(n))
            || [
                "some", "years", "decades", "months", "weeks", "days", "long", "a", "many",
            ]
            .iter()
            .any(|w| scan.word_is(Some(n), w))
    });
    let naming = known
        && (scan.word_is(scan.before_between(be).0, "what")
            || scan.word_is(scan.prev_word(hit.tokens.start), "also")
            || (scan.word(last).eq_ignore_ascii_case("for") && duration));
    // "was cast as Dean Forester": a part in a play or a film, named.
    let part = scan.word(hit.tokens.start).eq_ignore_ascii_case("cast")
        && scan
            .next_word(last)
            .is_some_and(|n| scan.token(n).capitalised);
    if naming || part || names_term(scan, hit, be) {
        return false;
    }

    hit.tokens.len() > 1 || introduces_judgement(scan, last)
}

/// "later came to be known as semantic roles", "the response is called the
/// \"fight or flight\" response": a term named or defined, not a reputation.
/// A quoted term must be lower case (a capitalised one, "has been called the
/// \"Prince of Spin\"", is a nickname, itself a characterisation), and must
/// read as a term: bare ("were called \"cases\""), of several words, or
/// before its noun; "was called a \"liar\"" stays an epithet. Its subject is
/// a lower-case noun, not a person ("who", "he") nor a name.
fn names_term(scan: &Scan<'_>, hit: &Hit, be: usize) -> bool {
    let last = hit.tokens.end - 1;
    let first = scan.word(hit.tokens.start);
    let naming = first.eq_ignore_ascii_case("called")
        || (first.eq_ignore_ascii_case("known") && scan.word(last).eq_ignore_ascii_case("as"));
    if !naming {
        return false;
    }
    // "came to be known as": the history of a name.
    let to = scan.prev_word(be).filter(|&t| scan.word_is(Some(t), "to"));
    let came = to.and_then(|t| scan.prev_word(t)).is_some_and(|c| {
        ["came", "come", "comes", "coming"]
            .iter()
            .any(|w| scan.word_is(Some(c), w))
    });
    if scan.word_is(Some(be), "be") && came {
        return true;
    }
    let subject = scan.before_between(be).0.is_some_and(|s| {
        let word = scan.word(s);
        !scan.token(s).capitalised
            && !contains(&LEXICON.personal, word)
            && !contains(&LEXICON.relatives, word)
            && !contains(&LEXICON.pronouns, word)
    });
    subject && quoted_term(scan, last)
}

/// After the naming word at `last`: an optional article, then a quoted run
/// of lower-case words that is bare, of several words, or followed by a word.
fn quoted_term(scan: &Scan<'_>, last: usize) -> bool {
    let tokens = &scan.prose.tokens;
    let is_quote = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            t.kind == TokenKind::Punct
                && scan
                    .prose
                    .slice(t.span)
                    .starts_with(['"', '“', '”', '‘', '’', '\''])
        })
    };
    let mut open = last + 1;
    let article = ["the", "a", "an"].iter().any(|w| {
        tokens.get(open).is_some_and(|t| t.kind != TokenKind::Punct) && scan.word_is(Some(open), w)
    });
    if article {
        open += 1;
    }
    if !is_quote(open) {
        return false;
    }
    // Up to the closing mark, within the sentence.
    let words = (open + 1..tokens.len())
        .take_while(|&k| tokens[k].kind != TokenKind::Punct && !tokens[k].sentence_start)
        .count();
    let close = open + 1 + words;
    let lower = (open + 1..close).all(|k| !tokens[k].capitalised);
    // "called \"a disaster\"": a quoted description, not a term.
    let described = words > 0 && contains(&LEXICON.determiners, scan.word(open + 1));
    let noun_after = tokens.get(close + 1).is_some_and(|t| {
        let word = scan.word(close + 1);
        t.kind == TokenKind::Word
            && !t.sentence_start
            && ![
                &LEXICON.prepositions,
                &LEXICON.coordinators,
                &LEXICON.subordinators,
                &LEXICON.relatives,
                &LEXICON.determiners,
            ]
            .iter()
            .any(|set| contains(set, word))
            && !is_adverb(word)
    });
    words > 0 && lower && !described && is_quote(close) && (!article || words > 1 || noun_after)
}

/// A participle of perception with no "be", standing for a clause of its own:
/// after a comma (", considered the front-runner,"), joined to an earlier
/// "be" ("is an ally and considered the only"), or after an adverb that
/// follows a noun ("a figure widely seen as"). Returns where the cue starts.
/// "He paused, considered the offer" and "an issue they have long regarded
/// as" are verbs with subjects, not participles.
fn participial(scan: &Scan<'_>, hit: &Hit) -> Option<usize> {
    let t = hit.tokens.start;
    if scan.agent_follows(t + 1) {
        return None;
    }
    let mut start = t;
    while let Some(p) = scan.prev_word(start).filter(|&p| is_adverb(scan.word(p))) {
        start = p;
    }
    let single_word = hit.tokens.len() == 1;
    if single_word && !introduces_judgement(scan, hit.tokens.end - 1) {
        return None;
    }
    let before = start.checked_sub(1)?;
    let token = scan.token(before);
    if token.kind == TokenKind::Punct {
        // An appositive: the word before the comma is a noun, not a verb in a series.
        let noun_before = scan.prose.slice(token.span) == ","
            && scan.prev_word(before).is_some_and(|w| {
                let word = scan.word(w);
                !word.ends_with("ed") && !contains(&LEXICON.prepositions, word)
            });
        return noun_before.then_some(start);
    }
    let word = scan.word(before);
    if contains(&LEXICON.coordinators, word) {
        // "is an ally and considered": the participle shares the clause's "be".
        let clause_start = (scan.prose.sentences[hit.sentence].tokens.start..before)
            .rev()
            .find(|&k| scan.token(k).kind == TokenKind::Punct)
            .map_or(scan.prose.sentences[hit.sentence].tokens.start, |k| k + 1);
        let shares_be = (clause_start..before).any(|k| scan.is_word(k) && scan.is_be(k));
        return (!single_word || shares_be).then_some(start);
    }
    let after_noun = start != t
        && !is_between(word)
        && !scan.is_be(before)
        && !contains(&LEXICON.personal, word)
        && !contains(&LEXICON.subordinators, word);
    after_noun.then_some(start)
}

/// Adverbs that may stand before a participle: "widely", "long", "once".
fn is_adverb(word: &str) -> bool {
    (word.len() > 4 && word.ends_with("ly"))
        || ["long", "once", "still", "also", "often"]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
}

/// After "considered" or "deemed": words that make it a judgement of someone
/// ("considered a threat", "deemed the best", "considered likely").
fn introduces_judgement(scan: &Scan<'_>, last: usize) -> bool {
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
/// to", or a text told in person: [`super::voice`]) or says to whom ("seems
/// to me", "seemed credible to them", "seemed far away to European voters").
pub(super) fn appearance(scan: &Scan<'_>, hit: &Hit, word: &str) -> Option<(Span, String)> {
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
        follows("likely") || follows("unlikely") || (follows("like") && it_looks(scan, hit))
    } else if word.starts_with("seem") {
        // "seem" links its subject to a judgement, whatever follows.
        scan.token(next).kind == TokenKind::Word
    } else {
        ["that", "like", "likely", "unlikely", "to"]
            .iter()
            .any(|w| follows(w))
            || appears_as(scan, hit, next)
    };
    let (subject, _) = scan.before_between(hit.tokens.start);
    let writer = ["i", "we"].iter().any(|w| scan.word_is(subject, w)) || scan.in_person();
    if !introduces
        || writer
        || to_someone
        || fronted_experiencer(scan, hit)
        || hedges_own_words(scan, next)
    {
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

/// "She appeared to concede the point", "he seemed to suggest a delay": the
/// verb after "to" is one of saying, so the sentence reports its subject's
/// words, and its subject is their source. The hedge is the reporter's
/// reading of a statement the reader can weigh, not a judgement with no one
/// behind it. `next` is the word after "seem" or "appear".
fn hedges_own_words(scan: &Scan<'_>, next: usize) -> bool {
    scan.word_is(Some(next), "to")
        && scan
            .next_word(next)
            .and_then(|verb| scan.hit_at(verb))
            .is_some_and(|h| h.roles.has(Roles::SPEECH))
}

/// "To the harbour master, the plan seemed rushed.": a sentence that opens
/// with "To" and someone ("the …", a name, "many"), then a comma before the
/// verb, says to whom it seemed so. Not "To date," nor "To be sure,".
fn fronted_experiencer(scan: &Scan<'_>, hit: &Hit) -> bool {
    const SOMEONE: [&str; 8] = ["the", "many", "some", "most", "his", "her", "their", "its"];
    let sentence = &scan.prose.sentences[hit.sentence];
    let first = sentence.tokens.start;
    if !scan.word_is(Some(first), "to") {
        return false;
    }
    let someone = scan.next_word(first).is_some_and(|n| {
        scan.token(n).capitalised || SOMEONE.iter().any(|w| scan.word_is(Some(n), w))
    });
    someone
        && (first..hit.tokens.start).any(|k| {
            let token = scan.token(k);
            token.kind == TokenKind::Punct && !token.in_quote && scan.prose.slice(token.span) == ","
        })
}

/// "appeared ready", "appears weak": "appear" as a linking verb before a
/// lower-case adjective or participle, as "seem" is. Not where someone shows
/// up ("appeared on television", "appeared together", "appeared twice"), nor
/// an infinitive ("tried to appear calm", "made him appear weak"), which
/// names an aim, not a conclusion.
fn appears_as(scan: &Scan<'_>, hit: &Hit, next: usize) -> bool {
    const OBJECTS: [&str; 6] = ["to", "me", "us", "him", "her", "them"];
    let token = scan.token(next);
    let word = scan.word(next);
    let infinitive = scan
        .prev_word(hit.tokens.start)
        .is_some_and(|p| OBJECTS.iter().any(|w| scan.word_is(Some(p), w)));
    // Right after the verb: "appeared, and" goes on to something else.
    next == hit.tokens.end
        && token.kind == TokenKind::Word
        && !token.capitalised
        && !word.ends_with("ly")
        && !contains(&LEXICON.coordinators, word)
        && !contains(&LEXICON.prepositions, word)
        // "may appear because …": comes about, for a reason.
        && !contains(&LEXICON.subordinators, word)
        && !contains(&LEXICON.determiners, word)
        && !contains(&LEXICON.showing_up, word)
        && !infinitive
}

/// "it looks like", "it sure looked like": a judgement with "it" for its
/// subject, not a description ("what it looked like before").
fn it_looks(scan: &Scan<'_>, hit: &Hit) -> bool {
    let mut at = hit.tokens.start;
    while let Some(p) = scan
        .prev_word(at)
        .filter(|&p| is_between(scan.word(p)) || scan.word_is(Some(p), "sure"))
    {
        at = p;
    }
    let Some(it) = scan.prev_word(at).filter(|&p| scan.word_is(Some(p), "it")) else {
        return false;
    };
    // "it looks like a crater": a description, not a judgement.
    let like = scan.next_word(hit.tokens.end - 1);
    let thing = like
        .and_then(|l| scan.next_word(l))
        .is_some_and(|n| scan.word_is(Some(n), "a") || scan.word_is(Some(n), "an"));
    if thing {
        return false;
    }
    let described = scan.prev_word(it).is_some_and(|w| {
        ["what", "how", "like"]
            .iter()
            .any(|d| scan.word_is(Some(w), d))
    });
    !described
}

/// "it is clear that", "it was obvious": a conclusion with no one who drew it,
/// unless the text is told in person and so the conclusion is the writer's.
pub(super) fn conclusion(scan: &Scan<'_>, hit: &Hit, word: &str) -> Option<(Span, String)> {
    if scan.in_person() {
        return None;
    }
    let (before, negated) = scan.before_between(hit.tokens.start);
    let be = before.filter(|&b| scan.is_be(b))?;
    let start = if scan.word(be).to_ascii_lowercase().starts_with("it") {
        be
    } else {
        // "it is", "it should be", "it has long been"
        let (subject, modal_negated) = scan.before_between(be);
        if modal_negated {
            return None;
        }
        match subject.filter(|&p| scan.word_is(Some(p), "it")) {
            Some(it) => it,
            None if announces_verdict(scan, hit.tokens.end - 1) => be,
            None => return None,
        }
    };
    if negated {
        return None;
    }
    let span = Span::new(scan.token(start).span.start, hit.span.end);
    Some((
        span,
        format!(
            "{} to whom? Say who draws this conclusion.",
            capitalised(word)
        ),
    ))
}

/// "The lesson is clear: …", "The message was obvious that …": a verdict
/// announced after the adjective, with a colon or "that".
fn announces_verdict(scan: &Scan<'_>, adjective: usize) -> bool {
    let colon = scan
        .prose
        .tokens
        .get(adjective + 1)
        .is_some_and(|t| !t.in_quote && scan.prose.slice(t.span) == ":");
    colon || scan.word_is(scan.next_word(adjective), "that")
}
