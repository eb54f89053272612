//! Mentions: one per linked name and description, and each actor's list of
//! its own once they are in text order.

use super::*;

fn name_mention_of(raw: &RawName, form: Form, target: Target) -> Mention {
    Mention {
        span: raw.span,
        name: raw.name,
        form,
        target,
        title: raw.title.clone(),
        appositive: raw.appositive.clone(),
        courtesy: raw.courtesy,
        possessive: raw.possessive,
        in_quote: raw.in_quote,
        heading: raw.heading,
        caption: raw.caption,
        reach: raw.reach,
    }
}

fn description_mention(d: &RawDescription, actor: usize) -> Mention {
    Mention {
        span: d.span,
        name: d.span,
        form: Form::Description,
        target: Target::Actor(actor),
        title: Some(Box::new(d.title.clone())),
        appositive: None,
        courtesy: None,
        possessive: d.possessive,
        in_quote: d.in_quote,
        heading: d.heading,
        caption: d.caption,
        reach: d.span.end,
    }
}

impl Linker<'_> {
    /// A mention for each name linked to someone, and the index of each
    /// name's mention. Room is left for the bodies' and descriptions'.
    pub(super) fn name_mentions(&self, found: &Found) -> (Vec<Mention>, Vec<Option<usize>>) {
        let mut mentions = Vec::with_capacity(found.names.len() + found.bodies.len());
        let mut name_mention = vec![None; found.names.len()];
        for (i, name) in found.names.iter().enumerate() {
            if let Some(target) = self.targets[i].clone() {
                name_mention[i] = Some(mentions.len());
                let mut mention = name_mention_of(name, self.forms[i], target);
                if let Some(narrow) = self.narrowed[i] {
                    mention.span = narrow;
                    mention.name = narrow;
                }
                if let Some(whole) = self.widened[i] {
                    mention.span.end = mention.span.end.max(whole.end);
                    mention.name = whole;
                }
                mentions.push(mention);
            }
        }
        (mentions, name_mention)
    }
}

/// A mention for each description that found its holder, before relations
/// (`first`) or after them (`later`).
pub(super) fn description_mentions(
    mentions: &mut Vec<Mention>,
    descriptions: &[RawDescription],
    first: &[Option<usize>],
    later: &[Option<usize>],
) {
    for (i, d) in descriptions.iter().enumerate() {
        if let Some(actor) = first[i].or(later[i]) {
            mentions.push(description_mention(d, actor));
        }
    }
}

/// Gives each actor its mentions (in text order) and each person the
/// confidence its references earned.
pub(super) fn attach(actors: &mut [Actor], strong: &[bool], mentions: &[Mention]) {
    for (i, m) in mentions.iter().enumerate() {
        if let Target::Actor(a) = m.target {
            actors[a].mentions.push(i);
        }
    }
    // Relations were recorded with the start offset of their mention, as
    // mention indices change while mentions are added: turn them into indices.
    for actor in actors.iter_mut() {
        for relation in &mut actor.relations {
            relation.mention = mentions.partition_point(|m| m.span.start < relation.mention);
        }
    }
    for (a, actor) in actors.iter_mut().enumerate() {
        if actor.kind == ActorKind::Person {
            actor.confidence = if strong[a] {
                Confidence::Certain
            } else {
                Confidence::Likely
            };
        }
    }
}
