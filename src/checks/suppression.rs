//! Suppression comments inside a document, written as HTML comments so the
//! published Markdown does not show them:
//!
//! - `<!-- copydesk-disable-next-line [codes] -->`: the next line with text;
//! - `<!-- copydesk-disable [codes] -->` … `<!-- copydesk-enable [codes] -->`: a region;
//! - `<!-- copydesk-disable-file [codes] -->`: the whole document.
//!
//! No code means every rule. Codes may be separated by spaces or commas, and
//! ` -- ` starts a free-text reason. Codes no rule has are flagged (`unknown-rule`).
//! In Markdown only real HTML comments count (not ones inside code); in plain
//! text a comment must sit on a line of its own.

use super::{Edit, Finding, Fix, RuleInfo, Severity};
use crate::config::suggest::closest;
use crate::config::{Level, Settings};
use crate::document::Language;
use crate::prose::{BlockKind, Prose};
use crate::span::Span;

pub static UNKNOWN_RULE: RuleInfo = RuleInfo {
    code: "unknown-rule",
    default_severity: Severity::Hint,
    summary: "A suppression comment names a code no rule has.",
    doc: include_str!("../../docs/rules/unknown-rule.md"),
};

/// Every directive starts with this; a text without it has nothing to parse.
const PREFIX: &str = "copydesk-";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    NextLine,
    Disable,
    Enable,
    File,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Directive<'t> {
    kind: Kind,
    /// The whole comment, `<!--` to `-->`.
    span: Span,
    /// The codes named, each with its span; none means every rule.
    codes: Vec<(&'t str, Span)>,
}

impl Directive<'_> {
    fn covers(&self, code: &str) -> bool {
        self.codes.is_empty() || self.codes.iter().any(|(c, _)| *c == code)
    }
}

/// Drops the findings marked as checked in the settings, flags unknown codes
/// in suppression comments, then drops the findings the comments suppress.
/// Costs a substring search on texts with no comment.
pub fn apply(text: &str, prose: &Prose, settings: &Settings, findings: &mut Vec<Finding>) {
    checked::drop_checked(text, prose, settings, findings);
    if !text.contains(PREFIX) {
        return;
    }
    let directives = directives(text, prose);
    if directives.is_empty() {
        return;
    }
    let level = settings.level(UNKNOWN_RULE.code);
    if level != Some(Level::Off) {
        let before = findings.len();
        for directive in &directives {
            for &(code, span) in &directive.codes {
                if super::rule_info(code).is_none() {
                    let mut finding = unknown_rule(code, span);
                    if let Some(Level::On(severity)) = level {
                        finding.severity = severity;
                    }
                    findings.push(finding);
                }
            }
        }
        if findings.len() > before {
            findings.sort_by_key(|f| (f.span.start, f.span.end));
        }
    }
    let targets: Vec<Option<Span>> = directives
        .iter()
        .map(|d| (d.kind == Kind::NextLine).then(|| next_line(text, d.span.end)))
        .map(Option::flatten)
        .collect();
    findings.retain(|f| !suppressed(f, &directives, &targets));
}

fn unknown_rule(code: &str, span: Span) -> Finding {
    let mut finding = Finding::new(
        &UNKNOWN_RULE,
        span,
        format!("copydesk has no rule `{code}`, so this comment suppresses nothing for it."),
    );
    if let Some(known) = closest(code, super::rules().map(|r| r.code)) {
        finding = finding.with_fix(
            format!("Replace with `{known}`"),
            vec![Edit {
                span,
                replacement: known.to_string(),
            }],
        );
    }
    finding
}

fn suppressed(finding: &Finding, directives: &[Directive<'_>], targets: &[Option<Span>]) -> bool {
    let at = finding.span.start;
    let mut in_region = false;
    for (directive, target) in directives.iter().zip(targets) {
        if !directive.covers(finding.code) {
            continue;
        }
        match directive.kind {
            Kind::File => return true,
            Kind::NextLine if target.is_some_and(|line| line.contains(at)) => return true,
            Kind::NextLine => {}
            Kind::Disable if directive.span.end <= at => in_region = true,
            Kind::Enable if directive.span.end <= at => in_region = false,
            Kind::Disable | Kind::Enable => {}
        }
    }
    in_region
}

/// The line a `disable-next-line` comment ending at `end` applies to: the next
/// line with text, skipping blank lines and lines that hold only comments (so
/// several comments can stack). The span includes the line break.
fn next_line(text: &str, end: usize) -> Option<Span> {
    let mut start = end + text.get(end..)?.find('\n')? + 1;
    while start < text.len() {
        let line_end = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
        let line = text[start..line_end].trim();
        let only_comment = line.starts_with("<!--") && line.ends_with("-->");
        if !line.is_empty() && !only_comment {
            return Some(Span::new(start, line_end));
        }
        start = line_end;
    }
    None
}

/// The suppression comments of a document, in order.
fn directives<'t>(text: &'t str, prose: &Prose) -> Vec<Directive<'t>> {
    let mut out = Vec::new();
    for &region in &prose.comment_regions {
        let mut from = region.start;
        while let Some(open) = text[from..region.end].find("<!--") {
            let body_start = from + open + 4;
            let Some(close) = text[body_start..region.end].find("-->") else {
                break;
            };
            let body = Span::new(body_start, body_start + close);
            if let Some(directive) = directive(text, Span::new(from + open, body.end + 3), body) {
                out.push(directive);
            }
            from = body.end + 3;
        }
    }
    out
}

