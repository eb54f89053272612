//! What a copy desk catches in references to people, and what it leaves
//! alone, end to end over JSON-RPC, in AP, UK and NYT style: one fixture
//! article per kind of case (tests/fixtures/references/cases/), with the
//! tests split by rule family (titles, introductions, spellings, courtesy
//! titles), and, for every quick fix the rules offer on them, a check that
//! applying it leaves no diagnostic of the same rule on that reference
//! (`fixes`).

#[path = "../common/mod.rs"]
mod common;

mod courtesy;
mod fixes;
mod introductions;
mod spellings;
mod titles;

use common::{covered, offset_utf16, references, uri, TestClient};
use serde_json::{json, Value};

macro_rules! case {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../fixtures/references/cases/", $name, ".md")),
        )
    };
}

const CASES: [(&str, &str); 57] = [
    case!("offices"),
    case!("roles"),
    case!("knight"),
    case!("courtesy-mix"),
    case!("courtesy-ap"),
    case!("courtesy-switch"),
    case!("courtesy-mostly"),
    case!("couple"),
    case!("never-named"),
    case!("spelling"),
    case!("descriptors"),
    case!("link"),
    case!("early"),
    case!("uk-titles"),
    case!("respelt"),
    case!("courtesy-likely"),
    case!("things-demonym"),
    case!("things-plural"),
    case!("speech-repair"),
    case!("things-brand"),
    case!("nickname"),
    case!("respelt-once"),
    case!("transcript"),
    case!("family-slip"),
    case!("shaped-slip"),
    case!("settled-slip"),
    case!("courtesy-unnamed"),
    case!("courtesy-once"),
    case!("offices-appositive"),
    case!("courtesy-family"),
    case!("accents-headline"),
    case!("early-respelt"),
    case!("deck-lede"),
    case!("given-name-title"),
    case!("couple-contrast"),
    case!("couple-family"),
    case!("headline-one-paragraph"),
    case!("early-namesake"),
    case!("early-abbreviation"),
    case!("tagline"),
    case!("speaker-labels"),
    case!("given-name-or-rank"),
    case!("possessive-slip"),
    case!("early-doubtful-given"),
    case!("dame-place-word"),
    case!("place-spellings"),
    case!("early-not-a-surname"),
    case!("titled-given-head"),
    case!("uk-after-name"),
    case!("epithet"),
    case!("rank-gloss"),
    case!("early-shapes"),
    case!("embedded"),
    case!("early-particles"),
    case!("office-later-form"),
    case!("link-lede"),
    case!("never-named-namesake"),
];

fn text(name: &str) -> &'static str {
    CASES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .expect("a fixture of that name")
}

/// The reference rules' diagnostics on a document, as published.
async fn check(style: &str, name: &str, text: &str) -> (TestClient, String, Vec<Value>) {
    let (mut client, _) = TestClient::start_with(json!({}), json!({"style": style})).await;
    let u = uri(&format!("{style}-{name}.md"));
    let published = client.open_and_wait(&u, "markdown", text).await;
    (client, u, ours(&published))
}

/// The reference rules' diagnostics, in order.
fn ours(published: &Value) -> Vec<Value> {
    references::with_codes(published, &references::CODES)
}

/// The diagnostic with this code whose range covers exactly `covers`.
fn flagged<'d>(text: &str, diagnostics: &'d [Value], code: &str, covers: &str) -> &'d Value {
    diagnostics
        .iter()
        .find(|d| d["code"] == code && covered(text, d) == covers)
        .unwrap_or_else(|| {
            let seen: Vec<(String, &str)> = diagnostics
                .iter()
                .map(|d| (d["code"].to_string(), covered(text, d)))
                .collect();
            panic!("no {code} on {covers:?}; found {seen:?}")
        })
}

/// No diagnostic of ours overlaps the first occurrence of `needle`.
fn quiet(text: &str, diagnostics: &[Value], needle: &str) {
    let at = text.find(needle).expect("needle in fixture");
    let end = at + needle.len();
    for d in diagnostics {
        let (s, e) = (
            offset_utf16(text, &d["range"]["start"]),
            offset_utf16(text, &d["range"]["end"]),
        );
        assert!(
            e <= at || end <= s,
            "{needle:?} is flagged: {} {:?}",
            d["code"],
            d["message"]
        );
    }
}

/// The text after applying the first quick fix (not "Mark as checked")
/// offered on a diagnostic.
async fn fixed(client: &mut TestClient, u: &str, text: &str, d: &Value) -> String {
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": u}, "range": d["range"], "context": {"diagnostics": [d]}}),
        )
        .await;
    let fix = actions.as_array().and_then(|list| {
        list.iter().find(|a| {
            !a["title"]
                .as_str()
                .unwrap_or("")
                .starts_with("Mark as checked")
        })
    });
    let fix = fix.unwrap_or_else(|| panic!("no quick fix on {d}"));
    references::apply(text, &fix["edit"]["changes"][u]).0
}

/// The diagnostic's message.
fn message(d: &Value) -> &str {
    d["message"].as_str().unwrap_or_default()
}

/// The message opens with `prefix`.
fn starts(d: &Value, prefix: &str) {
    assert!(
        message(d).starts_with(prefix),
        "{prefix:?} does not open {d}"
    );
}

/// The message says `part` somewhere.
fn mentions(d: &Value, part: &str) {
    assert!(message(d).contains(part), "{part:?} is not in {d}");
}

/// The message closes with `suffix`.
fn ends(d: &Value, suffix: &str) {
    assert!(
        message(d).ends_with(suffix),
        "{suffix:?} does not close {d}"
    );
}
