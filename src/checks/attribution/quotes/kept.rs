//! What `orphan-quote` reads for one paragraph's quotations, as a key under
//! which their findings are kept between analyses.
//!
//! The rule reads the paragraph, up to [`RUN_REACH`] quoted paragraphs and
//! one more before it, the paragraphs its quotation runs on over, the next
//! paragraph (an answer to a question) and a few words further (an agent
//! after a passive), each paragraph's quotations, and whether any of its
//! quotations repeats words quoted elsewhere. The key covers all of these,
//! with no offsets, so a paragraph keeps its key when text before it
//! changes length. The actor model, which answers for the whole document,
//! is not in it: findings that asked it whether a pronoun has anyone to
//! refer to are kept with its answers, and used again only while it gives
//! the same ones; findings that read it otherwise are not kept (see
//! [`super::super::scan::Scan::forget_read_actors`]).

use std::hash::Hasher;

use super::RUN_REACH;
use crate::checks::attribution::per_block::{BlockFindings, FORWARD_TOKENS};
use crate::checks::attribution::scan::Scan;
use crate::hashing::FastHasher;
use crate::prose::Prose;

/// A block's findings, and the pronouns the actor model was asked about
/// for them (by token, from the block's first token), with its answers.
#[derive(Debug)]
pub(in crate::checks::attribution) struct Kept {
    pub findings: BlockFindings,
    antecedents: Vec<(isize, bool)>,
}

impl Kept {
    pub(super) fn new(
        findings: BlockFindings,
        asked: &[(usize, bool)],
        first_token: usize,
    ) -> Kept {
        let relative = |t: usize| t as isize - first_token as isize;
        Kept {
            findings,
            antecedents: asked
                .iter()
                .map(|&(t, answer)| (relative(t), answer))
                .collect(),
        }
    }

    /// Whether the actor model gives the same answers now, for the block
    /// whose first token is `first_token`.
    pub(super) fn same_answers(&self, scan: &Scan<'_>, first_token: usize) -> bool {
        self.antecedents.iter().all(|&(relative, answer)| {
            first_token
                .checked_add_signed(relative)
                .filter(|&t| t < scan.prose.tokens.len())
                .is_some_and(|t| scan.antecedent_possible_unasked(t) == answer)
        })
    }
}

/// The key of what the rule reads for the quotations of block `block`.
pub(super) fn key(prose: &Prose, block: usize, repeated: &[bool]) -> u64 {
    let blocks = &prose.blocks;
    let first = block.saturating_sub(RUN_REACH + 1);
    let last = reach_end(prose, block);
    let mut hash = FastHasher::default();
    // Where the block stands among the first ones: the reach back stops at
    // the document's start, and the first paragraph may be a headline.
    hash.write_usize(block - first);
    let mut at = if first == 0 {
        0
    } else {
        blocks[first].span.start
    };
    for b in &blocks[first..=last] {
        hash.write(&prose.text.as_bytes()[at.min(b.span.start)..b.span.start]);
        hash.write_u64(b.key);
        for q in &prose.quotations[b.quotations.clone()] {
            hash.write_usize(q.span.start - b.span.start);
            hash.write_usize(q.span.end - b.span.start);
            hash.write_usize(q.inner.start - b.span.start);
            hash.write_usize(q.inner.end - b.span.start);
            hash.write_u8(
                u8::from(q.closed) | u8::from(q.continues) << 1 | u8::from(q.nested) << 2,
            );
        }
        at = b.span.end;
    }
    if last + 1 == blocks.len() {
        // The end of the document is within reach, and so is what follows the last block.
        hash.write_u8(1);
        hash.write(&prose.text.as_bytes()[at.min(prose.text.len())..]);
    }
    for &r in repeated {
        hash.write_u8(u8::from(r));
    }
    hash.finish()
}

