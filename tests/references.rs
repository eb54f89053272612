//! The reference rules end to end, over JSON-RPC: diagnostics on fixture
//! articles (snapshots), the cases that must stay quiet, each quick fix, the
//! house styles and the people file.

mod common;

use common::{covered, offset_utf16, references, uri, TestClient};
use serde_json::{json, Value};

const TITLES: &str = include_str!("fixtures/references/titles.md");
const NAMES: &str = include_str!("fixtures/references/names.md");
const UK: &str = include_str!("fixtures/references/uk.md");
const DESK: &str = include_str!("fixtures/references/desk.md");

const CODES: [&str; 5] = [
    "title-mismatch",
    "title-case",
    "repeated-title",
    "late-introduction",
    "name-variant",
];

/// The reference rules' diagnostics as a reader sees them: code, severity,
/// the text covered, the message and the related information's text.
fn readable(text: &str, published: &Value) -> Vec<Value> {
    ours(published)
        .iter()
        .map(|d| {
            let related: Vec<Value> = d["relatedInformation"]
                .as_array()
                .map(|list| {
                    list.iter()
                        .map(|r| json!({"covers": covered(text, &r["location"]), "message": r["message"]}))
                        .collect()
                })
                .unwrap_or_default();
            json!({
                "code": d["code"],
                "severity": d["severity"],
                "covers": covered(text, d),
                "message": d["message"],
                "related": related,
            })
        })
        .collect()
}

/// The diagnostics of the reference rules, in order.
fn ours(published: &Value) -> Vec<Value> {
    references::with_codes(published, &CODES)
}

