//! Quoted words that quote no one: terms, names and titles, and fragments
//! taken into the writer's own sentence. What each is decides whether the
//! quotation needs a speaker, and at which severity.

use crate::prose::{Prose, Quotation};

/// A quoted fragment of at most this many words, inside a sentence, is a
/// partial quotation or scare quotes rather than a full quotation.
pub(super) const FRAGMENT_WORDS: usize = 5;

/// A quoted fragment of at most this many words is a term, left alone.
const SHORT_TERM_WORDS: usize = 2;

/// A quoted term has at most this many words.
const TERM_WORDS: usize = 3;

/// Words before a quotation mark that make what follows a name or a title.
const NAMING: [&str; 21] = [
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
    // A cross-reference: "see \"Dynamic equivalence\"".
    "see",
];

/// How far back from a quotation mark its naming word is looked for, in
/// bytes: more than the longest of [`NAMING`] with its comma and an article.
const NAMING_REACH: usize = 32;

/// Small words a title may leave in lower case ("Master of the Universe").
const TITLE_SMALL_WORDS: [&str; 10] =
    ["a", "an", "the", "of", "and", "in", "on", "for", "to", "at"];

/// A partial quotation inside a sentence: neither a quoted sentence or
/// clause ("We will win," she said) nor one that runs on. Short, or opening
/// in lower case whatever its length ("funded by \"closing loopholes for
/// …\"", "the \"longest standoff in …\" is over"): words taken into the
/// writer's own sentence.
pub(super) fn is_fragment(prose: &Prose, q: &Quotation) -> bool {
    let inner = prose.slice(q.inner);
    let short = !words_beyond(inner, FRAGMENT_WORDS);
    let starts_sentence = prose
        .sentence_at(q.span.start)
        .is_some_and(|s| prose.sentences[s].span.start == q.span.start);
    let lower_case = inner
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase);
    q.closed && !starts_sentence && (short || lower_case)
}

/// A quoted term that opens its sentence as its subject ("'Stay or pay'
/// could make firms think twice"): a name being mentioned, a plan's or a
/// slogan's, not words put in anyone's mouth.
pub(super) fn opens_as_name(prose: &Prose, q: &Quotation) -> bool {
    is_term(prose, q)
        && prose
            .sentence_at(q.span.start)
            .is_some_and(|s| prose.sentences[s].span.start == q.span.start)
}

/// One or two quoted words inside a sentence ("a “minimal” delay", "so-called
/// \"super PACs\""): a term or the writer's irony, a matter of style rather
/// than of sourcing. On annotated political news, every such flag fell where
/// nobody's words were missing but two.
pub(super) fn is_short_term(prose: &Prose, q: &Quotation) -> bool {
    !words_beyond(prose.slice(q.inner), SHORT_TERM_WORDS)
}

/// A short quoted term used as a noun in its sentence: at most
/// [`TERM_WORDS`] words with no punctuation of their own, followed by more of
/// the sentence ("\"Containment\" has been policy since 1950",
/// "\"Refoulement\" (forcible return) is forbidden"). Read like scare quotes.
pub(super) fn is_term(prose: &Prose, q: &Quotation) -> bool {
    let inner = prose.slice(q.inner).trim();
    let bare = !inner.ends_with(['.', ',', '!', '?', ';', ':', '…']);
    let continues = prose.text[q.span.end..]
        .trim_start()
        .starts_with(|c: char| c.is_alphanumeric() || c == '(');
    q.closed && bare && continues && !words_beyond(inner, TERM_WORDS)
}

/// Whether `text` has more than `most` words: counted no further than that,
/// so a long quotation costs no more than a short one.
pub(super) fn words_beyond(text: &str, most: usize) -> bool {
    text.split_whitespace().nth(most).is_some()
}

/// A quoted term glossed in brackets right after it ("\"refoulement\"
/// (forcible return)"): a word being explained, not anyone's words.
pub(super) fn glossed_term(prose: &Prose, q: &Quotation) -> bool {
    is_term(prose, q) && prose.text[q.span.end..].trim_start().starts_with('(')
}

/// A name or title in quotation marks: after a naming word ("known as",
/// "dubbed"), or every main word capitalised. Marks around no words at all
/// (a number, a markup attribute `id="…"`) quote no one either.
pub(super) fn is_name(prose: &Prose, q: &Quotation) -> bool {
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
    // The naming word, read past an article: "is called the \"fight or flight\" response".
    let mut words = prose.text[from..q.span.start]
        .split_whitespace()
        .rev()
        .map(|w| w.trim_end_matches([',', ':']).to_lowercase());
    // Not "as a \"total disaster\"", a characterisation.
    let before = words.next().unwrap_or_default();
    let naming = if matches!(before.as_str(), "the" | "a" | "an") {
        words
            .next()
            .is_some_and(|w| w != "as" && NAMING.contains(&w.as_str()))
    } else {
        NAMING.contains(&before.as_str())
    };
    if naming {
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
        && words_beyond(inner, 1)
}
