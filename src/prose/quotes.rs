//! Direct quotations within one block: straight and curly marks, double or
//! single, nested, and left open at the block's end by the news convention for
//! quotations that run on into the next paragraph.
//!
//! An apostrophe is told from a single quote by its neighbours: a mark with a
//! letter on both sides ("don’t", "Wang Yi’s") is an apostrophe.

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct LocalQuote {
    pub span: Span,
    pub inner: Span,
    pub closed: bool,
    pub nested: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Double,
    Single,
}

/// An opened, not yet closed quotation.
struct Open {
    mark: Mark,
    at: usize,
    len: usize,
}

pub(super) fn find(text: &str) -> Vec<LocalQuote> {
    let mut found = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    // How many marks of each kind the stack holds: a closing mark with none
    // open is passed over without a search of the stack, and a search that
    // finds its mark drops what it passed, so the stack is walked about once.
    let mut open = [0usize; 2];
    // Only the marks are looked at, with the characters on either side:
    // the text between them is passed over a byte at a time (every mark
    // begins with `"`, `'` or 0xE2, the lead byte of `“”‘’`).
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(skip) = memchr::memchr3(b'"', b'\'', 0xE2, &bytes[from..]) {
        let i = from + skip;
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        from = i + c.len_utf8();
        if !matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’') {
            continue;
        }
        let prev = text[..i].chars().next_back();
        let mut next = text[from..].chars().next();
        let mut len = c.len_utf8();
        let top = stack.last().map(|o| o.mark);
        // Two apostrophes typed as one double mark (''We will,'' she said):
        // an old newsroom convention that some wire copy still carries.
        let doubled = c == '\'' && next == Some('\'');
        if doubled {
            from += 1;
            next = text[from..].chars().next();
            len = 2;
        }
        let action = match c {
            _ if doubled => Some((
                Mark::Double,
                !(top == Some(Mark::Double) || closes(prev, next)),
            )),
            '“' => Some((Mark::Double, true)),
            '”' => Some((Mark::Double, false)),
            '"' => Some((
                Mark::Double,
                !(top == Some(Mark::Double) || closes(prev, next)),
            )),
            '‘' if !is_word_char(prev) => Some((Mark::Single, true)),
            '’' | '\'' if is_word_char(prev) && is_word_char(next) => None,
            '’' | '\'' if top == Some(Mark::Single) && !is_word_char(next) => {
                Some((Mark::Single, false))
            }
            '‘' | '\'' if !is_word_char(prev) && is_word_char(next) => Some((Mark::Single, true)),
            _ => None,
        };
        match action {
            Some((mark, true)) => {
                open[mark as usize] += 1;
                stack.push(Open { mark, at: i, len });
            }
            Some((mark, false)) if open[mark as usize] > 0 => {
                if let Some(depth) = stack.iter().rposition(|o| o.mark == mark) {
                    let (at, opening) = (stack[depth].at, stack[depth].len);
                    // Marks opened inside this one and never closed were apostrophes.
                    for dropped in stack.drain(depth..) {
                        crate::work::step();
                        open[dropped.mark as usize] -= 1;
                    }
                    found.push(LocalQuote {
                        span: Span::new(at, i + len),
                        inner: Span::new(at + opening, i),
                        closed: true,
                        nested: depth > 0,
                    });
                }
            }
            Some(_) => {}
            None => {}
        }
    }
    // A double quotation left open runs to the end of the block; open single
    // marks at the end were apostrophes ("the '90s").
    if let Some(depth) = stack.iter().position(|o| o.mark == Mark::Double) {
        let open = &stack[depth];
        let end = text.trim_end().len().max(open.at + open.len);
        found.push(LocalQuote {
            span: Span::new(open.at, end),
            inner: Span::new(open.at + open.len, end),
            closed: false,
            nested: depth > 0,
        });
    }
    found.sort_by_key(|q| (q.span.start, q.span.end));
    found
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Whether a straight double mark between `prev` and `next` reads as closing.
fn closes(prev: Option<char>, next: Option<char>) -> bool {
    let after_word = prev.is_some_and(|p| !p.is_whitespace() && !matches!(p, '(' | '[' | '—'));
    let before_word = next.is_some_and(char::is_alphanumeric);
    after_word && !before_word
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(&str, bool, bool)> {
        find(text)
            .into_iter()
            .map(|q| (q.inner.of(text), q.closed, q.nested))
            .collect()
    }

    #[test]
    fn straight_and_curly_double_quotes() {
        assert_eq!(
            quotes(r#"He called it "a breakthrough" and “a start.”"#),
            vec![("a breakthrough", true, false), ("a start.", true, false)]
        );
    }

    #[test]
    fn nested_single_quotes_and_apostrophes() {
        assert_eq!(
            quotes("“Wang Yi’s words were ‘a warning,’ and we don’t forget,” he said."),
            vec![
                (
                    "Wang Yi’s words were ‘a warning,’ and we don’t forget,",
                    true,
                    false
                ),
                ("a warning,", true, true)
            ]
        );
    }

    #[test]
    fn a_running_quotation_stays_open_at_the_block_end() {
        assert_eq!(
            quotes("\"We will continue to talk. "),
            vec![("We will continue to talk.", false, false)]
        );
    }

    #[test]
    fn british_single_outer_quotes() {
        assert_eq!(
            quotes("‘It is “unacceptable”,’ she said of the girls' team in the '90s."),
            vec![
                ("It is “unacceptable”,", true, false),
                ("unacceptable", true, true)
            ]
        );
    }

    #[test]
    fn doubled_apostrophes_are_a_double_mark() {
        assert_eq!(
            quotes("''Can we win?'' Ruiz asked. ''We 'might,' I think.'' It's ''over''"),
            vec![
                ("Can we win?", true, false),
                ("We 'might,' I think.", true, false),
                ("might,", true, true),
                ("over", true, false)
            ]
        );
    }

    #[test]
    fn headline_scare_quotes_in_straight_singles() {
        assert_eq!(
            quotes("Team honored for 'courageous achievement' at contest"),
            vec![("courageous achievement", true, false)]
        );
    }
}
