//! `copydesk check`: the server's analysis on files, for CI and pre-commit hooks.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::{json, Value};

use super::{files, Format, EXIT_ERROR, EXIT_FOUND};
use crate::checks::{Finding, RelatedLocation, Severity};

/// Longest source line shown whole; longer ones are cut to a window around the span.
const MAX_SHOWN: usize = 110;
const CONTEXT: usize = 40;

pub fn run(paths: &[PathBuf], format: Format, config: Option<&Path>) -> ExitCode {
    let mut errors = false;
    let mut found = false;
    let files = files::collect(paths, &mut errors);
    let Ok(settings) = super::config::settings_for(&files, config) else {
        return ExitCode::from(EXIT_ERROR);
    };
    let mut out = std::io::stdout().lock();
    for (path, settings) in files.into_iter().zip(settings) {
        let Some((text, analysis)) = files::analyse(&path, &settings) else {
            errors = true;
            continue;
        };
        for failure in &analysis.failures {
            eprintln!(
                "error: {}: rule {} failed and was skipped: {}",
                path.display(),
                failure.code,
                failure.message
            );
        }
        let lines = LineIndex::new(&text);
        for finding in &analysis.findings {
            found |= finding.severity >= Severity::Warning;
            let rendered = match format {
                Format::Human => human(&path, &text, &lines, finding),
                Format::Json => json_of(&path, &text, &lines, finding).to_string(),
            };
            if writeln!(out, "{rendered}").is_err() {
                return ExitCode::from(EXIT_ERROR);
            }
        }
    }
    if errors {
        ExitCode::from(EXIT_ERROR)
    } else if found {
        ExitCode::from(EXIT_FOUND)
    } else {
        ExitCode::SUCCESS
    }
}

/// Line starts of a text, for 1-based lines and character columns.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// Zero-based line, and the byte offset of its start.
    fn line_of(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        (line, self.starts[line])
    }

    fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let start = self.starts[line];
        let end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// 1-based line and 1-based column in characters.
    fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let (line, start) = self.line_of(offset);
        (line + 1, text[start..offset].chars().count() + 1)
    }
}

fn human(path: &Path, text: &str, lines: &LineIndex, f: &Finding) -> String {
    let (line_no, col) = lines.position(text, f.span.start);
    let (line, line_start) = lines.line_of(f.span.start);
    let source = lines.line_text(text, line);
    let gutter = line_no.to_string().len();
    let mut out = String::new();
    let _ = writeln!(out, "{}[{}]: {}", f.severity.name(), f.code, f.message);
    let _ = writeln!(out, "{:gutter$}--> {}:{line_no}:{col}", "", path.display());
    let _ = writeln!(out, "{:gutter$} |", "");
    let span_start = f.span.start - line_start;
    let span_end = (f.span.end - line_start).min(source.len()).max(span_start);
    let (shown, marker_at, marker_len) = window(source, span_start, span_end);
    let _ = writeln!(out, "{line_no} | {shown}");
    let _ = writeln!(
        out,
        "{:gutter$} | {}{}",
        "",
        " ".repeat(marker_at),
        "^".repeat(marker_len.max(1))
    );
    for related in &f.related {
        let place = match &related.location {
            RelatedLocation::Here(span) => {
                let (l, c) = lines.position(text, span.start);
                format!("{}:{l}:{c}", path.display())
            }
            RelatedLocation::File { path, line } => format!("{}:{}", path.display(), line + 1),
        };
        let _ = writeln!(out, "{:gutter$} = note: {} ({place})", "", related.message);
    }
    for fix in &f.fixes {
        let _ = writeln!(out, "{:gutter$} = help: {}", "", fix.title);
    }
    out
}

/// The part of a line to show, and where the marker goes in it (in characters).
fn window(line: &str, start: usize, end: usize) -> (String, usize, usize) {
    let chars_before = line[..start].chars().count();
    let span_chars = line[start..end].chars().count();
    let total = line.chars().count();
    if total <= MAX_SHOWN {
        return (line.to_string(), chars_before, span_chars);
    }
    let from = chars_before.saturating_sub(CONTEXT);
    let to = (chars_before + span_chars + CONTEXT).min(total);
    let mut shown: String = line.chars().skip(from).take(to - from).collect();
    let mut marker_at = chars_before - from;
    if from > 0 {
        shown.insert(0, '…');
        marker_at += 1;
    }
    if to < total {
        shown.push('…');
    }
    (shown, marker_at, span_chars.min(to - chars_before))
}

/// The findings of one text as `--format json` prints them, one object each.
pub fn findings_json(path: &Path, text: &str, findings: &[Finding]) -> Vec<Value> {
    let lines = LineIndex::new(text);
    findings
        .iter()
        .map(|f| json_of(path, text, &lines, f))
        .collect()
}

fn json_of(path: &Path, text: &str, lines: &LineIndex, f: &Finding) -> Value {
    let (line, column) = lines.position(text, f.span.start);
    let (end_line, end_column) = lines.position(text, f.span.end);
    json!({
        "path": path.display().to_string(),
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "start_byte": f.span.start,
        "end_byte": f.span.end,
        "code": f.code,
        "severity": f.severity.name(),
        "message": f.message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let line = format!("{}Critics say{}", "a".repeat(100), "b".repeat(100));
        let (shown, at, len) = window(&line, 100, 111);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(
            shown.chars().skip(at).take(len).collect::<String>(),
            "Critics say"
        );
    }

    #[test]
    fn positions_are_one_based_characters() {
        let text = "😀 one\r\nKritik sagt";
        let lines = LineIndex::new(text);
        assert_eq!(lines.position(text, text.find("one").unwrap()), (1, 3));
        assert_eq!(lines.position(text, text.find("sagt").unwrap()), (2, 8));
        assert_eq!(lines.line_text(text, 0), "😀 one");
    }
}
