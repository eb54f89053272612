//! The newsroom's people file: which of its entries each person is.

use super::*;

/// Ties people to entries of the people file by any written form of their name.
pub(super) fn match_people(
    actors: &mut [Actor],
    mentions: &[Mention],
    prose: &Prose,
    people: &People,
) {
    for actor in actors.iter_mut().filter(|a| a.kind == ActorKind::Person) {
        let forms = std::iter::once(actor.name.clone()).chain(
            actor
                .mentions
                .iter()
                .filter(|&&m| mentions[m].form == Form::Full)
                .map(|&m| collapse(prose.slice(mentions[m].name))),
        );
        let mut entry = None;
        for form in forms {
            entry = people.entry_for(&form);
            if entry.is_some() {
                break;
            }
        }
        if entry.is_some() {
            actor.entry = entry;
            actor.confidence = Confidence::Certain;
        }
    }
}
