//! An in-process LSP client for end-to-end tests: the real server, spoken to in
//! JSON-RPC over a duplex stream.
#![allow(dead_code)]

pub mod actors;
pub mod desk;
pub mod references;
pub mod stdio;

use std::collections::VecDeque;
use std::time::Duration;

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tokio::io::{ReadHalf, WriteHalf};

/// How long a test waits for the server before failing: a bound on liveness,
/// not a timing (a debug build on a loaded machine reads a 10 MB article slowly).
pub const WAIT: Duration = Duration::from_secs(60);

pub struct TestClient {
    writer: WriteHalf<DuplexStream>,
    reader: BufReader<ReadHalf<DuplexStream>>,
    /// Notifications and server requests read while waiting for something else.
    pub inbox: VecDeque<Value>,
    next_id: i64,
    /// The answer to `workspace/configuration`, one item per requested section.
    pub configuration: Value,
    /// Every request the server sent to the client, by method.
    pub server_requests: Vec<Value>,
    /// Ends with whether the client shut the server down before `exit`.
    server: tokio::task::JoinHandle<bool>,
}

pub fn uri(name: &str) -> String {
    format!("file:///tmp/copydesk-tests/{name}")
}

impl TestClient {
    /// Starts a server without initializing it.
    pub fn spawn() -> TestClient {
        let (client_side, server_side) = tokio::io::duplex(1 << 20);
        let (server_read, server_write) = tokio::io::split(server_side);
        let server = tokio::spawn(copydesk::lsp::serve(server_read, server_write));
        let (read, write) = tokio::io::split(client_side);
        TestClient {
            writer: write,
            reader: BufReader::new(read),
            inbox: VecDeque::new(),
            next_id: 0,
            configuration: json!([null]),
            server_requests: Vec::new(),
            server,
        }
    }

    /// Starts and initializes a server with the given client capabilities and options.
    pub async fn start_with(capabilities: Value, options: Value) -> (TestClient, Value) {
        TestClient::start_initialized(json!({
            "processId": null,
            "rootUri": null,
            "capabilities": capabilities,
            "initializationOptions": options,
        }))
        .await
    }

    /// Starts and initializes a server with these `initialize` params.
    pub async fn start_initialized(params: Value) -> (TestClient, Value) {
        let mut client = TestClient::spawn();
        let result = client.request("initialize", params).await;
        client.notify("initialized", json!({})).await;
        (client, result)
    }

    /// Starts a server for a UTF-16 client with default settings.
    pub async fn start() -> TestClient {
        TestClient::start_with(json!({}), Value::Null).await.0
    }

    pub async fn send(&mut self, message: Value) {
        let body = message.to_string();
        let frame = format!("Content-Length: {}\r\n\r\n{}", body.len(), body);
        self.writer
            .write_all(frame.as_bytes())
            .await
            .expect("server input open");
    }

    /// Reads one message from the server.
    async fn read(&mut self) -> Option<Value> {
        let mut length = None;
        loop {
            let mut line = String::new();
            if self.reader.read_line(&mut line).await.ok()? == 0 {
                return None;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                length = v.parse::<usize>().ok();
            }
        }
        let mut body = vec![0; length?];
        self.reader.read_exact(&mut body).await.ok()?;
        serde_json::from_slice(&body).ok()
    }

    /// Reads the next message, answering the server's own requests on the way.
    async fn next_message(&mut self) -> Value {
        loop {
            let message = tokio::time::timeout(WAIT, self.read())
                .await
                .expect("the server answered in time")
                .expect("the server is still running");
            if message.get("method").is_some() && message.get("id").is_some() {
                self.answer(&message).await;
                self.server_requests.push(message);
                continue;
            }
            return message;
        }
    }

    async fn answer(&mut self, request: &Value) {
        let result = match request["method"].as_str() {
            Some("workspace/configuration") => {
                let items = request["params"]["items"].as_array().map_or(1, Vec::len);
                let mut answer = self.configuration.clone();
                if let Some(list) = answer.as_array_mut() {
                    list.resize(items, Value::Null);
                }
                answer
            }
            _ => Value::Null,
        };
        self.send(json!({"jsonrpc": "2.0", "id": request["id"], "result": result}))
            .await;
    }

    /// Sends a request and returns its whole response message.
    pub async fn request_raw(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        loop {
            let message = self.next_message().await;
            if message.get("id") == Some(&json!(id)) {
                return message;
            }
            self.inbox.push_back(message);
        }
    }

