use super::*;
use crate::config::Settings;
use crate::document::Language;

fn flagged(text: &str) -> Vec<(&str, Severity)> {
    let prose = crate::prose::parse(text, Language::Markdown, &mut Default::default());
    let settings = Settings::default();
    let actors = crate::actors::recognise(&prose, &settings, &mut Default::default());
    let ctx = Context::new(text, &prose, &actors, &settings);
    let mut out = Vec::new();
    OrphanQuote.check(&ctx, &mut out);
    out.iter().map(|f| (f.span.of(text), f.severity)).collect()
}

#[test]
fn a_quotation_with_no_speaker_nearby() {
    assert_eq!(
        flagged(
            "The ship docked.\n\nThe crew left.\n\n\"This is a turning point for the region.\"\n"
        ),
        vec![(
            "\"This is a turning point for the region.\"",
            Severity::Warning
        )]
    );
}

#[test]
fn speakers_in_the_sentence_paragraph_or_paragraph_before() {
    for text in [
        "Lepp arrived.\n\n\"We are ready,\" she said.\n",
        "Lepp spoke after the talks.\n\n\"We are ready.\" That was all.\n\nShe left.\n",
        "Lepp said the talks went well. \"We are ready.\"\n",
        "Lepp told reporters in Tallinn:\n\n\"We are ready.\"\n",
        "As Ana Ruiz, a port economist, put it: \"The port will never pay.\"\n",
        "\"We are ready,\" ― Ana Ruiz\n",
        "\"RUIZ: We are ready. HALEY: So are we.\"\n",
    ] {
        assert_eq!(flagged(text), vec![], "{text}");
    }
}

#[test]
fn a_multi_paragraph_quotation_is_attributed_by_its_first_paragraph() {
    let text = "The ship docked.\n\nLepp said: \"We are ready to patrol.\n\n\"We will sail in May.\n\n\"And we will not stop.\"\n";
    assert_eq!(flagged(text), vec![]);
    let orphan = "The ship docked.\n\nThe crew left.\n\n\"We are ready to patrol.\n\n\"We will sail in May.\"\n";
    assert_eq!(flagged(orphan).len(), 1);
}

#[test]
fn a_pronoun_needs_someone_to_refer_back_to() {
    assert_eq!(
        flagged("# The talks\n\n\"We are ready,\" he said.\n"),
        vec![("\"We are ready,\"", Severity::Warning)]
    );
    assert_eq!(
        flagged("# Lepp in Tallinn\n\n\"We are ready,\" she said.\n"),
        vec![]
    );
    assert_eq!(
        flagged("The minister arrived.\n\n\"We are ready,\" she said.\n"),
        vec![]
    );
    // "it" may be the Kremlin; "she" may not.
    assert_eq!(
        flagged("# Kremlin rejects talks\n\n\"We are ready,\" it said.\n"),
        vec![]
    );
    assert_eq!(
        flagged("# Kremlin rejects talks\n\n\"We are ready,\" she said.\n"),
        vec![("\"We are ready,\"", Severity::Warning)]
    );
    // A person the actor model knows from the headline.
    assert_eq!(
        flagged("# Chinese Foreign Minister Wang Yi arrives\n\n\"We are ready,\" he said.\n"),
        vec![]
    );
}

#[test]
fn a_speaker_tagged_earlier_goes_on_speaking() {
    let tagged = "The talks ended.\n\n\"We will be back,\" Lepp shot back. \"Count on it.\"\n";
    assert_eq!(flagged(tagged), vec![]);
    let before = "\"We will be back,\" Lepp shot back.\n\n\"Count on it.\"\n";
    assert_eq!(flagged(before), vec![]);
    // A tag after the orphan does not reach back to it.
    let after = "The talks ended.\n\n\"Count on it.\" Then: \"We will be back,\" Lepp shot back.\n";
    assert_eq!(
        flagged(after),
        vec![("\"Count on it.\"", Severity::Warning)]
    );
}

#[test]
fn a_speech_tag_inside_mistyped_marks() {
    for text in [
        "The talks ended.\n\n“It is over,“ said Kadri Lepp. “We lost.”\n",
        "The talks ended.\n\n\"It is over and we lost, said Lepp.\n",
    ] {
        assert_eq!(flagged(text), vec![], "{text}");
    }
    // A comma inside the marks with no reporting verb after it.
    assert_eq!(
        flagged("The talks ended.\n\n\"It is over, and we lost.\"\n").len(),
        1
    );
}

#[test]
fn a_credit_in_brackets_names_whose_words() {
    assert_eq!(
        flagged("The talks ended.\n\n\"It is over and we lost.\" [Tallinn Post]\n"),
        vec![]
    );
    assert_eq!(
        flagged("The talks ended.\n\n\"It is over and we lost.\" (page 4)\n").len(),
        1
    );
}

#[test]
fn a_naming_word_before_an_article_or_a_cross_reference() {
    for text in [
        "The reflex was named the \"fight or flight\" response long ago.\n",
        "For more, see \"Harbour dues and the sail trade.\"\n",
    ] {
        assert_eq!(flagged(text), vec![], "{text}");
    }
    // "as a" introduces a characterisation, not a name.
    assert_eq!(
        flagged("The quay stood as a \"disgrace to the town\" for years.\n"),
        vec![("\"disgrace to the town\"", Severity::Information)]
    );
}

#[test]
fn scare_quotes_need_a_source_in_their_sentence() {
    assert_eq!(
        flagged("The port deal was \"a turning point\" for the region.\n"),
        vec![("\"a turning point\"", Severity::Information)]
    );
    for text in [
        "The deal was \"a turning point\", Lepp said.\n",
        "Lepp called it \"a turning point.\" Others saw no \"turning point\" at all.\n",
        "The bill, known as the \"Golden Week\", passed.\n",
        "She hosts \"Harbour Nights With Ana\" on Fridays.\n",
        "The tag read id=\"a4412\" in the feed, and the count was \"4412\".\n",
    ] {
        assert_eq!(flagged(text), vec![], "{text}");
    }
}

#[test]
fn the_sentence_beside_a_quotation_may_name_its_speaker() {
    for text in [
        "Harbour master Ana Ruiz runs the port.\n\nRuiz sees the pier as a draw.\n\n\"It will pay.\"\n",
        "Harbour master Ana Ruiz runs the port.\n\n\"We lost.\" Ruiz left the hall.\n",
        "Harbour master Ana Ruiz runs the port.\n\nShe sat down. \"We lost.\"\n",
    ] {
        assert_eq!(flagged(text), vec![], "{text}");
    }
    for text in [
        "Harbour master Ana Ruiz runs the port.\n\nThe pier was sold to Ana Ruiz.\n\n\"It will pay.\"\n",
        "The pier shut.\n\nThe tide turned. \"It will pay.\"\n",
    ] {
        assert_eq!(flagged(text).len(), 1, "{text}");
    }
}

#[test]
fn long_partial_quotations_are_scare_quotes() {
    assert_eq!(
        flagged("The pier shut. Its future is \"a matter for the yacht owners to settle.\"\n"),
        vec![(
            "\"a matter for the yacht owners to settle.\"",
            Severity::Information
        )]
    );
    assert_eq!(
        flagged(
            "Ana Ruiz has a plan. It is paid for by \"closing loopholes for the yacht owners.\"\n"
        ),
        vec![]
    );
}
