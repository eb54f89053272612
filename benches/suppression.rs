//! What suppression comments add to the keystroke path: re-analysis of a
//! 10,000-word article after a one-word edit, with no suppression comment (a
//! substring search) and with one after every tenth paragraph (directives are
//! parsed, which in Markdown means a second pass of the Markdown parser).

#[path = "support/article.rs"]
mod support;

use std::hint::black_box;

use copydesk::analysis::Analyzer;
use copydesk::config::Settings;
use copydesk::document::Language;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

const WORDS: usize = 10_000;

/// The article with a suppression comment before every tenth paragraph.
fn with_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for (i, paragraph) in text.split_inclusive("\n\n").enumerate() {
        if i % 10 == 5 {
            out.push_str("<!-- copydesk-disable-next-line vague-attribution -- checked -->\n");
        }
        out.push_str(paragraph);
    }
    out
}

fn reanalysis(c: &mut Criterion) {
    let settings = Settings::default();
    let plain = support::article(WORDS);
    let commented = with_comments(&plain);
    let mut group = c.benchmark_group("suppression/after-edit");
    for (name, text) in [("none", plain), ("every-tenth-paragraph", commented)] {
        let at = text[text.len() / 2..]
            .find("Tuesday")
            .map_or(0, |i| i + text.len() / 2);
        let edited = format!("{}Monday{}", &text[..at], &text[at + "Tuesday".len()..]);
        let mut analyzer = Analyzer::default();
        analyzer.analyze(&text, Language::Markdown, &settings);
        let mut flip = false;
        group.bench_function(BenchmarkId::new(name, WORDS), |b| {
            b.iter(|| {
                flip = !flip;
                let version = if flip { &edited } else { &text };
                analyzer.analyze(black_box(version), Language::Markdown, &settings)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, reanalysis);
criterion_main!(benches);
