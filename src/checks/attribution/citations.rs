//! Academic and bibliographic citations: a sentence that cites a work has
//! its source, even if no one in it speaks.
//!
//! Recognised by shape, not by a list of authors: one or more surname-like
//! words and a year, in brackets ("(Ruiz 2019)", "(Ruiz & Moe, 2004: 12)",
//! "(Ruiz et al. 2010; Moe, n.d.)") or after the name ("Ruiz (2019)"); a
//! bracketed reference number ("[12]", "[3, 4]", "[5–7]") in the sentence or
//! right after its end, where encyclopaedias put it; a Markdown footnote
//! (`[^1]`); a superscript footnote number ("…the pier.¹"). A surname-like
//! word is capitalised and is no grammar word, month, day or common sentence
//! opener: "(In 2019)" and "(March 2019)" are dates, not citations.

use super::lexicon::{contains, LEXICON};
use crate::prose::Prose;
use regex::Regex;
use std::sync::LazyLock;

/// A year as works are dated: four digits from 1500 to 2099, perhaps with a
/// letter ("2019a"), or undated ("n.d.") or not yet out ("in press").
const YEAR: &str = r"(?:1[5-9]\d\d|20\d\d)[a-z]?|n\.\s?d\.|in press|forthcoming";

/// A page, chapter or section after the year (", p. 330", ": 12-14").
const PAGES: &str = r"(?:\s*[,:]\s*(?:pp?\.|ch\.|§)?\s*[0-9ivxlc]+(?:\s*[-–]\s*[0-9ivxlc]+)?)?";

/// Names: capitalised words (with particles such as "van" or "de" inside),
/// joined by commas, "&" or "and", perhaps ending "et al.".
const NAMES: &str = r"\p{Lu}[\p{L}\p{M}'’\-]*(?:(?:\s*,\s*|\s+)(?:(?:&|and)\s+)?(?:\p{Lu}[\p{L}\p{M}'’\-]*|van|von|de|der|den|del|da|di|du|dos|le|la)|\s*&\s*\p{Lu}[\p{L}\p{M}'’\-]*)*(?:\s+et\s+al\.?)?";

/// One work cited inside brackets, the whole of the bracket or of one of its
/// parts between semicolons ("see Ruiz 2019", "e.g., Moe et al., 2010, p. 4").
static IN_BRACKETS: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?:(?:see also|see|e\.g\.|cf\.|also)\s*,?\s+)?(?P<names>{NAMES})\s*,?\s*(?:{YEAR}){PAGES}\s*$"
    ))
});

/// A work cited after its author's name: "Ruiz (2019)", "Ruiz and Moe (2004, p. 12)".
static AFTER_NAME: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"(?P<names>{NAMES})\s+\((?:{YEAR}){PAGES}\)")));

/// The inside of one pair of round brackets.
static BRACKETS: LazyLock<Regex> = LazyLock::new(|| regex(r"\(([^()]{1,300})\)"));

/// A reference number in square brackets, or a Markdown footnote.
static REFERENCE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\[(?:\d{1,4}(?:\s*[,–-]\s*\d{1,4})*|\^[^\]\s]{1,40})\]"));

/// Reference numbers at the very start of a text: they belong to the
/// sentence before ("…the pier. [7] The ferry…").
static LEADING_REFERENCES: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:\s*,?\s*\[(?:\d{1,4}(?:\s*[,–-]\s*\d{1,4})*|\^[^\]\s]{1,40})\])+")
});

/// A superscript footnote number after a word of three letters or more or
/// after punctuation; not after a unit ("50 m²", "3 km²").
static SUPERSCRIPT: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?:\p{L}{3}|[.,;:!?’”\x22)])[¹²³⁴⁵⁶⁷⁸⁹⁰]+"));

fn regex(pattern: &str) -> Regex {
    // The patterns are constants of this file, checked by the tests below.
    Regex::new(pattern).unwrap_or_else(|e| panic!("citation pattern {pattern:?}: {e}"))
}

/// Whether sentence `sentence` of `prose` cites a work: in its own words, or
/// with a reference number right after its end. `source` is the document
/// text, at the same offsets as the prose: Markdown footnote marks are not
/// prose, but they are citations.
pub(super) fn cites_a_work(source: &str, prose: &Prose, sentence: usize) -> bool {
    let Some(s) = prose.sentences.get(sentence) else {
        return false;
    };
    let text = if source.len() == prose.text.len() {
        source
    } else {
        prose.text.as_str()
    };
    let mut end = s.span.end;
    // A bracket left open runs into the next sentence: "(Ruiz et al." is
    // split from "2010)" at the abbreviation's period.
    let own = text.get(s.span.start..end).unwrap_or_default();
    if own.matches('(').count() > own.matches(')').count() {
        if let Some(next) = prose.sentences.get(sentence + 1) {
            if next.block == s.block {
                end = next.span.end;
            }
        }
    }
    let own = text.get(s.span.start..end).unwrap_or_default();
    // Numbers that open the sentence are the last one's.
    let own = match opens_with_bracket(own)
        .then(|| LEADING_REFERENCES.find(own))
        .flatten()
    {
        Some(lead) => &own[lead.end()..],
        None => own,
    };
    let after = text.get(end..).unwrap_or_default();
    cites(own) || (opens_with_bracket(after) && LEADING_REFERENCES.is_match(after))
}

/// Whether `text` opens with a square bracket after white space and
/// commas, as [`LEADING_REFERENCES`] needs: most sentences do not, and this
/// says so without the pattern, which is then never compiled (5 M
/// instructions, 4% of a first analysis at 10,000 words).
fn opens_with_bracket(text: &str) -> bool {
    text.trim_start_matches(|c: char| c.is_whitespace() || c == ',')
        .starts_with('[')
}

