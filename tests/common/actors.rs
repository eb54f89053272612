//! Reading the actor model from the outside: what kind a hover names, and
//! the listing `copydesk actors --format json` prints for a fixture.

use serde_json::Value;

/// What a hover says the actor is: the first word of its second paragraph
/// ("Person", "Probably", "Organisation", "Government").
pub fn kind_of(hover: &str) -> &str {
    hover
        .split("\n\n")
        .nth(1)
        .and_then(|p| p.split_whitespace().next())
        .unwrap_or("")
}

/// `copydesk actors --format json` on `text`, written as `name` into a
/// scratch folder of this test binary's own.
pub fn actors_json(name: &str, text: &str) -> Value {
    let dir = std::env::temp_dir().join(format!(
        "copydesk-actors-{}-{}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["actors", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The names of the actors in a `copydesk actors` listing that `keep` accepts.
pub fn names_where(listed: &Value, keep: impl Fn(&Value) -> bool) -> Vec<&str> {
    listed["actors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|a| keep(a))
        .filter_map(|a| a["name"].as_str())
        .collect()
}

/// The names of the people in a `copydesk actors` listing.
pub fn people(listed: &Value) -> Vec<&str> {
    names_where(listed, |a| a["kind"] == "person")
}
