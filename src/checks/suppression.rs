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
use crate::hashing::{FastMap, FastSet};
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
    let hidden = suppressed(findings, &directives, text);
    let mut flags = hidden.into_iter();
    findings.retain(|_| !flags.next().unwrap_or(false));
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

/// The codes a set of directives names: every code, or some.
#[derive(Debug, Default)]
struct Codes<'t> {
    all: bool,
    some: FastSet<&'t str>,
}

impl<'t> Codes<'t> {
    fn add(&mut self, directive: &Directive<'t>) {
        self.all |= directive.codes.is_empty();
        self.some.extend(directive.codes.iter().map(|&(c, _)| c));
    }

    fn has(&self, code: &str) -> bool {
        self.all || self.some.contains(code)
    }
}

/// For each finding, whether the directives hide it. One sweep through the
/// findings and the directives in document order, so the cost grows with
/// their sum, not their product.
fn suppressed(findings: &[Finding], directives: &[Directive<'_>], text: &str) -> Vec<bool> {
    let mut whole_file = Codes::default();
    // The lines `disable-next-line` comments apply to, in order, each with
    // the codes its comments name (stacked comments share a line).
    let mut lines: Vec<(Span, Codes)> = Vec::new();
    let mut next_lines = NextLines::new(text);
    for d in directives {
        crate::work::step();
        match d.kind {
            Kind::File => whole_file.add(d),
            Kind::NextLine => {
                let Some(line) = next_lines.after(d.span.end) else {
                    continue;
                };
                // Stacked comments share a line, and come one after another.
                match lines.last_mut().filter(|(l, _)| *l == line) {
                    Some((_, codes)) => codes.add(d),
                    None => {
                        let mut codes = Codes::default();
                        codes.add(d);
                        lines.push((line, codes));
                    }
                }
            }
            Kind::Disable | Kind::Enable => {}
        }
    }
    debug_assert!(lines.windows(2).all(|w| w[0].0.end <= w[1].0.start));
    // Regions: the latest `disable` or `enable` before a finding that names
    // its code decides. Each is kept by its place in the directive list, for
    // every code and per code.
    let mut regions = directives
        .iter()
        .enumerate()
        .filter(|(_, d)| matches!(d.kind, Kind::Disable | Kind::Enable))
        .peekable();
    let mut every_code: Option<(usize, bool)> = None;
    let mut per_code: FastMap<&str, (usize, bool)> = FastMap::default();
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| findings[i].span.start);
    let mut hidden = vec![false; findings.len()];
    for i in order {
        crate::work::step();
        let finding = &findings[i];
        let at = finding.span.start;
        while let Some((seq, d)) = regions.next_if(|(_, d)| d.span.end <= at) {
            let state = (seq, d.kind == Kind::Disable);
            if d.codes.is_empty() {
                every_code = Some(state);
            } else {
                for &(code, _) in &d.codes {
                    per_code.insert(code, state);
                }
            }
        }
        let region = every_code
            .into_iter()
            .chain(per_code.get(finding.code).copied())
            .max_by_key(|&(seq, _)| seq)
            .is_some_and(|(_, disabled)| disabled);
        let l = lines.partition_point(|(line, _)| line.end <= at);
        let next_line = lines
            .get(l)
            .is_some_and(|(line, codes)| line.contains(at) && codes.has(finding.code));
        hidden[i] = whole_file.has(finding.code) || region || next_line;
    }
    hidden
}

/// The line a `disable-next-line` comment ending at `end` applies to: the next
/// line with text, skipping blank lines and lines that hold only comments (so
/// several comments can stack). The span includes the line break.
///
/// Comments come in order, and the answer for a later comment is found no
/// earlier than the one before, so each walk starts where the last one
/// stopped: the whole text is walked about once, however many comments stack.
struct NextLines<'t> {
    text: &'t str,
    /// The last line break found, and where the search for it began.
    newline: Option<(usize, usize)>,
    /// The last answer, and the line start its walk began at.
    line: Option<(usize, Option<Span>)>,
}

impl<'t> NextLines<'t> {
    fn new(text: &'t str) -> NextLines<'t> {
        NextLines {
            text,
            newline: None,
            line: None,
        }
    }

    fn after(&mut self, end: usize) -> Option<Span> {
        let text = self.text;
        let newline = match self.newline {
            Some((from, at)) if from <= end && end <= at => at,
            _ => {
                let rest = text.get(end..)?;
                let at = rest.find('\n');
                crate::work::steps(at.unwrap_or(rest.len()));
                end + at?
            }
        };
        self.newline = Some((end, newline));
        let start = newline + 1;
        if let Some((from, found)) = self.line {
            let reach = found.map_or(text.len(), |l| l.start);
            if from <= start && start <= reach {
                return found;
            }
        }
        let found = first_text_line(text, start);
        self.line = Some((start, found));
        found
    }
}

/// The first line from `start` on (a line start) with text that is not only
/// a comment.
fn first_text_line(text: &str, mut start: usize) -> Option<Span> {
    while start < text.len() {
        let line_end = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
        crate::work::steps(line_end - start);
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
