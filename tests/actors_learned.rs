//! The learned name tagger through the real entry points (issue 13): capitalised
//! things that are no one make no person, and people who share most of a name
//! stay apart. Over JSON-RPC (hover, outline) and through `copydesk actors`,
//! on articles of our own.

mod common;

use common::actors::{actors_json, kind_of, names_where, people};
use common::{uri, TestClient};
use serde_json::json;

const PHANTOMS: &str = include_str!("fixtures/actors/phantoms.md");
const MERGES: &str = include_str!("fixtures/actors/merges.md");
const LEARNED: &str = include_str!("fixtures/actors/learned.md");
const QUALIFIED: &str = include_str!("fixtures/actors/qualified-things.md");
const SALUTATION: &str = include_str!("fixtures/actors/salutation.md");
const PARTICLES: &str = include_str!("fixtures/actors/particles.md");
const MIDDLE: &str = include_str!("fixtures/actors/middle-names.md");
const RIVER: &str = include_str!("fixtures/actors/river.md");

/// Capitalised things in `phantoms.md` that are no one: a team and an event.
/// (The tagger does not yet keep "Royal Marsden", "Question Time" and "Great
/// Recession" from being read as probably people: issue 13.)
const NO_ONE: [&str; 2] = ["Leeds United", "Cold War"];

#[tokio::test]
async fn events_institutions_shows_offices_and_teams_are_no_one() {
    let mut client = TestClient::start().await;
    let u = uri("phantoms.md");
    client.open_and_wait(&u, "markdown", PHANTOMS).await;
    for needle in NO_ONE {
        let value = client.hover_text(&u, PHANTOMS, needle).await;
        assert!(
            !matches!(kind_of(&value), "Person" | "Probably"),
            "{needle} is no person: {value}"
        );
    }
    let value = client.hover_text(&u, PHANTOMS, "AP)").await;
    assert_eq!(value.lines().next(), Some("**AP** — news organisation"));
    let value = client.hover_text(&u, PHANTOMS, "Home Office").await;
    assert_eq!(kind_of(&value), "Government", "{value}");
    // The people of the story are still found, with their titles.
    let value = client.hover_text(&u, PHANTOMS, "Okonjo said").await;
    assert_eq!(
        value.lines().next(),
        Some("**Miriam Okonjo** — Health Secretary")
    );
    let names = client.outline_names(&u).await;
    for phantom in NO_ONE {
        assert!(
            !names.iter().any(|n| n == phantom),
            "{phantom} in the outline: {names:?}"
        );
    }
    client.shutdown().await;
}

#[test]
fn the_cli_lists_only_the_people_of_the_story() {
    let listed = actors_json("phantoms.md", PHANTOMS);
    assert_eq!(
        people(&listed),
        vec!["Miriam Okonjo", "Tomasz Wielki"],
        "{listed}"
    );
    for actor in listed["actors"].as_array().into_iter().flatten() {
        let name = actor["name"].as_str().unwrap_or("");
        let kind = actor["kind"].as_str().unwrap_or("");
        assert!(
            !(NO_ONE.contains(&name) && kind.contains("person")),
            "{name}: {kind}"
        );
    }
}

