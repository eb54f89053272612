//! Words the article itself uses as the name of a place: the people rules
//! compare people's names, and a place spelled two ways ("Yucatán" and
//! "Yucatan", an old and a new romanisation of a town) is no one's name.

use crate::actors::lexicon::LEXICON;
use crate::checks::Context;
use crate::hashing::FastSet;
use crate::prose::{Token, TokenKind};

/// Every capitalised word the article writes as a place's name: before a
/// capitalised place head ("Yucatán Peninsula") or after a place noun and
/// "of" ("the town of Julfa"). One pass over the tokens.
pub(super) fn place_words<'a>(ctx: &'a Context<'_>) -> FastSet<&'a str> {
    let tokens = &ctx.prose.tokens;
    let word = |t: &Token| (t.kind == TokenKind::Word).then(|| ctx.prose.slice(t.word));
    let mut out = FastSet::default();
    for (i, token) in tokens.iter().enumerate() {
        let Some(name) = word(token).filter(|_| token.capitalised && !token.possessive()) else {
            continue;
        };
        let next = tokens.get(i + 1).filter(|t| t.capitalised).and_then(word);
        let headed = next.is_some_and(|n| LEXICON.is_place_head(n));
        let before = |back: usize| i.checked_sub(back).and_then(|j| word(&tokens[j]));
        let of_place = before(1) == Some("of")
            && i.checked_sub(2).is_some_and(|j| !tokens[j].capitalised)
            && before(2).is_some_and(|n| LEXICON.is_place_head(n));
        if headed || of_place {
            out.insert(name);
        }
    }
    out
}
