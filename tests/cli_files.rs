//! Files that are not files, and broken files that must not stop the run
//! or hide the problem (issue 11, items 6 and 7), through the built binary.
#![cfg(unix)]

mod cli_common;

use std::path::Path;

use cli_common::{json_lines, scratch, write, Run, FLAGGED};

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
}

fn paths(stdout: &str) -> Vec<String> {
    json_lines(stdout)
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_fifo_as_config_or_people_file_is_refused_without_blocking() {
    let dir = scratch("files-fifo");
    write(&dir, "a.md", FLAGGED);
    mkfifo(&dir.join("pipe.toml"));
    let out = Run::new(&["check", "--config", "pipe.toml", "a.md"])
        .cwd(&dir)
        .out();
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr
            .contains("error: pipe.toml: cannot read it: not a regular file but a pipe (FIFO)"),
        "{}",
        out.stderr
    );

    mkfifo(&dir.join("people.toml"));
    write(
        &dir,
        "people/.copydesk.toml",
        "people = \"../people.toml\"\n",
    );
    write(&dir, "people/a.md", FLAGGED);
    let out = Run::new(&["check", "--format", "jsonl", "people"])
        .cwd(&dir)
        .out();
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr
            .contains("not a regular file but a pipe (FIFO); checked without it"),
        "{}",
        out.stderr
    );
    assert_eq!(
        paths(&out.stdout),
        vec!["people/a.md"],
        "the article is still checked"
    );
}

#[test]
fn dev_zero_as_the_people_file_is_refused_and_the_articles_are_still_checked() {
    let dir = scratch("files-dev-zero");
    write(&dir, ".copydesk.toml", "people = \"/dev/zero\"\n");
    write(&dir, "a.md", FLAGGED);
    let out = Run::new(&["check", "--format", "jsonl", "a.md"])
        .cwd(&dir)
        .out();
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr.contains(
            "error: people file /dev/zero: not a regular file but a device; checked without it"
        ),
        "{}",
        out.stderr
    );
    assert_eq!(paths(&out.stdout), vec!["a.md"]);
}

#[test]
fn a_config_file_that_is_a_folder_or_a_link_loop_is_reported() {
    let dir = scratch("files-config-kinds");
    std::fs::create_dir_all(dir.join("folder/.copydesk.toml")).unwrap();
    write(&dir, "folder/a.md", FLAGGED);
    std::fs::create_dir_all(dir.join("looped")).unwrap();
    std::os::unix::fs::symlink(".copydesk.toml", dir.join("looped/.copydesk.toml")).unwrap();
    write(&dir, "looped/a.md", FLAGGED);
    write(&dir, "fine/a.md", FLAGGED);
    let out = Run::new(&["check", "--format", "jsonl", "."])
        .cwd(&dir)
        .out();
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr.contains(
            "error: folder/.copydesk.toml: cannot read it: not a regular file but a folder"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("error: looped/.copydesk.toml: cannot read it: a loop of symbolic links"),
        "{}",
        out.stderr
    );
    assert_eq!(
        paths(&out.stdout),
        vec!["./fine/a.md"],
        "the other folder is checked"
    );
}

#[test]
fn a_broken_config_in_one_folder_does_not_stop_the_others() {
    let dir = scratch("files-broken-config");
    write(&dir, "politics/.copydesk.toml", "style = \"ap\n");
    write(&dir, "politics/a.md", FLAGGED);
    write(
        &dir,
        "sport/.copydesk.toml",
        "[rules]\nvague-attribution = \"error\"\n",
    );
    write(&dir, "sport/b.md", FLAGGED);
    let out = Run::new(&["check", "--format", "jsonl", "politics", "sport"])
        .cwd(&dir)
        .out();
    assert_eq!(out.code, Some(2), "an error wins over findings");
    assert!(
        out.stderr.contains("error: politics/.copydesk.toml:1:"),
        "{}",
        out.stderr
    );
    let found = json_lines(&out.stdout);
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0]["path"].as_str(), found[0]["severity"].as_str()),
        (Some("sport/b.md"), Some("error"))
    );
}

#[test]
fn a_missing_or_broken_people_file_is_an_error_and_the_run_goes_on() {
    let dir = scratch("files-people");
    write(
        &dir,
        "missing/.copydesk.toml",
        "people = \"nowhere.toml\"\n",
    );
    write(&dir, "missing/a.md", FLAGGED);
    write(&dir, "broken/.copydesk.toml", "people = \"people.toml\"\n");
    write(&dir, "broken/people.toml", "[[person]]\nname = Wang Yi\n");
    write(&dir, "broken/b.md", FLAGGED);
    let out = Run::new(&["check", "--format", "jsonl", "missing", "broken"])
        .cwd(&dir)
        .out();
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("nowhere.toml"), "{}", out.stderr);
    assert!(
        out.stderr.contains("people.toml: line 2:"),
        "{}",
        out.stderr
    );
    assert_eq!(paths(&out.stdout), vec!["missing/a.md", "broken/b.md"]);
}

#[test]
fn a_people_file_of_twenty_thousand_entries_is_read_and_used() {
    let dir = scratch("files-people-large");
    let mut people: String = (0..20_000)
        .map(|i| format!("[[person]]\nname = \"Person Number{i}\"\n\n"))
        .collect();
    people += "[[person]]\nname = \"Kadri Lepp\"\ntitle = \"Foreign Minister\"\n";
    write(&dir, "people.toml", &people);
    write(&dir, ".copydesk.toml", "people = \"people.toml\"\n");
    write(
        &dir,
        "a.md",
        "# Talks\n\nDefence Minister Kadri Lepp met the press, the ministry said.\n",
    );
    let out = Run::new(&["check", "--format", "jsonl", "a.md"])
        .cwd(&dir)
        .out();
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    let found = json_lines(&out.stdout);
    let mismatch = found
        .iter()
        .find(|f| f["code"] == "title-mismatch")
        .expect("the people file's title is checked");
    assert_eq!(mismatch["related"][0]["path"], "people.toml");
    assert_eq!(mismatch["related"][0]["line"], 60_002);
}

#[test]
fn an_article_that_is_not_a_regular_file_is_an_error() {
    let dir = scratch("files-article-kinds");
    mkfifo(&dir.join("pipe.md"));
    write(&dir, "a.md", FLAGGED);
    let out = Run::new(&["check", "--format", "jsonl", "pipe.md", "/dev/zero", "a.md"])
        .cwd(&dir)
        .out();
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr
            .contains("error: pipe.md: not a regular file but a pipe (FIFO)"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("error: /dev/zero: not a regular file but a device"),
        "{}",
        out.stderr
    );
    assert_eq!(paths(&out.stdout), vec!["a.md"]);
}