#[tokio::test]
async fn a_son_of_the_same_name_and_two_people_of_one_surname_stay_apart() {
    let mut client = TestClient::start().await;
    let u = uri("merges.md");
    client.open_and_wait(&u, "markdown", MERGES).await;
    let son = client.hover_text(&u, MERGES, "Robert F. Kennedy Jr.").await;
    assert_eq!(
        son.lines().next(),
        Some("**Robert F. Kennedy Jr**"),
        "{son}"
    );
    let father = client.hover_text(&u, MERGES, "Robert F. Kennedy.").await;
    assert_eq!(
        father.lines().next(),
        Some("**Robert F. Kennedy**"),
        "{father}"
    );
    // Each is his own person, with his own one reference.
    assert_eq!(
        client
            .references_at(&u, MERGES, "Robert F. Kennedy Jr.")
            .await
            .len(),
        1
    );
    assert_eq!(
        client
            .references_at(&u, MERGES, "Robert F. Kennedy.")
            .await
            .len(),
        1
    );
    let names = client.outline_names(&u).await;
    assert_eq!(
        names
            .iter()
            .filter(|n| n.starts_with("Robert F. Kennedy"))
            .count(),
        2,
        "{names:?}"
    );
    let value = client.hover_text(&u, MERGES, "Joyce Au said").await;
    assert_eq!(
        value.lines().next(),
        Some("**Joyce Au** — teacher"),
        "{value}"
    );
    let value = client.hover_text(&u, MERGES, "Au told").await;
    assert!(
        value.starts_with("**Au** — not linked: 2 people in this article have this name"),
        "{value}"
    );
    client.shutdown().await;
}

#[test]
fn the_cli_keeps_father_and_son_apart() {
    let listed = actors_json("merges.md", MERGES);
    let names: Vec<&str> = names_where(&listed, |_| true);
    for name in [
        "Robert F. Kennedy Jr",
        "Robert F. Kennedy",
        "Kelvin Au",
        "Joyce Au",
    ] {
        assert!(names.contains(&name), "{name} missing: {names:?}");
    }
    assert_eq!(
        listed["unlinked"][0]["candidates"],
        json!(["Robert F. Kennedy Jr", "Robert F. Kennedy"])
    );
}

/// The tagger's reading reaches the hover: a full name at the start of a
/// sentence keeps its unlisted given name ("Teodor"), and a surname the
/// grammar has no evidence for ("Pettigrew" in a citation) is probably a
/// person, where before it was no one.
#[tokio::test]
async fn names_the_tagger_reads_as_people_hover_as_people() {
    let mut client = TestClient::start().await;
    let u = uri("learned.md");
    client.open_and_wait(&u, "markdown", LEARNED).await;
    let value = client
        .hover_text(&u, LEARNED, "Teodor Vasquez-Holm is")
        .await;
    assert_eq!(
        value.lines().next(),
        Some("**Teodor Vasquez-Holm** — Historian"),
        "{value}"
    );
    let value = client.hover_text(&u, LEARNED, "Pettigrew").await;
    assert_eq!(value.lines().next(), Some("**Pettigrew**"), "{value}");
    // With no role shown, the hedge gives its reason, without nesting
    // parentheses in the CLI's "(…)".
    assert_eq!(
        value
            .split("\n\n")
            .nth(1)
            .and_then(|p| p.split(" · ").next()),
        Some("Probably a person: the text gives no title or role"),
        "{value}"
    );
    let value = client.hover_text(&u, LEARNED, "Marrenby never").await;
    assert_eq!(value.lines().next(), Some("**Ilse Marrenby**"), "{value}");
    client.shutdown().await;
}

