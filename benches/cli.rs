//! The CLI's own stages, at growing sizes, to show they stay linear: line and
//! column of every finding on one long line, human output of a long line
//! with many findings, and reading a people file of many entries. Each group
//! reports throughput, so cost per byte or per entry can be compared across
//! sizes (`cargo bench --bench cli`). Then the built binary on a folder of
//! 1,000 articles of 800 words, on one thread and on two
//! (`cargo bench --bench cli -- check-folder`).

// Only the seeded articles are used here.
#[allow(dead_code)]
#[path = "support/article.rs"]
mod support;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;

use copydesk::actors::people;
use copydesk::checks::{Finding, Severity};
use copydesk::cli::format::{human, FileView};
use copydesk::cli::positions::Positions;
use copydesk::span::Span;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const SENTENCE: &str = "Critics say the plan will fail, and the harbour board met again. ";

/// One line of `bytes` bytes, and a finding on every sentence's first words.
fn long_line(bytes: usize) -> (String, Vec<Finding>) {
    let line = SENTENCE.repeat(bytes / SENTENCE.len());
    let findings = (0..line.len() / SENTENCE.len())
        .map(|i| Finding {
            code: "vague-attribution",
            severity: Severity::Warning,
            span: Span::new(i * SENTENCE.len(), i * SENTENCE.len() + 11),
            message: "Who says so?".into(),
            related: Vec::new(),
            fixes: Vec::new(),
        })
        .collect();
    (line, findings)
}

fn columns(c: &mut Criterion) {
    let mut group = c.benchmark_group("cli/columns-on-one-line");
    for bytes in [150_000, 1_500_000] {
        let (line, findings) = long_line(bytes);
        group.throughput(Throughput::Bytes(line.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(bytes), &line, |b, line| {
            b.iter(|| {
                let positions = Positions::new(
                    line,
                    findings.iter().flat_map(|f| [f.span.start, f.span.end]),
                );
                black_box(positions.of(findings[findings.len() - 1].span.start))
            })
        });
    }
    group.finish();
}

fn human_output(c: &mut Criterion) {
    let mut group = c.benchmark_group("cli/human-output-of-one-line");
    group.sample_size(10);
    let style = human::Style {
        colour: false,
        width: 100,
    };
    for bytes in [150_000, 1_500_000] {
        let (line, findings) = long_line(bytes);
        group.throughput(Throughput::Bytes(line.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(bytes), &line, |b, line| {
            b.iter(|| {
                let view = FileView::new("a.md", line, &findings);
                let mut wraps = human::Wraps::default();
                let shown: usize = findings
                    .iter()
                    .map(|f| human::render(&view, &mut wraps, &style, f).len())
                    .sum();
                black_box(shown)
            })
        });
    }
    group.finish();
}

fn people_file(c: &mut Criterion) {
    let mut group = c.benchmark_group("cli/people-file");
    group.sample_size(10);
    for entries in [2_000u64, 20_000] {
        let text: String = (0..entries)
            .map(|i| {
                format!("[[person]]\nname = \"Person Number{i}\"\naliases = [\"Number{i}\"]\ntitle = \"Minister\"\n\n")
            })
            .collect();
        group.throughput(Throughput::Elements(entries));
        group.bench_with_input(BenchmarkId::from_parameter(entries), &text, |b, text| {
            b.iter(|| {
                black_box(people::parse(Path::new("people.toml"), text).map(|p| p.entries.len()))
            })
        });
    }
    group.finish();
}

/// 1,000 generated articles of 800 words, each different, written once.
fn folder() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-1000-articles");
    if !dir.join("0999.md").exists() {
        std::fs::create_dir_all(&dir).expect("bench folder");
        for i in 0..1000u64 {
            let text = support::article_seeded(800, i + 1);
            std::fs::write(dir.join(format!("{i:04}.md")), text).expect("article written");
        }
    }
    dir
}

fn check_folder(c: &mut Criterion) {
    let dir = folder();
    let mut group = c.benchmark_group("cli/check-folder-of-1000-articles");
    group.sample_size(10);
    group.throughput(Throughput::Elements(1000));
    for threads in ["1", "2"] {
        group.bench_function(BenchmarkId::new("threads", threads), |b| {
            b.iter(|| {
                let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
                    .args(["check", "--quiet", "--format", "jsonl"])
                    .arg(&dir)
                    .env("RAYON_NUM_THREADS", threads)
                    .output()
                    .expect("copydesk runs");
                black_box(out.stdout.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, columns, human_output, people_file, check_folder);
criterion_main!(benches);
