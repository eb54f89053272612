//! The built binary as an editor starts it: LSP over its stdin and stdout.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{json, Value};

struct Process {
    child: Child,
    stdin: ChildStdin,
    messages: mpsc::Receiver<Value>,
}

fn start(args: &[&str]) -> Process {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");
    let stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, messages) = mpsc::channel();
    std::thread::spawn(move || read_messages(stdout, tx));
    Process {
        child,
        stdin,
        messages,
    }
}

/// Reads framed messages; any stray output on stdout fails the framing check.
fn read_messages(stdout: ChildStdout, tx: mpsc::Sender<Value>) {
    let mut reader = BufReader::new(stdout);
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 {
            return;
        }
        let length: usize = header
            .trim()
            .strip_prefix("Content-Length: ")
            .unwrap_or_else(|| panic!("stdout carries only LSP frames, got {header:?}"))
            .parse()
            .unwrap();
        let mut blank = String::new();
        reader.read_line(&mut blank).unwrap();
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
            return;
        }
    }
}

impl Process {
    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn receive(&self, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            let message = self
                .messages
                .recv_timeout(Duration::from_secs(10))
                .expect("the server answers");
            if wanted(&message) {
                return message;
            }
        }
    }

    fn initialize(&mut self) -> Value {
        self.send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}));
        let response = self.receive(|m| m["id"] == 1);
        self.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
        response
    }

    fn exit_code(self) -> Option<i32> {
        wait(self.child)
    }
}

/// The exit code, if the process ends within five seconds.
fn wait(mut child: Child) -> Option<i32> {
    for _ in 0..100 {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    None
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
    let Process { child, stdin, .. } = server;
    drop(stdin);
    assert_eq!(wait(child), Some(1));
}
