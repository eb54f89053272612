//! What the tagger sees of a token: which tokens it tags at all (capitalised
//! words and the small words that join them), and the hashed features of each.
//!
//! Training and tagging read the same [`Window`], made from the project's own
//! prose model and word-list scan, so a feature means the same in both.

use std::ops::Range;

use super::super::lexicon::{Class, Classes, Scan, LEXICON};
use crate::prose::{Prose, Token, TokenKind};

/// Whether the document writes a word in lowercase somewhere.
pub const LOWER_ELSEWHERE: u8 = 1;
/// Whether the document writes a word capitalised inside a sentence somewhere.
pub const CAPITAL_ELSEWHERE: u8 = 2;

/// A case-folded hash of a word, without allocating.
pub fn folded_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |c: u64| h = (h ^ c).wrapping_mul(0x0100_0000_01b3);
    if word.is_ascii() {
        for b in word.bytes() {
            mix(u64::from(b.to_ascii_lowercase()));
        }
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            mix(u64::from(c));
        }
    }
    h
}

/// Whether token `i` opens a sentence or clause, where any word is
/// capitalised (after an opening quote mark, bracket, colon or dash).
pub fn opens_clause(prose: &Prose, i: usize) -> bool {
    let t = &prose.tokens[i];
    t.sentence_start
        || i > 0 && {
            let before = &prose.tokens[i - 1];
            before.kind == TokenKind::Punct && "\"“‘'([:—–-".contains(prose.slice(before.word))
        }
}

/// How the document writes the words that open its sentences and clauses
/// elsewhere ([`LOWER_ELSEWHERE`], [`CAPITAL_ELSEWHERE`]), by folded hash:
/// the only words the tagger asks about. One pass over the tokens; only
/// words that could be one of those asked about are hashed.
pub fn document_words(prose: &Prose) -> crate::hashing::FastMap<u64, u8> {
    let mut words = crate::hashing::FastMap::default();
    // The first bytes (lowercase) and lengths of the words asked about.
    let mut firsts = [false; 256];
    let mut lengths = 0u64;
    for (i, t) in prose.tokens.iter().enumerate() {
        if t.kind == TokenKind::Word && t.capitalised && opens_clause(prose, i) {
            let word = prose.slice(t.word);
            words.insert(folded_hash(word), 0u8);
            firsts[usize::from(word.as_bytes()[0].to_ascii_lowercase())] = true;
            lengths |= 1 << word.len().min(63);
        }
    }
    if words.is_empty() {
        return words;
    }
    for (i, t) in prose.tokens.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let word = prose.slice(t.word);
        let first = usize::from(word.as_bytes()[0].to_ascii_lowercase());
        if !firsts[first] || lengths & (1 << word.len().min(63)) == 0 {
            continue;
        }
        let bit = if !t.capitalised {
            LOWER_ELSEWHERE
        } else if !opens_clause(prose, i) {
            CAPITAL_ELSEWHERE
        } else {
            continue;
        };
        if let Some(bits) = words.get_mut(&folded_hash(word)) {
            *bits |= bit;
        }
    }
    words
}

/// Lowercase words that join the capitalised words of one name ("Bank of
/// England", "Charles de Gaulle"): tagged only between capitalised words.
fn joiner(word: &str) -> bool {
    matches!(
        word,
        "of" | "the" | "and" | "for" | "on" | "&" | "y" | "upon"
    ) || LEXICON.is_particle(word)
}

/// One sentence's tokens as the tagger reads them.
pub struct Window<'a> {
    pub prose: &'a Prose,
    pub scan: &'a Scan,
    pub tokens: Range<usize>,
    pub heading: bool,
}

