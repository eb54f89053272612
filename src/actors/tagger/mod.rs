//! The learned name tagger: which capitalised runs are names, and of what:
//! a person, an organisation, a place, or something else (an event, a
//! work, a group of people). An averaged perceptron over hashed features
//! (`features.rs`), reading a sentence's runs of capitalised words left to
//! right, one tag per word (outside, or the beginning or inside of a name
//! of each kind).
//!
//! The weights are `data/names.model` (`model.rs`), trained by
//! `cargo run --release --example names -- train` (`train.rs`, `corpus.rs`);
//! see ARCHITECTURE.md. The grammar and linking read the tags: they decide
//! titles, appositives and who is who.

pub mod corpus;
pub mod features;
pub mod model;
pub mod train;

use std::sync::{Arc, LazyLock, RwLock};

pub use features::{document_words, folded_hash, Window};
pub use model::Model;

/// Outside any name, then the beginning and the inside of a name of each kind.
pub const TAGS: usize = 9;

/// What a name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameKind {
    Person,
    Organisation,
    Place,
    /// An event, a work, a product, a group of people ("Afghans").
    Other,
}

impl NameKind {
    pub const ALL: [NameKind; 4] = [
        NameKind::Person,
        NameKind::Organisation,
        NameKind::Place,
        NameKind::Other,
    ];

    pub(crate) fn index(self) -> u8 {
        match self {
            NameKind::Person => 0,
            NameKind::Organisation => 1,
            NameKind::Place => 2,
            NameKind::Other => 3,
        }
    }

    /// The tag that begins a name of this kind.
    pub fn begin(self) -> u8 {
        1 + self.index()
    }

    /// The tag that continues a name of this kind.
    pub fn inside(self) -> u8 {
        5 + self.index()
    }

    /// The kind of a tag, if it is not "outside".
    pub fn of_tag(tag: u8) -> Option<NameKind> {
        match tag {
            0 => None,
            t => NameKind::ALL.get(usize::from((t - 1) % 4)).copied(),
        }
    }
}

/// A name the tagger found: tokens `first..=last` of the document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tagged {
    pub first: usize,
    pub last: usize,
    pub kind: NameKind,
    /// How far the chosen tags led the next best, at the least sure word of
    /// the name, in the model's units (about 1 is a clear lead).
    pub margin: f32,
}

const MODEL_FILE: &[u8] = include_bytes!("../../../data/names.model");

static MODEL: LazyLock<RwLock<Arc<Model>>> = LazyLock::new(|| {
    // The built-in file is checked by a test; a broken one tags nothing.
    RwLock::new(Arc::new(
        Model::from_bytes(MODEL_FILE).unwrap_or_else(|_| Model::empty()),
    ))
});

/// The model in use.
pub fn model() -> Arc<Model> {
    match MODEL.read() {
        Ok(m) => Arc::clone(&m),
        Err(poisoned) => Arc::clone(&poisoned.into_inner()),
    }
}

/// Replaces the model in use, for evaluating weights trained without some
/// documents (cross-validation). Analyses already memoised keep what the
/// old model said: call it before the first analysis.
pub fn use_model(model: Model) {
    let mut slot = match MODEL.write() {
        Ok(m) => m,
        Err(poisoned) => poisoned.into_inner(),
    };
    *slot = Arc::new(model);
}

/// Whether tag `tag` may follow tag `prev` (an inside tag only continues a
/// name of its kind).
fn allowed(prev: u8, tag: u8) -> bool {
    tag < 5 || prev == tag || prev + 4 == tag
}

/// Tags one sentence: every name in it, in order.
pub fn tag(model: &Model, window: &Window, doc: &mut dyn FnMut(u64) -> u8, out: &mut Vec<Tagged>) {
    let mut keys = Vec::with_capacity(48);
    for seg in window.segments() {
        let tags = decode(model, window, &seg, doc, &mut keys);
        spans(&seg, &tags, out);
    }
}

