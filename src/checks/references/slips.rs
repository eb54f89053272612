//! `name-variant`, for respellings the actor model did not link: a word that
//! is one slip, an accent or an encoding away from a person's surname
//! ("Kellar" after "Anna Keller"), used alone where a surname stands, and
//! never a name of its own in the article. The model may have made nothing of
//! the word, or a person of its own known only by that word; either way the
//! reader meets one person under two spellings.

use std::sync::Arc;

use super::capitalised::Capitalised;
use super::layout::Layout;
use super::spelling::{difference, nfc, respelling, Difference};
use super::words::WordMemo;
use super::{introduced_people, later_name, named, text_of};
use crate::actors::lexicon::LEXICON;
use crate::actors::{ActorKind, Confidence, Form, Places};
use crate::checks::{Context, Finding};
use crate::hashing::{FastMap, FastSet};
use crate::prose::{BlockKind, TokenKind};
use crate::span::Span;

/// A surname a respelling is compared with: the people who go by it (a
/// family may share it), where it is first written in full, and how often
/// the article uses it.
struct Anchor<'a> {
    actors: Vec<usize>,
    surname: &'a str,
    introduction: Span,
    uses: usize,
}

/// Flags each word that respells exactly one person's surname, with a fix
/// that writes the surname as the article usually does.
pub(super) fn unlinked_respellings(
    ctx: &Context<'_>,
    layout: &Layout,
    words: &mut WordMemo,
    (places, capitalised): (&Places, &Capitalised),
    out: &mut Vec<Finding>,
) {
    let anchors = anchors(ctx);
    if anchors.is_empty() {
        return;
    }
    let surnames: Vec<&str> = anchors.iter().map(|a| a.surname).collect();
    words.index(&surnames);
    // Every word some actor's name is made of: a word that is part of a name
    // of its own ("Kane" in "Tim Kane") is that name, not a slip. Gathered
    // only if a word is asked about.
    let name_words = std::cell::OnceCell::new();
    // The one surname each word respells, if exactly one: the same for
    // every use of the word, so asked once per word; then its uses in
    // text order.
    let mut flagged: Vec<(&str, usize, Difference)> = Vec::new();
    for word in capitalised.outside_quotes() {
        let text = word.text;
        if text.chars().count() < 4 || !text.chars().all(|c| c.is_alphabetic() || is_mark(c)) {
            continue;
        }
        let Some((a, how)) = words.respells(text) else {
            continue;
        };
        if respelling_of(ctx, text, word.count, &anchors[a], places) {
            flagged.push((text, a, how));
        }
    }
    let wanted: FastSet<&str> = flagged.iter().map(|f| f.0).collect();
    let written = capitalised.uses(ctx.prose, &wanted);
    let mut uses: Vec<(usize, &str, usize, Difference)> = flagged
        .iter()
        .flat_map(|&(text, a, how)| {
            written
                .get(text)
                .into_iter()
                .flatten()
                .map(move |&t| (t, text, a, how))
        })
        .collect();
    uses.sort_unstable_by_key(|u| u.0);
    for (t, word, anchor, how) in uses {
        let token = &ctx.prose.tokens[t];
        let anchor = &anchors[anchor];
        if !alone(ctx, t) {
            continue;
        }
        // Not the introduction's own words.
        if anchor.introduction.contains(token.span.start) && how == Difference::Letters {
            continue;
        }
        // Asked last, as the dearest question.
        if !unlinked(ctx, &anchor.actors, token.word, &name_words, word)
            || !judged_here(ctx, layout, token.span)
        {
            continue;
        }
        out.push(finding(ctx, anchor, token.word, word, how));
    }
}

/// What a respelling of `anchor`'s surname needs whatever its place: a
/// word that is no ordinary word, given name or place, of a surname that is
/// no place's, and rarer than the surname.
fn respelling_of(
    ctx: &Context<'_>,
    word: &str,
    count: usize,
    anchor: &Anchor<'_>,
    places: &Places,
) -> bool {
    // A word the article also writes in lowercase, or a known given
    // name, place or function word, is that word.
    if super::lowercase_in(ctx, &[word])
        || LEXICON.is_given_name(word)
        || LEXICON.names_a_place(word)
        || LEXICON.is_function_word(word)
        || places.contains(word)
    {
        return false;
    }
    // A surname the article also writes as a place's name, of people
    // the model is not certain of, may be the place's.
    if places.contains(anchor.surname)
        && anchor
            .actors
            .iter()
            .all(|&a| ctx.actors.actors[a].confidence != Confidence::Certain)
    {
        return false;
    }
    // A slip is rarer than the spelling it slips from, or made once.
    count < anchor.uses.max(2)
}

