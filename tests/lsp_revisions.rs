//! Answers are never computed on old text. The server counts every change of
//! a document's text itself; a client's version number may repeat, stay put
//! on a save with text, or start again at 1 after a re-open.

mod common;

use std::time::Duration;

use common::{offset_utf16, position_of, uri, TestClient};
use serde_json::{json, Value};

const FIRST: &str =
    "Foreign Minister Anna Bergnen met the president.\n\nBergnen said the talks went well.\n";
const SECOND: &str =
    "Trade Minister Jonas Kalmar met the president.\n\nKalmar said the talks went well.\n";
const THIRD: &str =
    "Defence Minister Ines Marek met the president.\n\nMarek said the talks went well. Critics say it was late.\n";

/// `text` with a rename's edits applied, checked against the text they are for.
fn renamed(text: &str, edit: &Value, uri: &str) -> String {
    let mut edits: Vec<(usize, usize, String)> = edit["changes"][uri]
        .as_array()
        .unwrap_or_else(|| panic!("edits for {uri}: {edit}"))
        .iter()
        .map(|e| {
            (
                offset_utf16(text, &e["range"]["start"]),
                offset_utf16(text, &e["range"]["end"]),
                e["newText"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, new) in edits {
        out.replace_range(start..end, &new);
    }
    out
}

async fn rename(client: &mut TestClient, u: &str, text: &str, at: &str, to: &str) -> String {
    let mut params = json!({"textDocument": {"uri": u}, "position": position_of(text, at)});
    params["newName"] = json!(to);
    let edit = client.request("textDocument/rename", params).await;
    renamed(text, &edit, u)
}

fn replace_all(text: &str) -> Value {
    json!([{ "text": text }])
}

#[tokio::test]
async fn a_change_that_repeats_a_version_is_not_answered_from_the_old_text() {
    let mut client = TestClient::start().await;
    let u = uri("repeat.md");
    client.open_and_wait(&u, "markdown", FIRST).await;
    client.change(&u, 2, replace_all(SECOND)).await;
    assert!(client
        .outline_names(&u)
        .await
        .contains(&"Jonas Kalmar".to_string()));
    client.change(&u, 2, replace_all(THIRD)).await;
    assert!(client
        .outline_names(&u)
        .await
        .contains(&"Ines Marek".to_string()));
    assert_eq!(
        rename(&mut client, &u, THIRD, "Marek said", "Markova").await,
        THIRD.replace("Marek", "Markova")
    );
    client.save(&u).await;
    let published = client.diagnostics(&u).await;
    assert_eq!(common::codes(&published), ["vague-attribution"]);
    client.shutdown().await;
}

#[tokio::test]
async fn a_save_with_text_replaces_the_text_and_its_analysis() {
    let mut client = TestClient::start().await;
    let u = uri("save-text.md");
    client.open_and_wait(&u, "markdown", FIRST).await;
    assert!(client
        .outline_names(&u)
        .await
        .contains(&"Anna Bergnen".to_string()));
    client
        .notify(
            "textDocument/didSave",
            json!({"textDocument": {"uri": u}, "text": THIRD}),
        )
        .await;
    let published = client.diagnostics(&u).await;
    assert_eq!(common::codes(&published), ["vague-attribution"]);
    assert_eq!(
        common::covered(THIRD, &published["diagnostics"][0]),
        "Critics say"
    );
    assert_eq!(
        rename(&mut client, &u, THIRD, "Ines Marek", "Ines Markova").await,
        THIRD.replace("Marek", "Markova")
    );
    client.shutdown().await;
}

/// A long article, so its analysis is still running when the document is
/// closed and opened again.
fn long_article() -> String {
    let mut text = String::new();
    for i in 0..1500 {
        text.push_str(&format!(
            "Foreign Minister Anna Bergnen{i} met the president. Critics say the visit was late.\n\n"
        ));
    }
    text
}

#[tokio::test]
async fn a_reopen_at_version_one_never_gets_the_old_texts_analysis() {
    let mut client = TestClient::start().await;
    let u = uri("reopen.md");
    let long = long_article();
    client.open(&u, "markdown", &long).await;
    // A request whose answer is not awaited: the analysis has started when
    // the close arrives.
    client
        .send(
            json!({"jsonrpc": "2.0", "id": 900, "method": "textDocument/hover", "params": {
            "textDocument": {"uri": u}, "position": position_of(&long, "Bergnen7 met")}}),
        )
        .await;
    client.close(&u).await;
    client.open(&u, "markdown", THIRD).await;
    // The hover's answer comes once the old text's analysis is over.
    client.response(900).await;
    let messages = client.drain(Duration::from_millis(300)).await;
    // Every publication from here on (the close's empty one aside) is for THIRD.
    let lines = THIRD.lines().count() as u64;
    let mut seen = 0;
    for message in messages {
        if message["method"] != "textDocument/publishDiagnostics" || message["params"]["uri"] != u {
            continue;
        }
        let diagnostics = message["params"]["diagnostics"].as_array().cloned();
        let diagnostics = diagnostics.unwrap_or_default();
        if message["params"]["version"] == 1 {
            seen += 1;
            assert!(diagnostics.len() <= 2, "{} diagnostics", diagnostics.len());
            for d in &diagnostics {
                assert!(d["range"]["end"]["line"].as_u64().unwrap_or(0) < lines);
            }
        }
    }
    if seen == 0 {
        let published = client.diagnostics(&u).await;
        assert_eq!(common::codes(&published), ["vague-attribution"]);
    }
    assert_eq!(
        rename(&mut client, &u, THIRD, "Marek said", "Markova").await,
        THIRD.replace("Marek", "Markova")
    );
    client.shutdown().await;
}
