//! A first analysis of a document, as the server runs it on `didOpen`: the
//! word lists and the model are built first (`analysis::warm_up`, which the
//! server starts at `initialize`), then a generated article of WORDS words
//! (default 10,000) is analysed by a fresh `Analyzer` in `fresh_analysis`,
//! which callgrind can count alone:
//!
//! ```sh
//! cargo build --release --example fresh
//! valgrind --tool=callgrind --collect-atstart=no \
//!   --toggle-collect='fresh::fresh_analysis' target/release/examples/fresh 10000
//! ```
//!
//! With a second argument N, it then runs N more fresh analyses and prints
//! the median CPU time of one (the thread's clock).

#[path = "../benches/support/article.rs"]
mod support;

use copydesk::analysis::{self, Analysis, Analyzer};
use copydesk::config::Settings;
use copydesk::document::Language;

/// The analyzer is handed back, not dropped: the server keeps it for the
/// document's next analysis, so freeing its memos is no part of an open.
#[inline(never)]
fn fresh_analysis(text: &str, settings: &Settings) -> (Analyzer, Analysis) {
    let mut analyzer = Analyzer::default();
    let analysis = analyzer.analyze(text, Language::Markdown, settings);
    (analyzer, analysis)
}

fn main() {
    let words = std::env::args()
        .nth(1)
        .and_then(|w| w.parse().ok())
        .unwrap_or(10_000);
    let text = support::article(words);
    let settings = Settings::default();
    analysis::warm_up();
    let (_analyzer, analysis) = fresh_analysis(&text, &settings);
    println!("{words} words: {} findings", analysis.findings.len());
    let runs: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    if runs > 0 {
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let before = thread_cpu_ns();
                drop(fresh_analysis(&text, &settings));
                (thread_cpu_ns() - before) as f64 / 1e6
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!("median of {runs}: {:.2} ms CPU", times[runs / 2]);
    }
}

/// Nanoseconds of CPU time this thread has used.
fn thread_cpu_ns() -> u64 {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec through a valid pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    now.tv_sec as u64 * 1_000_000_000 + now.tv_nsec as u64
}
