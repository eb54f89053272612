//! What linking keeps between analyses of one document: its answer, and a
//! fingerprint of everything it read to get it.
//!
//! Linking is not a pass from the first paragraph to the last that could
//! stop where its state comes out as before: full names make people from the
//! whole document before any single name is linked; a single name is weighed
//! against every person who shares it, up to 20 paragraphs ahead; a later,
//! fuller name renames a person everywhere; descriptions link to the one
//! holder of an office anywhere; actors are numbered in the order they are
//! made. So an edit anywhere can change a link anywhere. What an edit mostly
//! does not change is linking's input: a keystroke in a word that is no name,
//! title or body leaves every finding as it was, only moved. The answer is
//! then the one kept, its mentions after the edit moved by the edit's length.
//!
//! Linking reads offsets only to compare them, to find their paragraph, and
//! to read the text of a finding. So the kept answer holds when every
//! finding is as before (same words, flags, and offsets relative to its
//! start), the text from its first offset to its last is the same, the
//! findings that moved moved by the edit's length and all lie after those
//! that did not, each name is in the same paragraph and starts or does not
//! start a sentence as before, is or is not followed by "and his son" or
//! by the same epithet ("of Aragon") and preceded by "the son of" or
//! "his son," as before, and the words written as things ("the Confederacy.") and the
//! people file are the same.

use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::Arc;

use super::super::people::People;
use super::super::recognise::{Coordinates, Found, Unit};
use super::super::{Actor, Mention};
use super::{articled_words, link};
use crate::hashing::{FastHasher, FastSet};
use crate::prose::Prose;

#[derive(Debug, Default)]
pub struct Memo {
    kept: Option<Kept>,
}

#[derive(Debug)]
struct Kept {
    people: Option<Arc<People>>,
    /// The length of the text linked.
    length: usize,
    /// Names, then bodies, then descriptions.
    items: Vec<Item>,
    counts: [usize; 3],
    articled: FastSet<String>,
    /// The answer, shared with the analyses that hold it: moving the
    /// mentions copies them only while such an analysis is still kept.
    actors: Arc<Vec<Actor>>,
    mentions: Arc<Vec<Mention>>,
}

/// A finding's fingerprint.
#[derive(Debug, PartialEq, Eq)]
struct Item {
    /// Its first and last byte offsets.
    lo: usize,
    hi: usize,
    /// A hash of the finding with its offsets taken from `lo` and its tokens
    /// from its first token; for a name, with what linking reads of the
    /// prose around it: its paragraph, whether it starts a sentence, and
    /// where its family name starts (from `lo`).
    shape: u64,
    /// A hash of the text from `lo` to `hi`.
    text: u64,
}

impl Memo {
    /// Links `found`, or moves the kept answer when linking would give it
    /// again (see the module's doc).
    pub fn link(
        &mut self,
        prose: &Prose,
        mut found: Found,
        people: Option<&Arc<People>>,
    ) -> (Arc<Vec<Actor>>, Arc<Vec<Mention>>) {
        let mut items = fingerprints(prose, &mut found);
        let articled = articled_words(prose);
        let counts = [
            found.names.len(),
            found.bodies.len(),
            found.descriptions.len(),
        ];
        if let Some(kept) = self.kept.as_mut() {
            let same_people = match (&kept.people, people) {
                (None, None) => true,
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                _ => false,
            };
            if same_people
                && kept.counts == counts
                && kept.articled == articled
                && kept.follow(prose.text.len(), &mut items)
            {
                return (Arc::clone(&kept.actors), Arc::clone(&kept.mentions));
            }
        }
        // The kept answer is stale: freed before the new one is built, so the
        // two are never held at once.
        self.kept = None;
        let (mut actors, mut mentions) = link(prose, found, people.map(|p| &**p), &articled);
        // Kept between analyses: at their length, not the room they grew.
        actors.shrink_to_fit();
        actors.iter_mut().for_each(Actor::shrink_to_fit);
        mentions.shrink_to_fit();
        items.shrink_to_fit();
        let (actors, mentions) = (Arc::new(actors), Arc::new(mentions));
        self.kept = Some(Kept {
            people: people.cloned(),
            length: prose.text.len(),
            items,
            counts,
            articled,
            actors: Arc::clone(&actors),
            mentions: Arc::clone(&mentions),
        });
        (actors, mentions)
    }
}

impl Kept {
    /// Whether the findings `items` are the kept ones, each in place or
    /// moved by the edit's length after all those in place; if so, the
    /// kept mentions are moved with them.
    fn follow(&mut self, length: usize, items: &mut Vec<Item>) -> bool {
        let delta = length as isize - self.length as isize;
        // The last offset of the findings in place, the first of those moved.
        let (mut before, mut after) = (0, usize::MAX);
        for (old, new) in self.items.iter().zip(items.iter()) {
            let same = old.shape == new.shape
                && old.text == new.text
                && old.hi - old.lo == new.hi - new.lo
                && old.lo < old.hi;
            if !same {
                return false;
            }
            let moved = new.lo as isize - old.lo as isize;
            if moved == 0 {
                before = before.max(old.hi);
            } else if moved == delta {
                after = after.min(old.lo);
            } else {
                return false;
            }
        }
        if delta != 0 && after != usize::MAX {
            let in_order = before <= after && before as isize <= after as isize + delta;
            if !in_order {
                return false;
            }
            for mention in Arc::make_mut(&mut self.mentions) {
                if mention.span.start >= after {
                    mention.coordinates(&mut |_, at| *at = (*at as isize + delta) as usize);
                }
            }
        }
        self.length = length;
        self.items = std::mem::take(items);
        true
    }
}

