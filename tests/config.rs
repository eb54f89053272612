//! Settings over JSON-RPC: the layers (defaults < `.copydesk.toml` < editor),
//! re-reading them without a restart, bad input, suppression comments and the
//! "Mark as checked" quick fix.

mod common;

use std::path::Path;
use std::time::Duration;

use common::desk::{uri_of, Desk};
use common::{codes, TestClient};
use serde_json::{json, Value};

const STORY: &str = "Port deal\n\nCritics say the deal will fail.\n";

/// A client that answers `workspace/configuration` and lets the server watch files.
fn full_capabilities() -> Value {
    json!({"workspace": {"configuration": true, "didChangeWatchedFiles": {"dynamicRegistration": true}}})
}

/// Starts a fully capable client whose settings pull answers `pulled`, and
/// waits until the server has pulled them and registered its file watcher.
async fn start_full(init: Value, pulled: Value) -> TestClient {
    let (mut client, _) = TestClient::start_with(full_capabilities(), init).await;
    client.configuration = json!([pulled]);
    client.server_request("client/registerCapability").await;
    client
}

/// The severity of each diagnostic of a publication.
fn severities(params: &Value) -> Vec<u64> {
    params["diagnostics"]
        .as_array()
        .map(|list| list.iter().filter_map(|d| d["severity"].as_u64()).collect())
        .unwrap_or_default()
}

async fn file_changed(client: &mut TestClient, path: &Path, kind: u8) {
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": uri_of(path), "type": kind}]}),
        )
        .await;
}

const CREATED: u8 = 1;
const CHANGED: u8 = 2;
const DELETED: u8 = 3;

fn messages_of(messages: &[Value], method: &str) -> Vec<Value> {
    messages
        .iter()
        .filter(|m| m["method"] == method)
        .map(|m| m["params"].clone())
        .collect()
}

#[tokio::test]
async fn each_layer_overrides_the_one_before() {
    let bare = Desk::new("layers-bare");
    let desk = Desk::new("layers");
    desk.write(
        ".copydesk.toml",
        "check_on = \"change\"\ndebounce_ms = 20\n\n[rules]\nvague-attribution = \"error\"\n",
    );
    desk.write(
        "local/.copydesk.toml",
        "[rules]\nvague-attribution = \"off\"\n",
    );

    // Defaults, then the nearest file.
    let mut client = TestClient::start().await;
    let published = client
        .open_and_wait(&bare.uri("story.md"), "markdown", STORY)
        .await;
    assert_eq!(severities(&published), vec![2], "the default: a warning");
    let published = client
        .open_and_wait(&desk.uri("politics/story.md"), "markdown", STORY)
        .await;
    assert_eq!(severities(&published), vec![1], "the file: an error");
    let published = client
        .open_and_wait(&desk.uri("local/story.md"), "markdown", STORY)
        .await;
    assert_eq!(codes(&published), Vec::<String>::new(), "the nearest file");
    client.shutdown().await;

    // initializationOptions over the file.
    let (mut client, _) =
        TestClient::start_with(json!({}), json!({"rules": {"vague-attribution": "hint"}})).await;
    let published = client
        .open_and_wait(&desk.uri("story.md"), "markdown", STORY)
        .await;
    assert_eq!(severities(&published), vec![4]);
    client.shutdown().await;

    // The pulled section over initializationOptions; the file's other settings stay.
    let mut client = start_full(
        json!({"rules": {"vague-attribution": "hint"}}),
        json!({"rules": {"vague-attribution": "information"}}),
    )
    .await;
    let u = desk.uri("story.md");
    let published = client.open_and_wait(&u, "markdown", STORY).await;
    assert_eq!(severities(&published), vec![3]);
    client
        .change(&u, 2, json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "New "}]))
        .await;
    let published = client.diagnostics(&u).await;
    assert_eq!(published["version"], 2, "checked on change, from the file");
    client.shutdown().await;
}

