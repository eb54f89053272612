//! `copydesk check` with settings: the nearest `.copydesk.toml`, `--config`,
//! and a config file with problems (printed with line and column, exit 2).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const STORY: &str = "Port deal\n\nCritics say the deal will fail.\n";

struct Desk {
    root: PathBuf,
}

impl Desk {
    fn new(name: &str) -> Desk {
        let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-config-{name}"));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).expect("temp folder");
        Desk { root }
    }

    fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.root.join(relative);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("folder");
        std::fs::write(&path, text).expect("written");
        path
    }
}

impl Drop for Desk {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn check(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .current_dir(dir)
        .arg("check")
        .args(args)
        .output()
        .expect("copydesk runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_nearest_config_file_applies_to_each_file() {
    let desk = Desk::new("nearest");
    desk.write(".copydesk.toml", "[rules]\nvague-attribution = \"error\"\n");
    desk.write(
        "sport/.copydesk.toml",
        "[rules]\nvague-attribution = \"off\"\n",
    );
    desk.write("politics/story.md", STORY);
    desk.write("sport/story.md", STORY);
    let output = check(&desk.root, &["--format", "jsonl", "."]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON lines"))
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["path"], "./politics/story.md");
    assert_eq!(lines[0]["severity"], "error");
}

#[test]
fn config_names_a_file_that_replaces_discovery() {
    let desk = Desk::new("explicit");
    desk.write(".copydesk.toml", "[rules]\nvague-attribution = \"error\"\n");
    desk.write("quiet.toml", "[rules]\nvague-attribution = \"off\"\n");
    desk.write("story.md", STORY);
    let output = check(&desk.root, &["--config", "quiet.toml", "story.md"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "no findings in 1 file\n");

    let hint = desk.write("hint.toml", "[rules]\nvague-attribution = \"hint\"\n");
    let output = check(
        &desk.root,
        &["--config", &hint.to_string_lossy(), "story.md"],
    );
    assert_eq!(output.status.code(), Some(0), "hints do not fail a run");
    assert!(
        stdout(&output).starts_with("hint[vague-attribution]"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_config_file_with_problems_prints_line_and_column_and_exits_2() {
    let desk = Desk::new("broken");
    desk.write("story.md", STORY);
    desk.write(
        ".copydesk.toml",
        "style = \"ap\"\ndebounce_ms = -1\n\n[rules]\nvague-atribution = \"off\"\ncheck_on = \"save\"\n",
    );
    let output = check(&desk.root, &["story.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stdout(&output),
        "no findings in 0 files\n",
        "nothing is checked with broken settings"
    );
    assert_eq!(
        stderr(&output),
        "error: .copydesk.toml:2:15: `debounce_ms` must be a whole number of milliseconds from 0 to 10000, not -1\n\
         error: .copydesk.toml:5:1: unknown rule `vague-atribution`; did you mean `vague-attribution`?\n\
         error: .copydesk.toml:6:1: unknown rule `check_on`; `check_on` is a setting, not a rule: put it above the `[rules]` table\n\
         error: .copydesk.toml: the articles under it were not checked; fix it and check again\n"
    );

    desk.write("syntax.toml", "[rules]\nvague-attribution = \"off\n");
    let output = check(&desk.root, &["--config", "syntax.toml", "story.md"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.starts_with("error: syntax.toml:2:"), "{err}");
    assert!(err.contains("TOML syntax"), "{err}");

    let output = check(&desk.root, &["--config", "missing.toml", "story.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("error: missing.toml: cannot read it: "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn suppression_comments_on_a_fixture_article() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let output = check(&fixtures, &["--format", "jsonl", "suppressed-story.md"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let findings: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON lines"))
        .collect();
    insta::assert_json_snapshot!(findings);
}
