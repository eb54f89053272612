//! Linking single names to people, and reading their titles, through the
//! real entry points (issue 13): a courtesy title in French, a relation that
//! keeps two people of one surname apart, a court case's name that is no
//! reference to a person, a middle name that is no one's given name, given
//! names on later reference, a place before a title at a sentence start,
//! roles set off by commas before the name, and epithets ("Aldric of
//! Wensleydale"). Over JSON-RPC (hover, references), on articles of our own.

mod common;

use common::{uri, TestClient};

const LINKING: &str = include_str!("fixtures/actors/linking.md");
const SET_OFF: &str = include_str!("fixtures/actors/set-off-titles.md");

/// The first line of the hover at the first occurrence of `needle` in
/// `linking.md`.
async fn headline(client: &mut TestClient, u: &str, needle: &str) -> String {
    headline_in(client, u, LINKING, needle).await
}

async fn headline_in(client: &mut TestClient, u: &str, text: &str, needle: &str) -> String {
    let value = client.hover_text(u, text, needle).await;
    value.lines().next().unwrap_or("").to_string()
}

#[tokio::test]
async fn madame_is_a_courtesy_title_on_later_reference() {
    let mut client = TestClient::start().await;
    let u = uri("linking.md");
    client.open_and_wait(&u, "markdown", LINKING).await;
    assert_eq!(
        headline(&mut client, &u, "Ferrand said").await,
        "**Odile Ferrand**"
    );
    assert_eq!(
        client
            .references_at(&u, LINKING, "Ferrand said")
            .await
            .len(),
        2
    );
    client.shutdown().await;
}

/// "Peter Vasquez, the brother of Senator Vasquez": two people; and the
/// "Vasquez" of a case's name ("Vasquez v. Carrow") is neither of them,
/// but a party of its own.
#[tokio::test]
async fn a_relation_and_a_case_name_keep_people_of_one_surname_apart() {
    let mut client = TestClient::start().await;
    let u = uri("linking.md");
    client.open_and_wait(&u, "markdown", LINKING).await;
    assert_eq!(
        headline(&mut client, &u, "Peter Vasquez").await,
        "**Peter Vasquez**"
    );
    // (The senator's role reads "brother of Senator": the relation before
    // the title is read into it.)
    let senator = headline(&mut client, &u, "Vasquez, gave").await;
    assert!(senator.starts_with("**Vasquez** — "), "{senator}");
    assert_eq!(
        client
            .references_at(&u, LINKING, "Peter Vasquez")
            .await
            .len(),
        1
    );
    let party = headline(&mut client, &u, "Vasquez v.").await;
    assert!(party.starts_with("**Vasquez**"), "{party}");
    assert_eq!(
        client.references_at(&u, LINKING, "Vasquez v.").await.len(),
        1
    );
    client.shutdown().await;
}

/// A middle name is no one's given name: "Quint" after "Mara Quint Hollis"
/// is someone else. A given name alone links to the one person of that
/// name introduced before it, and stays unlinked when several were.
#[tokio::test]
async fn given_names_link_to_the_one_person_who_goes_by_them() {
    let mut client = TestClient::start().await;
    let u = uri("linking.md");
    client.open_and_wait(&u, "markdown", LINKING).await;
    assert_eq!(headline(&mut client, &u, "Quint said").await, "**Quint**");
    assert_eq!(
        headline(&mut client, &u, "Rosa said").await,
        "**Rosa Delgado**"
    );
    assert_eq!(
        client
            .references_at(&u, LINKING, "Rosa Delgado")
            .await
            .len(),
        2
    );
    let waved = headline(&mut client, &u, "Rosa waved").await;
    assert!(
        waved.starts_with("**Rosa** — not linked: 3 people"),
        "{waved}"
    );
    // In the outline, each Rosa once, and no person "Rosa".
    let names = client.outline_names(&u).await;
    for rosa in ["Rosa Delgado", "Rosa Imrie", "Rosa Tallis"] {
        assert_eq!(names.iter().filter(|n| *n == rosa).count(), 1, "{names:?}");
    }
    assert!(!names.iter().any(|n| n == "Rosa"), "{names:?}");
    client.shutdown().await;
}

