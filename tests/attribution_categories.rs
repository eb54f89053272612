//! The attribution family by category, end to end over JSON-RPC: for every
//! category of issue 12, copy that must be flagged and copy that must stay
//! quiet. Every sentence here is our own writing.

#[path = "attribution_categories/citations.rs"]
mod citations;
#[path = "attribution_categories/claims.rs"]
mod claims;
mod common;
#[path = "attribution_categories/quotes.rs"]
mod quotes;
#[path = "attribution_categories/structure.rs"]
mod structure;

use common::{covered, uri, TestClient};

const FAMILY: [&str; 3] = ["unattributed-claim", "vague-attribution", "orphan-quote"];

/// What a case expects: a finding of `code` covering `covers`, or no finding
/// of the attribution family at all.
enum Expect {
    Flagged {
        code: &'static str,
        covers: &'static str,
    },
    Quiet,
}

use Expect::{Flagged, Quiet};

struct Case {
    category: &'static str,
    language: &'static str,
    text: &'static str,
    expect: Expect,
}

const fn md(category: &'static str, text: &'static str, expect: Expect) -> Case {
    Case {
        category,
        language: "markdown",
        text,
        expect,
    }
}

const fn txt(category: &'static str, text: &'static str, expect: Expect) -> Case {
    Case {
        category,
        language: "plaintext",
        text,
        expect,
    }
}

const fn claim(covers: &'static str) -> Expect {
    Flagged {
        code: "unattributed-claim",
        covers,
    }
}

const fn vague(covers: &'static str) -> Expect {
    Flagged {
        code: "vague-attribution",
        covers,
    }
}

const fn orphan(covers: &'static str) -> Expect {
    Flagged {
        code: "orphan-quote",
        covers,
    }
}