/// The rule's quick fixes for one diagnostic: (title, the text after the fix).
async fn fixes(
    client: &mut TestClient,
    u: &str,
    text: &str,
    diagnostic: &Value,
) -> Vec<(String, String)> {
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": u}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}}),
        )
        .await;
    actions
        .as_array()
        .map(|list| {
            list.iter()
                // Every diagnostic also offers to be marked as checked.
                .filter(|a| {
                    !a["title"]
                        .as_str()
                        .unwrap_or("")
                        .starts_with("Mark as checked")
                })
                .map(|a| {
                    (
                        a["title"].as_str().unwrap_or("").to_string(),
                        references::apply(text, &a["edit"]["changes"][u]).0,
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The first of our diagnostics with this code whose range covers `needle`.
fn find<'p>(published: &'p Value, text: &str, code: &str, needle: &str) -> Option<&'p Value> {
    published["diagnostics"]
        .as_array()?
        .iter()
        .find(|d| d["code"] == code && covered(text, d).contains(needle))
}

#[tokio::test]
async fn titles_that_disagree_or_take_the_wrong_case() {
    let mut client = TestClient::start().await;
    let u = uri("titles.md");
    let published = client.open_and_wait(&u, "markdown", TITLES).await;
    insta::assert_json_snapshot!(readable(TITLES, &published));
    client.shutdown().await;
}

#[tokio::test]
async fn names_before_the_introduction_and_spelled_two_ways() {
    let mut client = TestClient::start().await;
    let u = uri("names.md");
    let published = client.open_and_wait(&u, "markdown", NAMES).await;
    insta::assert_json_snapshot!(readable(NAMES, &published));
    client.shutdown().await;
}

#[tokio::test]
async fn descriptions_quotations_headlines_and_later_titles_stay_quiet() {
    let mut client = TestClient::start().await;
    let u = uri("titles-quiet.md");
    let published = client.open_and_wait(&u, "markdown", TITLES).await;
    let ranges: Vec<(usize, usize)> = ours(&published)
        .iter()
        .map(|d| {
            (
                offset_utf16(TITLES, &d["range"]["start"]),
                offset_utf16(TITLES, &d["range"]["end"]),
            )
        })
        .collect();
    for quiet in [
        // Job descriptions and relations are never capitalised as titles.
        "special envoy",
        "astronaut",
        "son-in-law",
        // The speaker's words, and the headline.
        "foreign minister Wang is",
        "Wang Yi visits",
        // The same office with the surname alone.
        "President Trump later",
    ] {
        let at = TITLES.find(quiet).expect("in the fixture");
        let end = at + quiet.len();
        assert!(
            ranges.iter().all(|&(s, e)| e <= at || end <= s),
            "{quiet:?} flagged: {ranges:?}"
        );
    }
    let names = client
        .open_and_wait(&uri("names-quiet.md"), "markdown", NAMES)
        .await;
    let flagged: Vec<&str> = ours(&names).iter().map(|d| covered(NAMES, d)).collect();
    // "Xi" after "Xi Jinping" is right; two Bergs are two people; a quotation is the speaker's.
    assert!(!flagged.contains(&"Xi"), "{flagged:?}");
    assert!(!flagged.iter().any(|f| f.contains("Berg")), "{flagged:?}");
    assert_eq!(
        flagged.iter().filter(|f| **f == "Zelenskyy").count(),
        2,
        "the quoted Zelenskyy is not flagged: {flagged:?}"
    );
    client.shutdown().await;
}

#[tokio::test]
async fn title_fixes_restore_the_first_form_the_surname_or_the_case() {
    let mut client = TestClient::start().await;
    let u = uri("titles-fix.md");
    let published = client.open_and_wait(&u, "markdown", TITLES).await;

    // The same office with the country left out, and the full name again
    // two paragraphs on: an introduction repeated, not another title.
    let again = find(
        &published,
        TITLES,
        "repeated-title",
        "Foreign Minister Wang Yi told",
    )
    .or_else(|| {
        published["diagnostics"].as_array().and_then(|list| {
            list.iter().find(|d| {
                d["code"] == "repeated-title" && covered(TITLES, d) == "Foreign Minister Wang Yi"
            })
        })
    });
    let offered = fixes(&mut client, &u, TITLES, again.unwrap()).await;
    assert_eq!(offered[0].0, "Use 'Wang'");
    assert!(offered[0].1.contains("\n\nWang told reporters"));

    // Another office: the form AP wants on a later reference first, in one
    // step; then the first reference's title with the surname (not the
    // full name again).
    let other = find(&published, TITLES, "title-mismatch", "Defense Minister").unwrap();
    let offered = fixes(&mut client, &u, TITLES, other).await;
    assert_eq!(offered[0].0, "Use 'Wang'");
    assert!(offered[0]
        .1
        .contains("\n\nWang later met military officials"));
    assert_eq!(
        offered[1].0,
        "Use the first reference's title: 'Chinese Foreign Minister Wang'"
    );
    assert!(offered[1]
        .1
        .contains("\n\nChinese Foreign Minister Wang later met"));

    let office = find(&published, TITLES, "title-mismatch", "Defense Minister").unwrap();
    assert_eq!(office["severity"], 2);
    assert_eq!(
        office["relatedInformation"][0]["message"],
        "first reference: 'Chinese Foreign Minister'"
    );
    assert_eq!(
        covered(TITLES, &office["relatedInformation"][0]["location"]),
        "Chinese Foreign Minister"
    );

    let repeated = find(&published, TITLES, "repeated-title", "Minsk").or_else(|| {
        find(
            &published,
            TITLES,
            "repeated-title",
            "Chinese Foreign Minister Wang Yi",
        )
    });
    let repeated = repeated.unwrap();
    let offered = fixes(&mut client, &u, TITLES, repeated).await;
    assert_eq!(offered.len(), 1);
    assert_eq!(offered[0].0, "Use 'Wang'");
    assert!(offered[0].1.contains("\n\nWang then flew on to Minsk."));

    let lower = find(&published, TITLES, "title-case", "foreign minister").unwrap();
    let offered = fixes(&mut client, &u, TITLES, lower).await;
    assert_eq!(offered[0].0, "Write 'Foreign Minister'");
    assert!(offered[0].1.contains("meet Foreign Minister Sergei Lavrov"));

    let set_off = find(&published, TITLES, "title-case", "Foreign Minister").unwrap();
    let offered = fixes(&mut client, &u, TITLES, set_off).await;
    assert!(offered[0]
        .1
        .contains("Lavrov, the foreign minister, has held"));
    client.shutdown().await;
}

#[tokio::test]
async fn name_fixes_move_the_introduction_and_use_one_spelling() {
    let mut client = TestClient::start().await;
    let u = uri("names-fix.md");
    let published = client.open_and_wait(&u, "markdown", NAMES).await;

    let early = find(&published, NAMES, "late-introduction", "Lavrov").unwrap();
    let offered = fixes(&mut client, &u, NAMES, early).await;
    assert_eq!(
        offered[0].0,
        "Introduce Sergei Lavrov here: 'Russian Foreign Minister Sergei Lavrov'"
    );
    let moved = &offered[0].1;
    assert!(moved.contains("\n\nRussian Foreign Minister Sergei Lavrov said the talks"));
    assert!(moved.contains("\n\nLavrov met Chinese President Xi Jinping"));

    let variant = find(&published, NAMES, "name-variant", "Zelenskyy").unwrap();
    let offered = fixes(&mut client, &u, NAMES, variant).await;
    assert_eq!(offered[0].0, "Spell it 'Zelensky' everywhere");
    let one_spelling = &offered[0].1;
    assert!(one_spelling.contains("Zelensky told reporters"));
    assert!(one_spelling.contains("and Zelensky's office said"));
    // The quotation keeps the speaker's words.
    assert!(one_spelling.contains("\"Zelenskyy knows that.\""));

    let given = find(&published, NAMES, "name-variant", "Jinping").unwrap();
    assert_eq!(
        given["message"],
        "Xi Jinping puts the family name first: later references use 'Xi', not 'Jinping'"
    );
    let offered = fixes(&mut client, &u, NAMES, given).await;
    assert!(offered[0].1.contains("and Xi called the talks friendly"));
    client.shutdown().await;
}

#[tokio::test]
async fn the_house_style_decides_case_and_courtesy_titles() {
    // AP: a lowercase title before a name is flagged; no courtesy fix.
    let mut client = TestClient::start().await;
    let u = uri("uk-as-ap.md");
    let ap = client.open_and_wait(&u, "markdown", UK).await;
    assert!(find(&ap, UK, "title-case", "foreign secretary").is_some());
    let repeated = find(&ap, UK, "repeated-title", "Prime Minister Keir Starmer").unwrap();
    let offered = fixes(&mut client, &u, UK, repeated).await;
    assert_eq!(offered.len(), 1);
    client.shutdown().await;

    // UK: titles before a name are left to the house; courtesy titles are fine.
    let (mut client, _) = TestClient::start_with(json!({}), json!({"style": "uk"})).await;
    let u = uri("uk.md");
    let uk = client.open_and_wait(&u, "markdown", UK).await;
    assert!(find(&uk, UK, "title-case", "foreign secretary").is_none());
    let set_off = find(&uk, UK, "title-case", "Prime Minister").unwrap();
    assert_eq!(
        set_off["message"],
        "A formal title set off by commas is lowercase in UK style: 'prime minister'"
    );
    let repeated = find(&uk, UK, "repeated-title", "Prime Minister Keir Starmer").unwrap();
    let offered = fixes(&mut client, &u, UK, repeated).await;
    let titles: Vec<&str> = offered.iter().map(|(t, _)| t.as_str()).collect();
    // UK style: the courtesy title the article gives him, in one step.
    assert_eq!(titles, vec!["Use 'Mr Starmer'"]);
    assert!(offered[0].1.contains("\n\nMr Starmer later flew home."));
    client.shutdown().await;
}

#[tokio::test]
async fn the_people_file_gives_the_expected_title_and_spelling() {
    let people = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/references/people.toml"
    );
    let (mut client, _) = TestClient::start_with(json!({}), json!({"people": people})).await;
    let u = uri("desk.md");
    let published = client.open_and_wait(&u, "markdown", DESK).await;
    let file = format!("file://{people}");

    let title = find(
        &published,
        DESK,
        "title-mismatch",
        "Chinese Foreign Minister",
    )
    .unwrap();
    assert_eq!(
        title["message"],
        "Wang Yi is 'State Councilor' in the people file (as of 2025-03-01) but 'Chinese Foreign Minister' here"
    );
    assert_eq!(
        title["relatedInformation"][0],
        json!({"location": {"uri": file, "range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}}}, "message": "people file: 'State Councilor'"})
    );
    let offered = fixes(&mut client, &u, DESK, title).await;
    assert!(offered[0].1.contains("\n\nState Councilor Wang Yi arrived"));

    let spelling = find(&published, DESK, "name-variant", "Zelenskyy").unwrap();
    assert_eq!(
        spelling["message"],
        "'Zelenskyy' here, but the people file spells it 'Zelensky' (Volodymyr Zelensky)"
    );
    assert_eq!(spelling["relatedInformation"][0]["location"]["uri"], file);
    client.shutdown().await;
}

#[test]
fn explain_documents_every_reference_code() {
    for code in CODES {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .args(["explain", code])
            .output()
            .unwrap();
        assert!(out.status.success(), "{code}");
        let doc = String::from_utf8_lossy(&out.stdout);
        assert!(doc.starts_with(&format!("# {code}")), "{code}");
        assert!(doc.contains("## What it flags") && doc.contains("## Example"));
    }
}