/// The best tag of each token of a run, left to right, with its lead.
pub(crate) fn decode(
    model: &Model,
    window: &Window,
    seg: &[usize],
    doc: &mut dyn FnMut(u64) -> u8,
    keys: &mut Vec<u64>,
) -> Vec<(u8, f32)> {
    let mut prev = 0u8;
    let mut tags = Vec::with_capacity(seg.len());
    let flags = window.run_flags(seg);
    for at in 0..seg.len() {
        window.features(seg, &flags, at, prev, doc, keys);
        let mut scores = [0i32; TAGS];
        for &k in keys.iter() {
            model.add(k, &mut scores);
        }
        let (best, margin) = best_of(&scores, prev);
        tags.push((best, margin as f32 / model.scale));
        prev = best;
    }
    tags
}

/// The best allowed tag and its lead over the next allowed one.
pub(crate) fn best_of<T: Copy + PartialOrd + std::ops::Sub<Output = T>>(
    scores: &[T; TAGS],
    prev: u8,
) -> (u8, T) {
    let mut best: Option<u8> = None;
    let mut second: Option<u8> = None;
    for t in 0..TAGS as u8 {
        if !allowed(prev, t) {
            continue;
        }
        let s = scores[usize::from(t)];
        match best {
            Some(b) if s <= scores[usize::from(b)] => {
                if second.is_none_or(|x| s > scores[usize::from(x)]) {
                    second = Some(t);
                }
            }
            _ => {
                second = best;
                best = Some(t);
            }
        }
    }
    let best = best.unwrap_or(0);
    let lead = match second {
        Some(s) => scores[usize::from(best)] - scores[usize::from(s)],
        None => scores[usize::from(best)] - scores[usize::from(best)],
    };
    (best, lead)
}

/// Names from the tags of a run.
pub(crate) fn spans(seg: &[usize], tags: &[(u8, f32)], out: &mut Vec<Tagged>) {
    let mut open: Option<Tagged> = None;
    for (&i, &(tag, margin)) in seg.iter().zip(tags) {
        let kind = NameKind::of_tag(tag);
        match (&mut open, kind) {
            (Some(o), Some(k)) if tag >= 5 && o.kind == k => {
                o.last = i;
                o.margin = o.margin.min(margin);
                continue;
            }
            _ => {}
        }
        if let Some(o) = open.take() {
            out.push(o);
        }
        if let Some(kind) = kind {
            open = Some(Tagged {
                first: i,
                last: i,
                kind,
                margin,
            });
        }
    }
    if let Some(o) = open {
        out.push(o);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_model_reads() {
        let model = Model::from_bytes(MODEL_FILE).expect("data/names.model reads");
        assert!(model.header.contains("CC BY"), "{}", model.header);
    }

    #[test]
    fn inside_tags_only_continue_their_kind() {
        let mut scores = [0i32; TAGS];
        scores[usize::from(NameKind::Place.inside())] = 10;
        scores[usize::from(NameKind::Person.begin())] = 5;
        let (tag, lead) = best_of(&scores, NameKind::Person.begin());
        assert_eq!(tag, NameKind::Person.begin());
        assert_eq!(lead, 5);
        let (tag, _) = best_of(&scores, NameKind::Place.begin());
        assert_eq!(tag, NameKind::Place.inside());
    }

    #[test]
    fn tags_make_spans() {
        let p = NameKind::Person;
        let tags = [
            (0, 1.0),
            (p.begin(), 2.0),
            (p.inside(), 0.5),
            (p.begin(), 1.0),
        ];
        let mut out = Vec::new();
        spans(&[3, 4, 5, 7], &tags, &mut out);
        assert_eq!(
            out,
            vec![
                Tagged {
                    first: 4,
                    last: 5,
                    kind: p,
                    margin: 0.5
                },
                Tagged {
                    first: 7,
                    last: 7,
                    kind: p,
                    margin: 1.0
                }
            ]
        );
    }
}
