//! Between the core's byte spans and LSP positions, and from findings to diagnostics.

use ropey::Rope;
use serde_json::{json, Value};
use tower_lsp::lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, PositionEncodingKind, Range, TextEdit, Url,
};

use crate::checks::{self, Finding, RelatedLocation, Severity};
use crate::document::{byte_at, line_col_at, Encoding, LineCol, Lines, Resolved};
use crate::span::Span;

pub const SOURCE: &str = "copydesk";

pub fn encoding_kind(encoding: Encoding) -> PositionEncodingKind {
    match encoding {
        Encoding::Utf8 => PositionEncodingKind::UTF8,
        Encoding::Utf16 => PositionEncodingKind::UTF16,
    }
}

pub fn line_col(position: Position) -> LineCol {
    LineCol::new(position.line, position.character)
}

pub fn position(rope: &Rope, byte: usize, encoding: Encoding) -> Position {
    let lc = line_col_at(rope, byte, encoding);
    Position::new(lc.line, lc.col)
}

pub fn range(rope: &Rope, span: Span, encoding: Encoding) -> Range {
    Range::new(
        position(rope, span.start, encoding),
        position(rope, span.end, encoding),
    )
}

/// [`position`], from a line index of the text.
pub fn position_in(lines: &Lines, byte: usize, encoding: Encoding) -> Position {
    let lc = lines.line_col(byte, encoding);
    Position::new(lc.line, lc.col)
}

fn range_in(lines: &Lines, span: Span, encoding: Encoding) -> Range {
    Range::new(
        position_in(lines, span.start, encoding),
        position_in(lines, span.end, encoding),
    )
}

pub fn byte(rope: &Rope, position: Position, encoding: Encoding) -> Resolved {
    byte_at(rope, line_col(position), encoding)
}

/// The span of a range, if both ends lie inside the document.
pub fn span(rope: &Rope, range: Range, encoding: Encoding) -> Option<Span> {
    let start = byte(rope, range.start, encoding);
    let end = byte(rope, range.end, encoding);
    (!start.clamped && !end.clamped && start.byte <= end.byte)
        .then(|| Span::new(start.byte, end.byte))
}

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Hint => DiagnosticSeverity::HINT,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Error => DiagnosticSeverity::ERROR,
    }
}

/// A finding as a diagnostic. Its fixes travel in `data`, as edits that carry
/// the text they replace, so a code action needs no re-analysis and can tell
/// when the document has moved on under them.
/// `lines` is the line index of `rope`.
pub fn diagnostic(
    finding: &Finding,
    uri: &Url,
    rope: &Rope,
    lines: &Lines,
    encoding: Encoding,
) -> Diagnostic {
    let related = finding
        .related
        .iter()
        .filter_map(|r| {
            let location = match &r.location {
                RelatedLocation::Here(span) => {
                    Location::new(uri.clone(), range_in(lines, *span, encoding))
                }
                RelatedLocation::File { path, line } => Location::new(
                    Url::from_file_path(path).ok()?,
                    Range::new(Position::new(*line, 0), Position::new(*line, 0)),
                ),
            };
            Some(DiagnosticRelatedInformation {
                location,
                message: r.message.clone(),
            })
        })
        .collect::<Vec<_>>();
    let fixes: Vec<Value> = finding
        .fixes
        .iter()
        .map(|fix| {
            let edits: Vec<Value> = fix
                .edits
                .iter()
                .map(|e| {
                    json!({
                        "range": range_in(lines, e.span, encoding),
                        "newText": e.replacement,
                        "oldText": rope_slice(rope, e.span),
                    })
                })
                .collect();
            json!({ "title": fix.title, "edits": edits })
        })
        .collect();
    Diagnostic {
        range: range_in(lines, finding.span, encoding),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.code.to_string())),
        code_description: checks::rule_info(finding.code)
            .and_then(|_| Url::parse(&checks::doc_url(finding.code)).ok())
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message: finding.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: (!fixes.is_empty()).then(|| json!({ "fixes": fixes })),
    }
}

fn rope_slice(rope: &Rope, span: Span) -> String {
    let end = span.end.min(rope.len_bytes());
    let start = span.start.min(end);
    rope.byte_slice(start..end).to_string()
}

/// A fix carried in a diagnostic's `data`, checked against the current text.
pub struct StoredFix {
    pub title: String,
    pub edits: Vec<TextEdit>,
}

/// The fixes of a diagnostic whose edits still apply: each edit's range must
/// still hold the text it was computed against.
pub fn stored_fixes(data: &Value, rope: &Rope, encoding: Encoding) -> Vec<StoredFix> {
    let Some(fixes) = data.get("fixes").and_then(Value::as_array) else {
        return Vec::new();
    };
    fixes
        .iter()
        .filter_map(|fix| {
            let title = fix.get("title")?.as_str()?.to_string();
            let edits = fix
                .get("edits")?
                .as_array()?
                .iter()
                .map(|e| {
                    let range: Range = serde_json::from_value(e.get("range")?.clone()).ok()?;
                    let new_text = e.get("newText")?.as_str()?.to_string();
                    let old_text = e.get("oldText")?.as_str()?;
                    let span = span(rope, range, encoding)?;
                    (rope_slice(rope, span) == old_text).then_some(TextEdit { range, new_text })
                })
                .collect::<Option<Vec<_>>>()?;
            Some(StoredFix { title, edits })
        })
        .collect()
}
