//! Whether a word reads as romanised Chinese, Korean or Vietnamese
//! syllables ("Jinping", "Jae", "Wook"): a family-name-first name's sign.

use super::FAMILY;
use crate::hashing::FastSet;
use crate::wordlist;

/// The pieces of a romanised syllable, from the syllable sections of
/// data/family-names.txt: an optional initial, a vowel, an optional coda.
pub(super) struct Syllables {
    initials: FastSet<String>,
    vowels: FastSet<String>,
    codas: FastSet<String>,
    /// The longest piece, in bytes.
    longest: usize,
}

impl Syllables {
    pub(super) fn new() -> Syllables {
        let set = |section: &str| -> FastSet<String> {
            wordlist::section(FAMILY, section)
                .into_iter()
                .map(str::to_lowercase)
                .collect()
        };
        let (initials, vowels, codas) = (set("initials"), set("vowels"), set("codas"));
        let longest = initials
            .iter()
            .chain(&vowels)
            .chain(&codas)
            .map(String::len)
            .max()
            .unwrap_or(0);
        Syllables {
            initials,
            vowels,
            codas,
            longest,
        }
    }

    /// Where one piece of `set` that starts at `at` of `word` ends; with
    /// `optional`, `at` itself too.
    fn ends<'w>(
        &'w self,
        set: &'w FastSet<String>,
        word: &'w str,
        at: usize,
        optional: bool,
    ) -> impl Iterator<Item = usize> + 'w {
        let longest = self.longest.min(word.len() - at);
        optional.then_some(at).into_iter().chain(
            (1..=longest)
                .map(move |n| at + n)
                .filter(move |&end| word.get(at..end).is_some_and(|piece| set.contains(piece))),
        )
    }

    /// Whether a lowercase word is one to four syllables: the places each
    /// number of syllables can reach, one syllable more at a time.
    pub(super) fn spell(&self, word: &str) -> bool {
        let mut reached = vec![false; word.len() + 1];
        reached[0] = true;
        for _ in 0..4 {
            let mut next = vec![false; word.len() + 1];
            for at in (0..=word.len()).filter(|&at| reached[at]) {
                for initial in self.ends(&self.initials, word, at, true) {
                    for vowel in self.ends(&self.vowels, word, initial, false) {
                        for end in self.ends(&self.codas, word, vowel, true) {
                            next[end] = true;
                        }
                    }
                }
            }
            if next[word.len()] {
                return true;
            }
            reached = next;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::super::LEXICON;
    use super::*;
    use proptest::strategy::Strategy;

    #[test]
    fn syllables_of_romanised_names() {
        for word in [
            "Jinping", "Yi", "Keqiang", "Jae", "Wook", "Shek", "Lung", "Un",
        ] {
            assert!(LEXICON.is_syllabic(word), "{word}");
        }
        for word in ["Smith", "Kardashian", "Harvey", "Trump"] {
            assert!(!LEXICON.is_syllabic(word), "{word}");
        }
    }

    /// The regex of one to four syllables this reading replaced, built from
    /// the same sections (longest alternatives first).
    fn syllable_regex() -> regex::Regex {
        let part = |section: &str| {
            let mut items = wordlist::section(FAMILY, section);
            items.sort_by_key(|s| std::cmp::Reverse(s.len()));
            items.join("|")
        };
        let syllable = format!(
            "(?:{})?(?:{})(?:{})?",
            part("initials"),
            part("vowels"),
            part("codas")
        );
        regex::RegexBuilder::new(&format!("^(?:{syllable}){{1,4}}$"))
            .case_insensitive(true)
            .build()
            .expect("the syllable lists make a valid pattern")
    }

    proptest::proptest! {
        #[test]
        fn syllables_are_read_as_the_regex_read_them(
            word in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(&[
                        "Zh", "ang", "i", "ong", "J", "in", "p", "ING", "k", "wook", "x", "ü",
                        "Ü", "ng", "e", "a", "Q", "ieh", "ts", "yeo",
                    ][..]).prop_map(str::to_string),
                    "[a-zA-Z]",
                ],
                1..7,
            ).prop_map(|pieces| pieces.concat())
        ) {
            let regex = syllable_regex();
            proptest::prop_assert_eq!(LEXICON.is_syllabic(&word), word.len() <= 16 && regex.is_match(&word));
        }
    }
}
