//! The scan of a document against the word lists: every entry that runs
//! over whole tokens, found block by block and kept per block, then indexed
//! by token for the grammar.

use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};

use super::{Class, Classes, Lexicon};
use crate::prose::{BlockMemo, Prose, Token, TokenKind};

impl Lexicon {
    /// The list entries of a document, with the titles its settings add,
    /// block by block: a block whose key the memo holds is not scanned again
    /// (the memo is kept for one list of added titles).
    pub fn scan(
        &self,
        prose: &Prose,
        added: &AddedTitles,
        memo: &mut BlockMemo<BlockScan>,
    ) -> Scan {
        let blocks: Vec<(usize, Arc<BlockScan>)> = prose
            .blocks
            .iter()
            .map(|b| {
                let tokens = &prose.tokens[b.tokens.clone()];
                let scan = memo.get_or_make(b.key, || self.scan_block(&prose.text, tokens, added));
                (b.tokens.start, scan)
            })
            .collect();
        memo.finish();
        Scan::new(&blocks, prose.tokens.len())
    }

    /// The list entries that run over whole tokens of one block (a possessive
    /// ending may follow), by token index within the block. One pass,
    /// leftmost-longest: where entries overlap, the longer wins ("Secretary of
    /// State" over "Secretary").
    fn scan_block(&self, text: &str, tokens: &[Token], added: &AddedTitles) -> BlockScan {
        let mut scan = BlockScan::default();
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
            return scan;
        };
        let input = Input::new(text).span(first.span.start..last.span.end);
        if let Some(automaton) = &added.automaton {
            let mut cursor = 0;
            for m in automaton.find_iter(input.clone()) {
                let Some(first) = token_starting_at(tokens, m.start(), &mut cursor) else {
                    continue;
                };
                if let Some(last) = token_ending_at(tokens, first, m.end()) {
                    scan.matches.push(LexMatch {
                        first,
                        last,
                        class: Class::Office,
                        value: "",
                    });
                }
            }
        }
        let mut i = 0;
        while i < tokens.len() {
            let start = tokens[i].span.start;
            let Some((end, id)) = self.phrases.longest_at(text, start, entry_ends(tokens, i))
            else {
                i += 1;
                continue;
            };
            let last = token_ending_at(tokens, i, end).unwrap_or(i);
            let found = &text[start..end];
            let capital = found.chars().next().is_some_and(char::is_uppercase);
            for pattern in &self.entries[id] {
                if pattern.class.needs_capital(pattern.text) && !capital
                    || !capitals_agree(pattern.text, found)
                {
                    continue;
                }
                scan.matches.push(LexMatch {
                    first: i,
                    last,
                    class: pattern.class,
                    value: pattern.value,
                });
            }
            i = last + 1;
        }
        scan.matches
            .sort_by_key(|m| (m.first, std::cmp::Reverse(m.last)));
        let mut lower = String::new();
        for (i, token) in tokens.iter().enumerate() {
            if token.capitalised && token.kind == TokenKind::Word {
                let word = &text[token.word.start..token.word.end];
                lower.clear();
                if word.is_ascii() {
                    lower.push_str(word);
                    lower.make_ascii_lowercase();
                } else {
                    lower.extend(word.chars().flat_map(char::to_lowercase));
                }
                if self.not_names.contains(lower.as_str()) {
                    scan.not_names.push(i);
                }
            }
        }
        // Kept between analyses: at their length, not the room they grew.
        scan.matches.shrink_to_fit();
        scan.not_names.shrink_to_fit();
        scan
    }
}

/// Formal titles a newsroom adds in its settings (`[words] titles`): offices
/// like the listed ones, matched whatever their case, so that "chief whip Alan
/// Campbell" is a title in lowercase.
#[derive(Debug, Default)]
pub struct AddedTitles {
    titles: Vec<String>,
    automaton: Option<AhoCorasick>,
}

impl AddedTitles {
    pub fn new(titles: &[String]) -> AddedTitles {
        let automaton = (!titles.is_empty())
            .then(|| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(titles)
                    .ok()
            })
            .flatten();
        AddedTitles {
            titles: titles.to_vec(),
            automaton,
        }
    }

    pub fn are(&self, titles: &[String]) -> bool {
        self.titles == titles
    }
}

/// The token starting at `offset`. Matches come in order, so the search walks
/// on from where the last one was found.
fn token_starting_at(tokens: &[Token], offset: usize, cursor: &mut usize) -> Option<usize> {
    let mut i = *cursor;
    while i < tokens.len() && tokens[i].span.start < offset {
        i += 1;
    }
    *cursor = i;
    (i < tokens.len() && tokens[i].span.start == offset).then_some(i)
}

