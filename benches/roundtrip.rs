//! JSON-RPC round trips through the real server, in process over a duplex
//! stream: open -> diagnostics, edit + save -> diagnostics, a keystroke ->
//! diagnostics (`checkOn = "change"`, no debounce), and hover.
//!
//! Each is measured twice: in wall time (`roundtrip/…`) and in the CPU time
//! of the whole process, server and test client together
//! (`roundtrip-cpu/…`), which other work on the machine does not inflate.
//!
//! ```sh
//! cargo bench --bench roundtrip                 # everything
//! cargo bench --bench roundtrip -- keystroke    # one scenario
//! ```

#[path = "support/article.rs"]
mod support;

#[path = "support/cpu_time.rs"]
mod cpu_time;

#[path = "../tests/common/mod.rs"]
mod common;

use common::{uri, TestClient};
use cpu_time::CpuTime;
use criterion::measurement::{Measurement, WallTime};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use serde_json::{json, Value};
use tokio::runtime::Runtime;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn runtime() -> Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

/// A one-character insertion at the start of `line`.
fn key(line: usize) -> Value {
    let at = json!({"line": line, "character": 0});
    json!([{"range": {"start": at, "end": at}, "text": "x"}])
}

fn roundtrips<M: Measurement>(c: &mut Criterion<M>, name: &str) {
    // As the server binary runs (src/cli/mod.rs).
    copydesk::lsp::tune_malloc();
    let runtime = runtime();
    let mut client = runtime.block_on(TestClient::start());
    let (mut typing, _) = runtime.block_on(TestClient::start_with(
        json!({}),
        json!({"checkOn": "change", "debounceMs": 0}),
    ));
    let mut opened = 0u64;
    let mut group = c.benchmark_group(name);
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
                    client.change(&u, version, key(line)).await;
                    client.save(&u).await;
                    client.diagnostics(&u).await;
                })
            })
        });

        // The keystroke path: each key is analysed and published on its own.
        let typed = uri(&format!("type-{words}.md"));
        runtime.block_on(typing.open_and_wait(&typed, "markdown", &text));
        let mut typed_version = 1;
        group.bench_function(BenchmarkId::new("keystroke", words), |b| {
            b.iter(|| {
                typed_version += 1;
                runtime.block_on(async {
                    typing.change(&typed, typed_version, key(line)).await;
                    typing.diagnostics(&typed).await;
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
    runtime.block_on(typing.shutdown());
}

fn wall(c: &mut Criterion<WallTime>) {
    roundtrips(c, "roundtrip");
}

fn cpu(c: &mut Criterion<CpuTime>) {
    roundtrips(c, "roundtrip-cpu");
}

criterion_group!(wall_time, wall);
criterion_group! {
    name = cpu_time;
    config = Criterion::default().with_measurement(CpuTime {
        clock: libc::CLOCK_PROCESS_CPUTIME_ID,
    });
    targets = cpu
}
criterion_main!(wall_time, cpu_time);
