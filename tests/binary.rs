//! The built binary as an editor starts it: LSP over its stdin and stdout.

mod common;

use std::path::Path;

use common::stdio::{wait, StdioServer};
use serde_json::{json, Value};

fn start(args: &[&str]) -> StdioServer {
    StdioServer::start(Path::new(env!("CARGO_BIN_EXE_copydesk")), args)
}

#[test]
fn serves_lsp_over_stdio_and_exits_zero_after_shutdown() {
    let mut server = start(&["--stdio"]);
    let init = server.initialize();
    assert_eq!(init["result"]["serverInfo"]["name"], "copydesk");
    let uri = "file:///tmp/desk/story.md";
    server.send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1,
        "text": "# Vote\n\nThe vote was close. Observers note a low turnout.\n"}}}),
    );
    let published = server.receive(|m| m["method"] == "textDocument/publishDiagnostics");
    assert_eq!(published["params"]["uri"], uri);
    assert_eq!(
        published["params"]["diagnostics"][0]["code"],
        "vague-attribution"
    );
    assert_eq!(
        published["params"]["diagnostics"][0]["range"],
        json!({"start": {"line": 2, "character": 20}, "end": {"line": 2, "character": 34}})
    );
    // The spec's shutdown carries no params; many clients send null.
    server.send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": null}));
    assert_eq!(server.receive(|m| m["id"] == 2)["result"], Value::Null);
    server.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(server.exit_code(), Some(0));
}

#[test]
fn every_way_of_starting_the_server_speaks_lsp() {
    for args in [&[][..], &["lsp"][..]] {
        let mut server = start(args);
        assert_eq!(
            server.initialize()["result"]["capabilities"]["positionEncoding"],
            "utf-16"
        );
        server.send(json!({"jsonrpc": "2.0", "method": "exit"}));
        // Exit without shutdown: the spec asks for exit code 1.
        assert_eq!(server.exit_code(), Some(1), "{args:?}");
    }
}

#[test]
fn closing_stdin_ends_the_server() {
    let mut server = start(&[]);
    server.initialize();
    let StdioServer { child, stdin, .. } = server;
    drop(stdin);
    assert_eq!(wait(child), Some(1));
}
