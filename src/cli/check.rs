//! `copydesk check`: the server's analysis on files, for CI and pre-commit hooks.
//!
//! Articles are read and analysed on every core, and each file's output is
//! rendered beside its text; the main thread writes it out in input order,
//! so the output is the same however many threads ran.

use std::io::IsTerminal;
use std::path::Path;
use std::time::{Duration, Instant};

use clap::{Args, ValueEnum};

use super::format::{human, FileView, Format};
use super::inputs::{self, Inputs, Source};
use super::output::{self, Colour, Problems, Stdout};
use super::timings::Timings;
use super::{config, parallel, statistics, EXIT_ERROR, EXIT_FOUND};
use crate::analysis;
use crate::checks::{Finding, Severity};
use crate::config::Settings;

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Run only these rules (comma-separated codes), over the config's choice.
    #[arg(long, value_name = "CODE,…", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Do not run these rules (comma-separated codes).
    #[arg(long, value_name = "CODE,…", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// The lowest severity that makes the exit status 1.
    #[arg(long, value_enum, value_name = "SEVERITY", default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// Colour in human output.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = Colour::Auto)]
    pub color: Colour,
    /// Print no summary line.
    #[arg(long, short)]
    pub quiet: bool,
    /// Count findings per rule instead of listing them (human or json format).
    #[arg(long)]
    pub statistics: bool,
    /// Print on stderr the time each stage and each rule took.
    #[arg(long)]
    pub timings: bool,
}

/// `--fail-on`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Hint,
    #[value(alias = "info")]
    Information,
    Warning,
    Error,
}

impl FailOn {
    fn severity(self) -> Severity {
        match self {
            FailOn::Hint => Severity::Hint,
            FailOn::Information => Severity::Information,
            FailOn::Warning => Severity::Warning,
            FailOn::Error => Severity::Error,
        }
    }
}

