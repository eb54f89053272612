//! Events named like people (issue 13): a storm's name after the word that
//! leads it ("Cyclone Maralda"), then written alone or with the initials of
//! its class ("T C Maralda"), is no one, while a person who shares the word
//! as a given name stays a person. Over JSON-RPC (hover, references,
//! outline), on an article of our own.

mod common;

use common::{position_of, uri, TestClient};
use serde_json::json;

const STORMS: &str = include_str!("fixtures/actors/storms.md");

fn at(u: &str, needle: &str) -> serde_json::Value {
    json!({"textDocument": {"uri": u}, "position": position_of(STORMS, needle)})
}

async fn hover(client: &mut TestClient, u: &str, needle: &str) -> String {
    let hover = client.request("textDocument/hover", at(u, needle)).await;
    hover["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

#[tokio::test]
async fn a_storm_named_after_its_lead_is_no_one_in_any_form() {
    let mut client = TestClient::start().await;
    let u = uri("storms.md");
    client.open_and_wait(&u, "markdown", STORMS).await;
    for needle in [
        "T C Maralda",
        "Maralda to weaken",
        "Maralda is the",
        "Odile missed",
    ] {
        let value = hover(&mut client, &u, needle).await;
        assert!(
            !value.contains("Person") && !value.contains("person"),
            "{needle} is no person: {value}"
        );
    }
    let outline = client.outline_names(&u).await;
    assert!(
        outline.iter().all(|n| !n.contains("Maralda")),
        "{outline:?}"
    );
    // The people stay people, and keep their later references.
    for (needle, name) in [
        ("Priya Anand", "Priya Anand"),
        ("Odile Brandt", "Odile Brandt"),
    ] {
        let value = hover(&mut client, &u, needle).await;
        assert!(value.contains(name), "{needle}: {value}");
        assert!(outline.iter().any(|n| n == name), "{name}: {outline:?}");
    }
    let refs = client
        .request(
            "textDocument/references",
            json!({
                "textDocument": {"uri": u},
                "position": position_of(STORMS, "Brandt said"),
                "context": {"includeDeclaration": true}
            }),
        )
        .await;
    assert_eq!(refs.as_array().map_or(0, Vec::len), 2, "{refs}");
    client.shutdown().await;
}