const CASES: &[Case] = &[
    // Vague sources: a name among the words that describe an unnamed source
    // says whose source it is; a field alone does not.
    md(
        "unnamed source with an affiliation",
        "The ferry will stop in May, a Digby council source said.\n",
        Quiet,
    ),
    md(
        "unnamed source with an affiliation",
        "The ferry will stop in May, one harbour source said.\n",
        vague("source said"),
    ),
    // An impression with the one it struck, fronted: "To the harbour
    // master, …".
    md(
        "impression with its holder fronted",
        "To the harbour master, the new timetable seemed rushed.\n",
        Quiet,
    ),
    md(
        "impression with its holder fronted",
        "To be sure, the new timetable seemed rushed.\n",
        claim("seemed rushed"),
    ),
    // A group described after its verb, or the object of a participle.
    md(
        "described after the verb",
        "Two harbour officials confirmed the sale. Others spoke on condition of anonymity.\n",
        Quiet,
    ),
    md(
        "group as an object",
        "The vote was causing some worry at the harbour board.\n",
        Quiet,
    ),
    // A reporting verb inside the hearsay is what is said, not who says it.
    md(
        "hearsay with a reporting verb inside",
        "The mayor is said to be urging the board to sell the pier.\n",
        claim("is said to"),
    ),
    md(
        "hearsay with a reporting verb inside",
        "The mayor is said to be urging the board to sell the pier, the council's clerk said.\n",
        Quiet,
    ),
    md(
        "joined to a named source",
        "The Ruiz campaign and some port experts say the pier is unsafe.\n",
        Quiet,
    ),
    // A source covers the claims it governs: a group "demanding" something
    // does not source the "reportedly" before it.
    md(
        "a source governs its own clause",
        "The ferry company has reportedly drawn fire from a group demanding a boycott.\n",
        claim("reportedly"),
    ),
    // A label ("what some call") and a benchmark ("than most insiders
    // expected") are not sources.
    md(
        "label, not a source",
        "The council wants to close what some call the ferry loophole.\n",
        Quiet,
    ),
    md(
        "benchmark, not a source",
        "Turnout was higher than most party insiders expected.\n",
        Quiet,
    ),
    // A quotation nobody said, for contrast with the quiet cases below.
    md(
        "orphan quotation",
        "The ferry docked at noon.\n\nThe crew went ashore.\n\n\"This is the last crossing of the year.\"\n",
        orphan("\"This is the last crossing of the year.\""),
    ),
    // Orphan quotes that are not orphans: inverted speech, read generally.
    md(
        "inverted speech",
        "The hearing ran late.\n\n\"Sit down,\" ordered Judge Lena Marsh.\n",
        Quiet,
    ),
    md(
        "inverted speech",
        "The hearing ran late.\n\n\"Never!\" the gallery shouted back.\n",
        Quiet,
    ),
    md(
        "colon quotation",
        "The ferry docked at noon.\n\nAs the audit puts it: \"The harbour has no plan for the winter.\"\n",
        Quiet,
    ),
    md(
        "colon quotation",
        "The ferry docked at noon.\n\nAt the foot of the letter it reads, \"We will not sell the harbour to anyone.\"\n",
        Quiet,
    ),
    md(
        "scare quotes after a spokeswoman",
        "A spokeswoman for the port said the closure was temporary. The repairs were \"routine maintenance work\" for the crews.\n",
        Quiet,
    ),
    md(
        "scare quotes",
        "The ferry docked at noon.\n\nThe repairs were \"routine maintenance work\" for the crews.\n",
        orphan("\"routine maintenance work\""),
    ),
    md(
        "subhead repeating a quotation",
        "The harbour board met on Monday.\n\n\"We cannot keep the port open in winter\"\n\nThe board's chair, Ana Ruiz, said the ice had cost the port two months of trade. \"We cannot keep the port open in winter without an icebreaker,\" she said.\n",
        Quiet,
    ),
    md(
        "colon before the paragraph",
        "The ferry docked at noon.\n\nThe harbour board issued a statement on Monday:\n\n\"The port will stay open through the winter.\"\n",
        Quiet,
    ),
    md(
        "run of quoted paragraphs",
        "Ana Ruiz, the harbour master, said the port had a plan.\n\n\"We will stay open.\"\n\n\"The ice is thinner this year.\"\n\n\"We have two tugs ready.\"\n",
        Quiet,
    ),
    md(
        "run of quoted paragraphs",
        "The ferry docked at noon.\n\n\"We will stay open.\"\n\n\"The ice is thinner this year.\"\n",
        orphan("\"We will stay open.\""),
    ),
    md(
        "one or two quoted words",
        "The ferry docked at noon.\n\nThe closure will have a \"minimal\" effect on the \"winter timetable\".\n",
        Quiet,
    ),
    // Schedules, positions, records and settled figures are not claims.
    md(
        "schedule",
        "The ferry is set to berth on Sunday, and the ward is slated to merge with its neighbour in May.\n",
        Quiet,
    ),
    md(
        "hedged reading",
        "Talks are likely to resume next week.\n",
        Quiet,
    ),
    md(
        "prediction",
        "The deputy harbour master is tipped to succeed her.\n",
        claim("is tipped to"),
    ),
    md(
        "record",
        "The van was reported missing on Tuesday. No survivors have been confirmed. The price was not disclosed.\n",
        Quiet,
    ),
    md(
        "record",
        "The sale of the pier was announced on Monday.\n",
        claim("was announced"),
    ),
    md(
        "speaker in the sentence before",
        "A man was seen running from the pier, said Sgt. Ana Ruiz of the county police. The man is described as wearing a grey coat.\n",
        Quiet,
    ),
    md(
        "speaker in the sentence before",
        "The ferry docked at noon. The man is described as wearing a grey coat.\n",
        claim("is described as"),
    ),
    md(
        "speaker in the sentence before",
        "A man was seen running from the pier, said Sgt. Ana Ruiz of the county police.\n\nThe man is described as wearing a grey coat.\n",
        claim("is described as"),
    ),
    md(
        "criticism with its critic",
        "The toll drew criticism even from within the harbour board. The mayor avoided direct criticism of the toll.\n",
        Quiet,
    ),
    md(
        "criticism with its critic",
        "The toll drew sharp criticism.\n",
        claim("drew sharp criticism"),
    ),
    md(
        "appear as a linking verb",
        "The harbour board appeared ready to sell the pier.\n",
        claim("appeared ready"),
    ),
    md(
        "appear as a linking verb",
        "The harbour master appeared in court on Monday. She tried to appear calm.\n",
        Quiet,
    ),
    md(
        "settled figure",
        "The 1998 floods killed more than 40 people in the valley.\n",
        Quiet,
    ),
    md(
        "settled figure",
        "The floods killed more than 40 people in the valley.\n",
        claim("more than 40"),
    ),
    md(
        "legal term",
        "The ship turned back.\n\n\"Refoulement\" (forcible return) is forbidden by the convention.\n",
        Quiet,
    ),
    md(
        "Q&A",
        "The interview has been edited for length.\n\nQ: \"Will the port close in winter?\"\n\nA: \"Only if the ice comes early.\"\n",
        Quiet,
    ),
    md(
        "Q&A",
        "The council met on Monday.\n\n\"Will the port close in winter?\"\n\n\"Only if the ice comes early.\"\n",
        Quiet,
    ),
    md(
        "Q&A",
        "The interview ran for an hour.\n\n\"Will the port close in winter?\"\n\nA calm Ana Ruiz said the ice would decide.\n",
        Quiet,
    ),
    md(
        "Q&A",
        "The interview ran for an hour.\n\n\"Will the port close in winter?\"\n\nThe ice came early that year.\n",
        orphan("\"Will the port close in winter?\""),
    ),
    // A source covers the claims it governs: a statement that a claim is
    // about is not its source.
    md(
        "statement the claim is about",
        "The new timetable appears to contradict the harbour master's statement from May.\n",
        claim("appears to"),
    ),
    md(
        "statement the claim is about",
        "The harbour master said the new timetable appears to be wrong.\n",
        Quiet,
    ),
    md(
        "statement the claim is about",
        "One of the central claims of the mayor's speech does not hold up.\n",
        Quiet,
    ),
    md(
        "statement as an occasion",
        "The mayor is expected to win the vote and, as custom demands, will thank the council during her victory speech.\n",
        claim("is expected to"),
    ),
    md(
        "statement as an occasion",
        "The mayor is expected to win the vote, her deputy said during a briefing.\n",
        Quiet,
    ),
    md(
        "speech verb that reports nothing",
        "The board appears to ignore what adds up to a majority of the fees.\n",
        claim("appears to"),
    ),
    md(
        "speaker who reports something else",
        "The ferry seems to be late; the captain told the harbour office that the tide had turned.\n",
        claim("seems to"),
    ),
    md(
        "speaker who reports something else",
        "The ferry seems to be late, the captain told the harbour office.\n",
        Quiet,
    ),
    // An interview's answer is the words of the one asked.
    md(
        "interview answer",
        "How did the harbour cope with the storm?\n\nThe sea wall is expected to need repairs before winter.\n",
        Quiet,
    ),
    md(
        "interview answer",
        "The harbour master spoke at the quay. \"How did we cope with the storm?\"\n\nThe sea wall is expected to need repairs before winter.\n",
        claim("is expected to"),
    ),
    // A speaker tagged on an earlier quotation goes on speaking, whatever
    // the tag's verb.
    md(
        "speaker tagged on an earlier quotation",
        "The ferry docked late.\n\n\"The tide was against us,\" the captain shot back. \"Give us a day.\"\n",
        Quiet,
    ),
    md(
        "speaker tagged on an earlier quotation",
        "The ferry docked late.\n\nThe tide was against the crew. \"Give us a day.\"\n",
        orphan("\"Give us a day.\""),
    ),
    // Marks typed wrong: the speech tag sits inside them.
    md(
        "speech tag inside mis-typed marks",
        "The ferry docked late.\n\n“The tide turned,“ said Ana Ruiz, the harbour master. “We waited two hours.”\n",
        Quiet,
    ),
    md(
        "speech tag inside mis-typed marks",
        "The ferry docked late.\n\n“The tide turned, and we waited two hours.”\n",
        orphan("“The tide turned, and we waited two hours.”"),
    ),
    // A digest credits its quotations in brackets.
    md(
        "bracketed credit",
        "The week at the harbour.\n\n“The fare will double from May for cars and vans.” [Digby Courier]\n",
        Quiet,
    ),
    md(
        "bracketed credit",
        "The week at the harbour.\n\n“The fare will double from May for cars and vans.” (2019)\n",
        orphan("“The fare will double from May for cars and vans.”"),
    ),
    // A term named or a work cross-referenced is no one's words.
    md(
        "named term",
        "The reflex was named the “fight or flight” response in 1915. It kept our ancestors alive.\n",
        Quiet,
    ),
    md(
        "named term",
        "For the history of the quay, see \"Harbour dues and the sail trade.\"\n",
        Quiet,
    ),
    md(
        "named term",
        "The quay stood for years as a “total disgrace to the town” before the repairs.\n",
        orphan("“total disgrace to the town”"),
    ),
    // The source is there: an agent after a passive, near or far.
    md(
        "passive agent",
        "The pier was confirmed as the site of the spill by the deputy minister.\n",
        Quiet,
    ),
    md(
        "passive agent",
        "The closure has been called \"a disaster\" by the harbour authority.\n",
        Quiet,
    ),
    md(
        "passive agent",
        "The closure has been called \"a disaster.\"\n",
        claim("has been called"),
    ),
    md(
        "passive agent",
        "The bridge was judged a danger to traffic by the county's engineers.\n",
        Quiet,
    ),
    md(
        "passive agent",
        "The bridge was judged a danger to traffic.\n",
        claim("was judged"),
    ),
    md(
        "passive agent",
        "The tribunal is expected to rule on a case brought by the fishermen.\n",
        claim("is expected to"),
    ),
    md(
        "body of law",
        "The strip is considered an occupied zone under the 1949 convention.\n",
        Quiet,
    ),
    md(
        "body of law",
        "The strip is considered an occupied zone.\n",
        claim("is considered"),
    ),
    // The source is there: the claim is the content of someone's statement.
    md(
        "governed content",
        "Ana Ruiz, who chairs the harbour board, charged that the fee appeared to favour the ferry company.\n",
        Quiet,
    ),
    md(
        "governed content",
        "The fee appeared to favour the ferry company.\n",
        claim("appeared to"),
    ),
    // Vague groups: named with others, or a benchmark, are not vague sources.
    md(
        "vague group",
        "Ana Ruiz and other port economists say the fee is too high.\n",
        Quiet,
    ),
    md(
        "vague group",
        "Turnout at the harbour vote was higher than analysts expected.\n",
        Quiet,
    ),
    md(
        "vague group",
        "Analysts expected a higher turnout at the harbour vote.\n",
        vague("Analysts expected"),
    ),
    // Impersonal phrases, spelt out or contracted, straight or curly.
    md(
        "impersonal phrase",
        "It’s believed the pier was built in a hurry.\n",
        vague("It’s believed"),
    ),
    md(
        "impersonal phrase",
        "It's been said the ferry never made money.\n",
        vague("It's been said"),
    ),
    md(
        "impersonal phrase",
        "The harbour master said it’s believed the pier was built in a hurry.\n",
        Quiet,
    ),
    md(
        "impersonal phrase",
        "It’s been a hard winter for the ferry crews.\n",
        Quiet,
    ),
    // A figure with decimals ends its sentence: the source of the sentence
    // before does not cover the next one.
    md(
        "sentence after a figure",
        "Harbour staff said the average fee was $41.25. The mayor appears to favour a rise.\n",
        claim("appears to"),
    ),
    md(
        "sentence after a figure",
        "Harbour staff said the average fee was $41.25 and the mayor appears to favour a rise.\n",
        Quiet,
    ),
    // A source covers the claims it governs: a wish in an earlier clause
    // governs its own infinitive, not the claim in the next clause.
    md(
        "source governs its own clause",
        "The council wants to cut the toll, and the new pier is expected to open in May.\n",
        claim("is expected to"),
    ),
    md(
        "source governs its own clause",
        "The council said the toll would fall, and the new pier is expected to open in May.\n",
        Quiet,
    ),
    md(
        "source governs its own clause",
        "In the county, 60 pledged delegates were at stake, and the mayor was expected to win most of them.\n",
        claim("was expected to"),
    ),
    md(
        "source governs its own clause",
        "Of the delegates polled, 60 reported that the mayor was expected to win.\n",
        Quiet,
    ),
    // Characterisations with no holder.
    md(
        "characterisation",
        "The harbour master is known for his temper.\n",
        claim("is known for"),
    ),
    md(
        "characterisation",
        "The strait is also known as the Narrows. It has been known for years that the pier leans.\n",
        Quiet,
    ),
    // Naming a term is a definition, not a reputation.
    md(
        "naming",
        "The reflex that makes a startled crab freeze is called the \"stone still\" response.\n",
        Quiet,
    ),
    md(
        "naming",
        "On the old charts these moorings were called \"swings\", and they later came to be known as swing berths.\n",
        Quiet,
    ),
    md(
        "naming",
        "The harbour master has been called the \"Admiral of the Pier\".\n",
        claim("has been called"),
    ),
    md(
        "naming",
        "The ferry captain was called a \"coward\" after the crossing.\n",
        claim("was called"),
    ),
    md(
        "naming",
        "The ferry captain was called \"a coward\" after the crossing.\n",
        claim("was called"),
    ),
    md(
        "naming",
        "The skipper is known as a reformer on the wharf.\n",
        claim("is known as"),
    ),
    // The writer's own impression in a text told in person ("I", "we", "you").
    md(
        "in person",
        "I moved to the island in May, and my neighbours took me in. We fish, we mend nets, and our boat seems to leak less each week.\n",
        Quiet,
    ),
    md(
        "in person",
        "If you take the night ferry, book your cabin early. You will find that it is clear the crossing is calmer after ten.\n",
        Quiet,
    ),
    // ...but not in news copy, nor where only a quoted speaker says "I".
    md(
        "in person",
        "The ferry company raised fares in May. The new timetable seems to favour freight over passengers.\n",
        claim("seems to"),
    ),
    md(
        "in person",
        "\"I think we will sell the boat, and we will miss her,\" the skipper said. The harbour seems to be emptying.\n",
        claim("seems to"),
    ),
    // ...and a characterisation stays a claim even there.
    md(
        "in person",
        "I moved to the island in May, and my neighbours took me in. We fish, and our harbour is considered the safest on the coast.\n",
        claim("is considered"),
    ),
];

