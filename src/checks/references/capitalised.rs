//! The capitalised words of the text, gathered in one pass for
//! `name-variant`: how often each is written, and where outside quotations.
//! Its two searches for respellings then look each word up once, not once
//! per use.

use crate::checks::Context;
use crate::hashing::FastMap;
use crate::prose::TokenKind;

/// A capitalised word: every use counted, the uses outside quotations
/// listed by token.
pub(super) struct Word<'a> {
    pub(super) text: &'a str,
    pub(super) count: usize,
    pub(super) tokens: Vec<usize>,
}

/// Every capitalised word of the text.
pub(super) struct Capitalised<'a> {
    words: Vec<Word<'a>>,
}

impl<'a> Capitalised<'a> {
    pub(super) fn of(ctx: &'a Context<'_>) -> Self {
        let mut words: Vec<Word<'a>> = Vec::new();
        let mut by_text: FastMap<&'a str, usize> = FastMap::default();
        for (t, token) in ctx.prose.tokens.iter().enumerate() {
            if token.kind != TokenKind::Word || !token.capitalised {
                continue;
            }
            let text = ctx.prose.slice(token.word);
            let w = *by_text.entry(text).or_insert_with(|| {
                words.push(Word {
                    text,
                    count: 0,
                    tokens: Vec::new(),
                });
                words.len() - 1
            });
            let word = &mut words[w];
            word.count += 1;
            if !token.in_quote {
                word.tokens.push(t);
            }
        }
        Capitalised { words }
    }

    /// The words written outside quotations, in the order they first are.
    pub(super) fn outside_quotes(&self) -> Vec<&Word<'a>> {
        let mut out: Vec<&Word<'a>> = self.words.iter().filter(|w| !w.tokens.is_empty()).collect();
        out.sort_unstable_by_key(|w| w.tokens[0]);
        out
    }
}
