//! Publishing diagnostics. Each finding is converted to a diagnostic and
//! serialised once, then reused for as long as what it shows stays the same:
//! its positions, its message and its data (related places, fixes and the
//! text they replace). After a keystroke only the findings it moved to other
//! positions, or changed, are converted again.
//!
//! Publications are written straight to the client's stream (see
//! `transport.rs`), already serialised, in the order they are made.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use ropey::Rope;
use serde::Serialize;
use tower_lsp::lsp_types::{Diagnostic, PublishDiagnosticsParams, Url};

use super::convert;
use crate::checks::{Finding, RelatedLocation};
use crate::document::{Encoding, Lines};
use crate::span::Span;

/// The diagnostics last published for a document, serialised, by a 128-bit
/// hash of everything they show (two SipHash runs; a false match is not a
/// practical possibility).
#[derive(Default)]
pub struct Published {
    kept: HashMap<u128, String>,
    /// How many diagnostics the last notification converted anew.
    converted: usize,
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
        let mut scratch = Vec::new();
        // Every finding's positions are asked, converted anew or not.
        let lines = Lines::new(rope);
        for (i, finding) in findings.iter().enumerate() {
            let key = shown(finding, rope, &lines, encoding, &mut scratch);
            let json = match self.kept.remove(&key).or_else(|| kept.remove(&key)) {
                Some(json) => json,
                None => {
                    self.converted += 1;
                    json(&convert::diagnostic(finding, uri, rope, &lines, encoding))
                }
            };
            if i > 0 {
                diagnostics.push(',');
            }
            diagnostics.push_str(&json);
            kept.insert(key, json);
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

/// A hash of what a finding's diagnostic shows at the current text: code,
/// severity and message; the positions of its range, related places and fix
/// edits; the related messages and files; the fixes' titles, replacements
/// and the text they replace. `scratch` holds it all, each string ended by
/// 0xff (never a byte of UTF-8), then is hashed twice.
fn shown(
    finding: &Finding,
    rope: &Rope,
    lines: &Lines,
    encoding: Encoding,
    scratch: &mut Vec<u8>,
) -> u128 {
    fn text(scratch: &mut Vec<u8>, s: &str) {
        scratch.extend_from_slice(s.as_bytes());
        scratch.push(0xff);
    }
    let position = |scratch: &mut Vec<u8>, byte: usize| {
        let p = convert::position_in(lines, byte, encoding);
        scratch.extend_from_slice(&p.line.to_le_bytes());
        scratch.extend_from_slice(&p.character.to_le_bytes());
    };
    scratch.clear();
    text(scratch, finding.code);
    scratch.push(finding.severity as u8);
    text(scratch, &finding.message);
    position(scratch, finding.span.start);
    position(scratch, finding.span.end);
    for related in &finding.related {
        text(scratch, &related.message);
        match &related.location {
            RelatedLocation::Here(span) => {
                position(scratch, span.start);
                position(scratch, span.end);
            }
            RelatedLocation::File { path, line } => {
                text(scratch, &path.to_string_lossy());
                scratch.extend_from_slice(&line.to_le_bytes());
            }
        }
    }
    for fix in &finding.fixes {
        text(scratch, &fix.title);
        for edit in &fix.edits {
            text(scratch, &edit.replacement);
            position(scratch, edit.span.start);
            position(scratch, edit.span.end);
            for chunk in slice(rope, edit.span).chunks() {
                scratch.extend_from_slice(chunk.as_bytes());
            }
            scratch.push(0xff);
        }
    }
    let [a, b] = [0u8, 1].map(|seed| {
        let mut h = DefaultHasher::new();
        seed.hash(&mut h);
        h.write(scratch);
        h.finish()
    });
    (u128::from(a) << 64) | u128::from(b)
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
