//! Names the shape of the text decides (issue 13). A storm's name after the word that
//! leads it ("Cyclone Maralda"), then written alone or with the initials of
//! its class ("T C Maralda"), is no one, while a person who shares the word
//! as a given name stays a person. Over JSON-RPC (hover, references,
//! outline), on an article of our own. Authors cited by name and year are
//! probably people, each their own.

mod common;

use common::{position_of, uri, TestClient};
use serde_json::json;

const STORMS: &str = include_str!("fixtures/actors/storms.md");

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
        let value = client.hover_text(&u, STORMS, needle).await;
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
        let value = client.hover_text(&u, STORMS, needle).await;
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

const CITATIONS: &str = include_str!("fixtures/actors/citations.md");

/// Authors cited by name and year ("Lindqvist (1998)", "(Pettigrew &
/// Okafor, 2014)") are probably people, each their own; a month, an
/// acronym before a year stay no one.
#[tokio::test]
async fn authors_cited_by_year_are_probably_people_and_stay_apart() {
    let mut client = TestClient::start().await;
    let u = uri("citations.md");
    client.open_and_wait(&u, "markdown", CITATIONS).await;
    let hover_of = |needle: &'static str| json!({"textDocument": {"uri": u}, "position": position_of(CITATIONS, needle)});
    for (needle, name) in [
        ("Okafor (2014)", "Okafor"),
        ("Lindqvist (1998)", "Lindqvist"),
        ("Marrow and", "Marrow"),
        ("Tessaro (2005)", "Tessaro"),
        ("Keel, &", "Keel"),
    ] {
        let hover = client.request("textDocument/hover", hover_of(needle)).await;
        let value = hover["contents"]["value"].as_str().unwrap_or("");
        assert!(
            value.starts_with(&format!("**{name}**")) && value.to_lowercase().contains("person"),
            "{needle}: {value}"
        );
    }
    for needle in ["OECD", "March 2019"] {
        let hover = client.request("textDocument/hover", hover_of(needle)).await;
        let value = hover["contents"]["value"].as_str().unwrap_or("");
        assert!(
            !value.to_lowercase().contains("person"),
            "{needle}: {value}"
        );
    }
    let references = |needle: &'static str| {
        json!({
            "textDocument": {"uri": u},
            "position": position_of(CITATIONS, needle),
            "context": {"includeDeclaration": true}
        })
    };
    let lindqvist = client
        .request("textDocument/references", references("Lindqvist called"))
        .await;
    assert_eq!(lindqvist.as_array().map_or(0, Vec::len), 2, "{lindqvist}");
    let marrow = client
        .request("textDocument/references", references("Marrow and"))
        .await;
    assert_eq!(marrow.as_array().map_or(0, Vec::len), 1, "{marrow}");
    let outline = client.outline_names(&u).await;
    for name in ["Okafor", "Lindqvist", "Marrow", "Tessaro"] {
        assert!(outline.iter().any(|n| n == name), "{name}: {outline:?}");
    }
    client.shutdown().await;
}

const BARE_CITATIONS: &str = include_str!("fixtures/actors/citations_bare.md");

/// Authors cited with a bare year in brackets ("(Vintner 2016)", "(Ostrova
/// & Rusk 2018)") are probably people too; a cited surname is not the
/// person named in full in another paragraph ("Haldane Rusk"), who keeps
/// their later references, but is the one named in full beside the
/// citation ("Mirela Costa's survey … (Costa 2019)"). An acronym before a
/// year stays no one. So are authors cited by a reference's number after
/// co-authors ("Lancing and colleagues [12]"), but not words joined by a
/// bare "and" ("Park and Ride [3]").
#[tokio::test]
async fn authors_cited_with_a_bare_year_are_people_apart_from_the_story_s() {
    let mut client = TestClient::start().await;
    let u = uri("citations-bare.md");
    client.open_and_wait(&u, "markdown", BARE_CITATIONS).await;
    for (needle, name) in [
        ("Vintner 2016", "Vintner"),
        ("Ostrova &", "Ostrova"),
        ("Rusk 2018", "Rusk"),
        ("Pellam 2020", "Pellam"),
        ("Costa 2019", "Mirela Costa"),
        ("Rusk said", "Haldane Rusk"),
        ("Lancing and", "Lancing"),
    ] {
        let value = client.hover_text(&u, BARE_CITATIONS, needle).await;
        assert_eq!(
            value.lines().next(),
            Some(format!("**{name}**").as_str()),
            "{needle}: {value}"
        );
    }
    for needle in ["OECD", "Park and", "Ride [3]"] {
        let value = client.hover_text(&u, BARE_CITATIONS, needle).await;
        assert!(
            !value.to_lowercase().contains("person"),
            "{needle}: {value}"
        );
    }
    let rusk = client
        .references_at(&u, BARE_CITATIONS, "Haldane Rusk")
        .await;
    assert_eq!(rusk.len(), 2, "{rusk:?}");
    let outline = client.outline_names(&u).await;
    for name in ["Vintner", "Ostrova", "Rusk", "Pellam", "Haldane Rusk"] {
        assert!(outline.iter().any(|n| n == name), "{name}: {outline:?}");
    }
    client.shutdown().await;
}
