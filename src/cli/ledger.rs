//! `copydesk ledger`: the sources of each file and of all of them — named
//! people and organisations, anonymous and vague sources, and the claims and
//! quotations with none. The counting is `crate::sources`; this prints it.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use clap::Args;
use serde_json::{json, Value};

use super::config::{gather, Selection, Work};
use super::inputs::{self, Inputs, Source};
use super::output::{Problems, Stdout};
use super::{parallel, ListFormat, EXIT_ERROR};
use crate::analysis::{self, Analysis};
use crate::config::Settings;
use crate::sources::{self, Attribution, Sources, Speaker};
use crate::span::Span;

#[derive(Args, Debug)]
pub struct LedgerArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
}

pub fn run(args: &LedgerArgs) -> u8 {
    let mut problems = Problems::default();
    let Some(Work { files: work, stdin }) =
        gather(&args.inputs, &Selection::default(), &mut problems)
    else {
        return EXIT_ERROR;
    };
    let mut articles = Vec::with_capacity(work.len());
    parallel::for_each_ordered(
        work,
        |(source, settings)| tally(&source, settings.as_deref(), stdin.as_deref()),
        |result| {
            match result {
                Some(Ok(article)) => articles.push(article),
                Some(Err(message)) => problems.error(message),
                None => {}
            }
            true
        },
    );
    let overall = Article::overall(&articles);
    let rendered = match args.format {
        ListFormat::Human => human(&articles, &overall),
        ListFormat::Json => {
            json!({
                "articles": articles.iter().map(Article::json).collect::<Vec<_>>(),
                "overall": overall.json(),
            })
            .to_string()
                + "\n"
        }
    };
    let mut out = Stdout::new();
    out.write(&rendered);
    out.flush();
    if out.closed || problems.errors > 0 {
        EXIT_ERROR
    } else {
        0
    }
}

/// One file's sources; `None` when its config was broken (reported already).
fn tally(
    source: &Source,
    settings: Option<&Settings>,
    stdin: Option<&str>,
) -> Option<Result<Article, String>> {
    let settings = settings?;
    if source.stdin && stdin.is_none() {
        return None;
    }
    let text = match inputs::read(source, stdin) {
        Ok(text) => text,
        Err(message) => return Some(Err(format!("{}: {message}", source.shown))),
    };
    let language = source.language();
    Some(
        std::panic::catch_unwind(|| analysis::analyze(&text, language, settings))
            .map(|analysis| Article::of(Path::new(&source.shown), &text, &analysis))
            .map_err(|payload| {
                format!(
                    "{}: analysis failed: {}",
                    source.shown,
                    crate::checks::panic_message(payload.as_ref())
                )
            }),
    )
}

/// Who said what in one text: one object per attributed statement, in
/// document order. Offsets are given in bytes and in characters (Unicode
/// scalar values, as Python's `str` counts them); line and column are 1-based.
pub fn statements_json(text: &str, analysis: &Analysis) -> Vec<Value> {
    let sources = sources::of(analysis);
    let spans: Vec<Span> = sources
        .attributions
        .iter()
        .map(|a| {
            let whole = a.cue.join(a.content);
            match a.speaker {
                Speaker::Anonymous(s) => whole.join(s),
                Speaker::Named(_) => whole,
            }
        })
        .collect();
    let places = Places::new(text, spans.iter().flat_map(|s| [s.start, s.end]));
    sources
        .attributions
        .iter()
        .zip(spans)
        .map(|(a, span)| {
            let start = places.at(span.start);
            json!({
                "speaker": speaker(text, analysis, &sources, a),
                "kind": Sources::speaker_kind(&analysis.actors, a.speaker),
                "named": matches!(a.speaker, Speaker::Named(_)),
                "cue": a.cue.of(text),
                "content": a.content.of(text),
                "quote": a.quote,
                "line": start.line,
                "column": start.column,
                "start_byte": span.start,
                "end_byte": span.end,
                "start": start.char_offset,
                "end": places.at(span.end).char_offset,
            })
        })
        .collect()
}

/// Line, column and character offset of byte offsets, found in one pass.
struct Places {
    found: Vec<(usize, Place)>,
}

#[derive(Clone, Copy, Default)]
struct Place {
    line: usize,
    column: usize,
    char_offset: usize,
}

