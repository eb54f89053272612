//! The mention list's upkeep once linking is done: mentions in text order
//! with overlaps settled, and actors left without any mention dropped.

use super::super::{Actor, Form, Mention, Target};

/// Sorts mentions by position and keeps `index` (raw item -> mention)
/// pointing at the right places. Where two overlap, the earlier (or longer)
/// wins, except that an organisation named inside a person's title ("Kremlin"
/// in "Kremlin spokesman Dmitry Peskov") keeps its own mention and the
/// person's reference starts after it.
pub(super) fn order(text: &str, mentions: &mut Vec<Mention>, index: &mut [Option<usize>]) {
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| {
        (
            mentions[i].span.start,
            std::cmp::Reverse(mentions[i].span.end),
        )
    });
    let mut slots: Vec<Option<Mention>> = std::mem::take(mentions).into_iter().map(Some).collect();
    // At most every mention stays: room for all at once, not grown by doubling.
    mentions.reserve_exact(slots.len());
    let mut new_of_old = vec![None; slots.len()];
    let mut olds: Vec<usize> = Vec::with_capacity(slots.len());
    for old in order {
        let Some(m) = slots[old].take() else { continue };
        let Some(last) = mentions.last_mut() else {
            new_of_old[old] = Some(0);
            olds.push(old);
            mentions.push(m);
            continue;
        };
        if last.span.end <= m.span.start {
            new_of_old[old] = Some(mentions.len());
            olds.push(old);
            mentions.push(m);
            continue;
        }
        let in_title = m.form == Form::Name
            && last.form != Form::Name
            && last.span.covers(m.span)
            && m.span.end <= last.name.start;
        if !in_title {
            continue;
        }
        let rest = &text[m.span.end..last.name.start];
        last.span.start = m.span.end + (rest.len() - rest.trim_start().len());
        let (Some(person), Some(person_old)) = (mentions.pop(), olds.pop()) else {
            continue;
        };
        new_of_old[old] = Some(mentions.len());
        olds.push(old);
        mentions.push(m);
        new_of_old[person_old] = Some(mentions.len());
        olds.push(person_old);
        mentions.push(person);
    }
    for slot in index.iter_mut() {
        *slot = slot.and_then(|old| new_of_old[old]);
    }
}

/// Removes actors left without mentions (a headline-only name, a mention lost
/// to an overlap) and renumbers the rest. A person a group is named for
/// stays, so that the group's hover can say who it is.
pub(super) fn drop_unreferenced(actors: &mut Vec<Actor>, mentions: &mut [Mention]) {
    let mut keep: Vec<bool> = actors.iter().map(|a| !a.mentions.is_empty()).collect();
    for m in mentions.iter() {
        if let Target::NamedFor(a) = m.target {
            keep[a] = true;
        }
    }
    if keep.iter().all(|&k| k) {
        return;
    }
    let mut new_index = vec![usize::MAX; actors.len()];
    let mut next = 0;
    for (old, &k) in keep.iter().enumerate() {
        if k {
            new_index[old] = next;
            next += 1;
        }
    }
    let mut old = 0;
    actors.retain(|_| {
        let k = keep[old];
        old += 1;
        k
    });
    for actor in actors.iter_mut() {
        actor.relations.retain(|r| new_index[r.other] != usize::MAX);
        for r in &mut actor.relations {
            r.other = new_index[r.other];
        }
    }
    for m in mentions.iter_mut() {
        match &mut m.target {
            Target::Actor(a) | Target::NamedFor(a) => *a = new_index[*a],
            Target::Ambiguous(list) => {
                list.retain(|a| new_index[*a] != usize::MAX);
                for a in list.iter_mut() {
                    *a = new_index[*a];
                }
            }
        }
    }
}
