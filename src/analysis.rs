//! One pass over a document: prose model, actor model, then every rule.
//!
//! An [`Analyzer`] belongs to one document and keeps the per-block memos that
//! let re-analysis after an edit skip the block-local work of unchanged blocks.

use std::time::{Duration, Instant};

use crate::actors::{self, Actors, Target};
use crate::checks::{self, Context, Finding, RelatedLocation, RuleFailure, RuleTime};
use crate::config::Settings;
use crate::document::Language;
use crate::prose::{self, BlockCache, Prose};
use crate::span::Span;

#[derive(Debug)]
pub struct Analysis {
    pub prose: Prose,
    pub actors: Actors,
    pub findings: Vec<Finding>,
    /// Rules that panicked on this document.
    pub failures: Vec<RuleFailure>,
    pub timings: Timings,
}

/// How long each stage of one analysis took (`copydesk check --timings`).
#[derive(Clone, Debug, Default)]
pub struct Timings {
    pub prose: Duration,
    pub actors: Duration,
    /// Each enabled rule, in registry order.
    pub rules: Vec<RuleTime>,
    pub suppression: Duration,
}

#[derive(Debug, Default)]
pub struct Analyzer {
    blocks: BlockCache,
    actors: actors::Memo,
    checks: checks::Memo,
}

impl Analyzer {
    pub fn analyze(&mut self, text: &str, language: Language, settings: &Settings) -> Analysis {
        let Some(analysis) = self.analyze_unless(text, language, settings, &|| false) else {
            unreachable!("an analysis nothing supersedes runs to its end")
        };
        analysis
    }

    /// An analysis, or `None` as soon as `superseded` says the text has
    /// changed: asked between stages and between rules, so a burst of edits
    /// does not wait for analyses of texts nobody will see. The memos stay
    /// good for the next analysis: they are kept by content.
    pub fn analyze_unless(
        &mut self,
        text: &str,
        language: Language,
        settings: &Settings,
        superseded: &dyn Fn() -> bool,
    ) -> Option<Analysis> {
        let started = Instant::now();
        let prose = prose::parse(text, language, &mut self.blocks);
        if superseded() {
            return None;
        }
        let parsed = Instant::now();
        let actors = actors::recognise(&prose, settings, &mut self.actors);
        if superseded() {
            return None;
        }
        let recognised = Instant::now();
        let ctx = Context::new(text, &prose, &actors, settings)
            .with_memo(&self.checks)
            .with_superseded(superseded);
        let (mut findings, failures, rules) = checks::run_timed(&ctx);
        if superseded() {
            return None;
        }
        let checked = Instant::now();
        checks::suppression::apply(text, &prose, settings, &mut findings);
        let timings = Timings {
            prose: parsed - started,
            actors: recognised - parsed,
            rules,
            suppression: checked.elapsed(),
        };
        Some(Analysis {
            prose,
            actors,
            findings,
            failures,
            timings,
        })
    }
}

impl Analysis {
    /// The first broken promise the analysis makes about `text`, the text it
    /// was made from: every span lies inside it on character boundaries,
    /// mentions are sorted and apart, and every index names an actor. Fuzzing
    /// and the property tests hold every analysis to this.
    pub fn broken_promise(&self, text: &str) -> Option<String> {
        let fits = |span: Span| {
            span.start <= span.end
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end)
        };
        let actors = self.actors.actors.len();
        for f in &self.findings {
            let spans = std::iter::once(f.span)
                .chain(f.related.iter().filter_map(|r| match r.location {
                    RelatedLocation::Here(span) => Some(span),
                    RelatedLocation::File { .. } => None,
                }))
                .chain(f.fixes.iter().flat_map(|x| x.edits.iter().map(|e| e.span)));
            if let Some(bad) = spans.into_iter().find(|&s| !fits(s)) {
                return Some(format!("{} finding has span {bad:?}", f.code));
            }
        }
        let mut end = 0;
        for m in self.actors.mentions.iter() {
            if !fits(m.span) || !fits(m.name) || m.span.start < end {
                return Some(format!("mention {:?} (name {:?})", m.span, m.name));
            }
            end = m.span.end;
            let targets = match &m.target {
                Target::Actor(a) | Target::NamedFor(a) => std::slice::from_ref(a),
                Target::Ambiguous(list) => list.as_slice(),
            };
            if targets.iter().any(|&a| a >= actors) {
                return Some(format!("mention {:?} names no actor", m.span));
            }
        }
        for s in &self.actors.statements {
            if !fits(s.verb) || !fits(s.content) || s.actor >= actors {
                return Some(format!("statement {:?}: {:?}", s.verb, s.content));
            }
        }
        None
    }
}

