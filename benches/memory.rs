//! Resident memory of the server binary holding a 100,000-word document,
//! measured after its diagnostics are published. Prints kB; not a criterion bench.

#[path = "support/article.rs"]
mod support;

#[path = "../tests/common/stdio.rs"]
mod stdio;

use std::path::Path;

use serde_json::json;
use stdio::StdioServer;

fn main() {
    let mut server = StdioServer::start(Path::new(env!("CARGO_BIN_EXE_copydesk")), &["--stdio"]);
    server.initialize();
    let idle = server.rss_kb().unwrap_or(0);
    for words in [10_000, 100_000] {
        let text = support::article(words);
        let uri = format!("file:///tmp/memory-{words}.md");
        server.send(
            json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}}}),
        );
        server.receive(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        // Hover once so any lazily built structures exist too.
        server.send(
            json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {
            "textDocument": {"uri": uri}, "position": {"line": 2, "character": 20}}}),
        );
        server.receive(|m| m["id"] == 2);
        println!(
            "memory/rss-with-open-document/{words}: {} kB (idle server {idle} kB, document {} bytes)",
            server.rss_kb().unwrap_or(0),
            text.len()
        );
    }
    server.send(json!({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}));
    server.receive(|m| m["id"] == 3);
    server.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    let _ = server.exit_code();
}
