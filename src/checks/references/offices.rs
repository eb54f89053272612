//! How two titles relate: the same office, the same office in another form,
//! another office, or the same role given to someone of the other sex. Read
//! from `data/title-relations.txt`.

use std::sync::LazyLock;

use crate::hashing::{FastMap, FastSet};
use crate::wordlist;

const RELATIONS: &str = include_str!("../../../data/title-relations.txt");

/// The sex a role word names ("spokeswoman"), if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
}

/// How a later title compares with another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agreement {
    /// The same words ("Chinese Foreign Minister" twice).
    Same,
    /// The same office written another way ("Foreign Minister";
    /// "Councilwoman" and "Council member").
    OtherForm,
    /// The same role, but one form names a man and the other a woman
    /// ("spokesman", "spokeswoman").
    OtherSex,
    /// Another office, another country, or the deputy's office.
    OtherOffice,
}

struct Relations {
    ranks: FastSet<&'static str>,
    past: FastSet<&'static str>,
    levels: FastSet<&'static str>,
    one_name: FastSet<&'static str>,
    /// Each written form (one or more words) to its office and the sex it names.
    forms: FastMap<&'static str, (&'static str, Option<Sex>)>,
    /// The most words any form has.
    longest_form: usize,
    /// The last three letters of every form that names a sex, to pass over
    /// most words without a lookup.
    gendered_endings: Vec<[u8; 3]>,
    /// By a past word's first letter (lowercase ASCII), a bit for each of
    /// their lengths in bytes (63 for 63 or more), to pass over most ASCII
    /// words without lowercasing them.
    past_shapes: [u64; 128],
}

/// Reads the lists now rather than on the first document.
pub(super) fn warm_up() {
    LazyLock::force(&RELATIONS_LIST);
}

static RELATIONS_LIST: LazyLock<Relations> = LazyLock::new(|| {
    let set = |name: &str| wordlist::section(RELATIONS, name).into_iter().collect();
    let mut forms = FastMap::default();
    for line in wordlist::section(RELATIONS, "forms") {
        let Some((office, written)) = line.split_once(':') else {
            continue;
        };
        for form in written.split(',') {
            let form = form.trim();
            let (form, sex) = match form.strip_suffix("(m)").or(form.strip_suffix("(f)")) {
                Some(bare) if form.ends_with("(m)") => (bare.trim(), Some(Sex::Male)),
                Some(bare) => (bare.trim(), Some(Sex::Female)),
                None => (form, None),
            };
            forms.insert(form, (office.trim(), sex));
        }
    }
    let longest_form = forms
        .keys()
        .map(|f| f.split(' ').count())
        .max()
        .unwrap_or(1);
    let mut gendered_endings: Vec<[u8; 3]> = forms
        .iter()
        .filter(|(_, (_, sex))| sex.is_some())
        .filter_map(|(form, _)| ending(form))
        .collect();
    gendered_endings.sort_unstable();
    gendered_endings.dedup();
    let past: FastSet<&'static str> = set("past");
    let mut past_shapes = [0u64; 128];
    for word in &past {
        if let Some(&b) = word.as_bytes().first().filter(|b| b.is_ascii()) {
            past_shapes[usize::from(b.to_ascii_lowercase())] |= shape_bit(word.len());
        }
    }
    Relations {
        ranks: set("ranks"),
        past,
        levels: set("levels"),
        one_name: set("one-name"),
        forms,
        longest_form,
        gendered_endings,
        past_shapes,
    }
});

/// The bit for a word of `len` bytes in `Relations::past_shapes`.
fn shape_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// A word's last three bytes, lowercase ASCII.
fn ending(word: &str) -> Option<[u8; 3]> {
    let bytes = word.as_bytes();
    let tail = bytes.get(bytes.len().checked_sub(3)?..)?;
    Some([
        tail[0].to_ascii_lowercase(),
        tail[1].to_ascii_lowercase(),
        tail[2].to_ascii_lowercase(),
    ])
}

