//! Writing for the CLI: problems on stderr (counted, for the exit status),
//! the colour choice, and stdout that survives a closed pipe.

use std::fmt::Display;
use std::io::{IsTerminal, Write};

use anstyle::{AnsiColor, Style};
use clap::ValueEnum;

/// `--color`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Colour {
    /// Colour on a terminal, unless NO_COLOR is set (CLICOLOR_FORCE forces it)
    #[default]
    Auto,
    Always,
    Never,
}

impl Colour {
    /// Makes the choice for stdout and stderr; returns whether stdout is coloured.
    pub fn apply(self) -> bool {
        let choice = match self {
            Colour::Auto => anstream::ColorChoice::Auto,
            Colour::Always => anstream::ColorChoice::Always,
            Colour::Never => anstream::ColorChoice::Never,
        };
        choice.write_global();
        anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
    }
}

/// Columns for human output: `COLUMNS`, else the terminal's width, else 100.
pub fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or_else(|| {
            std::io::stdout()
                .is_terminal()
                .then(|| console::Term::stdout().size_checked())
                .flatten()
                .map(|(_, cols)| usize::from(cols))
        })
        .unwrap_or(100)
        .max(40)
}

/// Problems met on the way: printed at once on stderr, counted for the exit status.
#[derive(Debug, Default)]
pub struct Problems {
    pub errors: usize,
}

impl Problems {
    pub fn error(&mut self, message: impl Display) {
        self.errors += 1;
        print_problem("error", AnsiColor::Red, message);
    }

    pub fn warning(&mut self, message: impl Display) {
        print_problem("warning", AnsiColor::Yellow, message);
    }
}

fn print_problem(label: &str, colour: AnsiColor, message: impl Display) {
    let style = Style::new().fg_color(Some(colour.into())).bold();
    let _ = writeln!(
        anstream::stderr().lock(),
        "{}{label}:{} {message}",
        style.render(),
        style.render_reset()
    );
}

/// Stdout, locked; a closed pipe (`| head`) ends the output, not the program.
pub struct Stdout {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    pub closed: bool,
}

impl Default for Stdout {
    fn default() -> Self {
        Self::new()
    }
}

impl Stdout {
    pub fn new() -> Stdout {
        Stdout {
            out: std::io::BufWriter::new(std::io::stdout().lock()),
            closed: false,
        }
    }

    pub fn write(&mut self, text: &str) {
        if !self.closed && self.out.write_all(text.as_bytes()).is_err() {
            self.closed = true;
        }
    }

    pub fn flush(&mut self) {
        if !self.closed && self.out.flush().is_err() {
            self.closed = true;
        }
    }
}
