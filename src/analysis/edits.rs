//! Memoised analysis against a fresh one, under the edits a reporter makes
//! to a story whose people are linked across paragraphs: typing in the
//! first, a middle or the last paragraph, paragraphs put in or taken out,
//! and a person renamed (a surname respelt once, or everywhere).

use proptest::prelude::*;

use super::{analyze, Analysis, Analyzer};
use crate::config::Settings;
use crate::document::Language;

/// A story of my own: people introduced in full, then referred to by
/// surname, title, description and relation in later paragraphs, one name
/// used before its introduction, and a body.
const STORY: [&str; 9] = [
    "# Harbour talks end without a deal",
    "Port Minister Anna Keller met her Danish counterpart Jonas Brandt in Rostock on Monday, the Harbour Authority said.",
    "Keller said the ferries would run again by spring. Brandt called the talks useful, and Mr. Brandt's deputy Ola Vik agreed.",
    "\"We will not close the quay,\" Keller said. Critics say the port minister is expected to resign.",
    "Union leader Petra Holm said her members would strike. Holm added that Vik had not called her.",
    "The Danish minister left early. Brandt is due back next week, according to Baltic Wire.",
    "Superintendent Marek, who leads the river police, said patrols would double. Tomas Marek joined the force in 2009.",
    "Keller and Holm will meet again on Friday.",
    "Kellar declined to comment.",
];

/// Paragraphs an edit may put in: a new person, a second person sharing a
/// surname, a respelling, a title that clashes, a quotation with no speaker,
/// and a surname with its accents changed, in a caption and under a subhead
/// (which `name-variant` does not judge); and a subhead, a tagline and a
/// label, which change where sections start and what the rules judge.
const PARAGRAPHS: [&str; 11] = [
    "Deputy Port Minister Lena Keller said nothing.",
    "Brandt said so.",
    "Transport Minister Anna Keller arrived late.",
    "\"It is over,\" a source said.",
    "Kellar, Brandtt and Holm met.",
    "The Harbour Authority said Vik was right.",
    "Kellér and Hölm spoke; Brändt did not.",
    "Photo: Holm at the quay (Reuters)\n\n## Holmé",
    "Keller: No deal yet.",
    "Holm reported from Rostock.",
    "FULL TEXT",
];

/// What a keystroke or a paste puts in, and a letter with an accent, which
/// may make a respelling.
const TYPED: [&str; 11] = [
    "x",
    " ",
    "e",
    ".",
    "Keller",
    " Brandt said",
    "Minister ",
    ", the port minister,",
    "\n\n",
    "the ",
    "é",
];

/// Surnames and what they may become.
/// Some make a variant of a name the story spells one way ("Brant",
/// "Holmé"), some put right the variant it has ("Kellar").
const RENAMES: [(&str, &str); 8] = [
    ("Keller", "Kellner"),
    ("Brandt", "Brant"),
    ("Holm", "Holmé"),
    ("Marek", "Maurer"),
    ("Vik", "Wik"),
    ("Kellar", "Keller"),
    ("Keller", "Kellar"),
    ("Brandt", "Brändt"),
];

#[derive(Clone, Debug)]
enum Edit {
    /// Text typed into a paragraph (0 the first, 1 a middle one, 2 the
    /// last) at a fraction of its length, over `remove` bytes.
    Type {
        paragraph: u8,
        at: f64,
        remove: usize,
        typed: usize,
    },
    InsertParagraph {
        at: f64,
        paragraph: usize,
    },
    DeleteParagraph {
        at: f64,
    },
    /// A surname respelt at its first use, its last, or everywhere.
    Rename {
        name: usize,
        which: u8,
    },
    /// The last sentence of a paragraph moved to the end of another, and
    /// with it its references to people.
    MoveSentence {
        from: f64,
        to: f64,
    },
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (0u8..3, 0.0..1.0f64, 0usize..4, 0..TYPED.len()).prop_map(
            |(paragraph, at, remove, typed)| Edit::Type { paragraph, at, remove, typed }
        ),
        1 => (0.0..1.0f64, 0..PARAGRAPHS.len())
            .prop_map(|(at, paragraph)| Edit::InsertParagraph { at, paragraph }),
        1 => (0.0..1.0f64).prop_map(|at| Edit::DeleteParagraph { at }),
        2 => (0..RENAMES.len(), 0u8..3).prop_map(|(name, which)| Edit::Rename { name, which }),
        1 => (0.0..1.0f64, 0.0..1.0f64).prop_map(|(from, to)| Edit::MoveSentence { from, to }),
    ]
}

fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(paragraphs: &mut Vec<String>, edit: &Edit) {
    let pick = |at: f64, len: usize| ((at * len as f64) as usize).min(len.saturating_sub(1));
    match *edit {
        Edit::Type {
            paragraph,
            at,
            remove,
            typed,
        } => {
            let Some(last) = paragraphs.len().checked_sub(1) else {
                paragraphs.push(TYPED[typed].to_string());
                return;
            };
            let k = match paragraph {
                0 => 0,
                1 => last / 2,
                _ => last,
            };
            let text = &paragraphs[k];
            let start = floor(text, (at * text.len() as f64) as usize);
            let end = floor(text, start + remove);
            paragraphs[k] = format!("{}{}{}", &text[..start], TYPED[typed], &text[end..]);
        }
        Edit::InsertParagraph { at, paragraph } => {
            let k = pick(at, paragraphs.len() + 1);
            paragraphs.insert(k, PARAGRAPHS[paragraph].to_string());
        }
        Edit::DeleteParagraph { at } => {
            if !paragraphs.is_empty() {
                paragraphs.remove(pick(at, paragraphs.len()));
            }
        }
        Edit::Rename { name, which } => {
            let (from, to) = RENAMES[name];
            let uses: Vec<usize> = (0..paragraphs.len())
                .filter(|&k| paragraphs[k].contains(from))
                .collect();
            let chosen: Vec<usize> = match which {
                0 => uses.first().copied().into_iter().collect(),
                1 => uses.last().copied().into_iter().collect(),
                _ => uses,
            };
            for k in chosen {
                paragraphs[k] = if which == 2 {
                    paragraphs[k].replace(from, to)
                } else {
                    paragraphs[k].replacen(from, to, 1)
                };
            }
        }
        Edit::MoveSentence { from, to } => {
            if paragraphs.is_empty() {
                return;
            }
            let (from, to) = (pick(from, paragraphs.len()), pick(to, paragraphs.len()));
            let text = paragraphs[from].trim_end_matches('.');
            let cut = text.rfind(". ").map_or(0, |i| i + 2);
            let sentence = paragraphs[from][cut..].to_string();
            paragraphs[from].truncate(cut);
            let kept = paragraphs[from].trim_end().len();
            paragraphs[from].truncate(kept);
            paragraphs[to] = format!("{} {sentence}", paragraphs[to]).trim().to_string();
        }
    }
}

fn outcome(analysis: &Analysis) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}",
        analysis.findings,
        analysis.actors.actors,
        analysis.actors.mentions,
        analysis.actors.statements
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever paragraph an edit touches, and whether it renames a person
    /// linked across paragraphs, the memoised analysis equals a fresh one.
    #[test]
    fn memoised_analysis_equals_a_fresh_one_under_paragraph_edits(
        edits in proptest::collection::vec(edit_strategy(), 1..8),
    ) {
        let settings = Settings::default();
        let mut paragraphs: Vec<String> = STORY.iter().map(|p| p.to_string()).collect();
        let mut analyzer = Analyzer::default();
        analyzer.analyze(&paragraphs.join("\n\n"), Language::Markdown, &settings);
        for edit in &edits {
            apply(&mut paragraphs, edit);
            let text = paragraphs.join("\n\n");
            let memoised = analyzer.analyze(&text, Language::Markdown, &settings);
            let fresh = analyze(&text, Language::Markdown, &settings);
            prop_assert_eq!(outcome(&memoised), outcome(&fresh), "after {:?}", edit);
        }
    }
}

/// Renaming the person a later paragraph's surname links to changes the
/// links there: the kept linking is not used for the renamed story.
#[test]
fn a_rename_in_the_first_paragraph_changes_the_links_of_the_last() {
    let settings = Settings::default();
    let story = STORY.join("\n\n");
    let renamed = story.replacen("Anna Keller", "Anna Kellner", 1);
    let mut analyzer = Analyzer::default();
    let before = analyzer.analyze(&story, Language::Markdown, &settings);
    let after = analyzer.analyze(&renamed, Language::Markdown, &settings);
    let fresh = analyze(&renamed, Language::Markdown, &settings);
    assert_ne!(outcome(&before), outcome(&fresh));
    assert_eq!(outcome(&after), outcome(&fresh));
}
