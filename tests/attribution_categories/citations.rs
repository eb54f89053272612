//! `unattributed-claim` and `vague-attribution` beside a citation: a
//! sentence that cites a work (author and year, a reference number, a
//! footnote) has its source. The same sentence with no citation, or with a
//! date in brackets, stays flagged.
//! Every sentence is our own.

use super::{claim, md, txt, vague, Case, Quiet};

pub const CASES: &[Case] = &[
    md(
        "citation, author and year",
        "Tidal mills are considered the oldest machines on the coast (Ruiz & Moe, 2004: 12).\n",
        Quiet,
    ),
    md(
        "citation, author and year",
        "Tidal mills are considered the oldest machines on the coast (Lund et al. 2010; Ruiz 2019a).\n",
        Quiet,
    ),
    md(
        "citation, author and year",
        "As Moe (2004) notes, the first mill is said to have stood by the harbour.\n",
        Quiet,
    ),
    md(
        "citation, author and year",
        "Tidal mills are considered the oldest machines on the coast.\n",
        claim("are considered"),
    ),
    // A month or a preposition before the year is a date, not an author.
    md(
        "citation, author and year",
        "Tidal mills are considered the oldest machines on the coast (March 2004).\n",
        claim("are considered"),
    ),
    md(
        "citation, author and year",
        "Tidal mills are considered the oldest machines on the coast (in 2004).\n",
        claim("are considered"),
    ),
    // A reference number, in the sentence or right after its end, as an
    // encyclopaedia puts it; it is not the next sentence's.
    txt(
        "citation, reference number",
        "The first mill is said to have stood by the harbour. [12] The second mill burned in 1880.\n",
        Quiet,
    ),
    md(
        "citation, reference number",
        "The first mill is said to have stood by the harbour [3], [4].\n",
        Quiet,
    ),
    txt(
        "citation, reference number",
        "The second mill burned in 1880. [12] The first mill is said to have stood by the harbour.\n",
        claim("is said to"),
    ),
    md(
        "citation, footnote",
        "The first mill is said to have stood by the harbour.[^mills]\n\n[^mills]: Parish records, 1790.\n",
        Quiet,
    ),
    md(
        "citation, footnote",
        "The first mill is said to have stood by the harbour.¹\n",
        Quiet,
    ),
    // A vague source with its works cited is checkable.
    md(
        "citation, vague source",
        "Some experts say the mill never worked (Ruiz 2019; Moe 2004).\n",
        Quiet,
    ),
    md(
        "citation, vague source",
        "Some experts say the mill never worked.\n",
        vague("Some experts say"),
    ),
];
