//! The sources of an article, as a standards desk counts them: who is quoted
//! or paraphrased (named people and organisations, and speakers described but
//! not named), which sources are too vague to check, and how many claims and
//! quotations have no source at all.
//!
//! Read from an [`Analysis`]: the actor model's statements, the statements
//! whose speaker is described but not named (`unnamed`), and the findings of
//! `vague-attribution`, `unattributed-claim` and `orphan-quote`, so the
//! ledger counts what the editor shows (a passage marked as checked is not
//! counted). The analysis does no I/O; `copydesk ledger` prints this.

mod unnamed;

use crate::actors::{kind_label, Actors};
use crate::analysis::Analysis;
use crate::prose::Prose;
use crate::span::{Span, SpanSet};

/// Who a statement is attributed to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speaker {
    /// A person or organisation of the actor model, by index.
    Named(usize),
    /// A speaker described but not named: the words that describe it ("a
    /// senior official", "people familiar with the talks").
    Anonymous(Span),
}

/// One attributed statement: a speaker, a reporting verb or phrase, and
/// what was said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attribution {
    pub speaker: Speaker,
    /// "said", "according to".
    pub cue: Span,
    /// A direct quotation's words, or the reported clause.
    pub content: Span,
    /// `content` is a direct quotation.
    pub quote: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sources {
    /// Attributed statements, in document order of their cues.
    pub attributions: Vec<Attribution>,
    /// The attributions a reader cannot check ("critics say", "it is believed").
    pub vague: Vec<Span>,
    /// Claims that need a source and have none.
    pub unsourced_claims: usize,
    /// Quotations with no speaker.
    pub orphan_quotes: usize,
}

impl Sources {
    /// The speaker's name, or its description, as written.
    pub fn speaker_name<'a>(&self, text: &'a str, actors: &'a Actors, speaker: Speaker) -> &'a str {
        match speaker {
            Speaker::Named(a) => actors.actors.get(a).map_or("", |a| a.name.as_str()),
            Speaker::Anonymous(span) => span.of(text),
        }
    }

    /// "person", "organisation", "government" or "anonymous".
    pub fn speaker_kind(actors: &Actors, speaker: Speaker) -> &'static str {
        match speaker {
            Speaker::Named(a) => actors.actors.get(a).map_or("", kind_label),
            Speaker::Anonymous(_) => "anonymous",
        }
    }
}

/// The sources of an analysed document.
pub fn of(analysis: &Analysis) -> Sources {
    let prose = &analysis.prose;
    let actors = &analysis.actors;
    let spans_of = |code: &'static str| {
        analysis
            .findings
            .iter()
            .filter(move |f| f.code == code)
            .map(|f| f.span)
    };
    let vague: Vec<Span> = spans_of("vague-attribution").collect();
    let vague_set = SpanSet::new(vague.iter().copied());
    let mut attributions: Vec<Attribution> = actors
        .statements
        .iter()
        .map(|s| Attribution {
            speaker: Speaker::Named(s.actor),
            cue: s.verb,
            content: s.content,
            quote: is_quotation(prose, s.content),
        })
        .collect();
    let named_cues: Vec<Span> = attributions.iter().map(|a| a.cue).collect();
    attributions.extend(
        unnamed::find(prose, actors, &named_cues)
            .into_iter()
            // A speaker the vague-attribution rule flags is counted as vague.
            .filter(|u| !vague_set.overlaps(u.speaker.join(u.cue)))
            .map(|u| Attribution {
                speaker: Speaker::Anonymous(u.speaker),
                cue: u.cue,
                content: u.content,
                quote: is_quotation(prose, u.content),
            }),
    );
    attributions.sort_by_key(|a| a.cue.start);
    Sources {
        attributions,
        unsourced_claims: spans_of("unattributed-claim").count(),
        orphan_quotes: spans_of("orphan-quote").count(),
        vague,
    }
}

fn is_quotation(prose: &Prose, content: Span) -> bool {
    prose.quotations.iter().any(|q| q.inner == content)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::config::Settings;
    use crate::document::Language;

    fn sources(text: &str) -> (Analysis, Sources) {
        let analysis = analyze(text, Language::Markdown, &Settings::default());
        let sources = of(&analysis);
        (analysis, sources)
    }

    fn speakers(text: &str) -> Vec<(String, &'static str)> {
        let (analysis, sources) = sources(text);
        sources
            .attributions
            .iter()
            .map(|a| {
                (
                    sources
                        .speaker_name(text, &analysis.actors, a.speaker)
                        .to_string(),
                    Sources::speaker_kind(&analysis.actors, a.speaker),
                )
            })
            .collect()
    }

    #[test]
    fn named_and_anonymous_speakers_in_document_order() {
        let text = "Mayor Ilse Brandt said the ferry would run again in May.\n\n\
                    A senior official said the budget was not yet agreed.\n\n\
                    \"We are ready,\" Brandt said.\n";
        assert_eq!(
            speakers(text),
            vec![
                ("Ilse Brandt".into(), "person"),
                ("A senior official".into(), "anonymous"),
                ("Ilse Brandt".into(), "person"),
            ]
        );
        let (_, sources) = sources(text);
        assert!(!sources.attributions[0].quote);
        assert!(sources.attributions[2].quote);
    }

    #[test]
    fn vague_sources_and_unsourced_claims_are_counted_not_listed_as_speakers() {
        let text = "Critics say the ferry is too slow. The mayor is expected to resign.\n";
        let (analysis, sources) = sources(text);
        assert!(sources.attributions.is_empty(), "{:?}", speakers(text));
        assert_eq!(
            sources.vague.iter().map(|s| s.of(text)).collect::<Vec<_>>(),
            ["Critics say"]
        );
        assert_eq!(sources.unsourced_claims, 1, "{:?}", analysis.findings);
    }
}