#[tokio::test]
async fn a_changed_config_file_republishes_without_restart() {
    let desk = Desk::new("watched");
    let config = desk.write(".copydesk.toml", "[rules]\nvague-attribution = \"error\"\n");
    let mut client = start_full(Value::Null, Value::Null).await;
    let registration = client.server_request("client/registerCapability").await;
    assert_eq!(
        registration,
        json!({"registrations": [{
            "id": "copydesk-config-files",
            "method": "workspace/didChangeWatchedFiles",
            "registerOptions": {"watchers": [{"globPattern": "**/.copydesk.toml"}]}
        }]})
    );
    let u = desk.uri("news/story.md");
    let published = client.open_and_wait(&u, "markdown", STORY).await;
    assert_eq!(severities(&published), vec![1]);

    desk.write(".copydesk.toml", "[rules]\nvague-attribution = \"off\"\n");
    file_changed(&mut client, &config, CHANGED).await;
    assert_eq!(client.diagnostics(&u).await["diagnostics"], json!([]));

    std::fs::remove_file(&config).expect("removed");
    file_changed(&mut client, &config, DELETED).await;
    assert_eq!(severities(&client.diagnostics(&u).await), vec![2]);

    let nearer = desk.write(
        "news/.copydesk.toml",
        "[rules]\nvague-attribution = \"hint\"\n",
    );
    file_changed(&mut client, &nearer, CREATED).await;
    assert_eq!(severities(&client.diagnostics(&u).await), vec![4]);

    // A change that leaves the settings as they were publishes nothing.
    desk.write(
        "news/.copydesk.toml",
        "[rules]\nvague-attribution = 'hint'\n",
    );
    file_changed(&mut client, &nearer, CHANGED).await;
    let quiet = client.drain(Duration::from_millis(300)).await;
    assert!(messages_of(&quiet, "textDocument/publishDiagnostics").is_empty());
    client.shutdown().await;
}

#[tokio::test]
async fn without_file_watching_a_save_rereads_the_config_file() {
    let desk = Desk::new("unwatched");
    desk.write(".copydesk.toml", "[rules]\nvague-attribution = \"error\"\n");
    let mut client = TestClient::start().await;
    let u = desk.uri("story.md");
    let first = client.open_and_wait(&u, "markdown", STORY).await;
    assert_eq!(severities(&first), vec![1]);
    desk.write(
        ".copydesk.toml",
        "[rules]\nvague-attribution = \"information\"\n",
    );
    client.save(&u).await;
    let after = client
        .notification_where("textDocument/publishDiagnostics", |p| {
            p["uri"] == u && p["diagnostics"][0]["severity"] == 3
        })
        .await;
    assert_eq!(codes(&after), vec!["vague-attribution"]);
    assert_eq!(client.server_request_count("client/registerCapability"), 0);
    client.shutdown().await;
}

#[tokio::test]
async fn editor_settings_are_pulled_once_and_again_only_when_they_change() {
    let desk = Desk::new("pulled");
    let mut client = start_full(Value::Null, json!({"checkOn": "change", "debounceMs": 10})).await;
    let u = desk.uri("story.md");
    client.open_and_wait(&u, "markdown", STORY).await;
    assert_eq!(client.server_request_count("workspace/configuration"), 1);

    // Typing, checking on change, and saving: no pull.
    for version in 2..=41 {
        client
            .change(&u, version, json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}]))
            .await;
    }
    client
        .notification_where("textDocument/publishDiagnostics", |p| p["version"] == 41)
        .await;
    for _ in 0..3 {
        client.save(&u).await;
        client.diagnostics(&u).await;
    }
    let pulls = client.server_request_count("workspace/configuration");
    assert_eq!(pulls, 1, "40 keystrokes and 3 saves pulled {pulls} times");

    // A change of the editor's settings: pulled again and re-published.
    client.drain(Duration::from_millis(100)).await;
    client.configuration = json!([{"rules": {"vague-attribution": "off"}}]);
    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({"settings": null}),
        )
        .await;
    let published = client.diagnostics(&u).await;
    assert_eq!(published["diagnostics"], json!([]));
    assert_eq!(published["version"], 41);
    assert_eq!(client.server_request_count("workspace/configuration"), 2);
    assert_eq!(
        client.server_requests.last().map(|r| r["params"].clone()),
        Some(json!({"items": [{"section": "copydesk"}]}))
    );
    client.shutdown().await;
}