/// A place before a title at the start of a sentence ("Boston Mayor Ilse
/// Marwick opened") is the title's, and a role set off by a comma before
/// a name ("The chairman, Brennan, said") is that person's; the first of a
/// list after a plural noun ("the three pilots, Ruiz, Lee and Tan") gets no
/// role. A role set off so after an opening phrase is the person's too
/// ("Speaking on Thursday, the prime minister, Keir Marsh, said"), but a
/// phrase with no role in it is no one's ("the repairs, Joss Pell,").
#[tokio::test]
async fn a_place_before_a_title_and_a_role_set_off_before_the_name_are_read() {
    let mut client = TestClient::start().await;
    let u = uri("set-off-titles.md");
    client.open_and_wait(&u, "markdown", SET_OFF).await;
    for (needle, expected) in [
        ("Ilse Marwick", "**Ilse Marwick** — Boston Mayor"),
        ("Brennan", "**Brennan** — chairman"),
        (
            "Olena Dravko",
            "**Olena Dravko** — Ukraine's foreign minister",
        ),
        ("Tomas Vell", "**Tomas Vell** — treasurer"),
        ("Keir Marsh", "**Keir Marsh** — prime minister"),
        ("Lina Orr", "**Lina Orr** — deputy"),
    ] {
        assert_eq!(
            headline_in(&mut client, &u, SET_OFF, needle).await,
            expected
        );
    }
    let first = headline_in(&mut client, &u, SET_OFF, "Ruiz").await;
    assert!(!first.contains("pilots"), "{first}");
    let pell = headline_in(&mut client, &u, SET_OFF, "Joss Pell").await;
    assert_eq!(pell, "**Joss Pell**");
    client.shutdown().await;
}

const EPITHETS: &str = include_str!("fixtures/actors/epithets.md");

/// A place for an epithet ("Aldric of Wensleydale") makes one person, whom
/// the first word alone names later ("Aldric"), and no person of the
/// place. A person of a body ("Crane of Reuters"), of a lowercase phrase
/// ("Vale of the county archive") or of a listed place after a title
/// ("Prior Osgood of Yorkshire") keeps the family name.
#[tokio::test]
async fn an_epithet_of_a_place_is_part_of_the_name() {
    let mut client = TestClient::start().await;
    let u = uri("epithets.md");
    client.open_and_wait(&u, "markdown", EPITHETS).await;
    assert_eq!(
        headline_in(&mut client, &u, EPITHETS, "Aldric of").await,
        "**Aldric of Wensleydale**"
    );
    assert_eq!(
        headline_in(&mut client, &u, EPITHETS, "Aldric\nwrote").await,
        "**Aldric of Wensleydale**"
    );
    assert_eq!(
        headline_in(&mut client, &u, EPITHETS, "Aldric said").await,
        "**Aldric of Wensleydale**"
    );
    // The place is part of the name, and no one of its own.
    assert_eq!(
        headline_in(&mut client, &u, EPITHETS, "Wensleydale").await,
        "**Aldric of Wensleydale**"
    );
    assert_eq!(
        headline_in(&mut client, &u, EPITHETS, "Marguerite asked").await,
        "**Marguerite of Corbenay**"
    );
    assert_eq!(
        client.references_at(&u, EPITHETS, "Aldric of").await.len(),
        3
    );
    // Quiet: the family name stays the person's own.
    let vale = headline_in(&mut client, &u, EPITHETS, "Vale said").await;
    assert_eq!(vale, "**Henrietta Vale**");
    let osgood = headline_in(&mut client, &u, EPITHETS, "Osgood said").await;
    assert!(!osgood.contains("Yorkshire"), "{osgood}");
    assert_eq!(
        headline_in(&mut client, &u, EPITHETS, "Crane of Reuters said").await,
        "**Tobias Crane**"
    );
    client.shutdown().await;
}

const SHORT_SURNAMES: &str = include_str!("fixtures/actors/short-surnames.md");

