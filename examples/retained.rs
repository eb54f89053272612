//! What one document keeps between analyses, for the store's budgets
//! (`src/lsp/store.rs`): a generated article of WORDS words (default
//! 100,000) is analysed, then edited three times; the heap in use (glibc's
//! `mallinfo2`) is read with its memos and latest analysis, then with its
//! memos alone.
//!
//! ```sh
//! cargo run --release --example retained 10000
//! ```

#[path = "../benches/support/article.rs"]
mod support;

use copydesk::analysis::Analyzer;
use copydesk::config::Settings;
use copydesk::document::Language;

/// Bytes of heap in use, in MB.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn heap_mb() -> f64 {
    // SAFETY: mallinfo2 only reads malloc's counters.
    let info = unsafe { libc::mallinfo2() };
    info.uordblks as f64 / 1e6
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn heap_mb() -> f64 {
    0.0
}

fn main() {
    let words = std::env::args()
        .nth(1)
        .and_then(|w| w.parse().ok())
        .unwrap_or(100_000);
    let settings = Settings::default();
    let mut text = support::article(words);
    // The word lists and the model, built on a first analysis, are shared.
    drop(Analyzer::default().analyze(&text, Language::Markdown, &settings));
    let before = heap_mb();
    let mut analyzer = Analyzer::default();
    let mut analysis = analyzer.analyze(&text, Language::Markdown, &settings);
    for typed in 0..3 {
        let middle = text.len() / 2;
        let at = middle + text[middle..].find("Tuesday").unwrap_or(0) + typed;
        text.insert(at, 'x');
        // The server drops the analysis of the old text first: so does this.
        drop(analysis);
        analysis = analyzer.analyze(&text, Language::Markdown, &settings);
    }
    let both = heap_mb() - before;
    drop(analysis);
    let memos = heap_mb() - before;
    let kb = text.len() as f64 / 1e3;
    println!(
        "{words} words ({kb:.0} kB): memos and analysis {both:.2} MB, memos {memos:.2} MB ({:.0} times the text), analysis {:.2} MB ({:.0} times)",
        memos * 1e3 / kb,
        both - memos,
        (both - memos) * 1e3 / kb
    );
    drop(analyzer);
}