/// What one file gave.
struct Outcome {
    /// Rendered findings, in order.
    items: Vec<String>,
    /// The code and severity of each finding, for counts and statistics.
    found: Vec<(&'static str, Severity)>,
    problems: Vec<String>,
    checked: bool,
    timings: Timings,
}

pub fn run(args: &CheckArgs) -> u8 {
    let started = Instant::now();
    let colour = args.color.apply();
    let mut problems = Problems::default();
    if args.statistics && !matches!(args.format, Format::Human | Format::Json) {
        problems.error("--statistics works with --format human or json");
        return EXIT_ERROR;
    }
    let selection = match config::Selection::new(&args.select, &args.ignore) {
        Ok(selection) => selection,
        Err(message) => {
            problems.error(message);
            return EXIT_ERROR;
        }
    };
    let Some(config::Work { files: work, stdin }) =
        config::gather(&args.inputs, &selection, &mut problems)
    else {
        return EXIT_ERROR;
    };
    let mut timings = Timings::default();
    timings.add_stage("discover", started.elapsed());

    let style = human::Style {
        colour,
        width: output::width(),
    };
    let format = args.format;
    let render = !args.statistics;
    let files = work.len();
    let progress = Progress::new(files);

    let mut out = Stdout::new();
    let frame = format.frame();
    if render {
        out.write(&frame.open);
    }
    let mut items_written = 0usize;
    let mut found: Vec<(&'static str, Severity)> = Vec::new();
    let mut checked = 0usize;
    parallel::for_each_ordered(
        work,
        |(source, settings)| {
            check_file(
                &source,
                settings.as_deref(),
                stdin.as_deref(),
                format,
                style,
                render,
            )
        },
        |outcome| {
            progress.tick();
            for problem in &outcome.problems {
                progress.suspend(|| problems.error(problem));
            }
            if !outcome.items.is_empty() {
                progress.suspend(|| {
                    for item in &outcome.items {
                        if items_written > 0 {
                            out.write(frame.separator);
                        }
                        out.write(item);
                        items_written += 1;
                    }
                    out.flush();
                });
            }
            checked += usize::from(outcome.checked);
            found.extend(outcome.found);
            timings.merge(outcome.timings);
            !out.closed
        },
    );
    progress.finish();
    let written = Instant::now();
    if render {
        out.write(&frame.close);
    }
    if args.statistics {
        out.write(&statistics::render(&found, format, style));
    }
    if format == Format::Human && !args.quiet {
        out.write(&statistics::summary(&found, checked, style));
    }
    out.flush();
    timings.add_stage("write", written.elapsed());
    if args.timings {
        timings.print(started.elapsed(), files);
    }
    if out.closed {
        return EXIT_ERROR;
    }
    if problems.errors > 0 {
        EXIT_ERROR
    } else if found
        .iter()
        .any(|&(_, severity)| severity >= args.fail_on.severity())
    {
        EXIT_FOUND
    } else {
        0
    }
}

/// Reads, analyses and renders one file. Problems are returned, not printed,
/// so they come out in order.
fn check_file(
    source: &Source,
    settings: Option<&Settings>,
    stdin: Option<&str>,
    format: Format,
    style: human::Style,
    render: bool,
) -> Outcome {
    let mut outcome = Outcome {
        items: Vec::new(),
        found: Vec::new(),
        problems: Vec::new(),
        checked: false,
        timings: Timings::default(),
    };
    // A broken config file: reported already.
    let Some(settings) = settings else {
        return outcome;
    };
    if source.stdin && stdin.is_none() {
        return outcome;
    }
    let started = Instant::now();
    let text = match inputs::read(source, stdin) {
        Ok(text) => text,
        Err(message) => {
            outcome
                .problems
                .push(format!("{}: {message}", source.shown));
            return outcome;
        }
    };
    outcome.timings.add_stage("read", started.elapsed());
    let language = source.language();
    let analysis = match std::panic::catch_unwind(|| analysis::analyze(&text, language, settings)) {
        Ok(analysis) => analysis,
        Err(payload) => {
            outcome.problems.push(format!(
                "{}: analysis failed: {}",
                source.shown,
                crate::checks::panic_message(payload.as_ref())
            ));
            return outcome;
        }
    };
    outcome.checked = true;
    outcome.timings.add_analysis(&analysis.timings);
    for failure in &analysis.failures {
        outcome.problems.push(format!(
            "{}: rule {} failed and was skipped: {}",
            source.shown, failure.code, failure.message
        ));
    }
    outcome.found = analysis
        .findings
        .iter()
        .map(|f| (f.code, f.severity))
        .collect();
    if render {
        let rendering = Instant::now();
        let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let view = FileView::new(&source.shown, &text, &analysis.findings);
            let mut wraps = human::Wraps::default();
            analysis
                .findings
                .iter()
                .map(|f| format.item(&view, &mut wraps, &style, f))
                .collect()
        }));
        match rendered {
            Ok(items) => outcome.items = items,
            Err(payload) => outcome.problems.push(format!(
                "{}: the findings could not be printed: {}",
                source.shown,
                crate::checks::panic_message(payload.as_ref())
            )),
        }
        outcome.timings.add_stage("render", rendering.elapsed());
    }
    outcome
}

/// The findings of one text as `--format json` prints them, one object each.
pub fn findings_json(path: &Path, text: &str, findings: &[Finding]) -> Vec<serde_json::Value> {
    let shown = path.display().to_string();
    let view = FileView::new(&shown, text, findings);
    findings
        .iter()
        .map(|f| super::format::json::finding(&view, f))
        .collect()
}

/// A progress bar on stderr, shown only in a terminal and only once a run
/// has taken a second.
struct Progress {
    bar: indicatif::ProgressBar,
    started: Instant,
    wanted: bool,
    shown: std::cell::Cell<bool>,
}

impl Progress {
    fn new(files: usize) -> Progress {
        Progress {
            bar: indicatif::ProgressBar::with_draw_target(
                Some(files as u64),
                indicatif::ProgressDrawTarget::hidden(),
            ),
            started: Instant::now(),
            wanted: std::io::stderr().is_terminal() && files > 1,
            shown: std::cell::Cell::new(false),
        }
    }

    fn tick(&self) {
        self.bar.inc(1);
        if self.wanted && !self.shown.get() && self.started.elapsed() > Duration::from_secs(1) {
            self.shown.set(true);
            let style = indicatif::ProgressStyle::with_template(
                "{prefix} [{bar:30}] {pos}/{len} files, {eta} left",
            )
            .map(|s| s.progress_chars("=> "));
            if let Ok(style) = style {
                self.bar.set_style(style);
            }
            self.bar.set_prefix("checking");
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
