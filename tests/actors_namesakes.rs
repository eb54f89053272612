//! A surname that names a group or a term after a person ("the Vance
//! campaign", "the Okonjo family") is no reference to them (issue 13): the
//! hover says whom it is named for, but it is not among their references,
//! and it does not introduce them before their full name. A possessive
//! ("Okonjo's farm") and a name with a title stay references. Over JSON-RPC
//! (hover, references, diagnostics), on an article of our own.

mod common;

use common::{uri, TestClient};
use serde_json::Value;

const ARTICLE: &str = "\
The Vance campaign opened an office on Mill Street on Monday.

Tom Vance, a former teacher, is running for mayor of Harlow. Vance said \
the office would stay open until the election.

The Okonjo family has farmed the valley for a century. Ada Okonjo, who \
runs the farm, said the harvest was late. Okonjo's farm employs twelve \
people, and Mayor Vance visited it in June.
";

fn codes(diagnostics: &Value) -> Vec<String> {
    diagnostics["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["code"].as_str().map(str::to_string))
        .collect()
}

#[tokio::test]
async fn a_group_named_for_a_person_is_no_reference_to_them() {
    let mut client = TestClient::start().await;
    let u = uri("namesakes.md");
    let diagnostics = client.open_and_wait(&u, "markdown", ARTICLE).await;
    // Neither group introduces its person ahead of the full name.
    let codes = codes(&diagnostics);
    assert!(!codes.iter().any(|c| c == "late-introduction"), "{codes:?}");
    let campaign = client.hover_text(&u, ARTICLE, "Vance campaign").await;
    assert!(
        campaign.starts_with("*Vance campaign*: named for Tom Vance"),
        "{campaign}"
    );
    let family = client.hover_text(&u, ARTICLE, "Okonjo family").await;
    assert!(
        family.starts_with("*Okonjo family*: named for Ada Okonjo"),
        "{family}"
    );
    // Tom Vance: the full name, "Vance said" and "Mayor Vance"; not the
    // campaign.
    assert_eq!(
        client.references_at(&u, ARTICLE, "Tom Vance").await.len(),
        3
    );
    // Ada Okonjo: the full name and the possessive; not the family.
    assert_eq!(
        client.references_at(&u, ARTICLE, "Ada Okonjo").await.len(),
        2
    );
    let ada = client.hover_text(&u, ARTICLE, "Okonjo's farm").await;
    assert!(ada.starts_with("**Ada Okonjo**"), "{ada}");
    client.shutdown().await;
}
