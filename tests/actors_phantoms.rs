//! Capitalised words that are no one's name (issue 13), through the real
//! entry points, on an article of our own: a word with a digit in it
//! ("Sept14"); a letter alone ("M = 6.2"); a title word before a word that
//! ends places' names, which names a street, not an officer ("Governor
//! Ave"); a place ending in such a word ("Tamsin Junction"), or listed
//! beside such places, which the tagger reads from the other items of the
//! list ("Marden Ridge"); and a body's name ending in a word that ends
//! bodies' names ("Harbour Science Collaboration").

mod common;

use common::actors::{actors_json, kind_of, people};
use common::{uri, TestClient};

const TEXT: &str = include_str!("fixtures/actors/streets-and-codes.md");

const NO_ONE: [&str; 8] = [
    "Sept14",
    "M",
    "Governor Ave",
    "Bishop Ave",
    "Commodore Blvd",
    "Tamsin Junction",
    "Carrow Springs",
    "Marden Ridge",
];

#[tokio::test]
async fn dates_streets_and_bodies_are_no_one() {
    let mut client = TestClient::start().await;
    let u = uri("streets-and-codes.md");
    client.open_and_wait(&u, "markdown", TEXT).await;
    for needle in NO_ONE
        .iter()
        .filter(|&&n| n != "M")
        .chain(&["M =", "M also"])
    {
        let value = client.hover_text(&u, TEXT, needle).await;
        assert!(
            !matches!(kind_of(&value), "Person" | "Probably"),
            "{needle} is no person: {value}"
        );
    }
    let value = client.hover_text(&u, TEXT, "Harbour Science").await;
    assert!(
        value.starts_with("**Harbour Science Collaboration**")
            && !matches!(kind_of(&value), "Person" | "Probably"),
        "{value}"
    );
    // The people of the story are still found.
    let value = client.hover_text(&u, TEXT, "Lisa Farrow").await;
    assert_eq!(value.lines().next(), Some("**Lisa Farrow** — Mayor"));
    client.shutdown().await;
}

#[test]
fn the_cli_lists_only_the_people_of_the_story() {
    let listed = actors_json("streets-and-codes.md", TEXT);
    assert_eq!(people(&listed), ["Lisa Farrow"], "{listed}");
    for actor in listed["actors"].as_array().into_iter().flatten() {
        let name = actor["name"].as_str().unwrap_or("");
        assert!(!NO_ONE.contains(&name), "{name} listed: {listed}");
    }
}
