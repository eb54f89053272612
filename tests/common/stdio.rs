//! The built binary as an editor starts it: LSP over its stdin and stdout.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{json, Value};

pub struct StdioServer {
    pub child: Child,
    pub stdin: ChildStdin,
    messages: mpsc::Receiver<Value>,
}

impl StdioServer {
    pub fn start(binary: &Path, args: &[&str]) -> StdioServer {
        StdioServer::start_with_stderr(binary, args, Stdio::null())
    }

    /// Starts the binary with its stderr going to `stderr` (a pipe whose
    /// reading end is closed, say, as when the editor quits).
    pub fn start_with_stderr(binary: &Path, args: &[&str], stderr: Stdio) -> StdioServer {
        let mut child = Command::new(binary)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("the binary starts");
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, messages) = mpsc::channel();
        std::thread::spawn(move || read_messages(stdout, tx));
        StdioServer {
            child,
            stdin,
            messages,
        }
    }

    pub fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).expect("stdin open");
        self.stdin.flush().expect("stdin open");
    }

    /// Writes bytes as they are, framed or not.
    pub fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).expect("stdin open");
        self.stdin.flush().expect("stdin open");
    }

    /// The next message that satisfies `wanted`, skipping others.
    pub fn receive(&self, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            let message = self
                .messages
                .recv_timeout(Duration::from_secs(30))
                .expect("the server answers");
            if wanted(&message) {
                return message;
            }
        }
    }

    pub fn initialize(&mut self) -> Value {
        self.initialize_with(Value::Null)
    }

    /// Initializes with these `initializationOptions` (editor settings).
    pub fn initialize_with(&mut self, options: Value) -> Value {
        self.send(
            json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "capabilities": {}, "initializationOptions": options}}),
        );
        let response = self.receive(|m| m["id"] == 1);
        self.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
        response
    }

    /// Resident memory of the server process, in kB (Linux).
    pub fn rss_kb(&self) -> Option<u64> {
        self.status_kb("VmRSS:")
    }

    /// The peak resident memory of the server process so far, in kB (Linux).
    pub fn peak_rss_kb(&self) -> Option<u64> {
        self.status_kb("VmHWM:")
    }

    /// The CPU time the server process has used, user and system, in ms (Linux).
    pub fn cpu_ms(&self) -> Option<u64> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).ok()?;
        // Fields after the command name, which is in parentheses and may hold spaces.
        let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
        let ticks: u64 =
            fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
        // USER_HZ is 100 on Linux.
        Some(ticks * 10)
    }

    /// The CPU time the server's threads have used so far, in ns (Linux):
    /// the scheduler's own count per thread, exact where `cpu_ms` counts
    /// 10 ms ticks. Threads that have ended are not counted; the server's
    /// runtime keeps its threads for seconds after their last task.
    pub fn cpu_ns(&self) -> Option<u64> {
        let tasks = std::fs::read_dir(format!("/proc/{}/task", self.child.id())).ok()?;
        let mut total = 0;
        for task in tasks.flatten() {
            let stat = std::fs::read_to_string(task.path().join("schedstat")).ok()?;
            total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
        }
        Some(total)
    }

    fn status_kb(&self, field: &str) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find(|l| l.starts_with(field))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    }

    pub fn exit_code(self) -> Option<i32> {
        wait(self.child)
    }
}

/// The exit code, if the process ends within five seconds.
pub fn wait(mut child: Child) -> Option<i32> {
    for _ in 0..100 {
        if let Ok(Some(status)) = child.try_wait() {
            return status.code();
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    None
}

/// Reads framed messages; any stray output on stdout breaks the framing and fails.
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
            .expect("a length");
        let mut blank = String::new();
        let _ = reader.read_line(&mut blank);
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let Ok(message) = serde_json::from_slice(&body) else {
            return;
        };
        if tx.send(message).is_err() {
            return;
        }
    }
}
