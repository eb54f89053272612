use super::*;
use serde_json::json;

fn frame(body: &str) -> String {
    format!("Content-Length: {}\r\n\r\n{body}", body.len())
}

/// Every frame the bytes make, pushed at once and then byte by byte: both
/// must give the same frames.
fn frames(bytes: &[u8]) -> Vec<Frame> {
    let mut whole = FrameReader::default();
    whole.push(bytes);
    let mut at_once = Vec::new();
    while let Some(f) = whole.next() {
        at_once.push(f);
    }
    let mut single = FrameReader::default();
    let mut one_by_one = Vec::new();
    for b in bytes {
        single.push(std::slice::from_ref(b));
        while let Some(f) = single.next() {
            one_by_one.push(f);
        }
    }
    assert_eq!(at_once, one_by_one, "pushed at once vs. byte by byte");
    at_once
}

fn messages(frames: &[Frame]) -> Vec<&Value> {
    frames
        .iter()
        .filter_map(|f| match f {
            Frame::Message(v) => Some(v),
            Frame::Broken(_) => None,
        })
        .collect()
}

fn broken(frames: &[Frame]) -> usize {
    frames
        .iter()
        .filter(|f| matches!(f, Frame::Broken(_)))
        .count()
}

const GOOD: &str = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;

#[test]
fn frames_back_to_back_and_between_line_breaks() {
    let bytes = format!("{}\r\n{}", frame(r#"{"a":1}"#), frame(GOOD));
    let got = frames(bytes.as_bytes());
    assert_eq!(
        messages(&got),
        [
            &json!({"a": 1}),
            &serde_json::from_str::<Value>(GOOD).unwrap()
        ]
    );
    assert_eq!(broken(&got), 0);
}

#[test]
fn header_names_in_any_case_and_unknown_headers_are_accepted() {
    let bytes = format!(
        "content-length: {}\r\nContent-Type: application/vscode-jsonrpc; charset=UTF-8\r\nX-Trace: 1\r\n\r\n{GOOD}",
        GOOD.len()
    );
    let got = frames(bytes.as_bytes());
    assert_eq!(messages(&got).len(), 1);
    assert_eq!(broken(&got), 0);
    let bytes = format!("CONTENT-LENGTH:{}\n\n{GOOD}", GOOD.len());
    assert_eq!(messages(&frames(bytes.as_bytes())).len(), 1);
}

#[test]
fn bad_json_is_one_broken_frame_and_the_next_frame_is_read() {
    let bytes = format!("{}{}", frame("{\"jsonrpc\": \"2.0\", "), frame(GOOD));
    let got = frames(bytes.as_bytes());
    assert_eq!(broken(&got), 1);
    assert_eq!(messages(&got).len(), 1);
}

#[test]
fn a_content_length_too_short_costs_that_message_only() {
    let bytes = format!(
        "Content-Length: 10\r\n\r\n{GOOD}{}",
        frame(r#"{"after":true}"#)
    );
    let got = frames(bytes.as_bytes());
    assert_eq!(messages(&got), [&json!({"after": true})], "{got:?}");
    assert_eq!(broken(&got), 1);
}

#[test]
fn a_content_length_too_long_is_cut_at_the_next_header() {
    let bytes = format!(
        "Content-Length: {}\r\n\r\n{GOOD}{}",
        GOOD.len() + 30,
        frame(r#"{"after":true}"#)
    );
    let got = frames(bytes.as_bytes());
    assert_eq!(messages(&got).len(), 2, "{got:?}");
    assert_eq!(messages(&got)[1], &json!({"after": true}));
    // Also when the stream stops there: the next header ends the wait.
    let bytes = format!("Content-Length: 9999\r\n\r\n{GOOD}{}", frame("{}"));
    assert_eq!(messages(&frames(bytes.as_bytes())).len(), 2);
}

#[test]
fn a_body_that_quotes_the_header_is_read_whole() {
    let body = json!({"text": "}\r\nContent-Length: 5\r\n\r\n{}"}).to_string();
    let got = frames(frame(&body).as_bytes());
    assert_eq!(messages(&got).len(), 1);
    assert_eq!(broken(&got), 0);
}

#[test]
fn junk_before_a_header_is_skipped_with_one_error() {
    let bytes = format!("garbage without a colon\r\nmore junk{}", frame(GOOD));
    let got = frames(bytes.as_bytes());
    assert_eq!(broken(&got), 1, "{got:?}");
    assert_eq!(messages(&got).len(), 1);
}

#[test]
fn headers_that_cannot_be_read_resynchronise() {
    for bad in [
        "Content-Length: ten\r\n\r\n{}",
        "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
        "Content-Type: x\r\n\r\n{}",
    ] {
        let bytes = format!("{bad}{}", frame(GOOD));
        let got = frames(bytes.as_bytes());
        assert_eq!(broken(&got), 1, "{bad:?}: {got:?}");
        assert_eq!(messages(&got).len(), 1, "{bad:?}");
    }
}

#[test]
fn an_oversized_body_is_skipped_unbuffered() {
    let mut reader = FrameReader::default();
    reader.push(format!("Content-Length: {}\r\n\r\n", MAX_BODY + 10).as_bytes());
    assert!(matches!(reader.next(), Some(Frame::Broken(_))));
    let chunk = vec![b'x'; 1 << 20];
    for _ in 0..64 {
        reader.push(&chunk);
        assert!(reader.next().is_none());
        assert_eq!(reader.buffered(), 0);
    }
    reader.push(&[b'x'; 10]);
    reader.push(frame(GOOD).as_bytes());
    assert!(matches!(reader.next(), Some(Frame::Message(_))));
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let body = format!("\u{feff}{GOOD}");
    let bytes = format!("\u{feff}{}", frame(&body));
    let got = frames(bytes.as_bytes());
    assert_eq!(messages(&got).len(), 1, "{got:?}");
}

#[test]
fn a_lone_surrogate_reads_as_a_replacement_character() {
    let got = frames(frame(r#"{"t":"a\ud83d b \udc00 \ud83d\ude00 \\ud83d"}"#).as_bytes());
    assert_eq!(
        messages(&got),
        [&json!({"t": "a\u{fffd} b \u{fffd} 😀 \\ud83d"})]
    );
}

#[test]
fn messages_are_sorted_into_requests_responses_and_invalid_ones() {
    let sort = |v: Value| classify(v);
    assert!(matches!(
        sort(json!({"jsonrpc": "2.0", "id": 1, "method": "shutdown"})),
        Incoming::Request(_)
    ));
    assert!(matches!(
        sort(json!({"jsonrpc": "2.0", "method": "exit", "params": null})),
        Incoming::Request(_)
    ));
    assert!(matches!(
        sort(json!({"jsonrpc": "2.0", "id": 3, "result": null})),
        Incoming::Response(_)
    ));
    for invalid in [
        json!([{"jsonrpc": "2.0", "method": "exit"}]),
        json!({"jsonrpc": "2.0", "id": 1.5, "method": "shutdown"}),
        json!({"id": 1, "method": "shutdown"}),
        json!({"jsonrpc": "1.0", "id": 1, "method": "shutdown"}),
        json!({"jsonrpc": "2.0", "id": 1, "method": 7}),
        json!({"jsonrpc": "2.0", "method": "x", "params": 3}),
        json!({"jsonrpc": "2.0", "id": 1}),
        json!("text"),
    ] {
        match sort(invalid.clone()) {
            Incoming::Invalid(e) => assert_eq!(e.code, ErrorCode::InvalidRequest, "{invalid}"),
            other => panic!("{invalid} read as {other:?}"),
        }
    }
}