/// Reads a comment body as a directive: a keyword, then codes, then an
/// optional ` -- reason`.
fn directive<'t>(text: &'t str, span: Span, body: Span) -> Option<Directive<'t>> {
    let mut words = words(text, body);
    let (keyword, _) = words.next()?;
    let kind = match keyword {
        "copydesk-disable-next-line" => Kind::NextLine,
        "copydesk-disable" => Kind::Disable,
        "copydesk-enable" => Kind::Enable,
        "copydesk-disable-file" => Kind::File,
        _ => return None,
    };
    let codes = words.take_while(|(word, _)| *word != "--").collect();
    Some(Directive { kind, span, codes })
}

/// The words of a span, split at whitespace and commas, each with its span.
fn words(text: &str, span: Span) -> impl Iterator<Item = (&str, Span)> {
    let body = span.of(text);
    body.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(move |w| {
            let start = span.start + (w.as_ptr() as usize - body.as_ptr() as usize);
            (w, Span::new(start, start + w.len()))
        })
}

/// "Mark as checked": the edit that puts a `copydesk-disable-next-line CODE`
/// comment before the line where `span` starts, placed so the document still
/// renders the same:
/// - a line inside a wrapped Markdown paragraph gets the comment at the end of
///   the line before it, as inline HTML (a comment line would split the paragraph);
/// - a Markdown table cell cannot take a line above it, so the finding is
///   wrapped in a `copydesk-disable`/`copydesk-enable` pair instead;
/// - otherwise a comment line goes above, inside the same blockquote and list item.
pub fn mark_as_checked(
    text: &str,
    language: Language,
    prose: &Prose,
    span: Span,
    code: &str,
) -> Fix {
    let at = span.start.min(text.len());
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[line_start..line_end];
    let comment = format!("<!-- copydesk-disable-next-line {code} -->");
    let title = format!("Mark as checked: hide {code} here");
    let block = prose.block_at(at).map(|i| &prose.blocks[i]);
    let insert = |offset: usize, replacement: String| Edit {
        span: Span::new(offset, offset),
        replacement,
    };
    if language == Language::Markdown {
        if let Some(block) = block {
            if block.kind == BlockKind::TableCell {
                let end = span.end.clamp(at, line_end);
                return Fix {
                    title,
                    edits: vec![
                        insert(at, format!("<!-- copydesk-disable {code} -->")),
                        insert(end, format!("<!-- copydesk-enable {code} -->")),
                    ],
                };
            }
            if block.span.start < line_start {
                let previous = text[..line_start - 1].trim_end_matches('\r');
                let content = previous.trim_end_matches([' ', '\t']);
                // Before a trailing backslash too: it is a hard line break.
                let end = content.strip_suffix('\\').unwrap_or(content).len();
                return Fix {
                    title,
                    edits: vec![insert(end, format!(" {comment}"))],
                };
            }
        }
    }
    let newline = if line.ends_with('\r') { "\r\n" } else { "\n" };
    let lead_len = line.len() - line.trim_start_matches([' ', '\t', '>']).len();
    let lead = &line[..lead_len];
    let prefix = match language {
        Language::PlainText => lead.to_string(),
        Language::Markdown => {
            // Keep blockquote markers; indent into a list item's content, but
            // never four spaces or more, which would make an indented code block.
            let quote_len = lead
                .rfind('>')
                .map_or(0, |i| i + 1 + usize::from(lead[i + 1..].starts_with(' ')));
            let column = match block {
                Some(b) if b.kind == BlockKind::ListItem && b.span.start >= line_start => {
                    b.span.start - line_start
                }
                _ => lead_len,
            };
            format!(
                "{}{}",
                &lead[..quote_len],
                " ".repeat(column.saturating_sub(quote_len).min(3))
            )
        }
    };
    Fix {
        title,
        edits: vec![insert(line_start, format!("{prefix}{comment}{newline}"))],
    }
}

pub mod checked;
#[cfg(test)]
mod tests;
