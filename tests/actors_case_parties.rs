//! The parties of court cases (issue 13's coverage): a one-word party
//! ("Pellow v. Dunmore") is probably a person, one per name across the
//! cases that name it, and no one else the story names, however alike.
//! Over JSON-RPC (hover and references), on an article of our own.

mod common;

use common::actors::kind_of;
use common::{uri, TestClient};

const TEXT: &str = include_str!("fixtures/actors/case-parties.md");

#[tokio::test]
async fn case_parties_are_people_of_their_own() {
    let mut client = TestClient::start().await;
    let u = uri("case-parties.md");
    client.open_and_wait(&u, "markdown", TEXT).await;
    // Both cases name one Pellow.
    let pellow = client.hover_text(&u, TEXT, "Pellow v.").await;
    assert!(pellow.starts_with("**Pellow**"), "{pellow}");
    assert!(
        matches!(kind_of(&pellow), "Person" | "Probably"),
        "{pellow}"
    );
    let refs = client.references_at(&u, TEXT, "Pellow v.").await;
    assert_eq!(refs.len(), 2, "{refs:?}");
    // The party Dunmore is not the judge of that name, nor she the party.
    let party = client.hover_text(&u, TEXT, "Dunmore and").await;
    assert!(party.starts_with("**Dunmore**"), "{party}");
    let judge = client.references_at(&u, TEXT, "Ines Dunmore").await;
    assert_eq!(judge.len(), 1, "{judge:?}");
    // A case's first party after "in" or "at" is a party, not a place;
    // a place after "from" or "in" with no case stays no one.
    for needle in ["Marbury v.", "Corran versus"] {
        let party = client.hover_text(&u, TEXT, needle).await;
        let name = needle.split(' ').next().unwrap_or_default();
        assert!(
            party.starts_with(&format!("**{name}**")),
            "{needle}: {party}"
        );
    }
    for needle in ["Kelso", "Ardley"] {
        let place = client.hover_text(&u, TEXT, needle).await;
        assert!(
            !place.to_lowercase().contains("person"),
            "{needle}: {place}"
        );
    }
    client.shutdown().await;
}