#[tokio::test]
async fn every_category_is_flagged_or_quiet_as_it_should_be() {
    let mut client = TestClient::start().await;
    let mut failures = Vec::new();
    for (i, case) in CASES
        .iter()
        .chain(citations::CASES)
        .chain(claims::CASES)
        .chain(quotes::CASES)
        .chain(structure::CASES)
        .enumerate()
    {
        let extension = if case.language == "markdown" {
            "md"
        } else {
            "txt"
        };
        let u = uri(&format!("category-{i}.{extension}"));
        let published = client.open_and_wait(&u, case.language, case.text).await;
        let found: Vec<(String, String)> = published["diagnostics"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|d| {
                let code = d["code"].as_str()?;
                FAMILY
                    .contains(&code)
                    .then(|| (code.to_string(), covered(case.text, d).to_string()))
            })
            .collect();
        let ok = match case.expect {
            Flagged { code, covers } => found.iter().any(|(c, t)| c == code && t == covers),
            Quiet => found.is_empty(),
        };
        if !ok {
            let wanted = match case.expect {
                Flagged { code, covers } => format!("{code} on {covers:?}"),
                Quiet => "nothing".to_string(),
            };
            failures.push(format!(
                "[{}] {:?}\n  wanted {wanted}, got {found:?}",
                case.category, case.text
            ));
        }
        client.close(&u).await;
    }
    client.shutdown().await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
