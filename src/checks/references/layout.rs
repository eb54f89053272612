//! Where the story is: the top matter above the body (kicker, deck, summary,
//! dateline), the sections the body falls into, links' text, and block
//! quotes and embedded posts, someone else's words. A headline
//! or deck uses surnames freely and a summary may come before the full text;
//! neither introduces anyone. A live blog or a sectioned feature may
//! introduce a person again in each section.

use std::sync::LazyLock;

use regex::Regex;

use crate::hashing::FastMap;
use crate::prose::{Block, BlockKind, Prose};
use crate::span::Span;

/// How many blocks from the top may still be top matter.
const TOP_BLOCKS: usize = 8;
/// The most words a headline on one line has.
const HEADLINE_WORDS: usize = 16;
/// The most words a headline in headline capitals has: a longer line full of
/// names ("... against Atlantic Lottery Corporation, Inc. et al.") is copy.
const CAPITALISED_HEADLINE_WORDS: usize = 30;
/// The most words a deck under a headline has.
const DECK_WORDS: usize = 30;
/// The most words a deck of one sentence, in a block of its own, has.
const DECK_SENTENCE_WORDS: usize = 20;
/// The most words a label such as "FULL TEXT" has.
const LABEL_WORDS: usize = 6;
/// The most words a subhead such as "Sanders: Win in a walk." has.
const SUBHEAD_WORDS: usize = 10;

/// A dateline opening the body: "WASHINGTON —", "DES MOINES, Iowa -",
/// "LONDON (Reuters) -". The place is words in capitals, the last of three
/// letters or more: a transcript's "I -- I'm sorry" or "OK -- so" is speech,
/// and taking it for a dateline would make everything above it top matter.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z][A-Z'’.]+[ \-])*[A-Z][A-Z'’.]{2,}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)?(?: \([A-Za-z ]+\))? ?(?:—|–|-{1,2}) ")
        .expect("the dateline pattern is valid")
});

/// A reporter's tagline at the foot of a story: "Lerer reported from Los
/// Angeles.", "Associated Press writer Jill Colvin contributed to this
/// report.", "(Reporting by Ana Ruiz; Editing by Tom Lee)". End matter about
/// the story's writers, not copy about its people.
static TAGLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:[A-Z][\p{L}'’.-]*,? (?:and )?)+reported from (?:(?:[A-Z][\p{L}.'’-]*|and|the),? ?)+$|.* contributed (?:to this (?:report|story)|reporting\b|from (?:(?:[A-Z][\p{L}.'’-]*|and|the),? ?)+$)|\(?Reporting by )")
        .expect("the tagline pattern is valid")
});

/// Compiles now the one pattern every document asks (its top blocks may
/// open with a dateline); the others wait for a tagline's words or a '<'.
pub(super) fn warm_up() {
    LazyLock::force(&DATELINE);
}

/// The most words a tagline has.
const TAGLINE_WORDS: usize = 40;

/// Whether a short paragraph is a tagline ([`TAGLINE`]). Each of the
/// pattern's branches writes one of three phrases, looked for first: most
/// paragraphs of a story are short enough to be asked.
fn is_tagline(text: &str) -> bool {
    ["reported from", " contributed ", "Reporting by "]
        .iter()
        .any(|phrase| text.contains(phrase))
        && TAGLINE.is_match(text)
}

/// Someone else's words set off from the copy: a block quote ("> " lines)
/// and the text of an element that embeds a post or a quotation
/// (`<blockquote>`, a `<tweet>`, `<q>`). Like a direct quotation, neither
/// the writer's references nor introductions: a tweet's "Mr. Trump" is no
/// courtesy title of the house's.
static EMBEDDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?ims)<blockquote\b[^>]*>.*?</blockquote\s*>|<tweet\b[^>]*>.*?</tweet\s*>|<q\b[^>]*>.*?</q\s*>|^[ ]{0,3}>[^\n]*")
        .expect("the embedded-text pattern is valid")
});

/// What [`Layout::of`] reads of a block of the body, which depends on the
/// block's kind and text alone.
#[derive(Clone, Copy, Debug)]
struct Shape {
    /// A heading, label, separator or subhead: a section starts there.
    opens_section: bool,
    /// A subhead or a tagline: display text or end matter, not the body.
    display: bool,
}