impl Places {
    fn new(text: &str, offsets: impl Iterator<Item = usize>) -> Places {
        let mut wanted: Vec<usize> = offsets.collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut found = Vec::with_capacity(wanted.len());
        let mut place = Place {
            line: 1,
            column: 1,
            char_offset: 0,
        };
        let mut next = wanted.iter().peekable();
        for (i, c) in text.char_indices().chain([(text.len(), '\0')]) {
            while next.peek().is_some_and(|&&w| w <= i) {
                found.push((*next.next().unwrap_or(&i), place));
            }
            if next.peek().is_none() {
                break;
            }
            place.char_offset += 1;
            if c == '\n' {
                place.line += 1;
                place.column = 1;
            } else {
                place.column += 1;
            }
        }
        Places { found }
    }

    fn at(&self, offset: usize) -> Place {
        let i = self.found.partition_point(|(o, _)| *o < offset);
        self.found.get(i).map_or_else(Place::default, |(_, p)| *p)
    }
}

/// One row of the ledger: a source and how often it is cited.
#[derive(Clone, Debug)]
struct Row {
    source: String,
    /// "person", "organisation", "government", "anonymous" or "vague".
    kind: &'static str,
    statements: usize,
    /// Of which direct quotations.
    quotes: usize,
    /// How many articles cite it (1 in an article's own ledger).
    articles: usize,
}

impl Row {
    fn named(&self) -> bool {
        !matches!(self.kind, "anonymous" | "vague")
    }
}

/// The ledger of one article, or of all of them.
#[derive(Debug)]
struct Article {
    path: Option<String>,
    rows: Vec<Row>,
    unsourced_claims: usize,
    orphan_quotes: usize,
    /// How many articles it sums (1 for an article).
    articles: usize,
}

