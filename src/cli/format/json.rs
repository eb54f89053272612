//! The JSON object of a finding, shared by `--format json` and `jsonl`.
//! `docs/output.md` documents every field; a change to it bumps
//! [`SCHEMA_VERSION`].

use serde_json::{json, Value};

use super::{place, FileView};
use crate::checks::{self, Finding};

/// The version of the finding object's schema, carried by every object.
pub const SCHEMA_VERSION: u32 = 1;

pub fn finding(view: &FileView, f: &Finding) -> Value {
    let start = view.positions.of(f.span.start);
    let end = view.positions.of(f.span.end);
    let related: Vec<Value> = f
        .related
        .iter()
        .map(|r| {
            let at = place(view, &r.location);
            json!({"path": at.path, "line": at.line, "column": at.column, "message": r.message})
        })
        .collect();
    let fixes: Vec<Value> = f
        .fixes
        .iter()
        .map(|fix| {
            let edits: Vec<Value> = fix
                .edits
                .iter()
                .map(|e| {
                    let from = view.positions.of(e.span.start);
                    let to = view.positions.of(e.span.end);
                    json!({
                        "start_byte": e.span.start,
                        "end_byte": e.span.end,
                        "line": from.line,
                        "column": from.column,
                        "end_line": to.line,
                        "end_column": to.column,
                        "replacement": e.replacement,
                    })
                })
                .collect();
            json!({"title": fix.title, "edits": edits})
        })
        .collect();
    json!({
        "schema_version": SCHEMA_VERSION,
        "path": view.path,
        "line": start.line,
        "column": start.column,
        "end_line": end.line,
        "end_column": end.column,
        "start_byte": f.span.start,
        "end_byte": f.span.end,
        "code": f.code,
        "severity": f.severity.name(),
        "message": f.message,
        "url": checks::doc_url(f.code),
        "related": related,
        "fixes": fixes,
    })
}