/// Builds what every analysis builds once per process, whatever the text:
/// the word lists, the name model and the dateline pattern every document
/// asks (about 15 M instructions), so that the server can pay it before the
/// first document comes rather than inside its analysis. An analysis that
/// starts meanwhile waits on the same lazily built values, never builds
/// them twice. They are built in the reverse of the order an analysis asks
/// for them, so that such an analysis builds the first ones itself while
/// this builds the later ones. Patterns that only some texts need (a
/// bracket, a tagline, embedded HTML) are still compiled on first use:
/// building them all would cost more than the first document saves.
pub fn warm_up() {
    checks::references::warm_up();
    checks::attribution::warm_up();
    actors::warm_up();
    prose::warm_up();
    WARM.store(true, std::sync::atomic::Ordering::Release);
}

static WARM: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether [`warm_up`] has run to its end in this process.
pub fn warmed_up() -> bool {
    WARM.load(std::sync::atomic::Ordering::Acquire)
}

/// Analyses a text once, with no cache to keep.
pub fn analyze(text: &str, language: Language, settings: &Settings) -> Analysis {
    Analyzer::default().analyze(text, language, settings)
}

#[cfg(test)]
mod edits;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ARTICLES: [&str; 5] = [
        include_str!("../examples/harbour-patrol.md"),
        include_str!("../tests/fixtures/actors/summit.md"),
        include_str!("../tests/fixtures/actors/movements.md"),
        include_str!("../tests/fixtures/references/names.md"),
        include_str!("../tests/fixtures/attribution/claims.md"),
    ];

    /// Words an edit may put in: names that link or clash with others,
    /// titles, reporting verbs, sentence ends, a capitalised opener that
    /// is a name or a common word as the rest of the document decides, and
    /// word-list phrases that an edit may join, split or end inside a word,
    /// and a source only a newsroom's list names; and, for the rules that
    /// read the whole document, an introduction, a respelling (a slip, an
    /// accent) of a surname the articles use, a title, and a quotation
    /// whose speaker an earlier paragraph names; and a paragraph and a list
    /// that write a sentence opener again, mid-sentence or in lowercase;
    /// and paragraphs with a possessor, a title and an appositive, which
    /// an edit may write twice (a block whose reading is carried twice);
    /// and role words that name a man and a woman for one organisation.
    const INSERTS: [&str; 30] = [
        "\n\nDownstream Ines Marek said so.\n\n",
        " downstream ",
        "Lavrov",
        "Foreign Minister Wang Yi",
        " said.",
        "\n\n",
        "\"We will see,\" ",
        "critics say ",
        "Zelenskyy",
        "The",
        "Secretary of State",
        " according to Reuters",
        "pro-Islamic State ",
        "\n\nThe port is expected to close next week, per Baltic Wire.\n\n",
        "Defense Minister Sergei Shoigu",
        "Shoigo",
        "Shoígu",
        "Lavrof",
        " Zelenskyy said. ",
        "\n\n\"We disagree,\" Shoigu said.\n\n",
        "\n\nAnna Keller met Kellar and Keller.\n\n",
        "\n\nKellar said so.\n\n",
        " the town of\n\nOrvalho and Kestle Rivers ",
        " kellar shoigo ",
        "\n\nThe lavrof and the keller.\n\n",
        "\n\nDownstream, the Downstream Board said: \"Downstream\".\n\n",
        "\n\n- Lavrov\n- downstream\n\n",
        "\n\nKeller's deputy, Mayor Ines Marek, said Anna Keller's plan would stand.\n\n",
        "\n\nThe foreign minister, Wang Yi, met Shoigu's aide.\n\n",
        "\n\nA spokesman for the Harbour Board declined. The Harbour Board spokeswoman agreed.\n\n",
    ];

    fn edit(text: &str, at: usize, remove: usize, insert: &str) -> String {
        let floor = |mut i: usize| {
            i = i.min(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let start = floor(at);
        let end = floor(start + remove);
        format!("{}{insert}{}", &text[..start], &text[end..])
    }

    fn outcome(analysis: &Analysis) -> String {
        format!(
            "{:?}\n{:?}\n{:?}",
            analysis.findings, analysis.actors.actors, analysis.actors.mentions
        )
    }

    /// A capitalised opener is read as a name's word or as a common word by
    /// what the rest of the document writes: an edit elsewhere changes it.
    #[test]
    fn a_kept_block_is_read_again_when_the_vocabulary_it_asked_about_changes() {
        let settings = Settings::default();
        let before = "Downstream Ines Marek said the port would reopen.\n\nThe ferry ran late.\n";
        let after =
            "Downstream Ines Marek said the port would reopen.\n\nThe ferry ran late downstream.\n";
        let mut analyzer = Analyzer::default();
        let first = analyzer.analyze(before, Language::Markdown, &settings);
        let memoised = analyzer.analyze(after, Language::Markdown, &settings);
        let fresh = analyze(after, Language::Markdown, &settings);
        assert_ne!(outcome(&first), outcome(&fresh));
        assert_eq!(outcome(&memoised), outcome(&fresh));
    }

    /// A paragraph written twice is read once and its reading carried to
    /// both places, each with its own offsets and indices (a possessor
    /// points to a name of its own paragraph), also after an edit elsewhere.
    #[test]
    fn a_paragraph_written_twice_carries_one_reading_to_both() {
        let settings = Settings::default();
        let twice = "Keller's deputy, Mayor Ines Marek, said the port would reopen.\n\n";
        let before = format!("Anna Keller opened the quay.\n\n{twice}{twice}The ferry ran.\n");
        let after = before.replace("The ferry ran.", "The ferry ran late.");
        let mut analyzer = Analyzer::default();
        for text in [&before, &after, &before] {
            let memoised = analyzer.analyze(text, Language::Markdown, &settings);
            let fresh = analyze(text, Language::Markdown, &settings);
            assert_eq!(memoised.broken_promise(text), None);
            assert_eq!(outcome(&memoised), outcome(&fresh));
            let marek = memoised
                .actors
                .mentions
                .iter()
                .filter(|m| &text[m.name.start..m.name.end] == "Ines Marek")
                .count();
            assert_eq!(marek, 2);
        }
    }

    /// The role words each paragraph writes are kept by paragraph: the
    /// clash of a spokesman and a spokeswoman of one organisation follows
    /// edits to either paragraph and outlives an edit to a third.
    #[test]
    fn a_role_clash_follows_edits_to_its_paragraphs() {
        let settings = Settings::default();
        let man = "A spokesman for the Saltmarch Ferry said the boats would run all week.\n\n";
        let woman = "The Saltmarch Ferry spokeswoman declined to say for how long.\n\n";
        let clash = format!("# Ferries run on\n\nThe ferry ran late.\n\n{man}{woman}");
        let elsewhere = clash.replace("ran late", "ran very late");
        let agreed = elsewhere.replace("spokeswoman", "spokesman");
        let mut analyzer = Analyzer::default();
        let flagged: Vec<bool> = [&clash, &elsewhere, &agreed, &clash]
            .iter()
            .map(|text| {
                let memoised = analyzer.analyze(text, Language::Markdown, &settings);
                let fresh = analyze(text, Language::Markdown, &settings);
                assert_eq!(outcome(&memoised), outcome(&fresh));
                memoised.findings.iter().any(|f| f.code == "title-mismatch")
            })
            .collect();
        assert_eq!(flagged, [true, true, false, true]);
    }

    /// Analyses each version in turn on one analyzer, checks the memoised
    /// outcome against a fresh one, and says whether `name-variant` fired.
    fn name_variant_through(versions: &[&str]) -> Vec<bool> {
        let settings = Settings::default();
        let mut analyzer = Analyzer::default();
        versions
            .iter()
            .map(|text| {
                let memoised = analyzer.analyze(text, Language::Markdown, &settings);
                let fresh = analyze(text, Language::Markdown, &settings);
                assert_eq!(outcome(&memoised), outcome(&fresh));
                memoised.findings.iter().any(|f| f.code == "name-variant")
            })
            .collect()
    }

    /// A respelling is judged against the surnames of the whole document:
    /// the word memo keeps how "Kellar" differs from "Keller", but whether
    /// it is flagged follows the introduction an earlier paragraph makes.
    #[test]
    fn a_later_respelling_follows_an_edit_to_an_earlier_introduction() {
        let later = "\n\nKeller said the ferries would run again. Keller added that the quay was safe.\n\nThe ferry ran late, Kellar said.\n";
        let keller = format!("Anna Keller, the harbour master, said the port would reopen.{later}");
        let berg = format!("Anna Berg, the harbour master, said the port would reopen.{later}");
        assert_eq!(
            name_variant_through(&[&keller, &berg, &keller]),
            [true, false, true]
        );
    }

    /// A slip is rarer than the spelling it slips from: the capitalised
    /// words are counted by block, a paragraph written twice counts twice,
    /// and a paragraph that goes takes its uses with it.
    #[test]
    fn a_respelling_follows_how_often_other_paragraphs_write_it() {
        let story = "Tobias Wendt drew the first plans for the harbour in 1990. Wendt later moved inland.\n\n";
        let slip = "The tide tables of Wedt were lost in a flood.\n\n";
        let once = format!("{story}{slip}");
        let twice = format!("{story}{slip}{slip}");
        assert_eq!(
            name_variant_through(&[&once, &twice, &once, &twice]),
            [true, false, true, false]
        );
    }

    /// Whether a word is a name follows the words other paragraphs write in
    /// lowercase: the memo counts them by block, and a block that goes takes
    /// its words with it.
    #[test]
    fn a_respelling_follows_a_lowercase_word_in_another_paragraph() {
        let story = "Anna Keller, the harbour master, said the port would reopen.\n\nEinstein said so. Einstein said so. Einstein said so. Einsteín said.\n";
        let with_word = format!("{story}\nThe einsteín was dry.\n");
        assert_eq!(
            name_variant_through(&[story, &with_word, story]),
            [true, false, true]
        );
    }

    /// An analysis given up half-way (the text changed) leaves memos that
    /// the next analysis uses as if it had never started.
    #[test]
    fn an_analysis_given_up_half_way_leaves_good_memos() {
        let settings = Settings::default();
        let text = ARTICLES[1];
        let edited = edit(text, text.len() / 2, 40, INSERTS[3]);
        for stop_at in 1..6 {
            let asked = std::cell::Cell::new(0);
            let superseded = || {
                asked.set(asked.get() + 1);
                asked.get() >= stop_at
            };
            let mut analyzer = Analyzer::default();
            analyzer.analyze(text, Language::Markdown, &settings);
            let given_up =
                analyzer.analyze_unless(&edited, Language::Markdown, &settings, &superseded);
            assert!(given_up.is_none(), "stopped at question {stop_at}");
            let memoised = analyzer.analyze(text, Language::Markdown, &settings);
            let fresh = analyze(text, Language::Markdown, &settings);
            assert_eq!(outcome(&memoised), outcome(&fresh));
            let memoised = analyzer.analyze(&edited, Language::Markdown, &settings);
            let fresh = analyze(&edited, Language::Markdown, &settings);
            assert_eq!(outcome(&memoised), outcome(&fresh));
        }
    }

    /// Pieces that arbitrary text is made of here: words the grammar and the
    /// rules react to, Markdown and comment syntax, quotation marks, and
    /// characters of every width.
    const PIECES: [&str; 32] = [
        "Minister ",
        "Foreign ",
        "Jr ",
        "Sr. ",
        "Anna ",
        "Berg ",
        "Lepp",
        "Wang Yi ",
        "Mr. ",
        "said ",
        "says ",
        "critics say ",
        "is expected to ",
        "according to ",
        "the ",
        "of ",
        "his ",
        "he said. ",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'s ",
        ", ",
        ". ",
        "\n\n",
        "\r\n",
        "# ",
        "<!-- copydesk-disable-next-line -->\n",
        "- ",
        "🚢東é\u{301} ",
    ];

    fn arbitrary_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => proptest::sample::select(&PIECES[..]).prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
            1 => "[A-Z][a-z]{0,6} ",
        ];
        proptest::collection::vec(piece, 0..120).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// On any text, in either language and either house style, the
        /// analysis ends and keeps its promises about spans and indices.
        #[test]
        fn any_text_is_analysed_within_its_promises(
            text in arbitrary_text(),
            plain in any::<bool>(),
            uk in any::<bool>(),
        ) {
            let language = if plain { Language::PlainText } else { Language::Markdown };
            let mut settings = Settings::default();
            if uk {
                settings.style = crate::config::Style::Uk;
            }
            let analysis = analyze(&text, language, &settings);
            prop_assert_eq!(analysis.broken_promise(&text), None);
            prop_assert!(analysis.failures.is_empty(), "{:?}", analysis.failures);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Whatever the memos keep from earlier versions, an analysis equals
        /// one made from scratch, also when a newsroom's list of sources
        /// comes or goes between versions.
        #[test]
        fn memoised_analysis_equals_a_fresh_one(
            article in 0..ARTICLES.len(),
            edits in proptest::collection::vec(
                (0.0..1.0f64, 0usize..200, 0..INSERTS.len(), any::<bool>()),
                1..6,
            ),
        ) {
            let plain = Settings::default();
            let mut newsroom = Settings::default();
            newsroom.words.sources = vec!["Baltic Wire".into()];
            let mut analyzer = Analyzer::default();
            let mut text = ARTICLES[article].to_string();
            analyzer.analyze(&text, Language::Markdown, &plain);
            for (at, remove, insert, sources) in edits {
                let settings = if sources { &newsroom } else { &plain };
                let at = (at * text.len() as f64) as usize;
                text = edit(&text, at, remove, INSERTS[insert]);
                let memoised = analyzer.analyze(&text, Language::Markdown, settings);
                let fresh = analyze(&text, Language::Markdown, settings);
                prop_assert_eq!(outcome(&memoised), outcome(&fresh));
                prop_assert_eq!(&memoised.actors.places, &fresh.actors.places);
            }
        }
    }
}
