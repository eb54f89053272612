//! "Mark as checked" without touching the article: the finding is recorded
//! in the project's `.copydesk.toml` by rule and sentence hash, through an
//! edit the user accepts; then the server (and `copydesk check`) stay quiet.

mod common;

use std::path::Path;
use std::process::Command;

use common::desk::{uri_of, Desk};
use common::{codes, TestClient};
use serde_json::{json, Value};

const STORY: &str =
    "Port deal\n\nCritics say the deal will fail. The mayor disagreed.\nObservers note a risk.\n";

/// A client that applies edits which create files, rooted at the desk.
async fn start(desk: &Desk) -> TestClient {
    TestClient::start_initialized(json!({
        "processId": null,
        "rootUri": uri_of(&desk.path("")),
        "capabilities": {"workspace": {
            "workspaceEdit": {"documentChanges": true, "resourceOperations": ["create"]},
            "didChangeWatchedFiles": {"dynamicRegistration": true},
        }},
    }))
    .await
    .0
}

async fn actions(client: &mut TestClient, u: &str, diagnostic: &Value) -> Vec<Value> {
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": u}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}}),
        )
        .await;
    actions.as_array().cloned().unwrap_or_default()
}

fn titles(actions: &[Value]) -> Vec<&str> {
    actions
        .iter()
        .map(|a| a["title"].as_str().unwrap_or_default())
        .collect()
}

/// Applies a workspace edit to the files on disk, as an editor would, for
/// files that are not open: creates a file, or inserts into one (UTF-16
/// positions; the config files here are ASCII).
fn apply(edit: &Value) {
    let mut edits: Vec<(String, Value)> = Vec::new();
    if let Some(changes) = edit["changes"].as_object() {
        for (uri, list) in changes {
            for e in list.as_array().into_iter().flatten() {
                edits.push((uri.clone(), e.clone()));
            }
        }
    }
    for change in edit["documentChanges"].as_array().into_iter().flatten() {
        if change["kind"] == "create" {
            let path = path_of(change["uri"].as_str().unwrap_or_default());
            if !Path::new(&path).exists() {
                std::fs::write(&path, "").expect("created");
            }
        } else {
            let uri = change["textDocument"]["uri"].as_str().unwrap_or_default();
            for e in change["edits"].as_array().into_iter().flatten() {
                edits.push((uri.to_string(), e.clone()));
            }
        }
    }
    for (uri, e) in edits {
        let path = path_of(&uri);
        let mut text = std::fs::read_to_string(&path).expect("the file to edit");
        let at = common::offset_utf16(&text, &e["range"]["start"]);
        assert_eq!(e["range"]["start"], e["range"]["end"], "an insertion");
        text.insert_str(at, e["newText"].as_str().unwrap_or_default());
        std::fs::write(&path, text).expect("written");
    }
}

fn path_of(uri: &str) -> String {
    uri.strip_prefix("file://").expect("a file URI").to_string()
}

async fn file_created(client: &mut TestClient, path: &Path) {
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": uri_of(path), "type": 1}]}),
        )
        .await;
}

