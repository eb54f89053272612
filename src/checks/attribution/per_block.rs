//! The claim and vague-source rules block by block, each block's findings
//! kept between analyses, so that an edit re-runs the rules only on the
//! blocks whose findings it could change.
//!
//! What a block's findings depend on is known: its own text, and the text
//! around it the rules read: the paragraph before (is it an interviewer's
//! question?), a few words into the next ones (an agent after a passive, a
//! reference number after a sentence, a quotation mark after "called"), the
//! document text where Markdown markup is blanked out of the prose (a
//! footnote mark cites a work), and whether the whole text is told in person.
//! A block's findings are kept under a key made of the first three; the
//! last is kept beside them when the rules asked for it, and checked before
//! they are used again.

use std::hash::Hasher;

use super::scan::{Hit, Scan};
use crate::checks::{Context, Finding, RelatedLocation};
use crate::hashing::FastHasher;
use crate::prose::{BlockMemo, Prose};
use crate::span::Span;

/// How many tokens after a block the rules may read: the longest forward
/// walk is an agent looked for up to ten words after a participle (see
/// `scan::AGENT_REACH`), then a word or two to tell a deadline or a measure
/// from an agent.
pub(super) const FORWARD_TOKENS: usize = 16;

/// A block's findings, at offsets from its start, and the voice of the text
/// they were found in, if they depend on it.
#[derive(Debug)]
pub(super) struct BlockFindings {
    findings: Vec<Finding>,
    in_person: Option<bool>,
}

pub(super) type FindingsMemo = BlockMemo<BlockFindings>;

impl BlockFindings {
    /// Findings of a block that starts at `start`, kept relative to it;
    /// for findings that do not depend on the voice of the whole text.
    pub(super) fn relative(findings: &[Finding], start: usize) -> BlockFindings {
        BlockFindings {
            findings: findings.iter().map(|f| moved(f, start, 0)).collect(),
            in_person: None,
        }
    }

    /// The findings, for the block now at `start`.
    pub(super) fn at(&self, start: usize) -> impl Iterator<Item = Finding> + '_ {
        self.findings.iter().map(move |f| moved(f, 0, start))
    }
}

/// Runs `find` on the hits of each block that has any and adds what it
/// finds to `out`, reusing a block's findings from `memo` when its key and
/// the voice they depend on are unchanged. `find` must read no more of the
/// document than the key covers (see the module doc).
pub(super) fn run(
    ctx: &Context<'_>,
    scan: &Scan<'_>,
    mut memo: Option<&mut FindingsMemo>,
    find: impl Fn(&[Hit], &mut Vec<Finding>),
    out: &mut Vec<Finding>,
) {
    let prose = ctx.prose;
    let hits = &scan.hits[..];
    let mut first = 0;
    while first < hits.len() {
        let block = prose.sentences[hits[first].sentence].block;
        let count = hits[first..]
            .iter()
            .position(|h| prose.sentences[h.sentence].block != block)
            .unwrap_or(hits.len() - first);
        let block_hits = &hits[first..first + count];
        first += count;
        let start = prose.blocks[block].span.start;
        let Some(memo) = memo.as_deref_mut() else {
            find(block_hits, out);
            continue;
        };
        let key = context_key(ctx.text, prose, block);
        let kept = memo.reuse(key, |kept| {
            kept.in_person
                .is_none_or(|in_person| in_person == scan.in_person())
        });
        let kept = kept.unwrap_or_else(|| {
            scan.forget_asked();
            let mut found = Vec::new();
            find(block_hits, &mut found);
            let in_person = scan.forget_asked().then(|| scan.in_person());
            memo.insert(
                key,
                BlockFindings {
                    findings: found.iter().map(|f| moved(f, start, 0)).collect(),
                    in_person,
                },
            )
        });
        out.extend(kept.findings.iter().map(|f| moved(f, 0, start)));
    }
    if let Some(memo) = memo {
        memo.finish();
    }
}

