//! The attribution family on a fresh analysis, for a profiler: a generated
//! article of WORDS words (default 10,000; as in `benches/stages.rs`) is parsed and its actors
//! recognised, then the three attribution rules run twice, with no memo: the second run
//! (the first reads the word lists and compiles patterns, once per process) in
//! `fresh_family`, which callgrind can count alone:
//!
//! ```sh
//! cargo build --release --example attribution_fresh
//! valgrind --tool=callgrind --collect-atstart=no \
//!   --toggle-collect='attribution_fresh::fresh_family' target/release/examples/attribution_fresh
//! ```

#[path = "../benches/support/article.rs"]
mod support;

use copydesk::checks::attribution::{OrphanQuote, UnattributedClaim, VagueAttribution};
use copydesk::checks::{Context, Finding, Rule};
use copydesk::config::Settings;
use copydesk::document::Language;
use copydesk::prose::Prose;

/// The family once, counted.
#[inline(never)]
fn fresh_family(text: &str, prose: &Prose, actors: &copydesk::actors::Actors) -> Vec<Finding> {
    family(text, prose, actors)
}

#[inline(never)]
fn family(text: &str, prose: &Prose, actors: &copydesk::actors::Actors) -> Vec<Finding> {
    let settings = Settings::default();
    let ctx = Context::new(text, prose, actors, &settings);
    let mut out = Vec::new();
    for rule in [
        &UnattributedClaim as &dyn Rule,
        &VagueAttribution,
        &OrphanQuote,
    ] {
        rule.check(&ctx, &mut out);
    }
    out
}

fn main() {
    let words = std::env::args()
        .nth(1)
        .and_then(|w| w.parse().ok())
        .unwrap_or(10_000);
    // As in `benches/stages.rs`: a suppression comment before every tenth paragraph.
    let mut text = String::new();
    for (i, paragraph) in support::article(words).split_inclusive("\n\n").enumerate() {
        if i % 10 == 5 {
            text.push_str("<!-- copydesk-disable-next-line vague-attribution -- checked -->\n");
        }
        text.push_str(paragraph);
    }
    let settings = Settings::default();
    let prose = copydesk::prose::parse(&text, Language::Markdown, &mut Default::default());
    let actors = copydesk::actors::recognise(&prose, &settings, &mut Default::default());
    // A first run, not counted, reads the word lists and compiles the
    // patterns the rules keep for the life of the process.
    drop(family(&text, &prose, &actors));
    let findings = fresh_family(&text, &prose, &actors);
    println!("{words} words: {} attribution findings", findings.len());
}
