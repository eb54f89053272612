//! `late-introduction`: surnames before the introduction, people never named in
//! full, and the words of names of things that are no surnames.

use super::{check, flagged, quiet, starts, text};
use serde_json::Value;

#[tokio::test]
async fn a_person_never_named_in_full() {
    for style in ["ap", "uk"] {
        let t = text("never-named");
        let (client, _, found) = check(style, "never-named", t).await;
        let d = flagged(t, &found, "late-introduction", "Prime Minister Albanese");
        assert_eq!(
            d["message"],
            "'Prime Minister Albanese' is never given a full name: give Albanese's first name at the first reference"
        );
        // Popes and U.S. presidents go by title and one name.
        quiet(t, &found, "Pope Francis");
        quiet(t, &found, "President Obama");
        quiet(t, &found, "adviser to President Obama");
        assert_eq!(found.len(), 1, "{found:?}");
        client.shutdown().await;

        // A name the article also writes as a lowercase word ("veto") is a
        // nickname, not a person's surname.
        let t = text("nickname");
        let (client, _, found) = check(style, "nickname", t).await;
        assert!(found.is_empty(), "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn a_title_and_surname_is_not_never_named_where_the_article_names_that_surname_in_full() {
    // "Mayor Wu", then "Boston Mayor Michelle Wu": the article does give a
    // full name, which the model did not link; the message would be false.
    for style in ["ap", "uk"] {
        let t = text("never-named-namesake");
        let (client, _, found) = check(style, "never-named-namesake", t).await;
        assert!(
            found
                .iter()
                .all(|d| !super::message(d).contains("never given a full name")),
            "{style}: {found:?}"
        );
        client.shutdown().await;
        // Without the full name, the title and surname are all there is.
        let unnamed = t.replace("Boston Mayor Michelle Wu", "Mayor Wu");
        let (client, _, found) = check(style, "never-named-namesake-unnamed", &unnamed).await;
        let d = flagged(&unnamed, &found, "late-introduction", "Mayor Wu");
        starts(d, "'Mayor Wu' is never given a full name");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn a_bare_abbreviation_before_a_name_may_be_the_given_name_where_the_house_writes_a_period() {
    let t = text("given-name-or-rank");
    let never = |name: &str| {
        format!(
            "'{name}' is never given a full name: give {}'s first name at the first reference",
            name.rsplit(' ').next().unwrap_or(name)
        )
    };
    // AP writes "Gen." with a period: a bare "Gen" before the name may be
    // the person's given name, so the article may give the full name.
    let (client, _, found) = check("ap", "given-name-or-rank", t).await;
    quiet(t, &found, "Gen Tamura");
    let d = flagged(t, &found, "late-introduction", "Chief of Staff Gen. Okabe");
    assert_eq!(d["message"], never("Chief of Staff Gen. Okabe"));
    assert_eq!(found.len(), 1, "{found:?}");
    client.shutdown().await;
    // British copy writes "Gen" without a period: the rank.
    let (client, _, found) = check("uk", "given-name-or-rank", t).await;
    let d = flagged(
        t,
        &found,
        "late-introduction",
        "Defense Minister Gen Tamura",
    );
    assert_eq!(d["message"], never("Defense Minister Gen Tamura"));
    flagged(t, &found, "late-introduction", "Chief of Staff Gen. Okabe");
    assert_eq!(found.len(), 2, "{found:?}");
    client.shutdown().await;
}

#[tokio::test]
async fn a_links_text_is_not_the_first_reference() {
    // "[Mayor Okafor vows ...](url)" above "Harbour Mayor Grace Okafor":
    // the link's text is a headline elsewhere, so neither the surname in it
    // nor the real introduction after it is flagged.
    for style in ["ap", "uk"] {
        for name in ["link", "link-lede"] {
            let t = text(name);
            let (client, _, found) = check(style, name, t).await;
            assert!(found.is_empty(), "{style} {name}: {found:?}");
            client.shutdown().await;
        }
        // The same words in the writer's own copy come before the
        // introduction.
        let t = text("link-lede");
        let copy = t.replace(
            "Related: [Mayor Okafor vows to keep the ferries running](https://example.com/okafor-ferries)",
            "Mayor Okafor vowed to keep the ferries running.",
        );
        let (client, _, found) = check(style, "link-lede-copy", &copy).await;
        let d = flagged(&copy, &found, "late-introduction", "Okafor");
        starts(
            d,
            "'Okafor' comes before Grace Okafor is introduced (line 7",
        );
        client.shutdown().await;
    }
}

#[tokio::test]
async fn surnames_before_the_introduction_in_several_positions() {
    for style in ["ap", "uk"] {
        let t = text("early");
        let (client, _, found) = check(style, "early", t).await;
        for (surname, message) in [
            (
                "Okonkwo",
                "'Okonkwo' comes before Grace Okonkwo is introduced (line 5, 'Grace Okonkwo')",
            ),
            (
                "Brennan",
                "'Brennan' comes before Ian Brennan is introduced (line 7, 'Dr. Ian Brennan')",
            ),
            (
                "Varga",
                "'Varga' comes before Eva Varga is introduced (line 9, 'Eva Varga')",
            ),
        ] {
            let d = flagged(t, &found, "late-introduction", surname);
            starts(d, message);
        }
        client.shutdown().await;
    }
}

#[tokio::test]
async fn surnames_of_every_shape_before_the_introduction() {
    // A hyphenated surname, a name with "Jr.", a Korean name written family
    // name first, and a paragraph that points at a picture ("(pictured)"):
    // each is a person's name the article introduces, though the model is
    // only fairly sure of it, so the surname before it comes first.
    let t = text("early-shapes");
    for style in ["ap", "uk"] {
        let (client, _, found) = check(style, "early-shapes", t).await;
        for (surname, message) in [
            (
                "Okonkwo-Bello had",
                "'Okonkwo-Bello' comes before Adaeze Okonkwo-Bello is introduced (line 3",
            ),
            (
                "Nwachukwu then",
                "'Nwachukwu' comes before Obinna Nwachukwu Jr is introduced (line 5",
            ),
            (
                "Ban's",
                "'Ban' comes before Ban Soo-hyun is introduced (line 7",
            ),
            (
                "Adeyemi voted",
                "'Adeyemi' comes before Ezinne Adeyemi is introduced (line 9",
            ),
        ] {
            let word = surname.split([' ', '\'']).next().unwrap_or(surname);
            let d = found
                .iter()
                .find(|d| {
                    d["code"] == "late-introduction" && super::message(d).starts_with(message)
                })
                .unwrap_or_else(|| panic!("{style}: no flag on {word}: {found:?}"));
            assert_eq!(super::covered(t, d), word);
        }
        // After the introductions, the surnames alone are what AP and UK
        // style ask for.
        assert_eq!(found.len(), 4, "{style}: {found:?}");
        client.shutdown().await;

        let introduced = [
            "Okonkwo-Bello had not spoken publicly before. ",
            "Few people outside the council knew Nwachukwu then. ",
            "Much depended on Ban's answer. ",
            "Adeyemi voted last. ",
        ]
        .iter()
        .fold(t.to_string(), |t, early| t.replace(early, ""));
        let (client, _, found) = check(style, "early-shapes-introduced", &introduced).await;
        assert!(found.is_empty(), "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn family_names_with_particles_before_the_introduction() {
    // "de Jong" and "von der Leyen" with their particles, and "Bismarck"
    // without "von", as later references write them: each is the person
    // introduced after it, and the flag covers the particles too.
    let t = text("early-particles");
    for style in ["ap", "uk"] {
        let (mut client, u, found) = check(style, "early-particles", t).await;
        for (covers, message) in [
            (
                "de Jong",
                "'de Jong' comes before Pieter de Jong is introduced (line 3",
            ),
            (
                "von der Leyen",
                "'von der Leyen' comes before Ursula von der Leyen is introduced (line 5",
            ),
            (
                "Bismarck",
                "'Bismarck' comes before Otto von Bismarck is introduced (line 7",
            ),
        ] {
            let d = flagged(t, &found, "late-introduction", covers);
            starts(d, message);
        }
        assert_eq!(found.len(), 3, "{style}: {found:?}");
        // The fix moves the introduction, particles and all, and leaves
        // the family name where it was, capitalised at a sentence start.
        let d = flagged(t, &found, "late-introduction", "de Jong");
        let fixed = super::fixed(&mut client, &u, t, d).await;
        assert!(
            fixed.contains("knew Mayor Pieter de Jong then. De Jong said on Tuesday"),
            "{fixed}"
        );
        client.shutdown().await;

        let introduced = [
            "Few people outside the port knew de Jong then. ",
            "Much depended on von der Leyen's answer. ",
            "Bismarck had not spoken publicly before. ",
        ]
        .iter()
        .fold(t.to_string(), |t, early| t.replace(early, ""));
        let (client, _, found) = check(style, "early-particles-introduced", &introduced).await;
        assert!(found.is_empty(), "{style}: {found:?}");
        client.shutdown().await;

        // At a sentence start the particle takes a capital, before the
        // introduction and after it.
        let opening = t
            .replace(
                "Few people outside the port knew de Jong then.",
                "De Jong had not spoken publicly before.",
            )
            .replace(
                "Asked about the vote, de Jong declined to comment.",
                "De Jong declined to comment.",
            );
        let (client, _, found) = check(style, "early-particles-opening", &opening).await;
        let d = flagged(&opening, &found, "late-introduction", "De Jong");
        starts(
            d,
            "'De Jong' comes before Pieter de Jong is introduced (line 3",
        );
        assert_eq!(found.len(), 3, "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn a_full_name_in_a_short_first_paragraph_under_the_headline_introduces() {
    // "Frontrunner Donna Keller is facing attack ads..." under a headline
    // written as a sentence: a deck or the lede, the layout cannot tell;
    // either way the reader has met her, and the later "Keller" is no slip.
    for style in ["ap", "uk"] {
        let t = text("deck-lede");
        let (client, _, found) = check(style, "deck-lede", t).await;
        assert!(found.is_empty(), "{style}: {found:?}");
        client.shutdown().await;
        // Without her name in that paragraph, the surname comes first.
        let unnamed = t.replace(
            "Frontrunner Donna Keller is facing attack ads ahead of the May primary.",
            "Rivals say the ads will run on radio and television across the state.",
        );
        let (client, _, found) = check(style, "deck-lede-unnamed", &unnamed).await;
        flagged(&unnamed, &found, "late-introduction", "Keller");
        assert_eq!(found.len(), 1, "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn a_headline_in_capitals_over_a_single_paragraph_is_top_matter() {
    // "Keller: Why I Still Back The Harbour Plan..." over one paragraph that
    // introduces Donna Keller: the headline's surname is no early reference.
    for style in ["ap", "uk"] {
        let t = text("headline-one-paragraph");
        let (client, _, found) = check(style, "headline-one-paragraph", t).await;
        assert!(found.is_empty(), "{style}: {found:?}");
        client.shutdown().await;
        // A sentence above the paragraph is copy: its surname comes first.
        let first = t.lines().next().unwrap_or_default();
        let copy = t.replace(
            first,
            "Keller said she still backs the plan after the vote.",
        );
        let (client, _, found) = check(style, "headline-one-paragraph-copy", &copy).await;
        flagged(&copy, &found, "late-introduction", "Keller");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn a_word_of_a_longer_name_of_a_thing_is_no_surname_before_an_introduction() {
    for style in ["ap", "uk"] {
        // A plural nationality ("Americans" before "Native Americans"), the
        // plural of a word the article writes in lowercase ("Rights" beside
        // "right"), and a word that also opens another name ("Fox", "Fox
        // News", then "21st Century Fox"): parts of names of things.
        for (name, word) in [
            ("things-demonym", "Americans in"),
            ("things-plural", "Rights at"),
            ("things-brand", "Fox."),
        ] {
            let t = text(name);
            let (client, _, found) = check(style, name, t).await;
            quiet(t, &found, word);
            // A person's surname before the introduction still is one.
            let d = flagged(t, &found, "late-introduction", "Marlowe");
            starts(d, "'Marlowe' comes before Edwin Marlowe is introduced");
            assert_eq!(found.len(), 1, "{style} {name}: {found:?}");
            client.shutdown().await;
        }
    }
}

#[tokio::test]
async fn a_surname_met_in_another_name_or_cut_from_one_is_no_early_reference() {
    for style in ["ap", "uk"] {
        // "17-year-old Keondre Halvery", then "Halvery", then "Tracy
        // Halvery": the reader has met a Halvery already, whom the model
        // did not make a person; the surname may mean him.
        let t = text("early-namesake");
        let (client, _, found) = check(style, "early-namesake", t).await;
        assert!(found.is_empty(), "{style}: {found:?}");
        client.shutdown().await;
        // Without him, the surname comes before his father's introduction.
        let alone = t.replace("17-year-old Keondre Halvery", "a 17-year-old");
        let (client, _, found) = check(style, "early-namesake-alone", &alone).await;
        let d = flagged(&alone, &found, "late-introduction", "Halvery");
        starts(
            d,
            "'Halvery' comes before Tracy Halvery is introduced (line 7",
        );
        client.shutdown().await;

        // "Jack St. Lowry" in a list before "Ruth Lowry": the end of a
        // longer name, not her surname.
        let t = text("early-abbreviation");
        let (client, _, found) = check(style, "early-abbreviation", t).await;
        assert!(found.is_empty(), "{style}: {found:?}");
        client.shutdown().await;
        // Her surname in a sentence before the list still comes first.
        let early = t.replace(
            "Our panel this week",
            "Lowry doubts the polls. Our panel this week",
        );
        let (client, _, found) = check(style, "early-abbreviation-early", &early).await;
        let d = flagged(&early, &found, "late-introduction", "Lowry");
        starts(d, "'Lowry' comes before Ruth Lowry is introduced (line 5");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn a_reporters_tagline_is_end_matter_not_an_early_reference() {
    for style in ["ap", "uk"] {
        // "Okafor reported from Lagos." above "Follow Grace Okafor on
        // Twitter": a note on who wrote the story.
        let t = text("tagline");
        let (client, _, found) = check(style, "tagline", t).await;
        assert!(found.is_empty(), "{style}: {found:?}");
        client.shutdown().await;
        // The same surname in copy comes before her introduction.
        let copy = t.replace(
            "Okafor reported from Lagos. Associated Press writer Jill Ruiz contributed to this report.",
            "Okafor said the talks had failed.",
        );
        let (client, _, found) = check(style, "tagline-copy", &copy).await;
        let d = flagged(&copy, &found, "late-introduction", "Okafor");
        starts(d, "'Okafor' comes before Grace Okafor is introduced");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn a_transcripts_speaker_labels_in_capitals_are_no_references() {
    for style in ["ap", "uk"] {
        // "OSSOFF:" and "PERDUE:" above "Jon Ossoff" and "Sen. David
        // Perdue": labels of who speaks, not surnames in copy.
        let t = text("speaker-labels");
        let (client, _, found) = check(style, "speaker-labels", t).await;
        assert!(found.is_empty(), "{style}: {found:?}");
        client.shutdown().await;
        // The surname in a sentence above the introduction is one.
        let copy = t.replace(
            "a week before the runoff.",
            "a week before the runoff. Ossoff spoke first.",
        );
        let (client, _, found) = check(style, "speaker-labels-copy", &copy).await;
        let d = flagged(&copy, &found, "late-introduction", "Ossoff");
        starts(d, "'Ossoff' comes before Jon Ossoff is introduced");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn an_introduction_whose_given_name_the_model_doubts_is_still_the_introduction() {
    for style in ["ap", "uk"] {
        // "Arlo" is no listed given name and stands mid-sentence; the same
        // full name opens a later sentence. The introduction is the first
        // full name (line 5), not the later one, and the surname before it
        // is early.
        let t = text("early-doubtful-given");
        let (client, _, found) = check(style, "early-doubtful-given", t).await;
        let d = flagged(t, &found, "late-introduction", "Fenwick");
        starts(
            d,
            "'Fenwick' comes before Arlo Fenwick is introduced (line 5, 'Arlo Fenwick')",
        );
        assert_eq!(found.len(), 1, "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn a_people_a_name_in_capitals_a_parent_and_the_other_sex_are_not_early_surnames() {
    for style in ["ap", "uk"] {
        let t = text("early-not-a-surname");
        let (client, _, found) = check(style, "early-not-a-surname", t).await;
        // "the Moriori, who": a people, before a carver of that name.
        quiet(t, &found, "Moriori, who");
        quiet(t, &found, "Moriori carvings");
        // The Congressional Record's capitals are a convention, not a
        // reference in running prose.
        quiet(t, &found, "Senator WARNOCK");
        // "Mr." before "Michelle Obama ... her speech": another person.
        quiet(t, &found, "Mr. Obama");
        // "born to Henry and Sophie Feldmann": the father, not the son.
        quiet(t, &found, "Henry and");
        // A surname before the full name is still early.
        let d = flagged(t, &found, "late-introduction", "Markovic");
        starts(
            d,
            "'Markovic' comes before Dragan Markovic is introduced (line 13",
        );
        let early: Vec<&Value> = found
            .iter()
            .filter(|d| d["code"] == "late-introduction")
            .collect();
        assert_eq!(early.len(), 1, "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn a_given_name_that_also_ends_the_name_of_a_law_is_the_given_name_after_a_title() {
    for style in ["ap", "uk"] {
        // "Bill" ends "the Finance Bill", but "Council Chairman Bill Green"
        // introduces Bill Green, so the "Green" above is early.
        let t = text("titled-given-head");
        let (client, _, found) = check(style, "titled-given-head", t).await;
        let d = flagged(t, &found, "late-introduction", "Green");
        starts(
            d,
            "'Green' comes before Bill Green is introduced (line 3, 'Chairman Bill Green')",
        );
        quiet(t, &found, "Finance Bill");
        let early = found
            .iter()
            .filter(|d| d["code"] == "late-introduction")
            .count();
        assert_eq!(early, 1, "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn a_name_with_its_epithet_is_the_whole_name_but_a_surname_and_employer_is_early() {
    for style in ["ap", "uk"] {
        // "Gregorius of Vennholt", in the headline and again in the body, is
        // the abbot's whole name; "Okafor of Harbour Radio", written once, is
        // a reporter's surname before his full name.
        let t = text("epithet");
        let (client, _, found) = check(style, "epithet", t).await;
        quiet(t, &found, "Gregorius of Vennholt (c.");
        let d = flagged(t, &found, "late-introduction", "Okafor");
        starts(
            d,
            "'Okafor' comes before Chidi Okafor is introduced (line 7",
        );
        assert_eq!(found.len(), 1, "{style}: {found:?}");
        client.shutdown().await;
    }
}
