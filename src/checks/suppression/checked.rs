//! Findings marked as checked outside the document. A project's
//! `.copydesk.toml` lists them by rule and a hash of their sentence
//! (`[[checked]]`, after LTeX's `hiddenFalsePositives`), so the article
//! itself stays as written: nothing can slip into published copy.
//!
//! The hash is FNV-1a (64 bits) of the sentence's words joined by single
//! spaces, written as 16 lowercase hex digits. Re-wrapping the paragraph,
//! changing line endings or moving the sentence keeps it; changing a word
//! makes a new sentence, which is checked again.

use std::collections::BTreeSet;

use super::super::Finding;
use crate::config::{Checked, Settings};
use crate::prose::Prose;
use crate::span::Span;

/// The hash `[[checked]]` records for a sentence's text.
pub fn sentence_hash(sentence: &str) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(PRIME);
        }
    };
    for (i, word) in sentence.split_whitespace().enumerate() {
        if i > 0 {
            feed(b" ");
        }
        feed(word.as_bytes());
    }
    hash
}

pub fn format_hash(hash: u64) -> String {
    format!("{hash:016x}")
}

pub fn parse_hash(text: &str) -> Option<u64> {
    let text = text.trim();
    (text.len() == 16 && text.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| u64::from_str_radix(text, 16).ok())
        .flatten()
}

/// The sentence a finding at `at` belongs to: the prose sentence holding it,
/// else its block (a heading, a table cell), else its line.
pub fn sentence_span(text: &str, prose: &Prose, at: usize) -> Span {
    if let Some(i) = prose.sentence_at(at) {
        return prose.sentences[i].span;
    }
    if let Some(i) = prose.block_at(at) {
        return prose.blocks[i].span;
    }
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    Span::new(start, end)
}

/// What "Mark as checked" records for a finding of `rule` at `at`.
pub fn mark(text: &str, prose: &Prose, rule: &str, at: usize) -> (Checked, String) {
    let span = sentence_span(text, prose, at);
    let sentence = prose.slice(span);
    let mark = Checked {
        rule: rule.to_string(),
        sentence: sentence_hash(sentence),
    };
    (
        mark,
        sentence.split_whitespace().collect::<Vec<_>>().join(" "),
    )
}

/// Drops the findings whose rule and sentence are marked as checked. One
/// hash per sentence that has findings: linear in the text.
pub fn drop_checked(text: &str, prose: &Prose, settings: &Settings, findings: &mut Vec<Finding>) {
    if settings.checked.is_empty() || findings.is_empty() {
        return;
    }
    let rules: BTreeSet<&str> = settings.checked.iter().map(|c| c.rule.as_str()).collect();
    let mut last: Option<(Span, u64)> = None;
    findings.retain(|finding| {
        if !rules.contains(finding.code) {
            return true;
        }
        let span = sentence_span(text, prose, finding.span.start);
        let hash = match last {
            Some((seen, hash)) if seen == span => hash,
            _ => {
                let hash = sentence_hash(prose.slice(span));
                last = Some((span, hash));
                hash
            }
        };
        let key = Checked {
            rule: finding.code.to_string(),
            sentence: hash,
        };
        !settings.checked.contains(&key)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::document::Language;

    const STORY: &str =
        "Port deal\n\nCritics say the deal will fail. Critics say\nthe port will close.\n";

    #[test]
    fn the_hash_ignores_how_the_sentence_is_wrapped() {
        let one = sentence_hash("Critics say the port will close.");
        assert_eq!(one, sentence_hash("Critics say\r\n  the port will close. "));
        assert_ne!(one, sentence_hash("Critics say the port will shut."));
        assert_eq!(parse_hash(&format_hash(one)), Some(one));
        assert_eq!(parse_hash("xyz"), None);
        // Fixed by the format: a file written today is read the same tomorrow.
        assert_eq!(format_hash(sentence_hash("")), "cbf29ce484222325");
        assert_eq!(format_hash(sentence_hash("a")), "af63dc4c8601ec8c");
    }

    #[test]
    fn a_marked_sentence_loses_that_rules_findings_only() {
        let plain = analyze(STORY, Language::Markdown, &Settings::default());
        let codes: Vec<_> = plain.findings.iter().map(|f| f.code).collect();
        assert_eq!(codes, ["vague-attribution", "vague-attribution"]);
        let at = STORY.find("Critics say\nthe").expect("second sentence");
        let (mark, sentence) = mark(STORY, &plain.prose, "vague-attribution", at);
        assert_eq!(sentence, "Critics say the port will close.");
        let settings = Settings {
            checked: [mark.clone()].into(),
            ..Settings::default()
        };
        let marked = analyze(STORY, Language::Markdown, &settings);
        assert_eq!(marked.findings.len(), 1);
        assert!(marked.findings[0].span.start < at);
        // The same sentence re-wrapped is still the checked one.
        let rewrapped = STORY.replace("Critics say\nthe", "Critics say the");
        assert_eq!(
            analyze(&rewrapped, Language::Markdown, &settings)
                .findings
                .len(),
            1
        );
        // Another rule's mark hides nothing here.
        let other = Settings {
            checked: [Checked {
                rule: "orphan-quote".to_string(),
                ..mark
            }]
            .into(),
            ..Settings::default()
        };
        assert_eq!(analyze(STORY, Language::Markdown, &other).findings.len(), 2);
    }
}
