//! Groups named by a person's surname (issue 13): "the Okonjo family" is a
//! family, not a person, while a member the article names stays a person;
//! names joined before a plural place head ("the Kestle and Oller Rivers")
//! are places, while a couple ("Jon and Ada Parks") stays people.
//! Over JSON-RPC (hover, outline) and through `copydesk actors`, on an
//! article of our own.

mod common;

use common::actors::{actors_json, kind_of, people};
use common::{uri, TestClient};

const FAMILY: &str = include_str!("fixtures/actors/family.md");
const COORDINATED: &str = include_str!("fixtures/actors/coordinated-places.md");

#[tokio::test]
async fn a_family_named_by_its_surname_is_no_person_but_its_member_is() {
    let mut client = TestClient::start().await;
    let u = uri("family.md");
    client.open_and_wait(&u, "markdown", FAMILY).await;
    // "the Okonjo family" makes no person "Okonjo" of its own (the named
    // member may take its references); "the Brandt families" names no one.
    for needle in ["Brandt"] {
        let value = client.hover_text(&u, FAMILY, needle).await;
        assert!(
            !matches!(kind_of(&value), "Person" | "Probably"),
            "{needle} is no person: {value}"
        );
    }
    for needle in ["Ada Okonjo", "Petra Lind"] {
        let value = client.hover_text(&u, FAMILY, needle).await;
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
        let value = client.hover_text(&u, COORDINATED, needle).await;
        assert!(
            !matches!(kind_of(&value), "Person" | "Probably"),
            "{needle} is no person: {value}"
        );
    }
    let value = client.hover_text(&u, COORDINATED, "Ada Parks said").await;
    assert!(matches!(kind_of(&value), "Person" | "Probably"), "{value}");
    client.shutdown().await;
}

#[test]
fn the_cli_lists_only_the_named_members_of_a_family() {
    let listed = actors_json("family.md", FAMILY);
    let people = people(&listed);
    assert_eq!(people, ["Ada Okonjo", "Petra Lind"], "{listed}");
}
