use super::*;
use crate::config::Settings;
use crate::document::Language;

fn parse(text: &str) -> Prose {
    crate::prose::parse(text, Language::Markdown, &mut Default::default())
}

fn sourced(text: &str) -> Vec<bool> {
    let prose = parse(text);
    let actors = Actors::default();
    let scan = Scan::new(&prose, &actors, &Settings::default());
    (0..prose.sentences.len())
        .map(|s| scan.sourced(s))
        .collect()
}

#[test]
fn active_reporting_verbs_in_every_tense_mark_a_source() {
    assert_eq!(
        sourced("The talks ended. The Kremlin said so. Beijing says so. Reuters reported it. The minister has long argued it. With Beijing saying it, talks ended."),
        vec![false, true, true, true, true, true]
    );
}

#[test]
fn passives_without_an_agent_and_nouns_do_not() {
    assert_eq!(
        sourced("It was reported on Monday. The reported deal fell through. It was reported by Reuters. His claims were false. Macron reportedly told aides. It failed to speak out. He was accused of saying so."),
        vec![false, false, true, true, false, false, false]
    );
}

#[test]
fn phrases_spokespeople_statements_and_agencies_mark_a_source() {
    assert_eq!(
        sourced("Talks will resume, according to the ministry. A spokeswoman for the port declined. A statement from the ministry followed. The Xinhua report ran on Monday."),
        vec![true, true, true, true]
    );
}

#[test]
fn a_wire_dateline_is_a_byline_not_a_source() {
    assert_eq!(
        sourced("LONDON (AP) — The mayor is expected to resign.\n\nWASHINGTON, June 24 (Reuters) - Talks resume.\n\nThe deal holds, AP reported. The (AP) report ran. The Xinhua report ran."),
        vec![false, false, true, true, true]
    );
}

#[test]
fn an_imperative_has_no_one_behind_it() {
    assert_eq!(
        sourced(
            "Expect delays. But don't expect a deal. Voters expect a deal. “Go,” say organisers."
        ),
        vec![false, false, true, true]
    );
}

#[test]
fn quoted_words_are_not_the_reporter_s_sources() {
    assert_eq!(sourced("“They said it would rain.”"), vec![false]);
}

#[test]
fn settings_add_organisations_that_act_as_sources() {
    let prose = parse("Talks resume on Monday, per Baltic Wire.");
    let actors = Actors::default();
    assert!(!Scan::new(&prose, &actors, &Settings::default()).sourced(0));
    let mut settings = Settings::default();
    settings.words.sources.push("Baltic Wire".into());
    assert!(Scan::new(&prose, &actors, &settings).sourced(0));
}

#[test]
fn pronoun_speakers_and_what_they_can_refer_back_to() {
    let settings = Settings::default();
    let prose = parse("# Kremlin talks\n\n“No,” he said. Wang Yi called it a win.");
    let actors = crate::actors::recognise(&prose, &settings, &mut Default::default());
    let scan = Scan::new(&prose, &actors, &settings);
    let speakers = |s: usize| scan.speakers(prose.sentences[s].span).collect::<Vec<_>>();
    let Speaker::Pronoun(he) = speakers(1)[0] else {
        panic!("a pronoun speaker");
    };
    assert_eq!(scan.word(he), "he");
    assert!(!scan.antecedent_possible(he));
    assert_eq!(speakers(2), vec![Speaker::Stated]);
    // A person named in the headline, the Kremlin for "it", a person described before.
    for (text, pronoun) in [
        ("# Wang Yi in Moscow\n\n“No,” he said.", "he"),
        ("# Kremlin talks\n\n“No,” it said.", "it"),
        (
            "# Port strike ends\n\nA port official spoke. “No,” he said.",
            "he",
        ),
    ] {
        let prose = parse(text);
        let actors = crate::actors::recognise(&prose, &settings, &mut Default::default());
        let scan = Scan::new(&prose, &actors, &settings);
        let t = prose
            .tokens
            .iter()
            .rposition(|k| prose.slice(k.word) == pronoun)
            .unwrap_or(0);
        assert!(scan.antecedent_possible(t), "{text}");
    }
}
