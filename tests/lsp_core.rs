//! The server's core over JSON-RPC: initialize, document sync, publication, robustness.

mod common;

use std::time::Duration;

use common::{codes, covered, uri, TestClient};
use serde_json::{json, Value};

/// Clean paragraphs of about `bytes` bytes.
fn filler(bytes: usize) -> String {
    let paragraph =
        "The council met on Monday and approved the budget for the harbour, the mayor said.\n\n";
    paragraph.repeat(bytes / paragraph.len())
}

const STORY: &str = "Harbour plan approved\n\nThe council approved the harbour plan on Monday. Critics say it will cost too much.\n";

#[tokio::test]
async fn initialize_announces_incremental_sync_save_and_utf16_by_default() {
    let (client, result) = TestClient::start_with(json!({}), Value::Null).await;
    assert_eq!(result["serverInfo"]["name"], "copydesk");
    let caps = &result["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(
        caps["textDocumentSync"],
        json!({"openClose": true, "change": 2, "save": {"includeText": false}})
    );
    assert_eq!(
        caps["codeActionProvider"],
        json!({"codeActionKinds": ["quickfix"]})
    );
    client.shutdown().await;
}

/// `initialize` does not wait for the word lists, the name model and the
/// patterns: the server builds them on a thread of its own. A document
/// opened at once, while they may still be built, gets what one opened
/// after them gets.
#[tokio::test]
async fn the_word_lists_are_built_beside_initialize_and_a_first_open_gets_what_a_later_one_does() {
    let (mut client, result) = TestClient::start_with(json!({}), Value::Null).await;
    assert_eq!(result["serverInfo"]["name"], "copydesk");
    let article = include_str!("../examples/harbour-patrol.md");
    let first = client
        .open_and_wait(&uri("first.md"), "markdown", article)
        .await;
    let deadline = std::time::Instant::now() + common::WAIT;
    while !copydesk::analysis::warmed_up() {
        assert!(
            std::time::Instant::now() < deadline,
            "the server never built the word lists"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let later = client
        .open_and_wait(&uri("later.md"), "markdown", article)
        .await;
    assert_ne!(first["diagnostics"], json!([]));
    assert_eq!(
        first["diagnostics"]
            .to_string()
            .replace("first.md", "later.md"),
        later["diagnostics"].to_string()
    );
    client.shutdown().await;
}

#[tokio::test]
async fn utf8_is_used_when_the_client_offers_it() {
    let (client, result) = TestClient::start_with(
        json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}),
        Value::Null,
    )
    .await;
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    client.shutdown().await;
}

#[tokio::test]
async fn diagnostics_on_open_carry_code_source_docs_and_version() {
    let mut client = TestClient::start().await;
    let u = uri("story.md");
    let published = client.open_and_wait(&u, "markdown", STORY).await;
    assert_eq!(
        published,
        json!({
            "uri": u,
            "version": 1,
            "diagnostics": [{
                "range": {"start": {"line": 2, "character": 49}, "end": {"line": 2, "character": 60}},
                "severity": 2,
                "code": "vague-attribution",
                "codeDescription": {"href": "https://github.com/copydesk/copydesk/blob/main/docs/rules/vague-attribution.md"},
                "source": "copydesk",
                "message": "Who says so? \"Critics say\" is a source no reader can check: name it, or describe it and say why it cannot be named."
            }]
        })
    );
    client.shutdown().await;
}

#[tokio::test]
async fn save_publishes_the_edited_text_and_close_clears() {
    let mut client = TestClient::start().await;
    let u = uri("edit.md");
    client.open_and_wait(&u, "markdown", STORY).await;
    // Replace "Critics say" with "The mayor said".
    client
        .change(
            &u,
            2,
            json!([{"range": {"start": {"line": 2, "character": 49}, "end": {"line": 2, "character": 60}}, "text": "The mayor said"}]),
        )
        .await;
    client.save(&u).await;
    let published = client.diagnostics(&u).await;
    assert_eq!(published["version"], 2);
    assert_eq!(codes(&published), Vec::<String>::new());
    client.close(&u).await;
    let cleared = client.diagnostics(&u).await;
    assert_eq!(cleared["diagnostics"], json!([]));
    client.shutdown().await;
}

#[tokio::test]
async fn edits_do_not_publish_when_checking_on_save() {
    let mut client = TestClient::start().await;
    let u = uri("quiet.md");
    client.open_and_wait(&u, "markdown", STORY).await;
    client
        .change(&u, 2, json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "New "}]))
        .await;
    let messages = client.drain(Duration::from_millis(500)).await;
    assert!(
        messages
            .iter()
            .all(|m| m["method"] != "textDocument/publishDiagnostics"),
        "{messages:?}"
    );
    client.shutdown().await;
}

