//! Every stage of the analysis grows linearly with its input, shown by
//! counting its steps ([`copydesk::work`]), not by timing it: each input is
//! analysed at two sizes, and four times the text may cost at most five times
//! the steps (a quadratic walk costs sixteen).
//!
//! The inputs are the ones that once took quadratic time (issue 11), and an
//! ordinary generated article.

#[path = "../benches/support/article.rs"]
mod article;

use copydesk::analysis::analyze;
use copydesk::config::Settings;
use copydesk::document::Language;
use copydesk::work;

fn steps(text: &str, language: Language) -> u64 {
    let settings = Settings::default();
    let (analysis, steps) = work::count(|| analyze(text, language, &settings));
    assert_eq!(analysis.broken_promise(text), None);
    steps
}

/// Asserts that `make(4 * n)` takes at most five times the steps of `make(n)`.
fn assert_linear(name: &str, n: usize, language: Language, make: impl Fn(usize) -> String) {
    let small = steps(&make(n), language);
    let large = steps(&make(4 * n), language);
    assert!(
        small > 0,
        "{name}: no steps counted (a build without debug assertions?)"
    );
    let ratio = large as f64 / small as f64;
    assert!(
        ratio <= 5.0,
        "{name}: {small} steps at {n}, {large} at {}: ×{ratio:.1}",
        4 * n
    );
}

/// Capitalised words that are in no list, so they read as names.
fn unlisted_word(i: usize) -> String {
    const SYLLABLES: [&str; 8] = ["ka", "lo", "ven", "ris", "ta", "mor", "sel", "dun"];
    let mut word = String::from("Q");
    let mut k = i;
    for _ in 0..4 {
        word.push_str(SYLLABLES[k % SYLLABLES.len()]);
        k /= SYLLABLES.len();
    }
    word
}

#[test]
fn a_long_title_before_a_name() {
    assert_linear("Foreign Minister × n", 400, Language::Markdown, |n| {
        "Foreign Minister ".repeat(n) + "Wang Yi said.\n"
    });
}

/// One person named again and again: `name-variant` counts the spellings
/// of a surname once per reference, not once per pair of references.
#[test]
fn one_person_named_many_times() {
    assert_linear("Keller said × n", 300, Language::Markdown, |n| {
        "Port Minister Anna Keller arrived.\n\n".to_string()
            + &"Keller said the quay was safe.\n\n".repeat(n)
    });
}

#[test]
fn a_sentence_of_capitalised_words() {
    assert_linear("capitalised sentence", 400, Language::Markdown, |n| {
        let words: Vec<String> = (0..n).map(unlisted_word).collect();
        words.join(" ") + " said.\n"
    });
    assert_linear("capitalised titles", 400, Language::PlainText, |n| {
        "The Foreign Minister Chief Minister ".repeat(n) + "\n"
    });
}

#[test]
fn titles_and_names_in_a_row() {
    assert_linear("Minister Name × n", 200, Language::Markdown, |n| {
        (0..n)
            .map(|i| format!("Hamas leader Anna {} ", unlisted_word(i)))
            .collect::<String>()
            + "said.\n"
    });
}

#[test]
fn many_suppression_comments_and_findings() {
    assert_linear("comment per finding", 200, Language::Markdown, |n| {
        "<!-- copydesk-disable-next-line vague-attribution -->\nCritics say the port is too small.\n\n"
            .repeat(n)
    });
    assert_linear("stacked comments", 200, Language::PlainText, |n| {
        "<!-- copydesk-disable-next-line vague-attribution -->\n".repeat(n)
            + "Critics say the port is too small.\n"
    });
    assert_linear("regions", 200, Language::Markdown, |n| {
        "<!-- copydesk-disable vague-attribution -->\n\nCritics say one.\n\n<!-- copydesk-enable vague-attribution -->\n\nExperts believe two.\n\n"
            .repeat(n)
    });
}

#[test]
fn statements_quotations_and_pronouns() {
    assert_linear("quotes and he said", 200, Language::Markdown, |n| {
        "Reuters reported the vote. \"We won,\" he said. \"We lost,\" it said. ".repeat(n) + "\n"
    });
}

#[test]
fn quotations_in_one_long_paragraph() {
    assert_linear(
        "orphan quotes in one block",
        200,
        Language::PlainText,
        |n| "The vote was close. \"We won,\" he said. It was a \"big\" day. ".repeat(n) + "\n",
    );
    assert_linear("quotes in one run of text", 400, Language::Markdown, |n| {
        "x\"y\"".repeat(n) + "\n"
    });
}

#[test]
fn unclosed_quotation_marks() {
    assert_linear("open single, close double", 400, Language::Markdown, |n| {
        "‘a ".repeat(n) + &"b” ".repeat(n) + "\n"
    });
}

