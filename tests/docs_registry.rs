//! Docs that cannot drift: the rule registry (`copydesk::checks::rules()`) is
//! the one source of every rule's code, default severity and summary. The
//! README's rule table and the VS Code settings (`copydesk.rules`) are
//! generated from it, and `docs/rules/` is checked against it.
//!
//! After changing a rule's summary or severity, or adding a rule, regenerate:
//! `COPYDESK_UPDATE_DOCS=1 cargo test --test docs_registry`.

use std::path::{Path, PathBuf};

use copydesk::checks::{self, RuleInfo};

const LEVELS: [&str; 5] = ["off", "hint", "information", "warning", "error"];
const TABLE_START: &str =
    "<!-- rules table: generated from the registry by tests/docs_registry.rs -->";
const TABLE_END: &str = "<!-- end of rules table -->";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn rules() -> Vec<&'static RuleInfo> {
    checks::rules().collect()
}

/// Compares a generated file with the one on disk, or writes it when asked.
fn generated(path: PathBuf, expected: String) {
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    if std::env::var_os("COPYDESK_UPDATE_DOCS").is_some() {
        if actual != expected {
            std::fs::write(&path, &expected).expect("written");
        }
        return;
    }
    if actual != expected {
        let first = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or(actual.lines().count().min(expected.lines().count()));
        panic!(
            "{} disagrees with the rule registry from line {}:\n  is:        {:?}\n  should be: {:?}\n\
             Regenerate with: COPYDESK_UPDATE_DOCS=1 cargo test --test docs_registry",
            path.display(),
            first + 1,
            actual.lines().nth(first).unwrap_or(""),
            expected.lines().nth(first).unwrap_or(""),
        );
    }
}

fn readme_table() -> String {
    let mut table = String::from("| code | default | what it flags |\n|---|---|---|\n");
    for info in rules() {
        table += &format!(
            "| [`{code}`](docs/rules/{code}.md) | {} | {} |\n",
            info.default_severity.name(),
            info.summary.replace('|', "\\|"),
            code = info.code,
        );
    }
    table
}

#[test]
fn the_readme_rule_table_is_the_registry() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme
        .find(TABLE_START)
        .expect("README.md marks the rules table's start");
    let end = readme
        .find(TABLE_END)
        .expect("README.md marks the rules table's end");
    let expected = format!(
        "{}{TABLE_START}\n{}{}",
        &readme[..start],
        readme_table(),
        &readme[end..]
    );
    generated(path, expected);
}

/// The `copydesk.rules.properties` object of package.json, indented as the file is.
fn vscode_rule_properties(indent: &str) -> String {
    let inner = format!("{indent}  ");
    let entries: Vec<String> = rules()
        .iter()
        .map(|info| {
            let levels: Vec<String> = LEVELS
                .iter()
                .map(|l| format!("{inner}    \"{l}\""))
                .collect();
            let description = format!(
                "{} Default: {}.",
                info.summary,
                info.default_severity.name()
            );
            format!(
                "{inner}\"{}\": {{\n{inner}  \"type\": \"string\",\n{inner}  \"enum\": [\n{}\n{inner}  ],\n{inner}  \"description\": {}\n{inner}}}",
                info.code,
                levels.join(",\n"),
                serde_json::to_string(&description).unwrap()
            )
        })
        .collect();
    format!("{{\n{}\n{indent}}}", entries.join(",\n"))
}

#[test]
fn the_vscode_rule_settings_are_the_registry() {
    let path = root().join("editors/vscode/package.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let rules_at = text
        .find("\"copydesk.rules\": {")
        .expect("package.json has copydesk.rules");
    let key = "\"properties\": ";
    let open = rules_at + text[rules_at..].find(key).expect("with properties") + key.len();
    // The object's end: its matching brace (no braces inside strings here).
    let mut depth = 0;
    let mut close = open;
    for (i, c) in text[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    close = open + i + 1;
                    break;
                }
            }
            _ => {}
        }
    }
    let line_start = text[..open].rfind('\n').map_or(0, |i| i + 1);
    let indent: String = text[line_start..]
        .chars()
        .take_while(|c| *c == ' ')
        .collect();
    let expected = format!(
        "{}{}{}",
        &text[..open],
        vscode_rule_properties(&indent),
        &text[close..]
    );
    generated(path, expected.clone());
    let parsed: serde_json::Value = serde_json::from_str(&expected).expect("still JSON");
    let properties =
        &parsed["contributes"]["configuration"]["properties"]["copydesk.rules"]["properties"];
    assert_eq!(
        properties.as_object().map(|o| o.len()),
        Some(rules().len()),
        "every rule, unknown-rule included"
    );
}

#[test]
fn every_rule_has_its_doc_and_every_doc_a_rule() {
    let dir = root().join("docs/rules");
    let mut documented: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".md").map(str::to_string)
        })
        .collect();
    documented.sort();
    let mut codes: Vec<String> = rules().iter().map(|r| r.code.to_string()).collect();
    codes.sort();
    assert_eq!(documented, codes, "docs/rules/*.md and the registry");
    for info in rules() {
        let doc = std::fs::read_to_string(dir.join(format!("{}.md", info.code))).unwrap();
        assert_eq!(
            doc, info.doc,
            "{}: the doc `copydesk explain` shows",
            info.code
        );
        let mut lines = doc.lines();
        assert_eq!(lines.next(), Some(format!("# {}", info.code).as_str()));
        let severity = doc
            .lines()
            .find(|l| l.starts_with("Default severity: "))
            .unwrap_or_else(|| panic!("{} states its default severity", info.code));
        assert!(
            severity.starts_with(&format!(
                "Default severity: {}",
                info.default_severity.name()
            )),
            "{}: `{severity}`, but the registry says {}",
            info.code,
            info.default_severity.name()
        );
        assert!(
            info.summary.ends_with('.') && !info.summary.contains('\n'),
            "{}: a summary is one sentence on one line",
            info.code
        );
    }
}