/// Where an entry starting at token `first` may end: at the end of each
/// token's word or whole span, from `first` on, up to and including the first
/// punctuation after it (entries never straddle one).
fn entry_ends(tokens: &[Token], first: usize) -> impl Iterator<Item = usize> + '_ {
    let mut punctuation_passed = false;
    tokens[first..]
        .iter()
        .enumerate()
        .take_while(move |(k, t)| {
            let before = !punctuation_passed;
            punctuation_passed |= *k > 0 && t.kind == TokenKind::Punct;
            before
        })
        .flat_map(|(_, t)| [t.word.end, t.span.end])
}

/// Where the entry has a capital letter, the text has one too.
fn capitals_agree(entry: &str, found: &str) -> bool {
    entry
        .bytes()
        .zip(found.bytes())
        .all(|(e, f)| !e.is_ascii_uppercase() || f.is_ascii_uppercase())
}

/// The token from `first` on whose word or whole span ends at `offset`; the
/// tokens between must be words (not punctuation), so entries never straddle it.
fn token_ending_at(tokens: &[Token], first: usize, offset: usize) -> Option<usize> {
    for (i, t) in tokens.iter().enumerate().skip(first) {
        if t.word.end == offset || t.span.end == offset {
            return Some(i);
        }
        if t.span.end > offset || (i > first && t.kind == TokenKind::Punct) {
            return None;
        }
    }
    None
}

/// One list entry found in the text, over tokens `first..=last`.
#[derive(Clone, Copy, Debug)]
pub struct LexMatch {
    pub first: usize,
    pub last: usize,
    pub class: Class,
    pub value: &'static str,
}

/// The list entries of one block, by token index within the block.
#[derive(Debug, Default)]
pub struct BlockScan {
    /// Sorted by first token, longest first.
    matches: Vec<LexMatch>,
    /// Capitalised words that the not-a-name lists hold.
    not_names: Vec<usize>,
}

/// The list entries of a document, indexed by token.
#[derive(Debug, Default)]
pub struct Scan {
    /// Sorted by first token, longest first.
    matches: Vec<LexMatch>,
    /// For each token, where its matches start in `matches` (one more entry than tokens).
    starts: Vec<u32>,
    /// For each token, the classes of every entry that covers it.
    cover: Vec<Classes>,
}

impl Scan {
    /// Joins the scans of a document's blocks, each with its first token.
    fn new(blocks: &[(usize, Arc<BlockScan>)], tokens: usize) -> Scan {
        let mut matches = Vec::with_capacity(blocks.iter().map(|(_, b)| b.matches.len()).sum());
        let mut cover = vec![Classes::NONE; tokens];
        for (base, block) in blocks {
            matches.extend(block.matches.iter().map(|m| LexMatch {
                first: m.first + base,
                last: m.last + base,
                ..*m
            }));
            for &i in &block.not_names {
                cover[i + base].add(Class::NotName);
            }
        }
        let mut starts = Vec::with_capacity(tokens + 1);
        let mut next = 0;
        for i in 0..tokens {
            starts.push(next as u32);
            while next < matches.len() && matches[next].first == i {
                next += 1;
            }
        }
        starts.push(next as u32);
        for m in &matches {
            for c in &mut cover[m.first..=m.last] {
                c.add(m.class);
            }
        }
        Scan {
            matches,
            starts,
            cover,
        }
    }

    /// The classes of the entries covering token `i`.
    pub fn cover(&self, i: usize) -> Classes {
        crate::work::step();
        self.cover.get(i).copied().unwrap_or_default()
    }

    /// Every entry found, by first token, longest first.
    pub fn matches(&self) -> &[LexMatch] {
        &self.matches
    }

    /// The entries starting at token `i`, longest first.
    pub fn starting(&self, i: usize) -> &[LexMatch] {
        crate::work::step();
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.matches[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The longest entry of a class starting at token `i`.
    pub fn at(&self, i: usize, class: Class) -> Option<&LexMatch> {
        self.starting(i).iter().find(|m| m.class == class)
    }

    /// The longest entry of any of `classes` starting at token `i`.
    pub fn any_at(&self, i: usize, classes: Classes) -> Option<&LexMatch> {
        self.starting(i).iter().find(|m| classes.has(m.class))
    }

    /// The entry of a class covering token `i`, if any (the one starting latest).
    pub fn covering(&self, i: usize, class: Class) -> Option<&LexMatch> {
        if !self.cover(i).has(class) {
            return None;
        }
        (0..=i)
            .rev()
            .take(8)
            .flat_map(|s| self.starting(s))
            .find(|m| m.class == class && m.last >= i)
    }
}
