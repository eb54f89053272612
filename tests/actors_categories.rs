//! Issue 13's categories of who-is-who, one fixture article of our own per
//! group, over JSON-RPC: the hover names the right person, references list
//! every mention of that person and no other, and the outline lists each
//! person once, with the people who must stay apart kept apart.

mod common;

use common::actors::kind_of;
use common::{uri, TestClient};
use serde_json::{json, Value};

const SURNAMES_AS_WORDS: &str = include_str!("fixtures/actors/categories/surnames-as-words.md");
const SHORT_SURNAMES: &str = include_str!("fixtures/actors/categories/short-surnames.md");
const ROLES_AFTER: &str = include_str!("fixtures/actors/categories/roles-after.md");
const COURTESY_LATER: &str = include_str!("fixtures/actors/categories/courtesy-later.md");
const FAMILY: &str = include_str!("fixtures/actors/categories/family-and-presidents.md");
const SPELLINGS: &str = include_str!("fixtures/actors/categories/spellings-and-titles.md");
const PHANTOMS: &str = include_str!("fixtures/actors/phantoms.md");

/// An open fixture article.
struct Article {
    client: TestClient,
    uri: String,
    text: &'static str,
    diagnostics: Value,
}

impl Article {
    async fn open(name: &str, text: &'static str) -> Article {
        let mut client = TestClient::start().await;
        let uri = uri(name);
        let diagnostics = client.open_and_wait(&uri, "markdown", text).await;
        Article {
            client,
            uri,
            text,
            diagnostics,
        }
    }

    /// The hover's text at the first occurrence of `needle`.
    async fn hover(&mut self, needle: &str) -> String {
        self.client.hover_text(&self.uri, self.text, needle).await
    }

    /// The hover's first line: the person's name and role.
    async fn headline(&mut self, needle: &str) -> String {
        let hover = self.hover(needle).await;
        hover.lines().next().unwrap_or("").to_string()
    }

    /// The text of every reference the server lists for the actor at the
    /// first occurrence of `needle`, declaration included, in order.
    async fn references(&mut self, needle: &str) -> Vec<&'static str> {
        let refs = self
            .client
            .references_at(&self.uri, self.text, needle)
            .await;
        refs.iter()
            .map(|r| {
                let from = common::offset_utf16(self.text, &r["range"]["start"]);
                let to = common::offset_utf16(self.text, &r["range"]["end"]);
                &self.text[from..to]
            })
            .collect()
    }

    /// The outline: each symbol's name and detail.
    async fn outline(&mut self) -> Vec<(String, String)> {
        let symbols = self
            .client
            .request(
                "textDocument/documentSymbol",
                json!({"textDocument": {"uri": self.uri}}),
            )
            .await;
        symbols
            .as_array()
            .into_iter()
            .flatten()
            .map(|s| {
                let text = |key: &str| s[key].as_str().unwrap_or("").to_string();
                (text("name"), text("detail"))
            })
            .collect()
    }

    async fn close(self) {
        self.client.shutdown().await;
    }
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(n, d)| (n.to_string(), d.to_string()))
        .collect()
}

/// "Tom Jordan", then "Jordan said": the farmer, not the country's
/// government; "Henry Moore" beside "the Henry Moore Foundation": a person
/// and an organisation; "Otto Jespersen" after "Jens Otto Harry Jespersen":
/// the same man.
#[tokio::test]
async fn a_surname_that_is_a_place_or_an_institutions_name_stays_the_persons() {
    let mut a = Article::open("surnames-as-words.md", SURNAMES_AS_WORDS).await;
    assert_eq!(
        a.headline("Jordan said").await,
        "**Tom Jordan** — farmer near the river"
    );
    assert_eq!(a.references("Jordan said").await, ["Tom Jordan", "Jordan"]);
    assert_eq!(a.headline("Henry Moore cast").await, "**Henry Moore**");
    assert_eq!(
        a.references("Henry Moore cast").await,
        ["Henry Moore", "Moore"]
    );
    let foundation = a.hover("Henry Moore Foundation").await;
    assert!(
        foundation.starts_with("**Henry Moore Foundation**"),
        "{foundation}"
    );
    assert_eq!(kind_of(&foundation), "Organisation", "{foundation}");
    assert_eq!(
        a.headline("Otto Jespersen said").await,
        "**Jens Otto Harry Jespersen** — retired teacher"
    );
    assert_eq!(
        a.references("Otto Jespersen said").await,
        ["Jens Otto Harry Jespersen", "Otto Jespersen"]
    );
    assert_eq!(
        a.outline().await,
        pairs(&[
            ("Tom Jordan", "farmer near the river · 2 ref."),
            ("Henry Moore", "person · 2 ref."),
            ("Jens Otto Harry Jespersen", "retired teacher · 2 ref."),
            ("Henry Moore Foundation", "organisation · 1 ref."),
        ])
    );
    a.close().await;
}