/// The last block the rule may read for block `block`: the last one its
/// quotation runs on over, or the next one, whichever is later, and those
/// after it up to [`FORWARD_TOKENS`] tokens.
fn reach_end(prose: &Prose, block: usize) -> usize {
    let blocks = &prose.blocks;
    let run_on = super::last_run_on_block(prose, block);
    let mut last = (run_on + 1).min(blocks.len() - 1).max(run_on);
    let mut tokens = 0;
    while tokens < FORWARD_TOKENS && last + 1 < blocks.len() {
        last += 1;
        tokens += blocks[last].tokens.len();
    }
    last
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use crate::analysis::{analyze, Analyzer};
    use crate::checks::attribution::per_block::kept_checks;
    use crate::config::Settings;
    use crate::document::Language;

    /// Paragraphs of quotations, and those that change whose words the
    /// quotations around them are: a speaker, a pronoun, a colon, a question,
    /// a quotation running on over paragraphs, a beat, a headline label, a
    /// person the sentence before is about.
    const PARAGRAPHS: [&str; 18] = [
        "Ana Ruiz: ‘We lost the vote’",
        "\"We lost the vote,\" said Ana Ruiz, the harbour master.",
        "\"The pier will close in May.\"",
        "He said the toll would rise.",
        "\"Nobody wants the bridge to fail.\" She paused.",
        "The ministry issued a statement:",
        "\"The ferry is safe and the crew are trained.\"",
        "Why did the council close the pier?",
        "\"Because the engineers told us to,\" the mayor said.",
        "\"The first part of a long statement runs on",
        "\"and the second part ends it here.\"",
        "Laughter.",
        "Tomas Lepp slammed the table.",
        "Critics called the plan \"a waste of public money\" on Friday.",
        "The board quoted \"a waste of public money\" back at them.",
        "The ferry ran late.",
        // Whether "Lepp" is someone the actor model knows depends on an
        // introduction anywhere before.
        "Tomas Lepp, the harbour master, arrived on Monday.",
        "Lepp slammed the table. \"We lost the vote.\"",
    ];

    fn orphans(findings: &[crate::checks::Finding]) -> Vec<String> {
        kept_checks::findings_of(findings, &["orphan-quote"])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        /// Whatever an analyzer kept from earlier versions of an article
        /// (a paragraph added, removed or rewritten, a character typed,
        /// perhaps a paragraph break), `orphan-quote`'s findings equal those
        /// of an analysis from scratch.
        #[test]
        fn kept_orphan_quotes_equal_a_fresh_analysis(
            start in proptest::collection::vec(0..PARAGRAPHS.len(), 1..16),
            edits in proptest::collection::vec(
                (0..4u8, 0usize..16, 0..PARAGRAPHS.len(), 0usize..500),
                1..8,
            ),
            plain in any::<bool>(),
        ) {
            kept_checks::kept_equal_fresh(&PARAGRAPHS, start, edits, plain, &["orphan-quote"])?;
        }
    }

    /// A paragraph's orphan quotation comes back at its new place when text
    /// before it changes length, and goes when a speaker is added before it.
    #[test]
    fn a_kept_orphan_quote_moves_with_its_paragraph_and_follows_its_context() {
        let settings = Settings::default();
        let mut analyzer = Analyzer::default();
        let mut orphan_quotes = |text: &str| {
            let kept = analyzer.analyze(text, Language::Markdown, &settings);
            let fresh = analyze(text, Language::Markdown, &settings);
            assert_eq!(orphans(&kept.findings), orphans(&fresh.findings), "{text}");
            kept.findings
                .iter()
                .filter(|f| f.code == "orphan-quote")
                .map(|f| f.span.of(text).to_string())
                .collect::<Vec<_>>()
        };
        let quote = "\"The pier will close in May.\"";
        let first = format!("The ferry ran late.\n\n{quote}");
        assert_eq!(orphan_quotes(&first), [quote]);
        let longer = format!("The old ferry ran very late.\n\n{quote}");
        assert_eq!(orphan_quotes(&longer), [quote]);
        let spoken = format!("The harbour master said the ferry ran late.\n\n{quote}");
        assert!(orphan_quotes(&spoken).is_empty());
        assert_eq!(orphan_quotes(&longer), [quote]);
        // Whether "Lepp" is someone is the actor model's answer, which an
        // introduction far beyond the key's reach changes.
        let filler = "The ferry ran late.\n\n".repeat(12);
        let scene = "Lepp slammed the table. \"We lost the vote.\"";
        let introduced = format!("Tomas Lepp, the harbour master, arrived.\n\n{filler}{scene}");
        let unknown = format!("The harbour master arrived.\n\n{filler}{scene}");
        assert!(orphan_quotes(&introduced).is_empty());
        assert_eq!(orphan_quotes(&unknown), ["\"We lost the vote.\""]);
        assert!(orphan_quotes(&introduced).is_empty());
        // Whether "he" has anyone to refer to is asked of the actor model
        // and the prose before, far beyond the key's reach: a kept answer
        // is checked before the findings are used again.
        let quoted = "\"The ferry ran late.\"\n\n".repeat(12);
        let spoken = "\"We lost the vote,\" he said.";
        let described = format!("The mayor arrived.\n\n{quoted}{spoken}");
        let undescribed = format!("{quoted}{spoken}");
        let his = |found: Vec<String>| found.iter().any(|q| q.contains("We lost"));
        assert!(!his(orphan_quotes(&described)));
        assert!(his(orphan_quotes(&undescribed)));
        assert!(!his(orphan_quotes(&described)));
    }
}
