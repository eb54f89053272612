//! `courtesy-title`: knights, switched and missing courtesy titles, couples and
//! families, per house style.

use super::{check, ends, flagged, mentions, quiet, starts, text};

#[tokio::test]
async fn a_knight_keeps_the_title_and_one_person_keeps_one_courtesy_title() {
    for style in ["ap", "uk"] {
        let t = text("knight");
        let (client, _, found) = check(style, "knight", t).await;
        let d = flagged(t, &found, "courtesy-title", "Mr Sugar");
        mentions(d, "keeps the title");
        quiet(t, &found, "Dame Vera had");
        client.shutdown().await;

        let t = text("courtesy-switch");
        let (client, _, found) = check(style, "courtesy-switch", t).await;
        flagged(t, &found, "courtesy-title", "Mr Keller");
        quiet(t, &found, "Ms Keller");
        // Two people joined by "and" are not a couple: "Ms Brandt" is a slip;
        // "Mr and Mrs Brandt" is a couple.
        flagged(t, &found, "courtesy-title", "Ms Brandt");
        quiet(t, &found, "Mrs Brandt");
        client.shutdown().await;

        // "Mr. Lund" written twice beside "Mrs. Lund" is her husband, not a
        // slip: a slip is made once.
        let t = text("couple");
        let (client, _, found) = check(style, "couple", t).await;
        assert!(found.is_empty(), "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn the_house_style_decides_whether_later_references_take_a_courtesy_title() {
    // UK and NYT: once the article gives one person a courtesy title, a bare
    // surname is flagged.
    for style in ["uk", "nyt"] {
        let t = text("courtesy-mix");
        let (client, _, found) = check(style, "courtesy-mix", t).await;
        let d = flagged(t, &found, "courtesy-title", "Adeyemi");
        mentions(d, "'Mr Okafor'");
        quiet(t, &found, "Mr Okafor said");
        client.shutdown().await;
    }
    // A courtesy title on most of someone's later references shows the
    // house's practice too, even for someone known only by title and surname
    // ("Mr Reyes" throughout): each person's first bare surname is flagged.
    for style in ["uk", "nyt"] {
        let t = text("courtesy-mostly");
        let (client, _, found) = check(style, "courtesy-mostly", t).await;
        let d = flagged(t, &found, "courtesy-title", "Marsh");
        mentions(d, "'Mr Reyes'");
        flagged(t, &found, "courtesy-title", "Quint");
        // Someone known only by title and surname lacks one too.
        flagged(t, &found, "courtesy-title", "Ortega");
        // A given name alone is a first name, not a surname without one.
        quiet(t, &found, "Paul said");
        quiet(t, &found, "Mr Reyes said the quay");
        client.shutdown().await;
    }
    // AP uses none: the courtesy title is flagged where the article mostly
    // uses bare surnames, and left alone where it uses one throughout.
    let t = text("courtesy-ap");
    let (client, _, found) = check("ap", "courtesy-ap", t).await;
    let d = flagged(t, &found, "courtesy-title", "Mr Okafor");
    starts(d, "AP style uses no courtesy titles");
    quiet(t, &found, "Adeyemi said");
    client.shutdown().await;
    // In a house that gives courtesy titles, the one "Mr Okafor" among bare
    // surnames still breaks the article's practice, and the message says so
    // without claiming the house uses none.
    for (style, name) in [("uk", "UK"), ("nyt", "NYT")] {
        let (client, _, found) = check(style, "courtesy-ap", t).await;
        let d = flagged(t, &found, "courtesy-title", "Mr Okafor");
        assert_eq!(
            d["message"],
            format!("This article mostly calls people by surname alone ('Adeyemi', line 5), though {name} style gives a courtesy title: 'Mr Okafor' is the odd one out")
        );
        client.shutdown().await;
    }
    let t = text("courtesy-mix");
    let (client, _, found) = check("ap", "courtesy-mix", t).await;
    assert!(found.is_empty(), "{found:?}");
    client.shutdown().await;
}

#[tokio::test]
async fn mr_and_mrs_for_one_surname_beside_each_other_or_a_family_are_two_people() {
    for style in ["ap", "uk"] {
        // "Mr. Osei's accounts after Mrs. Osei announced": one sentence
        // sets two people side by side.
        let t = text("couple-contrast");
        let (client, _, found) = check(style, "couple-contrast", t).await;
        quiet(t, &found, "Mr. Osei");
        client.shutdown().await;
        // "The Oseis": the article speaks of a family.
        let t = text("couple-family");
        let (client, _, found) = check(style, "couple-family", t).await;
        quiet(t, &found, "Mr. Osei");
        client.shutdown().await;
        // The same "Mr. Osei" alone in its sentence, with no family named,
        // is a slip.
        let t = text("couple-contrast")
            .replace("after Mrs. Osei announced", "after the council announced");
        let (client, _, found) = check(style, "couple-slip", &t).await;
        let d = flagged(&t, &found, "courtesy-title", "Mr. Osei");
        ends(d, "the courtesy titles name a man and a woman");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn a_bare_surname_beside_a_consistent_courtesy_title_when_nobody_is_named_in_full() {
    // "Ms Okafor" throughout and "Kessler" bare, neither named in full.
    let t = text("courtesy-unnamed");
    let (client, _, found) = check("uk", "courtesy-unnamed", t).await;
    let d = flagged(t, &found, "courtesy-title", "Kessler");
    assert_eq!(
        d["message"],
        "In UK style later references take a courtesy title, as 'Ms Okafor' does (line 3): 'Kessler' has none"
    );
    assert_eq!(found.len(), 1, "{found:?}");
    client.shutdown().await;
    let (client, _, found) = check("ap", "courtesy-unnamed", t).await;
    quiet(t, &found, "Kessler's");
    client.shutdown().await;
    // "Mr Haskell", a surname two people share, shows the practice too,
    // whoever is meant.
    let t = text("courtesy-family");
    let (client, _, found) = check("uk", "courtesy-family", t).await;
    let d = flagged(t, &found, "courtesy-title", "Adeyemi");
    assert_eq!(
        d["message"],
        "In UK style later references take a courtesy title, as 'Mr Haskell' does (line 3): 'Adeyemi' has none"
    );
    assert_eq!(found.len(), 1, "{found:?}");
    client.shutdown().await;
    let (client, _, found) = check("ap", "courtesy-family", t).await;
    assert!(found.is_empty(), "{found:?}");
    client.shutdown().await;
    // One "Ms. Okafor" among bare surnames shows no house practice.
    let t = text("courtesy-once");
    let (client, _, found) = check("uk", "courtesy-once", t).await;
    assert!(found.is_empty(), "{found:?}");
    client.shutdown().await;
}

#[tokio::test]
async fn a_bare_surname_beside_courtesy_titles_even_for_someone_the_model_is_unsure_of() {
    // "Oskar Halloran", then "Halloran": a person by the article's own
    // evidence, though the model only thinks it likely.
    let t = text("courtesy-likely");
    let (client, _, found) = check("uk", "courtesy-likely", t).await;
    let d = flagged(t, &found, "courtesy-title", "Halloran");
    assert_eq!(
        d["message"],
        "In UK style later references take a courtesy title, as 'Ms Oyelaran' does (line 3): 'Halloran' has none"
    );
    assert_eq!(found.len(), 1, "{found:?}");
    client.shutdown().await;
    // AP uses no courtesy titles: a bare surname is its later reference.
    let (client, _, found) = check("ap", "courtesy-likely", t).await;
    quiet(t, &found, "Halloran was");
    client.shutdown().await;
}

#[tokio::test]
async fn a_dame_whose_surname_is_a_place_word_keeps_the_title() {
    for style in ["ap", "uk"] {
        // "Hall" ends place names, but after "Dame" and a given name it is
        // a person's surname: "Ms Hall" drops her rank.
        let t = text("dame-place-word");
        let (client, _, found) = check(style, "dame-place-word", t).await;
        let d = flagged(t, &found, "courtesy-title", "Ms Hall");
        mentions(d, "keeps the title");
        assert_eq!(found.len(), 1, "{style}: {found:?}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn a_block_quote_or_an_embedded_post_is_not_the_writers_copy() {
    // The mayor's office's post, quoted as a block quote and embedded as a
    // tweet, says "Mr. Okafor" and "Brennan" before Ian Brennan is
    // introduced: someone else's words, as a quotation is.
    let t = text("embedded");
    for style in ["ap", "uk"] {
        let (client, _, found) = check(style, "embedded", t).await;
        assert!(found.is_empty(), "{style}: {found:?}");
        client.shutdown().await;
    }
    // The same words in the writer's own copy are judged.
    let copy = t
        .replace("> Thanks", "Thanks")
        .replace("<tweet author=\"harbourcity\">", "")
        .replace("</tweet>", "");
    let (client, _, found) = check("ap", "embedded-copy", &copy).await;
    let d = flagged(&copy, &found, "courtesy-title", "Mr. Okafor");
    starts(d, "AP style uses no courtesy titles");
    let d = flagged(&copy, &found, "late-introduction", "Brennan");
    starts(d, "'Brennan' comes before Ian Brennan is introduced");
    client.shutdown().await;
}
