//! SARIF 2.1.0: one run, with every rule (its summary, documentation and help
//! URI) and a result per finding, with related locations and fixes. Columns
//! count Unicode code points, as the other formats' do.

use serde_json::{json, Value};

use super::{place, FileView};
use crate::checks::{self, Finding, Severity};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

/// The log up to the results array, and what closes it.
pub fn frame() -> (String, String) {
    let rules: Vec<Value> = checks::rules()
        .map(|info| {
            json!({
                "id": info.code,
                "shortDescription": {"text": info.summary},
                "fullDescription": {"text": info.summary},
                "help": {"text": info.doc, "markdown": info.doc},
                "helpUri": checks::doc_url(info.code),
                "defaultConfiguration": {"level": level(info.default_severity)},
            })
        })
        .collect();
    let base = std::env::current_dir()
        .ok()
        .map(|cwd| format!("file://{}/", encode_path(&cwd.to_string_lossy())));
    let mut run = json!({
        "tool": {"driver": {
            "name": "copydesk",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "informationUri": env!("CARGO_PKG_REPOSITORY"),
            "rules": rules,
        }},
        "columnKind": "unicodeCodePoints",
        "results": [],
    });
    if let Some(base) = base {
        run["originalUriBaseIds"] = json!({"%SRCROOT%": {"uri": base}});
    }
    let log = json!({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}).to_string();
    // Cut the empty results array open, so results stream into it.
    let at = log
        .rfind("\"results\":[]")
        .map(|i| i + "\"results\":[".len());
    match at {
        Some(at) => (log[..at].to_string(), log[at..].to_string() + "\n"),
        None => (log, "\n".to_string()),
    }
}

/// A relative path or an absolute one as a URI reference, percent-encoded.
fn uri(path: &str) -> Value {
    if path.starts_with('/') {
        json!({"uri": format!("file://{}", encode_path(path))})
    } else {
        json!({"uri": encode_path(path.trim_start_matches("./")), "uriBaseId": "%SRCROOT%"})
    }
}

/// Percent-encodes what a URI path may not hold as it is.
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(view: &FileView, start: usize, end: usize) -> Value {
    let from = view.positions.of(start);
    let to = view.positions.of(end);
    json!({
        "startLine": from.line,
        "startColumn": from.column,
        "endLine": to.line,
        "endColumn": to.column,
        "byteOffset": start,
        "byteLength": end.saturating_sub(start),
    })
}

pub fn result(view: &FileView, f: &Finding) -> Value {
    let index = checks::rules().position(|r| r.code == f.code);
    let related: Vec<Value> = f
        .related
        .iter()
        .enumerate()
        .map(|(id, r)| {
            let at = place(view, &r.location);
            json!({
                "id": id,
                "physicalLocation": {
                    "artifactLocation": uri(&at.path),
                    "region": {"startLine": at.line, "startColumn": at.column},
                },
                "message": {"text": r.message},
            })
        })
        .collect();
    let fixes: Vec<Value> = f
        .fixes
        .iter()
        .map(|fix| {
            let replacements: Vec<Value> = fix
                .edits
                .iter()
                .map(|e| {
                    json!({
                        "deletedRegion": region(view, e.span.start, e.span.end),
                        "insertedContent": {"text": e.replacement},
                    })
                })
                .collect();
            json!({
                "description": {"text": fix.title},
                "artifactChanges": [{"artifactLocation": uri(view.path), "replacements": replacements}],
            })
        })
        .collect();
    let mut result = json!({
        "ruleId": f.code,
        "level": level(f.severity),
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": uri(view.path),
            "region": region(view, f.span.start, f.span.end),
        }}],
    });
    if let Some(index) = index {
        result["ruleIndex"] = json!(index);
    }
    if !related.is_empty() {
        result["relatedLocations"] = Value::Array(related);
    }
    if !fixes.is_empty() {
        result["fixes"] = Value::Array(fixes);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_wraps_results_into_a_valid_log() {
        let (open, close) = frame();
        let log: Value = serde_json::from_str(&format!("{open}{close}")).expect("valid JSON");
        assert_eq!(log["version"], "2.1.0");
        assert_eq!(log["runs"][0]["results"], json!([]));
        assert!(log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .is_some_and(|r| r.len() == checks::rules().count()));
    }

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(encode_path("desk/Story one.md"), "desk/Story%20one.md");
        assert_eq!(encode_path("café#1.md"), "caf%C3%A9%231.md");
        assert_eq!(uri("./a.md")["uri"], "a.md");
        assert_eq!(uri("/tmp/a b.md")["uri"], "file:///tmp/a%20b.md");
    }
}
