//! Who-is-who over JSON-RPC: hover, highlights, references, the outline,
//! rename, and `copydesk actors`, on articles of our own.

mod common;

use common::{offset_utf16, uri, TestClient};
use serde_json::{json, Value};

const SUMMIT: &str = include_str!("fixtures/actors/summit.md");
const LAUNCH: &str = include_str!("fixtures/actors/launch.md");

/// The LSP position (UTF-16) of the `nth` occurrence (0-based) of `needle`.
fn position(text: &str, needle: &str, nth: usize) -> Value {
    let at = text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .expect("needle in text");
    let line = text[..at].matches('\n').count();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let character: usize = text[line_start..at].chars().map(char::len_utf16).sum();
    json!({"line": line, "character": character})
}

fn at(u: &str, text: &str, needle: &str, nth: usize) -> Value {
    json!({"textDocument": {"uri": u}, "position": position(text, needle, nth)})
}

/// The text of every range in a list of ranges or locations.
fn texts<'t>(text: &'t str, items: &Value) -> Vec<&'t str> {
    items
        .as_array()
        .map(|list| {
            list.iter()
                .map(|item| {
                    let range = if item["range"].is_object() {
                        &item["range"]
                    } else {
                        item
                    };
                    let start = offset_utf16(text, &range["start"]);
                    let end = offset_utf16(text, &range["end"]);
                    &text[start..end]
                })
                .collect()
        })
        .unwrap_or_default()
}

async fn opened(name: &str, text: &str) -> (TestClient, String) {
    let mut client = TestClient::start().await;
    let u = uri(name);
    client.open_and_wait(&u, "markdown", text).await;
    (client, u)
}

#[tokio::test]
async fn initialize_announces_navigation() {
    let (client, result) = TestClient::start_with(json!({}), Value::Null).await;
    let caps = &result["capabilities"];
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(caps["documentHighlightProvider"], true);
    assert_eq!(caps["referencesProvider"], true);
    assert_eq!(caps["documentSymbolProvider"], true);
    assert_eq!(caps["renameProvider"], json!({"prepareProvider": true}));
    client.shutdown().await;
}

#[tokio::test]
async fn hover_describes_a_person_from_a_later_reference() {
    let (mut client, u) = opened("summit.md", SUMMIT).await;
    let hover = client
        .request("textDocument/hover", at(&u, SUMMIT, "Wang said", 0))
        .await;
    assert_eq!(
        hover,
        json!({
            "contents": {"kind": "markdown", "value": "**Wang Yi** — Chinese Foreign Minister\n\nPerson · 4 references · first on line 3: “Chinese Foreign Minister Wang Yi”\n\nForms: Wang ×2, Wang Yi ×2\n\nRelations: counterpart: Sergei Lavrov\n\nSaid:\n- line 5, said: “stand shoulder to shoulder”"},
            "range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 4}}
        })
    );
    client.shutdown().await;
}

#[tokio::test]
async fn hover_covers_every_pattern_of_the_fixture() {
    let (mut client, u) = opened("summit.md", SUMMIT).await;
    // (where to hover, the first line of the hover)
    let cases = [
        (
            "Lavrov called",
            "**Sergei Lavrov** — Russian foreign minister (counterpart of Wang Yi)",
        ),
        ("Wang Yi's visit", "**Wang Yi** — Chinese Foreign Minister"),
        (
            "Shoigu told",
            "**Sergei Shoigu** — Russian Security Council Secretary",
        ),
        (
            "Secretary of State",
            "**Marco Rubio** — U.S. Secretary of State",
        ),
        ("Donald Trump's", "**Donald Trump** — President"),
        (
            "Witkoff",
            "**Steve Witkoff** — special envoy of Donald Trump",
        ),
        ("president's son-in-law", "**Donald Trump** — President"),
        ("Kushner", "**Jared Kushner** — son-in-law of Donald Trump"),
        ("Kaja Kallas", "**Kaja Kallas** — EU's foreign policy chief"),
        (
            "Hamdullah",
            "**Hamdullah Mohib** — Afghan Ambassador to the United States",
        ),
        ("Xi has", "**Xi Jinping** — Chinese President"),
        ("Chinese leader", "**Xi Jinping** — Chinese President"),
        ("Reuters", "**Reuters** — news organisation"),
        ("BTA", "**BTA** — news organisation"),
        ("Foreign Ministry", "**Chinese Foreign Ministry**"),
        ("Kremlin", "**Kremlin** — stands for the Russian government"),
        (
            "White House",
            "**White House** — stands for the U.S. government",
        ),
        (
            "Beijing says",
            "**Beijing** — stands for the Chinese government",
        ),
    ];
    for (needle, header) in cases {
        let hover = client
            .request("textDocument/hover", at(&u, SUMMIT, needle, 0))
            .await;
        let value = hover["contents"]["value"].as_str().unwrap_or("");
        assert_eq!(
            value.lines().next(),
            Some(header),
            "hover at {needle:?}: {value}"
        );
    }
    // Moscow is where the talks were, not an actor; "the" is not a name.
    for needle in ["Moscow on Monday", "the talks"] {
        let hover = client
            .request("textDocument/hover", at(&u, SUMMIT, needle, 0))
            .await;
        assert_eq!(hover, Value::Null, "{needle}");
    }
    client.shutdown().await;
}

