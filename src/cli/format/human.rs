//! Human output, in the style of rustc and ruff: the finding, where it is, the
//! source line wrapped to the terminal, and markers under the flagged words
//! that line up under CJK and emoji (display width, not characters).
//!
//! A line is wrapped once per file however many findings it has, and only
//! the rows near a finding are printed when the line is very long, so the
//! output stays linear in the input.

use std::collections::HashMap;
use std::fmt::Write as _;

use anstyle::{AnsiColor, Style as Paint};
use unicode_width::UnicodeWidthChar;

use super::{place, FileView};
use crate::checks::{Finding, Severity};
use crate::cli::positions::floor_boundary;

/// A line of at most this many rows is printed whole.
const WHOLE_ROWS: usize = 12;
/// Rows printed before and after the flagged rows of a longer line.
const CONTEXT_ROWS: usize = 2;
/// Lines of a finding that spans several: the first few and the last.
const HEAD_LINES: usize = 4;
const TAIL_LINES: usize = 2;
/// Display width of a tab.
const TAB: usize = 4;

/// How human output looks.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub colour: bool,
    /// Columns available for a whole output line.
    pub width: usize,
}

impl Style {
    fn paint(&self, paint: Paint, text: &str) -> String {
        if self.colour {
            format!("{}{text}{}", paint.render(), paint.render_reset())
        } else {
            text.to_string()
        }
    }
}

pub fn severity_paint(severity: Severity) -> Paint {
    let colour = match severity {
        Severity::Error => AnsiColor::Red,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Information => AnsiColor::Cyan,
        Severity::Hint => AnsiColor::Green,
    };
    Paint::new().fg_color(Some(colour.into())).bold()
}

fn gutter_paint() -> Paint {
    Paint::new()
        .fg_color(Some(AnsiColor::BrightBlue.into()))
        .bold()
}

/// The rows each line of a file wraps into, made once per line.
#[derive(Default)]
pub struct Wraps {
    rows: HashMap<(usize, usize), Vec<usize>>,
}

impl Wraps {
    /// The byte offsets where the rows of `line` start, for `width` columns.
    fn rows(&mut self, view: &FileView, line: usize, width: usize) -> &[usize] {
        self.rows.entry((line, width)).or_insert_with(|| {
            let range = view.lines.range(view.text, line);
            wrap(view.text, range.start, range.end, width)
        })
    }
}

/// What a character looks like in a terminal, and how wide it is.
fn cell(c: char) -> (Option<char>, usize) {
    match c {
        '\t' => (None, TAB),
        c if c.is_control() => (Some('\u{FFFD}'), 1),
        c => (Some(c), c.width().unwrap_or(0)),
    }
}

fn display_width(text: &str) -> usize {
    text.chars().map(|c| cell(c).1).sum()
}

/// Row starts for `text[start..end]` wrapped to `width` columns: at the last
/// space that fits, or mid-word when a word is wider than the row.
fn wrap(text: &str, start: usize, end: usize, width: usize) -> Vec<usize> {
    let mut rows = vec![start];
    let mut row_width = 0;
    // The start of the word after the last space in this row, and the
    // row's width up to there.
    let mut after_space: Option<(usize, usize)> = None;
    for (i, c) in text[start..end].char_indices() {
        let at = start + i;
        let w = cell(c).1;
        if row_width + w > width && at > *rows.last().unwrap_or(&start) {
            if c == ' ' {
                // The space ends this row; the next row starts after it.
                row_width += w;
                after_space = Some((at + 1, row_width));
                continue;
            }
            match after_space.filter(|&(s, _)| s > *rows.last().unwrap_or(&start)) {
                Some((word, width_before)) => {
                    rows.push(word);
                    row_width -= width_before;
                }
                None => {
                    rows.push(at);
                    row_width = 0;
                }
            }
            after_space = None;
        }
        row_width += w;
        if c == ' ' {
            after_space = Some((at + 1, row_width));
        }
    }
    // A trailing row start at the very end holds nothing.
    if rows.len() > 1 && rows.last() == Some(&end) {
        rows.pop();
    }
    rows
}

/// Renders a row of text as the terminal shows it.
fn show(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match cell(c) {
            (Some(shown), _) => out.push(shown),
            (None, w) => out.extend(std::iter::repeat_n(' ', w)),
        }
    }
    out.trim_end().to_string()
}

