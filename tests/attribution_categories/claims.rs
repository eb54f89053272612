//! `unattributed-claim` and `vague-attribution` by category: words that
//! look like a claim cue or a vague source but state a norm, a part in a
//! play, something coming about, or a belief with no proposition. Every
//! sentence is our own.

use super::{claim, md, vague, Case, Quiet};

pub const CASES: &[Case] = &[
    // An obligation on the writer or the reader, or a custom, is a norm:
    // no one's forecast.
    md(
        "norm, not forecast",
        "The island has one rule for visitors. As a visitor, you are not expected to speak the dialect.\n",
        Quiet,
    ),
    md(
        "norm, not forecast",
        "The pier is falling down. So we're expected to pay for it again.\n",
        Quiet,
    ),
    md(
        "norm, not forecast",
        "Islanders are customarily expected to help at the harvest.\n",
        Quiet,
    ),
    md(
        "norm, not forecast",
        "The harbour master is expected to resign on Friday.\n",
        claim("is expected to"),
    ),
    md(
        "norm, not forecast",
        "Ferry fares are generally expected to rise in the spring.\n",
        claim("are generally expected to"),
    ),
    // "appear" for coming about, before a reason or a time.
    md(
        "appear for coming about",
        "Damp may appear because the harbour wall is porous.\n",
        Quiet,
    ),
    md(
        "appear for coming about",
        "The harbour wall appears porous.\n",
        claim("appears porous"),
    ),
    // "cast as" a named part is casting, not characterising.
    md(
        "cast in a named part",
        "In 2001, the pilot was cast as Harbour Master Lund in the television series.\n",
        Quiet,
    ),
    md(
        "cast in a named part",
        "In the row over the pier, the pilot was cast as a villain.\n",
        claim("was cast as"),
    ),
    // The writer's verdict or wish is not praise someone gave.
    md(
        "verdict or wish",
        "The storm ended at dawn. The harbour crews should be applauded for their work.\n",
        Quiet,
    ),
    md(
        "verdict or wish",
        "The storm ended at dawn. The harbour crews were widely applauded for their work.\n",
        claim("were widely applauded"),
    ),
    // An imperative forecast is the writer's: in news, flagged; in a text
    // told in person, advice to the reader.
    md(
        "imperative in a text told in person",
        "If you visit the island, bring a coat. You will find the hotels small. Do not expect the latest rental cars, though. You can hire a bike.\n",
        Quiet,
    ),
    md(
        "imperative in a text told in person",
        "The council meets on Monday. Do not expect the toll to fall.\n",
        claim("Do not expect"),
    ),
    // A group's belief in something, or a question about what a group
    // thinks, attributes no claim.
    md(
        "belief with no proposition",
        "The course looks at how people think.\n",
        Quiet,
    ),
    md(
        "belief with no proposition",
        "The pier is old. And yet people believe in the harbour.\n",
        Quiet,
    ),
    md(
        "belief with no proposition",
        "Critics believe the pier will fail.\n",
        vague("Critics believe"),
    ),
    // Concerns, complaints and talk that merely exist ("there are fears
    // that"), with no one who holds them; not where the holders are named
    // ("among the growers"), existence is denied, or "there" is a place.
    md(
        "concerns that merely exist",
        "There are fears the new bridge will close the channel to fishing boats.\n",
        claim("fears"),
    ),
    md(
        "concerns that merely exist",
        "There were numerous complaints that the ferry ran late all summer.\n",
        claim("complaints"),
    ),
    md(
        "concerns that merely exist",
        "There have been questions about how the harbour fund was spent.\n",
        claim("questions"),
    ),
    md(
        "concerns that merely exist",
        "Despite complaints that the tolls are too high, the council kept them.\n",
        claim("complaints"),
    ),
    md(
        "concerns that merely exist",
        "There are fears among the growers that the frost will return.\n",
        Quiet,
    ),
    md(
        "concerns that merely exist",
        "Among the growers, there is talk of a frost in May.\n",
        Quiet,
    ),
    md(
        "concerns that merely exist",
        "There were no complaints about the new timetable.\n",
        Quiet,
    ),
    md(
        "concerns that merely exist",
        "There are two distinct claims in the report: that the pier is unsafe, and that it is too small.\n",
        Quiet,
    ),
    md(
        "there as a place, not existence",
        "The pier workers arrived in April. Workers there have doubts about the new cranes.\n",
        Quiet,
    ),
    // Criticism endured or received is faced like any other.
    md(
        "criticism faced",
        "The mayor has endured relentless questions about the pier.\n",
        claim("endured relentless questions"),
    ),
    md(
        "criticism faced",
        "The ferry company is receiving criticism for the new fares.\n",
        claim("receiving criticism"),
    ),
    md(
        "criticism faced",
        "The ferry company is receiving criticism from the harbour board for the new fares.\n",
        Quiet,
    ),
    // A source covers the claims it governs: a speaker in a clause joined on
    // with "and" or "but", whose own content follows, does not source the
    // claim before it; a tag, or "said so", does.
    md(
        "a source governs its own clause",
        "The mayor is expected to resign, and aides say she will run again.\n",
        claim("is expected to"),
    ),
    md(
        "a source governs its own clause",
        "The pier is expected to reopen in May, but engineers believe the crane will need repairs.\n",
        claim("is expected to"),
    ),
    md(
        "a source governs its own clause",
        "The harbour master seemed taken aback and mentioned that the ferry was late.\n",
        claim("seemed taken"),
    ),
    md(
        "a source governs its own clause",
        "The new timetable seemed rushed, the harbour master said.\n",
        Quiet,
    ),
    md(
        "a source governs its own clause",
        "The fund raised $2 million of the $3 million it pledged to spend on the fair, which is expected to draw 5,000 visitors.\n",
        claim("is expected to"),
    ),
    md(
        "a source governs its own clause",
        "The mayor is expected to resign, and her deputy vowed to fight on.\n",
        claim("is expected to"),
    ),
    md(
        "a source governs its own clause",
        "The pier is expected to reopen in May, the board promised.\n",
        Quiet,
    ),
    md(
        "a verb of saying for an act",
        "The port board, which is seen as close to the mayor, responded by abruptly closing the gate.\n",
        claim("is seen as"),
    ),
    md(
        "a verb of saying for an act",
        "The pier is expected to reopen in May, the board responded.\n",
        Quiet,
    ),
    md(
        "a hedged verb of saying has its subject for source",
        "The harbour master appeared to concede that the pier was unsafe.\n",
        Quiet,
    ),
    md(
        "a hedged verb of saying has its subject for source",
        "Asked about the toll, the mayor seemed to suggest a delay.\n",
        Quiet,
    ),
    md(
        "a hedged verb of saying has its subject for source",
        "The harbour master appeared to be tired of the questions.\n",
        claim("appeared to"),
    ),
    md(
        "a hedged verb of saying has its subject for source",
        "The new toll seems to favour the ferry firm.\n",
        claim("seems to"),
    ),
    md(
        "a source governs its own clause",
        "The mayor is expected to resign, aides say.\n",
        Quiet,
    ),
    md(
        "a source governs its own clause",
        "The mayor is expected to resign, and aides said so on Tuesday.\n",
        Quiet,
    ),
];
