//! Every quick fix the reference rules offer on the fixtures leaves no
//! diagnostic of the same rule on that reference: in each house style, and
//! with a people file that sets the expected title and spelling.

use super::{check, flagged, ours, text, CASES};
use crate::common::references::apply;
use crate::common::{covered, offset_utf16, uri, TestClient};
use serde_json::{json, Value};

/// The older fixture articles of tests/references.rs, whose fixes are held
/// to the same promise.
const ARTICLES: [(&str, &str); 3] = [
    ("titles", include_str!("../fixtures/references/titles.md")),
    ("names", include_str!("../fixtures/references/names.md")),
    ("uk", include_str!("../fixtures/references/uk.md")),
];

/// Applies each quick fix offered on each diagnostic in `found` (published
/// for `t` at `u`), opens the fixed text, and asserts that no diagnostic of
/// the same rule covers the replaced text. Returns the fixes it tried, as
/// (rule, title).
async fn fixes_hold(
    client: &mut TestClient,
    label: &str,
    u: &str,
    t: &str,
    found: &[Value],
) -> Vec<(String, String)> {
    let mut fixes = Vec::new();
    for (n, d) in found.iter().enumerate() {
        let actions = client
            .request(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": u}, "range": d["range"], "context": {"diagnostics": [d]}}),
            )
            .await;
        let actions: Vec<Value> = actions
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|a| {
                !a["title"]
                    .as_str()
                    .unwrap_or("")
                    .starts_with("Mark as checked")
                    && a["diagnostics"][0]["code"] == d["code"]
            })
            .collect();
        for (k, action) in actions.iter().enumerate() {
            let (fixed, placed) = apply(t, &action["edit"]["changes"][u]);
            let fixed_uri = uri(&format!("{label}-{n}-{k}-fixed.md"));
            let after = client.open_and_wait(&fixed_uri, "markdown", &fixed).await;
            fixes.push((
                d["code"].as_str().unwrap_or("").to_string(),
                action["title"].as_str().unwrap_or("").to_string(),
            ));
            for again in ours(&after).iter().filter(|a| a["code"] == d["code"]) {
                let (s, e) = (
                    offset_utf16(&fixed, &again["range"]["start"]),
                    offset_utf16(&fixed, &again["range"]["end"]),
                );
                let on_it = placed.iter().any(|&(ps, pe)| s <= pe && ps <= e);
                assert!(
                    !on_it,
                    "{label}: after '{}' on {:?}, {} is still flagged: {}",
                    action["title"].as_str().unwrap_or(""),
                    covered(t, d),
                    again["code"],
                    again["message"]
                );
            }
            client.close(&fixed_uri).await;
        }
    }
    fixes
}

/// A fix's kind: its rule and its title without the quoted text
/// ("name-variant: Spell it … everywhere").
fn kind((code, title): &(String, String)) -> String {
    let head = title.split(" '").next().unwrap_or(title);
    let head = if head.starts_with("Introduce ") {
        "Introduce … here:"
    } else {
        head
    };
    let tail = if title.ends_with(" everywhere") {
        " … everywhere"
    } else {
        ""
    };
    format!("{code}: {head}{tail}")
}

#[tokio::test]
async fn every_quick_fix_leaves_no_diagnostic_of_its_rule_on_that_reference() {
    let mut fixes = Vec::new();
    for style in ["ap", "uk", "nyt"] {
        for (name, t) in CASES.into_iter().chain(ARTICLES) {
            let (mut client, u, found) = check(style, name, t).await;
            fixes.extend(fixes_hold(&mut client, &format!("{style}-{name}"), &u, t, &found).await);
            client.shutdown().await;
        }
    }
    assert!(fixes.len() > 30, "only {} fixes were tried", fixes.len());
    // Every kind of fix the rules offer (bar the people file's, below) was
    // among them.
    let mut kinds: Vec<String> = fixes.iter().map(kind).collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(
        kinds,
        [
            "courtesy-title: Use",
            "late-introduction: Introduce … here:",
            "name-variant: Spell it",
            "name-variant: Spell it … everywhere",
            "name-variant: Use",
            "repeated-title: Use",
            "title-case: Write",
            "title-mismatch: Use",
            "title-mismatch: Use the first reference's title:",
        ]
    );
}

