//! The editor quits: it sends `shutdown` and `exit`, and may have closed the
//! server's stderr already. The real binary over stdio must exit with 0.

mod common;

use std::path::Path;
use std::process::Stdio;

use common::stdio::StdioServer;
use serde_json::json;

fn binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_copydesk"))
}

/// Stderr is a pipe nobody reads any more: every log line fails to write.
fn with_stderr_closed() -> StdioServer {
    let mut server = StdioServer::start_with_stderr(binary(), &["--stdio"], Stdio::piped());
    drop(server.child.stderr.take());
    server
}

fn open_and_log(server: &mut StdioServer) {
    server.initialize();
    let uri = "file:///tmp/desk/quit.md";
    server.send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1,
        "text": "The vote was close. Critics say it was rigged.\n"}}}),
    );
    server.receive(|m| m["method"] == "textDocument/publishDiagnostics");
    // Each of these logs a warning on stderr.
    server.send(json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": "file:///tmp/desk/not-open.md", "version": 2}, "contentChanges": []}}));
    server.send_raw(b"Content-Length: 5\r\n\r\n{bad}");
    server.receive(|m| m["error"]["code"] == -32700);
}

#[test]
fn a_closed_stderr_never_takes_the_server_down() {
    let mut server = with_stderr_closed();
    open_and_log(&mut server);
    server.send(json!({"jsonrpc": "2.0", "id": 50, "method": "shutdown", "params": null}));
    assert_eq!(
        server.receive(|m| m["id"] == 50),
        json!({"jsonrpc": "2.0", "id": 50, "result": null})
    );
    server.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(server.exit_code(), Some(0));
}

/// Some clients write `exit` right behind `shutdown` without waiting: the
/// answer to `shutdown` still goes out, and the exit is clean.
#[test]
fn shutdown_is_answered_before_an_exit_sent_at_once() {
    let mut server = with_stderr_closed();
    open_and_log(&mut server);
    let shutdown = json!({"jsonrpc": "2.0", "id": 51, "method": "shutdown"}).to_string();
    let exit = json!({"jsonrpc": "2.0", "method": "exit"}).to_string();
    let bytes = format!(
        "Content-Length: {}\r\n\r\n{shutdown}Content-Length: {}\r\n\r\n{exit}",
        shutdown.len(),
        exit.len()
    );
    server.send_raw(bytes.as_bytes());
    assert_eq!(
        server.receive(|m| m["id"] == 51),
        json!({"jsonrpc": "2.0", "id": 51, "result": null})
    );
    assert_eq!(server.exit_code(), Some(0));
}

/// The editor closes the pipes right after `exit`.
#[test]
fn pipes_closed_after_exit_still_exit_zero() {
    let mut server = with_stderr_closed();
    open_and_log(&mut server);
    server.send(json!({"jsonrpc": "2.0", "id": 52, "method": "shutdown"}));
    server.receive(|m| m["id"] == 52);
    server.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    let StdioServer { child, stdin, .. } = server;
    drop(stdin);
    assert_eq!(common::stdio::wait(child), Some(0));
}
