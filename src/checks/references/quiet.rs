//! The people `name-variant` found spelled one way throughout, kept between
//! analyses by exactly what that answer read: the people file's name for the
//! person, and the form and text as written of each of their references. An
//! edit elsewhere leaves those alone, so the answer stands without reading
//! the person's references again; at 100,000 words most people are such.
//!
//! The answer is kept only where it read nothing else: a person whose
//! spellings differ is judged on the places, lowercase words and shapes of
//! the whole text, and judged again each time.

use std::hash::BuildHasher;

use crate::actors::{Form, Mention};
use crate::hashing::FastMap;

/// What a person's answer read: the people file's name (tag [`LISTED`]),
/// then each reference's form and text as written, in order. One list is
/// filled again for each person, so asking costs no allocation.
pub(super) type Parts<'a> = Vec<(u8, &'a str)>;

/// The tag of the people file's name among the references' forms.
const LISTED: u8 = u8::MAX;

/// The parts kept, owned.
type Kept = Box<[(u8, Box<str>)]>;

/// A person's parts, with their hash.
pub(super) struct Key<'k, 'a> {
    hash: u64,
    parts: &'k [(u8, &'a str)],
}

/// The people found spelled one way, by the hash of their parts; the parts
/// themselves are kept too, so that a hash both share answers nothing. Each
/// is stamped with the last analysis that asked for it: a person asked for
/// again costs one look-up, and once the memo holds more than twice the
/// people this analysis asked about, the others go.
#[derive(Debug, Default)]
pub(crate) struct QuietMemo {
    kept: FastMap<u64, (u64, Kept)>,
    /// The analysis under way, and how many people it asked about.
    now: u64,
    used: usize,
}

impl QuietMemo {
    /// Begins an analysis.
    pub(super) fn start(&mut self) {
        self.now += 1;
        self.used = 0;
    }

    /// Ends an analysis: if the memo holds more than twice the people it
    /// asked about, the others go.
    pub(super) fn finish(&mut self) {
        if self.kept.len() > 2 * self.used {
            let now = self.now;
            self.kept.retain(|_, (seen, _)| *seen == now);
        }
    }

    /// The key of a person's parts, written into `parts`.
    pub(super) fn key<'k, 'a>(
        &self,
        parts: &'k mut Parts<'a>,
        listed: Option<&'a str>,
        refs: &[&Mention],
        slice: impl Fn(&Mention) -> &'a str,
    ) -> Key<'k, 'a> {
        parts.clear();
        parts.extend(listed.map(|name| (LISTED, name)));
        parts.extend(refs.iter().map(|m| (form_tag(m.form), slice(m))));
        Key {
            hash: self.kept.hasher().hash_one(&**parts),
            parts,
        }
    }

    /// Whether an earlier analysis, or this one, found these parts spelled
    /// one way.
    pub(super) fn spelled_one_way(&mut self, key: &Key<'_, '_>) -> bool {
        let same = |kept: &[(u8, Box<str>)]| {
            kept.len() == key.parts.len()
                && kept
                    .iter()
                    .zip(key.parts)
                    .all(|((tag, text), (t, s))| tag == t && **text == **s)
        };
        match self.kept.get_mut(&key.hash) {
            Some((seen, kept)) if same(kept) => {
                if *seen != self.now {
                    *seen = self.now;
                    self.used += 1;
                }
                true
            }
            _ => false,
        }
    }

    /// Keeps that these parts are spelled one way.
    pub(super) fn keep(&mut self, key: &Key<'_, '_>) {
        let parts = key
            .parts
            .iter()
            .map(|&(tag, text)| (tag, Box::from(text)))
            .collect();
        if self
            .kept
            .insert(key.hash, (self.now, parts))
            .is_none_or(|(seen, _)| seen != self.now)
        {
            self.used += 1;
        }
    }

    /// How many people the latest analysis knows as spelled one way.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.kept
            .values()
            .filter(|(seen, _)| *seen == self.now)
            .count()
    }
}

fn form_tag(form: Form) -> u8 {
    form as u8
}
