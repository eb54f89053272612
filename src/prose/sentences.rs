//! Sentence splitting tuned for news copy.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis, plus any closing quote marks
//! or brackets, followed by white space and then a capital, a digit or an
//! opening mark. A period does not end a sentence after a title or month
//! abbreviation ("Gen.", "Jan."); after an ambiguous one ("Inc.", "U.S.", an
//! initial) or an ellipsis, it does only when a common sentence opener follows.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::span::Span;
use crate::wordlist;

const ABBREVIATIONS: &str = include_str!("../../data/abbreviations.txt");
const OPENERS: &str = include_str!("../../data/sentence-openers.txt");

struct Lists {
    always: HashSet<&'static str>,
    numbered: HashSet<&'static str>,
    ambiguous: HashSet<&'static str>,
    openers: HashSet<&'static str>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| Lists {
    always: wordlist::section(ABBREVIATIONS, "always")
        .into_iter()
        .collect(),
    numbered: wordlist::section(ABBREVIATIONS, "numbered")
        .into_iter()
        .collect(),
    ambiguous: wordlist::section(ABBREVIATIONS, "ambiguous")
        .into_iter()
        .collect(),
    openers: wordlist::entries(OPENERS).collect(),
});

/// Reads the lists now rather than on the first document.
pub(super) fn warm_up() {
    LazyLock::force(&LISTS);
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
}

/// Sentence spans in `text`, trimmed of surrounding white space.
pub(super) fn split(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Only a full stop, `!`, `?` or `…` (whose lead byte is 0xE2) can end
    // a sentence: the bytes between them are passed over.
    while let Some(skip) = text.as_bytes()[i..]
        .iter()
        .position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2))
    {
        i += skip;
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += c.len_utf8();
            continue;
        }
        // The run of terminators, then closing marks.
        let run_start = i;
        let run_end = i + text[i..]
            .find(|ch: char| !matches!(ch, '.' | '!' | '?' | '…'))
            .unwrap_or(text.len() - i);
        let end = run_end
            + text[run_end..]
                .find(|ch: char| !is_closer(ch))
                .unwrap_or(text.len() - run_end);
        if ends_sentence(text, run_start, run_end, end) {
            push_trimmed(&mut spans, text, start, end);
            start = end;
        }
        i = end;
    }
    push_trimmed(&mut spans, text, start, text.len());
    spans
}

fn push_trimmed(spans: &mut Vec<Span>, text: &str, start: usize, end: usize) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        spans.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

/// Whether the terminator run `text[run_start..run_end]`, with closing marks up
/// to `end`, ends a sentence.
fn ends_sentence(text: &str, run_start: usize, run_end: usize, end: usize) -> bool {
    let rest = &text[end..];
    let after_space = rest.trim_start();
    if after_space.len() == rest.len() {
        // No white space after: "3.5", "U.S.-led", or the end of the block.
        return rest.is_empty();
    }
    let Some(next) = after_space.chars().next() else {
        return true;
    };
    // Asked only where the answer turns on it.
    let opener_follows = || {
        LISTS
            .openers
            .contains(first_word(after_space).to_lowercase().as_str())
    };
    if !(next.is_uppercase() || next.is_ascii_digit() || is_opener(next) || next == '—') {
        return false;
    }
    let run = &text[run_start..run_end];
    if run == "." {
        let word = word_before(text, run_start);
        let lower = word.to_lowercase();
        if LISTS.always.contains(lower.as_str())
            || LISTS.numbered.contains(lower.as_str()) && next.is_ascii_digit()
        {
            return false;
        }
        // "U.S." is dotted; a figure with decimals ("$27.16") is not.
        let dotted = word.contains('.') && word.chars().any(char::is_alphabetic);
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if dotted || initial || LISTS.ambiguous.contains(lower.as_str()) {
            return opener_follows();
        }
        return true;
    }
    if run.contains('…') || run.starts_with("..") {
        return opener_follows() || is_opener(next);
    }
    true
}

/// The word ending just before `at`, without leading opening marks.
fn word_before(text: &str, at: usize) -> &str {
    let before = &text[..at];
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '—' || c == '(')
        .map_or(0, |(i, c)| i + c.len_utf8());
    before[start..].trim_start_matches(is_opener)
}

/// The leading run of letters of `text`, after any opening marks.
fn first_word(text: &str) -> &str {
    let text = text.trim_start_matches(is_opener);
    let end = text
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences("Sen. Maria Ortiz met Gen. Tom Haley. J. D. Vance was not there."),
            vec![
                "Sen. Maria Ortiz met Gen. Tom Haley.",
                "J. D. Vance was not there."
            ]
        );
    }

    #[test]
    fn dotted_abbreviations_end_a_sentence_only_before_an_opener() {
        assert_eq!(
            sentences("The U.S. President spoke at 10 a.m. Tuesday in the U.S. The crowd cheered."),
            vec![
                "The U.S. President spoke at 10 a.m. Tuesday in the U.S.",
                "The crowd cheered."
            ]
        );
    }

    #[test]
    fn decimals_numbers_and_months() {
        assert_eq!(
            sentences("Growth was 3.5 percent on Jan. 4. No. 2 Street was closed. He said no. Then he left."),
            vec![
                "Growth was 3.5 percent on Jan. 4.",
                "No. 2 Street was closed.",
                "He said no.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn a_figure_with_decimals_ends_a_sentence() {
        assert_eq!(
            sentences("The average gift was $41.25. Donors gave 2.5. Ruiz spent it."),
            vec![
                "The average gift was $41.25.",
                "Donors gave 2.5.",
                "Ruiz spent it."
            ]
        );
    }

    #[test]
    fn quotations_that_end_inside_the_marks() {
        assert_eq!(
            sentences("\"We are ready,\" he said. \"Are you?\" she asked. \"Yes.\" That was all."),
            vec![
                "\"We are ready,\" he said.",
                "\"Are you?\" she asked.",
                "\"Yes.\"",
                "That was all."
            ]
        );
        assert_eq!(
            sentences("“It is over.” The minister left."),
            vec!["“It is over.”", "The minister left."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            sentences("“We will … Moscow will answer,” he said... Then he left."),
            vec![
                "“We will … Moscow will answer,” he said...",
                "Then he left."
            ]
        );
    }

    #[test]
    fn a_headline_with_no_period_is_one_sentence() {
        assert_eq!(
            sentences("Wang Yi arrives in Moscow for talks"),
            vec!["Wang Yi arrives in Moscow for talks"]
        );
    }

    #[test]
    fn company_suffixes() {
        assert_eq!(
            sentences("It sold Acme Inc. shares to Acme Corp. It then left. Acme Co. The end."),
            vec![
                "It sold Acme Inc. shares to Acme Corp.",
                "It then left.",
                "Acme Co.",
                "The end."
            ]
        );
    }
}
