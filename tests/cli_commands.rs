//! The commands around `check`: `copydesk` alone in a terminal, help and
//! exit codes, `explain`, `rules`, `--timings`, and the progress bar, through
//! the built binary (a terminal is made with util-linux `script`).

mod cli_common;

use std::path::Path;
use std::process::Command;

use cli_common::{scratch, write, Run, FLAGGED};
use serde_json::Value;

/// Runs a shell command line with a terminal for stdin, stdout and stderr;
/// gives what the terminal showed and the exit status.
fn in_a_terminal(command: &str, cwd: &Path) -> (String, Option<i32>) {
    let out = Command::new("script")
        .args(["-qec", command, "/dev/null"])
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("util-linux script runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code(),
    )
}

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_copydesk")
}

#[test]
fn copydesk_alone_in_a_terminal_prints_usage_and_exits_two() {
    let dir = scratch("commands-tty");
    let (shown, status) = in_a_terminal(binary(), &dir);
    assert_eq!(status, Some(2), "{shown}");
    assert!(shown.contains("this is a terminal"), "{shown}");
    assert!(shown.contains("copydesk check ARTICLE.md"), "{shown}");
    // Asked for explicitly, it serves even there: it waits for a client, so
    // a closed terminal input ends it.
    let (_, status) = in_a_terminal(&format!("{} lsp < /dev/null", binary()), &dir);
    assert_eq!(
        status,
        Some(1),
        "served, then the input closed without exit"
    );
}

#[test]
fn stdio_is_documented_only_in_the_servers_help() {
    let top = Run::new(&["--help"]).out();
    assert_eq!(top.code, Some(0));
    assert!(!top.stdout.contains("--stdio"), "{}", top.stdout);
    let check = Run::new(&["check", "--help"]).out();
    assert!(!check.stdout.contains("--stdio"));
    let lsp = Run::new(&["lsp", "--help"]).out();
    assert!(lsp.stdout.contains("--stdio"), "{}", lsp.stdout);
    let misplaced = Run::new(&["check", "--stdio", "a.md"]).out();
    assert_eq!(misplaced.code, Some(2));
}

#[test]
fn the_exit_codes_are_in_the_help() {
    for args in [&["--help"][..], &["check", "--help"][..]] {
        let help = Run::new(args).out().stdout;
        for expected in [
            "Exit status:",
            "0  nothing found at or above the --fail-on severity",
            "1  findings at or above it",
            "2  an error",
        ] {
            assert!(
                help.contains(expected),
                "{args:?} lacks {expected}:\n{help}"
            );
        }
    }
}

#[test]
fn explain_accepts_any_case_and_suggests_the_nearest_code() {
    for written in [
        "vague-attribution",
        "Vague-Attribution",
        "VAGUE_ATTRIBUTION",
    ] {
        let out = Run::new(&["explain", written]).out();
        assert_eq!(out.code, Some(0), "{written}");
        assert!(out.stdout.starts_with("# vague-attribution\n"), "{written}");
    }
    let typo = Run::new(&["explain", "vauge-attribution"]).out();
    assert_eq!(typo.code, Some(2));
    assert_eq!(
        typo.stderr,
        "error: copydesk explain: no rule has the code `vauge-attribution`; did you mean `vague-attribution`?\n"
    );
    let far = Run::new(&["explain", "grammar"]).out();
    assert!(
        far.stderr.ends_with("`copydesk rules` lists them\n"),
        "{}",
        far.stderr
    );
    let list = Run::new(&["explain"]).out();
    assert!(list.stdout.contains("unknown-rule"));
}

#[test]
fn rules_lists_every_code_with_severity_and_summary() {
    let human = Run::new(&["rules"]).out();
    assert_eq!(human.code, Some(0));
    let first = human.stdout.lines().next().unwrap();
    assert!(
        first.starts_with("unattributed-claim   warning      A statement that needs a source"),
        "{first}"
    );
    let json = Run::new(&["rules", "--format", "json"]).out();
    let rules: Value = serde_json::from_str(&json.stdout).unwrap();
    let rules = rules.as_array().unwrap();
    assert_eq!(rules.len(), human.stdout.lines().count());
    let unknown = rules.iter().find(|r| r["code"] == "unknown-rule").unwrap();
    assert_eq!(unknown["default_severity"], "hint");
    assert_eq!(
        unknown["url"],
        "https://github.com/copydesk/copydesk/blob/main/docs/rules/unknown-rule.md"
    );
    assert!(unknown["summary"]
        .as_str()
        .unwrap()
        .starts_with("A suppression comment"));
}

#[test]
fn timings_print_each_stage_and_rule_on_stderr() {
    let dir = scratch("commands-timings");
    write(&dir, "a.md", FLAGGED);
    let out = Run::new(&[
        "check",
        "--timings",
        "--format",
        "jsonl",
        "--ignore",
        "title-case",
        "a.md",
    ])
    .cwd(&dir)
    .out();
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stdout.lines().count(),
        1,
        "stdout keeps only the findings"
    );
    let stderr = out.stderr;
    assert!(stderr.starts_with("timings: 1 file in "), "{stderr}");
    for stage in [
        "discover",
        "read",
        "prose",
        "actors",
        "rule unattributed-claim",
        "rule vague-attribution",
        "suppression",
        "render",
        "write",
    ] {
        assert!(
            stderr.contains(&format!("  {stage} ")),
            "{stage} missing:\n{stderr}"
        );
    }
    assert!(
        !stderr.contains("rule title-case"),
        "an ignored rule does not run"
    );
}

#[test]
fn progress_shows_on_a_terminal_for_long_runs_and_never_in_a_pipe() {
    let dir = scratch("commands-progress");
    let article = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/harbour-patrol.md"),
    )
    .unwrap();
    for i in 0..700 {
        write(&dir, &format!("desk/{i:04}.md"), &article);
    }
    let piped = Run::new(&["check", "--quiet", "--format", "jsonl", "desk"])
        .cwd(&dir)
        .env("RAYON_NUM_THREADS", "1")
        .out();
    assert_eq!(piped.code, Some(1));
    assert_eq!(piped.stderr, "", "no progress into a pipe");
    // One thread, so the run takes well over a second in a test build.
    let (shown, status) = in_a_terminal(
        &format!(
            "RAYON_NUM_THREADS=1 {} check --format jsonl desk > /dev/null",
            binary()
        ),
        &dir,
    );
    assert_eq!(status, Some(1));
    assert!(shown.contains("checking ["), "{shown}");
    assert!(shown.contains("/700 files"), "{shown}");
}
