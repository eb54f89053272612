//! The summary line of human output, and `--statistics`: findings per rule.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use anstyle::Style as Paint;
use serde_json::json;

use super::format::human::{severity_paint, Style};
use super::format::Format;
use crate::checks::{self, Severity};

/// "12 findings in 3 files (7 warnings, 5 information)".
pub fn summary(found: &[(&'static str, Severity)], files: usize, style: Style) -> String {
    let files = plural(files, "file", "files");
    if found.is_empty() {
        return format!("no findings in {files}\n");
    }
    let mut counts: BTreeMap<Severity, usize> = BTreeMap::new();
    for &(_, severity) in found {
        *counts.entry(severity).or_insert(0) += 1;
    }
    let parts: Vec<String> = counts
        .iter()
        .rev()
        .map(|(&severity, &n)| {
            let words = match severity {
                Severity::Error => plural(n, "error", "errors"),
                Severity::Warning => plural(n, "warning", "warnings"),
                Severity::Information => format!("{n} information"),
                Severity::Hint => plural(n, "hint", "hints"),
            };
            paint(style, severity_paint(severity), &words)
        })
        .collect();
    let total = plural(found.len(), "finding", "findings");
    format!(
        "{} in {files} ({})\n",
        paint(style, Paint::new().bold(), &total),
        parts.join(", ")
    )
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn paint(style: Style, paint: Paint, text: &str) -> String {
    if style.colour {
        format!("{}{text}{}", paint.render(), paint.render_reset())
    } else {
        text.to_string()
    }
}

/// Per rule: how many findings, at which severities; most frequent first.
struct RuleCount {
    code: &'static str,
    total: usize,
    by_severity: BTreeMap<Severity, usize>,
}

fn count(found: &[(&'static str, Severity)]) -> Vec<RuleCount> {
    let mut per_rule: BTreeMap<&'static str, BTreeMap<Severity, usize>> = BTreeMap::new();
    for &(code, severity) in found {
        *per_rule
            .entry(code)
            .or_default()
            .entry(severity)
            .or_insert(0) += 1;
    }
    let mut rules: Vec<RuleCount> = per_rule
        .into_iter()
        .map(|(code, by_severity)| RuleCount {
            code,
            total: by_severity.values().sum(),
            by_severity,
        })
        .collect();
    rules.sort_by(|a, b| b.total.cmp(&a.total).then(a.code.cmp(b.code)));
    rules
}

/// `--statistics` in human form (a table) or JSON (an array).
pub fn render(found: &[(&'static str, Severity)], format: Format, style: Style) -> String {
    let rules = count(found);
    if format == Format::Json {
        let rows: Vec<_> = rules
            .iter()
            .map(|r| {
                let by: serde_json::Map<String, serde_json::Value> = r
                    .by_severity
                    .iter()
                    .map(|(s, n)| (s.name().to_string(), json!(n)))
                    .collect();
                json!({
                    "code": r.code,
                    "count": r.total,
                    "severities": by,
                    "summary": checks::rule_info(r.code).map(|i| i.summary),
                    "url": checks::doc_url(r.code),
                })
            })
            .collect();
        return format!("{}\n", serde_json::Value::Array(rows));
    }
    let mut out = String::new();
    for r in &rules {
        let severities: Vec<String> = r
            .by_severity
            .iter()
            .rev()
            .map(|(s, n)| paint(style, severity_paint(*s), &format!("{n} {}", s.name())))
            .collect();
        let _ = writeln!(
            out,
            "{:>6}  {} {}",
            r.total,
            paint(style, Paint::new().bold(), &format!("{:<20}", r.code)),
            severities.join(", ")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: Style = Style {
        colour: false,
        width: 100,
    };

    #[test]
    fn the_summary_counts_by_severity_most_severe_first() {
        let found = [
            ("orphan-quote", Severity::Information),
            ("vague-attribution", Severity::Warning),
            ("vague-attribution", Severity::Warning),
        ];
        assert_eq!(
            summary(&found, 3, PLAIN),
            "3 findings in 3 files (2 warnings, 1 information)\n"
        );
        assert_eq!(summary(&[], 1, PLAIN), "no findings in 1 file\n");
    }
}
