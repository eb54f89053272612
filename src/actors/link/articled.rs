//! The words the text writes as things.

use super::*;

/// The capitalised words the text writes after "the" and before a
/// punctuation mark ("the Confederacy.", "the Kremlin,"), by [`lookup_key`]:
/// a word named as a thing, which a person's name seldom is (a family is
/// "the Bernoulli family", a people "the Moriori").
pub(super) fn articled_words(prose: &Prose) -> FastSet<String> {
    let tokens = &prose.tokens;
    let mut out = FastSet::default();
    for (k, t) in tokens.iter().enumerate().skip(1) {
        // The cheap tests first: this runs over every token of every analysis.
        if t.kind != TokenKind::Word || !t.capitalised || t.possessive() {
            continue;
        }
        let closes = tokens
            .get(k + 1)
            .is_some_and(|n| n.kind == TokenKind::Punct);
        if closes && prose.slice(tokens[k - 1].word).eq_ignore_ascii_case("the") {
            out.insert(lookup_key(prose.slice(t.word)).into_owned());
        }
    }
    out
}
