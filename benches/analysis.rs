//! The analysis core: a full analysis from cold (as on didOpen: a new analyzer
//! whose memos and results are kept, so dropped outside the timing), re-analysis after a one-word
//! edit (block cache warm), a single-character edit on the rope, what the
//! attribution rules add to an analysis (each rule, and the three together, on
//! a parsed 10,000-word article), the actor model (its pass over a parsed
//! article, and a hover's text), and what the reference rules add.

#[path = "support/article.rs"]
mod support;

use std::hint::black_box;

use copydesk::actors::Actors;
use copydesk::analysis::Analyzer;
use copydesk::checks::attribution::{OrphanQuote, UnattributedClaim, VagueAttribution};
use copydesk::checks::{Context, Finding, Rule};
use copydesk::config::Settings;
use copydesk::document::{Document, Encoding, Language, LineCol};
use copydesk::prose::Prose;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn full_analysis(c: &mut Criterion) {
    let settings = Settings::default();
    let mut group = c.benchmark_group("analysis/full");
    for words in SIZES {
        let text = support::article(words);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(words), &text, |b, text| {
            // As on didOpen: a new analyzer, whose memos and results are kept
            // (so dropped outside the timing).
            b.iter_with_large_drop(|| {
                let mut analyzer = Analyzer::default();
                let analysis = analyzer.analyze(black_box(text), Language::Markdown, &settings);
                (analyzer, analysis)
            })
        });
    }
    group.finish();
}

fn reanalysis_after_edit(c: &mut Criterion) {
    let settings = Settings::default();
    let mut group = c.benchmark_group("analysis/after-edit");
    for words in SIZES {
        let text = support::article(words);
        // Two versions that differ in one word of the middle paragraph.
        let middle = text[text.len() / 2..]
            .find("Tuesday")
            .map(|i| i + text.len() / 2);
        let edited = middle.map_or_else(
            || text.clone(),
            |at| format!("{}Monday{}", &text[..at], &text[at + "Tuesday".len()..]),
        );
        let mut analyzer = Analyzer::default();
        analyzer.analyze(&text, Language::Markdown, &settings);
        let mut flip = false;
        group.bench_function(BenchmarkId::from_parameter(words), |b| {
            b.iter(|| {
                flip = !flip;
                let version = if flip { &edited } else { &text };
                analyzer.analyze(black_box(version), Language::Markdown, &settings)
            })
        });
    }
    group.finish();
}

fn single_character_edit(c: &mut Criterion) {
    let text = support::article(100_000);
    let mut doc = Document::new(&text, 1, Language::Markdown);
    let line = (doc.rope().len_lines() / 2) as u32;
    let mut group = c.benchmark_group("edit/single-character");
    group.bench_function("100000", |b| {
        b.iter(|| {
            // Insert then delete one character mid-document, in UTF-16 positions.
            doc.replace(
                LineCol::new(line, 3),
                LineCol::new(line, 3),
                "x",
                Encoding::Utf16,
            );
            doc.replace(
                LineCol::new(line, 3),
                LineCol::new(line, 4),
                "",
                Encoding::Utf16,
            );
        })
    });
    group.finish();
}

/// Some rules on a fresh context (the rules of a family share one scan per
/// analysis, so each run makes it again).
fn check(
    text: &str,
    prose: &Prose,
    actors: &Actors,
    settings: &Settings,
    rules: &[&dyn Rule],
) -> Vec<Finding> {
    let ctx = Context::new(text, prose, actors, settings);
    let mut out = Vec::new();
    for rule in rules {
        rule.check(&ctx, &mut out);
    }
    out
}

fn attribution_rules(c: &mut Criterion) {
    let settings = Settings::default();
    let actors = Actors::default();
    let text = support::article(10_000);
    let prose = copydesk::prose::parse(&text, Language::Markdown, &mut Default::default());
    let rules: [(&str, &[&dyn Rule]); 4] = [
        ("unattributed-claim", &[&UnattributedClaim]),
        ("vague-attribution", &[&VagueAttribution]),
        ("orphan-quote", &[&OrphanQuote]),
        (
            "all-three",
            &[&UnattributedClaim, &VagueAttribution, &OrphanQuote],
        ),
    ];
    let mut group = c.benchmark_group("attribution/rules");
    for (name, rules) in rules {
        group.bench_function(BenchmarkId::new(name, 10_000), |b| {
            b.iter(|| check(black_box(&text), &prose, &actors, &settings, rules))
        });
    }
    group.finish();
}

/// The project's own fixture articles, repeated to about 10,000 words: dense
/// in names, titles and relations, like political copy.
fn fixture_article() -> String {
    let parts = [
        include_str!("../tests/fixtures/actors/summit.md"),
        include_str!("../tests/fixtures/actors/launch.md"),
        include_str!("../examples/harbour-patrol.md"),
    ];
    let mut text = String::new();
    while text.split_whitespace().count() < 10_000 {
        for part in parts {
            text.push_str(part);
            text.push('\n');
        }
    }
    text
}

fn actor_model(c: &mut Criterion) {
    let settings = Settings::default();
    let mut group = c.benchmark_group("actors");
    for (name, text) in [
        ("generated", support::article(10_000)),
        ("fixtures", fixture_article()),
    ] {
        let prose = copydesk::prose::parse(&text, Language::Markdown, &mut Default::default());
        group.bench_function(BenchmarkId::new(format!("recognise/{name}"), 10_000), |b| {
            b.iter(|| {
                copydesk::actors::recognise(black_box(&prose), &settings, &mut Default::default())
            })
        });
    }
    let text = fixture_article();
    let prose = copydesk::prose::parse(&text, Language::Markdown, &mut Default::default());
    let actors = copydesk::actors::recognise(&prose, &settings, &mut Default::default());
    let at = text.rfind("Wang said").unwrap_or(0);
    group.bench_function(BenchmarkId::new("hover-text", 10_000), |b| {
        b.iter(|| {
            let m = actors.mention_at(black_box(at)).unwrap_or(0);
            copydesk::actors::describe(&actors, m, &prose.text)
        })
    });
    group.finish();
}

/// What the five reference rules add to an analysis, on parsed 10,000-word
/// articles whose actor model is already built.
fn reference_rules(c: &mut Criterion) {
    use copydesk::checks::references::{
        LateIntroduction, NameVariant, RepeatedTitle, TitleCaseRule, TitleMismatch,
    };
    let settings = Settings::default();
    let rules: [&dyn Rule; 5] = [
        &TitleMismatch,
        &TitleCaseRule,
        &RepeatedTitle,
        &LateIntroduction,
        &NameVariant,
    ];
    let mut group = c.benchmark_group("references/rules");
    for (name, text) in [
        ("generated", support::article(10_000)),
        ("fixtures", fixture_article()),
    ] {
        let prose = copydesk::prose::parse(&text, Language::Markdown, &mut Default::default());
        let actors = copydesk::actors::recognise(&prose, &settings, &mut Default::default());
        group.bench_function(BenchmarkId::new(format!("all-five/{name}"), 10_000), |b| {
            b.iter(|| check(black_box(&text), &prose, &actors, &settings, &rules))
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    full_analysis,
    reanalysis_after_edit,
    single_character_edit,
    attribution_rules,
    actor_model,
    reference_rules
);
criterion_main!(benches);
