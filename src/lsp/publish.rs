//! Publishing diagnostics. Each finding is converted to a diagnostic and
//! serialised once, then reused for as long as what it shows stays the same:
//! its positions, its message and its data (related places, fixes and the
//! text they replace). After a keystroke only the findings it moved to other
//! positions, or changed, are converted again.
//!
//! Publications are written straight to the client's stream (see
//! `transport.rs`), already serialised, in the order they are made.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use ropey::Rope;
use serde::Serialize;
use tower_lsp::lsp_types::{Diagnostic, Position, PublishDiagnosticsParams, Url};

use super::convert;
use crate::checks::{Finding, RelatedLocation};
use crate::document::Encoding;
use crate::span::Span;

/// The diagnostics last published for a document, serialised.
#[derive(Default)]
pub struct Published {
    kept: HashMap<u64, Vec<Converted>>,
    /// How many diagnostics the last notification converted anew.
    converted: usize,
}

struct Converted {
    finding: Finding,
    positions: Vec<Position>,
    /// The text each fix edit replaces, as the JSON says it.
    old_texts: Vec<String>,
    json: String,
}

impl Published {
    /// The `publishDiagnostics` notification for `findings`, reusing what the
    /// last one converted.
    pub fn notification(
        &mut self,
        uri: &Url,
        version: i32,
        findings: &[Finding],
        rope: &Rope,
        encoding: Encoding,
    ) -> String {
        let mut kept = HashMap::with_capacity(findings.len());
        self.converted = 0;
        let mut diagnostics = String::with_capacity(findings.len() * 256);
        for (i, finding) in findings.iter().enumerate() {
            let positions = positions(finding, rope, encoding);
            let key = key(finding, &positions);
            let reused = self.kept.get_mut(&key).and_then(|list| {
                let at = list
                    .iter()
                    .position(|c| shows_the_same(c, finding, &positions, rope))?;
                Some(list.swap_remove(at))
            });
            let converted = reused.unwrap_or_else(|| {
                self.converted += 1;
                Converted {
                    json: json(&convert::diagnostic(finding, uri, rope, encoding)),
                    old_texts: fix_spans(finding)
                        .map(|span| slice(rope, span).to_string())
                        .collect(),
                    finding: finding.clone(),
                    positions,
                }
            });
            if i > 0 {
                diagnostics.push(',');
            }
            diagnostics.push_str(&converted.json);
            kept.entry(key).or_insert_with(Vec::new).push(converted);
        }
        self.kept = kept;
        format!(
            r#"{{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{{"uri":{},"version":{version},"diagnostics":[{diagnostics}]}}}}"#,
            json(&uri)
        )
    }
}

/// A `publishDiagnostics` notification of diagnostics made elsewhere.
pub fn notification(uri: Url, diagnostics: Vec<Diagnostic>, version: Option<i32>) -> String {
    #[derive(Serialize)]
    struct Notification {
        jsonrpc: &'static str,
        method: &'static str,
        params: PublishDiagnosticsParams,
    }
    json(&Notification {
        jsonrpc: "2.0",
        method: "textDocument/publishDiagnostics",
        params: PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        },
    })
}

fn json(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|err| {
        tracing::error!("cannot serialise a diagnostic: {err}");
        "null".to_string()
    })
}

/// Every position a finding's diagnostic shows, in order: its range, its
/// related places in this document, its fixes' edits.
fn positions(finding: &Finding, rope: &Rope, encoding: Encoding) -> Vec<Position> {
    let mut spans = vec![finding.span];
    spans.extend(finding.related.iter().filter_map(|r| match r.location {
        RelatedLocation::Here(span) => Some(span),
        RelatedLocation::File { .. } => None,
    }));
    spans.extend(fix_spans(finding));
    spans
        .into_iter()
        .flat_map(|s: Span| [s.start, s.end])
        .map(|byte| convert::position(rope, byte, encoding))
        .collect()
}

fn key(finding: &Finding, positions: &[Position]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    finding.code.hash(&mut h);
    finding.severity.hash(&mut h);
    finding.message.hash(&mut h);
    for p in positions {
        (p.line, p.character).hash(&mut h);
    }
    h.finish()
}

