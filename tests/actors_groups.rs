//! Groups named by a person's surname (issue 13): "the Okonjo family" is a
//! family, not a person, while a member the article names stays a person;
//! names joined before a plural place head ("the Kestle and Oller Rivers")
//! are places, while a couple ("Jon and Ada Parks") stays people.
//! Over JSON-RPC (hover, outline) and through `copydesk actors`, on an
//! article of our own.

mod common;

use common::{uri, TestClient};
use serde_json::{json, Value};

const FAMILY: &str = include_str!("fixtures/actors/family.md");
const COORDINATED: &str = include_str!("fixtures/actors/coordinated-places.md");

/// The LSP position (UTF-16) of the first occurrence of `needle`.
fn at(u: &str, text: &str, needle: &str) -> Value {
    let at = text.find(needle).expect("needle in text");
    let line = text[..at].matches('\n').count();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let character: usize = text[line_start..at].chars().map(char::len_utf16).sum();
    json!({"textDocument": {"uri": u}, "position": {"line": line, "character": character}})
}

async fn hover(client: &mut TestClient, u: &str, text: &str, needle: &str) -> String {
    let hover = client
        .request("textDocument/hover", at(u, text, needle))
        .await;
    hover["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

/// What a hover says the actor is: the first word of its second paragraph.
fn kind_of(hover: &str) -> &str {
    hover
        .split("\n\n")
        .nth(1)
        .and_then(|p| p.split_whitespace().next())
        .unwrap_or("")
}

#[tokio::test]
async fn a_family_named_by_its_surname_is_no_person_but_its_member_is() {
    let mut client = TestClient::start().await;
    let u = uri("family.md");
    client.open_and_wait(&u, "markdown", FAMILY).await;
    // "the Okonjo family" makes no person "Okonjo" of its own (the named
    // member may take its references); "the Brandt families" names no one.
    for needle in ["Brandt"] {
        let value = hover(&mut client, &u, FAMILY, needle).await;
        assert!(
            !matches!(kind_of(&value), "Person" | "Probably"),
            "{needle} is no person: {value}"
        );
    }
    for needle in ["Ada Okonjo", "Petra Lind"] {
        let value = hover(&mut client, &u, FAMILY, needle).await;
        assert_eq!(kind_of(&value), "Person", "{needle}: {value}");
    }
    let names = client.outline_names(&u).await;
    assert_eq!(names, ["Ada Okonjo", "Petra Lind"], "{names:?}");
    client.shutdown().await;
}

#[tokio::test]
async fn names_joined_before_a_plural_place_head_are_places() {
    let mut client = TestClient::start().await;
    let u = uri("coordinated-places.md");
    client.open_and_wait(&u, "markdown", COORDINATED).await;
    for needle in ["Kestle", "Oller", "Corley", "Fane"] {
        let value = hover(&mut client, &u, COORDINATED, needle).await;
        assert!(
            !matches!(kind_of(&value), "Person" | "Probably"),
            "{needle} is no person: {value}"
        );
    }
    let value = hover(&mut client, &u, COORDINATED, "Ada Parks said").await;
    assert!(matches!(kind_of(&value), "Person" | "Probably"), "{value}");
    client.shutdown().await;
}

#[test]
fn the_cli_lists_only_the_named_members_of_a_family() {
    let dir = std::env::temp_dir().join(format!("copydesk-groups-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("family.md");
    std::fs::write(&path, FAMILY).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["actors", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let people: Vec<&str> = listed["actors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|a| a["kind"] == "person")
        .filter_map(|a| a["name"].as_str())
        .collect();
    assert_eq!(people, ["Ada Okonjo", "Petra Lind"], "{listed}");
}
