//! Helpers for the reference rules' end-to-end tests (tests/references.rs
//! and tests/reference_cases/): their codes, their diagnostics among those
//! published, and a quick fix's edits applied to the text.

use serde_json::Value;

use super::offset_utf16;

/// The codes of the reference rules.
pub const CODES: [&str; 6] = [
    "title-mismatch",
    "title-case",
    "repeated-title",
    "late-introduction",
    "name-variant",
    "courtesy-title",
];

/// The diagnostics with one of these codes among those published, in order.
pub fn with_codes(published: &Value, codes: &[&str]) -> Vec<Value> {
    published["diagnostics"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter(|d| codes.contains(&d["code"].as_str().unwrap_or("")))
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// The text with a code action's edits (LSP `TextEdit`s, UTF-16 positions)
/// applied, and where each replacement now stands, in text order.
pub fn apply(text: &str, edits: &Value) -> (String, Vec<(usize, usize)>) {
    let mut edits: Vec<(usize, usize, String)> = edits
        .as_array()
        .map(|list| {
            list.iter()
                .map(|e| {
                    (
                        offset_utf16(text, &e["range"]["start"]),
                        offset_utf16(text, &e["range"]["end"]),
                        e["newText"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    edits.sort();
    let mut out = String::new();
    let mut at = 0;
    let mut placed = Vec::new();
    for (start, end, new) in edits {
        out.push_str(&text[at..start]);
        placed.push((out.len(), out.len() + new.len()));
        out.push_str(&new);
        at = end;
    }
    out.push_str(&text[at..]);
    (out, placed)
}
