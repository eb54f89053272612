//! The JSON object of a finding, shared by `--format json` and `jsonl`.
//! `docs/output.md` documents every field; a change to it bumps
//! [`SCHEMA_VERSION`].

use serde::Serialize;
use serde_json::Value;

use super::{place, FileView};
use crate::checks::{self, Finding};

/// The version of the finding object's schema, carried by every object.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Record<'a> {
    schema_version: u32,
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    start_byte: usize,
    end_byte: usize,
    code: &'a str,
    severity: &'a str,
    message: &'a str,
    url: String,
    related: Vec<RelatedRecord<'a>>,
    fixes: Vec<FixRecord<'a>>,
}

#[derive(Serialize)]
struct RelatedRecord<'a> {
    path: String,
    line: usize,
    column: usize,
    message: &'a str,
}

#[derive(Serialize)]
struct FixRecord<'a> {
    title: &'a str,
    edits: Vec<EditRecord<'a>>,
}

#[derive(Serialize)]
struct EditRecord<'a> {
    start_byte: usize,
    end_byte: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    replacement: &'a str,
}

fn record<'a>(view: &'a FileView, f: &'a Finding) -> Record<'a> {
    let start = view.positions.of(f.span.start);
    let end = view.positions.of(f.span.end);
    Record {
        schema_version: SCHEMA_VERSION,
        path: view.path,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        start_byte: f.span.start,
        end_byte: f.span.end,
        code: f.code,
        severity: f.severity.name(),
        message: &f.message,
        url: checks::doc_url(f.code),
        related: f
            .related
            .iter()
            .map(|r| {
                let at = place(view, &r.location);
                RelatedRecord {
                    path: at.path,
                    line: at.line,
                    column: at.column,
                    message: &r.message,
                }
            })
            .collect(),
        fixes: f
            .fixes
            .iter()
            .map(|fix| FixRecord {
                title: &fix.title,
                edits: fix
                    .edits
                    .iter()
                    .map(|e| {
                        let from = view.positions.of(e.span.start);
                        let to = view.positions.of(e.span.end);
                        EditRecord {
                            start_byte: e.span.start,
                            end_byte: e.span.end,
                            line: from.line,
                            column: from.column,
                            end_line: to.line,
                            end_column: to.column,
                            replacement: &e.replacement,
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The finding's object, for programs that take JSON values (the Python module).
pub fn finding(view: &FileView, f: &Finding) -> Value {
    serde_json::to_value(record(view, f)).unwrap_or(Value::Null)
}

/// The finding's object as one line of JSON, written straight from the record.
pub fn finding_text(view: &FileView, f: &Finding) -> String {
    serde_json::to_string(&record(view, f)).unwrap_or_default()
}
