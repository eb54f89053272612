//! Every stage is linear: each stage of the analysis on generated articles of
//! 10,000, 100,000 and 1,000,000 words, in CPU time, with the throughput in
//! words, so criterion reports the cost per word at each size (`benches/per_word.py`
//! prints them side by side). Each stage runs on fresh memos: nothing is
//! reused from an earlier run.
//!
//! Then the cost of each rule, one group per rule family, at 100,000 words;
//! the attribution family after a one-character edit, with its memo;
//! and the name tagger alone: tagging every sentence of a 10,000-word
//! article, and reading its weights (`data/names.model`) at start-up.
//!
//! ```sh
//! cargo bench --bench stages
//! python3 benches/per_word.py
//! ```

#[path = "support/cpu_time.rs"]
mod cpu_time;
#[path = "support/article.rs"]
mod support;

use std::hint::black_box;
use std::time::Duration;

use copydesk::actors::lexicon::{AddedTitles, LEXICON};
use copydesk::actors::{statements, tagger, Actors};
use copydesk::analysis::Analyzer;
use copydesk::checks::attribution::{OrphanQuote, UnattributedClaim, VagueAttribution};
use copydesk::checks::references::{
    CourtesyTitle, LateIntroduction, NameVariant, RepeatedTitle, TitleCaseRule, TitleMismatch,
};
use copydesk::checks::{suppression, Context, Finding, Memo, Rule};
use copydesk::config::Settings;
use copydesk::document::Language;
use copydesk::prose::{self, BlockKind, BlockMemo, Prose};
use cpu_time::CpuTime;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

const ATTRIBUTION: [(&str, &dyn Rule); 3] = [
    ("unattributed-claim", &UnattributedClaim),
    ("vague-attribution", &VagueAttribution),
    ("orphan-quote", &OrphanQuote),
];

const REFERENCES: [(&str, &dyn Rule); 6] = [
    ("title-mismatch", &TitleMismatch),
    ("title-case", &TitleCaseRule),
    ("repeated-title", &RepeatedTitle),
    ("late-introduction", &LateIntroduction),
    ("name-variant", &NameVariant),
    ("courtesy-title", &CourtesyTitle),
];

/// An article with its prose and actor model made once, for the stages after them.
struct Parsed {
    words: usize,
    text: String,
    prose: Prose,
    actors: Actors,
}

fn parsed(words: usize) -> Parsed {
    let text = with_comments(&support::article(words));
    let prose = prose::parse(&text, Language::Markdown, &mut Default::default());
    let actors = copydesk::actors::recognise(&prose, &Settings::default(), &mut Default::default());
    Parsed {
        words,
        text,
        prose,
        actors,
    }
}

/// The article with a suppression comment before every tenth paragraph, so
/// the suppression stage has work to do.
fn with_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, paragraph) in text.split_inclusive("\n\n").enumerate() {
        if i % 10 == 5 {
            out.push_str("<!-- copydesk-disable-next-line vague-attribution -- checked -->\n");
        }
        out.push_str(paragraph);
    }
    out
}

/// Rules on a fresh context (the rules of a family share one scan per
/// analysis, so each run makes it again).
fn check(article: &Parsed, settings: &Settings, rules: &[&dyn Rule]) -> Vec<Finding> {
    let ctx = Context::new(&article.text, &article.prose, &article.actors, settings);
    let mut out = Vec::new();
    for rule in rules {
        rule.check(&ctx, &mut out);
    }
    out
}

fn stages(c: &mut Criterion<CpuTime>) {
    let settings = Settings::default();
    let articles: Vec<Parsed> = SIZES.iter().map(|&w| parsed(w)).collect();
    let attribution: Vec<&dyn Rule> = ATTRIBUTION.iter().map(|(_, r)| *r).collect();
    let references: Vec<&dyn Rule> = REFERENCES.iter().map(|(_, r)| *r).collect();
    let mut group = c.benchmark_group("stages");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));
    for a in &articles {
        group.throughput(Throughput::Elements(a.words as u64));
        let id = |stage: &str| BenchmarkId::new(stage, a.words);
        group.bench_function(id("prose"), |b| {
            b.iter_with_large_drop(|| {
                prose::parse(
                    black_box(&a.text),
                    Language::Markdown,
                    &mut Default::default(),
                )
            })
        });
        group.bench_function(id("actors"), |b| {
            b.iter_with_large_drop(|| {
                copydesk::actors::recognise(&a.prose, &settings, &mut Default::default())
            })
        });
        let scan = LEXICON.scan(&a.prose, &AddedTitles::default(), &mut BlockMemo::default());
        group.bench_function(id("statements"), |b| {
            b.iter_with_large_drop(|| {
                statements::find(&a.prose, &scan, &a.actors.actors, &a.actors.mentions)
            })
        });
        group.bench_function(id("rules-attribution"), |b| {
            b.iter_with_large_drop(|| check(a, &settings, &attribution))
        });
        group.bench_function(id("rules-references"), |b| {
            b.iter_with_large_drop(|| check(a, &settings, &references))
        });
        let mut all = check(a, &settings, &attribution);
        all.extend(check(a, &settings, &references));
        all.sort_by_key(|f| (f.span.start, f.span.end));
        group.bench_function(id("suppression"), |b| {
            b.iter_batched(
                || all.clone(),
                |mut findings| {
                    suppression::apply(&a.text, &a.prose, &settings, &mut findings);
                    findings
                },
                criterion::BatchSize::LargeInput,
            )
        });
        group.bench_function(id("analysis"), |b| {
            b.iter_with_large_drop(|| {
                let mut analyzer = Analyzer::default();
                let analysis = analyzer.analyze(&a.text, Language::Markdown, &settings);
                (analyzer, analysis)
            })
        });
    }
    group.finish();
}