#[test]
fn linking_people_offices_and_governments() {
    assert_linear(
        "his deputy, and no one else",
        150,
        Language::Markdown,
        |n| "Reuters reported the vote. His deputy Anna Berg said it passed.\n\n".repeat(n),
    );
    assert_linear(
        "governments led by a person",
        150,
        Language::Markdown,
        |n| "Anna Berg spoke. The Berg government fell.\n\n".repeat(n),
    );
    assert_linear("many holders of one office", 100, Language::Markdown, |n| {
        (0..n)
            .map(|i| {
                format!(
                    "Foreign Minister Anna {} spoke. The foreign minister left.\n\n",
                    unlisted_word(i)
                )
            })
            .collect()
    });
}

#[test]
fn long_runs_of_adverbs_and_shared_family_names() {
    assert_linear("adverbs before a verb", 300, Language::Markdown, |n| {
        "The port reportedly ".to_string() + &"reportedly allegedly ".repeat(n) + "closed.\n"
    });
    assert_linear(
        "people who share a family name",
        150,
        Language::Markdown,
        |n| {
            (0..n)
                .map(|i| format!("{} Berg said the port would close.\n\n", unlisted_word(i)))
                .collect()
        },
    );
    assert_linear(
        "single names among many surnames",
        150,
        Language::Markdown,
        |n| {
            (0..n)
                .map(|i| {
                    let (a, b) = (unlisted_word(2 * i), unlisted_word(2 * i + 1));
                    format!("Anna {a}vic arrived. Mr. {b}tor said so.\n\n")
                })
                .collect()
        },
    );
    assert_linear("titles standing alone", 150, Language::Markdown, |n| {
        "Foreign Minister Anna Berg arrived. The Foreign Minister left.\n\n".repeat(n)
    });
}

#[test]
fn a_newsroom_list_of_sources() {
    let cost = |n: usize| {
        let names: Vec<String> = (0..n).map(|i| format!("\"Wire Service {i}\"")).collect();
        let toml = format!("[words]\nsources = [{}]\n", names.join(", "));
        let text = "Critics say the port is too small. Wire Service 7 said so.\n";
        let (analysis, steps) = work::count(|| {
            let layer = copydesk::config::file::parse(&toml, std::path::Path::new("."))
                .expect("the config parses");
            let settings = Settings::layered([&layer]);
            analyze(text, Language::Markdown, &settings)
        });
        assert_eq!(analysis.findings.len(), 1, "{:?}", analysis.findings);
        steps
    };
    let (small, large) = (cost(2_000), cost(8_000));
    assert!(
        large <= 5 * small,
        "{small} steps for 2,000 sources, {large} for 8,000"
    );
}

#[test]
fn an_ordinary_article() {
    assert_linear(
        "generated article",
        2_000,
        Language::Markdown,
        article::article,
    );
}

#[test]
fn the_cli_column_count_on_one_long_line() {
    // `copydesk check` resolves the line and column of every finding on a
    // line of thousands of findings; once that walked the line per finding.
    let cost = |n: usize| {
        let text = format!(
            "# Plan\n\n{}\n",
            "Critics say the plan will fail, and the harbour board met. ".repeat(n)
        );
        let analysis = analyze(&text, Language::Markdown, &Settings::default());
        assert!(analysis.findings.len() >= n, "{}", analysis.findings.len());
        let (json, steps) = work::count(|| {
            copydesk::cli::json::findings(std::path::Path::new("a.md"), &text, &analysis.findings)
        });
        assert_eq!(json.len(), analysis.findings.len());
        steps
    };
    let (small, large) = (cost(500), cost(2_000));
    assert!(
        small > 0,
        "no steps counted (a build without debug assertions?)"
    );
    assert!(
        large <= 5 * small,
        "{small} steps for 500 findings on a line, {large} for 2,000"
    );
}

#[test]
fn a_people_file_of_many_entries() {
    let cost = |n: usize| {
        let mut toml: String = (0..n)
            .map(|i| format!("[[person]]\nname = \"Person Number{i}\"\n\n"))
            .collect();
        toml += "[[person]]\nname = \"Kadri Lepp\"\ntitle = \"Foreign Minister\"\n";
        let text = "Defence Minister Kadri Lepp met the press, the ministry said.\n";
        let (analysis, steps) = work::count(|| {
            let people =
                copydesk::actors::people::parse(std::path::Path::new("people.toml"), &toml)
                    .expect("the people file parses");
            let settings = Settings {
                people_list: Some(std::sync::Arc::new(people)),
                ..Settings::default()
            };
            analyze(text, Language::Markdown, &settings)
        });
        assert!(
            analysis.findings.iter().any(|f| f.code == "title-mismatch"),
            "{:?}",
            analysis.findings
        );
        steps
    };
    let (small, large) = (cost(2_500), cost(10_000));
    assert!(
        large <= 5 * small,
        "{small} steps for 2,500 people, {large} for 10,000"
    );
}
