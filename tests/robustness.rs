//! Inputs that once took copydesk down, through the CLI (the built binary)
//! and through the server over JSON-RPC. Each finishes, with no panic.

mod common;

use std::io::Read;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{uri, TestClient};

/// Articles that made a walk over tokens stop moving (issue 11).
const STUCK_WALKS: &[&str] = &[
    "Jr Minister R",
    "He met Jr Minister Lepp.",
    "Sr. Foreign Minister Jr Anna Berg said so.",
];

/// Runs `copydesk check` on `text`, killing it after `limit`; returns the
/// exit code, or `None` if it had to be killed.
fn check_with_limit(name: &str, text: &str, limit: Duration) -> Option<i32> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("robustness");
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let file = dir.join(name);
    std::fs::write(&file, text).expect("article written");
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .arg("check")
        .arg(&file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("waiting on the binary") {
            let mut stderr = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_string(&mut stderr);
            }
            assert!(!stderr.contains("panicked"), "{name}: {stderr}");
            return status.code();
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_title_walk_over_a_name_that_did_not_parse_ends_in_the_cli() {
    for (i, text) in STUCK_WALKS.iter().enumerate() {
        let code = check_with_limit(&format!("stuck-{i}.md"), text, Duration::from_secs(20));
        assert!(
            matches!(code, Some(0 | 1)),
            "copydesk check on {text:?} ended with {code:?}"
        );
    }
}

/// Runs `scenario` against an in-process server on a runtime of its own, so
/// that an analysis stuck in a blocking task fails the test instead of
/// hanging it when the runtime is dropped.
fn with_server<F>(scenario: impl FnOnce(TestClient) -> F)
where
    F: std::future::Future<Output = ()>,
{
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
        runtime.block_on(async {
            let client = TestClient::start().await;
            tokio::time::timeout(Duration::from_secs(30), scenario(client))
                .await
                .is_ok()
        })
    }));
    runtime.shutdown_timeout(Duration::from_millis(100));
    match outcome {
        Ok(finished) => assert!(finished, "the server did not answer in time"),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

#[test]
fn a_title_walk_over_a_name_that_did_not_parse_ends_in_the_server() {
    with_server(|mut client| async move {
        for (i, text) in STUCK_WALKS.iter().enumerate() {
            let u = uri(&format!("stuck-{i}.md"));
            let published = client.open_and_wait(&u, "markdown", text).await;
            assert!(published["diagnostics"].is_array(), "{text:?}: {published}");
        }
        // The server still answers after them.
        let u = uri("after.md");
        let published = client
            .open_and_wait(&u, "markdown", "Critics say the port is too small.\n")
            .await;
        assert_eq!(common::codes(&published), vec!["vague-attribution"]);
        client.shutdown().await;
    });
}
