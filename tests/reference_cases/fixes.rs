//! Every quick fix the reference rules offer on the fixtures leaves no
//! diagnostic of the same rule on that reference: in each house style, and
//! with a people file that sets the expected title and spelling.

use super::{check, ours, CASES};
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
/// the same rule covers the replaced text. Returns how many fixes it tried.
async fn fixes_hold(
    client: &mut TestClient,
    label: &str,
    u: &str,
    t: &str,
    found: &[Value],
) -> usize {
    let mut fixes = 0;
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
            fixes += 1;
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

#[tokio::test]
async fn every_quick_fix_leaves_no_diagnostic_of_its_rule_on_that_reference() {
    let mut fixes = 0;
    for style in ["ap", "uk", "nyt"] {
        for (name, t) in CASES.into_iter().chain(ARTICLES) {
            let (mut client, u, found) = check(style, name, t).await;
            fixes += fixes_hold(&mut client, &format!("{style}-{name}"), &u, t, &found).await;
            client.shutdown().await;
        }
    }
    assert!(fixes > 30, "only {fixes} fixes were tried");
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
        assert!(fixes >= 2, "{style}: only {fixes} fixes were tried");
        client.shutdown().await;
    }
}