/// Whether a kept diagnostic shows exactly what `finding` would, at these
/// positions of the current text.
fn shows_the_same(
    kept: &Converted,
    finding: &Finding,
    positions: &[Position],
    rope: &Rope,
) -> bool {
    let old = &kept.finding;
    kept.positions == positions
        && old.code == finding.code
        && old.severity == finding.severity
        && old.message == finding.message
        && old.related.len() == finding.related.len()
        && old.related.iter().zip(&finding.related).all(|(a, b)| {
            a.message == b.message
                && match (&a.location, &b.location) {
                    (RelatedLocation::Here(_), RelatedLocation::Here(_)) => true,
                    (a, b) => a == b,
                }
        })
        && old.fixes.len() == finding.fixes.len()
        && old.fixes.iter().zip(&finding.fixes).all(|(a, b)| {
            a.title == b.title
                && a.edits.len() == b.edits.len()
                && a.edits
                    .iter()
                    .zip(&b.edits)
                    .all(|(x, y)| x.replacement == y.replacement)
        })
        && fix_spans(finding)
            .zip(&kept.old_texts)
            .all(|(span, old)| slice(rope, span) == old.as_str())
}

fn fix_spans(finding: &Finding) -> impl Iterator<Item = Span> + '_ {
    finding
        .fixes
        .iter()
        .flat_map(|f| f.edits.iter().map(|e| e.span))
}

fn slice(rope: &Rope, span: Span) -> ropey::RopeSlice<'_> {
    let end = span.end.min(rope.len_bytes());
    rope.byte_slice(span.start.min(end)..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::config::Settings;
    use crate::document::Language;

    const STORY: &str = "Port deal\n\nCritics say the deal will fail.\n\nThe mayor is expected to resign.\n\nObservers note a risk.\n";

    fn publish(published: &mut Published, text: &str) -> Value {
        let analysis = analyze(text, Language::Markdown, &Settings::default());
        let uri = Url::parse("file:///tmp/desk/story.md").expect("a URL");
        let rope = Rope::from_str(text);
        let body = published.notification(&uri, 1, &analysis.findings, &rope, Encoding::Utf16);
        // The same as converting everything afresh.
        let fresh =
            Published::default().notification(&uri, 1, &analysis.findings, &rope, Encoding::Utf16);
        assert_eq!(body, fresh);
        serde_json::from_str(&body).expect("JSON")
    }

    use serde_json::Value;

    #[test]
    fn only_diagnostics_that_show_something_new_are_converted_again() {
        let mut published = Published::default();
        let first = publish(&mut published, STORY);
        let count = first["params"]["diagnostics"]
            .as_array()
            .map_or(0, Vec::len);
        assert_eq!(count, 3);
        assert_eq!(published.converted, 3);
        // A word typed after the last finding: nothing moves.
        publish(&mut published, &STORY.replace("a risk", "a big risk"));
        assert_eq!(published.converted, 0);
        // A word typed in the second finding's line moves it and the one after it on that line only.
        publish(&mut published, &STORY.replace("The mayor", "The new mayor"));
        assert_eq!(published.converted, 1);
        // A line added at the top moves them all.
        publish(&mut published, &format!("Draft\n{STORY}"));
        assert_eq!(published.converted, 3);
    }

    #[test]
    fn a_fix_whose_old_text_changed_is_converted_again() {
        let rule = crate::checks::rules().next().expect("a rule");
        let finding = Finding::new(rule, Span::new(0, 3), "m").with_fix(
            "Fix".to_string(),
            vec![crate::checks::Edit {
                span: Span::new(4, 7),
                replacement: "new".to_string(),
            }],
        );
        let uri = Url::parse("file:///tmp/desk/a.md").expect("a URL");
        let mut published = Published::default();
        let before = Rope::from_str("abc old xyz");
        published.notification(
            &uri,
            1,
            std::slice::from_ref(&finding),
            &before,
            Encoding::Utf16,
        );
        published.notification(
            &uri,
            2,
            std::slice::from_ref(&finding),
            &before,
            Encoding::Utf16,
        );
        assert_eq!(published.converted, 0);
        let after = Rope::from_str("abc odd xyz");
        let body = published.notification(
            &uri,
            3,
            std::slice::from_ref(&finding),
            &after,
            Encoding::Utf16,
        );
        assert_eq!(published.converted, 1);
        assert!(body.contains(r#""oldText":"odd""#), "{body}");
    }
}
