//! The article's structure by category: a wire dateline is no source for the
//! claims after it, and a headline, known by the document's shape, is
//! checked as a headline. Every sentence is our own.

use super::{claim, md, txt, vague, Case, Quiet};

pub const CASES: &[Case] = &[
    // Structure: a wire dateline is the byline, not a source.
    md(
        "dateline",
        "# Mayor under pressure\n\nHALIFAX (AP) — The mayor is expected to resign on Friday.\n",
        claim("is expected to"),
    ),
    md(
        "dateline",
        "# Mayor under pressure\n\nHALIFAX, March 3 (Reuters) - The mayor is expected to resign on Friday.\n",
        claim("is expected to"),
    ),
    md(
        "dateline",
        "# Mayor under pressure\n\nHalifax (AFP) – The mayor is expected to resign on Friday.\n",
        claim("is expected to"),
    ),
    md(
        "dateline",
        "# Mayor under pressure\n\nMarch 3 (Reuters) - The mayor is expected to resign on Friday.\n",
        claim("is expected to"),
    ),
    md(
        "dateline",
        "# Mayor under pressure\n\nThe mayor is expected to resign on Friday, AP reported.\n",
        Quiet,
    ),
    // Structure: headlines are known by the document's shape.
    txt(
        "headline",
        "Critics say the plan will fail.\n",
        vague("Critics say"),
    ),
    txt(
        "headline",
        "Mayor is expected to resign.\n\nThe council meets on Monday to choose who will run the city until the vote.\n",
        claim("is expected to"),
    ),
    txt(
        "headline",
        "Mayor expected to resign\n\nThe council meets on Monday to choose who will run the city until the vote.\n",
        Quiet,
    ),
    md(
        "headline",
        "# Critics say the mayor will resign\n\nThe council meets on Monday to choose who will run the city.\n",
        Quiet,
    ),
    md(
        "headline",
        "The harbour opened in May after ten years of planning and two court cases.\n\nWhat critics say\n\nThe harbour fee doubled in June, and ferry operators moved their boats to Digby.\n",
        Quiet,
    ),
];