impl Window<'_> {
    fn token(&self, i: usize) -> &Token {
        &self.prose.tokens[i]
    }

    fn word(&self, i: usize) -> &str {
        self.prose.slice(self.token(i).word)
    }

    fn capitalised(&self, i: usize) -> bool {
        let t = self.token(i);
        t.kind == TokenKind::Word && t.capitalised
    }

    /// The runs of tokens the tagger reads: capitalised words, with the
    /// joining words and initials' periods between them. Each run is a
    /// list of the token indices tagged (periods are passed over).
    pub fn segments(&self) -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = Vec::new();
        let mut current: Vec<usize> = Vec::new();
        let end = self.tokens.end;
        let mut i = self.tokens.start;
        while i < end {
            if self.capitalised(i) {
                current.push(i);
                // An initial's period: "L. Ron Hubbard".
                let initial = self.word(i).chars().count() == 1
                    && i + 2 < end
                    && self.prose.slice(self.token(i + 1).word) == "."
                    && self.capitalised(i + 2);
                i += if initial { 2 } else { 1 };
                continue;
            }
            let joins = !current.is_empty()
                && self.token(i).kind == TokenKind::Word
                && joiner(self.word(i))
                && (i + 1 < end && self.capitalised(i + 1)
                    || i + 2 < end && self.word(i + 1) == "the" && self.capitalised(i + 2));
            if joins {
                current.push(i);
            } else if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            i += 1;
        }
        if !current.is_empty() {
            out.push(current);
        }
        // A run never ends in a joining word.
        for seg in &mut out {
            while seg.last().is_some_and(|&k| !self.capitalised(k)) {
                seg.pop();
            }
        }
        out.retain(|s| !s.is_empty());
        out
    }

    /// The name-list flags of each word of a run, asked once per run: each
    /// word's features read its own and its neighbours'.
    pub fn run_flags(&self, seg: &[usize]) -> Vec<u8> {
        seg.iter().map(|&k| self.flags(self.word(k))).collect()
    }

    /// The features of token `seg[at]`, given the tag before it, as hashes.
    /// `flags` are the run's [`Window::run_flags`]; `doc` answers the
    /// document-wide questions about a word's hash.
    pub fn features(
        &self,
        seg: &[usize],
        flags: &[u8],
        at: usize,
        prev_tag: u8,
        doc: &mut dyn FnMut(u64) -> u8,
        out: &mut Vec<u64>,
    ) {
        out.clear();
        let i = seg[at];
        let lo = self.tokens.start;
        let hi = self.tokens.end;
        let word = self.word(i);
        let w = folded_hash(word);
        let token = self.token(i);
        let mut push = |template: u64, value: u64| out.push(mix(template, value));
        push(0, 0);
        push(1, w);
        push(2, shape(word));
        push(3, suffix(word, 3));
        push(4, suffix(word, 2));
        for bit in class_bits(self.scan.cover(i)) {
            push(5, bit);
        }
        let own = flags[at];
        for bit in 0..8 {
            if own & (1 << bit) != 0 {
                push(6, bit);
            }
        }
        let clause_start = i == lo || opens_clause(self.prose, i);
        let place =
            u64::from(clause_start) | u64::from(self.heading) << 1 | u64::from(token.in_quote) << 2;
        push(7, place);
        let bits = if token.capitalised && clause_start {
            doc(w)
        } else {
            0
        };
        push(8, u64::from(bits) | u64::from(clause_start) << 4);
        push(9, u64::from(token.possessive()));
        // Neighbours, inside the sentence.
        let at_offset = |d: isize| -> u64 {
            let k = i as isize + d;
            if k < lo as isize || k >= hi as isize {
                return 0x5eed;
            }
            self.token_value(k as usize)
        };
        let prev = at_offset(-1);
        let next = at_offset(1);
        push(10, prev);
        push(11, at_offset(-2));
        push(12, next);
        push(13, at_offset(2));
        push(14, mix(prev, w));
        push(15, mix(w, next));
        push(16, self.shape_at(i as isize - 1, lo, hi));
        push(17, self.shape_at(i as isize + 1, lo, hi));
        if i > lo {
            for bit in class_bits(self.scan.cover(i - 1)) {
                push(18, bit);
            }
        }
        if i + 1 < hi {
            for bit in class_bits(self.scan.cover(i + 1)) {
                push(19, bit);
            }
        }
        push(20, u64::from(prev_tag));
        push(21, mix(u64::from(prev_tag), w));
        let len = seg.len().min(4) as u64;
        let position = if seg.len() == 1 {
            0
        } else if at == 0 {
            1
        } else if at + 1 == seg.len() {
            2
        } else {
            3
        };
        push(22, len << 2 | position);
        push(23, mix(u64::from(prev_tag), shape(word)));
        // The words just outside the run, which every word of it sees
        // ("Noam Chomsky is", "(Makel & Plucker, 2014"), with the word's
        // place in the run.
        let (first, last) = (seg[0], seg[seg.len() - 1]);
        let before = if first > lo {
            self.token_value(first - 1)
        } else {
            0x5eed
        };
        let after = if last + 1 < hi {
            self.token_value(last + 1)
        } else {
            0x5eed
        };
        let after2 = if last + 2 < hi {
            self.token_value(last + 2)
        } else {
            0x5eed
        };
        push(24, mix(before, position));
        push(25, mix(after, position));
        push(26, mix(mix(after, after2), position));
        // What the name lists say of the words beside it in the run.
        let neighbour_flags = |f: Option<&u8>| f.map_or(0xff_00, |&f| u64::from(f));
        let left = if at > 0 { flags.get(at - 1) } else { None };
        push(27, neighbour_flags(left));
        push(28, neighbour_flags(flags.get(at + 1)));
        // The other items of a list the run is one of ("Apache Junction,
        // Fountain Hills, Queen Creek"; "Winston - Yale - Allegheny"): what
        // the name lists say of the items on either side, and the word
        // before the list's first item ("islands", "such as").
        let (left_item, right_item, _opener) = self.list_items(first, last);
        // Only a neighbour the lists know as a place, or headed as one,
        // speaks: the feature is for places in lists.
        let placed = |code: u64| code & 6 != 0;
        if placed(left_item) {
            push(29, mix(left_item, position));
        }
        if placed(right_item) {
            push(30, mix(right_item, position));
        }
    }

    /// What the name lists say of the list items beside the run
    /// `first..=last` (0 where there is none), and the word before the
    /// first item of the list (0 if the run opens it).
    fn list_items(&self, first: usize, last: usize) -> (u64, u64, u64) {
        let (lo, hi) = (self.tokens.start, self.tokens.end);
        // Separators between items: a comma, a dash, a slash, "and", "or".
        let separator = |k: usize| {
            let t = self.token(k);
            let w = self.word(k);
            match t.kind {
                TokenKind::Word => matches!(w, "and" | "or"),
                _ => matches!(w, "," | "-" | "–" | "—" | "/"),
            }
        };
        // The item that ends at token `end` (walking left) or starts at
        // `start` (walking right): capitalised words and joiners, at most
        // `MAX_ITEM` tokens.
        const MAX_ITEM: usize = 6;
        let item_left = |end: usize| -> Option<(usize, usize)> {
            let mut start = end;
            while start > lo
                && end - start + 1 < MAX_ITEM
                && (self.capitalised(start - 1)
                    || joiner(self.word(start - 1))
                        && start >= lo + 2
                        && self.capitalised(start - 2))
            {
                start -= 1;
            }
            self.capitalised(start).then_some((start, end))
        };
        let item_right = |start: usize| -> Option<(usize, usize)> {
            let mut end = start;
            while end + 1 < hi
                && end + 1 - start < MAX_ITEM
                && (self.capitalised(end + 1)
                    || joiner(self.word(end + 1)) && end + 2 < hi && self.capitalised(end + 2))
            {
                end += 1;
            }
            Some((start, end))
        };
        // Up to two separators (", and"), then a capitalised word.
        let before_item = |k: usize| -> Option<usize> {
            let mut j = k;
            let mut seps = 0;
            while j > lo && separator(j - 1) && seps < 2 {
                j -= 1;
                seps += 1;
            }
            (seps > 0 && j > lo && self.capitalised(j - 1)).then(|| j - 1)
        };
        let after_item = |k: usize| -> Option<usize> {
            let mut j = k + 1;
            let mut seps = 0;
            while j < hi && separator(j) && seps < 2 {
                j += 1;
                seps += 1;
            }
            (seps > 0 && j < hi && self.capitalised(j)).then_some(j)
        };
        let left = before_item(first).and_then(item_left);
        let right = after_item(last).and_then(item_right);
        // The word before the list: walk left over at most a few items.
        let mut opener = 0;
        if let Some((mut start, _)) = left {
            for _ in 0..8 {
                match before_item(start).and_then(item_left) {
                    Some((s, _)) => start = s,
                    None => break,
                }
            }
            opener = if start > lo {
                self.token_value(start - 1)
            } else {
                0x5eed
            };
        }
        let code = |item: Option<(usize, usize)>| item.map_or(0, |(s, e)| self.item_code(s, e));
        (code(left), code(right), opener)
    }

    /// One list item as a feature value: whether the lists know a word of
    /// it as a place or a body, whether its last word heads places' names,
    /// whether it opens with a known given name.
    fn item_code(&self, start: usize, end: usize) -> u64 {
        const PLACE: Classes = Classes::of(&[Class::Country, Class::Capital, Class::Place]);
        const BODY: Classes = Classes::of(&[
            Class::Agency,
            Class::Institution,
            Class::International,
            Class::Group,
            Class::OrganisationHead,
            Class::GovernmentHead,
        ]);
        let mut code = 1;
        for k in start..=end {
            let c = self.scan.cover(k);
            if c.any(PLACE) {
                code |= 2;
            }
            if c.any(BODY) {
                code |= 16;
            }
        }
        if self.scan.cover(end).has(Class::PlaceHead) || LEXICON.is_place_head(self.word(end)) {
            code |= 4;
        }
        if LEXICON.is_given_name(self.word(start)) {
            code |= 8;
        }
        code
    }

    /// A neighbour as a feature value: its folded word, or its mark.
    fn token_value(&self, k: usize) -> u64 {
        let t = self.token(k);
        match t.kind {
            // A year apart from other numbers: "(Brieber 2014)".
            TokenKind::Number if self.prose.slice(t.word).len() == 4 => 0x4e56,
            TokenKind::Number => 0x4e55,
            _ => folded_hash(self.prose.slice(t.word)),
        }
    }

    fn shape_at(&self, k: isize, lo: usize, hi: usize) -> u64 {
        if k < lo as isize || k >= hi as isize {
            return 0x5eed;
        }
        shape(self.word(k as usize))
    }

    /// One bit each: a known given name, a family name written first, a
    /// name particle, a suffix ("Jr."), a function word, all capitals, a
    /// single letter, a hyphen inside.
    fn flags(&self, word: &str) -> u8 {
        let mut bits = 0;
        if LEXICON.is_given_name(word) {
            bits |= 1;
        }
        if LEXICON.family_first(word).is_some() {
            bits |= 2;
        }
        if LEXICON.is_particle(word) || LEXICON.is_capitalised_particle(word) {
            bits |= 4;
        }
        if LEXICON.is_suffix(word) {
            bits |= 8;
        }
        if LEXICON.is_function_word(word) {
            bits |= 16;
        }
        if word.chars().count() >= 2 && word.chars().all(|c| !c.is_lowercase()) {
            bits |= 32;
        }
        if word.chars().count() == 1 {
            bits |= 64;
        }
        if word.contains('-') {
            bits |= 128;
        }
        bits
    }
}

/// The classes of a word-list match, one value each.
fn class_bits(classes: Classes) -> impl Iterator<Item = u64> {
    let bits = classes.bits();
    (0..32u64).filter(move |b| bits & (1 << b) != 0)
}

/// A word's shape, as a hash: capitals X, small letters x, digits d, other
/// characters as they are, runs of one kind written once ("Xx", "X.", "XX").
fn shape(word: &str) -> u64 {
    let mut h: u64 = 0x7368_6170;
    let mut last = '\0';
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k != last {
            h = (h ^ u64::from(k)).wrapping_mul(0x0100_0000_01b3);
            last = k;
        }
    }
    h
}

/// The hash of a word's last `n` characters, lowercase.
fn suffix(word: &str, n: usize) -> u64 {
    let count = word.chars().count();
    let start = word
        .char_indices()
        .nth(count.saturating_sub(n))
        .map_or(0, |(i, _)| i);
    folded_hash(&word[start..]) ^ (n as u64) << 56
}

/// One feature's key: a template and a value, mixed (SplitMix64's finaliser).
pub fn mix(template: u64, value: u64) -> u64 {
    let mut z = value
        .wrapping_add(template.wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    // Zero marks an empty slot in the model's table.
    (z ^ (z >> 31)) | 1
}
