//! The pre-commit hooks (`.pre-commit-hooks.yaml`), run by the real
//! pre-commit from PyPI through `pre-commit try-repo` on a scratch git
//! repository, and the GitHub Action's script (`action/check.sh`).
//!
//! pre-commit is found as `$COPYDESK_PRE_COMMIT`, or on `PATH`; `.ci/run`
//! installs it into a virtualenv. Without it the pre-commit tests say so and
//! pass, except under CI (`CI` set), where they fail.

mod cli_common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cli_common::{scratch, write, CLEAN, FLAGGED};

fn project() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn pre_commit() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("COPYDESK_PRE_COMMIT") {
        return Some(PathBuf::from(path));
    }
    let found = Command::new("pre-commit").arg("--version").output();
    if found.is_ok_and(|o| o.status.success()) {
        return Some(PathBuf::from("pre-commit"));
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "pre-commit is not installed; .ci/run installs it and sets COPYDESK_PRE_COMMIT"
    );
    eprintln!("pre-commit is not installed: the pre-commit hook test did not run");
    None
}

fn git(repo: &Path, args: &[&str]) -> Output {
    git_with(repo, args, &[])
}

fn git_with(repo: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(repo)
        .envs(env.iter().copied())
        .env("GIT_AUTHOR_NAME", "Desk")
        .env("GIT_AUTHOR_EMAIL", "desk@example.com")
        .env("GIT_COMMITTER_NAME", "Desk")
        .env("GIT_COMMITTER_EMAIL", "desk@example.com")
        .output()
        .expect("git runs")
}

/// A scratch repository whose git pre-commit hook runs `hook` from this
/// project through `pre-commit try-repo`, as a newsroom's repository would.
fn newsroom(name: &str, pre_commit: &Path, hook: &str) -> PathBuf {
    let repo = scratch(name);
    assert!(git(&repo, &["init", "-q"]).status.success());
    // Git points GIT_DIR and GIT_INDEX_FILE at this repository while its hooks
    // run; try-repo reads the project's repository too, so they go.
    let script = format!(
        "#!/bin/sh\nunset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE\nexec '{}' try-repo '{}' {hook}\n",
        pre_commit.display(),
        project().display()
    );
    let path = write(&repo, ".git/hooks/pre-commit", &script);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    repo
}

/// Commits what is staged; whether the hook let it through, and what it said.
fn commit(repo: &Path, message: &str, env: &[(&str, &str)]) -> (bool, String) {
    let out = git_with(repo, &["commit", "-q", "-m", message], env);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), said)
}

fn one_commit_passes_and_one_is_blocked(repo: &Path, env: &[(&str, &str)]) {
    write(repo, "clean.md", CLEAN);
    write(repo, "notes.rs", "// Critics say this is not prose.\n");
    assert!(git(repo, &["add", "clean.md", "notes.rs"]).status.success());
    let (passed, said) = commit(repo, "clean copy", env);
    assert!(passed, "a clean article is committed:\n{said}");
    assert!(said.contains("Passed"), "{said}");

    write(repo, "story.md", FLAGGED);
    assert!(git(repo, &["add", "story.md"]).status.success());
    let (passed, said) = commit(repo, "flagged copy", env);
    assert!(!passed, "a finding blocks the commit:\n{said}");
    assert!(said.contains("Failed"), "{said}");
    assert!(said.contains("warning[vague-attribution]"), "{said}");
    assert!(said.contains("story.md:3:25"), "{said}");
    let log = git(repo, &["log", "--format=%s"]);
    assert_eq!(String::from_utf8_lossy(&log.stdout), "clean copy\n");
}

/// The published hook, built from this repository by pre-commit's own
/// `cargo install`. Building takes a while: a fast profile and a target
/// folder kept under `target/` make later runs cheap. A fresh clone still
/// builds every dependency once more (two minutes of CI on two cores), so
/// this one runs only with `COPYDESK_PRE_COMMIT_BUILD=1`; the hook it
/// installs runs the same `copydesk check` as the test below.
#[test]
fn the_pre_commit_hook_built_from_source_blocks_a_commit_with_findings() {
    if std::env::var_os("COPYDESK_PRE_COMMIT_BUILD").is_none() {
        eprintln!("skipped: set COPYDESK_PRE_COMMIT_BUILD=1 to build the hook from source");
        return;
    }
    let Some(pre_commit) = pre_commit() else {
        return;
    };
    let repo = newsroom("hooks-rust", &pre_commit, "copydesk");
    let target = project().join("target/pre-commit");
    let home = project().join("target/pre-commit-home");
    one_commit_passes_and_one_is_blocked(
        &repo,
        &[
            ("PRE_COMMIT_HOME", home.to_str().unwrap()),
            ("CARGO_TARGET_DIR", target.to_str().unwrap()),
            ("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0"),
            ("CARGO_PROFILE_RELEASE_DEBUG", "0"),
            ("CARGO_PROFILE_RELEASE_INCREMENTAL", "true"),
        ],
    );
}

