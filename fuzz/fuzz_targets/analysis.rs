//! The whole analysis on arbitrary text: it must end, stay within the time
//! and memory limits, never panic, and keep its promises about spans.
//!
//! Each input is read as Markdown with the default settings (AP style) and
//! as plain text in UK style with a newsroom's extra words, so both parsers
//! and both house styles see every input. A rule that panics fails the run.
#![no_main]

use copydesk::actors::describe;
use copydesk::analysis::{analyze, Analysis};
use copydesk::config::{Settings, Style};
use copydesk::document::Language;
use libfuzzer_sys::fuzz_target;

fn uk_settings() -> Settings {
    let mut settings = Settings::default();
    settings.style = Style::Uk;
    settings.words.sources.push("Harbour Wire".to_string());
    settings.words.titles.push("Chief Pilot".to_string());
    settings
}

fn hold_to_promises(analysis: &Analysis, text: &str) {
    if let Some(problem) = analysis.broken_promise(text) {
        panic!("{problem}");
    }
    // A rule that panics is caught and skipped in production; here it is a find.
    assert!(analysis.failures.is_empty(), "{:?}", analysis.failures);
    // Hover text, as the server would show it for every mention.
    for mention in 0..analysis.actors.mentions.len() {
        let _ = describe(&analysis.actors, mention, &analysis.prose.text);
    }
}

fuzz_target!(
    // The word lists and their compiled patterns are built on first use,
    // about a second under the sanitizer: do it once, before the clock of
    // -timeout runs, so that a slow machine does not make a timeout.
    init: {
        let warm = "Foreign Minister Kadri Lepp said so. Critics say so.";
        let _ = analyze(warm, Language::Markdown, &Settings::default());
        let _ = analyze(warm, Language::PlainText, &uk_settings());
    },
    |data: &[u8]| {
        let text = String::from_utf8_lossy(data);
        let default = analyze(&text, Language::Markdown, &Settings::default());
        hold_to_promises(&default, &text);
        let uk = analyze(&text, Language::PlainText, &uk_settings());
        hold_to_promises(&uk, &text);
    }
);