/// Two-letter surnames after a given name ("Joyce To", "Fanny Ng"), even
/// one that spells a function word, link later on ("To said"), while the
/// word itself ("To be fair") stays no one's; two people of one surname
/// ("Kelvin Au", "Maggie Au") stay apart.
#[tokio::test]
async fn two_letter_surnames_after_a_given_name_are_names() {
    let mut client = TestClient::start().await;
    let u = uri("short-surnames.md");
    client.open_and_wait(&u, "markdown", SHORT_SURNAMES).await;
    let text = SHORT_SURNAMES;
    let joyce = headline_in(&mut client, &u, text, "Joyce To").await;
    assert!(joyce.starts_with("**Joyce To**"), "{joyce}");
    let later = headline_in(&mut client, &u, text, "To said").await;
    assert!(later.starts_with("**Joyce To**"), "{later}");
    let according = headline_in(&mut client, &u, text, "To.").await;
    assert!(according.starts_with("**Joyce To**"), "{according}");
    assert_eq!(headline_in(&mut client, &u, text, "To be fair").await, "");
    assert_eq!(client.references_at(&u, text, "Joyce To").await.len(), 3);
    assert_eq!(
        headline_in(&mut client, &u, text, "Ng said").await,
        headline_in(&mut client, &u, text, "Fanny Ng").await
    );
    let kelvin = headline_in(&mut client, &u, text, "Kelvin Au").await;
    let maggie = headline_in(&mut client, &u, text, "Maggie Au").await;
    assert!(kelvin.starts_with("**Kelvin Au**"), "{kelvin}");
    assert!(maggie.starts_with("**Maggie Au**"), "{maggie}");
    let au = headline_in(&mut client, &u, text, "Au said").await;
    assert!(au.contains("not linked"), "{au}");
    client.shutdown().await;
}

const COORDINATED: &str = include_str!("fixtures/actors/coordinated-roles.md");

/// A role set off before a name keeps the place it is for ("the Labour MP
/// for Ashfield, Rhona Castell"), with no person made of the place; a
/// plural role after two coordinated names ("Ines Marlowe and Bo Varga,
/// the co-founders") goes to neither, never to the second alone.
#[tokio::test]
async fn a_role_for_a_place_and_a_role_after_two_names() {
    let mut client = TestClient::start().await;
    let u = uri("coordinated-roles.md");
    client.open_and_wait(&u, "markdown", COORDINATED).await;
    let text = COORDINATED;
    assert_eq!(
        headline_in(&mut client, &u, text, "Rhona Castell").await,
        "**Rhona Castell** — Labour MP for Ashfield"
    );
    assert_eq!(headline_in(&mut client, &u, text, "Ashfield").await, "");
    assert_eq!(
        client.references_at(&u, text, "Rhona Castell").await.len(),
        1
    );
    let names = client.outline_names(&u).await;
    assert!(names.iter().any(|n| n == "Rhona Castell"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("Ashfield")), "{names:?}");
    for needle in ["Ines Marlowe", "Bo Varga", "Tavi Ruskin", "Elma Borth"] {
        let head = headline_in(&mut client, &u, text, needle).await;
        assert!(
            head.starts_with(&format!("**{needle}**")) && !head.contains(" — "),
            "{needle}: {head}"
        );
    }
    client.shutdown().await;
}

const KIN: &str = include_str!("fixtures/actors/kin-named-alike.md");

/// A shorter form of a name after a relation ("the second son of Pierre
/// Lanfort", after "Pierre Anselm Lanfort") is the relative, not the
/// person named in full: fathers and sons share given names. Elsewhere a
/// shorter form is the same person.
#[tokio::test]
async fn a_relative_named_alike_is_someone_else() {
    let mut client = TestClient::start().await;
    let u = uri("kin-named-alike.md");
    client.open_and_wait(&u, "markdown", KIN).await;
    assert_eq!(
        headline_in(&mut client, &u, KIN, "Pierre Anselm").await,
        "**Pierre Anselm Lanfort**"
    );
    assert_eq!(
        headline_in(&mut client, &u, KIN, "Pierre Lanfort").await,
        "**Pierre Lanfort**"
    );
    assert_eq!(
        headline_in(&mut client, &u, KIN, "Lanfort was").await,
        "**Pierre Anselm Lanfort**"
    );
    assert_eq!(
        client.references_at(&u, KIN, "Pierre Lanfort").await.len(),
        1
    );
    // Not after a relation: the shorter form is the person named in full.
    assert_eq!(
        headline_in(&mut client, &u, KIN, "Ruth\nDace").await,
        "**Ruth Halloran Dace**"
    );
    client.shutdown().await;
}