impl Coordinates for Mention {
    fn coordinates(&mut self, visit: &mut impl FnMut(Unit, &mut usize)) {
        self.span.coordinates(visit);
        self.name.coordinates(visit);
        for title in [&mut self.title, &mut self.appositive]
            .into_iter()
            .flatten()
        {
            title.coordinates(visit);
        }
        if let Some(courtesy) = &mut self.courtesy {
            courtesy.coordinates(visit);
        }
        visit(Unit::Byte, &mut self.reach);
    }
}

/// The fingerprints of every finding: names, then bodies, then descriptions.
fn fingerprints(prose: &Prose, found: &mut Found) -> Vec<Item> {
    let mut items =
        Vec::with_capacity(found.names.len() + found.bodies.len() + found.descriptions.len());
    for name in &mut found.names {
        let mut item = fingerprint(prose, name);
        let first = name.tokens.start;
        let family_words = name.parsed.family.split(' ').count();
        let family = name
            .tokens
            .end
            .checked_sub(family_words)
            .and_then(|k| prose.tokens.get(k))
            .map(|t| t.span.start.wrapping_sub(item.lo));
        let mut shape = FastHasher::default();
        (
            item.shape,
            prose.block_at(name.name.start),
            prose.tokens.get(first).map(|t| t.sentence_start),
            family,
            super::full_names::kin_after(prose, name.tokens.end),
            super::full_names::relation_before(prose, name),
            super::full_names::pronoun_relation_before(prose, name),
            super::epithets::epithet_after(prose, name).map(|place| prose.slice(place)),
        )
            .hash(&mut shape);
        item.shape = shape.finish();
        items.push(item);
    }
    for body in &mut found.bodies {
        items.push(fingerprint(prose, body));
    }
    for description in &mut found.descriptions {
        items.push(fingerprint(prose, description));
    }
    items
}

fn fingerprint<T: Coordinates + Hash>(prose: &Prose, finding: &mut T) -> Item {
    let (mut lo, mut hi, mut token) = (usize::MAX, 0, usize::MAX);
    finding.coordinates(&mut |unit, at| match unit {
        Unit::Byte => {
            lo = lo.min(*at);
            hi = hi.max(*at);
        }
        Unit::Token => token = token.min(*at),
        Unit::Name | Unit::Description => {}
    });
    let by = |unit: Unit, at: &mut usize, back: bool| {
        let origin = match unit {
            Unit::Byte => lo,
            Unit::Token => token,
            // Other findings are counted from the document's first.
            Unit::Name | Unit::Description => 0,
        };
        *at = if back { *at + origin } else { *at - origin };
    };
    finding.coordinates(&mut |unit, at| by(unit, at, false));
    let mut shape = FastHasher::default();
    finding.hash(&mut shape);
    finding.coordinates(&mut |unit, at| by(unit, at, true));
    // foldhash's quality hash, fixed-seeded: spreads text as well as
    // SipHash at a fraction of the cost, for every finding each analysis.
    const TEXT: foldhash::quality::FixedState = foldhash::quality::FixedState::with_seed(0);
    Item {
        lo,
        hi,
        shape: shape.finish(),
        text: TEXT.hash_one(prose.text.get(lo..hi).unwrap_or("")),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::actors::{recognise, Memo};
    use crate::config::Settings;
    use crate::document::Language;
    use crate::prose::{parse, BlockCache};

    const STORY: &str = "Port Minister Anna Keller met Jonas Brandt on Monday.\n\nKeller said the ferries would run on Tuesday. Brandt agreed.\n\nThe talks ended.\n";

    /// Links `text` with a memo whose kept answer has been marked, and says
    /// whether the mark came back: the kept answer was used.
    fn kept_answer_used(edited: &str) -> bool {
        let settings = Settings::default();
        let mut blocks = BlockCache::default();
        let mut memo = Memo::default();
        recognise(
            &parse(STORY, Language::Markdown, &mut blocks),
            &settings,
            &mut memo,
        );
        if let Some(kept) = memo.linked.kept.as_mut() {
            Arc::make_mut(&mut kept.actors)[0].name = "marked".into();
        }
        let actors = recognise(
            &parse(edited, Language::Markdown, &mut blocks),
            &settings,
            &mut memo,
        );
        actors.actors[0].name == "marked"
    }

    #[test]
    fn a_keystroke_outside_every_name_keeps_the_linking() {
        assert!(kept_answer_used(&STORY.replace("ferries", "ferriesx")));
        assert!(kept_answer_used(&STORY.replace("ended", "end")));
        assert!(kept_answer_used(
            &STORY.replace("on Monday", "on Monday morning")
        ));
    }

    #[test]
    fn an_edit_to_a_name_or_its_paragraph_links_again() {
        assert!(!kept_answer_used(
            &STORY.replace("Anna Keller", "Anna Kellner")
        ));
        assert!(!kept_answer_used(
            &STORY.replace(" Brandt agreed", " Brandt's aide agreed")
        ));
        // Keller's reference moves to another paragraph.
        assert!(!kept_answer_used(
            &STORY.replace("Monday.\n\nKeller", "Monday. Keller")
        ));
        // A word the story now writes as a thing ("the Keller.").
        assert!(!kept_answer_used(
            &STORY.replace("The talks ended.", "The talks ended at the Keller.")
        ));
    }
}
