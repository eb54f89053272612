//! The command line, run as the built binary.

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

/// A fresh folder under the target directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

const FLAGGED: &str = "# Port deal\n\nThe port opened in May. Critics say it is too small.\n";
const CLEAN: &str = "# Port deal\n\nThe port opened in May, the harbour master said.\n";

#[test]
fn human_output_is_rustc_style_and_exit_is_one_when_warnings_are_found() {
    let dir = scratch("human");
    std::fs::write(dir.join("story.md"), FLAGGED).unwrap();
    let out = copydesk(&["check", "story.md"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout,
        "warning[vague-attribution]: Who says so? \"Critics say\" is a source no reader can check: name it, or describe it and say why it cannot be named.\n \
         --> story.md:3:25\n  \
         |\n\
         3 | The port opened in May. Critics say it is too small.\n  \
         |                         ^^^^^^^^^^^\n\n\
         1 finding in 1 file (1 warning)\n"
    );
}

#[test]
fn jsonl_output_has_one_object_per_finding() {
    let dir = scratch("json");
    std::fs::write(dir.join("a.md"), FLAGGED).unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Fair copy\n\nExperts believe it. Some say no.\n",
    )
    .unwrap();
    let out = copydesk(&["check", "--format", "jsonl", "a.md", "b.txt"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[0],
        serde_json::json!({
            "schema_version": 1,
            "path": "a.md", "line": 3, "column": 25, "end_line": 3, "end_column": 36,
            "start_byte": 37, "end_byte": 48, "code": "vague-attribution",
            "severity": "warning",
            "message": "Who says so? \"Critics say\" is a source no reader can check: name it, or describe it and say why it cannot be named.",
            "url": "https://github.com/copydesk/copydesk/blob/main/docs/rules/vague-attribution.md",
            "related": [],
            "fixes": [],
        })
    );
    assert_eq!(lines[1]["path"], "b.txt");
    assert_eq!(lines[2]["column"], 21);
}

#[test]
fn folders_are_searched_for_prose_files_and_clean_copy_exits_zero() {
    let dir = scratch("folder");
    std::fs::create_dir_all(dir.join("desk/.git")).unwrap();
    std::fs::write(dir.join("desk/clean.md"), CLEAN).unwrap();
    std::fs::write(dir.join("desk/notes.markdown"), CLEAN).unwrap();
    std::fs::write(dir.join("desk/.git/hidden.md"), FLAGGED).unwrap();
    std::fs::write(dir.join("desk/code.rs"), "// Critics say\n").unwrap();
    let out = copydesk(&["check", "--format", "jsonl", "desk"], &dir);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stdout.is_empty());
    let out = copydesk(&["check", "desk"], &dir);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "no findings in 2 files\n"
    );
}

#[test]
fn a_missing_path_or_invalid_utf8_is_an_error_with_exit_two() {
    let dir = scratch("errors");
    std::fs::write(dir.join("latin1.txt"), b"Caf\xe9 owners say no.\n").unwrap();
    std::fs::write(dir.join("story.md"), FLAGGED).unwrap();
    let out = copydesk(&["check", "nowhere.md", "latin1.txt", "story.md"], &dir);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("error: nowhere.md: no such file or folder"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: latin1.txt: not valid UTF-8 (at byte 3)"),
        "{stderr}"
    );
    // The good file is still checked.
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("story.md:3:25"));
}

#[test]
fn usage_errors_exit_two() {
    let dir = scratch("usage");
    assert_eq!(copydesk(&["check"], &dir).status.code(), Some(2));
    assert_eq!(copydesk(&["frobnicate"], &dir).status.code(), Some(2));
    assert_eq!(
        copydesk(&["check", "--format", "xml", "a.md"], &dir)
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn explain_prints_a_rules_doc_and_lists_rules() {
    let dir = scratch("explain");
    let out = copydesk(&["explain", "vague-attribution"], &dir);
    assert_eq!(out.status.code(), Some(0));
    let doc = String::from_utf8(out.stdout).unwrap();
    assert!(doc.starts_with("# vague-attribution\n"));
    assert!(doc.contains("## Why"));
    let list = String::from_utf8(copydesk(&["explain"], &dir).stdout).unwrap();
    assert!(list.contains("vague-attribution"));
    let unknown = copydesk(&["explain", "no-such-rule"], &dir);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn the_example_article_shows_every_rule_family() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = copydesk(
        &["check", "--format", "jsonl", "examples/harbour-patrol.md"],
        root,
    );
    assert_eq!(out.status.code(), Some(1));
    let found: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let d: Value = serde_json::from_str(l).unwrap();
            format!(
                "{}:{} {} {}: {}",
                d["line"],
                d["column"],
                d["severity"].as_str().unwrap(),
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    insta::assert_snapshot!(found.join("\n"));
}

#[test]
fn the_readme_try_it_section_shows_what_the_example_gives() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = copydesk(&["check", "examples/harbour-patrol.md"], root);
    assert_eq!(out.status.code(), Some(1), "the README says exit status 1");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let summary = stdout.lines().last().unwrap();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let try_it = &readme[readme.find("## Try it").unwrap()..];
    assert!(
        try_it.contains("copydesk check examples/harbour-patrol.md")
            && try_it.contains(&format!("`{summary}`")),
        "README's Try it should quote the summary line `{summary}`"
    );
}
