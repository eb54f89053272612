//! Names a sentence uses as things' names (issue 13's phantom people): a
//! name between an article and a noun, a work owned by a person's name, a
//! name inside a quoted title, a name in a list of dated works. Over JSON-RPC (hover) and through
//! `copydesk actors`, on an article of our own, with the people who must
//! stay people.

mod common;

use common::actors::{actors_json, kind_of, people};
use common::{uri, TestClient};

const THINGS: &str = include_str!("fixtures/actors/things-named.md");

/// Words of the fixture that name things, never people.
const NO_ONE: [&str; 7] = [
    "Galt",
    "Pryce",
    "Ulysses",
    "Notebooks",
    "Rain Over",
    "Father",
    "Anna of",
];

#[tokio::test]
async fn modifiers_owned_works_and_quoted_titles_hover_as_no_person() {
    let mut client = TestClient::start().await;
    let u = uri("things-named.md");
    client.open_and_wait(&u, "markdown", THINGS).await;
    for needle in NO_ONE {
        let value = client.hover_text(&u, THINGS, needle).await;
        assert!(
            !matches!(kind_of(&value), "Person" | "Probably"),
            "{needle} is no person: {value}"
        );
    }
    // A person the article names still takes the name used as a modifier.
    let value = client.hover_text(&u, THINGS, "Tolliver review").await;
    assert!(value.starts_with("**Ada Tolliver**"), "{value}");
    // A party's possessive owns no work: its member stays a person.
    let value = client.hover_text(&u, THINGS, "Whitlock").await;
    assert_eq!(kind_of(&value), "Person", "{value}");
    // The end of a listed place's name is no one's given name: only the
    // general's own "Antonio" refers to him, not the city's.
    let refs = client
        .references_at(&u, THINGS, "General Antonio Reyes")
        .await;
    let columns: Vec<u64> = refs
        .iter()
        .filter_map(|r| r["range"]["start"]["character"].as_u64())
        .collect();
    let city = THINGS.lines().last().unwrap_or("").find("San Antonio");
    let city = city.map(|c| (c + "San ".len()) as u64);
    assert_eq!(columns.len(), 2, "{refs:?}");
    assert!(!columns.iter().any(|&c| Some(c) == city), "{refs:?}");
    client.shutdown().await;
}

#[test]
fn the_cli_lists_the_people_and_none_of_the_things() {
    let listed = actors_json("things-named.md", THINGS);
    let mut names = people(&listed);
    names.sort_unstable();
    assert_eq!(
        names,
        ["Ada Tolliver", "Antonio Reyes", "Mina Okafor", "Whitlock"]
    );
}

const READING_LIST: &str = include_str!("fixtures/actors/reading-list.md");

/// A reading list's "Family, Given." names make no person of the given
/// name, and the family name is probably a person's ("Lind, Petra and
/// Moss, Alan."), as a cited author's is; a name greeted after a comma
/// ("Thanks, Mark") stays a person.
#[tokio::test]
async fn a_given_name_after_a_listed_family_name_is_no_one_of_its_own() {
    let mut client = TestClient::start().await;
    let u = uri("reading-list.md");
    client.open_and_wait(&u, "markdown", READING_LIST).await;
    for needle in ["Petra", "Hamish"] {
        let value = client.hover_text(&u, READING_LIST, needle).await;
        assert!(
            !matches!(kind_of(&value), "Person" | "Probably"),
            "{needle} is no person of its own: {value}"
        );
    }
    let value = client.hover_text(&u, READING_LIST, "Mark").await;
    assert_eq!(kind_of(&value), "Person", "{value}");
    for needle in ["Lind", "Moss"] {
        let value = client.hover_text(&u, READING_LIST, needle).await;
        assert!(value.starts_with(&format!("**{needle}**")), "{value}");
        assert!(
            matches!(kind_of(&value), "Person" | "Probably"),
            "{needle} is a person: {value}"
        );
    }
    client.shutdown().await;
}

const DATED_WORKS: &str = include_str!("fixtures/actors/dated-works.md");

/// A name dated in brackets in a list of works dated so, where another
/// opens with an article, is a work's; authors cited by year in a list of
/// their own stay people.
#[tokio::test]
async fn a_name_in_a_list_of_dated_works_is_no_person() {
    let mut client = TestClient::start().await;
    let u = uri("dated-works.md");
    client.open_and_wait(&u, "markdown", DATED_WORKS).await;
    for needle in ["Harlan", "Bellwether"] {
        let value = client.hover_text(&u, DATED_WORKS, needle).await;
        assert!(
            !matches!(kind_of(&value), "Person" | "Probably"),
            "{needle} is no person: {value}"
        );
    }
    for needle in ["Corran Ashby", "Varga", "Okafor"] {
        let value = client.hover_text(&u, DATED_WORKS, needle).await;
        assert!(
            matches!(kind_of(&value), "Person" | "Probably"),
            "{needle} is a person: {value}"
        );
    }
    client.shutdown().await;
}