/// The key of what the rules may read for block `block`: the block and the
/// one before, the blocks after it up to [`FORWARD_TOKENS`] tokens, the text
/// between them, and the document text where it differs from the prose.
/// Nothing in it is an offset, so a block keeps its key when text before it
/// changes length.
fn context_key(text: &str, prose: &Prose, block: usize) -> u64 {
    let blocks = &prose.blocks;
    let mut hash = FastHasher::default();
    let first = block.saturating_sub(1);
    // The first block has none before it; the second has the first.
    hash.write_u8(u8::from(block == 0));
    let mut last = block;
    let mut tokens = 0;
    while tokens < FORWARD_TOKENS && last + 1 < blocks.len() {
        last += 1;
        tokens += blocks[last].tokens.len();
    }
    let from = if block == 0 {
        0
    } else {
        blocks[first].span.start
    };
    let mut at = from;
    for b in &blocks[first..=last] {
        hash.write(&prose.text.as_bytes()[at.min(b.span.start)..b.span.start]);
        hash.write_u64(b.key);
        at = b.span.end;
    }
    let to = if last + 1 == blocks.len() {
        // The end of the document is within reach: so is what follows the last block.
        hash.write(&prose.text.as_bytes()[at.min(prose.text.len())..]);
        prose.text.len()
    } else {
        at
    };
    // Markdown markup (a footnote mark) is blanked out of the prose, but a
    // citation is read from the document text.
    if text.len() == prose.text.len() {
        let source = &text.as_bytes()[from..to];
        if source != &prose.text.as_bytes()[from..to] {
            hash.write_u8(1);
            hash.write(source);
        }
    }
    hash.finish()
}

/// `finding` with every span in it moved from offsets after `from` to the
/// same offsets after `to`.
fn moved(finding: &Finding, from: usize, to: usize) -> Finding {
    let span = |s: Span| {
        Span::new(
            s.start.saturating_sub(from) + to,
            s.end.saturating_sub(from) + to,
        )
    };
    let mut moved = finding.clone();
    moved.span = span(moved.span);
    for related in &mut moved.related {
        if let RelatedLocation::Here(s) = &mut related.location {
            *s = span(*s);
        }
    }
    for fix in &mut moved.fixes {
        for edit in &mut fix.edits {
            edit.span = span(edit.span);
        }
    }
    moved
}

/// Test support shared by the property tests of the rules that keep
/// findings per paragraph: an article built from numbered paragraphs,
/// edited step by step, whose kept findings must equal fresh ones.
#[cfg(test)]
pub(crate) mod kept_checks {
    use proptest::prelude::*;

    use crate::analysis::{analyze, Analyzer};
    use crate::checks::Finding;
    use crate::config::Settings;
    use crate::document::Language;

    /// One generated edit: `(0, i, p, _)` puts paragraph `p` in at `i`,
    /// `(1, i, _, _)` takes one out, `(2, i, p, _)` rewrites one as `p`,
    /// and `(3, _, _, at)` types a character, or a paragraph break, near
    /// byte `at`.
    pub type Edit = (u8, usize, usize, usize);