    /// Waits for the response to a request sent with [`TestClient::send`].
    pub async fn response(&mut self, id: i64) -> Value {
        loop {
            let message = self.next_message().await;
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                return message;
            }
            self.inbox.push_back(message);
        }
    }

    /// Sends a request and returns its result, failing the test on an error.
    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_raw(method, params).await;
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    /// The next notification with this method, from the inbox or the wire.
    pub async fn notification(&mut self, method: &str) -> Value {
        self.notification_where(method, |_| true).await
    }

    pub async fn notification_where(
        &mut self,
        method: &str,
        wanted: impl Fn(&Value) -> bool,
    ) -> Value {
        if let Some(i) = self
            .inbox
            .iter()
            .position(|m| m["method"] == method && wanted(&m["params"]))
        {
            return self
                .inbox
                .remove(i)
                .map(|m| m["params"].clone())
                .unwrap_or_default();
        }
        loop {
            let message = self.next_message().await;
            if message["method"] == method && wanted(&message["params"]) {
                return message["params"].clone();
            }
            self.inbox.push_back(message);
        }
    }

    /// Waits until the server has sent a request with this method (answered
    /// already, as every server request is), and returns its params.
    pub async fn server_request(&mut self, method: &str) -> Value {
        loop {
            if let Some(request) = self.server_requests.iter().find(|r| r["method"] == method) {
                return request["params"].clone();
            }
            let message = tokio::time::timeout(WAIT, self.read())
                .await
                .expect("the server answered in time")
                .expect("the server is still running");
            if message.get("method").is_some() && message.get("id").is_some() {
                self.answer(&message).await;
                self.server_requests.push(message);
            } else {
                self.inbox.push_back(message);
            }
        }
    }

    /// How many requests with this method the server has sent so far.
    pub fn server_request_count(&self, method: &str) -> usize {
        self.server_requests
            .iter()
            .filter(|r| r["method"] == method)
            .count()
    }

    /// The next diagnostics published for `uri`.
    pub async fn diagnostics(&mut self, uri: &str) -> Value {
        self.notification_where("textDocument/publishDiagnostics", |p| p["uri"] == uri)
            .await
    }

    /// Waits `quiet` and returns every message that arrived meanwhile.
    pub async fn drain(&mut self, quiet: Duration) -> Vec<Value> {
        while let Ok(Some(message)) = tokio::time::timeout(quiet, self.read()).await {
            if message.get("method").is_some() && message.get("id").is_some() {
                self.answer(&message).await;
                self.server_requests.push(message);
            } else {
                self.inbox.push_back(message);
            }
        }
        self.inbox.drain(..).collect()
    }

    pub async fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        )
        .await;
    }

    pub async fn change(&mut self, uri: &str, version: i32, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        )
        .await;
    }

    pub async fn save(&mut self, uri: &str) {
        self.notify(
            "textDocument/didSave",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    }

    pub async fn close(&mut self, uri: &str) {
        self.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    }

    /// The hover text at the first occurrence of `needle` in `text`, or ""
    /// where the server shows none.
    pub async fn hover_text(&mut self, uri: &str, text: &str, needle: &str) -> String {
        let params = json!({"textDocument": {"uri": uri}, "position": position_of(text, needle)});
        let hover = self.request("textDocument/hover", params).await;
        hover["contents"]["value"]
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    /// The references (declaration included) the server lists for the actor
    /// at the first occurrence of `needle` in `text`.
    pub async fn references_at(&mut self, uri: &str, text: &str, needle: &str) -> Vec<Value> {
        let params = json!({
            "textDocument": {"uri": uri},
            "position": position_of(text, needle),
            "context": {"includeDeclaration": true}
        });
        let refs = self.request("textDocument/references", params).await;
        refs.as_array().cloned().unwrap_or_default()
    }

    /// The names in a document's outline (`textDocument/documentSymbol`).
    pub async fn outline_names(&mut self, uri: &str) -> Vec<String> {
        let symbols = self
            .request(
                "textDocument/documentSymbol",
                json!({"textDocument": {"uri": uri}}),
            )
            .await;
        symbols
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s["name"].as_str().map(str::to_string))
            .collect()
    }

    /// Opens a document and returns its first diagnostics.
    pub async fn open_and_wait(&mut self, uri: &str, language: &str, text: &str) -> Value {
        self.open(uri, language, text).await;
        self.diagnostics(uri).await
    }

    /// Sends shutdown and exit, and waits for the server to stop.
    pub async fn shutdown(mut self) {
        let result = self.request("shutdown", Value::Null).await;
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null).await;
        let clean = tokio::time::timeout(WAIT, self.server)
            .await
            .expect("the server stopped after exit")
            .expect("the server task did not panic");
        assert!(clean, "shutdown came before exit");
    }
}

/// The codes of a publishDiagnostics payload, in order.
pub fn codes(params: &Value) -> Vec<String> {
    params["diagnostics"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|d| d["code"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The text a diagnostic's range covers, given the document as lines (UTF-16 columns).
pub fn covered<'t>(text: &'t str, diagnostic: &Value) -> &'t str {
    let start = offset_utf16(text, &diagnostic["range"]["start"]);
    let end = offset_utf16(text, &diagnostic["range"]["end"]);
    &text[start..end]
}

/// The byte offset of an LSP position counted in UTF-16 units.
pub fn offset_utf16(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap_or(0) as usize;
    let character = position["character"].as_u64().unwrap_or(0) as usize;
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i == line {
            let mut units = 0;
            for (b, c) in l.char_indices() {
                if units >= character {
                    return offset + b;
                }
                units += c.len_utf16();
            }
            return offset + l.trim_end_matches(['\n', '\r']).len();
        }
        offset += l.len();
    }
    text.len()
}

/// The LSP position (UTF-16) of the first occurrence of `needle` in `text`.
pub fn position_of(text: &str, needle: &str) -> Value {
    let at = text.find(needle).expect("needle in text");
    let line = text[..at].matches('\n').count();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let character: usize = text[line_start..at].chars().map(char::len_utf16).sum();
    json!({"line": line, "character": character})
}

/// The LSP position (UTF-16) of byte offset `at` of `text`, snapped back to a
/// character boundary; CRLF counts as one line break.
pub fn position_at(text: &str, at: usize) -> Value {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    // A position between CR and LF is the end of the line's content.
    let content = before[line_start..].trim_end_matches('\r');
    let character: usize = content.chars().map(char::len_utf16).sum();
    json!({"line": line, "character": character})
}
