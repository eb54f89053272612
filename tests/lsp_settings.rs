//! Config files that appear, change or go while documents are open, picked
//! up on `workspace/didChangeConfiguration` as well as on watched-file events.

mod common;

use common::desk::{uri_of, Desk};
use common::TestClient;
use serde_json::{json, Value};

const STORY: &str = "Port deal\n\nCritics say the deal will fail.\n";

fn severities(params: &Value) -> Vec<u64> {
    params["diagnostics"]
        .as_array()
        .map(|list| list.iter().filter_map(|d| d["severity"].as_u64()).collect())
        .unwrap_or_default()
}

async fn configuration_changed(client: &mut TestClient, settings: Value) {
    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({ "settings": settings }),
        )
        .await;
}

/// A client that can neither be asked for settings nor watch files: the
/// configuration notification is its only way to say "look again".
#[tokio::test]
async fn a_config_file_created_next_to_an_open_document_is_read_on_did_change_configuration() {
    let desk = Desk::new("created-on-configuration");
    let mut client = TestClient::start().await;
    let u = desk.uri("news/story.md");
    let first = client.open_and_wait(&u, "markdown", STORY).await;
    assert_eq!(severities(&first), [2]);

    desk.write(
        "news/.copydesk.toml",
        "[rules]\nvague-attribution = \"error\"\n",
    );
    configuration_changed(&mut client, json!({})).await;
    assert_eq!(severities(&client.diagnostics(&u).await), [1]);

    // Edited, then gone: each is read on the next notification too.
    desk.write(
        "news/.copydesk.toml",
        "[rules]\nvague-attribution = \"hint\"\n",
    );
    configuration_changed(&mut client, Value::Null).await;
    assert_eq!(severities(&client.diagnostics(&u).await), [4]);
    std::fs::remove_file(desk.path("news/.copydesk.toml")).expect("removed");
    configuration_changed(&mut client, json!({"copydesk": {}})).await;
    assert_eq!(severities(&client.diagnostics(&u).await), [2]);
    client.shutdown().await;
}

/// A client that answers `workspace/configuration` with nothing for
/// copydesk still gets the new file read.
#[tokio::test]
async fn a_pulling_client_with_no_settings_still_gets_the_new_file_read() {
    let desk = Desk::new("created-pulled");
    let (mut client, _) =
        TestClient::start_with(json!({"workspace": {"configuration": true}}), Value::Null).await;
    client.configuration = json!([null]);
    let u = desk.uri("story.md");
    assert_eq!(
        severities(&client.open_and_wait(&u, "markdown", STORY).await),
        [2]
    );
    desk.write(".copydesk.toml", "[rules]\nvague-attribution = \"off\"\n");
    configuration_changed(&mut client, Value::Null).await;
    assert_eq!(client.diagnostics(&u).await["diagnostics"], json!([]));
    client.shutdown().await;
}

/// A watched-file event for a file created above the document.
#[tokio::test]
async fn a_config_file_created_above_is_read_on_did_change_watched_files() {
    let desk = Desk::new("created-watched");
    let (mut client, _) = TestClient::start_with(
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
        Value::Null,
    )
    .await;
    let u = desk.uri("a/b/story.md");
    assert_eq!(
        severities(&client.open_and_wait(&u, "markdown", STORY).await),
        [2]
    );
    let path = desk.write(
        "a/.copydesk.toml",
        "[rules]\nvague-attribution = \"information\"\n",
    );
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": uri_of(&path), "type": 1}]}),
        )
        .await;
    assert_eq!(severities(&client.diagnostics(&u).await), [3]);
    client.shutdown().await;
}