/// A single role word that names its holder's sex ("spokeswoman"), with
/// the office it is a form of. Case does not matter.
pub fn gendered_form(word: &str) -> Option<(&'static str, Sex)> {
    let relations = &*RELATIONS_LIST;
    if !ending(word).is_some_and(|e| relations.gendered_endings.contains(&e)) {
        return None;
    }
    let lower = word.to_lowercase();
    match relations.forms.get(lower.as_str()) {
        Some(&(office, Some(sex))) => Some((office, sex)),
        _ => None,
    }
}

/// Whether a title's office words include a role listed with its forms
/// ("council member", "spokeswoman").
pub fn is_listed(key: &str) -> bool {
    normalise(key).2
}

/// An office key with each written form made its office: the words, the
/// sex a form names, if any ("councilwoman" -> "council member", female),
/// and whether any form was found.
fn normalise(key: &str) -> (Vec<&str>, Option<Sex>, bool) {
    let relations = &*RELATIONS_LIST;
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out = Vec::with_capacity(words.len());
    let mut sex = None;
    let mut listed = false;
    let mut i = 0;
    while i < words.len() {
        let longest = relations.longest_form.min(words.len() - i);
        let found = (1..=longest).rev().find_map(|n| {
            let phrase = words[i..i + n].join(" ");
            relations.forms.get(phrase.as_str()).map(|&f| (n, f))
        });
        match found {
            Some((n, (office, written_sex))) => {
                out.extend(office.split(' '));
                sex = sex.or(written_sex);
                listed = true;
                i += n;
            }
            None => {
                out.push(words[i]);
                i += 1;
            }
        }
    }
    (out, sex, listed)
}

/// How the office of key `b` relates to the office of key `a`. Keys are
/// lowercase office words (see `Title::office_key`). One office holds the
/// other when all its words are in it ("secretary", "secretary of state"),
/// unless the words only one has include a rank: a deputy, vice or chief
/// office is an office of its own.
pub fn relate(a: &str, b: &str) -> Agreement {
    if a == b {
        return Agreement::Same;
    }
    let (wa, sa, _) = normalise(a);
    let (wb, sb, _) = normalise(b);
    let ranks = &RELATIONS_LIST.ranks;
    let holds = |outer: &[&str], inner: &[&str]| {
        inner.iter().all(|w| outer.contains(w))
            && !outer
                .iter()
                .any(|w| !inner.contains(w) && ranks.contains(w))
    };
    if !(holds(&wa, &wb) || holds(&wb, &wa)) {
        return Agreement::OtherOffice;
    }
    match (sa, sb) {
        (Some(x), Some(y)) if x != y => Agreement::OtherSex,
        _ => Agreement::OtherForm,
    }
}

/// Whether a word puts a title in the past ("former", "then").
pub fn is_past(word: &str) -> bool {
    // Asked of every word of every title, each analysis. An ASCII word
    // lowercases to as many bytes, so one whose first letter and length no
    // past word has is passed over at once; a short ASCII word is
    // lowercased on the stack, and one lowercase already not at all.
    let relations = &*RELATIONS_LIST;
    let bytes = word.as_bytes();
    if word.is_ascii() {
        let prefixed = |prefix: &str| {
            bytes
                .get(..prefix.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
        };
        if prefixed("ex-") || prefixed("then-") {
            return true;
        }
        let listed_shape = bytes.first().is_some_and(|b| {
            relations.past_shapes[usize::from(b.to_ascii_lowercase())] & shape_bit(bytes.len()) != 0
        });
        if !listed_shape {
            return false;
        }
    }
    let mut ascii = [0u8; 16];
    let lower = if !word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Borrowed(word)
    } else if let Some(buffer) = ascii.get_mut(..word.len()).filter(|_| word.is_ascii()) {
        buffer.copy_from_slice(word.as_bytes());
        buffer.make_ascii_lowercase();
        std::borrow::Cow::Borrowed(std::str::from_utf8(buffer).unwrap_or(word))
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    };
    relations.past.contains(lower.as_ref())
        || lower
            .strip_prefix("ex-")
            .or(lower.strip_prefix("then-"))
            .is_some()
}

