//! Frames the server cannot read, sent to the real binary over stdio: each
//! gets the JSON-RPC error it deserves (or, where the meaning is plain, its
//! answer), and the server keeps serving.

mod common;

use std::path::Path;

use common::stdio::StdioServer;
use serde_json::{json, Value};

fn start() -> StdioServer {
    let mut server = StdioServer::start(Path::new(env!("CARGO_BIN_EXE_copydesk")), &["--stdio"]);
    server.initialize();
    server
}

fn frame(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

/// A request every initialized server answers with a result.
fn symbols(id: i64) -> String {
    json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/documentSymbol",
        "params": {"textDocument": {"uri": "file:///tmp/desk/none.md"}}})
    .to_string()
}

/// Sends `bytes`, expects an error with `code` and `id: null`, then checks a
/// valid request still gets its answer, and the session ends cleanly.
fn answered_with_error(bytes: &[u8], code: i64) {
    let mut server = start();
    server.send_raw(bytes);
    let error = server.receive(|m| m.get("error").is_some());
    assert_eq!(error["error"]["code"], code, "{error}");
    assert_eq!(error["id"], Value::Null, "{error}");
    assert_eq!(error["jsonrpc"], "2.0");
    still_serving(server);
}

fn still_serving(mut server: StdioServer) {
    server.send_raw(&frame(&symbols(77)));
    let answer = server.receive(|m| m["id"] == 77);
    assert!(answer.get("error").is_none(), "{answer}");
    server.send(json!({"jsonrpc": "2.0", "id": 78, "method": "shutdown"}));
    server.receive(|m| m["id"] == 78);
    server.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(server.exit_code(), Some(0));
}

/// Sends a request in the given frame and expects its answer.
fn answered(bytes: &[u8], id: i64) {
    let mut server = start();
    server.send_raw(bytes);
    let answer = server.receive(|m| m["id"] == id);
    assert!(answer.get("error").is_none(), "{answer}");
    still_serving(server);
}

#[test]
fn bad_json_is_a_parse_error() {
    answered_with_error(&frame(r#"{"jsonrpc": "2.0", "id": 5, "method": "#), -32700);
}

#[test]
fn a_batch_is_an_invalid_request() {
    answered_with_error(&frame(&format!("[{}]", symbols(5))), -32600);
}

#[test]
fn a_float_id_is_an_invalid_request() {
    let body = symbols(5).replace("\"id\":5", "\"id\":5.5");
    assert!(body.contains("5.5"));
    answered_with_error(&frame(&body), -32600);
}

#[test]
fn a_missing_jsonrpc_member_is_an_invalid_request() {
    let body = symbols(5).replace("\"jsonrpc\":\"2.0\",", "");
    assert!(!body.contains("jsonrpc"));
    answered_with_error(&frame(&body), -32600);
}

#[test]
fn a_content_length_too_short_is_a_parse_error_and_the_next_frame_is_read() {
    let body = symbols(5);
    let mut bytes = format!("Content-Length: {}\r\n\r\n{body}", body.len() - 9).into_bytes();
    bytes.extend(frame(&symbols(6)));
    let mut server = start();
    server.send_raw(&bytes);
    let error = server.receive(|m| m.get("error").is_some());
    assert_eq!(error["error"]["code"], -32700);
    assert!(server.receive(|m| m["id"] == 6).get("error").is_none());
    still_serving(server);
}

#[test]
fn a_content_length_too_long_ends_at_the_next_header() {
    let body = symbols(5);
    let mut bytes = format!("Content-Length: {}\r\n\r\n{body}", body.len() + 40).into_bytes();
    bytes.extend(frame(&symbols(6)));
    let mut server = start();
    server.send_raw(&bytes);
    server.receive(|m| m["id"] == 5);
    server.receive(|m| m["id"] == 6);
    still_serving(server);
}

#[test]
fn junk_between_frames_is_one_parse_error() {
    let mut bytes = b"hello\r\nthis is not LSP\r\n\r\n".to_vec();
    bytes.extend(frame(&symbols(6)));
    let mut server = start();
    server.send_raw(&bytes);
    let error = server.receive(|m| m.get("error").is_some());
    assert_eq!(error["error"]["code"], -32700);
    assert!(server.receive(|m| m["id"] == 6).get("error").is_none());
    still_serving(server);
}

#[test]
fn a_lowercase_header_name_is_accepted() {
    let body = symbols(5);
    answered(
        format!("content-length: {}\r\n\r\n{body}", body.len()).as_bytes(),
        5,
    );
}

#[test]
fn a_third_header_and_charset_in_capitals_are_accepted() {
    let body = symbols(5);
    answered(
        format!(
            "Content-Length: {}\r\nContent-Type: application/vscode-jsonrpc; charset=UTF-8\r\nX-Request-Source: test\r\n\r\n{body}",
            body.len()
        )
        .as_bytes(),
        5,
    );
}

#[test]
fn a_byte_order_mark_before_the_body_is_ignored() {
    answered(&frame(&format!("\u{feff}{}", symbols(5))), 5);
}

/// A client's encoder can write half an emoji as `\ud83d`. The text is read
/// with U+FFFD in its place, one UTF-16 unit like the surrogate, so the
/// positions after it stay right.
#[test]
fn a_lone_surrogate_in_a_document_keeps_positions_right() {
    let mut server = start();
    let uri = "file:///tmp/desk/emoji.md";
    let body = r#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/desk/emoji.md","languageId":"markdown","version":1,"text":"The vote \ud83d was close. Critics say it was rigged.\n"}}}"#;
    server.send_raw(&frame(body));
    let published = server
        .receive(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri);
    let diagnostic = &published["params"]["diagnostics"][0];
    assert_eq!(diagnostic["code"], "vague-attribution");
    // "The vote " is 9 units, the surrogate 1, " was close. " 12: "Critics say" starts at 22.
    assert_eq!(
        diagnostic["range"],
        json!({"start": {"line": 0, "character": 22}, "end": {"line": 0, "character": 33}})
    );
    still_serving(server);
}

#[test]
fn every_bad_frame_in_one_stream_is_answered_and_serving_goes_on() {
    let mut bytes = Vec::new();
    bytes.extend(frame("{not json"));
    bytes.extend(frame("[]"));
    bytes.extend(frame(r#"{"jsonrpc":"2.0","id":2.5,"method":"shutdown"}"#));
    bytes.extend(b"Content-Length: many\r\n\r\n{}");
    bytes.extend(frame(r#"{"id":3,"method":"shutdown"}"#));
    bytes.extend(frame(&symbols(9)));
    let mut server = start();
    server.send_raw(&bytes);
    let mut codes = Vec::new();
    loop {
        let message = server.receive(|m| m.get("error").is_some() || m["id"] == 9);
        if message["id"] == 9 {
            break;
        }
        codes.push(message["error"]["code"].as_i64().unwrap_or(0));
    }
    assert_eq!(codes, [-32700, -32600, -32600, -32700, -32600]);
    still_serving(server);
}
