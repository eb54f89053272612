//! The examples in `docs/rules/*.md` run as tests, so a doc cannot promise
//! what its rule does not do.
//!
//! A fenced block whose info string is `text flagged` or `text quiet`,
//! optionally followed by `style=uk` or `style=ap`, is an example of the rule
//! the doc is named after. It is analysed as a Markdown document with the
//! default settings (and that house style): a `flagged` block must yield at
//! least one finding of the doc's rule, a `quiet` block none. A quiet block
//! must hold prose that is checked (not only headings), or it proves nothing.
//! Any other info string that starts with `text` followed by more words is a
//! typo and fails the test.

mod common;

use std::path::{Path, PathBuf};

use copydesk::analysis::analyze;
use copydesk::checks::rules;
use copydesk::config::{Settings, Style};
use copydesk::document::Language;
use copydesk::prose::BlockKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Flagged,
    Quiet,
}

#[derive(Debug)]
struct Example {
    /// 1-based line of the opening fence.
    line: usize,
    expect: Expect,
    style: Style,
    text: String,
}

/// Reads the info string of a fence: `Ok(None)` for a block that is not an
/// example, `Err` for one that looks like an example but is malformed.
fn parse_info(info: &str) -> Result<Option<(Expect, Style)>, String> {
    let mut words = info.split_whitespace();
    if words.next() != Some("text") {
        return Ok(None);
    }
    let expect = match words.next() {
        None => return Ok(None),
        Some("flagged") => Expect::Flagged,
        Some("quiet") => Expect::Quiet,
        Some(other) => return Err(format!("`{other}` is neither `flagged` nor `quiet`")),
    };
    let style = match words.next() {
        None => Style::Ap,
        Some("style=ap") => Style::Ap,
        Some("style=uk") => Style::Uk,
        Some(other) => return Err(format!("`{other}` is not `style=uk` or `style=ap`")),
    };
    if let Some(extra) = words.next() {
        return Err(format!("unexpected `{extra}` after the style"));
    }
    Ok(Some((expect, style)))
}

/// The examples of one doc, in order.
fn examples(doc: &str) -> Result<Vec<Example>, String> {
    let mut found = Vec::new();
    let mut lines = doc.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        let trimmed = line.trim_start();
        let fence_len = trimmed.chars().take_while(|&c| c == '`').count();
        if fence_len < 3 {
            continue;
        }
        let fence = &trimmed[..fence_len];
        let info = parse_info(&trimmed[fence_len..]).map_err(|e| format!("line {}: {e}", i + 1))?;
        let mut body = Vec::new();
        let mut closed = false;
        for (_, inner) in lines.by_ref() {
            if inner.trim() == fence {
                closed = true;
                break;
            }
            body.push(inner);
        }
        if !closed {
            return Err(format!("line {}: the fence is never closed", i + 1));
        }
        if let Some((expect, style)) = info {
            found.push(Example {
                line: i + 1,
                expect,
                style,
                text: body.join("\n") + "\n",
            });
        }
    }
    Ok(found)
}

fn rule_docs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules");
    let mut docs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("docs/rules is readable")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    docs
}

/// What is wrong with one example, if anything.
fn check(code: &str, example: &Example) -> Option<String> {
    let settings = Settings {
        style: example.style,
        ..Settings::default()
    };
    let analysis = analyze(&example.text, Language::Markdown, &settings);
    let own: Vec<String> = analysis
        .findings
        .iter()
        .filter(|f| f.code == code)
        .map(|f| format!("{:?}: {}", f.span.of(&example.text), f.message))
        .collect();
    match example.expect {
        Expect::Flagged if own.is_empty() => Some("expected a finding, got none".to_string()),
        Expect::Quiet if !own.is_empty() => Some(format!("expected none, got {own:?}")),
        Expect::Quiet => {
            let checked = analysis
                .prose
                .sentences
                .iter()
                .any(|s| analysis.prose.blocks[s.block].kind != BlockKind::Heading);
            (!checked).then(|| "only headings, which no rule checks".to_string())
        }
        Expect::Flagged => None,
    }
}

#[test]
fn every_example_in_the_rule_docs_does_what_it_says() {
    let mut failures = Vec::new();
    let mut count = 0;
    for path in rule_docs() {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        let code = name.trim_end_matches(".md");
        let doc = std::fs::read_to_string(&path).expect("a rule doc is readable");
        if rules().all(|info| info.code != code) {
            failures.push(format!("{name}: no rule has the code `{code}`"));
            continue;
        }
        match examples(&doc) {
            Err(e) => failures.push(format!("{name}: {e}")),
            Ok(found) => {
                for example in &found {
                    count += 1;
                    if let Some(problem) = check(code, example) {
                        failures.push(format!(
                            "{name}:{} ({:?}): {problem}\n{}",
                            example.line, example.expect, example.text
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(count > 0, "no examples found in docs/rules");
}

/// The attribution family documents both sides of every rule.
#[test]
fn every_attribution_doc_shows_flagged_and_quiet_copy() {
    for code in ["unattributed-claim", "vague-attribution", "orphan-quote"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("docs/rules/{code}.md"));
        let doc = std::fs::read_to_string(path).expect("the doc is readable");
        let found = examples(&doc).expect("the doc's examples parse");
        for expect in [Expect::Flagged, Expect::Quiet] {
            assert!(
                found.iter().any(|e| e.expect == expect),
                "{code}.md has no {expect:?} example"
            );
        }
    }
}

/// The reference rules document both sides of every rule in both house
/// styles: what AP copy and what UK copy (titles after the name, courtesy
/// titles) get flagged for, and what stays quiet.
#[test]
fn every_reference_doc_shows_flagged_and_quiet_copy_in_ap_and_uk_style() {
    for code in common::references::CODES {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("docs/rules/{code}.md"));
        let doc = std::fs::read_to_string(path).expect("the doc is readable");
        let found = examples(&doc).expect("the doc's examples parse");
        for expect in [Expect::Flagged, Expect::Quiet] {
            for style in [Style::Ap, Style::Uk] {
                assert!(
                    found.iter().any(|e| e.expect == expect && e.style == style),
                    "{code}.md has no {expect:?} example in {style:?} style"
                );
            }
        }
    }
}

#[test]
fn info_strings_are_read_exactly() {
    assert_eq!(parse_info(" text"), Ok(None));
    assert_eq!(parse_info("rust"), Ok(None));
    assert_eq!(
        parse_info("text flagged"),
        Ok(Some((Expect::Flagged, Style::Ap)))
    );
    assert_eq!(
        parse_info("text quiet style=uk"),
        Ok(Some((Expect::Quiet, Style::Uk)))
    );
    assert!(parse_info("text flaged").is_err());
    assert!(parse_info("text quiet style=nyt").is_err());
    assert!(parse_info("text quiet style=uk again").is_err());
    let doc = "# t\n\n```text flagged\nA.\nB.\n```\n\n```rust\nfn x() {}\n```\n\n````text quiet style=uk\nC.\n````\n";
    let found = examples(doc).expect("parses");
    assert_eq!(found.len(), 2);
    assert_eq!((found[0].line, found[0].text.as_str()), (3, "A.\nB.\n"));
    assert_eq!(
        (found[1].expect, found[1].style),
        (Expect::Quiet, Style::Uk)
    );
    assert!(examples("```text quiet\nnever closed\n").is_err());
}