impl Shape {
    fn of(prose: &Prose, block: &Block) -> Shape {
        // Labels, subheads and separators are short: most blocks are
        // passed over by their token count alone.
        let short = block.tokens.len() <= 2 * SUBHEAD_WORDS;
        let text = prose.slice(block.span);
        let subhead = short && is_subhead(text);
        let tagline = block.tokens.len() <= TAGLINE_WORDS && is_tagline(text.trim());
        let divider = short && (is_label(text) || is_separator(text));
        Shape {
            opens_section: block.kind == BlockKind::Heading || divider || subhead,
            display: subhead || tagline,
        }
    }
}

/// Each block's [`Shape`] by block key, kept between analyses of one
/// document: an edit reads again the blocks it changes, not the story.
#[derive(Debug, Default)]
pub struct LayoutMemo {
    shapes: FastMap<u64, Shape>,
}

pub struct Layout {
    /// Where the body begins: after the last label of the top matter, or at
    /// the dateline.
    body_start: usize,
    /// The start of each section, in order: the body's start, and each
    /// heading, label or separator after it.
    section_starts: Vec<usize>,
    /// Subheads written as paragraphs ("Sanders: Win in a walk."): display
    /// text, like headings; and reporters' taglines, end matter.
    subheads: Vec<Span>,
    /// The deck under the headline, a guess: under a headline written as a
    /// sentence, a short first paragraph may as well be the lede.
    deck: Option<Span>,
    links: LinkTexts,
    /// Block quotes and embedded posts ([`EMBEDDED`]), in order.
    embedded: Vec<Span>,
}

impl Layout {
    /// The layout of `text`, whose prose is `prose`; each block's shape
    /// is read again only where `memo` has not seen its key.
    pub fn of(text: &str, prose: &Prose, memo: &mut LayoutMemo) -> Layout {
        let (mut body_start, deck) = match headline_end(prose) {
            Top::Headline(end) => (end, None),
            Top::Deck(deck) => (deck.end, Some(deck)),
        };
        for block in prose.blocks.iter().take(TOP_BLOCKS) {
            let text = prose.slice(block.span);
            if is_label(text) {
                body_start = body_start.max(block.span.end);
            } else if DATELINE.is_match(text.trim_start()) {
                body_start = body_start.max(block.span.start);
                break;
            }
        }
        // A label with nothing after it is the story's last line, not a heading.
        if prose.blocks.last().is_none_or(|b| b.span.end <= body_start) {
            body_start = 0;
        }
        let mut section_starts = vec![body_start];
        let mut subheads = Vec::new();
        // Taken out while it changes: a panic half-way leaves an empty
        // memo, not a wrong one.
        let mut kept = std::mem::take(&mut memo.shapes);
        let mut shapes = FastMap::with_capacity_and_hasher(kept.len(), Default::default());
        for block in &prose.blocks {
            if block.span.start <= body_start {
                continue;
            }
            let shape = match kept.remove(&block.key) {
                Some(shape) => shape,
                None => shapes
                    .get(&block.key)
                    .copied()
                    .unwrap_or_else(|| Shape::of(prose, block)),
            };
            shapes.insert(block.key, shape);
            if shape.opens_section {
                section_starts.push(block.span.start);
            }
            if shape.display {
                subheads.push(block.span);
            }
        }
        memo.shapes = shapes;
        // One search for three bytes reads the text once; most stories
        // write none of them.
        let marked = memchr::memchr3(b'[', b'<', b'>', text.as_bytes()).is_some();
        Layout {
            body_start,
            section_starts,
            subheads,
            deck,
            links: if marked {
                LinkTexts::of(text)
            } else {
                LinkTexts::default()
            },
            embedded: if marked { embedded(text) } else { Vec::new() },
        }
    }

    /// Whether an offset lies in a block quote or an embedded post.
    pub fn in_embedded(&self, offset: usize) -> bool {
        let after = self.embedded.partition_point(|s| s.start <= offset);
        after > 0 && self.embedded[after - 1].contains(offset)
    }

