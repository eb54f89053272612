//! A name the sentence gives to an animal ("her puppy, Fennick,", "two
//! dogs, Rollo and Bramble", "a horse called Juniper") is no person, and no
//! reference to a person of that name (issue 13). Over JSON-RPC
//! (references, hover, outline), on an article of our own.

mod common;

use common::{uri, TestClient};

const ARTICLE: &str = "\
Ruth Fennick breeds spaniels on a farm near Harlow. Her best puppy, \
Fennick, took first prize at the county show on Saturday.

Fennick said the judges had been generous. Her neighbours keep two dogs, \
Rollo and Bramble, and a horse called Juniper.
";

#[tokio::test]
async fn a_name_given_to_an_animal_is_no_person() {
    let mut client = TestClient::start().await;
    let u = uri("animals.md");
    client.open_and_wait(&u, "markdown", ARTICLE).await;
    // Ruth Fennick: the full name and "Fennick said"; not the puppy.
    assert_eq!(
        client
            .references_at(&u, ARTICLE, "Ruth Fennick")
            .await
            .len(),
        2
    );
    let puppy = client.hover_text(&u, ARTICLE, "Fennick, took").await;
    assert!(!puppy.contains("Ruth Fennick"), "{puppy}");
    let outline = client.outline_names(&u).await;
    for pet in ["Rollo", "Bramble", "Juniper"] {
        assert!(!outline.iter().any(|n| n.contains(pet)), "{outline:?}");
    }
    client.shutdown().await;
}
