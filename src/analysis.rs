//! One pass over a document: prose model, actor model, then every rule.
//!
//! An [`Analyzer`] belongs to one document and keeps the per-block memos that
//! let re-analysis after an edit skip the block-local work of unchanged blocks.

use crate::actors::{self, Actors};
use crate::checks::{self, Context, Finding, RuleFailure};
use crate::config::Settings;
use crate::document::Language;
use crate::prose::{self, BlockCache, Prose};

#[derive(Debug)]
pub struct Analysis {
    pub prose: Prose,
    pub actors: Actors,
    pub findings: Vec<Finding>,
    /// Rules that panicked on this document.
    pub failures: Vec<RuleFailure>,
}

#[derive(Debug, Default)]
pub struct Analyzer {
    blocks: BlockCache,
    actors: actors::Memo,
}

impl Analyzer {
    pub fn analyze(&mut self, text: &str, language: Language, settings: &Settings) -> Analysis {
        let prose = prose::parse(text, language, &mut self.blocks);
        let actors = actors::recognise(&prose, settings, &mut self.actors);
        let ctx = Context::new(text, &prose, &actors, settings);
        let (mut findings, failures) = checks::run(&ctx);
        checks::suppression::apply(text, &prose, settings, &mut findings);
        Analysis {
            prose,
            actors,
            findings,
            failures,
        }
    }
}

/// Analyses a text once, with no cache to keep.
pub fn analyze(text: &str, language: Language, settings: &Settings) -> Analysis {
    Analyzer::default().analyze(text, language, settings)
}