    /// Whether an offset lies in the story's body: after the top matter, and
    /// not in a subhead or a tagline.
    pub fn in_body(&self, offset: usize) -> bool {
        // Subheads are blocks, in order and apart: the one that may hold
        // the offset is the last to start at or before it.
        let before = self.subheads.partition_point(|s| s.start <= offset);
        offset >= self.body_start
            && !before
                .checked_sub(1)
                .is_some_and(|i| self.subheads[i].contains(offset))
    }

    /// Whether an offset lies in the deck under the headline.
    pub fn in_deck(&self, offset: usize) -> bool {
        self.deck.is_some_and(|d| d.contains(offset))
    }

    /// Whether a span lies inside a Markdown link's text (see [`in_link_text`]).
    pub fn in_link_text(&self, span: Span) -> bool {
        self.links.contains(span)
    }

    /// The section an offset falls in.
    pub fn section(&self, offset: usize) -> usize {
        self.section_starts.partition_point(|&s| s <= offset)
    }
}

/// Where the headline that opens a document ends, or the deck under it.
enum Top {
    Headline(usize),
    Deck(Span),
}

/// Where a headline that opens the document ends: a first block of one
/// short line, even one that ends in a full stop, with at least two blocks
/// after it, or one in headline capitals over a single paragraph; and the deck after a headline that ends in ";" or ":", on the
/// next line ("Talks resume in Moscow;" / "Lavrov and Wang meet again.").
fn headline_end(prose: &Prose) -> Top {
    let (Some(first), Some(second)) = (prose.blocks.first(), prose.blocks.get(1)) else {
        return Top::Headline(0);
    };
    let headline = prose.slice(first.span);
    // Over a single paragraph, only a line in headline capitals is a
    // headline: a sentence above another is copy, even one full of names
    // ("Prime Minister Albanese arrived in Jakarta on Monday.").
    if prose.blocks.len() == 2 && !all_capitalised(headline) {
        return Top::Headline(0);
    }
    let words = |s: &str| s.split_whitespace().count();
    let one_line = !headline.contains('\n');
    let headline_shaped = words(headline) <= HEADLINE_WORDS
        || words(headline) <= CAPITALISED_HEADLINE_WORDS && title_case(headline);
    if first.kind != BlockKind::Heading && !(one_line && headline_shaped) {
        return Top::Headline(0);
    }
    let deck = prose.slice(second.span);
    let continues = headline.trim_end().ends_with([';', ':']);
    let next_line = prose.text[first.span.end..second.span.start]
        .matches('\n')
        .count()
        == 1;
    // A deck: on the next line after "Headline;", or, under a headline
    // written as a sentence (not marked as a heading), one short sentence
    // before a longer first paragraph.
    let third = prose
        .blocks
        .get(2)
        .map_or(0, |b| words(prose.slice(b.span)));
    let short_deck = first.kind == BlockKind::Paragraph
        && second.sentences.len() == 1
        && words(deck) <= DECK_SENTENCE_WORDS
        && third > words(deck);
    if continues && next_line && words(deck) <= DECK_WORDS || short_deck {
        Top::Deck(second.span)
    } else {
        Top::Headline(first.span.end)
    }
}

/// A line in headline capitals: most of its words of four letters or more
/// start with a capital ("Trump Just Announced Who He Would Love To See").
fn title_case(line: &str) -> bool {
    let long: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitals = long
        .iter()
        .filter(|w| {
            w.trim_start_matches(|c: char| !c.is_alphabetic())
                .starts_with(char::is_uppercase)
        })
        .count();
    long.len() >= 3 && capitals * 5 >= long.len() * 4
}

/// A line whose every word of five letters or more starts with a capital,
/// with four such words at least: headline capitals, verbs and all.
fn all_capitalised(line: &str) -> bool {
    let long: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 5)
        .collect();
    long.len() >= 4
        && long.iter().all(|w| {
            w.trim_start_matches(|c: char| !c.is_alphabetic())
                .starts_with(char::is_uppercase)
        })
}

