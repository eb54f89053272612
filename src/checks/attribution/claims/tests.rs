use super::*;
use crate::actors::Actors;
use crate::config::Settings;
use crate::document::Language;

/// The cue each finding covers, and the text with its fix applied.
fn flagged(text: &str) -> Vec<(String, String)> {
    let prose = crate::prose::parse(text, Language::Markdown, &mut Default::default());
    let settings = Settings::default();
    let actors = Actors::default();
    let ctx = Context::new(text, &prose, &actors, &settings);
    let mut out = Vec::new();
    UnattributedClaim.check(&ctx, &mut out);
    out.iter()
        .map(|f| {
            let edit = &f.fixes[0].edits[0];
            let mut fixed = text.to_string();
            fixed.replace_range(edit.span.start..edit.span.end, &edit.replacement);
            (f.span.of(text).to_string(), fixed)
        })
        .collect()
}

fn cues(text: &str) -> Vec<String> {
    flagged(text).into_iter().map(|(cue, _)| cue).collect()
}

#[test]
fn expectations_and_predictions() {
    assert_eq!(
        cues("The envoy is also expected to discuss trade. Ruiz is tipped to succeed him. Results are expected by Tuesday. Berg is expected to attend, and Norway is tipped to send an observer."),
        vec!["is also expected to", "is tipped to", "are expected", "is expected to", "is tipped to"]
    );
}