/// The surnames a respelling is compared with, of people introduced in
/// full (or, if the model is sure of them, used often), with a surname of
/// four letters or more, used at least twice, or once in a full name of
/// name-shaped words ([`name_shaped`]: "Rem Koolhaas", then "Koolhaes"
/// alone, where the slip took the only later use). A surname two people
/// share ("Matthew Goode" and his daughter "Matilda Goode") is one anchor:
/// whichever of them "Gooe" means, the spelling differs.
fn anchors<'a>(ctx: &'a Context<'_>) -> Vec<Anchor<'a>> {
    let mut out: Vec<Anchor<'a>> = Vec::new();
    let mut per_surname: FastMap<&str, usize> = FastMap::default();
    let introduced: FastSet<usize> = introduced_people(ctx).map(|(a, _)| a).collect();
    for (a, actor) in named(ctx.actors, Confidence::Likely) {
        let Some(surname) = later_name(actor).filter(|s| s.chars().count() >= 4) else {
            continue;
        };
        // Worked out only where it decides.
        let shaped = || name_shaped(ctx, a, surname);
        if !introduced.contains(&a) && !shaped() {
            continue;
        }
        let uses = ctx.actors.mentions_of(a).filter(|m| !m.in_quote).count();
        let full = ctx
            .actors
            .mentions_of(a)
            .find(|m| m.form == Form::Full && !m.in_quote);
        let introduction = match full {
            Some(m) => m.name,
            None if actor.confidence == Confidence::Certain && uses >= 3 => {
                match ctx.actors.mentions_of(a).find(|m| !m.in_quote) {
                    Some(m) => m.name,
                    None => continue,
                }
            }
            None => continue,
        };
        if uses < 2 && !(full.is_some() && shaped()) {
            continue;
        }
        match per_surname.get(surname) {
            Some(&i) => {
                let anchor: &mut Anchor<'a> = &mut out[i];
                anchor.actors.push(a);
                anchor.uses += uses;
                if introduction.start < anchor.introduction.start {
                    anchor.introduction = introduction;
                }
            }
            None => {
                per_surname.insert(surname, out.len());
                out.push(Anchor {
                    actors: vec![a],
                    surname,
                    introduction,
                    uses,
                });
            }
        }
    }
    out
}

/// Whether the article writes a person in full, outside quotations, in two
/// words or more each shaped like a name, with the surname last, and writes
/// none of them in lowercase: a person's name even where the model hesitates
/// and the article uses it once.
pub(super) fn name_shaped(ctx: &Context<'_>, a: usize, surname: &str) -> bool {
    super::Answers::<NameShaped>::of(ctx, ctx.actors.actors.len())
        .answer(a, || written_in_shape(ctx, a, surname))
}

/// Whether an actor is written in full in name-shaped words ([`name_shaped`]);
/// asked with the actor's later name only, so worked out once per actor.
struct NameShaped;

/// [`name_shaped`], worked out.
fn written_in_shape(ctx: &Context<'_>, a: usize, surname: &str) -> bool {
    ctx.actors
        .mentions_of(a)
        .filter(|m| m.form == Form::Full && !m.in_quote)
        .any(|m| {
            let words: Vec<&str> = ctx.prose.slice(m.name).split_whitespace().collect();
            words.len() >= 2
                && words.last() == Some(&surname)
                && words.iter().all(|w| super::name_like(w))
                && !super::lowercase_in(ctx, &words)
        })
}

/// Whether the word at token `t` stands alone where a surname would: no
/// capitalised word joined to it on either side, except a courtesy title or
/// title the model read before it, or the first word of a sentence. A
/// possessive ends the name: the capitalised words after it are the thing
/// owned ("Malle's The Lovers"), not more of the name.
fn alone(ctx: &Context<'_>, t: usize) -> bool {
    let tokens = &ctx.prose.tokens;
    let joined = |a: usize, b: usize| {
        ctx.prose.text[tokens[a].span.end..tokens[b].span.start]
            .chars()
            .all(|c| c == ' ' || c == '-')
    };
    let block = ctx.prose.block_at(tokens[t].span.start);
    let same_block = |i: usize| ctx.prose.block_at(tokens[i].span.start) == block;
    let before = t
        .checked_sub(1)
        .filter(|&p| same_block(p) && joined(p, t))
        .map(|p| &tokens[p]);
    let after =
        (!tokens[t].possessive() && t + 1 < tokens.len() && same_block(t + 1) && joined(t, t + 1))
            .then(|| &tokens[t + 1]);
    let titled = ctx
        .actors
        .mention_at(tokens[t].span.start)
        .is_some_and(|m| {
            let m = &ctx.actors.mentions[m];
            m.title.is_some() || m.courtesy.is_some()
        });
    let before_ok = before.is_none_or(|b| {
        !b.capitalised
            || b.kind != TokenKind::Word
            || b.sentence_start && LEXICON.is_function_word(ctx.prose.slice(b.word))
            || titled
    });
    let after_ok = after.is_none_or(|a| !a.capitalised || a.kind != TokenKind::Word);
    before_ok && after_ok
}

