use super::*;
use crate::analysis::analyze;

fn codes_at(text: &str, language: Language, settings: &Settings) -> Vec<(&'static str, String)> {
    analyze(text, language, settings)
        .findings
        .iter()
        .map(|f| (f.code, f.span.of(text).to_string()))
        .collect()
}

fn found(text: &str) -> Vec<(&'static str, String)> {
    codes_at(text, Language::Markdown, &Settings::default())
}

fn found_plain(text: &str) -> Vec<(&'static str, String)> {
    codes_at(text, Language::PlainText, &Settings::default())
}

fn vague(words: &str) -> (&'static str, String) {
    ("vague-attribution", words.to_string())
}

#[test]
fn next_line_suppresses_the_next_line_with_text_only() {
    let text = "Port deal\n\n<!-- copydesk-disable-next-line vague-attribution -->\n\nCritics say it fails.\n\nExperts believe it holds.\n";
    assert_eq!(found(text), vec![vague("Experts believe")]);
    let all = text.replace(" vague-attribution -->", " -->");
    assert_eq!(found(&all), vec![vague("Experts believe")]);
    let other = text.replace("vague-attribution -->", "unknown-rule -->");
    assert_eq!(
        found(&other),
        vec![vague("Critics say"), vague("Experts believe")]
    );
}

#[test]
fn stacked_comments_reach_past_each_other_and_reasons_are_not_codes() {
    let text = "Port deal\n\n<!-- copydesk-disable-next-line vague-attribution -- the desk checked -->\n<!-- copydesk-disable-next-line unknown-rule -->\nCritics say it fails.\n";
    assert_eq!(found(text), vec![]);
}

#[test]
fn an_inline_comment_covers_the_line_after_it() {
    let text = "Port deal\n\nThe council met. <!-- copydesk-disable-next-line -->\nCritics say it fails.\nExperts believe it holds.\n";
    assert_eq!(found(text), vec![vague("Experts believe")]);
}

#[test]
fn regions_open_and_close_per_code() {
    let text = "Port deal\n\nCritics say one.\n\n<!-- copydesk-disable vague-attribution -->\n\nCritics say two.\n\n<!-- copydesk-enable vague-attribution -->\n\nCritics say three.\n";
    let found = found(text);
    let starts: Vec<usize> = analyze(text, Language::Markdown, &Settings::default())
        .findings
        .iter()
        .map(|f| f.span.start)
        .collect();
    assert_eq!(found.len(), 2);
    assert_eq!(starts[0], text.find("Critics say one").unwrap());
    assert_eq!(starts[1], text.find("Critics say three").unwrap());
}

#[test]
fn disabling_everything_then_enabling_one_code_brings_that_code_back() {
    let text = "Port deal\n\n<!-- copydesk-disable -->\nCritics say one.\n<!-- copydesk-enable vague-attribution -->\nCritics say two.\n";
    let findings = analyze(text, Language::Markdown, &Settings::default()).findings;
    assert_eq!(findings.len(), 1);
    assert_eq!(
        findings[0].span.start,
        text.find("Critics say two").unwrap()
    );
    let unclosed =
        "Port deal\n\n<!-- copydesk-disable -->\nCritics say one.\n\nExperts believe two.\n";
    assert_eq!(found(unclosed), vec![]);
}

#[test]
fn disable_file_works_from_anywhere() {
    let text =
        "Port deal\n\nCritics say it fails.\n\n<!-- copydesk-disable-file vague-attribution -->\n";
    assert_eq!(found(text), vec![]);
    let other = text.replace("vague-attribution -->", "unknown-rule, -->");
    assert_eq!(found(&other), vec![vague("Critics say")]);
}

#[test]
fn comments_in_markdown_code_are_not_directives() {
    let text = "Port deal\n\n```\n<!-- copydesk-disable-file -->\n```\n\nThe comment `<!-- copydesk-disable-next-line -->` is shown.\nCritics say it fails.\n\n    <!-- copydesk-disable-file nonsense -->\n";
    assert_eq!(found(text), vec![vague("Critics say")]);
}

#[test]
fn plain_text_takes_comments_on_lines_of_their_own_only() {
    let text = "Port deal\n\n  <!-- copydesk-disable-next-line vague-attribution -->\r\nCritics say it fails.\r\n\r\nThe mayor spoke. <!-- copydesk-disable-next-line -->\r\nExperts believe it holds.\r\n";
    assert_eq!(found_plain(text), vec![vague("Experts believe")]);
}

