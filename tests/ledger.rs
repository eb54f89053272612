//! `copydesk ledger`, run as the built binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn copydesk(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("the binary runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

const FERRY: &str = "# Ferry cuts\n\n\
Mayor Ilse Brandt said the night ferry would stop in June.\n\n\
\"We have no choice,\" Brandt said.\n\n\
A senior council official said the budget was short by a third. \
Critics say the cut is too deep. The ferry company is expected to appeal.\n";

const BRIDGE: &str = "# Bridge repairs\n\n\
The Harbour Authority said the bridge would reopen on Friday.\n\n\
Mayor Ilse Brandt told reporters the repairs were on budget.\n\n\
\"It was never safe,\" one resident said.\n";

fn articles(dir: &Path) {
    std::fs::write(dir.join("ferry.md"), FERRY).unwrap();
    std::fs::write(dir.join("bridge.md"), BRIDGE).unwrap();
}

fn row<'v>(sources: &'v Value, name: &str) -> &'v Value {
    sources["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["source"] == name)
        .unwrap_or_else(|| panic!("no row for {name} in {sources}"))
}

#[test]
fn json_ledger_counts_each_article_and_all_of_them() {
    let dir = scratch("ledger-json");
    articles(&dir);
    let out = copydesk(&["ledger", "--format", "json", "."], &dir);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let ledger: Value = serde_json::from_slice(&out.stdout).unwrap();
    let articles = ledger["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    let ferry = articles.iter().find(|a| a["path"] == "./ferry.md").unwrap();

    let brandt = row(ferry, "Ilse Brandt");
    assert_eq!(brandt["kind"], "person");
    assert_eq!(brandt["named"], true);
    assert_eq!(brandt["statements"], 2);
    assert_eq!(brandt["quotes"], 1);
    let official = row(ferry, "A senior council official");
    assert_eq!(official["kind"], "anonymous");
    assert_eq!(official["named"], false);
    assert_eq!(row(ferry, "Critics say")["kind"], "vague");
    assert_eq!(ferry["people"], 1);
    assert_eq!(ferry["named_statements"], 2);
    assert_eq!(ferry["anonymous_statements"], 1);
    assert_eq!(ferry["vague"], 1);
    assert_eq!(ferry["unsourced_claims"], 1);

    let overall = &ledger["overall"];
    assert_eq!(overall["articles"], 2);
    let brandt = row(overall, "Ilse Brandt");
    assert_eq!(brandt["statements"], 3);
    assert_eq!(brandt["articles"], 2);
    // Governments and their bodies count among the organisations.
    assert_eq!(row(overall, "Harbour Authority")["named"], true);
    assert_eq!(row(overall, "one resident")["quotes"], 1);
    assert_eq!(overall["people"], 1);
    assert_eq!(overall["organisations"], 1);
    assert_eq!(overall["anonymous_statements"], 2);
    assert_eq!(overall["unsourced_claims"], 1);
}

#[test]
fn human_ledger_is_a_table_per_file_then_the_total() {
    let dir = scratch("ledger-human");
    articles(&dir);
    let out = copydesk(&["ledger", "bridge.md", "ferry.md"], &dir);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let blocks: Vec<&str> = stdout.split("\n\n").collect();
    assert_eq!(blocks.len(), 3, "{stdout}");
    assert!(blocks[0].starts_with("bridge.md\n  source"), "{stdout}");
    assert!(blocks[1].starts_with("ferry.md\n"), "{stdout}");
    assert!(blocks[2].starts_with("All 2 files\n"), "{stdout}");
    let brandt = blocks[2]
        .lines()
        .find(|l| l.contains("Ilse Brandt"))
        .unwrap();
    assert_eq!(
        brandt.split_whitespace().collect::<Vec<_>>(),
        ["Ilse", "Brandt", "person", "3", "1", "in", "2", "of", "2"]
    );
    assert!(blocks[1].contains(
        "named: 1 person, 0 organisations; anonymous: 1; vague: 1; claims with no source: 1; quotations with no speaker: 0"
    ), "{stdout}");
}

#[test]
fn one_file_has_no_total_and_a_missing_file_is_an_error() {
    let dir = scratch("ledger-one");
    articles(&dir);
    let out = copydesk(&["ledger", "ferry.md"], &dir);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains("All "), "{stdout}");
    let out = copydesk(&["ledger", "ferry.md", "missing.md"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.md"));
}