/// Whether the rules judge text here: the story's body, not a heading,
/// caption or a link's text.
fn judged_here(ctx: &Context<'_>, layout: &Layout, span: Span) -> bool {
    let Some(b) = ctx.prose.block_at(span.start) else {
        return false;
    };
    let block = &ctx.prose.blocks[b];
    // A caption is asked about once per block, however many words it has.
    let caption = || {
        super::Answers::<Caption>::of(ctx, ctx.prose.blocks.len())
            .answer(b, || LEXICON.is_caption(ctx.prose.slice(block.span)))
    };
    block.kind != BlockKind::Heading
        && layout.in_body(span.start)
        && !caption()
        && !layout.in_link_text(span)
}

/// One way a word is written, and everywhere it is written so.
type Written<'a> = (&'a str, Vec<Span>);

/// Whether a block is a photo caption ([`judged_here`]).
struct Caption;

/// Whether the word names no one of its own: not a reference to one of the
/// anchor's people already (the linked rule judges those), not an
/// organisation or place, and not a person introduced under that name.
fn unlinked<'a>(
    ctx: &'a Context<'_>,
    anchor: &[usize],
    span: Span,
    name_words: &std::cell::OnceCell<FastSet<&'a str>>,
    word: &str,
) -> bool {
    let Some(m) = ctx.actors.mention_at(span.start) else {
        let name_words = name_words.get_or_init(|| {
            ctx.actors
                .actors
                .iter()
                .flat_map(|a| a.name.split_whitespace())
                .collect()
        });
        return !name_words.contains(word);
    };
    let mention = &ctx.actors.mentions[m];
    if mention.form == Form::Full || !mention.name.contains(span.start) {
        return false;
    }
    match mention.actor() {
        Some(a) if anchor.contains(&a) => false,
        Some(a) => {
            let other = &ctx.actors.actors[a];
            other.kind == ActorKind::Person
                && !ctx.actors.mentions_of(a).any(|m| m.form == Form::Full)
        }
        None => false,
    }
}

fn finding(
    ctx: &Context<'_>,
    anchor: &Anchor<'_>,
    span: Span,
    word: &str,
    how: Difference,
) -> Finding {
    let at = anchor.introduction;
    respelling(
        ctx,
        (span, word),
        anchor.surname,
        how,
        (at, format!("'{}'", text_of(ctx, at))),
    )
}

/// How far back a parenthesis may open and still hold a word: a gloss is
/// short.
const GLOSS_BYTES: usize = 160;

/// Whether a word sits in a parenthesis on its line ("Zaha Hadid (Arabic:
/// Zahā Ḥadīd)"): a gloss that gives the name in another romanisation, on
/// purpose, not a spelling the article uses (an encoding never is on
/// purpose). Looks back a bounded stretch.
fn in_parentheses(ctx: &Context<'_>, span: Span) -> bool {
    let text = &ctx.prose.text;
    let mut from = span.start.saturating_sub(GLOSS_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..span.start];
    let line = before.rsplit('\n').next().unwrap_or("");
    line.rfind('(')
        .is_some_and(|open| !line[open..].contains(')'))
}

/// A combining mark: a decomposed accent is part of the word it sits on.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36f | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f)
}

