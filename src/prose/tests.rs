use super::*;

fn parse_md(text: &str) -> Prose {
    parse(text, Language::Markdown, &mut BlockCache::default())
}

fn parse_txt(text: &str) -> Prose {
    parse(text, Language::PlainText, &mut BlockCache::default())
}

fn block_texts(prose: &Prose) -> Vec<(BlockKind, &str)> {
    prose
        .blocks
        .iter()
        .map(|b| (b.kind, prose.slice(b.span)))
        .collect()
}

#[test]
fn markdown_keeps_prose_and_blanks_the_rest() {
    let source = "---\ntitle: Talks\n---\n# Wang Yi in Moscow\n\nHe met [Sergei Lavrov](https://example.com/lavrov) and ran `code` <b>bold</b>.\n\n```\nsaid nobody\n```\n";
    let prose = parse_md(source);
    assert_eq!(prose.text.len(), source.len());
    assert!(!prose.text.contains("title"));
    assert!(!prose.text.contains("example.com"));
    assert!(!prose.text.contains("code"));
    assert!(!prose.text.contains("<b>"));
    assert!(!prose.text.contains("nobody"));
    let blocks: Vec<(BlockKind, String)> = block_texts(&prose)
        .into_iter()
        .map(|(kind, text)| (kind, text.split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect();
    assert_eq!(
        blocks,
        vec![
            (BlockKind::Heading, "Wang Yi in Moscow".to_string()),
            (
                BlockKind::Paragraph,
                "He met Sergei Lavrov and ran bold .".to_string()
            ),
        ]
    );
}

#[test]
fn markdown_lists_tables_and_entities() {
    let source = "- First item says so.\n- Second &amp; last.\n\n| Name | Role |\n|---|---|\n| Wang Yi | minister |\n";
    let prose = parse_md(source);
    assert_eq!(
        block_texts(&prose),
        vec![
            (BlockKind::ListItem, "First item says so."),
            (BlockKind::ListItem, "Second &     last."),
            (BlockKind::TableCell, "Name"),
            (BlockKind::TableCell, "Role"),
            (BlockKind::TableCell, "Wang Yi"),
            (BlockKind::TableCell, "minister"),
        ]
    );
}

#[test]
fn plain_text_lines_are_paragraphs_unless_wrapped() {
    let source = "Talks end in Moscow\nWang Yi met Lavrov. They agreed.\nThe next line is\nwrapped here.\n\nAnd a new block.";
    let prose = parse_txt(source);
    assert_eq!(
        block_texts(&prose),
        vec![
            (BlockKind::Heading, "Talks end in Moscow"),
            (BlockKind::Paragraph, "Wang Yi met Lavrov. They agreed."),
            (BlockKind::Paragraph, "The next line is\nwrapped here."),
            (BlockKind::Paragraph, "And a new block."),
        ]
    );
    assert_eq!(prose.sentences.len(), 5);
}

#[test]
fn suppression_comment_lines_are_not_prose_in_plain_text() {
    let source = "First line here.\n<!-- copydesk-disable-next-line -->\nCritics say so.\n";
    let prose = parse_txt(source);
    assert_eq!(prose.text.len(), source.len());
    assert!(!prose.text.contains("copydesk"));
    assert_eq!(prose.blocks.len(), 2);
}

#[test]
fn a_quotation_running_over_paragraphs_is_marked_as_continuing() {
    let source = "Officials said.\n\n“We will talk.\n\n“We will not stop,” he said.\n\nThe end.";
    let prose = parse_md(source);
    let q: Vec<(bool, bool)> = prose
        .quotations
        .iter()
        .map(|q| (q.closed, q.continues))
        .collect();
    assert_eq!(q, vec![(false, false), (true, true)]);
    let we = source.find("We will talk").unwrap();
    assert!(prose.in_quotation(we));
    assert!(!prose.in_quotation(source.find("The end").unwrap()));
    let token = prose.token_at(we).unwrap();
    assert!(prose.tokens[token].in_quote);
}

#[test]
fn sentences_know_their_tokens_and_first_word() {
    let prose = parse_txt("Wang Yi met Lavrov. “Talks went well,” he said.");
    let first = prose.sentence_tokens(1);
    assert_eq!(prose.slice(first[0].span), "“");
    assert!(first[1].sentence_start);
    assert_eq!(prose.slice(first[1].span), "Talks");
    assert_eq!(prose.sentence_at(3), Some(0));
    assert_eq!(prose.block_at(3), Some(0));
}

#[test]
fn the_cache_reuses_unchanged_blocks() {
    let mut cache = BlockCache::default();
    let a = parse(
        "One block.\n\nTwo block.\n\nThree.",
        Language::Markdown,
        &mut cache,
    );
    assert_eq!(cache.len(), 3);
    let b = parse(
        "One block.\n\nTwo blocks!\n\nThree.",
        Language::Markdown,
        &mut cache,
    );
    assert_eq!(cache.len(), 3);
    assert_eq!(a.sentences.len(), b.sentences.len());
    assert_eq!(b.sentences[2].span, Span::new(25, 31));
}

#[test]
fn any_unicode_keeps_offsets_on_char_boundaries() {
    let source = "# 标题 😀\n\nZelenskyy said “é́ 🇺🇦” to Xi’s aide. Ok.\r\n\r\nNext — para.";
    for language in [Language::Markdown, Language::PlainText] {
        let prose = parse(source, language, &mut BlockCache::default());
        assert_eq!(prose.text.len(), source.len());
        for t in &prose.tokens {
            assert!(source.is_char_boundary(t.span.start) && source.is_char_boundary(t.span.end));
        }
        for s in &prose.sentences {
            assert!(source.is_char_boundary(s.span.start) && source.is_char_boundary(s.span.end));
        }
    }
}

#[test]
fn headings_are_known_by_the_shape_of_the_document() {
    let kinds = |prose: &Prose| prose.blocks.iter().map(|b| b.kind).collect::<Vec<_>>();
    use BlockKind::{Heading as H, Paragraph as P};
    // A first line with no final period, heading a longer lede.
    let story = "Port strike ends after talks\n\nDockers went back to work on Monday after a week of talks.\n";
    assert_eq!(kinds(&parse_txt(story)), vec![H, P]);
    assert_eq!(kinds(&parse_md(story)), vec![H, P]);
    // A sentence alone is copy, period or not; so is a first line that ends a sentence.
    for text in [
        "Critics say the plan will fail.\n",
        "Critics say the plan will fail\n",
        "Critics say the plan will fail.\n\nThe council votes on Monday, a week after the budget.\n",
    ] {
        assert!(kinds(&parse_txt(text)).iter().all(|k| *k == P), "{text}");
        assert!(kinds(&parse_md(text)).iter().all(|k| *k == P), "{text}");
    }
    // A crosshead heads the longer paragraph after it; a short last line, or
    // a line before a shorter one, is copy.
    let text = "The port opened in May after ten years of planning.\n\nWhat comes next\n\nThe council meets on Monday to decide the harbour fee.\n\nCritics say the fee is too high\n\nIt is.\n";
    assert_eq!(kinds(&parse_txt(text)), vec![P, H, P, P, P]);
    assert_eq!(kinds(&parse_md(text)), vec![P, H, P, P, P]);
    // A paragraph that ends in a reference mark, or a long line without its
    // stop, is copy, even before a longer paragraph.
    let long = "The vote was close and the count went on into the night at the town hall on the hill as the rain fell and the crowd waited for news of the result\n\n";
    for first in ["The vote was close. [7]\n\n", long] {
        let text = format!("{first}The council met on Monday after a week of talks, and the mayor said the budget would pass in the spring after a long debate about the harbour fee and the new school, which the council had promised for years to the families of the town.\n");
        assert_eq!(kinds(&parse_txt(&text)), vec![P, P], "{first}");
    }
    // Markdown headings stay headings whatever follows.
    assert_eq!(
        kinds(&parse_md("# Critics say the plan will fail\n")),
        vec![H]
    );
}