#[tokio::test]
async fn the_people_files_fixes_leave_no_diagnostic_of_their_rule_either() {
    // The people file's title ("State Councilor Wang Yi") and spelling
    // ("Zelensky"): fixes only a people file offers.
    let people = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/references/people.toml"
    );
    let t = include_str!("../fixtures/references/desk.md");
    for style in ["ap", "uk"] {
        let (mut client, _) =
            TestClient::start_with(json!({}), json!({"people": people, "style": style})).await;
        let u = uri(&format!("{style}-desk.md"));
        let published = client.open_and_wait(&u, "markdown", t).await;
        let found = ours(&published);
        let titles: Vec<String> = found
            .iter()
            .map(|d| d["code"].as_str().unwrap_or("").to_string())
            .collect();
        assert!(titles.contains(&"title-mismatch".to_string()), "{titles:?}");
        assert!(titles.contains(&"name-variant".to_string()), "{titles:?}");
        let fixes = fixes_hold(&mut client, &format!("{style}-desk"), &u, t, &found).await;
        let kinds: Vec<String> = fixes.iter().map(kind).collect();
        assert!(
            kinds.contains(&"title-mismatch: Use the people file's title:".to_string())
                && kinds.contains(&"name-variant: Spell it … everywhere".to_string()),
            "{style}: {kinds:?}"
        );
        client.shutdown().await;
    }
}

#[tokio::test]
async fn a_fix_for_another_office_raises_no_other_reference_diagnostic() {
    // "Defense Minister Wang Yi" after "Chinese Foreign Minister Wang Yi":
    // the first fix is the form the style wants on a later reference, in
    // one step ("Wang" in AP; "Ms Marsh" in UK copy that gives courtesy
    // titles), and no fix offered raises `repeated-title`, `courtesy-title`
    // or any other reference rule on that reference.
    let titles = ARTICLES[0].1;
    for (style, name, t, office, first) in [
        ("ap", "titles", titles, "Defense Minister", "Use 'Wang'"),
        ("uk", "titles", titles, "Defense Minister", "Use 'Wang'"),
        (
            "ap",
            "office-later-form",
            text("office-later-form"),
            "Defence Secretary",
            "Use 'Marsh'",
        ),
        (
            "uk",
            "office-later-form",
            text("office-later-form"),
            "Defence Secretary",
            "Use 'Ms Marsh'",
        ),
    ] {
        let (mut client, u, found) = check(style, name, t).await;
        let d = flagged(t, &found, "title-mismatch", office);
        let actions = client
            .request(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": u}, "range": d["range"], "context": {"diagnostics": [d]}}),
            )
            .await;
        let offered: Vec<Value> = actions
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|a| a["diagnostics"][0]["code"] == "title-mismatch")
            .collect();
        assert_eq!(offered[0]["title"], first, "{style} {name}");
        for (k, action) in offered.iter().enumerate() {
            let (fixed, placed) = apply(t, &action["edit"]["changes"][&u]);
            let fixed_uri = uri(&format!("{style}-{name}-office-{k}.md"));
            let after = client.open_and_wait(&fixed_uri, "markdown", &fixed).await;
            for again in ours(&after) {
                let (s, e) = (
                    offset_utf16(&fixed, &again["range"]["start"]),
                    offset_utf16(&fixed, &again["range"]["end"]),
                );
                assert!(
                    !placed.iter().any(|&(ps, pe)| s <= pe && ps <= e),
                    "{style} {name}: after {} the reference has {}: {}",
                    action["title"],
                    again["code"],
                    again["message"]
                );
            }
            client.close(&fixed_uri).await;
        }
        client.shutdown().await;
    }
}