/// Whether `text` has a character every citation needs: a bracket or a
/// superscript digit. Most sentences have none, and this says so in one
/// pass over their bytes instead of four searches.
fn may_cite(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'(' | b'[' => true,
        // ¹ ² ³: U+00B9, U+00B2, U+00B3.
        0xC2 => matches!(bytes.get(i + 1), Some(0xB2 | 0xB3 | 0xB9)),
        // ⁰ and ⁴ to ⁹: U+2070, U+2074 to U+2079.
        0xE2 => {
            bytes.get(i + 1) == Some(&0x81) && matches!(bytes.get(i + 2), Some(0xB0 | 0xB4..=0xB9))
        }
        _ => false,
    })
}

/// Whether `text` carries a citation.
fn cites(text: &str) -> bool {
    if !may_cite(text) {
        return false;
    }
    REFERENCE
        .find_iter(text)
        // Not a link's text or label: "[1](https://…)", "[the report][1]".
        .any(|m| !text[m.end()..].starts_with('(') && !text[..m.start()].ends_with(']'))
        || SUPERSCRIPT.is_match(text)
        || AFTER_NAME.captures_iter(text).any(|c| {
            c.name("names")
                .is_some_and(|n| ends_in_surnames(n.as_str()))
        })
        || BRACKETS.captures_iter(text).any(|c| {
            c.get(1).is_some_and(|inside| {
                inside.as_str().split(';').any(|part| {
                    IN_BRACKETS
                        .captures(part.trim())
                        .and_then(|c| c.name("names"))
                        .is_some_and(|n| surnames(n.as_str()))
                })
            })
        })
}

/// Whether the capitalised words of `names` may all be surnames.
fn surnames(names: &str) -> bool {
    capitalised(names).all(|word| !grammar(word))
}

/// Whether `names` ends in words that may be surnames, after any grammar
/// word before them: a run matched before "(2019)" may start with the
/// sentence ("As Ruiz (2019) shows").
fn ends_in_surnames(names: &str) -> bool {
    capitalised(names).last().is_some_and(|word| !grammar(word))
}

fn capitalised(names: &str) -> impl Iterator<Item = &str> {
    names
        .split(|c: char| c.is_whitespace() || c == ',' || c == '&')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Whether `word` is a grammar word, a month, a day or a common sentence
/// opener, and so no surname.
fn grammar(word: &str) -> bool {
    let lexicon = &*LEXICON;
    [
        &lexicon.times,
        &lexicon.prepositions,
        &lexicon.determiners,
        &lexicon.pronouns,
        &lexicon.personal,
        &lexicon.be,
        &lexicon.coordinators,
        &lexicon.subordinators,
        &lexicon.openers,
    ]
    .iter()
    .any(|set| contains(set, word))
}

#[cfg(test)]
mod tests {
    use super::{cites, may_cite};

    #[test]
    fn the_byte_filter_passes_every_superscript_digit_and_bracket() {
        for c in "⁰¹²³⁴⁵⁶⁷⁸⁹([".chars() {
            assert!(may_cite(&format!("the pier{c}")), "{c}");
        }
        assert!(!may_cite(
            "The pier, built in 1910, is said to be “unsafe”."
        ));
        assert!(!may_cite("It measures 50 m and 3 km… ‘roughly’ ⁺ ₂"));
    }

    #[test]
    fn author_and_year_in_brackets_is_a_citation() {
        for text in [
            "The pier is said to be unsafe (Ruiz 2019).",
            "The pier is said to be unsafe (Ruiz & Moe, 2004: 12).",
            "The pier is said to be unsafe (Ruiz et al. 2010).",
            "The pier is said to be unsafe (see Ruiz, Moe, & Lund, 2011, p. 1225).",
            "The pier is said to be unsafe (Ruiz 2019a; van der Berg, n.d.).",
            "The pier is said to be unsafe (Ruiz and Moe 2004, pp. 3–5).",
            "The pier is said to be unsafe (Núñez Gómez 1988).",
        ] {
            assert!(cites(text), "{text}");
        }
    }

    #[test]
    fn author_then_year_is_a_citation() {
        assert!(cites(
            "As Ruiz (2019) shows, the pier is said to be unsafe."
        ));
        assert!(cites("Ruiz et al. (2010, p. 4) found the pier unsafe."));
    }

    #[test]
    fn reference_numbers_and_footnotes_are_citations() {
        assert!(cites("The pier is said to be unsafe [12]."));
        assert!(cites("The pier is said to be unsafe [3, 4], [5–7]."));
        assert!(cites("The pier is said to be unsafe.[^harbour]"));
        assert!(cites("The pier is said to be unsafe.¹²"));
    }

    #[test]
    fn dates_units_and_links_are_not_citations() {
        for text in [
            "The pier is said to be unsafe (in 2019).",
            "The pier is said to be unsafe (In 2019).",
            "The pier is said to be unsafe (March 2019).",
            "The pier is said to be unsafe (The 2019 survey).",
            "The pier is said to be unsafe (2019).",
            "The pier is said to measure 50 m².",
            "The pier is said to be unsafe, see [1](https://example.com).",
            "The pier is said to be unsafe, see [the survey][1].",
            "The pier is said to be unsafe (Ruiz said so).",
            "The pier, built in 1910, is said to be unsafe.",
        ] {
            assert!(!cites(text), "{text}");
        }
    }
}