/// Capitalised words written both with and without accents, or in two
/// Unicode encodings ("Einsteín" once, "Einstein" everywhere else), whether
/// or not the model made a person of them: the rarer form is flagged, with
/// a fix to the usual one; two forms used equally often are left alone. Words the article writes in lowercase, places (listed, or written as a place: "the town of Julfa") and
/// the words of an organisation's name stay out; so does any word a rule
/// already flagged.
pub(super) fn accent_variants(
    ctx: &Context<'_>,
    layout: &Layout,
    words: &mut WordMemo,
    (places, capitalised): (&Places, &Capitalised),
    out: &mut Vec<Finding>,
) {
    // Each form of a word, by its letters without accents; only the words
    // written in two forms or more are looked at again, and only their uses
    // are looked for, each form's list in the order the forms first come.
    //
    // Two forms with the same letters differ in accents or encoding, so
    // one of them at least is not ASCII: the forms are gathered from the
    // words that are not, each list with the word its letters spell, if the
    // text writes it. An ASCII word is passed over unread.
    let eligible = |text: &str| {
        text.chars().count() >= 3 && text.chars().all(|c| c.is_alphabetic() || is_mark(c))
    };
    let mut by_letters: FastMap<Arc<str>, Vec<&str>> = FastMap::default();
    for word in capitalised.outside_quotes() {
        let text = word.text;
        if text.is_ascii() || !eligible(text) {
            continue;
        }
        by_letters
            .entry(words.without_accents(text))
            .or_default()
            .push(text);
    }
    for (letters, list) in &mut by_letters {
        if let Some(plain) = capitalised
            .written_outside(letters)
            .filter(|l| l.is_ascii() && eligible(l))
        {
            list.push(plain);
        }
    }
    let wanted: FastSet<&str> = by_letters
        .values()
        .filter(|list| list.len() >= 2)
        .flatten()
        .copied()
        .collect();
    let written = capitalised.uses(ctx.prose, &wanted);
    let forms: Vec<Vec<Written<'_>>> = by_letters
        .into_values()
        .filter(|list| list.len() >= 2)
        .map(|list| {
            let mut list: Vec<Written<'_>> = list
                .into_iter()
                .map(|text| {
                    let spans = written
                        .get(text)
                        .into_iter()
                        .flatten()
                        .map(|&t| ctx.prose.tokens[t].word)
                        .collect();
                    (text, spans)
                })
                .collect();
            list.sort_unstable_by_key(|f| f.1.first().map(|s| s.start));
            list
        })
        .collect();
    // Each use of a word written in two forms or more, in text order, with
    // its forms.
    let mut varied: Vec<(Span, &str, &[Written<'_>])> = forms
        .iter()
        .flat_map(|list| {
            list.iter()
                .flat_map(move |f| f.1.iter().map(move |&span| (span, f.0, list.as_slice())))
        })
        .collect();
    if varied.is_empty() {
        return;
    }
    varied.sort_unstable_by_key(|v| v.0.start);
    let flagged: Vec<Span> = out
        .iter()
        .filter(|f| f.code == super::spelling::NAME_VARIANT.code)
        .map(|f| f.span)
        .collect();
    let person_word = |w: &str| {
        !super::lowercase_in(ctx, &[w])
            && !LEXICON.names_a_place(w)
            && !places.contains(w)
            && !LEXICON.is_function_word(w)
    };
    let in_body = |s: Span| {
        judged_here(ctx, layout, s)
            && ctx
                .actors
                .actor_at(s.start)
                .is_none_or(|a| ctx.actors.actors[a].kind == ActorKind::Person)
    };
    // Where each usual form is first written in the body: a headline's
    // "Otto Jespersen" shows the spelling, but the reader checks it below.
    let mut shown: FastMap<&str, Option<Span>> = FastMap::default();
    for (span, word, list) in varied {
        // The same letters in another encoding: the decomposed form is the
        // odd one, however often it is used.
        let composed = list
            .iter()
            .find(|f| f.0 != word && nfc(f.0) == nfc(word) && nfc(f.0) == f.0);
        let (expected, spans, how) = match composed {
            Some((w, s)) => (*w, s, Difference::Encoding),
            None => {
                // Accents: the usual form is the one used more often. Two
                // forms used as often as each other may be two names ("Ali"
                // and "Ālī" in two places).
                if list.len() != 2 || list[0].1.len() == list[1].1.len() {
                    continue;
                }
                let Some((w, s)) = list
                    .iter()
                    .max_by_key(|f| f.1.len())
                    .filter(|f| f.0 != word)
                else {
                    continue;
                };
                match difference(word, w) {
                    Some(Difference::Accents) => (*w, s, Difference::Accents),
                    _ => continue,
                }
            }
        };
        if !person_word(word)
            || !person_word(expected)
            || !in_body(span)
            || how == Difference::Accents && in_parentheses(ctx, span)
        {
            continue;
        }
        let first = *shown
            .entry(expected)
            .or_insert_with(|| spans.iter().copied().find(|s| in_body(*s)));
        let Some(first) = first else {
            continue;
        };
        if flagged
            .iter()
            .any(|f| f.start < span.end && span.start < f.end)
        {
            continue;
        }
        out.push(respelling(
            ctx,
            (span, word),
            expected,
            how,
            (first, format!("usual spelling: '{expected}'")),
        ));
    }
}
