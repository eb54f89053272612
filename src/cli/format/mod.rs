//! Output formats of `copydesk check`: each renders one finding of one file
//! as an item of its stream, and frames the stream (`[` … `]` for JSON).
//!
//! Items are rendered on the worker threads, next to the text they quote;
//! the main thread only writes them out in order. `docs/output.md` documents
//! the machine-readable formats.

mod github;
pub mod human;
pub mod json;
mod sarif;

use std::path::Path;

use clap::ValueEnum;

use super::positions::{LineStarts, Positions};
use crate::checks::{Finding, RelatedLocation};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style blocks with the source line and markers (the default)
    Human,
    /// one JSON array of findings, `[]` when clean
    Json,
    /// one JSON object per line, nothing when clean
    Jsonl,
    /// SARIF 2.1.0, for code-scanning dashboards
    Sarif,
    /// GitHub Actions workflow annotations
    Github,
}

/// One file's text with the positions its findings need.
pub struct FileView<'a> {
    /// The path as shown: as given on the command line or found under a folder.
    pub path: &'a str,
    pub text: &'a str,
    pub positions: Positions,
    pub lines: LineStarts,
}

impl<'a> FileView<'a> {
    /// Resolves every offset the findings' output needs in one pass.
    pub fn new(path: &'a str, text: &'a str, findings: &[Finding]) -> FileView<'a> {
        let offsets = findings.iter().flat_map(|f| {
            let related = f.related.iter().filter_map(|r| match r.location {
                RelatedLocation::Here(span) => Some(span.start),
                RelatedLocation::File { .. } => None,
            });
            let edits = f
                .fixes
                .iter()
                .flat_map(|fix| fix.edits.iter().flat_map(|e| [e.span.start, e.span.end]));
            [f.span.start, f.span.end]
                .into_iter()
                .chain(related)
                .chain(edits)
        });
        FileView {
            path,
            text,
            positions: Positions::new(text, offsets),
            lines: LineStarts::new(text),
        }
    }
}

/// A related location as a path, a 1-based line and a 1-based column.
pub struct Place {
    pub path: String,
    pub line: usize,
    pub column: usize,
}

/// Where a finding's related information points.
pub fn place(view: &FileView, location: &RelatedLocation) -> Place {
    match location {
        RelatedLocation::Here(span) => {
            let p = view.positions.of(span.start);
            Place {
                path: view.path.to_string(),
                line: p.line,
                column: p.column,
            }
        }
        RelatedLocation::File { path, line } => Place {
            path: shown(path),
            line: *line as usize + 1,
            column: 1,
        },
    }
}

/// A path as shown to the user: relative to the working folder when inside it.
pub fn shown(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// What one format writes around its items.
pub struct Frame {
    pub open: String,
    pub separator: &'static str,
    pub close: String,
}

impl Format {
    /// How items of this format are framed. `rules_of_run` gives SARIF its
    /// list of rules.
    pub fn frame(self) -> Frame {
        match self {
            Format::Json => Frame {
                open: "[".into(),
                separator: ",",
                close: "]\n".into(),
            },
            Format::Sarif => {
                let (open, close) = sarif::frame();
                Frame {
                    open,
                    separator: ",",
                    close,
                }
            }
            Format::Human | Format::Jsonl | Format::Github => Frame {
                open: String::new(),
                separator: "",
                close: String::new(),
            },
        }
    }

    /// One finding as an item of this format.
    pub fn item(
        self,
        view: &FileView,
        wraps: &mut human::Wraps,
        style: &human::Style,
        finding: &Finding,
    ) -> String {
        match self {
            Format::Human => human::render(view, wraps, style, finding),
            Format::Json => format!("\n{}", json::finding_text(view, finding)),
            Format::Jsonl => format!("{}\n", json::finding_text(view, finding)),
            Format::Sarif => sarif::result(view, finding).to_string(),
            Format::Github => github::annotation(view, finding),
        }
    }
}