const HEADLINE_NAMES: &str = include_str!("fixtures/actors/headline-names.md");

/// A line read as a headline (short, over a longer paragraph) introduces
/// the person a known given name opens, where the tagger reads the name
/// as a person's without being sure ("Mary Durham", an author's line);
/// a headline whose given name the tagger does not read as a person's
/// introduces no one ("Jordan Valley Water Board").
#[tokio::test]
async fn a_known_given_name_the_tagger_reads_as_a_person_s_in_a_headline_is_a_person() {
    let mut client = TestClient::start().await;
    let u = uri("headline-names.md");
    client.open_and_wait(&u, "markdown", HEADLINE_NAMES).await;
    let durham = headline_in(&mut client, &u, HEADLINE_NAMES, "Mary Durham").await;
    assert_eq!(durham, "**Mary Durham**");
    let jordan = client.hover_text(&u, HEADLINE_NAMES, "Jordan Valley").await;
    assert!(!jordan.to_lowercase().contains("person"), "{jordan}");
    let outline = client.outline_names(&u).await;
    assert!(outline.iter().any(|n| n == "Mary Durham"), "{outline:?}");
    assert!(outline.iter().all(|n| !n.contains("Jordan")), "{outline:?}");
    client.shutdown().await;
}

const JOINED_INITIALS: &str = include_str!("fixtures/actors/joined-initials.md");

/// Initials written together ("J.R. Tallis") open a full name, which the
/// surname alone names later; a dotted abbreviation listed as a place's
/// ("U.S. Steel", "D.C. United") opens no one's name.
#[tokio::test]
async fn initials_written_together_open_a_full_name() {
    let mut client = TestClient::start().await;
    let u = uri("joined-initials.md");
    client.open_and_wait(&u, "markdown", JOINED_INITIALS).await;
    for needle in ["J.R. Tallis", "Tallis said"] {
        let first = headline_in(&mut client, &u, JOINED_INITIALS, needle).await;
        assert_eq!(first, "**J.R. Tallis**", "{needle}");
    }
    let refs = client
        .references_at(&u, JOINED_INITIALS, "Tallis said")
        .await;
    assert_eq!(refs.len(), 2, "{refs:?}");
    let outline = client.outline_names(&u).await;
    assert_eq!(outline, ["J.R. Tallis"], "{outline:?}");
    client.shutdown().await;
}

const COURTESY_GIVEN: &str = include_str!("fixtures/actors/courtesy-given.md");

/// After a courtesy title the first word of a name is the person's given
/// name, not a word that describes them ("Dame Orla Maria Tennant"), so the
/// headline's "Orla Tennant" is her; a capitalised word before a known
/// given name with no courtesy title still describes the person
/// ("Harbourmaster Tom Vell").
#[tokio::test]
async fn a_courtesy_title_keeps_the_first_word_a_given_name() {
    let mut client = TestClient::start().await;
    let u = uri("courtesy-given.md");
    client.open_and_wait(&u, "markdown", COURTESY_GIVEN).await;
    let dame = headline_in(&mut client, &u, COURTESY_GIVEN, "Orla Maria").await;
    assert_eq!(dame, "**Orla Maria Tennant**");
    let refs = client.references_at(&u, COURTESY_GIVEN, "Orla Maria").await;
    assert_eq!(refs.len(), 3, "{refs:?}");
    let vell = headline_in(&mut client, &u, COURTESY_GIVEN, "Tom Vell").await;
    assert_eq!(vell, "**Tom Vell** — Harbourmaster");
    client.shutdown().await;
}
