//! The attribution rules end to end, over JSON-RPC: diagnostics on fixture
//! articles (snapshots), the cases that must stay quiet, and the "Add a
//! source" quick fix.

mod common;

use common::{covered, uri, TestClient};
use serde_json::{json, Value};

const CLAIMS: &str = include_str!("fixtures/attribution/claims.md");
const QUIET: &str = include_str!("fixtures/attribution/quiet.md");
const VAGUE: &str = include_str!("fixtures/attribution/vague.txt");
const QUOTES: &str = include_str!("fixtures/attribution/quotes.md");

/// What a reader of the diagnostics sees: the code, severity, the text the
/// range covers (so positions are checked to the character) and the message.
fn readable(text: &str, published: &Value) -> Vec<Value> {
    published["diagnostics"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|d| {
                    json!({
                        "code": d["code"],
                        "severity": d["severity"],
                        "range": d["range"],
                        "covers": covered(text, d),
                        "message": d["message"],
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

async fn diagnostics_of(name: &str, language: &str, text: &str) -> Value {
    let mut client = TestClient::start().await;
    let published = client.open_and_wait(&uri(name), language, text).await;
    client.shutdown().await;
    published
}

#[tokio::test]
async fn claims_with_no_source_are_flagged_on_their_cue() {
    let published = diagnostics_of("claims.md", "markdown", CLAIMS).await;
    insta::assert_json_snapshot!(readable(CLAIMS, &published));
}

#[tokio::test]
async fn sourced_copy_headlines_quotations_and_plain_facts_stay_quiet() {
    let published = diagnostics_of("quiet.md", "markdown", QUIET).await;
    assert_eq!(published["diagnostics"], json!([]));
}

#[tokio::test]
async fn vague_sources_in_plain_text_with_crlf_emoji_and_combining_marks() {
    let published = diagnostics_of("vague.txt", "plaintext", VAGUE).await;
    insta::assert_json_snapshot!(readable(VAGUE, &published));
}

#[tokio::test]
async fn quotations_with_no_speaker_and_scare_quotes() {
    let published = diagnostics_of("quotes.md", "markdown", QUOTES).await;
    insta::assert_json_snapshot!(readable(QUOTES, &published));
}

#[tokio::test]
async fn add_a_source_ends_the_claim_s_clause_with_tk_and_quiets_the_claim() {
    let mut client = TestClient::start().await;
    let u = uri("fix.md");
    let text = "# Tallinn talks\n\nEstonian Prime Minister Liis Tamm is also expected to discuss the cable attacks during her visit to Helsinki this week, after hosting Anders Berg in Tallinn.\n";
    let published = client.open_and_wait(&u, "markdown", text).await;
    let diagnostic = published["diagnostics"][0].clone();
    assert_eq!(diagnostic["code"], "unattributed-claim");
    assert_eq!(covered(text, &diagnostic), "is also expected to");
    assert_eq!(
        diagnostic["message"],
        "Expected by whom? This expectation has no source."
    );

    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": u}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}}),
        )
        .await;
    let edit = json!({
        "range": {"start": {"line": 2, "character": 118}, "end": {"line": 2, "character": 118}},
        "newText": ", according to TK"
    });
    assert_eq!(
        actions[0],
        json!({
            "title": "Add a source",
            "kind": "quickfix",
            "diagnostics": [diagnostic],
            "edit": {"changes": {u.clone(): [edit]}},
            "isPreferred": true
        })
    );

    // The editor applies the edit: the claim now has a source, to be filled in.
    client
        .change(
            &u,
            2,
            json!([{"range": edit["range"], "text": edit["newText"]}]),
        )
        .await;
    client.save(&u).await;
    let after = client.diagnostics(&u).await;
    assert_eq!(after["diagnostics"], json!([]));
    client.shutdown().await;
}

/// `copydesk check` on a one-line plain-text file: a sentence alone is copy,
/// not a headline, and is checked.
#[test]
fn a_single_sentence_in_a_text_file_is_checked_by_the_cli() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("one-line");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    std::fs::write(dir.join("a.txt"), "Critics say the plan will fail.\n").expect("written");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "a.txt"])
        .current_dir(&dir)
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("warning[vague-attribution]"), "{stdout}");
}