#[tokio::test]
async fn kinds_relations_and_statements_show_on_hover() {
    let (mut client, u) = opened("summit.md", SUMMIT).await;
    let hover = client
        .request("textDocument/hover", at(&u, SUMMIT, "Witkoff", 0))
        .await;
    assert_eq!(
        hover["contents"]["value"],
        "**Steve Witkoff** — special envoy of Donald Trump\n\nPerson · 1 reference · first on line 9: “special envoy Steve Witkoff”\n\nRelations: special envoy of Donald Trump"
    );
    let hover = client
        .request("textDocument/hover", at(&u, SUMMIT, "Kremlin", 0))
        .await;
    assert_eq!(
        hover["contents"]["value"],
        "**Kremlin** — stands for the Russian government\n\nGovernment · 1 reference · first on line 15: “Kremlin”\n\nSaid:\n- line 15, said: “Lavrov would travel to China in the spring, and the Bulgarian news…”"
    );
    client.shutdown().await;
}

#[tokio::test]
async fn a_shared_surname_stays_unlinked_and_the_hover_says_so() {
    let (mut client, u) = opened("launch.md", LAUNCH).await;
    let hover = client
        .request("textDocument/hover", at(&u, LAUNCH, "Berg told", 0))
        .await;
    assert_eq!(
        hover["contents"]["value"],
        "**Berg** — not linked: 2 people in this article have this name\n\n- Anna Berg (Swedish Education Minister), first on line 3\n- Lars Berg (astronaut), first on line 5\n\nUse a fuller name here so readers know which one is meant."
    );
    // Before Lars Berg is named, "Berg" can only be Anna Berg.
    let hover = client
        .request("textDocument/hover", at(&u, LAUNCH, "Berg, 52", 0))
        .await;
    let first = hover["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .lines()
        .next();
    assert_eq!(first, Some("**Anna Berg** — Swedish Education Minister"));
    let highlights = client
        .request(
            "textDocument/documentHighlight",
            at(&u, LAUNCH, "Berg told", 0),
        )
        .await;
    assert_eq!(texts(LAUNCH, &highlights), vec!["Berg"]);
    let rename = client
        .request_raw(
            "textDocument/rename",
            json!({"textDocument": {"uri": u}, "position": position(LAUNCH, "Berg told", 0), "newName": "Bergh"}),
        )
        .await;
    assert_eq!(rename["error"]["code"], -32602, "{rename}");
    client.shutdown().await;
}

#[tokio::test]
async fn family_name_first_references_link_and_highlight() {
    let (mut client, u) = opened("launch.md", LAUNCH).await;
    let highlights = client
        .request(
            "textDocument/documentHighlight",
            at(&u, LAUNCH, "Kim showed", 0),
        )
        .await;
    assert_eq!(texts(LAUNCH, &highlights), vec!["Kim Min-jun", "Kim"]);
    assert!(highlights
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["kind"] == 1));
    let hover = client
        .request("textDocument/hover", at(&u, LAUNCH, "Park said", 0))
        .await;
    let first = hover["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .lines()
        .next();
    assert_eq!(
        first,
        Some("**Park Joo-ho** — South Korean Science Minister")
    );
    client.shutdown().await;
}

#[tokio::test]
async fn highlights_and_references_list_every_reference() {
    let (mut client, u) = opened("summit.md", SUMMIT).await;
    let highlights = client
        .request(
            "textDocument/documentHighlight",
            at(&u, SUMMIT, "Lavrov called", 0),
        )
        .await;
    assert_eq!(
        texts(SUMMIT, &highlights),
        vec!["Lavrov", "Sergei Lavrov", "Lavrov", "Lavrov", "Lavrov"]
    );
    let mut params = at(&u, SUMMIT, "Xi has", 0);
    params["context"] = json!({"includeDeclaration": true});
    let references = client
        .request("textDocument/references", params.clone())
        .await;
    assert_eq!(
        texts(SUMMIT, &references),
        vec!["Xi Jinping", "Xi", "Chinese leader"]
    );
    assert!(references
        .as_array()
        .unwrap()
        .iter()
        .all(|l| l["uri"] == u.as_str()));
    params["context"] = json!({"includeDeclaration": false});
    let references = client.request("textDocument/references", params).await;
    assert_eq!(texts(SUMMIT, &references), vec!["Xi", "Chinese leader"]);
    client.shutdown().await;
}

#[tokio::test]
async fn the_outline_lists_people_then_organisations_with_roles() {
    let (mut client, u) = opened("launch.md", LAUNCH).await;
    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": u}}),
        )
        .await;
    let outline: Vec<(String, String, i64)> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap_or("").to_string(),
                s["detail"].as_str().unwrap_or("").to_string(),
                s["kind"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    let expected = [
        ("Park Joo-ho", "South Korean Science Minister · 2 ref.", 19),
        ("Anna Berg", "Swedish Education Minister · 2 ref.", 19),
        ("Lars Berg", "astronaut · 1 ref.", 19),
        (
            "Kim Min-jun",
            "researcher at the Korea Aerospace Research Institute · 2 ref.",
            19,
        ),
        ("John Glenn", "astronaut · 1 ref.", 19),
        (
            "Sergei Shoigu",
            "secretary of Russia's Security Council · 1 ref.",
            19,
        ),
        ("Seoul National University", "organisation · 1 ref.", 2),
        (
            "Korea Aerospace Research Institute",
            "organisation · 1 ref.",
            2,
        ),
        ("Security Council", "international organisation · 1 ref.", 2),
        ("Yonhap", "news organisation · 1 ref.", 2),
    ];
    let expected: Vec<(String, String, i64)> = expected
        .iter()
        .map(|(n, d, k)| (n.to_string(), d.to_string(), *k))
        .collect();
    assert_eq!(outline, expected);
    assert_eq!(
        symbols[0]["selectionRange"],
        json!({"start": {"line": 2, "character": 30}, "end": {"line": 2, "character": 41}})
    );
    client.shutdown().await;
}

#[tokio::test]
async fn rename_from_a_full_name_changes_surnames_as_surnames() {
    let (mut client, u) = opened("summit.md", SUMMIT).await;
    let prepared = client
        .request(
            "textDocument/prepareRename",
            at(&u, SUMMIT, "Sergei Lavrov", 0),
        )
        .await;
    assert_eq!(prepared["placeholder"], "Sergei Lavrov");
    let mut params = at(&u, SUMMIT, "Sergei Lavrov", 0);
    params["newName"] = json!("Sergey Lavrova");
    let edit = client.request("textDocument/rename", params).await;
    let edits = &edit["changes"][u.as_str()];
    let mut changed: Vec<(String, String)> = edits
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let start = offset_utf16(SUMMIT, &e["range"]["start"]);
            let end = offset_utf16(SUMMIT, &e["range"]["end"]);
            (
                SUMMIT[start..end].to_string(),
                e["newText"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    changed.sort();
    changed.dedup();
    assert_eq!(
        changed,
        vec![
            ("Lavrov".to_string(), "Lavrova".to_string()),
            ("Sergei Lavrov".to_string(), "Sergey Lavrova".to_string()),
        ]
    );
    assert_eq!(edits.as_array().unwrap().len(), 5);
    client.shutdown().await;
}

#[tokio::test]
async fn rename_from_a_family_name_keeps_given_names_and_possessives() {
    let (mut client, u) = opened("summit.md", SUMMIT).await;
    let mut params = at(&u, SUMMIT, "Wang said", 0);
    params["newName"] = json!("Wong");
    let edit = client.request("textDocument/rename", params).await;
    let edits = edit["changes"][u.as_str()].as_array().unwrap().clone();
    let mut result = SUMMIT.to_string();
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset_utf16(SUMMIT, &e["range"]["start"]),
                offset_utf16(SUMMIT, &e["range"]["end"]),
                e["newText"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    spans.sort();
    for (start, end, new) in spans.into_iter().rev() {
        result.replace_range(start..end, &new);
    }
    assert!(result.starts_with("# Wong and Lavrov"));
    assert!(result.contains("Chinese Foreign Minister Wong Yi met"));
    assert!(result.contains("Wong said the two"));
    assert!(result.contains("Wong Yi's visit"));
    assert!(!result.contains("Wang"));
    client.shutdown().await;
}

#[tokio::test]
async fn navigation_outside_actors_and_documents_is_quiet() {
    let (mut client, u) = opened("summit.md", SUMMIT).await;
    let nothing = client
        .request("textDocument/hover", at(&u, SUMMIT, "frank and useful", 0))
        .await;
    assert_eq!(nothing, Value::Null);
    let ghost = uri("ghost.md");
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": ghost}, "position": {"line": 0, "character": 0}}),
        )
        .await;
    assert_eq!(hover, Value::Null);
    let far = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": u}, "position": {"line": 900, "character": 3}}),
        )
        .await;
    assert_eq!(far, Value::Null);
    let mut params = at(&u, SUMMIT, "Wang said", 0);
    params["newName"] = json!("   ");
    let empty = client.request_raw("textDocument/rename", params).await;
    assert_eq!(empty["error"]["code"], -32602);
    client.shutdown().await;
}

#[tokio::test]
async fn hover_ranges_are_exact_with_emoji_and_crlf() {
    let text = "Talks 😀 end\r\n\r\n😀 Chinese Foreign Minister Wang Yi said the 🇺🇦 talks went well. Wang added more.\r\n";
    let mut client = TestClient::start().await;
    let u = uri("emoji.txt");
    client.open_and_wait(&u, "plaintext", text).await;
    let hover = client
        .request("textDocument/hover", at(&u, text, "Wang added", 0))
        .await;
    assert_eq!(
        hover["range"],
        json!({"start": {"line": 2, "character": 67}, "end": {"line": 2, "character": 71}})
    );
    let highlights = client
        .request(
            "textDocument/documentHighlight",
            at(&u, text, "Wang added", 0),
        )
        .await;
    assert_eq!(texts(text, &highlights), vec!["Wang Yi", "Wang"]);
    client.shutdown().await;
}

#[test]
fn the_cli_lists_actors_roles_and_references() {
    let dir = std::env::temp_dir().join(format!("copydesk-actors-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("launch.md");
    std::fs::write(&path, LAUNCH).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["actors", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &listed["actors"][0];
    assert_eq!(first["name"], "Park Joo-ho");
    assert_eq!(first["kind"], "person");
    assert_eq!(first["role"], "South Korean Science Minister");
    assert_eq!(
        first["references"][1],
        json!({"line": 5, "column": 1, "text": "Park", "name": "Park", "form": "family name", "start_byte": first["references"][1]["start_byte"], "end_byte": first["references"][1]["end_byte"]})
    );
    assert_eq!(
        listed["unlinked"][0]["candidates"],
        json!(["Anna Berg", "Lars Berg"])
    );
    let human = std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .arg("actors")
        .arg(&path)
        .output()
        .unwrap();
    let human = String::from_utf8_lossy(&human.stdout);
    assert!(human.contains("  Anna Berg — Swedish Education Minister (person)\n    3:47  Swedish Education Minister Anna Berg  [full name]\n    5:64  Berg  [family name]\n"), "{human}");
    assert!(
        human.contains("  not linked: 7:1  Berg could be Anna Berg or Lars Berg"),
        "{human}"
    );
}

/// A fresh folder for files a test writes.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("copydesk-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test]
async fn a_people_file_adds_its_description_and_date_to_the_hover() {
    let dir = scratch("people-good");
    let people = dir.join("people.toml");
    std::fs::write(
        &people,
        "# Desk list\n[[person]]\nname = \"Kaja Kallas\"\ntitle = \"High Representative for Foreign Affairs\"\ndescription = \"Former prime minister of Estonia; EU foreign policy chief since December 2024.\"\nas_of = 2025-02-01\n",
    )
    .unwrap();
    let (mut client, _) =
        TestClient::start_with(json!({}), json!({"people": people.to_string_lossy()})).await;
    let u = uri("people-summit.md");
    client.open_and_wait(&u, "markdown", SUMMIT).await;
    let hover = client
        .request("textDocument/hover", at(&u, SUMMIT, "Kaja Kallas", 0))
        .await;
    let value = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(
        value.ends_with("People file (as of 2025-02-01): High Representative for Foreign Affairs. Former prime minister of Estonia; EU foreign policy chief since December 2024."),
        "{value}"
    );
    client.shutdown().await;
}

#[tokio::test]
async fn a_malformed_people_file_is_logged_with_its_line_and_ignored() {
    let dir = scratch("people-bad");
    let people = dir.join("people.toml");
    std::fs::write(
        &people,
        "[[person]]\nname = \"Kaja Kallas\"\ntitle = chief\n",
    )
    .unwrap();
    let (mut client, _) =
        TestClient::start_with(json!({}), json!({"people": people.to_string_lossy()})).await;
    let u = uri("people-bad.md");
    client.open_and_wait(&u, "markdown", SUMMIT).await;
    let log = client
        .notification_where("window/logMessage", |p| {
            p["message"].as_str().unwrap_or("").contains("people file")
        })
        .await;
    assert_eq!(log["type"], 1);
    let message = log["message"].as_str().unwrap_or("");
    assert!(message.contains("people.toml: line 3:"), "{message}");
    // The article is still read, and the error is not repeated on every analysis.
    let hover = client
        .request("textDocument/hover", at(&u, SUMMIT, "Kaja Kallas", 0))
        .await;
    let first = hover["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .lines()
        .next();
    assert_eq!(first, Some("**Kaja Kallas** — EU's foreign policy chief"));
    client.save(&u).await;
    client.diagnostics(&u).await;
    let later = client.drain(std::time::Duration::from_millis(300)).await;
    assert!(
        later.iter().all(|m| !m["params"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("people file")),
        "{later:?}"
    );
    client.shutdown().await;
}

const MOVEMENTS: &str = include_str!("fixtures/actors/movements.md");

#[tokio::test]
async fn groups_places_and_characters_show_who_is_named() {
    let (mut client, u) = opened("movements.md", MOVEMENTS).await;
    let hover = client
        .request("textDocument/hover", at(&u, MOVEMENTS, "Taliban said", 0))
        .await;
    assert_eq!(
        hover["contents"]["value"],
        "**Taliban** — Islamist movement\n\nOrganisation · 2 references · first on line 3: “Taliban”\n\nSaid:\n- line 4, said: “the road would stay shut”"
    );
    // (where to hover, the first line of the hover)
    let cases = [
        ("Anonymous\",", "**Anonymous** — hacker collective"),
        ("Ferrante", "**Ferrante government**"),
        ("Park Chung", "**Park Chung Hee**"),
        ("Starling", "**Starling**"),
        ("Tinker", "**Tinker**"),
    ];
    for (needle, header) in cases {
        let hover = client
            .request("textDocument/hover", at(&u, MOVEMENTS, needle, 0))
            .await;
        let value = hover["contents"]["value"].as_str().unwrap_or("");
        assert_eq!(
            value.lines().next(),
            Some(header),
            "hover at {needle:?}: {value}"
        );
    }
    // A place with a given name in it is not a person.
    let hover = client
        .request("textDocument/hover", at(&u, MOVEMENTS, "Victoria", 0))
        .await;
    assert_eq!(hover, Value::Null);
    client.shutdown().await;
}