    /// The article written with the numbered `paragraphs` of `pieces`.
    pub fn article(pieces: &[&str], paragraphs: &[usize]) -> String {
        paragraphs
            .iter()
            .map(|&p| pieces[p % pieces.len()])
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// The findings with one of `codes`, written out for comparison.
    pub fn findings_of(findings: &[Finding], codes: &[&str]) -> Vec<String> {
        findings
            .iter()
            .filter(|f| codes.contains(&f.code))
            .map(|f| format!("{f:?}"))
            .collect()
    }

    /// Applies `edit` to `paragraphs` and returns the edited text.
    fn edited(pieces: &[&str], paragraphs: &mut Vec<usize>, (op, i, p, at): Edit) -> String {
        let i = i % (paragraphs.len() + 1);
        match op {
            0 => paragraphs.insert(i, p),
            1 if paragraphs.len() > 1 => {
                paragraphs.remove(i.min(paragraphs.len() - 1));
            }
            2 if !paragraphs.is_empty() => {
                let last = paragraphs.len() - 1;
                paragraphs[i.min(last)] = p;
            }
            _ => {}
        }
        let mut text = article(pieces, paragraphs);
        if op == 3 {
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.insert_str(at, if at % 3 == 0 { "\n\n" } else { "x" });
        }
        text
    }

    /// Analyses the article, then each edit of it with one analyzer that
    /// keeps what it can, and asserts that the findings with `codes` equal
    /// those of an analysis from scratch after every edit.
    pub fn kept_equal_fresh(
        pieces: &[&str],
        start: Vec<usize>,
        edits: Vec<Edit>,
        plain: bool,
        codes: &[&str],
    ) -> Result<(), TestCaseError> {
        let settings = Settings::default();
        let language = if plain {
            Language::PlainText
        } else {
            Language::Markdown
        };
        let mut analyzer = Analyzer::default();
        let mut paragraphs = start;
        analyzer.analyze(&article(pieces, &paragraphs), language, &settings);
        for edit in edits {
            let text = edited(pieces, &mut paragraphs, edit);
            let kept = analyzer.analyze(&text, language, &settings);
            let fresh = analyze(&text, language, &settings);
            prop_assert_eq!(
                findings_of(&kept.findings, codes),
                findings_of(&fresh.findings, codes),
                "{}",
                text
            );
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use crate::analysis::{analyze, Analyzer};
    use crate::config::Settings;
    use crate::document::Language;

    /// Paragraphs that set the rules off, and those that change what the
    /// paragraph after or before them means: a question, a speaker, a
    /// sentence with no full stop that runs to the block's end, a footnote
    /// mark, a paragraph told in person.
    const PARAGRAPHS: [&str; 14] = [
        "The harbour toll is expected to rise in May.",
        "Critics say the ferry timetable was rushed.",
        "Why did the council close the pier?",
        "The pier was closed by",
        "the county's engineers on Friday.",
        "Expect delays on the coast road.",
        "The bridge was described as unsafe, said Sgt. Ana Ruiz of the county police.",
        "The man is described as wearing a grey coat.",
        "The plan reportedly cost more than the bridge.[^1]",
        "[^1]: Harbour board minutes.",
        "I think you will like the walk. We went twice; you should too.",
        "It is believed the lock gates were never tested",
        "[3] The quay was reportedly sold.",
        "> Some experts believe the dredging was called \"a waste\"",
    ];

    const FAMILY: [&str; 3] = ["unattributed-claim", "vague-attribution", "orphan-quote"];

    fn attribution(findings: &[crate::checks::Finding]) -> Vec<String> {
        super::kept_checks::findings_of(findings, &FAMILY)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        /// Whatever an analyzer kept from earlier versions of an article
        /// (a paragraph added, removed or rewritten, a character typed,
        /// perhaps a paragraph break), the family's findings equal those of
        /// an analysis from scratch.
        #[test]
        fn kept_findings_equal_a_fresh_analysis(
            start in proptest::collection::vec(0..PARAGRAPHS.len(), 1..9),
            edits in proptest::collection::vec(
                (0..4u8, 0usize..16, 0..PARAGRAPHS.len(), 0usize..400),
                1..8,
            ),
            plain in any::<bool>(),
        ) {
            super::kept_checks::kept_equal_fresh(&PARAGRAPHS, start, edits, plain, &FAMILY)?;
        }
    }

    /// A block's findings come back at the block's new place when text
    /// before it changes length, and go when what it depends on changes.
    #[test]
    fn kept_findings_move_with_their_block_and_follow_their_context() {
        let settings = Settings::default();
        let mut analyzer = Analyzer::default();
        let claims = |text: &str, analyzer: &mut Analyzer| {
            let kept = analyzer.analyze(text, Language::Markdown, &settings);
            let fresh = analyze(text, Language::Markdown, &settings);
            assert_eq!(
                attribution(&kept.findings),
                attribution(&fresh.findings),
                "{text}"
            );
            kept.findings
                .iter()
                .filter(|f| f.code == "unattributed-claim")
                .map(|f| f.span.of(text).to_string())
                .collect::<Vec<_>>()
        };
        let first = "The ferry ran late.\n\nThe toll is expected to rise.";
        assert_eq!(claims(first, &mut analyzer), ["is expected to"]);
        let longer = "The old ferry ran very late.\n\nThe toll is expected to rise.";
        assert_eq!(claims(longer, &mut analyzer), ["is expected to"]);
        // The paragraph before now asks a question the claim answers.
        let asked = "Will the toll rise?\n\nThe toll is expected to rise.";
        assert!(claims(asked, &mut analyzer).is_empty());
        // The text now speaks in person, in a paragraph beyond the key's
        // reach: "Expect delays" is advice.
        let filler = "The ferry ran late on Monday and again on Tuesday, and the \
                      harbour master wrote to the board about the delays.";
        let advice =
            format!("Expect delays.\n\n{filler}\n\nI think you will like it. We went; you should.");
        let news = format!("Expect delays.\n\n{filler}\n\nThe ferry ran late. The toll rose.");
        let (advice, news) = (advice.as_str(), news.as_str());
        assert_eq!(claims(news, &mut analyzer), ["Expect"]);
        assert!(claims(advice, &mut analyzer).is_empty());
        assert_eq!(claims(news, &mut analyzer), ["Expect"]);
    }
}
