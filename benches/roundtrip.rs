//! JSON-RPC round trips through the real server, in process over a duplex
//! stream: open -> diagnostics, edit + save -> diagnostics, and hover.

#[path = "support/article.rs"]
mod support;

#[path = "../tests/common/mod.rs"]
mod common;

use common::{uri, TestClient};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use serde_json::json;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn roundtrips(c: &mut Criterion) {
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
    runtime.block_on(client.shutdown());
}

criterion_group!(benches, roundtrips);
criterion_main!(benches);