impl Article {
    fn of(path: &Path, text: &str, analysis: &Analysis) -> Article {
        let sources = sources::of(analysis);
        let mut rows: Vec<Row> = Vec::new();
        let mut add = |source: String, kind: &'static str, quote: bool| {
            let key = source.to_lowercase();
            match rows
                .iter_mut()
                .find(|r| r.kind == kind && r.source.to_lowercase() == key)
            {
                Some(row) => {
                    row.statements += 1;
                    row.quotes += usize::from(quote);
                }
                None => rows.push(Row {
                    source,
                    kind,
                    statements: 1,
                    quotes: usize::from(quote),
                    articles: 1,
                }),
            }
        };
        for a in &sources.attributions {
            add(
                speaker(text, analysis, &sources, a),
                Sources::speaker_kind(&analysis.actors, a.speaker),
                a.quote,
            );
        }
        for span in &sources.vague {
            add(span.of(text).to_string(), "vague", false);
        }
        Article {
            path: Some(path.display().to_string()),
            rows: ordered(rows),
            unsourced_claims: sources.unsourced_claims,
            orphan_quotes: sources.orphan_quotes,
            articles: 1,
        }
    }

    /// All articles summed: a source is one row wherever it is cited
    /// (names and descriptions compared without regard to case).
    fn overall(articles: &[Article]) -> Article {
        let mut rows: Vec<Row> = Vec::new();
        let mut index: HashMap<(&'static str, String), usize> = HashMap::new();
        for row in articles.iter().flat_map(|a| &a.rows) {
            let key = (row.kind, row.source.to_lowercase());
            match index.get(&key) {
                Some(&i) => {
                    rows[i].statements += row.statements;
                    rows[i].quotes += row.quotes;
                    rows[i].articles += 1;
                }
                None => {
                    index.insert(key, rows.len());
                    rows.push(row.clone());
                }
            }
        }
        Article {
            path: None,
            rows: ordered(rows),
            unsourced_claims: articles.iter().map(|a| a.unsourced_claims).sum(),
            orphan_quotes: articles.iter().map(|a| a.orphan_quotes).sum(),
            articles: articles.len(),
        }
    }

    fn count(&self, kinds: &[&str]) -> (usize, usize) {
        let rows = self.rows.iter().filter(|r| kinds.contains(&r.kind));
        rows.fold((0, 0), |(n, s), r| (n + 1, s + r.statements))
    }

    fn json(&self) -> Value {
        let (people, by_people) = self.count(&["person"]);
        let (organisations, by_organisations) = self.count(&["organisation", "government"]);
        let (_, anonymous) = self.count(&["anonymous"]);
        let (_, vague) = self.count(&["vague"]);
        let mut out = json!({
            "sources": self.rows.iter().map(|r| {
                let mut row = json!({
                    "source": r.source,
                    "kind": r.kind,
                    "named": r.named(),
                    "statements": r.statements,
                    "quotes": r.quotes,
                });
                if self.path.is_none() {
                    row["articles"] = json!(r.articles);
                }
                row
            }).collect::<Vec<_>>(),
            "people": people,
            "organisations": organisations,
            "named_statements": by_people + by_organisations,
            "anonymous_statements": anonymous,
            "vague": vague,
            "unsourced_claims": self.unsourced_claims,
            "orphan_quotes": self.orphan_quotes,
        });
        match &self.path {
            Some(path) => out["path"] = json!(path),
            None => out["articles"] = json!(self.articles),
        }
        out
    }

    fn human(&self, out: &mut String) {
        match &self.path {
            Some(path) => {
                let _ = writeln!(out, "{path}");
            }
            None => {
                let files = if self.articles == 1 { "file" } else { "files" };
                let _ = writeln!(out, "All {} {files}", self.articles);
            }
        }
        if self.rows.is_empty() {
            out.push_str("  no attributed statements\n");
        } else {
            let width = self
                .rows
                .iter()
                .map(|r| r.source.chars().count())
                .max()
                .unwrap_or(0)
                .clamp(6, 48);
            let _ = writeln!(out, "  {:<width$}  {:<12}  cited  quoted", "source", "kind");
            for r in &self.rows {
                let shown = shorten(&r.source, width);
                let _ = write!(
                    out,
                    "  {shown:<width$}  {:<12}  {:>5}  {:>6}",
                    r.kind, r.statements, r.quotes
                );
                if self.path.is_none() && self.articles > 1 {
                    let _ = write!(out, "  in {} of {}", r.articles, self.articles);
                }
                out.push('\n');
            }
        }
        let (people, _) = self.count(&["person"]);
        let (organisations, _) = self.count(&["organisation", "government"]);
        let (_, anonymous) = self.count(&["anonymous"]);
        let (_, vague) = self.count(&["vague"]);
        let _ = writeln!(
            out,
            "  named: {people} {}, {organisations} {}; anonymous: {anonymous}; vague: {vague}; \
             claims with no source: {}; quotations with no speaker: {}",
            plural(people, "person", "people"),
            plural(organisations, "organisation", "organisations"),
            self.unsourced_claims,
            self.orphan_quotes,
        );
    }
}

fn speaker(text: &str, analysis: &Analysis, sources: &Sources, a: &Attribution) -> String {
    let name = sources.speaker_name(text, &analysis.actors, a.speaker);
    match a.speaker {
        // A description as written, on one line.
        Speaker::Anonymous(_) => name.split_whitespace().collect::<Vec<_>>().join(" "),
        Speaker::Named(_) => name.to_string(),
    }
}

/// Named sources first, then anonymous, then vague; most cited first.
fn ordered(mut rows: Vec<Row>) -> Vec<Row> {
    let rank = |r: &Row| match r.kind {
        "anonymous" => 1,
        "vague" => 2,
        _ => 0,
    };
    rows.sort_by(|a, b| {
        rank(a)
            .cmp(&rank(b))
            .then(b.statements.cmp(&a.statements))
            .then_with(|| a.source.cmp(&b.source))
    });
    rows
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// A name cut to `width` characters, with an ellipsis.
fn shorten(name: &str, width: usize) -> String {
    if name.chars().count() <= width {
        name.to_string()
    } else {
        let mut cut: String = name.chars().take(width - 1).collect();
        cut.push('…');
        cut
    }
}

fn human(articles: &[Article], overall: &Article) -> String {
    let mut out = String::new();
    for (i, article) in articles.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        article.human(&mut out);
    }
    // One file's ledger is the whole ledger.
    if articles.len() != 1 {
        if !articles.is_empty() {
            out.push('\n');
        }
        overall.human(&mut out);
    }
    out
}
