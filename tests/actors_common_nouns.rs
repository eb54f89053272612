//! A single name used as a common noun is a thing or a kind named after
//! someone, not a reference to them (issue 13): after an indefinite
//! determiner ("a Kerrigan", "an Ashworth"), or a surname after a
//! possessive determiner ("my Kerrigan was too sweet"). It counts as none
//! of the person's references, and introduces no one when no one of that
//! name is in the story. A given name after a possessive ("my Tess") stays
//! a reference. Over JSON-RPC (hover, references, outline), on an article
//! of our own.

mod common;

use common::{uri, TestClient};

const ARTICLE: &str = "\
Senator Dana Kerrigan visited the Quay Bar in Harlow on Friday, where the \
barman has named a cocktail after her.

\"I'll have a Kerrigan,\" one regular told the barman. \"My Kerrigan was \
too sweet,\" said another, who ordered an Ashworth instead.

Kerrigan said she was flattered. Her aide, Tess Morley, said my Tess \
would never drink one.
";

#[tokio::test]
async fn a_name_used_as_a_common_noun_is_no_reference() {
    let mut client = TestClient::start().await;
    let u = uri("common_nouns.md");
    client.open_and_wait(&u, "markdown", ARTICLE).await;
    let drink = client.hover_text(&u, ARTICLE, "Kerrigan,\"").await;
    assert!(
        drink.starts_with("*a Kerrigan*: named for Dana Kerrigan"),
        "{drink}"
    );
    let mine = client.hover_text(&u, ARTICLE, "Kerrigan was").await;
    assert!(
        mine.starts_with("*My Kerrigan*: named for Dana Kerrigan"),
        "{mine}"
    );
    // Dana Kerrigan: the full name and "Kerrigan said"; not the drinks.
    assert_eq!(
        client
            .references_at(&u, ARTICLE, "Dana Kerrigan")
            .await
            .len(),
        2
    );
    // "an Ashworth" introduces no one.
    let outline = client.outline_names(&u).await;
    assert!(
        !outline.iter().any(|n| n.contains("Ashworth")),
        "{outline:?}"
    );
    // A given name after a possessive stays the person's.
    assert_eq!(
        client.references_at(&u, ARTICLE, "Tess Morley").await.len(),
        2
    );
    client.shutdown().await;
}
