//! The command line: `copydesk check`, `explain`, `rules`, `actors`,
//! `ledger`, and `copydesk lsp` (what `copydesk` with no command does when an
//! editor starts it).

mod actors;
mod check;
mod config;
mod explain;
pub mod format;
pub mod inputs;
mod ledger;
pub mod output;
pub mod parallel;
pub mod positions;
mod rules;
mod statistics;
mod timings;

use std::ffi::OsString;
use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Exit status when something at or above the `--fail-on` severity was found.
pub const EXIT_FOUND: u8 = 1;
/// Exit status for a usage error or a file, config or people file that could not be used.
pub const EXIT_ERROR: u8 = 2;

const EXIT_STATUS_HELP: &str = "\
Exit status:
  0  nothing found at or above the --fail-on severity (default: warning)
  1  findings at or above it
  2  an error: a bad argument, a file that cannot be read, a broken
     .copydesk.toml or people file (everything else is still checked)";

#[derive(Parser, Debug)]
#[command(
    name = "copydesk",
    version,
    about = "A copy editor for news copy: unsourced claims and inconsistent references to people.",
    long_about = "A copy editor for news copy: unsourced claims and inconsistent references to people.\n\n\
                  `copydesk check` reads articles; with no command, copydesk serves the Language Server \
                  Protocol on stdin/stdout for an editor (see `copydesk lsp --help`).",
    after_help = EXIT_STATUS_HELP
)]
struct Cli {
    /// Editors start the server as `copydesk --stdio`: accepted here, documented under `lsp`.
    #[arg(long, hide = true)]
    stdio: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check articles and folders of them (*.md, *.markdown, *.txt) and print what is found.
    #[command(after_help = EXIT_STATUS_HELP)]
    Check(check::CheckArgs),
    /// Show a rule's documentation (any case: `copydesk explain Vague-Attribution`).
    Explain {
        /// A rule code, such as vague-attribution; with none, the list of rules.
        code: Option<String>,
    },
    /// List every rule with its default severity and summary.
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// List the people and organisations of articles, with roles and references.
    Actors(actors::ActorsArgs),
    /// Tally the sources of files and folders: named people and organisations,
    /// anonymous and vague sources, and claims and quotations with none.
    Ledger(ledger::LedgerArgs),
    /// Serve the Language Server Protocol on stdin/stdout (what an editor starts).
    Lsp(LspArgs),
}

#[derive(Args, Debug)]
struct LspArgs {
    /// Speak LSP over stdin and stdout, the only transport (editors pass it; it changes nothing).
    #[arg(long)]
    stdio: bool,
}

/// Output of lists (`rules`, `actors`): for people or for programs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Human,
    Json,
}

const USAGE_ON_A_TERMINAL: &str = "\
copydesk: a copy editor for news copy. With no command it serves the Language
Server Protocol to an editor over stdin/stdout; this is a terminal, so it won't.

  copydesk check ARTICLE.md…   check articles (exit status 1 when something is found)
  copydesk explain CODE        what a rule flags, and why
  copydesk rules               every rule, with its default severity
  copydesk lsp                 serve LSP here anyway

`copydesk --help` tells more.
";

/// The CLI's JSON for other front ends (the Python module): the objects
/// `--format json` and `jsonl` print.
pub mod json {
    pub use super::actors::json_of as actors;
    pub use super::check::findings_json as findings;
    pub use super::ledger::statements_json as statements;
}

pub fn main() -> ExitCode {
    ExitCode::from(run(std::env::args_os()))
}

/// The command line with these arguments (the first is the program's name),
/// and its exit status; for a front end that is not this binary too: the
/// Python package's `copydesk`.
pub fn run<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() { EXIT_ERROR } else { 0 };
        }
    };
    if let Err(problem) = name_model_from_env() {
        eprintln!("error: {problem}");
        return EXIT_ERROR;
    }
    match cli.command {
        None if !cli.stdio && std::io::stdin().is_terminal() => {
            eprint!("{USAGE_ON_A_TERMINAL}");
            EXIT_ERROR
        }
        None | Some(Command::Lsp(_)) => serve(),
        Some(Command::Check(args)) => {
            init_logging("warn");
            check::run(&args)
        }
        Some(Command::Explain { code }) => explain::run(code.as_deref()),
        Some(Command::Rules { format }) => rules::run(format),
        Some(Command::Actors(args)) => {
            init_logging("warn");
            actors::run(&args)
        }
        Some(Command::Ledger(args)) => {
            init_logging("warn");
            ledger::run(&args)
        }
    }
}

/// `COPYDESK_NAME_MODEL=FILE`: name-tagger weights to use instead of the
/// built-in ones, for measuring weights trained without the documents being
/// scored (`cargo run --example names -- cv`).
fn name_model_from_env() -> Result<(), String> {
    let Some(path) = std::env::var_os("COPYDESK_NAME_MODEL") else {
        return Ok(());
    };
    let path = std::path::PathBuf::from(path);
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let model = crate::actors::tagger::Model::from_bytes(&bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    crate::actors::tagger::use_model(model);
    Ok(())
}

fn init_logging(default: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("COPYDESK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(|| StderrIgnoringErrors)
        .log_internal_errors(false)
        .with_ansi(false)
        .try_init();
}

/// Stderr for log lines. An editor may close the server's stderr before the
/// server exits; a log line that cannot be written is dropped, never a panic
/// (as `eprintln!` would be).
struct StderrIgnoringErrors;

impl std::io::Write for StderrIgnoringErrors {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let _ = std::io::stderr().write_all(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let _ = std::io::stderr().flush();
        Ok(())
    }
}

fn serve() -> u8 {
    crate::lsp::tune_malloc();
    init_logging("info");
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("copydesk: cannot start the async runtime: {err}");
            return EXIT_ERROR;
        }
    };
    let clean = runtime.block_on(crate::lsp::serve_stdio());
    // Stdin is read on a blocking thread that only ends when the client closes
    // its end; do not wait for it after `exit`.
    runtime.shutdown_background();
    if clean {
        0
    } else {
        1
    }
}
