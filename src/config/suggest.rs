//! "Did you mean …?" for misspelt setting names and rule codes.

/// The candidate closest to `word`, if it is close enough to be a likely typo:
/// the same word in another case or with `_`/`-` dropped (`checkOn` for
/// `check_on`), or at most a couple of edits away.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let squashed = squash(word);
    let limit = (word.chars().count() / 4).clamp(1, 3);
    candidates
        .into_iter()
        .filter_map(|c| {
            let distance = if squash(c) == squashed {
                0
            } else {
                edit_distance(word, c)
            };
            (distance <= limit).then_some((distance, c))
        })
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, c)| c)
}

fn squash(word: &str) -> String {
    word.chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Edit distance counting a swap of two neighbouring characters as one edit
/// (optimal string alignment), in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows of the table: two rows back, the last row, and this one.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut last: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (last[j - 1] + cost).min(last[j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        std::mem::swap(&mut before, &mut last);
        std::mem::swap(&mut last, &mut row);
    }
    last[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_and_other_casings_find_their_word() {
        let names = ["check_on", "debounce_ms", "style", "people"];
        assert_eq!(closest("checkOn", names), Some("check_on"));
        assert_eq!(closest("debounce", names), None);
        assert_eq!(closest("stlye", names), Some("style"));
        assert_eq!(closest("peeple", names), Some("people"));
        assert_eq!(closest("colour", names), None);
        assert_eq!(
            closest("vague-atribution", ["vague-attribution"]),
            Some("vague-attribution")
        );
    }

    #[test]
    fn distance_counts_characters() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("é", "e"), 1);
        assert_eq!(edit_distance("stlye", "style"), 1);
    }
}
