//! `orphan-quote` by category: quotations whose speaker stands beside them,
//! quotation styles, and partial quotations. Every sentence is our own.

use super::{md, orphan, txt, Case, Quiet};

pub const CASES: &[Case] = &[
    // The person the neighbouring sentence is about: the last sentence of
    // the paragraph before, or the sentence right after the quotation.
    md(
        "speaker as the subject beside the quotation",
        "Harbour master Ana Ruiz spoke on Monday.\n\nRuiz is upbeat about the pier, in part because she sees it as a draw.\n\n“Not only can the pier pay, it is the best chance we have.”\n",
        Quiet,
    ),
    md(
        "speaker as the subject beside the quotation",
        "Harbour master Ana Ruiz runs the port.\n\n“We lost the vote.” Ruiz left the hall without another word.\n",
        Quiet,
    ),
    // ...not a person who is only the object of the sentence before.
    md(
        "speaker as the subject beside the quotation",
        "Harbour master Ana Ruiz spoke on Monday.\n\nThe pier was sold to Ana Ruiz in May.\n\n“The pier? Not for sale.”\n",
        orphan("“The pier? Not for sale.”"),
    ),
    // The sentence after is the speaker's action, whoever else it names.
    md(
        "speaker as the subject beside the quotation",
        "The pier news.\n\n“The sea is only patience. The problem is how long it will take.” Ana Ruiz photo: Jon Berg.\n\nThe pier opened.\n",
        Quiet,
    ),
    // ...nor when the sentence before names two people.
    md(
        "speaker as the subject beside the quotation",
        "The ferry was late.\n\nHarbour master Ana Ruiz met pilot Jon Lund at the quay.\n\n“The pier? Not for sale.”\n",
        orphan("“The pier? Not for sale.”"),
    ),
    // Stage directions between a speaker's lines do not end the turn.
    md(
        "beats between a speaker's lines",
        "The harbour news.\n\n\"I am calling from the harbour board. How are you today?\" Lund, a retired pilot, said into the phone. \"We are talking with friends like you who -.\"\n\nShe pauses.\n\n\"Well, thank you so much -.\"\n\nPause.\n\n\"Well, you do that! The board will be glad, and so will I.\"\n",
        Quiet,
    ),
    md(
        "beats between a speaker's lines",
        "The harbour news.\n\nThe phones rang all night at the harbour board.\n\nPause.\n\n\"Well, you do that!\"\n",
        orphan("\"Well, you do that!\""),
    ),
    // A tag after a quotation of several sentences, and the speaker going on
    // into the next paragraph.
    md(
        "tag after a quotation of several sentences",
        "The harbour news.\n\n“The board has met Ruiz twice this month about the pier. Ruiz asked for the meeting, which took place this morning,” the statement read.\n\n“The results of the meeting will be made known on Friday.”\n",
        Quiet,
    ),
    // Two apostrophes typed for a double mark.
    md(
        "doubled apostrophes",
        "The harbour news.\n\n''Can we win the vote?'' Ms. Ruiz asked. ''I do not know. But we can make them work for it.''\n",
        Quiet,
    ),
    md(
        "doubled apostrophes",
        "The harbour news.\n\nThe tide was against the crew. ''Give us a day.''\n",
        orphan("''Give us a day.''"),
    ),
    // A crosshead repeating words quoted in the body, with an article added.
    md(
        "crosshead repeating a quoted line",
        "Ana Ruiz ran the port for ten years.\n\n'A harbour builder.'\n\nRuiz calls herself a \"harbour builder\" who \"saved the port.\"\n",
        Quiet,
    ),
    // A name written in camel case is a name.
    md(
        "camel-case name",
        "seaDesk is a site which aims to \"build the largest guide to harbours in the world.\"\n\nThe site grew in May.\n",
        Quiet,
    ),
    // A partial quotation opening in lower case, however long: scare
    // quotes, at information severity, unless someone is named before it
    // in its paragraph.
    md(
        "long partial quotation",
        "The pier shut. Its future is \"a matter for the largest yacht owners to settle.\"\n",
        orphan("\"a matter for the largest yacht owners to settle.\""),
    ),
    md(
        "long partial quotation",
        "Ana Ruiz's harbour plan includes free berths. The plan would be paid for by \"closing loopholes and perks for the largest yacht owners.\"\n",
        Quiet,
    ),
    // Slogans credited in brackets closing the paragraph, and a quoted
    // slogan as a sentence's subject.
    md(
        "credited slogans",
        "The posters changed every year.\n\n“Sell the pier? Never” (2005) — “Harbour for all? Yes.” (2007). (Digby Harbour Trust.)\n",
        Quiet,
    ),
    md(
        "slogan as a subject",
        "The harbour plan came out on Monday.\n\n'Sail or sell' could make the trawler owners think again.\n",
        Quiet,
    ),
    // A group introducing words after a colon.
    md(
        "group introducing a quotation",
        "The harbour news.\n\nThere is a threat many people make every winter but few keep: “If the ferry stops, I am moving to the mainland!”\n",
        Quiet,
    ),
    md(
        "group introducing a quotation",
        "The harbour news.\n\nThe ice comes in winter, and the mood turns: “If the ferry stops, I am moving to the mainland!”\n",
        orphan("“If the ferry stops, I am moving to the mainland!”"),
    ),
    // A paragraph whose last sentence points forward introduces the next.
    md(
        "paragraph pointing forward",
        "The harbour news.\n\nHere is the full statement.\n\n\"The pier will close on Friday.\"\n",
        Quiet,
    ),
    md(
        "paragraph pointing forward",
        "The harbour news.\n\nThis is my job, literally. It goes like this.\n\n\"When the tide turns, we turn with it.\"\n",
        Quiet,
    ),
    md(
        "paragraph pointing forward",
        "The harbour news.\n\nThe tide turned at noon.\n\n\"The pier will close on Friday.\"\n",
        orphan("\"The pier will close on Friday.\""),
    ),
    // A headline "Name: ‘…’" says who speaks in the quotation opening the story.
    txt(
        "headline naming the speaker",
        "Ana Ruiz: ‘I am tired of waiting for the council’\n\n\"The council has had ten years. It has done nothing with them. I am going to run for mayor myself.\"\n\nRuiz, 44, runs the fish market.\n",
        Quiet,
    ),
    txt(
        "headline naming the speaker",
        "Ana Ruiz: ‘I am tired of waiting for the council.’\n\n\"The council has had ten years. It has done nothing with them.\"\n\nRuiz, 44, runs the fish market.\n",
        Quiet,
    ),
    txt(
        "headline naming the speaker",
        "Harbour in turmoil as vote nears\n\n\"The council has had ten years. It has done nothing with them. I am going to run for mayor myself.\"\n\nThe vote is on Friday.\n",
        orphan("\"The council has had ten years. It has done nothing with them. I am going to run for mayor myself.\""),
    ),
];
