//! Reference rules: the copy desk's check on people. Titles that disagree
//! with the first reference or the people file, titles in the wrong case, full
//! titles repeated where the surname will do, surnames before the
//! introduction, and names spelled two ways.
//!
//! All five read the actor model; none fires inside a direct quotation (the
//! speaker's words) or in a headline, and none looks at people known only by
//! the shape of their name. The house style's choices come from
//! [`style::HouseStyle`].

mod names;
mod style;
mod titles;

pub use names::{LateIntroduction, NameVariant};
pub use style::{HouseStyle, TitleCase};
pub use titles::{RepeatedTitle, TitleCase as TitleCaseRule, TitleMismatch};

use crate::actors::{Actor, ActorKind, Actors, Confidence, Form, Mention, Target};
use crate::checks::Context;
use crate::hashing::FastMap;
use crate::span::Span;

/// The people the rules check: named persons, not names that only look like one.
fn people(actors: &Actors) -> impl Iterator<Item = (usize, &Actor)> {
    actors
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == ActorKind::Person && a.confidence == Confidence::Certain)
}

/// A reference a rule may judge: in the body (not a headline or caption),
/// outside quotations.
fn judged(m: &Mention) -> bool {
    !m.in_quote && !m.heading && !m.caption
}

/// An actor's references that a rule may judge.
fn checked(actors: &Actors, actor: usize) -> impl Iterator<Item = (usize, &Mention)> {
    let indices = actors
        .actors
        .get(actor)
        .map_or(&[][..], |a| &a.mentions[..]);
    indices
        .iter()
        .map(|&m| (m, &actors.mentions[m]))
        .filter(|(_, m)| judged(m))
}

/// The judged references by a name several people share, each with the
/// people it may mean.
fn shared_names(actors: &Actors) -> impl Iterator<Item = (&Mention, &[usize])> {
    actors.mentions.iter().filter_map(|m| match &m.target {
        Target::Ambiguous(candidates) if judged(m) => Some((m, &candidates[..])),
        _ => None,
    })
}

/// One-based line of an offset, for messages.
fn line(ctx: &Context<'_>, offset: usize) -> usize {
    ctx.actors.line_of(offset) + 1
}

/// A span's text with runs of white space made single spaces.
fn text_of(ctx: &Context<'_>, span: Span) -> String {
    ctx.prose
        .slice(span)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The name a later reference uses: the family name (the last given name for
/// Vietnamese names).
fn later_name(actor: &Actor) -> Option<&str> {
    actor.person.as_ref().map(|p| p.later())
}

/// How many people in the article go by each later name: a surname two
/// people share does not say who is meant on its own.
fn surname_counts(actors: &Actors) -> FastMap<&str, usize> {
    let mut counts = FastMap::default();
    for name in actors.actors.iter().filter_map(later_name) {
        *counts.entry(name).or_insert(0) += 1;
    }
    counts
}

/// A mention with the form it takes in the rules' eyes.
fn is_name(m: &Mention) -> bool {
    matches!(m.form, Form::Full | Form::Family | Form::Given)
}
