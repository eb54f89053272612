//! Attribution rules: claims with no source, sources too vague to check, and
//! quotations with no speaker.
//!
//! All three read one model of the document's sources and cues (`scan`),
//! built from the word lists in `data/` (`lexicon`). Wire-service practice
//! is the standard: a disputable statement the reporter did not witness says
//! whose it is, in its sentence or in context that makes the source clear.
//! When the words leave it unsure, the rules stay quiet.

mod citations;
mod claims;
mod clauses;
mod judgements;
mod lexicon;
mod newsroom;
mod nouns;
mod per_block;
mod quotes;
mod scan;
mod vague;
mod voice;

pub use claims::UnattributedClaim;
pub use quotes::OrphanQuote;
pub(crate) use scan::ScanMemo;
pub use vague::VagueAttribution;

/// Builds the family's word lists now (see [`crate::analysis::warm_up`]).
pub(crate) fn warm_up() {
    std::sync::LazyLock::force(&lexicon::LEXICON);
}