#[tokio::test]
async fn pushed_editor_settings_apply_when_the_client_cannot_be_asked() {
    let desk = Desk::new("pushed");
    let (mut client, _) =
        TestClient::start_with(json!({}), json!({"rules": {"vague-attribution": "hint"}})).await;
    let u = desk.uri("story.md");
    assert_eq!(
        severities(&client.open_and_wait(&u, "markdown", STORY).await),
        vec![4]
    );
    let push = |settings: Value| json!({ "settings": settings });
    // An empty push (what some clients send when they hold no settings) keeps
    // the initializationOptions.
    client
        .notify("workspace/didChangeConfiguration", push(json!({})))
        .await;
    let quiet = client.drain(Duration::from_millis(300)).await;
    assert!(messages_of(&quiet, "textDocument/publishDiagnostics").is_empty());
    // Our section, wrapped or not.
    client
        .notify(
            "workspace/didChangeConfiguration",
            push(json!({"copydesk": {"rules": {"vague-attribution": "error"}}})),
        )
        .await;
    assert_eq!(severities(&client.diagnostics(&u).await), vec![1]);
    client
        .notify(
            "workspace/didChangeConfiguration",
            push(json!({"rules": {"vague-attribution": "information"}})),
        )
        .await;
    assert_eq!(severities(&client.diagnostics(&u).await), vec![3]);
    assert_eq!(client.server_request_count("workspace/configuration"), 0);
    client.shutdown().await;
}

#[tokio::test]
async fn a_broken_config_file_is_marked_shown_once_and_the_last_good_kept() {
    let desk = Desk::new("broken");
    let config = desk.write(".copydesk.toml", "[rules]\nvague-attribution = \"error\"\n");
    let config_uri = uri_of(&config);
    let mut client = start_full(Value::Null, Value::Null).await;
    let u = desk.uri("story.md");
    assert_eq!(
        severities(&client.open_and_wait(&u, "markdown", STORY).await),
        vec![1]
    );

    // An unknown key, an unknown rule code and a bad value.
    desk.write(
        ".copydesk.toml",
        "style = \"ap\"\nchekc_on = \"save\"\n\n[rules]\nvague-atribution = \"off\"\nvague-attribution = \"loud\"\n",
    );
    file_changed(&mut client, &config, CHANGED).await;
    let shown = client.notification("window/showMessage").await;
    assert_eq!(shown["type"], 2);
    assert_eq!(
        shown["message"],
        format!(
            "copydesk: {}:2:1: unknown setting `chekc_on`; did you mean `check_on`? (and 2 more); its last good version stays in force",
            config.display()
        )
    );

    // Opened in the editor, the file shows each problem on its line.
    client
        .open(
            &config_uri,
            "toml",
            &std::fs::read_to_string(&config).unwrap(),
        )
        .await;
    let marked = client.diagnostics(&config_uri).await;
    let lines: Vec<(u64, u64, u64)> = marked["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["range"]["start"]["line"].as_u64().unwrap(),
                d["range"]["start"]["character"].as_u64().unwrap(),
                d["range"]["end"]["character"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(lines, vec![(1, 0, 8), (4, 0, 16), (5, 20, 26)]);
    assert_eq!(
        marked["diagnostics"][2],
        json!({
            "range": {"start": {"line": 5, "character": 20}, "end": {"line": 5, "character": 26}},
            "severity": 1,
            "code": "invalid-config",
            "codeDescription": {"href": "https://github.com/copydesk/copydesk/blob/main/docs/configuration.md"},
            "source": "copydesk",
            "message": "the level of `vague-attribution` must be \"off\", \"hint\", \"information\", \"warning\" or \"error\", not \"loud\""
        })
    );

    // Saved again, still broken (now a syntax error): marked, not shown again,
    // and the document keeps the last good settings.
    desk.write(".copydesk.toml", "[rules]\nvague-attribution = \"off\n");
    file_changed(&mut client, &config, CHANGED).await;
    client.save(&u).await;
    let published = client.diagnostics(&u).await;
    assert_eq!(severities(&published), vec![1], "the last good version");
    let syntax = client.diagnostics(&config_uri).await;
    assert_eq!(syntax["diagnostics"][0]["range"]["start"]["line"], 1);
    assert!(syntax["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("TOML syntax: "));
    let rest = client.drain(Duration::from_millis(300)).await;
    assert!(
        messages_of(&rest, "window/showMessage").is_empty(),
        "{rest:?}"
    );

    // Fixed: the marks go and the new settings apply.
    desk.write(".copydesk.toml", "[rules]\nvague-attribution = \"off\"\n");
    file_changed(&mut client, &config, CHANGED).await;
    assert_eq!(
        client.diagnostics(&config_uri).await["diagnostics"],
        json!([])
    );
    assert_eq!(client.diagnostics(&u).await["diagnostics"], json!([]));

    client.close(&config_uri).await;
    assert_eq!(
        client.diagnostics(&config_uri).await["diagnostics"],
        json!([])
    );
    client.shutdown().await;
}

#[tokio::test]
async fn a_broken_config_file_at_start_leaves_the_defaults() {
    let desk = Desk::new("broken-start");
    desk.write(".copydesk.toml", "[rules\nvague-attribution = \"off\"\n");
    let mut client = TestClient::start().await;
    let u = desk.uri("story.md");
    assert_eq!(
        severities(&client.open_and_wait(&u, "markdown", STORY).await),
        vec![2]
    );
    let shown = client.notification("window/showMessage").await;
    let message = shown["message"].as_str().unwrap();
    assert!(
        message.contains(".copydesk.toml:1:7: TOML syntax"),
        "{message}"
    );
    assert!(
        message.ends_with("copydesk goes on without it"),
        "{message}"
    );
    client.shutdown().await;
}

#[tokio::test]
async fn bad_editor_settings_are_shown_once_and_the_rest_applies() {
    let desk = Desk::new("bad-editor");
    let bad = json!({"rules": {"vague-attribution": "error"}, "checkOn": "sometimes"});
    let (mut client, _) = TestClient::start_with(json!({}), bad.clone()).await;
    let u = desk.uri("story.md");
    assert_eq!(
        severities(&client.open_and_wait(&u, "markdown", STORY).await),
        vec![1]
    );
    let shown = client.notification("window/showMessage").await;
    assert_eq!(
        shown,
        json!({"type": 2, "message": "copydesk: editor settings ignored: `checkOn` must be \"save\" or \"change\", not \"sometimes\""})
    );
    client.inbox.clear();
    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({"settings": {"copydesk": bad}}),
        )
        .await;
    let rest = client.drain(Duration::from_millis(300)).await;
    assert!(
        messages_of(&rest, "window/showMessage").is_empty(),
        "{rest:?}"
    );
    assert_eq!(messages_of(&rest, "window/logMessage").len(), 1, "{rest:?}");
    client.shutdown().await;
}

#[tokio::test]
async fn the_three_comment_forms_suppress_and_unknown_codes_are_hinted() {
    let mut client = TestClient::start().await;
    let u = common::uri("suppressed.md");
    let text = "Port deal\n\n\
        <!-- copydesk-disable-next-line vague-attribution -->\n\
        Critics say one.\n\n\
        Critics say two.\n\n\
        <!-- copydesk-disable -->\n\n\
        Critics say three.\n\n\
        <!-- copydesk-enable -->\n\n\
        Critics say four. <!-- copydesk-disable-next-line vague-atribution -->\n\
        Critics say five.\n";
    let published = client.open_and_wait(&u, "markdown", text).await;
    let found: Vec<(String, &str)> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                common::covered(text, d),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("vague-attribution".to_string(), "Critics say"),
            ("vague-attribution".to_string(), "Critics say"),
            ("unknown-rule".to_string(), "vague-atribution"),
            ("vague-attribution".to_string(), "Critics say"),
        ]
    );
    let lines: Vec<u64> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![5, 13, 13, 14]);
    assert_eq!(published["diagnostics"][2]["severity"], 4);

    let whole = format!("<!-- copydesk-disable-file -->\n{text}");
    client.change(&u, 2, json!([{"text": whole}])).await;
    client.save(&u).await;
    assert_eq!(client.diagnostics(&u).await["diagnostics"], json!([]));
    client.shutdown().await;
}

