//! Word tokens that rules match on without re-scanning the text.
//!
//! A word runs over letters, digits and combining marks, and over `-`, `'`,
//! `’`, `.` and `&` when a letter or digit follows ("Al-Sisi", "O’Brien",
//! "AT&T", "3.5"). A dotted abbreviation keeps its final period ("U.S.").
//! A possessive ending ("Wang Yi’s") stays in the token but not in its `word`.

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    /// One punctuation character.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    /// The span without a possessive ending; equal to `span` otherwise.
    pub word: Span,
    pub kind: TokenKind,
    /// Starts with an upper-case letter.
    pub capitalised: bool,
    /// The first word or number of its sentence.
    pub sentence_start: bool,
    /// Inside a direct quotation.
    pub in_quote: bool,
}

impl Token {
    pub fn possessive(&self) -> bool {
        self.word != self.span
    }
}

/// A token as a block's memo keeps it: offsets from the block's start, in
/// less than half the room. (A block is a part of one document, far below
/// 4 GiB.)
#[derive(Clone, Copy, Debug)]
pub(super) struct LocalToken {
    start: u32,
    end: u32,
    word_end: u32,
    kind: TokenKind,
    capitalised: bool,
    sentence_start: bool,
    in_quote: bool,
}

impl LocalToken {
    pub(super) fn of(token: &Token) -> LocalToken {
        let offset = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
        LocalToken {
            start: offset(token.span.start),
            end: offset(token.span.end),
            word_end: offset(token.word.end),
            kind: token.kind,
            capitalised: token.capitalised,
            sentence_start: token.sentence_start,
            in_quote: token.in_quote,
        }
    }

    /// The token in a block that starts at `base`.
    pub(super) fn placed(self, base: usize) -> Token {
        let start = base + self.start as usize;
        Token {
            span: Span::new(start, base + self.end as usize),
            word: Span::new(start, base + self.word_end as usize),
            kind: self.kind,
            capitalised: self.capitalised,
            sentence_start: self.sentence_start,
            in_quote: self.in_quote,
        }
    }
}

/// Contractions whose "'s" is not a possessive.
const CONTRACTIONS: [&str; 9] = [
    "it", "he", "she", "that", "there", "what", "who", "let", "here",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (U+0300..U+036F and the other common blocks) continue a word.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '&' | ',' | '\u{2011}')
}

/// The character at byte `at` of `text` (a character boundary), read
/// without decoding when it is ASCII.
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[at..].chars().next(),
        None => None,
    }
}

/// One pass by byte offset: each character is read once where a word goes
/// on, and an ASCII one without decoding.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut at = 0;
    while let Some(c) = char_at(text, at) {
        let start = at;
        at += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            let span = Span::new(start, at);
            tokens.push(Token {
                span,
                word: span,
                kind: TokenKind::Punct,
                capitalised: false,
                sentence_start: false,
                in_quote: false,
            });
            continue;
        }
        let mut end = at;
        let mut has_letter = c.is_alphabetic();
        let mut has_dot = false;
        while let Some(n) = char_at(text, end) {
            if is_word_char(n) {
                has_letter |= n.is_alphabetic();
                end += n.len_utf8();
                continue;
            }
            let after = char_at(text, end + n.len_utf8());
            // A comma joins digits only ("10,000"); other joiners join any word characters.
            let joins = is_joiner(n)
                && after.is_some_and(is_word_char)
                && (n != ',' || (!has_letter && after.is_some_and(|a| a.is_ascii_digit())));
            if !joins {
                break;
            }
            has_dot |= n == '.';
            end += n.len_utf8();
        }
        // "U.S." keeps its final period; "Mr." does not.
        if has_dot && has_letter && text[end..].starts_with('.') {
            end += 1;
        }
        // A plural possessive keeps its apostrophe: "the critics’ questions".
        let stem_end = end;
        if has_letter && text[..end].ends_with(['s', 'S']) {
            let mut rest = text[end..].chars();
            if let (Some('\'' | '’'), Some(after)) = (rest.next(), rest.next()) {
                if after.is_whitespace() && rest.next().is_some_and(char::is_alphabetic) {
                    end += text[end..].chars().next().map_or(0, char::len_utf8);
                }
            }
        }
        at = end;
        let span = Span::new(start, end);
        let token_text = &text[start..stem_end];
        let word = possessive_stem(token_text).map_or(Span::new(start, stem_end), |len| {
            Span::new(start, start + len)
        });
        tokens.push(Token {
            span,
            word,
            kind: if has_letter {
                TokenKind::Word
            } else {
                TokenKind::Number
            },
            capitalised: c.is_uppercase() || elided_particle(token_text),
            sentence_start: false,
            in_quote: false,
        });
    }
    tokens
}