pub fn render(view: &FileView, wraps: &mut Wraps, style: &Style, f: &Finding) -> String {
    let start = view.positions.of(f.span.start);
    let first_line = view.lines.line_of(f.span.start);
    let last_line = if f.span.end > f.span.start {
        view.lines.line_of(f.span.end - 1)
    } else {
        first_line
    };
    let gutter = (last_line + 1).to_string().len();
    let paint = severity_paint(f.severity);
    let blue = gutter_paint();
    let bar = style.paint(blue, "|");
    let pad = " ".repeat(gutter);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}{} {}",
        style.paint(paint, &format!("{}[{}]", f.severity.name(), f.code)),
        style.paint(Paint::new().bold(), ":"),
        style.paint(Paint::new().bold(), &f.message),
    );
    let _ = writeln!(
        out,
        "{pad}{} {}:{}:{}",
        style.paint(blue, "-->"),
        view.path,
        start.line,
        start.column
    );
    let _ = writeln!(out, "{pad} {bar}");
    // Room for text after "NN | ".
    let width = style.width.saturating_sub(gutter + 3).max(20);
    let lines: Vec<Option<usize>> = if last_line - first_line < HEAD_LINES + TAIL_LINES {
        (first_line..=last_line).map(Some).collect()
    } else {
        (first_line..first_line + HEAD_LINES)
            .map(Some)
            .chain([None])
            .chain((last_line + 1 - TAIL_LINES..=last_line).map(Some))
            .collect()
    };
    for line in lines {
        let Some(line) = line else {
            let _ = writeln!(out, "{}", style.paint(blue, "..."));
            continue;
        };
        let range = view.lines.range(view.text, line);
        let rows = wraps.rows(view, line, width);
        let row_end = |r: usize| rows.get(r + 1).copied().unwrap_or(range.end);
        // The rows the span touches on this line, found by bisection.
        let row_of = |offset: usize| rows.partition_point(|&s| s <= offset).max(1) - 1;
        let lo = f.span.start.clamp(range.start, range.end);
        let hi = f.span.end.clamp(range.start, range.end);
        let first = row_of(lo);
        let last = if hi > lo { row_of(hi - 1) } else { first };
        let flagged = first..=last;
        let (from, to) = if rows.len() <= WHOLE_ROWS {
            (0, rows.len() - 1)
        } else {
            (
                first.saturating_sub(CONTEXT_ROWS),
                (last + CONTEXT_ROWS).min(rows.len() - 1),
            )
        };
        if from > 0 {
            let _ = writeln!(out, "{}", style.paint(blue, "..."));
        }
        for (r, &rs) in rows.iter().enumerate().take(to + 1).skip(from) {
            let re = row_end(r);
            let number = if r == from {
                style.paint(blue, &format!("{:>gutter$}", line + 1))
            } else {
                pad.clone()
            };
            let row = show(&view.text[rs..re]);
            if row.is_empty() {
                let _ = writeln!(out, "{number} {bar}");
            } else {
                let _ = writeln!(out, "{number} {bar} {row}");
            }
            if flagged.contains(&r) {
                // Clamped to the row and to characters, whatever span a rule gave.
                let marked_from = floor_boundary(view.text, f.span.start.clamp(rs, re));
                let marked_to = floor_boundary(view.text, f.span.end.clamp(marked_from, re));
                let before = display_width(&view.text[rs..marked_from]);
                let marked = display_width(&view.text[marked_from..marked_to]).max(1);
                let _ = writeln!(
                    out,
                    "{pad} {bar} {}{}",
                    " ".repeat(before),
                    style.paint(paint, &"^".repeat(marked))
                );
            }
        }
        if to + 1 < rows.len() {
            let _ = writeln!(out, "{}", style.paint(blue, "..."));
        }
    }
    let equals = style.paint(blue, "=");
    for related in &f.related {
        let at = place(view, &related.location);
        let _ = writeln!(
            out,
            "{pad} {equals} {}: {} ({}:{}:{})",
            style.paint(Paint::new().bold(), "note"),
            related.message,
            at.path,
            at.line,
            at.column
        );
    }
    for fix in &f.fixes {
        let _ = writeln!(
            out,
            "{pad} {equals} {}: {}",
            style.paint(Paint::new().bold(), "help"),
            fix.title
        );
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_of(text: &str, width: usize) -> Vec<&str> {
        let starts = wrap(text, 0, text.len(), width);
        starts
            .iter()
            .enumerate()
            .map(|(i, &s)| &text[s..starts.get(i + 1).copied().unwrap_or(text.len())])
            .collect()
    }

    #[test]
    fn lines_wrap_at_spaces_and_split_only_words_wider_than_a_row() {
        assert_eq!(
            rows_of("The port opened in May.", 10),
            vec!["The port ", "opened in ", "May."]
        );
        assert_eq!(
            rows_of("abcdefghij klm", 4),
            vec!["abcd", "efgh", "ij ", "klm"]
        );
        assert_eq!(rows_of("short", 10), vec!["short"]);
        assert_eq!(rows_of("", 10), vec![""]);
    }

    #[test]
    fn any_span_renders_without_a_panic() {
        let text = "Kritik 😀 sagt\nzwei";
        let style = Style {
            colour: false,
            width: 40,
        };
        for (start, end) in [(8, 9), (9, 7), (3, 400), (0, 0), (18, 18)] {
            let f = Finding {
                code: "vague-attribution",
                severity: Severity::Warning,
                span: crate::span::Span::new(start, end),
                message: "m".into(),
                related: Vec::new(),
                fixes: Vec::new(),
            };
            let view = FileView::new("a.md", text, std::slice::from_ref(&f));
            let out = render(&view, &mut Wraps::default(), &style, &f);
            assert!(out.contains("--> a.md:"), "{out}");
        }
    }

    #[test]
    fn wide_characters_count_two_columns() {
        assert_eq!(display_width("記者😀a\t"), 2 + 2 + 2 + 1 + TAB);
        assert_eq!(rows_of("記者は言った", 4), vec!["記者", "は言", "った"]);
    }
}