#[tokio::test]
async fn check_on_change_publishes_once_after_the_debounce() {
    let (mut client, _) =
        TestClient::start_with(json!({}), json!({"checkOn": "change", "debounceMs": 100})).await;
    let u = uri("typing.md");
    client.open_and_wait(&u, "markdown", STORY).await;
    for (version, ch) in [(2, "a"), (3, "b"), (4, "c")] {
        client
            .change(&u, version, json!([{"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}, "text": ch}]))
            .await;
    }
    let published = client.diagnostics(&u).await;
    assert_eq!(published["version"], 4);
    let later = client.drain(Duration::from_millis(400)).await;
    assert!(
        later.is_empty(),
        "one publication per burst of typing: {later:?}"
    );
    client.shutdown().await;
}

#[tokio::test]
async fn an_outdated_analysis_is_never_published() {
    let mut client = TestClient::start().await;
    let u = uri("big.md");
    // A long document keeps the open-time analysis busy while the edit arrives.
    let text = filler(2 * 1024 * 1024) + STORY;
    client.open(&u, "markdown", &text).await;
    client
        .change(&u, 2, json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}]))
        .await;
    client.save(&u).await;
    let published = client.diagnostics(&u).await;
    assert_eq!(published["version"], 2);
    let rest = client.drain(Duration::from_millis(300)).await;
    for message in rest {
        assert_ne!(message["params"]["version"], 1, "stale publish: {message}");
    }
    client.shutdown().await;
}

#[tokio::test]
async fn multibyte_text_keeps_ranges_exact() {
    let mut client = TestClient::start().await;
    let u = uri("unicode.txt");
    let text = "Talks 😀 end\r\n\r\n王毅 met e\u{301}lite 🇺🇦 aides. Experts believe the 😀 deal holds.\r\n";
    let published = client.open_and_wait(&u, "plaintext", text).await;
    let diagnostic = &published["diagnostics"][0];
    assert_eq!(covered(text, diagnostic), "Experts believe");
    assert_eq!(
        diagnostic["range"],
        json!({"start": {"line": 2, "character": 26}, "end": {"line": 2, "character": 41}})
    );
    client.shutdown().await;
}

#[tokio::test]
async fn utf8_clients_get_byte_columns() {
    let (mut client, _) = TestClient::start_with(
        json!({"general": {"positionEncodings": ["utf-8"]}}),
        Value::Null,
    )
    .await;
    let u = uri("bytes.txt");
    let text = "Talks end\n\n王毅 said so. Experts believe it.\n";
    let published = client.open_and_wait(&u, "plaintext", text).await;
    let start = text.split('\n').nth(2).unwrap().find("Experts").unwrap();
    assert_eq!(
        published["diagnostics"][0]["range"]["start"],
        json!({"line": 2, "character": start})
    );
    client.shutdown().await;
}

#[tokio::test]
async fn other_languages_are_ignored_quietly() {
    let mut client = TestClient::start().await;
    let u = uri("main.rs");
    client
        .open(&u, "rust", "// Critics say this is fine.\n")
        .await;
    client
        .change(&u, 2, json!([{"text": "// Critics say so.\n"}]))
        .await;
    client.save(&u).await;
    let messages = client.drain(Duration::from_millis(300)).await;
    assert!(messages.is_empty(), "{messages:?}");
    client.shutdown().await;
}

#[tokio::test]
async fn unknown_documents_and_bad_positions_are_logged_not_fatal() {
    let mut client = TestClient::start().await;
    let ghost = uri("ghost.md");
    client
        .change(&ghost, 2, json!([{"text": "Critics say."}]))
        .await;
    let log = client.notification("window/logMessage").await;
    assert_eq!(log["type"], 2);
    assert!(log["message"].as_str().unwrap().contains("not open"));

    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": ghost}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "context": {"diagnostics": []}}),
        )
        .await;
    assert_eq!(actions, Value::Null);

    let u = uri("real.md");
    client.open_and_wait(&u, "markdown", STORY).await;
    client
        .change(&u, 2, json!([{"range": {"start": {"line": 99, "character": 5}, "end": {"line": 120, "character": 0}}, "text": " Observers note more."}]))
        .await;
    let log = client.notification("window/logMessage").await;
    assert!(log["message"].as_str().unwrap().contains("clamped"));
    client.save(&u).await;
    let published = client.diagnostics(&u).await;
    assert_eq!(
        codes(&published),
        vec!["vague-attribution", "vague-attribution"]
    );
    client.shutdown().await;
}

#[tokio::test]
async fn a_huge_document_is_served() {
    let mut client = TestClient::start().await;
    let u = uri("huge.md");
    let text = filler(10 * 1024 * 1024) + STORY;
    let published = client.open_and_wait(&u, "markdown", &text).await;
    let last_line = text.lines().count() - 1;
    assert_eq!(codes(&published), vec!["vague-attribution"]);
    assert_eq!(
        published["diagnostics"][0]["range"]["start"]["line"],
        last_line
    );
    client.shutdown().await;
}
