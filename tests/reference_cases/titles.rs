//! Offices and titles: `title-mismatch`, `title-case` and the descriptors that
//! are no formal titles.

use super::{check, flagged, quiet, starts, text};

#[tokio::test]
async fn a_change_of_office_is_a_warning_and_another_form_is_information() {
    for style in ["ap", "uk"] {
        let t = text("offices");
        let (client, _, found) = check(style, "offices", t).await;
        for office in [
            "Fire Chief",
            "Deputy City Manager",
            "Magistrate Judge",
            "Deputy Prime Minister",
        ] {
            let d = flagged(t, &found, "title-mismatch", office);
            assert_eq!(d["severity"], 2, "{style} {office}");
        }
        let form = flagged(t, &found, "title-mismatch", "Council member");
        assert_eq!(form["severity"], 3);
        assert_eq!(
            form["message"],
            "Dana Price is 'Councilwoman' on first reference (line 3) but 'Council member' here: the same office written another way"
        );
        assert_eq!(found.len(), 5, "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn an_appositive_beside_a_title_is_compared_with_the_first_appositive() {
    // "Councillor Ruiz, the housing secretary" after "Councillor Ana Ruiz,
    // the transport secretary": the titles before the names agree, the
    // appositives do not.
    for style in ["ap", "uk"] {
        let t = text("offices-appositive");
        let (client, _, found) = check(style, "offices-appositive", t).await;
        let d = flagged(t, &found, "title-mismatch", "housing secretary");
        assert_eq!(
            d["message"],
            "Ana Ruiz is 'transport secretary' on first reference (line 3) but 'housing secretary' here: another office"
        );
        assert_eq!(d["severity"], 2);
        // Beside a chair's title, which is no office of its own.
        flagged(t, &found, "title-mismatch", "magistrate judge");
        assert_eq!(found.len(), 2, "{style}: {found:?}");
        client.shutdown().await;
        // The same appositives again: nothing to flag.
        let same = t
            .replace("the housing secretary", "the transport secretary")
            .replace("the magistrate judge", "the district judge");
        let (client, _, found) = check(style, "offices-appositive-same", &same).await;
        assert!(found.is_empty(), "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn one_unnamed_role_described_as_a_man_and_a_woman() {
    for style in ["ap", "uk"] {
        let t = text("roles");
        let (mut client, u, found) = check(style, "roles", t).await;
        let d = flagged(t, &found, "title-mismatch", "spokeswoman");
        assert_eq!(
            d["message"],
            "'spokeswoman' here, 'spokesman' on line 3: the same role at Riverside Mall, described as a man and as a woman"
        );
        assert_eq!(d["severity"], 2);
        let fixed = super::fixed(&mut client, &u, t, d).await;
        assert!(
            fixed.contains("The Riverside Mall spokesman declined"),
            "{fixed}"
        );
        // One woman described the same way twice.
        quiet(t, &found, "Harbor Clinic spokeswoman");
        assert_eq!(found.len(), 1, "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn ap_descriptors_and_levels_are_not_formal_titles() {
    let t = text("descriptors");
    // UK style leaves the case of a title before a name to the house; the
    // descriptors are no formal titles there either.
    let (client, _, found) = check("uk", "descriptors", t).await;
    for fine in [
        "special counsel",
        "regional Gov.",
        "state Sen.",
        "astronaut",
    ] {
        quiet(t, &found, fine);
    }
    assert!(found.is_empty(), "uk: {found:?}");
    client.shutdown().await;
    let (mut client, u, found) = check("ap", "descriptors", t).await;
    for fine in [
        "special counsel",
        "regional Gov.",
        "state Sen.",
        "Former Florida governor",
        "astronaut",
        // AP's formal title is "Rep."; "congressman" stays lowercase.
        "congressman",
        // An office in a body, even one named with a nationality.
        "Alliance president",
    ] {
        quiet(t, &found, fine);
    }
    // A country's office, after its nationality or its name, still takes
    // capitals.
    flagged(t, &found, "title-case", "president");
    flagged(t, &found, "title-case", "ambassador");
    // A lowercase abbreviation keeps its period in the message and the fix.
    let d = flagged(t, &found, "title-case", "gov");
    assert_eq!(
        d["message"],
        "A formal title directly before a name takes capitals in AP style: 'Gov.'"
    );
    let fixed = super::fixed(&mut client, &u, t, d).await;
    assert!(fixed.contains("said Gov. Marta Lindqvist."), "{fixed}");
    // "state" after "of" is part of the office, not a level ("state Sen.").
    let d = flagged(t, &found, "title-case", "secretary of state");
    assert_eq!(
        d["message"],
        "A formal title directly before a name takes capitals in AP style: 'Secretary of State'"
    );
    client.shutdown().await;
}

#[tokio::test]
async fn uk_titles_after_the_name() {
    let t = text("uk-titles");
    let (client, _, found) = check("uk", "uk-titles", t).await;
    let d = flagged(t, &found, "title-mismatch", "deputy prime minister");
    assert_eq!(d["severity"], 2);
    let case = flagged(t, &found, "title-case", "Chancellor");
    assert_eq!(
        case["message"],
        "A formal title set off by commas is lowercase in UK style: 'chancellor'"
    );
    // A hyphenated title is lowercased in every part.
    let hyphenated = flagged(t, &found, "title-case", "Secretary-General");
    assert_eq!(
        hyphenated["message"],
        "A formal title set off by commas is lowercase in UK style: 'secretary-general'"
    );
    quiet(t, &found, "the prime minister, arrived");
    client.shutdown().await;
}

#[tokio::test]
async fn offices_are_not_compared_across_a_link_by_a_given_name_whose_name_runs_on() {
    // "Mayor Ray van der Berg" read as "Mayor Ray", linked to Ray Dalton by
    // the given name alone: no change of office from Mayor to Commissioner.
    for style in ["ap", "uk"] {
        let t = text("given-name-title");
        let (client, _, found) = check(style, "given-name-title", t).await;
        assert!(found.is_empty(), "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn uk_introductions_with_the_title_after_the_name() {
    // "Keir Starmer, the prime minister": in UK style the title follows the
    // name at the introduction. A surname before it is early, the title
    // and full name again is repeated (later references are "Mr Starmer"),
    // and a slip in a surname with a courtesy title is a respelling.
    let t = text("uk-after-name");
    let (client, _, found) = check("uk", "uk-after-name", t).await;
    let d = flagged(t, &found, "late-introduction", "Starmer");
    starts(
        d,
        "'Starmer' comes before Keir Starmer is introduced (line 3, 'Keir Starmer')",
    );
    let d = flagged(t, &found, "repeated-title", "Prime Minister Keir Starmer");
    assert_eq!(
        d["message"],
        "Keir Starmer was introduced as 'Keir Starmer, the prime minister' (line 3); later references use 'Mr Starmer'"
    );
    let d = flagged(t, &found, "name-variant", "Reaves");
    starts(d, "'Reaves' here, 'Reeves' on line 5");
    quiet(t, &found, "Ms Reeves");
    quiet(t, &found, "Mr Starmer");
    assert_eq!(found.len(), 3, "{found:?}");
    client.shutdown().await;
}

#[tokio::test]
async fn a_rank_set_off_after_a_word_no_one_is_named_by_is_a_gloss() {
    for style in ["ap", "uk"] {
        // "Oberst, Colonel.": a translation of a rank, not a person's title
        // set off by commas; "Marta Quist, the Governor," is one.
        let t = text("rank-gloss");
        let (client, _, found) = check(style, "rank-gloss", t).await;
        quiet(t, &found, "Colonel");
        let d = flagged(t, &found, "title-case", "Governor");
        starts(d, "A formal title set off by commas is lowercase in");
        assert_eq!(found.len(), 1, "{style}: {found:?}");
        client.shutdown().await;
    }
}
