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
/// then each reference's form and text as written, in order.
type Parts<'a> = Vec<(u8, &'a str)>;

/// The tag of the people file's name among the references' forms.
const LISTED: u8 = u8::MAX;

/// The parts kept, owned.
type Kept = Box<[(u8, Box<str>)]>;

/// A person's parts, with their hash.
pub(super) struct Key<'a> {
    hash: u64,
    parts: Parts<'a>,
}

/// The people found spelled one way, by the hash of their parts; the parts
/// themselves are kept too, so that a hash both share answers nothing.
#[derive(Debug, Default)]
pub(crate) struct QuietMemo {
    current: FastMap<u64, Kept>,
    previous: FastMap<u64, Kept>,
}

impl QuietMemo {
    /// Begins an analysis: what the last one found is looked up, and kept
    /// for the next only where this one asks for it again.
    pub(super) fn start(&mut self) {
        self.previous = std::mem::take(&mut self.current);
    }

    /// Ends an analysis: the people it did not ask about go.
    pub(super) fn finish(&mut self) {
        self.previous = FastMap::default();
    }

    pub(super) fn key<'a>(
        &self,
        listed: Option<&'a str>,
        refs: &[&Mention],
        slice: impl Fn(&Mention) -> &'a str,
    ) -> Key<'a> {
        let parts: Parts<'a> = listed
            .map(|name| (LISTED, name))
            .into_iter()
            .chain(refs.iter().map(|m| (form_tag(m.form), slice(m))))
            .collect();
        Key {
            hash: self.current.hasher().hash_one(&parts),
            parts,
        }
    }

    /// Whether an earlier analysis, or this one, found these parts spelled
    /// one way.
    pub(super) fn spelled_one_way(&mut self, key: &Key<'_>) -> bool {
        let same = |kept: &[(u8, Box<str>)]| {
            kept.len() == key.parts.len()
                && kept
                    .iter()
                    .zip(&key.parts)
                    .all(|((tag, text), (t, s))| tag == t && **text == **s)
        };
        if self.current.get(&key.hash).is_some_and(|k| same(k)) {
            return true;
        }
        match self.previous.remove(&key.hash) {
            Some(kept) if same(&kept) => {
                self.current.insert(key.hash, kept);
                true
            }
            _ => false,
        }
    }

    /// Keeps that these parts are spelled one way.
    pub(super) fn keep(&mut self, key: &Key<'_>) {
        let parts = key
            .parts
            .iter()
            .map(|&(tag, text)| (tag, Box::from(text)))
            .collect();
        self.current.insert(key.hash, parts);
    }

    /// How many people are kept as spelled one way.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.current.len()
    }
}

fn form_tag(form: Form) -> u8 {
    form as u8
}