#[tokio::test]
async fn mark_as_checked_inserts_the_comment_and_the_diagnostic_goes() {
    let mut client = TestClient::start().await;
    let u = common::uri("marked.md");
    let text = "Port deal 😀\n\nThe council met\nand critics say it fails. <!-- copydesk-disable-next-line vague-atribution -->\nExperts believe it.\n";
    let published = client.open_and_wait(&u, "markdown", text).await;
    let diagnostics = published["diagnostics"].as_array().unwrap().clone();
    assert_eq!(
        codes(&published),
        vec!["vague-attribution", "unknown-rule", "vague-attribution"]
    );
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": u}, "range": diagnostics[0]["range"], "context": {"diagnostics": [diagnostics[0]]}}),
        )
        .await;
    assert_eq!(
        actions,
        json!([{
            "title": "Mark as checked: hide vague-attribution here",
            "kind": "quickfix",
            "diagnostics": [diagnostics[0]],
            "edit": {"changes": {u.clone(): [{
                "range": {"start": {"line": 2, "character": 15}, "end": {"line": 2, "character": 15}},
                "newText": " <!-- copydesk-disable-next-line vague-attribution -->"
            }]}},
            "isPreferred": false
        }])
    );

    // The unknown code's own fix comes first, then "Mark as checked".
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": u}, "range": diagnostics[1]["range"], "context": {"diagnostics": [diagnostics[1]]}}),
        )
        .await;
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        vec![
            "Replace with `vague-attribution`",
            "Mark as checked: hide unknown-rule here"
        ]
    );

    // The editor applies the edit; on save the diagnostic is gone.
    client
        .change(&u, 2, json!([{"range": {"start": {"line": 2, "character": 15}, "end": {"line": 2, "character": 15}}, "text": " <!-- copydesk-disable-next-line vague-attribution -->"}]))
        .await;
    client.save(&u).await;
    let after = client.diagnostics(&u).await;
    assert_eq!(codes(&after), vec!["unknown-rule", "vague-attribution"]);
    assert_eq!(after["diagnostics"][1]["range"]["start"]["line"], 4);

    // Diagnostics of other tools get nothing.
    let foreign = json!({"range": diagnostics[0]["range"], "message": "x", "source": "harper", "code": "vague-attribution"});
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": u}, "range": diagnostics[0]["range"], "context": {"diagnostics": [foreign]}}),
        )
        .await;
    assert_eq!(actions, json!([]));
    client.shutdown().await;
}

