//! Names a sentence talks about as names (issue 13's phantom people): a
//! quoted name after a noun for a name, a quoted name with an appositive
//! that calls it a name, and the old and new forms of a renamed name are
//! no one's references. Over JSON-RPC (references and hover), on an
//! article of our own.

mod common;

use common::actors::kind_of;
use common::{uri, TestClient};
use serde_json::Value;

const TEXT: &str = include_str!("fixtures/actors/names-as-names.md");

/// The text a reference's range covers (the fixture is ASCII).
fn covered<'t>(text: &'t str, reference: &Value) -> &'t str {
    let range = &reference["range"];
    let line = range["start"]["line"].as_u64().unwrap_or(0) as usize;
    let start = range["start"]["character"].as_u64().unwrap_or(0) as usize;
    let end = range["end"]["character"].as_u64().unwrap_or(0) as usize;
    let line = text.lines().nth(line).unwrap_or("");
    line.get(start..end).unwrap_or("")
}

#[tokio::test]
async fn names_talked_about_as_names_refer_to_no_one() {
    let mut client = TestClient::start().await;
    let u = uri("names-as-names.md");
    client.open_and_wait(&u, "markdown", TEXT).await;
    let refs = client.references_at(&u, TEXT, "Delia Marchetti").await;
    let texts: Vec<&str> = refs.iter().map(|r| covered(TEXT, r)).collect();
    // The host, then the surname that speaks: not the quoted stage name,
    // the old and new first names or the quoted surname.
    assert_eq!(texts, ["Delia Marchetti", "Marchetti"], "{refs:?}");
    for needle in ["Cordelia", "Dee", "Pargeter"] {
        let value = client.hover_text(&u, TEXT, needle).await;
        assert!(
            !matches!(kind_of(&value), "Person" | "Probably"),
            "{needle} is a name, no one: {value}"
        );
    }
    client.shutdown().await;
}