#[test]
fn schedules_records_and_hedged_readings_are_not_claims() {
    for text in [
        "The ferry is set to berth on Sunday.",
        "The ward is slated to merge with its neighbour in May.",
        "The champion is poised to win a third title.",
        "Talks are likely to resume next week.",
        "It is unlikely that the vote will slip.",
        "The van was reported missing on Tuesday.",
        "Two crew members were confirmed dead.",
        "No survivors have been confirmed.",
        "The price was not disclosed.",
        "The 1998 floods killed more than 40 people.",
    ] {
        assert_eq!(cues(text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        cues("The sale was announced on Monday. The floods killed more than 40 people."),
        vec!["was announced", "more than 40"]
    );
}

#[test]
fn hearsay_accusations_and_criticism() {
    assert_eq!(
        cues("The mayor reportedly left. He is said to have quit. The firm was accused of fraud. The plan has been widely criticized. The council faced sharp criticism. The company faces allegations that it lied."),
        vec!["reportedly", "is said to", "was accused of", "has been widely criticized", "faced sharp criticism", "allegations"]
    );
}

#[test]
fn a_reporting_verb_inside_hearsay_is_its_content_not_its_source() {
    assert_eq!(
        cues("The mayor is said to be urging the board to sell. The harbour master is believed to have told the crews to stay ashore."),
        vec!["is said to", "is believed to"]
    );
    assert_eq!(
        cues("The mayor is said to be urging the board to sell, the council's clerk said."),
        Vec::<String>::new()
    );
}

#[test]
fn an_ing_form_after_a_noun_describes_the_noun_and_sources_nothing() {
    assert_eq!(
        cues("The ferry company has reportedly drawn fire from a group demanding a boycott."),
        vec!["reportedly"]
    );
    for text in [
        "The bridge is expected to reopen, with the mayor saying repairs are done.",
        "The mayor was saying the bridge is expected to reopen.",
    ] {
        assert_eq!(cues(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn characterisations_appearances_conclusions_and_figures() {
    assert_eq!(
        cues("He is widely seen as the favourite. The group is considered a threat. The fire appears to have spread. It is clear that the plan failed. An estimated 10,000 people marched. At least 50 people were killed. At least 12 cables have been damaged."),
        vec!["is widely seen as", "is considered", "appears to", "It is clear", "An estimated 10,000", "At least 50", "At least 12"]
    );
}

#[test]
fn a_source_in_a_clause_that_follows_the_claim_must_not_be_subordinate() {
    assert_eq!(
        cues("The senator is drawing criticism after he appeared to suggest a cut. It is clear that voters want answers. The plan seems to be a polarizing question."),
        vec!["drawing criticism", "It is clear", "seems to"]
    );
    assert_eq!(
        cues("The strategy seems clear. Home equity seems too risky. There has been much speculation in the town."),
        vec!["seems clear", "seems too", "speculation"]
    );
    assert_eq!(
        cues("Officials who said the plan is expected to pass were thanked. The plan is expected to pass, officials said."),
        Vec::<String>::new()
    );
}

#[test]
fn sourced_sentences_quotations_and_agents_stay_quiet() {
    for text in [
        "The envoy is expected to discuss trade, the ministry said.",
        "According to the ministry, the envoy is expected to discuss trade.",
        "The envoy is expected by diplomats to discuss trade.",
        "The ruling was expected by both parties by May.",
        "Analysts expected the envoy to discuss trade.",
        "“The envoy is expected to discuss trade,” she said.",
        "The bill is being considered in the Senate.",
        "It is not clear whether the plan failed.",
        "I seem to have lost it.",
        "The plan seems to me a good one.",
        "The plan seemed credible to them.",
        "The war seemed far away to European voters.",
        "Lepp charges that the port is too small.",
        "As expected, the vote passed.",
        "The vote passed, as might be expected.",
        "Maybe it is to be expected.",
        "Is the envoy expected to attend?",
        "More than 100 countries signed the pact.",
        "The allegations were first made in May.",
        "The plan was criticized by the mayor.",
    ] {
        assert_eq!(cues(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn perception_participles_without_be() {
    assert_eq!(
        cues("Ruiz, considered the front-runner, won the first round. The port is a hub and considered the busiest in the region. Tamm, a figure widely seen as a moderate, won. The plan, long regarded as a model, failed."),
        vec!["considered", "considered", "widely seen as", "long regarded as"]
    );
    for text in [
        "He paused, considered the offer and left.",
        "It is an issue that they have long regarded as settled.",
        "Ruiz, considered by rivals a moderate, won.",
        "The offer, considered carefully, was accepted.",
        "She took the offer and considered the terms.",
    ] {
        assert_eq!(cues(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn doubts_and_agreement_that_no_one_holds() {
    assert_eq!(
        cues("Talks ended amid growing skepticism about the deal. Doubts over the budget linger. There was broad agreement that the port must grow. There is a consensus that taxes will rise."),
        vec!["skepticism", "Doubts", "agreement", "consensus"]
    );
    for text in [
        "Voters have doubts about the plan.",
        "The audit raised doubts about the plan.",
        "His doubts about the plan grew.",
        "Under an agreement that took effect in May, ships may dock.",
        "The two countries signed an agreement that lets ships dock.",
        "The belief that taxes will rise is common among economists.",
    ] {
        assert_eq!(cues(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn talk_and_fears_that_spread_on_their_own() {
    assert_eq!(
        cues("Speculation swirled that the mayor would quit. Fears are growing that the bridge is unsafe. Questions have been raised about the audit. Talk had been mounting about a recall. Suspicions run high that the vote was rigged."),
        vec!["Speculation swirled", "Fears are growing", "Questions have been raised", "Talk had been mounting", "Suspicions run high"]
    );
    for text in [
        "The questions have grown since May.",
        "Her critics' questions have grown louder.",
        "Questions were raised by the auditor in May.",
        "Questions have been raised about the audit by two senators.",
        "Concern grew among residents after the second outage.",
        "Talks grew tense on Monday.",
        "The town grew quickly after the war.",
    ] {
        assert_eq!(cues(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn verdicts_looks_and_pushback() {
    assert_eq!(
        cues("The lesson is clear: ports need guards. It sure looks like the deal will hold. The school board has faced more pushback."),
        vec!["is clear", "looks like", "faced more pushback"]
    );
    for text in [
        "The water in the bay is clear.",
        "The rules were not clear: nobody knew.",
        "It was not immediately clear whether anyone was hurt.",
        "Photos show what it looked like before the fire.",
        "From the air, it looks like a crater.",
        "The house looks like a ship.",
    ] {
        assert_eq!(cues(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn adding_to_talk_is_not_a_reporting_verb() {
    assert_eq!(
        cues("Adding to speculation that the port will close, the ferry left early."),
        vec!["speculation"]
    );
    assert_eq!(
        cues("The port will close, the harbour master added."),
        Vec::<String>::new()
    );
    assert_eq!(
        cues("The board appears to ignore what adds up to a majority of the fees."),
        vec!["appears to"]
    );
}

#[test]
fn appear_links_its_subject_to_a_judgement() {
    assert_eq!(
        cues("The council appeared ready to sell the pier. The ferry company appears weak."),
        vec!["appeared ready", "appears weak"]
    );
    for text in [
        "The mayor appeared on television on Monday.",
        "The two ministers appeared together at the pier.",
        "She tried to appear calm.",
        "The strike made them appear weak.",
        "The mayor appeared, and the crowd cheered.",
        "The mayor appeared briefly at the launch.",
        "The harbour master appeared in court twice.",
    ] {
        assert_eq!(cues(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn a_fronted_to_phrase_says_to_whom_it_seemed() {
    assert_eq!(
        cues("To date, the plan seems rushed. To be sure, the pier appears unsafe."),
        vec!["seems rushed", "appears unsafe"]
    );
    for text in [
        "To the harbour master, the plan seemed rushed.",
        "To Ana Ruiz, a ferry captain, the pier appears unsafe.",
        "To many fishermen in Digby, it seemed like a tax.",
    ] {
        assert_eq!(cues(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn imperative_forecasts() {
    assert_eq!(
        cues("But don't expect a deal this week. Expect delays on the bridge."),
        vec!["don't expect", "Expect"]
    );
    for text in [
        "“Don't expect a deal,” she said.",
        "Voters expect a deal this week.",
        "Don't expect a deal this week, the minister said.",
        "The deal will likely close in May.",
        "It is not likely that the vote will slip.",
        "A deal is likely to close, officials said.",
    ] {
        assert_eq!(cues(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn expectations_in_a_with_phrase() {
    assert_eq!(
        cues("Talks resume on Monday, with a deal expected by Friday. Prices fell, with output forecast to rise."),
        vec!["expected", "forecast to"]
    );
    for text in [
        "Talks resume on Monday, with a deal expected by analysts.",
        "Talks resume on Monday, with analysts expecting a deal.",
        "He met with aides who expected a deal.",
        "She spoke with the mayor, as expected.",
    ] {
        assert_eq!(cues(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn praise_figures_fears_and_reports_that_set_the_scene() {
    assert_eq!(
        cues("The plan was widely praised. The damage is estimated at $2 million. The crew are feared to have drowned. Shares rose amid reports the firm will be sold."),
        vec!["was widely praised", "is estimated", "are feared to", "reports"]
    );
    for text in [
        "The plan was praised by the mayor.",
        "The damage was estimated by the insurer at $2 million.",
        "Shares rose following reports by the Ledger that the firm will be sold.",
        "Shares rose amid these reports.",
        "The holiday is celebrated in May.",
    ] {
        assert_eq!(cues(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn a_verb_that_reports_something_else_does_not_source_the_claim() {
    assert_eq!(
        cues("While the bill is expected to pass, the mayor warned that she would veto it. When the diagnosis was confirmed, she did not want to stay."),
        vec!["is expected to", "was confirmed"]
    );
    for text in [
        "The bill is expected to pass, the mayor said.",
        "The bill is expected to pass, the mayor said, adding that she would sign it.",
        "The bill is expected to pass, said Ana Ruiz, who leads the council.",
    ] {
        assert_eq!(cues(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn new_cues_stay_quiet_in_headlines_quotations_and_plain_facts() {
    for text in [
        "# Speculation swirls that the port will close\n\nThe port closed on Monday.",
        "# Don't expect a deal, it sure looks like\n\nThe talks ended.",
        "“Speculation swirled that the mayor would quit, and questions have been raised,” Ruiz said.",
        "“Don't expect a deal. The lesson is clear: we wait,” she told reporters.",
        "“Ruiz, considered the front-runner, won,” the paper wrote.",
        "The port closed on Monday after 40 years. Its last ship left at noon.",
        "The council agreed on Tuesday to raise the harbour fee.",
    ] {
        assert_eq!(cues(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn the_fix_ends_the_claim_s_clause() {
    let cases = [
        (
            "Macron is expected to visit China this week, after hosting Zelensky in Paris.",
            "Macron is expected to visit China this week, according to TK, after hosting Zelensky in Paris.",
        ),
        (
            "Macron is expected to discuss trade, security and climate.",
            "Macron is expected to discuss trade, security and climate, according to TK.",
        ),
        (
            "Berg is expected to join the talks, and Norway will send an observer.",
            "Berg is expected to join the talks, according to TK, and Norway will send an observer.",
        ),
        (
            "The deal is expected to be called \"a win.\"",
            "The deal is expected to be called \"a win,\" according to TK.",
        ),
        (
            "The mayor reportedly resigned; the council met.",
            "The mayor reportedly resigned, according to TK; the council met.",
        ),
    ];
    for (text, fixed) in cases {
        assert_eq!(flagged(text)[0].1, fixed);
    }
}

#[test]
fn a_statement_the_claim_is_about_does_not_source_it() {
    assert_eq!(
        cues("The timetable appears to contradict the harbour master's statement from May."),
        vec!["appears to"]
    );
    assert_eq!(
        cues("The ferry seemed to ignore his earlier comments about the tide."),
        vec!["seemed to"]
    );
    // The statement is the subject: what is judged, not who judges.
    assert_eq!(
        cues("Thursday's memo from the harbour board seemed aimed at the ferry firm."),
        vec!["seemed aimed"]
    );
    for text in [
        "The harbour master said the timetable appears to be wrong.",
        "In his statement, the timetable appears to be wrong.",
        "One of the central claims of the mayor's speech does not hold up.",
    ] {
        assert_eq!(cues(text), Vec::<String>::new(), "{text}");
    }
    // Claims "of" something that is not a statement are still unheld.
    assert_eq!(
        cues("Claims of fraud at the port have not gone away."),
        vec!["Claims"]
    );
}

#[test]
fn an_interview_answer_is_the_words_of_the_one_asked() {
    let answer =
        "Will the port close in winter?\n\nThe ice is expected to arrive early this year.\n";
    assert_eq!(cues(answer), Vec::<String>::new());
    // A question quoted from someone, or a long paragraph that ends by
    // asking one, is not an interviewer's.
    for text in [
        "The mayor spoke at the quay. \"Will the port close in winter?\"\n\nThe ice is expected to arrive early this year.\n",
        "The port opened in May. The fees doubled in June. The ferries left in July. Will it close in winter?\n\nThe ice is expected to arrive early this year.\n",
    ] {
        assert_eq!(cues(text), vec!["is expected to"], "{text}");
    }
}

#[test]
fn a_speaker_who_tells_someone_something_else_does_not_source_the_claim() {
    assert_eq!(
        cues("The ferry seems to be late; the captain told the harbour office that the tide had turned."),
        vec!["seems to"]
    );
    for text in [
        "The captain told the harbour office the ferry seems to be late.",
        "The ferry seems to be late, the captain told the harbour office.",
    ] {
        assert_eq!(cues(text), Vec::<String>::new(), "{text}");
    }
}