fn check(path: &Path) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--quiet"])
        .arg(path)
        .output()
        .expect("copydesk check runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[tokio::test]
async fn in_plain_text_the_mark_goes_into_a_new_config_file_and_the_article_is_untouched() {
    let desk = Desk::new("mark-plain");
    let story = desk.write("news/port.txt", STORY);
    let mut client = start(&desk).await;
    let u = desk.uri("news/port.txt");
    let published = client.open_and_wait(&u, "plaintext", STORY).await;
    assert_eq!(
        codes(&published),
        ["vague-attribution", "vague-attribution"]
    );
    let first = published["diagnostics"][0].clone();

    let offered = actions(&mut client, &u, &first).await;
    // No comment in plain text: it would be visible in the copy.
    assert_eq!(
        titles(&offered),
        ["Mark as checked in .copydesk.toml: hide vague-attribution in this sentence"]
    );
    let action = &offered[0];
    let config = desk.path(".copydesk.toml");
    let changes = action["edit"]["documentChanges"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(changes[0]["kind"], "create");
    assert_eq!(changes[0]["uri"], uri_of(&config));
    assert!(
        action["edit"]["changes"].is_null(),
        "nothing for the article"
    );
    assert_eq!(action["command"]["command"], "copydesk.markChecked");

    apply(&action["edit"]);
    let written = std::fs::read_to_string(&config).expect("created");
    assert!(written.contains("[[checked]]\n# Critics say the deal will fail.\nrule = \"vague-attribution\"\nsentence = \""), "{written}");
    file_created(&mut client, &config).await;
    let after = client.diagnostics(&u).await;
    assert_eq!(codes(&after), ["vague-attribution"]);
    assert_eq!(after["diagnostics"][0]["range"]["start"]["line"], 3);
    assert_eq!(std::fs::read_to_string(&story).expect("story"), STORY);

    // The second mark appends to the file that now exists.
    let second = after["diagnostics"][0].clone();
    let offered = actions(&mut client, &u, &second).await;
    assert_eq!(offered.len(), 1);
    let edits = &offered[0]["edit"]["changes"][uri_of(&config)];
    assert_eq!(
        edits[0]["range"]["start"],
        json!({"line": 7, "character": 0})
    );
    apply(&offered[0]["edit"]);
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": uri_of(&config), "type": 2}]}),
        )
        .await;
    assert_eq!(client.diagnostics(&u).await["diagnostics"], json!([]));

    // The command line reads the same marks.
    assert_eq!(check(&story), (Some(0), String::new()));
    client.shutdown().await;
}

/// The editor may not have saved the config file yet: the command makes the
/// mark count at once.
#[tokio::test]
async fn the_command_makes_the_mark_count_before_the_file_is_saved() {
    let desk = Desk::new("mark-command");
    desk.write(".copydesk.toml", "style = \"ap\"");
    let mut client = start(&desk).await;
    let u = desk.uri("port.md");
    let published = client.open_and_wait(&u, "markdown", STORY).await;
    let first = published["diagnostics"][0].clone();
    let offered = actions(&mut client, &u, &first).await;
    // In Markdown the comment stays a choice, after the config file.
    assert_eq!(
        titles(&offered),
        [
            "Mark as checked in .copydesk.toml: hide vague-attribution in this sentence",
            "Mark as checked: hide vague-attribution here",
        ]
    );
    // An existing file without a final line break gets one before the entry.
    let edit = &offered[0]["edit"]["changes"][uri_of(&desk.path(".copydesk.toml"))][0];
    assert_eq!(edit["range"]["start"], json!({"line": 0, "character": 12}));
    assert!(edit["newText"]
        .as_str()
        .unwrap_or_default()
        .starts_with("\n\n[[checked]]\n"));

    let command = offered[0]["command"].clone();
    client
        .request(
            "workspace/executeCommand",
            json!({"command": command["command"], "arguments": command["arguments"]}),
        )
        .await;
    let after = client.diagnostics(&u).await;
    assert_eq!(codes(&after), ["vague-attribution"]);
    assert_eq!(after["diagnostics"][0]["range"]["start"]["line"], 3);
    client.shutdown().await;
}

/// Without a config file and a client that can create one, plain text gets
/// no action (a comment would show in the copy); Markdown keeps the comment.
#[tokio::test]
async fn a_client_that_cannot_create_files_gets_no_config_action_without_a_file() {
    let desk = Desk::new("mark-no-create");
    let mut client = TestClient::start().await;
    let plain = desk.uri("port.txt");
    let published = client.open_and_wait(&plain, "plaintext", STORY).await;
    assert!(actions(&mut client, &plain, &published["diagnostics"][0])
        .await
        .is_empty());
    let md = desk.uri("port.md");
    let published = client.open_and_wait(&md, "markdown", STORY).await;
    assert_eq!(
        titles(&actions(&mut client, &md, &published["diagnostics"][0]).await),
        ["Mark as checked: hide vague-attribution here"]
    );
    client.shutdown().await;
}

#[tokio::test]
async fn bad_marks_in_the_config_file_are_reported_by_line() {
    let desk = Desk::new("mark-bad");
    desk.write(
        ".copydesk.toml",
        "[[checked]]\nrule = \"vague-atribution\"\nsentence = \"0123456789abcdef\"\n\n[[checked]]\nrule = \"vague-attribution\"\nsentence = \"nope\"\n",
    );
    let story = desk.write("port.md", STORY);
    let (status, _) = check(&story);
    assert_eq!(status, Some(2));
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .arg("check")
        .arg(&story)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(":2:8: unknown rule `vague-atribution`; did you mean `vague-attribution`?"),
        "{stderr}"
    );
    assert!(
        stderr.contains(":7:12: `sentence` must be 16 hex digits"),
        "{stderr}"
    );
}