/// Cantonese surnames of two letters link alone ("Ng said"), and two
/// people named Au stay apart: each full name is its own person's, and a
/// bare "Au" is no one's.
#[tokio::test]
async fn two_letter_surnames_link_and_two_people_named_au_stay_apart() {
    let mut a = Article::open("short-surnames.md", SHORT_SURNAMES).await;
    assert_eq!(a.headline("Ng said").await, "**Fanny Ng**");
    assert_eq!(a.references("Fanny Ng").await, ["Fanny Ng", "Ng"]);
    assert_eq!(a.headline("Kelvin Au, a plumber").await, "**Kelvin Au**");
    assert_eq!(a.headline("Winnie Au said").await, "**Winnie Au** — nurse");
    assert_eq!(a.references("Kelvin Au").await, ["Kelvin Au", "Kelvin Au"]);
    assert_eq!(
        a.references("Winnie Au said").await,
        ["Winnie Au", "Winnie Au", "Winnie Au"]
    );
    let bare = a.headline("Au added").await;
    assert!(
        bare.starts_with("**Au** — not linked: 2 people in this article have this name"),
        "{bare}"
    );
    let names: Vec<String> = a.outline().await.into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Fanny Ng", "Kelvin Au", "Winnie Au"]);
    a.close().await;
}

/// UK copy sets the role off after the name ("Maren Holt, the prime
/// minister, said"; "Søren Østergård, a Danish diplomat, said"), and before
/// it ("Ukraine's foreign minister, Andrii Sybiha, said"): the role is the
/// person's, the hover shows it without a hedge, and the surname links.
#[tokio::test]
async fn roles_set_off_after_and_before_the_name_are_the_persons() {
    let mut a = Article::open("roles-after.md", ROLES_AFTER).await;
    assert_eq!(
        a.headline("Holt spoke").await,
        "**Maren Holt** — prime minister"
    );
    assert_eq!(a.references("Maren Holt").await, ["Maren Holt", "Holt"]);
    assert_eq!(
        a.headline("Sybiha flew").await,
        "**Andrii Sybiha** — Ukraine's foreign minister"
    );
    assert_eq!(
        a.references("Andrii Sybiha").await,
        ["Andrii Sybiha", "Sybiha"]
    );
    // An appositive with a job and a nationality is the role, and the
    // person is no longer hedged as probably one.
    let hover = a.hover("Østergård left").await;
    assert!(
        hover.starts_with(
            "**Søren Østergård** — Danish diplomat\n\nPerson · 2 references · first on line 7: “Søren Østergård”"
        ),
        "{hover}"
    );
    assert_eq!(
        a.references("Østergård left").await,
        ["Søren Østergård", "Østergård"]
    );
    assert_eq!(
        a.outline().await,
        pairs(&[
            ("Maren Holt", "prime minister · 2 ref."),
            ("Andrii Sybiha", "Ukraine's foreign minister · 2 ref."),
            ("Søren Østergård", "Danish diplomat · 2 ref."),
        ])
    );
    a.close().await;
}

/// Courtesy titles on later reference ("Ms Okafor", "Sir Alan", "Dr
/// Patel") and surnames that open with a particle ("Bin Rashid" at a
/// sentence start, "Ní Bhriain") refer to the person named in full.
#[tokio::test]
async fn courtesy_titles_and_particles_on_later_reference_link() {
    let mut a = Article::open("courtesy-later.md", COURTESY_LATER).await;
    for (needle, person, references) in [
        ("Ms Okafor", "**Grace Okafor** — nurse at the clinic", 2),
        ("Sir Alan", "**Alan Fenwick** — retired judge", 2),
        ("Dr Patel", "**Priya Patel** — surgeon", 2),
        ("Rashid said", "**Omar bin Rashid**", 2),
        ("Ní Bhriain said", "**Máire Ní Bhriain** — singer", 2),
    ] {
        assert_eq!(a.headline(needle).await, person, "{needle}");
        assert_eq!(a.references(needle).await.len(), references, "{needle}");
    }
    let names: Vec<String> = a.outline().await.into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "Grace Okafor",
            "Alan Fenwick",
            "Priya Patel",
            "Omar bin Rashid",
            "Máire Ní Bhriain"
        ]
    );
    a.close().await;
}

