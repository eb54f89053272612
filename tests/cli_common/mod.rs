//! Running the built `copydesk` binary for the CLI's end-to-end tests.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Out {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// One run of the binary, built up then run with [`Run::out`].
pub struct Run {
    command: Command,
    stdin: Option<Vec<u8>>,
}

/// Longest a run may take before the test fails (a FIFO read would block for ever).
const DEADLINE: std::time::Duration = std::time::Duration::from_secs(60);

impl Run {
    pub fn new(args: &[&str]) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_copydesk"));
        command.args(args);
        // The tests decide colour and width themselves.
        for var in [
            "NO_COLOR",
            "CLICOLOR_FORCE",
            "CLICOLOR",
            "COLUMNS",
            "COPYDESK_LOG",
        ] {
            command.env_remove(var);
        }
        Run {
            command,
            stdin: None,
        }
    }

    pub fn cwd(mut self, dir: &Path) -> Run {
        self.command.current_dir(dir);
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Run {
        self.command.env(key, value);
        self
    }

    pub fn stdin(mut self, text: impl Into<Vec<u8>>) -> Run {
        self.stdin = Some(text.into());
        self
    }

    pub fn out(mut self) -> Out {
        self.command
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = self.command.spawn().expect("the binary runs");
        if let Some(input) = self.stdin.take() {
            let mut pipe = child.stdin.take().expect("stdin");
            std::thread::spawn(move || {
                let _ = pipe.write_all(&input);
            });
        }
        let pid = child.id();
        let (done, waiting) = std::sync::mpsc::channel::<()>();
        let watchdog = std::thread::spawn(move || {
            if waiting.recv_timeout(DEADLINE).is_err() {
                let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
                return true;
            }
            false
        });
        let output = child.wait_with_output().expect("the binary ends");
        let _ = done.send(());
        assert!(
            !watchdog.join().unwrap_or(false),
            "copydesk did not finish within {DEADLINE:?}"
        );
        Out {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// A fresh folder under the target directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Writes a file, making its folders.
pub fn write(dir: &Path, relative: &str, text: &str) -> PathBuf {
    let path = dir.join(relative);
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("folders");
    std::fs::write(&path, text).expect("written");
    path
}

/// JSON lines as values.
pub fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

pub const FLAGGED: &str = "# Port deal\n\nThe port opened in May. Critics say it is too small.\n";
pub const CLEAN: &str = "# Port deal\n\nThe port opened in May, the harbour master said.\n";
/// Two findings of two rules: a vague source (warning) and a lowercase title (information).
pub const TWO_RULES: &str = "# Talks\n\nExperts believe the talks will fail. The talks were led by foreign minister Kadri Lepp.\n";
