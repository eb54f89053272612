//! The command line: `copydesk [lsp]`, `copydesk check`, `copydesk explain`,
//! `copydesk actors`.

mod actors;
mod check;
mod config;
mod explain;
mod files;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Exit status when something at warning level or above was found.
pub const EXIT_FOUND: u8 = 1;
/// Exit status for a usage or I/O error.
pub const EXIT_ERROR: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "copydesk",
    version,
    about = "A copy editor for news copy: unsourced claims and inconsistent references to people.",
    long_about = "A copy editor for news copy: unsourced claims and inconsistent references to people.\n\nWith no command, serves the Language Server Protocol on stdin/stdout."
)]
struct Cli {
    /// Serve LSP on stdin/stdout (the default; accepted because editors pass it).
    #[arg(long, global = true)]
    stdio: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve the Language Server Protocol on stdin/stdout.
    Lsp,
    /// Check files and folders (*.md, *.markdown, *.txt) and print diagnostics.
    Check(Inputs),
    /// List the people and organisations of files, with roles and references.
    Actors(Inputs),
    /// Show a rule's documentation, or list the rules.
    Explain {
        /// A rule code, such as vague-attribution.
        code: Option<String>,
    },
}

/// What `check` and `actors` read, and how they print.
#[derive(Args, Debug)]
struct Inputs {
    /// Files or folders to read (*.md, *.markdown, *.txt).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Settings file to use instead of the nearest .copydesk.toml above each file.
    #[arg(long, value_name = "PATH")]
    config: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(EXIT_ERROR)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    if let Err(problem) = name_model_from_env() {
        eprintln!("error: {problem}");
        return ExitCode::from(EXIT_ERROR);
    }
    match cli.command {
        None | Some(Command::Lsp) => serve(),
        Some(Command::Check(inputs)) => {
            init_logging("warn");
            check::run(&inputs.paths, inputs.format, inputs.config.as_deref())
        }
        Some(Command::Explain { code }) => explain::run(code.as_deref()),
        Some(Command::Actors(inputs)) => {
            init_logging("warn");
            actors::run(&inputs.paths, inputs.format, inputs.config.as_deref())
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
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .try_init();
}

fn serve() -> ExitCode {
    init_logging("info");
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("copydesk: cannot start the async runtime: {err}");
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let clean = runtime.block_on(crate::lsp::serve_stdio());
    // Stdin is read on a blocking thread that only ends when the client closes
    // its end; do not wait for it after `exit`.
    runtime.shutdown_background();
    if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