/// "Tane Wiremu and his son, Aroha Wiremu": two people, though the
/// father's given name is on no list; the son is then "Aroha", and a bare
/// "Wiremu" is no one's. "John Adams and John Quincy Adams": two
/// presidents, not one made fuller.
#[tokio::test]
async fn a_father_and_son_and_two_presidents_of_one_name_stay_apart() {
    let mut a = Article::open("family-and-presidents.md", FAMILY).await;
    assert_eq!(a.headline("Tane Wiremu").await, "**Tane Wiremu**");
    assert_eq!(a.references("Tane Wiremu").await, ["Tane Wiremu"]);
    assert_eq!(a.headline("Aroha said").await, "**Aroha Wiremu**");
    assert_eq!(a.references("Aroha said").await, ["Aroha Wiremu", "Aroha"]);
    let bare = a.headline("Wiremu said").await;
    assert!(
        bare.starts_with("**Wiremu** — not linked: 2 people"),
        "{bare}"
    );
    assert_eq!(a.headline("John Adams and").await, "**John Adams**");
    assert_eq!(
        a.references("John Adams and").await,
        ["John Adams", "John Adams"]
    );
    assert_eq!(
        a.references("John Quincy Adams").await,
        ["John Quincy Adams"]
    );
    let bare = a.headline("Adams said").await;
    assert!(
        bare.starts_with("**Adams** — not linked: 2 people"),
        "{bare}"
    );
    let names: Vec<String> = a.outline().await.into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "Tane Wiremu",
            "Aroha Wiremu",
            "John Adams",
            "John Quincy Adams"
        ]
    );
    a.close().await;
}

/// A title of two words is read whole ("City Manager"), and its fix in
/// lowercase too ("city manager" is one office, "city" no level before
/// it); a name that differs only in its accents ("Jose Martinez") is the
/// same person, which the reference rules then flag.
#[tokio::test]
async fn a_two_word_title_is_read_whole_and_dropped_accents_are_one_person() {
    let mut a = Article::open("spellings-and-titles.md", SPELLINGS).await;
    assert_eq!(
        a.headline("Domínguez met").await,
        "**Raúl Domínguez** — City Manager"
    );
    assert_eq!(
        a.references("Jose Martinez").await,
        ["José Martínez", "Jose Martinez"]
    );
    assert_eq!(a.headline("Jose Martinez").await, "**José Martínez**");
    let names: Vec<String> = a.outline().await.into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Raúl Domínguez", "José Martínez"]);
    let line = SPELLINGS[..SPELLINGS.find("Jose Martinez").unwrap()]
        .matches('\n')
        .count();
    let flagged = a.diagnostics["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|d| d["code"] == "name-variant" && d["range"]["start"]["line"] == line);
    assert!(flagged, "{}", a.diagnostics);
    // The lowercase title's fix capitalises the whole office, never
    // "city Manager".
    let case = a.diagnostics["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|d| d["code"] == "title-case")
        .cloned()
        .unwrap_or_default();
    let message = case["message"].as_str().unwrap_or("");
    assert!(message.ends_with("'City Manager'"), "{}", a.diagnostics);
    let actions = a
        .client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": a.uri}, "range": case["range"], "context": {"diagnostics": [case]}}),
        )
        .await;
    let fixed: Vec<&str> = actions[0]["edit"]["changes"][&a.uri]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["newText"].as_str())
        .collect();
    assert_eq!(fixed, ["City", "Manager"], "{actions}");
    a.close().await;
}

/// A team is linked to no person and not to another body that shares a
/// word of its name ("Leeds United", "Supporters United"); a hospital is
/// no person; the agency of a dateline is a news organisation.
#[tokio::test]
async fn a_team_a_hospital_and_a_datelines_agency_are_no_one() {
    let mut a = Article::open("phantoms.md", PHANTOMS).await;
    for needle in ["Leeds United", "Supporters United", "Royal Marsden"] {
        let value = a.hover(needle).await;
        assert!(
            !matches!(kind_of(&value), "Person" | "Probably"),
            "{needle} is no person: {value}"
        );
        assert!(
            !a.references(needle).await.iter().any(|r| *r != needle),
            "{needle} is linked to something else"
        );
    }
    let agency = a.headline("AP)").await;
    assert_eq!(agency, "**AP** — news organisation");
    let people: Vec<(String, String)> = a
        .outline()
        .await
        .into_iter()
        .filter(|(n, _)| n.contains("United") || n.contains("Marsden"))
        .filter(|(_, d)| !d.starts_with("organisation"))
        .collect();
    assert!(people.is_empty(), "{people:?}");
    a.close().await;
}