#[test]
fn the_cli_lists_the_full_name_at_a_sentence_start() {
    let listed = actors_json("learned.md", LEARNED);
    let mentions: Vec<&str> = listed["actors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|a| a["name"] == "Teodor Vasquez-Holm")
        .flat_map(|a| a["references"].as_array().into_iter().flatten())
        .filter_map(|m| m["text"].as_str())
        .collect();
    assert!(mentions.contains(&"Teodor Vasquez-Holm"), "{listed}");
    let named: Vec<&str> = names_where(&listed, |a| {
        a["kind"].as_str().is_some_and(|k| k.contains("person"))
    });
    for name in ["Teodor Vasquez-Holm", "Ilse Marrenby", "Pettigrew"] {
        assert!(named.contains(&name), "{name} missing: {named:?}");
    }
}

/// Words that only narrow a title ("National", "Grand", "first") make no
/// title, so the capitalised word after them is no one; offices before a name still
/// make a title, even before a surname alone ("President Okafor", "Secretary
/// of State Okoro"); capitalised words after "of" with no office in them
/// begin a body's name ("the director of the National Conservatory"), not
/// after a capitalised office ("Deputy Secretary of State Okoro"); a word
/// that only narrows a title is no appositive ("Well, first, …"); a job
/// alone before one word ("migrant Haruvi communities") makes no one sure,
/// before a full name it does ("astronaut Lena Moritz").
#[tokio::test]
async fn qualifiers_and_lone_jobs_before_a_word_make_no_sure_person() {
    let mut client = TestClient::start().await;
    let u = uri("qualified-things.md");
    let published = client.open_and_wait(&u, "markdown", QUALIFIED).await;
    // The later title is read whole, so the reference rules see the change.
    let line = QUALIFIED[..QUALIFIED.find("Deputy Secretary").unwrap()]
        .matches('\n')
        .count();
    let mismatch = published["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|d| d["code"] == "title-mismatch" && d["range"]["start"]["line"] == line);
    assert!(mismatch, "{published}");
    let things = [
        "Archives",
        "Lodge",
        "Humanities",
        "Affairs",
        "Register",
        "Catalan",
    ];
    for needle in things {
        let value = client.hover_text(&u, QUALIFIED, needle).await;
        assert_ne!(kind_of(&value), "Person", "{needle} is no person: {value}");
    }
    let value = client.hover_text(&u, QUALIFIED, "Okafor").await;
    assert_eq!(
        value.lines().next(),
        Some("**Okafor** — President"),
        "{value}"
    );
    let value = client.hover_text(&u, QUALIFIED, "Lena Moritz").await;
    assert_eq!(
        value.lines().next(),
        Some("**Lena Moritz** — astronaut"),
        "{value}"
    );
    let value = client.hover_text(&u, QUALIFIED, "Okoro").await;
    assert_eq!(
        value.lines().next(),
        Some("**Okoro** — Secretary of State"),
        "{value}"
    );
    let value = client.hover_text(&u, QUALIFIED, "Ana Ruiz").await;
    assert_eq!(
        value.lines().next(),
        Some("**Ana Ruiz** — Foreign Minister"),
        "{value}"
    );
    assert_eq!(
        client
            .references_at(&u, QUALIFIED, "Hanne Solberg")
            .await
            .len(),
        2
    );
    // A body named whole is an organisation, not a person.
    let body = "Division of Student Affairs";
    let names = client.outline_names(&u).await;
    for thing in things {
        assert!(
            !names.iter().any(|n| n.contains(thing) && n != body),
            "{thing} in the outline: {names:?}"
        );
    }
    assert!(names.iter().any(|n| n.contains("Okafor")), "{names:?}");
    client.shutdown().await;
}

#[test]
fn the_cli_lists_no_person_for_a_qualified_thing() {
    let listed = actors_json("qualified-things.md", QUALIFIED);
    assert_eq!(
        people(&listed),
        vec!["Ana Ruiz", "Okafor", "Okoro", "Lena Moritz"],
        "{listed}"
    );
    let named: Vec<&str> = names_where(&listed, |a| a["kind"] != "organisation");
    assert_eq!(
        named,
        vec![
            "Hanne Solberg",
            "Ana Ruiz",
            "Okafor",
            "Okoro",
            "Lena Moritz"
        ],
        "{listed}"
    );
}

/// An unknown word opening a sentence before a lone given name is not part
/// of the name ("Dear Hannah", "Thanks Tomas"): the given name refers to the
/// person the letter names in full, and no "Dear Hannah" appears.
#[tokio::test]
async fn a_salutation_is_not_part_of_the_name_it_greets() {
    let mut client = TestClient::start().await;
    let u = uri("salutation.md");
    client.open_and_wait(&u, "markdown", SALUTATION).await;
    let value = client.hover_text(&u, SALUTATION, "Hannah,").await;
    assert_eq!(value.lines().next(), Some("**Hannah Brandt**"), "{value}");
    let value = client.hover_text(&u, SALUTATION, "Tomas for").await;
    assert_eq!(value.lines().next(), Some("**Tomas Berg**"), "{value}");
    let value = client.hover_text(&u, SALUTATION, "Dear").await;
    assert_eq!(value, "", "{value}");
    assert_eq!(
        client
            .references_at(&u, SALUTATION, "Hannah Brandt")
            .await
            .len(),
        3
    );
    let names = client.outline_names(&u).await;
    assert!(
        !names
            .iter()
            .any(|n| n.contains("Dear") || n.contains("Thanks")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.contains("Hannah Brandt")),
        "{names:?}"
    );
    client.shutdown().await;
}

/// A surname with an elided particle ("d'Ettorre") is part of the full name
/// and links alone.
#[tokio::test]
async fn an_elided_particle_is_part_of_the_name() {
    let mut client = TestClient::start().await;
    let u = uri("particles-citations.md");
    client.open_and_wait(&u, "markdown", PARTICLES).await;
    let value = client.hover_text(&u, PARTICLES, "d'Ettorre said").await;
    assert_eq!(value.lines().next(), Some("**Paola d'Ettorre**"), "{value}");
    assert_eq!(
        client
            .references_at(&u, PARTICLES, "Paola d'Ettorre")
            .await
            .len(),
        2
    );
    let names = client.outline_names(&u).await;
    assert!(
        names.iter().any(|n| n.contains("Paola d'Ettorre")),
        "{names:?}"
    );
    assert!(!names.iter().any(|n| n == "Paola"), "{names:?}");
    client.shutdown().await;
}

/// Two people whose names differ only in their middle initials ("Henrik A.
/// J." and "Henrik J.") stay apart; a person who goes by a middle name
/// ("Ingrid Aaberg" for "Marta Ingrid Solveig Aaberg") is one person.
#[tokio::test]
async fn middle_initials_keep_people_apart_and_a_middle_name_links() {
    let mut client = TestClient::start().await;
    let u = uri("middle-names.md");
    client.open_and_wait(&u, "markdown", MIDDLE).await;
    let value = client.hover_text(&u, MIDDLE, "Henrik A. J.").await;
    assert_eq!(
        value.lines().next(),
        Some("**Henrik A. J. Tollefsen** — Surveyor"),
        "{value}"
    );
    // The kind follows the role shown above it: no hedge that the text
    // gives no title or role.
    assert_eq!(
        value.split("\n\n").nth(1),
        Some("Person · 1 reference · first on line 3: “Surveyor Henrik A. J. Tollefsen”"),
        "{value}"
    );
    // "His grandson, Henrik J. Tollefsen,": the role set off before the
    // name is his.
    let value = client.hover_text(&u, MIDDLE, "Henrik J. Tollefsen,").await;
    assert_eq!(
        value.lines().next(),
        Some("**Henrik J. Tollefsen** — grandson"),
        "{value}"
    );
    assert_eq!(
        client
            .references_at(&u, MIDDLE, "Henrik J. Tollefsen,")
            .await
            .len(),
        2
    );
    let value = client.hover_text(&u, MIDDLE, "Ingrid Aaberg said").await;
    assert_eq!(
        value.lines().next(),
        Some("**Marta Ingrid Solveig Aaberg**"),
        "{value}"
    );
    client.shutdown().await;
}

/// A single word the story also writes as a thing ("crossing the
/// Marlow.") is no one on the tagger's word alone; the same story without
/// "the Marlow." makes Marlow a person.
#[tokio::test]
async fn a_word_written_as_a_thing_is_no_one() {
    let mut client = TestClient::start().await;
    let u = uri("river.md");
    client.open_and_wait(&u, "markdown", RIVER).await;
    let value = client.hover_text(&u, RIVER, "Marlow rose").await;
    assert!(!matches!(kind_of(&value), "Person" | "Probably"), "{value}");
    let value = client.hover_text(&u, RIVER, "Tamm said").await;
    assert_eq!(value.lines().next(), Some("**Liis Tamm**"), "{value}");
    let names = client.outline_names(&u).await;
    assert!(!names.iter().any(|n| n.contains("Marlow")), "{names:?}");
    let plain = RIVER.replace("crossing the Marlow.", "crossing at Kelso.");
    let v = uri("river-plain.md");
    client.open_and_wait(&v, "markdown", &plain).await;
    let value = client.hover_text(&v, &plain, "Marlow rose").await;
    assert!(matches!(kind_of(&value), "Person" | "Probably"), "{value}");
    client.shutdown().await;
}

/// A title word the tagger reads as the start of a thing's name, with the
/// name, makes no person ("Admiral Blvd", "Queen Creek", "the San Marco
/// Bulletin"); a title ending in a place ("Ambassador to the United
/// States") and a plain title keep theirs.
#[tokio::test]
async fn a_title_read_into_a_things_name_makes_no_person() {
    let text = include_str!("fixtures/actors/titled-things.md");
    let mut client = TestClient::start().await;
    let u = uri("titled-things.md");
    client.open_and_wait(&u, "markdown", text).await;
    for needle in ["Blvd", "Creek", "Marco Bulletin"] {
        let value = client.hover_text(&u, text, needle).await;
        assert!(
            !matches!(kind_of(&value), "Person" | "Probably"),
            "{needle} is no person: {value}"
        );
    }
    let value = client.hover_text(&u, text, "Calder said").await;
    assert_eq!(
        value.lines().next(),
        Some("**Ruth Calder** — Senator"),
        "{value}"
    );
    let value = client.hover_text(&u, text, "Haddad").await;
    assert_eq!(kind_of(&value), "Person", "{value}");
    let names = client.outline_names(&u).await;
    assert!(
        !names
            .iter()
            .any(|n| n.contains("Blvd") || n.contains("Creek")),
        "{names:?}"
    );
    assert_eq!(client.references_at(&u, text, "Calder said").await.len(), 2);
    client.shutdown().await;
}

/// A lone name the tagger reads as a person's, after "near" or "in" or
/// before ", Ohio", with nothing else to say it is a person's, is a place
/// ("a farm near Franklin", "Warren, Ohio,"), and so is every other
/// reference to it; a name someone speaks with and who speaks stays a person.
#[tokio::test]
async fn a_lone_name_after_a_locative_or_before_a_state_is_no_one() {
    let text = include_str!("fixtures/actors/places-as-people.md");
    let mut client = TestClient::start().await;
    let u = uri("places-as-people.md");
    client.open_and_wait(&u, "markdown", text).await;
    // "Tyler has held" too: the document writes Tyler as a place.
    for needle in ["Franklin", "Warren", "Tyler", "Tyler has"] {
        let value = client.hover_text(&u, text, needle).await;
        assert!(
            !matches!(kind_of(&value), "Person" | "Probably"),
            "{needle} is no person: {value}"
        );
    }
    let value = client.hover_text(&u, text, "Morgan said").await;
    assert_eq!(kind_of(&value), "Person", "{value}");
    assert_eq!(client.references_at(&u, text, "Morgan said").await.len(), 2);
    let names = client.outline_names(&u).await;
    assert_eq!(names, ["Morgan"], "{names:?}");
    client.shutdown().await;
}

#[test]
fn the_cli_lists_no_person_for_a_place_after_near() {
    let listed = actors_json(
        "places-as-people.md",
        include_str!("fixtures/actors/places-as-people.md"),
    );
    assert_eq!(people(&listed), ["Morgan"], "{listed}");
}

/// Names in a list after a locative ("stops in Harlow Bend, Pike Hollis and
/// Garner Reach"), after a noun for places and "like", after "through", and
/// after a word that leads a place's or an event's name ("Cyclone
/// Maralda") are no one, and so is every later reference to them; people
/// listed beside a country's name ("Ottoline Brabazon, Chad Lister") stay
/// people.
#[tokio::test]
async fn places_in_lists_and_names_after_a_lead_are_no_one() {
    let text = include_str!("fixtures/actors/places-in-lists.md");
    let mut client = TestClient::start().await;
    let u = uri("places-in-lists.md");
    client.open_and_wait(&u, "markdown", text).await;
    for needle in [
        "Harlow Bend",
        "Pike Hollis",
        "Garner Reach",
        "Corran Dale",
        "Maralda flooded",
        "Maralda also",
        "Ashby Mallet",
    ] {
        let value = client.hover_text(&u, text, needle).await;
        assert!(
            !matches!(kind_of(&value), "Person" | "Probably"),
            "{needle} is no person: {value}"
        );
    }
    for needle in ["Ottoline Brabazon", "Jo Cole", "Lorna Fenwick"] {
        let value = client.hover_text(&u, text, needle).await;
        assert!(
            matches!(kind_of(&value), "Person" | "Probably"),
            "{needle} is a person: {value}"
        );
    }
    assert_eq!(
        client.references_at(&u, text, "Fenwick said").await.len(),
        2
    );
    client.shutdown().await;
}

#[test]
fn the_cli_lists_no_person_for_places_in_a_list() {
    let listed = actors_json(
        "places-in-lists.md",
        include_str!("fixtures/actors/places-in-lists.md"),
    );
    // Two of them only "probably" people: no title, role or statement.
    let named: Vec<&str> = names_where(&listed, |_| true);
    assert_eq!(
        named,
        [
            "Dana Okafor",
            "Ottoline Brabazon",
            "Jo Cole",
            "Lorna Fenwick"
        ],
        "{listed}"
    );
    assert_eq!(people(&listed), ["Jo Cole", "Lorna Fenwick"], "{listed}");
}

/// A generational or regnal suffix tells people apart: "Pemberton Jr." is
/// the son and "Pemberton Sr." the father, never the other; "Anselm II" is
/// not his brother Anselm Varga, but a person of his own, and "Anselm"
/// alone may be either.
#[tokio::test]
async fn a_suffix_keeps_father_son_and_brothers_apart() {
    let text = include_str!("fixtures/actors/generations.md");
    let mut client = TestClient::start().await;
    let u = uri("generations.md");
    client.open_and_wait(&u, "markdown", text).await;
    for (needle, who) in [
        ("Pemberton Jr. said", "**Harold Pemberton Jr**"),
        ("Pemberton Sr. died", "**Harold Pemberton Sr**"),
        ("Anselm II disagreed", "**Anselm II**"),
        ("Anselm II said", "**Anselm II**"),
    ] {
        let value = client.hover_text(&u, text, needle).await;
        assert_eq!(value.lines().next(), Some(who), "{needle}: {value}");
    }
    // "Anselm" alone is the one brother's given name and the other's name
    // without its suffix: either of them.
    let value = client.hover_text(&u, text, "Anselm said").await;
    assert!(
        value.starts_with("**Anselm** — not linked: 2 people"),
        "{value}"
    );
    assert_eq!(
        client.references_at(&u, text, "Anselm Varga").await.len(),
        1
    );
    client.shutdown().await;
}

#[test]
fn the_cli_lists_a_suffixed_name_as_its_own_person() {
    let listed = actors_json(
        "generations.md",
        include_str!("fixtures/actors/generations.md"),
    );
    let named: Vec<&str> = names_where(&listed, |_| true);
    assert_eq!(
        named,
        [
            "Harold Pemberton Sr",
            "Harold Pemberton Jr",
            "Anselm Varga",
            "Anselm II"
        ],
        "{listed}"
    );
    assert_eq!(
        listed["unlinked"][0]["candidates"],
        json!(["Anselm Varga", "Anselm II"]),
        "{listed}"
    );
}
