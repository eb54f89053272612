//! JSON-RPC round trips through the real server, in process over a duplex
//! stream: open -> diagnostics, edit + save -> diagnostics, and hover.

#[path = "support/article.rs"]
mod support;

#[path = "../tests/common/mod.rs"]
mod common;

use common::{uri, TestClient};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use serde_json::json;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// CPU time of this process (server and client), user and system.
fn cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<u64> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest)
        .unwrap_or_default()
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    let ticks = fields.get(11).copied().unwrap_or(0) + fields.get(12).copied().unwrap_or(0);
    // USER_HZ is 100 on Linux.
    Duration::from_millis(ticks * 10)
}

/// Median wall time and mean CPU time of `n` runs of `op`.
fn timed(n: usize, mut op: impl FnMut()) -> (Duration, Duration) {
    let start_cpu = cpu();
    let mut walls: Vec<Duration> = (0..n)
        .map(|_| {
            let start = Instant::now();
            op();
            start.elapsed()
        })
        .collect();
    walls.sort();
    (walls[n / 2], (cpu() - start_cpu) / n as u32)
}

fn roundtrips(c: &mut Criterion) {
    // As the server binary runs (src/cli/mod.rs).
    copydesk::lsp::tune_malloc();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let mut client = runtime.block_on(TestClient::start());
    let mut opened = 0u64;
    let mut group = c.benchmark_group("roundtrip");
    group.sample_size(20);
    for words in SIZES {
        let text = support::article(words);
        group.bench_with_input(BenchmarkId::new("open", words), &text, |b, text| {
            b.iter(|| {
                opened += 1;
                let u = uri(&format!("open-{opened}.md"));
                runtime.block_on(async {
                    client.open_and_wait(&u, "markdown", text).await;
                    client.close(&u).await;
                    client.diagnostics(&u).await;
                })
            })
        });

        let u = uri(&format!("edit-{words}.md"));
        runtime.block_on(client.open_and_wait(&u, "markdown", &text));
        let line = text.lines().count() / 2;
        let mut version = 1;
        group.bench_function(BenchmarkId::new("edit-save", words), |b| {
            b.iter(|| {
                version += 1;
                runtime.block_on(async {
                    client
                        .change(&u, version, json!([{"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": "x"}]))
                        .await;
                    client.save(&u).await;
                    client.diagnostics(&u).await;
                })
            })
        });

        // Hover on the first person's name, with the analysis already fresh.
        let at = common::position_of(&text, "Minister ");
        let position =
            json!({"line": at["line"], "character": at["character"].as_u64().unwrap_or(0) + 9});
        group.bench_function(BenchmarkId::new("hover", words), |b| {
            b.iter(|| {
                runtime.block_on(client.request_raw(
                    "textDocument/hover",
                    json!({"textDocument": {"uri": u}, "position": position}),
                ))
            })
        });
    }
    group.finish();

    // CPU time per operation, beside the wall time: the server's real cost
    // on a machine that is also doing other work.
    for words in SIZES {
        let text = support::article(words);
        let runs = (2_000_000 / words).clamp(20, 400);
        let (wall, cpu) = timed(runs, || {
            opened += 1;
            let u = uri(&format!("cpu-open-{opened}.md"));
            runtime.block_on(async {
                client.open_and_wait(&u, "markdown", &text).await;
                client.close(&u).await;
                client.diagnostics(&u).await;
            })
        });
        println!("roundtrip/open/{words}: median wall {wall:.2?}, CPU {cpu:.2?} per open");
        let u = uri(&format!("cpu-edit-{words}.md"));
        runtime.block_on(client.open_and_wait(&u, "markdown", &text));
        let line = text.lines().count() / 2;
        let mut version = 1;
        let (wall, cpu) = timed(runs, || {
            version += 1;
            runtime.block_on(async {
                client
                    .change(&u, version, json!([{"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": "x"}]))
                    .await;
                client.save(&u).await;
                client.diagnostics(&u).await;
            })
        });
        println!(
            "roundtrip/edit-save/{words}: median wall {wall:.2?}, CPU {cpu:.2?} per edit + save"
        );
    }
    runtime.block_on(client.shutdown());
}

criterion_group!(benches, roundtrips);
criterion_main!(benches);