const ALIKE: &str = include_str!("fixtures/actors/categories/father-and-son-alike.md");

/// "Halvard Lind, the mayor … His father, Halvard Lind,": a father and son
/// of one full name are two people, and a bare "Lind" after both is no
/// one's. A bare "Okoye" between a sister and the brother named after it
/// is hers; after both, no one's.
#[tokio::test]
async fn a_father_and_son_of_one_full_name_stay_apart() {
    let mut a = Article::open("father-and-son-alike.md", ALIKE).await;
    assert_eq!(
        a.headline("Halvard Lind, the").await,
        "**Halvard Lind** — mayor"
    );
    assert_eq!(a.references("Halvard Lind, the").await, ["Halvard Lind"]);
    assert_eq!(
        a.headline("Halvard Lind, founded").await,
        "**Halvard Lind** — father"
    );
    assert_eq!(
        a.references("Halvard Lind, founded").await,
        ["Halvard Lind"]
    );
    let bare = a.headline("Lind said").await;
    assert!(
        bare.starts_with("**Lind** — not linked: 2 people"),
        "{bare}"
    );
    assert_eq!(
        a.references("Okoye said trade").await,
        ["Mara Okoye", "Okoye"]
    );
    assert_eq!(a.references("Dayo Okoye").await, ["Dayo Okoye"]);
    let bare = a.headline("Okoye said he").await;
    assert!(
        bare.starts_with("**Okoye** — not linked: 2 people"),
        "{bare}"
    );
    assert_eq!(
        a.outline().await,
        pairs(&[
            ("Halvard Lind", "mayor · 1 ref."),
            ("Halvard Lind", "father · 1 ref."),
            ("Mara Okoye", "farmer · 2 ref."),
            ("Dayo Okoye", "brother · 1 ref."),
        ])
    );
    a.close().await;
}

const NOT_THE_ARTICLE: &str = include_str!("fixtures/actors/categories/not-the-article.md");

/// A Markdown link's text ("Read more: [Mayor Wu says …](url)") points to
/// another page: its "Wu" is the mayor's, but no first reference, which
/// the hover takes from the story, and no rule flags the story's full name
/// as coming late.
#[tokio::test]
async fn a_links_text_is_no_first_reference() {
    let mut a = Article::open("not-the-article.md", NOT_THE_ARTICLE).await;
    let hover = a.hover("Wu said").await;
    assert!(
        hover.starts_with("**Michelle Wu** — Mayor\n\nPerson · 3 references · first on line 7: “Mayor Michelle Wu”"),
        "{hover}"
    );
    assert_eq!(a.references("Wu said").await, ["Wu", "Michelle Wu", "Wu"]);
    let names: Vec<String> = a.outline().await.into_iter().map(|(n, _)| n).collect();
    assert!(names.contains(&"Michelle Wu".to_string()), "{names:?}");
    let flagged: Vec<&Value> = a.diagnostics["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .collect();
    assert!(flagged.is_empty(), "{flagged:?}");
    a.close().await;
}

const COURTESY_APART: &str = include_str!("fixtures/actors/categories/courtesy-apart.md");

/// A sister and "her brother, Emeka Okafor" are two people, though his
/// given name is on no list, so "Ms Okafor" and "Mr Okafor" are left
/// unlinked; of two men named Alan, "Sir Alan" is the one introduced as
/// Sir; a lowercase particle inside a sentence ("thanked bin Rashid")
/// still names the person.
#[tokio::test]
async fn relatives_and_namesakes_stay_apart_under_courtesy_titles() {
    let mut a = Article::open("courtesy-apart.md", COURTESY_APART).await;
    assert_eq!(a.references("Grace Okafor").await, ["Grace Okafor"]);
    assert_eq!(a.references("Emeka Okafor").await, ["Emeka Okafor"]);
    for needle in ["Ms Okafor", "Mr Okafor"] {
        let bare = a.headline(needle).await;
        assert!(bare.contains("not linked: 2 people"), "{needle}: {bare}");
    }
    assert_eq!(
        a.headline("Sir Alan said").await,
        "**Alan Fenwick** — retired judge"
    );
    assert_eq!(
        a.references("Sir Alan said").await,
        ["Alan Fenwick", "Alan"]
    );
    assert_eq!(a.references("Alan Brooke").await, ["Alan Brooke"]);
    assert_eq!(a.headline("Rashid for").await, "**Omar bin Rashid**");
    let names: Vec<String> = a.outline().await.into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "Grace Okafor",
            "Emeka Okafor",
            "Omar bin Rashid",
            "Alan Fenwick",
            "Alan Brooke"
        ]
    );
    a.close().await;
}
