//! Memory and bursts of the server binary over stdio, as an editor runs it.
//! Not a criterion bench: each scenario is one process, and it prints what it
//! measured.
//!
//! - one 100,000-word document after 100 edits (each edit, save, diagnostics):
//!   the peak resident memory (VmHWM), and the memory at the end;
//! - 100 documents of 10,000 words open at once: the peak;
//! - the first open of a 10,000-word document in a fresh server (word lists
//!   built on the way): the CPU time from `didOpen` to its diagnostics,
//!   and the wall time, median of 9 servers, with the same for a second
//!   document after it;
//! - a burst of 20 keystrokes at 20 ms intervals on a 100,000-word document
//!   with `checkOn = "change"` and no debounce: how long after the last key
//!   its diagnostics arrive, and how much the burst raises the peak.

#[path = "support/article.rs"]
mod support;

#[path = "../tests/common/stdio.rs"]
mod stdio;

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use stdio::StdioServer;

fn start(options: Value) -> StdioServer {
    let mut server = StdioServer::start(Path::new(env!("CARGO_BIN_EXE_copydesk")), &["--stdio"]);
    server.initialize_with(options);
    server
}

fn stop(mut server: StdioServer) {
    server.send(json!({"jsonrpc": "2.0", "id": 99_999, "method": "shutdown"}));
    server.receive(|m| m["id"] == 99_999);
    server.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    let _ = server.exit_code();
}

fn open(server: &mut StdioServer, uri: &str, text: &str) {
    server.send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}}}),
    );
}

fn published(server: &StdioServer, uri: &str, version: i64) {
    server.receive(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && m["params"]["version"] == version
    });
}

/// Types `key` at a column of `line`.
fn type_key(server: &mut StdioServer, uri: &str, version: i64, line: usize, column: usize) {
    let at = json!({"line": line, "character": column});
    server.send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": version},
        "contentChanges": [{"range": {"start": at, "end": at}, "text": "x"}]}}),
    );
}

fn mb(kb: Option<u64>) -> f64 {
    kb.unwrap_or(0) as f64 / 1024.0
}

fn one_document_after_edits() {
    let mut server = start(Value::Null);
    let idle = server.peak_rss_kb();
    let text = support::article(100_000);
    let uri = "file:///tmp/memory/one.md";
    open(&mut server, uri, &text);
    published(&server, uri, 1);
    let after_open = server.peak_rss_kb();
    let line = text.lines().count() / 2;
    let cpu_before = server.cpu_ms();
    for version in 2..=101 {
        type_key(&mut server, uri, version, line, (version - 2) as usize);
        server.send(
            json!({"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {
            "textDocument": {"uri": uri}}}),
        );
        published(&server, uri, version);
    }
    let cpu = server.cpu_ms().zip(cpu_before).map_or(0, |(a, b)| a - b);
    println!(
        "memory/one-100k-document-after-100-edits: peak {:.1} MB, now {:.1} MB (after open: peak {:.1} MB; idle {:.1} MB; {} bytes of text); CPU {:.1} ms per edit + save",
        mb(server.peak_rss_kb()),
        mb(server.rss_kb()),
        mb(after_open),
        mb(idle),
        text.len(),
        cpu as f64 / 100.0
    );
    stop(server);
}

fn many_documents() {
    let mut server = start(Value::Null);
    for i in 0..100u64 {
        let uri = format!("file:///tmp/memory/many-{i}.md");
        open(
            &mut server,
            &uri,
            &support::article_seeded(10_000, 1000 + i),
        );
        published(&server, &uri, 1);
    }
    println!(
        "memory/100-documents-of-10k-words: peak {:.1} MB, now {:.1} MB",
        mb(server.peak_rss_kb()),
        mb(server.rss_kb())
    );
    stop(server);
}

fn first_open() {
    let first = support::article(10_000);
    let second = support::article_seeded(10_000, 7);
    // (CPU ms, wall ms) of the first document, then of the second.
    let mut costs: Vec<[(f64, f64); 2]> = (0..9)
        .map(|_| {
            let mut server = start(Value::Null);
            let mut cost_of = |uri: &str, text: &str| {
                let before = server.cpu_ns().unwrap_or(0);
                let started = Instant::now();
                open(&mut server, uri, text);
                published(&server, uri, 1);
                let cpu = server.cpu_ns().unwrap_or(0).saturating_sub(before) as f64 / 1e6;
                (cpu, started.elapsed().as_secs_f64() * 1e3)
            };
            let costs = [
                cost_of("file:///tmp/memory/first.md", &first),
                cost_of("file:///tmp/memory/second.md", &second),
            ];
            stop(server);
            costs
        })
        .collect();
    let mut median = |pick: fn(&[(f64, f64); 2]) -> f64| {
        costs.sort_by(|a, b| pick(a).total_cmp(&pick(b)));
        pick(&costs[4])
    };
    let first_cpu = median(|c| c[0].0);
    let first_wall = median(|c| c[0].1);
    let second_cpu = median(|c| c[1].0);
    let second_wall = median(|c| c[1].1);
    println!(
        "first-open/10k-words: {first_cpu:.1} ms CPU ({first_wall:.1} ms wall) from didOpen to diagnostics in a fresh server, opened as soon as `initialize` is answered; {second_cpu:.1} ms CPU ({second_wall:.1} ms wall) for a second document (medians of 9 servers)"
    );
}

fn burst() {
    let mut server = start(json!({"checkOn": "change", "debounceMs": 0}));
    let text = support::article(100_000);
    let uri = "file:///tmp/memory/burst.md";
    open(&mut server, uri, &text);
    published(&server, uri, 1);
    let line = text.lines().count() / 2;
    // Single keys, each settled, make the steady state the burst is held to.
    let mut version = 1;
    for column in 0..5 {
        version += 1;
        type_key(&mut server, uri, version, line, column);
        published(&server, uri, version);
    }
    let before = server.peak_rss_kb();
    let cpu_before = server.cpu_ms();
    let mut column = 5;
    let mut settles = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        for key in 0..20u32 {
            let due = start + Duration::from_millis(20) * key;
            std::thread::sleep(due.saturating_duration_since(Instant::now()));
            version += 1;
            type_key(&mut server, uri, version, line, column);
            column += 1;
        }
        let last_key = Instant::now();
        published(&server, uri, version);
        settles.push(last_key.elapsed());
    }
    settles.sort();
    let cpu = server.cpu_ms().zip(cpu_before).map(|(a, b)| a - b);
    println!(
        "burst/20-keys-at-20ms-on-100k-words: settles {:.0} ms after the last key (median of 5; range {:.0}-{:.0} ms); peak {:.1} MB before, {:.1} MB after ({:+.0}%); CPU {} ms per burst",
        settles[2].as_secs_f64() * 1e3,
        settles[0].as_secs_f64() * 1e3,
        settles[4].as_secs_f64() * 1e3,
        mb(before),
        mb(server.peak_rss_kb()),
        (mb(server.peak_rss_kb()) / mb(before) - 1.0) * 100.0,
        cpu.map_or(0, |ms| ms / 5),
    );
    stop(server);
}

fn main() {
    // `cargo bench` passes `--bench`; a filter picks scenarios by name.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wanted = |name: &str| filter.as_deref().is_none_or(|f| name.contains(f));
    if wanted("one") {
        one_document_after_edits();
    }
    if wanted("many") {
        many_documents();
    }
    if wanted("first-open") {
        first_open();
    }
    if wanted("burst") {
        burst();
    }
}
