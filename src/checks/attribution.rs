//! Attribution rules: sources too vague to check.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::{Context, Finding, Rule, RuleInfo, Severity};
use crate::prose::BlockKind;
use crate::span::Span;
use crate::wordlist;

const VAGUE_SOURCES: &str = include_str!("../../data/vague-sources.txt");

static VAGUE_ATTRIBUTION: RuleInfo = RuleInfo {
    code: "vague-attribution",
    default_severity: Severity::Warning,
    summary: "A source too vague to check: \"critics say\", \"it is believed\".",
    doc: include_str!("../../docs/rules/vague-attribution.md"),
};

/// Words before a group that point back to people already named ("the critics").
const BACK_REFERENCES: [&str; 5] = ["the", "these", "those", "both", "such"];

struct VagueMatcher {
    matcher: AhoCorasick,
}

static VAGUE: LazyLock<VagueMatcher> = LazyLock::new(|| {
    let groups = wordlist::section(VAGUE_SOURCES, "groups");
    let verbs = wordlist::section(VAGUE_SOURCES, "verbs");
    let mut patterns: Vec<String> = wordlist::section(VAGUE_SOURCES, "phrases")
        .into_iter()
        .map(str::to_string)
        .collect();
    for group in &groups {
        for verb in &verbs {
            patterns.push(format!("{group} {verb}"));
        }
    }
    let matcher = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .expect("the built-in vague-source list compiles");
    VagueMatcher { matcher }
});

pub struct VagueAttribution;

impl Rule for VagueAttribution {
    fn info(&self) -> &'static RuleInfo {
        &VAGUE_ATTRIBUTION
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let prose = ctx.prose;
        for block in prose.blocks.iter().filter(|b| b.kind != BlockKind::Heading) {
            let text = prose.slice(block.span);
            for m in VAGUE.matcher.find_iter(text) {
                let span = Span::new(block.span.start + m.start(), block.span.start + m.end());
                if !whole_words(&prose.text, span)
                    || prose.in_quotation(span.start)
                    || points_back(&prose.text, span.start)
                {
                    continue;
                }
                let phrase = prose.slice(span);
                out.push(Finding::new(
                    &VAGUE_ATTRIBUTION,
                    span,
                    format!(
                        "Who says so? \"{phrase}\" is a source no reader can check: name it, or describe it and say why it cannot be named."
                    ),
                ));
            }
        }
    }
}

fn whole_words(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn points_back(text: &str, start: usize) -> bool {
    let previous = text[..start]
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    BACK_REFERENCES.contains(&previous.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::Actors;
    use crate::config::Settings;
    use crate::document::Language;

    fn flagged(text: &str) -> Vec<&str> {
        let prose = crate::prose::parse(text, Language::PlainText, &mut Default::default());
        let settings = Settings::default();
        let actors = Actors::default();
        let ctx = Context {
            text,
            prose: &prose,
            actors: &actors,
            settings: &settings,
        };
        let mut out = Vec::new();
        VagueAttribution.check(&ctx, &mut out);
        out.iter().map(|f| f.span.of(text)).collect()
    }

    #[test]
    fn flags_unnamed_groups_and_impersonal_phrases() {
        assert_eq!(
            flagged("The plan is popular. Critics say it will fail, and it is believed that talks will resume."),
            vec!["Critics say", "it is believed"]
        );
    }

    #[test]
    fn stays_quiet_on_named_sources_quotes_and_back_references() {
        assert!(flagged("Economist Ana Ruiz said the plan will fail.").is_empty());
        assert!(flagged("He told us: \"Critics say what they like.\"").is_empty());
        assert!(flagged("Two senators objected. The critics say the bill is rushed.").is_empty());
        assert!(flagged("Somebody said no. Some saying goes.").is_empty());
    }
}