#[test]
fn unknown_codes_are_hints_with_a_correction_and_can_be_turned_off() {
    let text = "Port deal\n\n<!-- copydesk-disable-next-line vague-atribution, 😀 -->\nCritics say it fails.\n";
    let analysis = analyze(text, Language::Markdown, &Settings::default());
    let unknown: Vec<&Finding> = analysis
        .findings
        .iter()
        .filter(|f| f.code == "unknown-rule")
        .collect();
    assert_eq!(unknown.len(), 2);
    assert_eq!(unknown[0].span.of(text), "vague-atribution");
    assert_eq!(unknown[0].severity, Severity::Hint);
    assert_eq!(
        unknown[0].fixes[0].edits[0],
        Edit {
            span: unknown[0].span,
            replacement: "vague-attribution".into()
        }
    );
    assert_eq!(unknown[1].span.of(text), "😀");
    assert!(unknown[1].fixes.is_empty());
    assert!(analysis
        .findings
        .iter()
        .any(|f| f.code == "vague-attribution"));

    let mut off = Settings::default();
    off.rules.insert("unknown-rule".into(), Level::Off);
    assert_eq!(
        codes_at(text, Language::Markdown, &off),
        vec![vague("Critics say")]
    );
}

#[test]
fn texts_without_directives_are_left_alone() {
    let text = "Port deal\n\n<!-- an editor's note -->\nCritics say copydesk-disable-file fails.\n";
    assert_eq!(found(text), vec![vague("Critics say")]);
}

/// Applies a fix's edits (given in byte offsets of the original text).
fn applied(text: &str, fix: &Fix) -> String {
    let mut out = text.to_string();
    let mut edits = fix.edits.clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    for edit in edits {
        out.replace_range(edit.span.start..edit.span.end, &edit.replacement);
    }
    out
}

/// Marks the first finding of `text` as checked; returns the new text.
fn marked(text: &str, language: Language) -> String {
    let analysis = analyze(text, language, &Settings::default());
    let finding = analysis.findings.first().expect("a finding to mark");
    let fix = mark_as_checked(text, language, &analysis.prose, finding.span, finding.code);
    let out = applied(text, &fix);
    let after = analyze(&out, language, &Settings::default());
    assert!(
        after
            .findings
            .iter()
            .all(|f| f.span.of(&out) != finding.span.of(text)),
        "still flagged in {out:?}"
    );
    assert_eq!(after.findings.len(), analysis.findings.len() - 1, "{out:?}");
    out
}

#[test]
fn marking_a_paragraph_puts_a_comment_line_above_it() {
    assert_eq!(
        marked("Port deal\r\n\r\nCritics say it fails.\r\n\r\nExperts believe it.\r\n", Language::Markdown),
        "Port deal\r\n\r\n<!-- copydesk-disable-next-line vague-attribution -->\r\nCritics say it fails.\r\n\r\nExperts believe it.\r\n"
    );
}

#[test]
fn marking_a_wrapped_line_appends_to_the_line_before_and_keeps_hard_breaks() {
    assert_eq!(
        marked("Port deal\n\nThe council met\nand critics say it fails.\n", Language::Markdown),
        "Port deal\n\nThe council met <!-- copydesk-disable-next-line vague-attribution -->\nand critics say it fails.\n"
    );
    assert_eq!(
        marked("Port deal\n\nThe council met\\\ncritics say it fails.\n", Language::Markdown),
        "Port deal\n\nThe council met <!-- copydesk-disable-next-line vague-attribution -->\\\ncritics say it fails.\n"
    );
    assert_eq!(
        marked("Port deal\n\nThe council met  \ncritics say it fails.\n", Language::Markdown),
        "Port deal\n\nThe council met <!-- copydesk-disable-next-line vague-attribution -->  \ncritics say it fails.\n"
    );
}

#[test]
fn marking_list_items_and_quotes_stays_inside_them() {
    assert_eq!(
        marked("Port deal\n\n- The council met.\n- Critics say it fails.\n", Language::Markdown),
        "Port deal\n\n- The council met.\n  <!-- copydesk-disable-next-line vague-attribution -->\n- Critics say it fails.\n"
    );
    assert_eq!(
        marked("Port deal\n\n> The council met.\n>\n> Critics say it fails.\n", Language::Markdown),
        "Port deal\n\n> The council met.\n>\n> <!-- copydesk-disable-next-line vague-attribution -->\n> Critics say it fails.\n"
    );
    assert_eq!(
        marked("Port deal\n\n100. Critics say it fails.\n", Language::Markdown),
        "Port deal\n\n   <!-- copydesk-disable-next-line vague-attribution -->\n100. Critics say it fails.\n"
    );
}

#[test]
fn marking_a_table_cell_wraps_the_words_in_a_region() {
    assert_eq!(
        marked("Port deal\n\n| Who | What |\n| --- | --- |\n| Mayor | Critics say it fails. |\n", Language::Markdown),
        "Port deal\n\n| Who | What |\n| --- | --- |\n| Mayor | <!-- copydesk-disable vague-attribution -->Critics say<!-- copydesk-enable vague-attribution --> it fails. |\n"
    );
}

#[test]
fn marking_plain_text_puts_a_comment_line_above_with_the_same_indent() {
    assert_eq!(
        marked("Port deal\n\n   Critics say it fails.\n", Language::PlainText),
        "Port deal\n\n   <!-- copydesk-disable-next-line vague-attribution -->\n   Critics say it fails.\n"
    );
}
