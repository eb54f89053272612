//! Early words `late-introduction` does not take for a person's surname:
//! a name in capitals, a people's name, a name with its epithet, and a
//! courtesy title of the other sex from the person introduced later.

use crate::actors::lexicon::LEXICON;
use crate::actors::Mention;
use crate::checks::Context;
use crate::hashing::FastSet;
use crate::prose::TokenKind;
use crate::span::Span;

/// Whether a name is written in capitals ("WARNOCK"): the convention of a
/// transcript's speaker labels and of the Congressional Record for its
/// members, or a label; not a reference in running prose.
pub(super) fn in_capitals(written: &str) -> bool {
    written.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !written.chars().any(char::is_lowercase)
}

/// Whether the article writes the word after "the" as a whole noun phrase
/// ("the Moriori, who", "the Moriori were"): a people, a group or a thing.
/// A person is not "the Smith"; "the Trump campaign" names a following.
/// The words are gathered once per analysis.
pub(super) fn after_the(ctx: &Context<'_>, word: &str) -> bool {
    let found = ctx.shared.get_or_insert_with(|| {
        let tokens = &ctx.prose.tokens;
        AfterThe(
            tokens
                .windows(3)
                .filter(|w| {
                    let (article, name, next) = (&w[0], &w[1], &w[2]);
                    article.kind == TokenKind::Word
                        && ctx.prose.slice(article.word) == "the"
                        && name.kind == TokenKind::Word
                        && name.capitalised
                        && !name.possessive()
                        && match next.kind {
                            TokenKind::Punct => true,
                            TokenKind::Word => {
                                !next.capitalised
                                    && !LEXICON.is_name_modifier(ctx.prose.slice(next.word))
                            }
                            TokenKind::Number => false,
                        }
                })
                .map(|w| ctx.prose.slice(w[1].word).to_string())
                .collect(),
        )
    });
    found.0.contains(word)
}

/// The capitalised words written after "the" as a whole noun phrase.
struct AfterThe(FastSet<String>);

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sex {
    Male,
    Female,
}

/// The sex a courtesy title gives ("Mr.", "Ms."), if it gives one.
fn courtesy_sex(title: &str) -> Option<Sex> {
    match title.trim_end_matches('.').to_ascii_lowercase().as_str() {
        "mr" | "sir" | "lord" => Some(Sex::Male),
        "mrs" | "ms" | "miss" | "dame" | "lady" => Some(Sex::Female),
        _ => None,
    }
}

/// The sex the pronouns after a reference give, in the rest of its
/// sentence, where they all agree ("Michelle Obama referred to in her
/// speech").
fn pronoun_sex(ctx: &Context<'_>, m: &Mention) -> Option<Sex> {
    let sentence = ctx.prose.sentence_at(m.span.start)?;
    let mut found = None;
    for token in ctx.prose.sentence_tokens(sentence) {
        if token.span.start < m.span.end || token.kind != TokenKind::Word {
            continue;
        }
        let sex = match ctx.prose.slice(token.word).to_ascii_lowercase().as_str() {
            "he" | "him" | "his" | "himself" => Sex::Male,
            "she" | "her" | "hers" | "herself" => Sex::Female,
            _ => continue,
        };
        if found.is_some_and(|f| f != sex) {
            return None;
        }
        found = Some(sex);
    }
    found
}

/// Whether an early reference's courtesy title is of one sex and the
/// introduction's own words give the other ("Mr. Obama" before "Michelle
/// Obama ... her speech"): two people, not a surname used too early.
pub(super) fn other_sex(ctx: &Context<'_>, early: &Mention, intro: &Mention) -> bool {
    let title = early.courtesy.map(|c| ctx.prose.slice(c));
    let (Some(said), Some(shown)) = (title.and_then(courtesy_sex), pronoun_sex(ctx, intro)) else {
        return false;
    };
    said != shown
}

/// Whether a name alone is followed by "of" and a capitalised word that is
/// no listed place, the same words written again elsewhere ("Theodorus of
/// Tabennese" in the headline and the body): a name with its epithet, the
/// whole name, not a surname. "Cruz of Texas" is a senator's surname and
/// state, and "Patterson of Slate" a writer's surname and employer, written
/// once.
pub(super) fn with_epithet(ctx: &Context<'_>, early: &Mention) -> bool {
    let tokens = &ctx.prose.tokens;
    let Some(t) = ctx.prose.token_at(early.name.start) else {
        return false;
    };
    let last = (t..tokens.len())
        .take_while(|&k| tokens[k].span.start < early.name.end)
        .last()
        .unwrap_or(t);
    let (Some(of), Some(place)) = (tokens.get(last + 1), tokens.get(last + 2)) else {
        return false;
    };
    early.title.is_none()
        && early.courtesy.is_none()
        && !tokens[last].possessive()
        && of.kind == TokenKind::Word
        && ctx.prose.slice(of.word) == "of"
        && place.kind == TokenKind::Word
        && place.capitalised
        && !LEXICON.names_a_place(ctx.prose.slice(place.word))
        && {
            let whole = ctx
                .prose
                .slice(Span::new(tokens[t].span.start, place.span.end));
            ctx.prose.text.matches(whole).take(2).count() == 2
        }
}