/// The spans of [`EMBEDDED`] text, in order (none without a '<' or '>').
fn embedded(text: &str) -> Vec<Span> {
    // Two searches for one byte each (memchr) read the whole text far
    // faster than one for either character.
    if !text.contains('<') && !text.contains('>') {
        return Vec::new();
    }
    EMBEDDED
        .find_iter(text)
        .map(|m| Span::new(m.start(), m.end()))
        .collect()
}

/// A short block in capitals: a kicker or a label ("FULL TEXT.").
fn is_label(text: &str) -> bool {
    !text.chars().any(char::is_lowercase)
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && text.split_whitespace().count() <= LABEL_WORDS
}

/// A short paragraph that names its subject before a colon: "Sanders: Win
/// in a walk."
fn is_subhead(text: &str) -> bool {
    if !text.contains(':') {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() <= SUBHEAD_WORDS
        && words
            .iter()
            .take(3)
            .position(|w| w.ends_with(':'))
            .is_some_and(|i| {
                words[..=i]
                    .iter()
                    .all(|w| w.starts_with(char::is_uppercase))
            })
}

/// A block with no letters: "___", "* * *".
fn is_separator(text: &str) -> bool {
    !text.trim().is_empty() && !text.chars().any(char::is_alphanumeric)
}

/// Where a Markdown link's text may be: the brackets and line ends of the
/// document, in order, so a look-up is a binary search and not a walk over
/// the line (a paragraph is one line, and it holds many names).
#[derive(Debug, Default)]
struct LinkTexts {
    marks: Vec<(usize, Mark)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    /// "](" or "][": the end of a link's text.
    CloseLink,
    LineEnd,
}

impl LinkTexts {
    fn of(text: &str) -> LinkTexts {
        // With no "[", nothing is a link's text.
        if !text.contains('[') {
            return LinkTexts::default();
        }
        let bytes = text.as_bytes();
        let marks = bytes
            .iter()
            .enumerate()
            .filter_map(|(i, &b)| match b {
                b'[' => Some((i, Mark::Open)),
                b']' if matches!(bytes.get(i + 1), Some(b'(' | b'[')) => Some((i, Mark::CloseLink)),
                b']' => Some((i, Mark::Close)),
                b'\n' => Some((i, Mark::LineEnd)),
                _ => None,
            })
            .collect();
        LinkTexts { marks }
    }

    /// [`in_link_text`]: the last mark before the span opens a bracket, and
    /// the first mark from its end closes it as a link's text.
    fn contains(&self, span: Span) -> bool {
        let before = self.marks.partition_point(|&(at, _)| at < span.start);
        let after = self.marks.partition_point(|&(at, _)| at < span.end);
        before > 0
            && self.marks[before - 1].1 == Mark::Open
            && self
                .marks
                .get(after)
                .is_some_and(|&(_, m)| m == Mark::CloseLink)
    }
}

/// Whether a span lies inside a Markdown link's text: after an unclosed "["
/// on its line and before the "](" or "][" that closes it. The plain
/// statement of what [`Layout::in_link_text`] answers by look-up.
#[cfg(test)]
fn in_link_text(text: &str, span: Span) -> bool {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let before = &text[line_start..span.start];
    let after = &text[span.end..line_end];
    let opened = before
        .rfind('[')
        .is_some_and(|i| !before[i..].contains(']'));
    let closed = after.find(']').is_some_and(|i| {
        !after[..i].contains('[') && matches!(after.as_bytes().get(i + 1), Some(b'(') | Some(b'['))
    });
    opened && closed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_separators_and_datelines() {
        assert!(is_label("FULL TEXT."));
        assert!(!is_label("Full text."));
        assert!(!is_label("A"));
        assert!(is_separator("___."));
        assert!(is_subhead("Sanders: Win in a walk."));
        assert!(!is_subhead(
            "He said: the talks were long and hard and useful."
        ));
        assert!(is_separator("* * *"));
        for tagline in [
            "Okafor reported from Lagos.",
            "Okafor and Van Dijk reported from The Hague, Netherlands.",
            "Associated Press writer Jill Ruiz contributed to this report.",
            "Tom Lee in Lagos contributed reporting.",
            "Associated Press writer Jill Ruiz contributed from Washington.",
            "(Reporting by Ana Ruiz; Editing by Tom Lee)",
        ] {
            assert!(is_tagline(tagline), "{tagline}");
        }
        for copy in [
            "Okafor said she reported from Lagos for a decade.",
            "The ministry reported from its own records that sales fell.",
            "Delays by the contractor contributed to the report's cost.",
            "Donors contributed from abroad, the ministry said.",
            "Okafor reported from Lagos that the talks had failed, and that the union would strike.",
        ] {
            assert!(!is_tagline(copy), "{copy}");
        }
        assert!(DATELINE.is_match("WASHINGTON — The Senate voted"));
        assert!(DATELINE.is_match("DES MOINES, Iowa - The caucuses"));
        assert!(DATELINE.is_match("LONDON (Reuters) - The prime minister"));
        assert!(!DATELINE.is_match("The Senate voted - again"));
        assert!(DATELINE.is_match("LA PAZ, Bolivia — The vote"));
        assert!(DATELINE.is_match("WINSTON-SALEM, N.C. -- The vote"));
        // Speech in a transcript, not a place.
        assert!(!DATELINE.is_match("I -- I'm sorry. I read Factor 1."));
        assert!(!DATELINE.is_match("OK -- so what is the use here?"));
    }

    #[test]
    fn a_headline_and_its_deck_are_top_matter() {
        let mut cache = crate::prose::BlockCache::default();
        let text = "Talks resume in Moscow;\nLavrov and Wang meet again.\n\nLavrov said the talks were useful.\n\nMore.";
        let prose = crate::prose::parse(text, crate::document::Language::PlainText, &mut cache);
        let layout = Layout::of(text, &prose, &mut LayoutMemo::default());
        assert!(!layout.in_body(text.find("Wang").unwrap()));
        assert!(layout.in_body(text.find("Lavrov said").unwrap()));
        // A short sentence between the headline and a longer first
        // paragraph is a deck.
        let text = "Party meets to heal wounds.\n\nWarren may help Ruiz and Berg.\n\nRuiz and Berg met on Monday in the capital to talk about the budget and the vote.";
        let prose = crate::prose::parse(text, crate::document::Language::PlainText, &mut cache);
        assert!(!Layout::of(text, &prose, &mut LayoutMemo::default())
            .in_body(text.find("Warren").unwrap()));
        assert!(title_case(
            "Trump Just Announced Who He Would Love To See Run"
        ));
        assert!(!title_case("Rubio has the praise, just not the votes."));
        // A long first paragraph full of names is copy, not a headline.
        let names = "In the matter of Ada Rowe, Bram Stoker Holdings, Carla Diaz, Dmitri Orlov, Edna Ferber, Felix Unger, Gloria Steinem, Harold Pinter, Iris Murdoch, Jonas Salk, Karen Blixen, Louis Armstrong, Mona Lisa Saperstein and Nora Ephron, the Court sat at Halifax.\n\nThe judge spoke.\n\nThe lawyers spoke after her.";
        let prose = crate::prose::parse(names, crate::document::Language::PlainText, &mut cache);
        assert!(Layout::of(names, &prose, &mut LayoutMemo::default())
            .in_body(names.find("Ada").unwrap()));
        // Two blocks only: the first is copy, not a headline.
        let short = "Lavrov said the talks were useful.\n\nRussian Foreign Minister Sergei Lavrov met Wang.";
        let prose = crate::prose::parse(short, crate::document::Language::PlainText, &mut cache);
        assert!(Layout::of(short, &prose, &mut LayoutMemo::default()).in_body(0));
        // Unless it is in headline capitals.
        let short = "Rowe: Why The Moscow Talks With Lavrov Were Useful.\n\nAda Rowe said the talks with Sergei Lavrov were useful.";
        let prose = crate::prose::parse(short, crate::document::Language::PlainText, &mut cache);
        assert!(!Layout::of(short, &prose, &mut LayoutMemo::default()).in_body(0));
        let names = "Prime Minister Albanese arrived in Jakarta on Monday.\n\nPrime Minister Albanese spoke.";
        let prose = crate::prose::parse(names, crate::document::Language::PlainText, &mut cache);
        assert!(Layout::of(names, &prose, &mut LayoutMemo::default()).in_body(0));
    }

    /// A kept block's shape is the one a fresh reading gives, as subheads,
    /// taglines and labels come, go and repeat.
    #[test]
    fn kept_shapes_equal_fresh_ones() {
        let head = "Talks end\n\nWARSAW — Anna Keller met Jonas Brandt.\n\n";
        let subhead = "Keller: No deal yet.\n\n";
        let copy = "Keller said the talks would go on. Brandt agreed with her.\n\n";
        let tagline = "Okafor reported from Lagos.\n\n";
        let versions = [
            format!("{head}{copy}{subhead}{copy}{tagline}"),
            format!("{head}{subhead}{copy}{subhead}{copy}"),
            format!("{head}{copy}FULL TEXT\n\n{copy}* * *\n\n{copy}"),
            format!("{head}{copy}{copy}"),
            format!("{head}{copy}{subhead}[Keller](https://example.com) <q>said</q>\n\n{tagline}"),
            format!("{head}{copy}{subhead}{copy}{tagline}"),
        ];
        let shape = |text: &str, layout: &Layout| {
            (
                layout.body_start,
                layout.section_starts.clone(),
                layout.subheads.clone(),
                layout.embedded.clone(),
                text.char_indices()
                    .map(|(i, _)| layout.in_link_text(Span::new(i, i + 1)))
                    .collect::<Vec<_>>(),
            )
        };
        let mut memo = LayoutMemo::default();
        let mut cache = crate::prose::BlockCache::default();
        for text in &versions {
            let prose = crate::prose::parse(text, crate::document::Language::Markdown, &mut cache);
            let kept = Layout::of(text, &prose, &mut memo);
            let fresh = Layout::of(text, &prose, &mut LayoutMemo::default());
            assert_eq!(shape(text, &kept), shape(text, &fresh), "{text}");
        }
        assert!(memo.shapes.len() >= 3);
    }

    #[test]
    fn block_quotes_and_embedded_posts_are_set_off() {
        let text = "Okafor spoke.\n\n> Thanks to Mr. Okafor.\n\n<tweet id=\"1\">Mr. Okafor, thanks.</tweet>\n\nA <q>short</q> line; 3 > 2 and <tweet unclosed Okafor.";
        let prose = crate::prose::parse(
            text,
            crate::document::Language::PlainText,
            &mut Default::default(),
        );
        let layout = Layout::of(text, &prose, &mut LayoutMemo::default());
        let at = |needle: &str, from: usize| from + text[from..].find(needle).unwrap();
        assert!(!layout.in_embedded(0));
        assert!(layout.in_embedded(at("Mr.", 0)));
        let tweet = at("<tweet", 0);
        assert!(layout.in_embedded(at("Mr.", tweet)));
        assert!(layout.in_embedded(at("short", 0)));
        // A comparison is no quote, and an element never closed embeds nothing.
        assert!(!layout.in_embedded(at("2 and", 0)));
        assert!(!layout.in_embedded(at("Okafor.", at("unclosed", 0))));
    }

    #[test]
    fn link_text_is_found_on_its_line() {
        let text = "Read more: [Mayor Wu says no](https://example.com)\nMayor Wu spoke.";
        let wu = text.find("Wu").unwrap();
        assert!(in_link_text(text, Span::new(wu, wu + 2)));
        let later = text.rfind("Wu").unwrap();
        assert!(!in_link_text(text, Span::new(later, later + 2)));
        let note = "He said [sic] that Wu left.";
        let wu = note.find("Wu").unwrap();
        assert!(!in_link_text(note, Span::new(wu, wu + 2)));
    }

    proptest::proptest! {
        /// The look-up answers as the walk over the line does, for every
        /// span of any text made of brackets, parentheses, line ends and words.
        #[test]
        fn link_texts_answer_as_the_line_walk_does(
            text in "[\\[\\]()\nab ]{0,40}",
        ) {
            let links = LinkTexts::of(&text);
            for start in 0..=text.len() {
                for end in start..=text.len() {
                    let span = Span::new(start, end);
                    proptest::prop_assert_eq!(links.contains(span), in_link_text(&text, span));
                }
            }
        }
    }
}
