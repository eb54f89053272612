//! The actor pass on a 10,000-word article, and a hover served from it.

use std::hint::black_box;

use copydesk::actors;
use copydesk::analysis;
use copydesk::config::Settings;
use copydesk::document::Language;
use copydesk::prose;
use criterion::{criterion_group, criterion_main, Criterion};

/// About 10,000 words of news copy, from the project's own fixture articles.
fn article() -> String {
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

fn bench(c: &mut Criterion) {
    let text = article();
    let settings = Settings::default();
    let prose = prose::parse(&text, Language::Markdown, &mut Default::default());
    c.bench_function("actors: recognise 10k words", |b| {
        b.iter(|| actors::recognise(black_box(&prose), &settings))
    });
    let found = actors::recognise(&prose, &settings);
    let at = text.rfind("Wang said").unwrap_or(0);
    c.bench_function("actors: hover text, 10k words", |b| {
        b.iter(|| {
            let m = found.mention_at(black_box(at)).unwrap_or(0);
            actors::describe(&found, m, &prose.text)
        })
    });
    c.bench_function("analysis: 10k words, whole pipeline", |b| {
        let mut analyzer = analysis::Analyzer::default();
        b.iter(|| analyzer.analyze(black_box(&text), Language::Markdown, &settings))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