/// Whether a word only says at which level an office sits ("state",
/// "federal"): AP keeps it lowercase before a title.
pub fn is_level(word: &str) -> bool {
    RELATIONS_LIST
        .levels
        .contains(word.trim_end_matches('.').to_lowercase().as_str())
}

/// Whether holders of an office are known by one name ("Pope Francis").
pub fn is_one_name_office(key: &str) -> bool {
    let relations = &*RELATIONS_LIST;
    relations.one_name.contains(key)
        || key
            .rsplit(' ')
            .next()
            .is_some_and(|last| relations.one_name.contains(last))
}

/// Whether a title is a chair's ("Committee Chairman", "chairwoman"): a
/// role held beside an office.
pub fn is_chair(key: &str) -> bool {
    normalise(key).0.contains(&"chair")
}

/// The sex a role word names, if it names one ("spokeswoman").
pub fn sex_of(key: &str) -> Option<Sex> {
    normalise(key).1
}

/// The office a role word belongs to ("spokeswoman" -> "spokesperson"), if
/// the word is one of the listed forms.
pub fn form_office(word: &str) -> Option<(&'static str, Option<Sex>)> {
    RELATIONS_LIST.forms.get(word).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_past_word_is_found_in_any_case_and_length() {
        for word in [
            "former",
            "Former",
            "FORMER",
            "Ex-Mayor",
            "Then-Vice-Chancellor",
            "Förmer",
        ] {
            assert_eq!(is_past(word), word != "Förmer", "{word}");
        }
        assert!(!is_past("Minister"));
        // Every listed word, capitalised too, passes the first-letter and length filter.
        for word in &RELATIONS_LIST.past {
            let mut capitalised = word.to_string();
            capitalised[..1].make_ascii_uppercase();
            assert!(is_past(word) && is_past(&capitalised), "{word}");
        }
        assert!(is_past("EX-PRESIDENT") && is_past("Then-Senator"));
    }

    #[test]
    fn one_office_holds_another_unless_a_rank_differs() {
        assert_eq!(
            relate("foreign minister", "foreign minister"),
            Agreement::Same
        );
        assert_eq!(
            relate("secretary", "secretary of state"),
            Agreement::OtherForm
        );
        assert_eq!(relate("police chief", "chief"), Agreement::OtherForm);
        assert_eq!(
            relate("foreign minister", "defense minister"),
            Agreement::OtherOffice
        );
        assert_eq!(relate("police chief", "fire chief"), Agreement::OtherOffice);
        assert_eq!(
            relate("prime minister", "deputy prime minister"),
            Agreement::OtherOffice
        );
        assert_eq!(
            relate("city manager", "deputy city manager"),
            Agreement::OtherOffice
        );
        assert_eq!(relate("justice", "chief justice"), Agreement::OtherOffice);
        assert_eq!(
            relate("district judge", "magistrate judge"),
            Agreement::OtherOffice
        );
        assert_eq!(
            relate("president", "vice president"),
            Agreement::OtherOffice
        );
    }

    #[test]
    fn forms_of_one_office_and_the_sex_they_name() {
        assert_eq!(
            relate("councilwoman", "council member"),
            Agreement::OtherForm
        );
        assert_eq!(relate("councilwoman", "councilman"), Agreement::OtherSex);
        assert_eq!(relate("spokesman", "spokeswoman"), Agreement::OtherSex);
        assert_eq!(
            relate("congressman", "representative"),
            Agreement::OtherForm
        );
        assert_eq!(sex_of("spokeswoman"), Some(Sex::Female));
        assert_eq!(sex_of("council member"), None);
        assert_eq!(
            gendered_form("Spokeswoman"),
            Some(("spokesperson", Sex::Female))
        );
        assert_eq!(gendered_form("spokesperson"), None);
        assert_eq!(gendered_form("harbour"), None);
    }

    #[test]
    fn past_level_and_one_name_words() {
        assert!(is_past("former") && is_past("Then") && is_past("ex-mayor"));
        assert!(!is_past("acting"));
        assert!(is_level("state") && is_level("Federal") && !is_level("foreign"));
        assert!(is_one_name_office("pope") && is_one_name_office("crown prince"));
        assert!(!is_one_name_office("prime minister"));
    }
}