/// The cost of each rule of a family, alone on a fresh context, at 100,000 words.
fn rules(c: &mut Criterion<CpuTime>) {
    let settings = Settings::default();
    let article = parsed(100_000);
    for (family, rules) in [
        ("rules/attribution", &ATTRIBUTION[..]),
        ("rules/references", &REFERENCES[..]),
    ] {
        let mut group = c.benchmark_group(family);
        group.sample_size(20);
        group.throughput(Throughput::Elements(article.words as u64));
        for (code, rule) in rules {
            group.bench_function(BenchmarkId::new(*code, article.words), |b| {
                b.iter_with_large_drop(|| check(&article, &settings, &[*rule]))
            });
        }
        group.finish();
    }
}

/// The attribution family on a document one character longer than the
/// last one it read, with the memo the analyzer keeps: what a keystroke
/// costs it. Each run types into, or takes back from, the middle paragraph.
fn attribution_edited(c: &mut Criterion<CpuTime>) {
    let settings = Settings::default();
    let mut group = c.benchmark_group("rules/attribution-edited");
    group.sample_size(20);
    for words in [10_000, 100_000] {
        let before = parsed(words);
        let middle = before.text.len() / 2;
        let at = middle + before.text[middle..].find("Tuesday").unwrap_or(0);
        let text = format!("{}x{}", &before.text[..at], &before.text[at..]);
        let prose = prose::parse(&text, Language::Markdown, &mut Default::default());
        let actors = copydesk::actors::recognise(&prose, &settings, &mut Default::default());
        let after = Parsed {
            words,
            text,
            prose,
            actors,
        };
        let memo = Memo::default();
        let rules: Vec<&dyn Rule> = ATTRIBUTION.iter().map(|(_, rule)| *rule).collect();
        let mut versions = [&before, &after].into_iter().cycle();
        group.throughput(Throughput::Elements(words as u64));
        group.bench_function(BenchmarkId::new("family", words), |b| {
            b.iter_with_large_drop(|| {
                let article = versions.next().unwrap_or(&before);
                let ctx = Context::new(&article.text, &article.prose, &article.actors, &settings)
                    .with_memo(&memo);
                let mut out = Vec::new();
                for rule in &rules {
                    rule.check(&ctx, &mut out);
                }
                out
            })
        });
    }
    group.finish();
}

/// The name tagger on its own: every sentence of a 10,000-word article
/// tagged (the document's vocabulary made first, as the actor stage does),
/// and the built-in weights read from their bytes.
fn tagger(c: &mut Criterion<CpuTime>) {
    let article = parsed(10_000);
    let scan = LEXICON.scan(
        &article.prose,
        &AddedTitles::default(),
        &mut BlockMemo::default(),
    );
    let model = tagger::model();
    let mut group = c.benchmark_group("tagger");
    group.sample_size(20);
    group.throughput(Throughput::Elements(article.words as u64));
    group.bench_function(BenchmarkId::new("tag", article.words), |b| {
        b.iter_with_large_drop(|| {
            let words = tagger::document_words(&article.prose);
            let mut doc = |word: u64| words.get(&word).copied().unwrap_or(0);
            let mut found = Vec::new();
            for block in &article.prose.blocks {
                let heading = block.kind == BlockKind::Heading;
                for sentence in &article.prose.sentences[block.sentences.clone()] {
                    let window = tagger::Window {
                        prose: &article.prose,
                        scan: &scan,
                        tokens: sentence.tokens.clone(),
                        heading,
                    };
                    tagger::tag(&model, &window, &mut doc, &mut found);
                }
            }
            found
        })
    });
    let bytes = std::fs::read("data/names.model").expect("data/names.model");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("load", |b| {
        b.iter_with_large_drop(|| tagger::Model::from_bytes(black_box(&bytes)))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(CpuTime {
        clock: libc::CLOCK_THREAD_CPUTIME_ID,
    });
    targets = stages, rules, attribution_edited, tagger
}
criterion_main!(benches);