/// A name that opens with an elided lowercase particle ("d'Ettorre",
/// "dell'Orto"): capitalised as a name, though its first letter is not.
fn elided_particle(word: &str) -> bool {
    // Every particle begins with `d` or `l`: most words are passed at once.
    matches!(word.as_bytes().first(), Some(b'd' | b'l'))
        && ["d", "l", "dell", "dall", "degl"].iter().any(|p| {
            word.strip_prefix(p)
                .and_then(|rest| rest.strip_prefix(['\'', '’']))
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_uppercase)
        })
}

/// The length of a possessive's stem: "Lavrov's" -> 6.
fn possessive_stem(token: &str) -> Option<usize> {
    let stem = token
        .strip_suffix("'s")
        .or_else(|| token.strip_suffix("’s"))?;
    // No character outside ASCII lowercases to one of these letters.
    (!stem.is_empty() && !CONTRACTIONS.iter().any(|c| c.eq_ignore_ascii_case(stem)))
        .then_some(stem.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .map(|t| t.word.of(text))
            .collect()
    }

    #[test]
    fn names_possessives_and_abbreviations() {
        assert_eq!(
            words("U.S. envoy Wang Yi’s talks with Al-Sisi, O'Brien and AT&T."),
            vec![
                "U.S.", "envoy", "Wang", "Yi", "talks", "with", "Al-Sisi", "O'Brien", "and", "AT&T"
            ]
        );
    }

    #[test]
    fn numbers_and_contractions() {
        let text = "It's 10,000 people, 3.5 percent, and Mr. Xi's plan.";
        assert_eq!(
            words(text),
            vec!["It's", "10,000", "people", "3.5", "percent", "and", "Mr", "Xi", "plan"]
        );
        let kinds: Vec<TokenKind> = tokenize(text).iter().map(|t| t.kind).collect();
        assert_eq!(kinds[1], TokenKind::Number);
    }

    #[test]
    fn combining_marks_and_cjk_stay_inside_words() {
        let text = "Ange\u{301}le met 王毅.";
        assert_eq!(words(text), vec!["Ange\u{301}le", "met", "王毅"]);
    }

    #[test]
    fn plural_possessives_keep_their_apostrophe() {
        let text = "the critics’ questions and the Joneses' car, but 'the girls' ";
        let tokens = tokenize(text);
        let critics = &tokens[1];
        assert_eq!(
            (critics.span.of(text), critics.word.of(text)),
            ("critics’", "critics")
        );
        assert!(critics.possessive());
        let joneses = &tokens[5];
        assert_eq!(joneses.word.of(text), "Joneses");
        assert!(joneses.possessive());
        assert!(!tokens.iter().any(|t| t.span.of(text) == "girls'"));
    }

    #[test]
    fn capitalisation_and_possessive_flags() {
        let tokens = tokenize("Lavrov's aide");
        assert!(tokens[0].capitalised && tokens[0].possessive());
        assert!(!tokens[1].capitalised && !tokens[1].possessive());
    }

    #[test]
    fn an_elided_particle_keeps_a_name_capitalised() {
        let tokens = tokenize("Paola d'Ettorre and dell’Orto, not d'you l'homme");
        let capitalised: Vec<bool> = tokens.iter().map(|t| t.capitalised).collect();
        assert_eq!(
            capitalised,
            vec![true, true, false, true, false, false, false, false]
        );
    }
}