#[tokio::test]
async fn a_settings_change_never_publishes_an_outdated_analysis() {
    let mut client = TestClient::start().await;
    let u = common::uri("settings-race.md");
    let paragraph =
        "The council met on Monday and approved the budget for the harbour, the mayor said.\n\n";
    let text = paragraph.repeat(2 * 1024 * 1024 / paragraph.len()) + STORY;
    let error =
        |level: &str| json!({"settings": {"copydesk": {"rules": {"vague-attribution": level}}}});

    // The settings change while the first analysis runs: its result, made
    // with the old settings, is not published.
    client.open(&u, "markdown", &text).await;
    // Long enough for the analysis to start, far shorter than it takes.
    tokio::time::sleep(Duration::from_millis(50)).await;
    client
        .notify("workspace/didChangeConfiguration", error("error"))
        .await;
    let published = client
        .notification_where("textDocument/publishDiagnostics", |p| p["uri"] == u)
        .await;
    assert_eq!(severities(&published), vec![1]);
    for message in client.drain(Duration::from_millis(300)).await {
        assert_eq!(
            severities(&message["params"]),
            vec![1],
            "stale publish: {message}"
        );
    }

    // The settings and then the text change: only the new version is published.
    client
        .notify("workspace/didChangeConfiguration", error("hint"))
        .await;
    client
        .change(&u, 2, json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}]))
        .await;
    client.save(&u).await;
    let published = client
        .notification_where("textDocument/publishDiagnostics", |p| p["version"] == 2)
        .await;
    assert_eq!(severities(&published), vec![4]);
    let rest = client.drain(Duration::from_millis(300)).await;
    for message in rest {
        assert_eq!(message["params"]["version"], 2, "stale publish: {message}");
        assert_eq!(
            severities(&message["params"]),
            vec![4],
            "stale publish: {message}"
        );
    }
    client.shutdown().await;
}

#[tokio::test]
async fn titles_from_the_config_file_are_formal_titles() {
    let desk = Desk::new("titles");
    desk.write(".copydesk.toml", "[words]\ntitles = [\"Black Rod\"]\n");
    let text = "Black Rod Sarah Castell said the doors would close.\n\nblack rod Sarah Castell knocked twice.\n";
    let u = desk.uri("story.md");
    let mut client = TestClient::start().await;
    let published = client.open_and_wait(&u, "markdown", text).await;
    let title_case: Vec<&Value> = published["diagnostics"]
        .as_array()
        .map(|d| d.iter().filter(|d| d["code"] == "title-case").collect())
        .unwrap_or_default();
    assert_eq!(title_case.len(), 1, "{published}");
    assert_eq!(title_case[0]["range"]["start"]["line"], 2);
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": u}, "position": {"line": 0, "character": 12}}),
        )
        .await;
    let value = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        value.starts_with("**Sarah Castell** — Black Rod"),
        "{value}"
    );
    client.shutdown().await;
}
