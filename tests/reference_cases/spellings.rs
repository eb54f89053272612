//! `name-variant`: respellings, dropped accents, other encodings, and what is
//! no respelling (a gloss, a speech repair).

use super::{check, flagged, mentions, quiet, starts, text};

#[tokio::test]
async fn respellings_dropped_accents_and_another_encoding() {
    for style in ["ap", "uk"] {
        let t = text("spelling");
        let (client, _, found) = check(style, "spelling", t).await;
        let d = flagged(t, &found, "name-variant", "Kellar");
        assert_eq!(
            d["message"],
            "'Kellar' here, 'Keller' on line 3: the same person's name is spelled two ways"
        );
        assert_eq!(d["severity"], 2);
        let accents = flagged(t, &found, "name-variant", "Jose Martinez");
        mentions(accents, "accents differ");
        let decomposed = "Rami\u{301}rez";
        let encoding = flagged(t, &found, "name-variant", decomposed);
        assert_eq!(encoding["severity"], 3);
        mentions(encoding, "encoded differently");
        assert_eq!(found.len(), 3, "{found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn respellings_and_early_surnames_the_model_did_not_link_or_is_unsure_of() {
    for style in ["ap", "uk"] {
        let t = text("respelt");
        let (client, _, found) = check(style, "respelt", t).await;
        // "Wedt" is one dropped letter from "Tobias Wendt": no name of its
        // own, so a slip, whether or not the model linked it.
        let d = flagged(t, &found, "name-variant", "Wedt");
        assert_eq!(
            d["message"],
            "'Wedt' here, 'Wendt' on line 3: the same person's name is spelled two ways"
        );
        // A given name and a surname, then the surname alone: a person,
        // even where the tagger hesitates.
        let d = flagged(t, &found, "late-introduction", "Halloran");
        starts(
            d,
            "'Halloran' comes before Oskar Halloran is introduced (line 5",
        );
        let d = flagged(t, &found, "name-variant", "Oyelarán");
        mentions(d, "accents differ");
        // Places one letter apart are not a person's name.
        quiet(t, &found, "Saltmarsh");
        quiet(t, &found, "East Saltmarch");
        // A surname written with its accents most of the time and once
        // without; and once in another encoding: whether or not the model
        // made a person of it.
        let d = flagged(t, &found, "name-variant", "Ordonez");
        assert_eq!(
            d["message"],
            "'Ordonez' here, 'Ordóñez' on line 11: the accents differ"
        );
        let d = flagged(t, &found, "name-variant", "Va\u{301}zquez");
        assert_eq!(d["severity"], 3);
        quiet(t, &found, "Ordóñez worked");
        assert_eq!(found.len(), 5, "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn a_respelling_of_a_surname_written_once_in_full() {
    for style in ["ap", "uk"] {
        // "Anton Havel" in full once, and the only later use slipped:
        // the slip took the surname's one use alone, so the full name's
        // shape alone says a person is meant.
        let t = text("respelt-once");
        let (client, _, found) = check(style, "respelt-once", t).await;
        let d = flagged(t, &found, "name-variant", "Hael");
        assert_eq!(
            d["message"],
            "'Hael' here, 'Havel' on line 3: the same person's name is spelled two ways"
        );
        quiet(t, &found, "Novotny later");
        assert_eq!(found.len(), 1, "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn a_transcripts_i_dash_dash_is_speech_not_a_dateline() {
    // "I -- I'm sorry." further down once read as a dateline, which made
    // everything above it top matter that no rule judges.
    for style in ["ap", "uk"] {
        let t = text("transcript");
        let (client, _, found) = check(style, "transcript", t).await;
        let d = flagged(t, &found, "name-variant", "Okafro");
        assert_eq!(
            d["message"],
            "'Okafro' here, 'Okafor' on line 3: the same person's name is spelled two ways"
        );
        assert_eq!(found.len(), 1, "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn respellings_of_a_family_name_of_a_name_shaped_introduction_and_of_a_settled_name() {
    for style in ["ap", "uk"] {
        // A mother and son share "Goode": whichever of them "Gooe" means,
        // the spelling differs.
        let t = text("family-slip");
        let (client, _, found) = check(style, "family-slip", t).await;
        let d = flagged(t, &found, "name-variant", "Gooe");
        assert_eq!(
            d["message"],
            "'Gooe' here, 'Goode' on line 3: the same person's name is spelled two ways"
        );
        assert_eq!(found.len(), 1, "{style}: {found:?}");
        client.shutdown().await;

        // A full name in name-shaped words, its only later use slipped and
        // linked by the model, which only thinks the name a person's.
        let t = text("shaped-slip");
        let (client, _, found) = check(style, "shaped-slip", t).await;
        let d = flagged(t, &found, "name-variant", "Kalna");
        assert_eq!(
            d["message"],
            "'Kalna' here, 'Kalina' on line 3: the same person's name is spelled two ways"
        );
        assert_eq!(found.len(), 1, "{style}: {found:?}");
        client.shutdown().await;

        // Never given in full, but written alone again and again, and once
        // with a slip inside it.
        let t = text("settled-slip");
        let (client, _, found) = check(style, "settled-slip", t).await;
        let d = flagged(t, &found, "name-variant", "Rosenbrg");
        starts(d, "'Rosenbrg' here, 'Rosenberg' on line 3");
        assert_eq!(found.len(), 1, "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn accents_against_the_usual_form_in_the_body_and_not_in_a_gloss() {
    for style in ["ap", "uk"] {
        let t = text("accents-headline");
        let (client, _, found) = check(style, "accents-headline", t).await;
        // The usual form's first use is the headline's; the body shows it
        // too, and the message points there.
        let d = flagged(t, &found, "name-variant", "Rasmussén");
        assert_eq!(
            d["message"],
            "'Rasmussén' here, 'Rasmussen' on line 3: the accents differ"
        );
        // A romanisation given in parentheses is a gloss.
        quiet(t, &found, "Karīmī");
        assert_eq!(found.len(), 1, "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn a_look_alike_before_the_introduction_is_a_respelling_not_an_early_surname() {
    // "Jolfa" before "New Julfa": the model linked a look-alike; the
    // spelling is name-variant's finding, and the surname was not used
    // early.
    for style in ["ap", "uk"] {
        let t = text("early-respelt");
        let (client, _, found) = check(style, "early-respelt", t).await;
        let d = flagged(t, &found, "name-variant", "Jolfa");
        starts(d, "'Jolfa' here, 'Julfa'");
        assert_eq!(found.len(), 1, "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn a_name_cut_off_and_said_again_is_a_speech_repair_not_a_respelling() {
    // "Nadia Halvorse- Halvorsen": the speaker's slip, mended at once.
    for style in ["ap", "uk"] {
        let t = text("speech-repair");
        let (client, _, found) = check(style, "speech-repair", t).await;
        assert!(found.is_empty(), "{style}: {found:?}");
        client.shutdown().await;
    }
    // Without the repair, the same two spellings are one person's name
    // spelled two ways.
    let t = text("speech-repair").replace("Halvorse- Halvorsen", "Halvorse");
    let (client, _, found) = check("ap", "speech-repair-unmended", &t).await;
    flagged(&t, &found, "name-variant", "Halvorsen");
    client.shutdown().await;
}

#[tokio::test]
async fn a_slip_in_a_possessive_before_the_title_of_a_work() {
    for style in ["ap", "uk"] {
        // "Pella's The Quiet Harbour": the possessive ends the name, so
        // the capitalised title after it does not make the slip part of a
        // longer name.
        let t = text("possessive-slip");
        let (client, _, found) = check(style, "possessive-slip", t).await;
        let d = flagged(t, &found, "name-variant", "Pella");
        assert_eq!(
            d["message"],
            "'Pella' here, 'Pelle' on line 3: the same person's name is spelled two ways"
        );
        assert_eq!(found.len(), 1, "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn places_spelled_two_ways_are_no_persons_name_but_a_persons_slip_is() {
    for style in ["ap", "uk"] {
        // "the state of Yucatán", "the Yucatán Peninsula", "the town of
        // Tabrisa": the article writes these words as places' names, so an
        // accent dropped in a guide's title, or an old and a new spelling
        // of a town, is no one's name spelled two ways.
        let t = text("place-spellings");
        let (client, _, found) = check(style, "place-spellings", t).await;
        quiet(t, &found, "Yucatan Weekly");
        quiet(t, &found, "New Tabrisa");
        quiet(t, &found, "Tabrisa in the north");
        let d = flagged(t, &found, "name-variant", "Villalobso");
        assert_eq!(
            d["message"],
            "'Villalobso' here, 'Villalobos' on line 9: the same person's name is spelled two ways"
        );
        assert_eq!(found.len(), 1, "{style}: {found:?}");
        client.shutdown().await;
    }
}