/// The same hook with the `copydesk` on PATH (here, the test build).
#[test]
fn the_pre_commit_hook_with_an_installed_copydesk_blocks_a_commit_with_findings() {
    let Some(pre_commit) = pre_commit() else {
        return;
    };
    let repo = newsroom("hooks-system", &pre_commit, "copydesk-system");
    let bin = Path::new(env!("CARGO_BIN_EXE_copydesk")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let home = project().join("target/pre-commit-home");
    one_commit_passes_and_one_is_blocked(
        &repo,
        &[("PATH", &path), ("PRE_COMMIT_HOME", home.to_str().unwrap())],
    );
}

fn run_action(dir: &Path, path: &str, inputs: &[(&str, &str)]) -> (Output, String) {
    let output_file = dir.join("github-output");
    let _ = std::fs::remove_file(&output_file);
    let mut command = Command::new("bash");
    command
        .arg(project().join("action/check.sh"))
        .current_dir(dir)
        .env("PATH", path)
        .env("GITHUB_OUTPUT", &output_file)
        .env("GITHUB_ACTION_PATH", project());
    for (key, value) in inputs {
        command.env(key, value);
    }
    let out = command.output().expect("bash runs");
    let recorded = std::fs::read_to_string(&output_file).unwrap_or_default();
    (out, recorded)
}

#[test]
fn the_github_action_script_writes_sarif_annotations_and_the_exit_code() {
    let dir = scratch("hooks-action");
    write(&dir, "articles/story.md", FLAGGED);
    write(&dir, "articles/clean.md", CLEAN);
    let bin = Path::new(env!("CARGO_BIN_EXE_copydesk")).parent().unwrap();
    let path = format!("{}:/usr/bin:/bin", bin.display());
    let (out, recorded) = run_action(&dir, &path, &[("INPUT_PATHS", "articles")]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the script leaves failing to the last step"
    );
    assert_eq!(recorded, "exit-code=1\nsarif-file=copydesk.sarif\n");
    assert!(
        stdout.contains("::warning file=articles/story.md,line=3,col=25"),
        "{stdout}"
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("copydesk.sarif")).unwrap())
            .unwrap();
    assert_eq!(
        sarif["runs"][0]["results"][0]["ruleId"],
        "vague-attribution"
    );

    let (_, recorded) = run_action(
        &dir,
        &path,
        &[
            ("INPUT_PATHS", "articles/clean.md articles/story.md"),
            ("INPUT_ARGS", "--ignore vague-attribution"),
            ("INPUT_SARIF_FILE", "out.sarif"),
        ],
    );
    assert_eq!(recorded, "exit-code=0\nsarif-file=out.sarif\n");
}

#[test]
fn the_github_action_installs_copydesk_with_cargo_when_it_is_missing() {
    let dir = scratch("hooks-action-install");
    write(&dir, "story.md", FLAGGED);
    // A stand-in cargo that records its arguments and "installs" the test build.
    let fake = dir.join("fake-bin");
    let cargo_home = dir.join("cargo-home");
    let script = format!(
        "#!/bin/sh\necho \"$@\" > '{log}'\nmkdir -p '{home}/bin'\ncp '{bin}' '{home}/bin/copydesk'\n",
        log = dir.join("cargo-args").display(),
        home = cargo_home.display(),
        bin = env!("CARGO_BIN_EXE_copydesk"),
    );
    let cargo = write(&fake, "cargo", &script);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&cargo, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!("{}:/usr/bin:/bin", fake.display());
    let (out, recorded) = run_action(
        &dir,
        &path,
        &[
            ("INPUT_PATHS", "story.md"),
            ("CARGO_HOME", cargo_home.to_str().unwrap()),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(dir.join("cargo-args")).unwrap(),
        format!("install --locked --path {}\n", project().display())
    );
    assert_eq!(recorded, "exit-code=1\nsarif-file=copydesk.sarif\n");
}
