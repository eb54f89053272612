//! Re-analysis after a one-character edit, for a profiler: a generated
//! article of WORDS words (default 100,000) is analysed once, then a
//! character is inserted in its middle paragraph and the text analysed again
//! in `edited_analysis`, which callgrind can count alone:
//!
//! ```sh
//! cargo build --release --example reanalysis
//! valgrind --tool=callgrind --collect-atstart=no \
//!   --toggle-collect='reanalysis::edited_analysis' target/release/examples/reanalysis 100000
//! ```

#[path = "../benches/support/article.rs"]
mod support;

use copydesk::analysis::{Analysis, Analyzer};
use copydesk::config::Settings;
use copydesk::document::Language;

#[inline(never)]
fn edited_analysis(analyzer: &mut Analyzer, text: &str, settings: &Settings) -> Analysis {
    analyzer.analyze(text, Language::Markdown, settings)
}

fn main() {
    let words = std::env::args()
        .nth(1)
        .and_then(|w| w.parse().ok())
        .unwrap_or(100_000);
    let text = support::article(words);
    let settings = Settings::default();
    let mut analyzer = Analyzer::default();
    let first = analyzer.analyze(&text, Language::Markdown, &settings);
    let first_findings = first.findings.len();
    // The server drops the analysis of the old text when the text changes,
    // before the next analysis runs: so does this.
    drop(first);
    // One character typed into a word of the middle paragraph.
    let middle = text.len() / 2;
    let at = middle + text[middle..].find("Tuesday").unwrap_or(0);
    let edited = format!("{}x{}", &text[..at], &text[at..]);
    let second = edited_analysis(&mut analyzer, &edited, &settings);
    println!(
        "{} words: {} findings, then {} after the edit",
        words,
        first_findings,
        second.findings.len()
    );
}
