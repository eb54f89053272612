//! What recognition keeps of each block between analyses: the block's
//! findings in coordinates relative to the block, and the questions their
//! reading asked about the rest of the document.
//!
//! A block's reading depends on its own text, with one exception: whether a
//! capitalised sentence opener is a common word depends on the words the whole
//! document writes in lowercase. Each answer is kept, and a kept reading is used
//! again only while every answer still holds.

use super::{Found, Possessor, RawBody, RawDescription, RawName, Title};
use crate::span::Span;

#[derive(Debug, Default)]
pub struct BlockFound {
    /// Relative to the block: bytes from its start, tokens from its first
    /// token, names and descriptions from its first.
    pub(super) found: Found,
    /// Word hashes asked of the document's vocabulary, with the answers.
    pub(super) asked: Box<[(u64, u8)]>,
}

/// Where a block's coordinates start in a document.
#[derive(Clone, Copy, Debug)]
pub(super) struct Origin {
    pub byte: usize,
    pub token: usize,
    pub name: usize,
    pub description: usize,
}

/// What a coordinate of a finding counts: bytes of the text, tokens, or
/// other findings (a possessor's name or description).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Byte,
    Token,
    Name,
    Description,
}

/// Visits every coordinate of a finding, with what it counts, so that a
/// move (to a block's origin, or by an edit) misses none of them.
pub(crate) trait Coordinates {
    fn coordinates(&mut self, visit: &mut impl FnMut(Unit, &mut usize));
}

impl Coordinates for Span {
    fn coordinates(&mut self, visit: &mut impl FnMut(Unit, &mut usize)) {
        visit(Unit::Byte, &mut self.start);
        visit(Unit::Byte, &mut self.end);
    }
}

impl Coordinates for Title {
    fn coordinates(&mut self, visit: &mut impl FnMut(Unit, &mut usize)) {
        self.span.coordinates(visit);
        if let Some(office) = &mut self.office {
            office.coordinates(visit);
        }
        for word in &mut self.case_words {
            word.coordinates(visit);
        }
    }
}

impl Coordinates for RawName {
    fn coordinates(&mut self, visit: &mut impl FnMut(Unit, &mut usize)) {
        self.name.coordinates(visit);
        self.span.coordinates(visit);
        visit(Unit::Token, &mut self.tokens.start);
        visit(Unit::Token, &mut self.tokens.end);
        if let Some(courtesy) = &mut self.courtesy {
            courtesy.coordinates(visit);
        }
        visit(Unit::Byte, &mut self.reach);
        for title in [&mut self.title, &mut self.appositive]
            .into_iter()
            .flatten()
        {
            title.coordinates(visit);
        }
        match &mut self.possessor {
            Some(Possessor::Pronoun(s)) => s.coordinates(visit),
            Some(Possessor::Name(n)) => visit(Unit::Name, n),
            Some(Possessor::Description(d)) => visit(Unit::Description, d),
            None => {}
        }
    }
}

impl Coordinates for RawBody {
    fn coordinates(&mut self, visit: &mut impl FnMut(Unit, &mut usize)) {
        self.span.coordinates(visit);
    }
}

impl Coordinates for RawDescription {
    fn coordinates(&mut self, visit: &mut impl FnMut(Unit, &mut usize)) {
        self.span.coordinates(visit);
        self.title.coordinates(visit);
    }
}

/// A move of every coordinate of a finding: to a block's origin or from it.
struct Shift {
    origin: Origin,
    forward: bool,
}

impl Shift {
    fn apply(&self, finding: &mut impl Coordinates) {
        let origin = self.origin;
        let forward = self.forward;
        finding.coordinates(&mut |unit, at| {
            let by = match unit {
                Unit::Byte => origin.byte,
                Unit::Token => origin.token,
                Unit::Name => origin.name,
                Unit::Description => origin.description,
            };
            *at = if forward { *at + by } else { *at - by };
        });
    }

    fn found(&self, found: &mut Found) {
        found.names.iter_mut().for_each(|n| self.apply(n));
        found.bodies.iter_mut().for_each(|b| self.apply(b));
        found.descriptions.iter_mut().for_each(|d| self.apply(d));
    }
}

impl Found {
    /// The findings of the block at `origin`, made relative to it; `None`
    /// when one of them points to a finding before the block, so the block
    /// cannot be read alone.
    pub(super) fn local_since(&self, origin: Origin, bodies: usize) -> Option<Found> {
        let from = (origin.name, bodies, origin.description);
        let outside = self.names[from.0..].iter().any(|n| match n.possessor {
            Some(Possessor::Name(other)) => other < origin.name,
            Some(Possessor::Description(other)) => other < origin.description,
            _ => false,
        });
        if outside {
            return None;
        }
        let mut local = Found {
            names: self.names[from.0..].to_vec(),
            bodies: self.bodies[from.1..].to_vec(),
            descriptions: self.descriptions[from.2..].to_vec(),
        };
        Shift {
            origin,
            forward: false,
        }
        .found(&mut local);
        Some(local)
    }

    /// Room for the findings of the blocks kept (`Some`), and for the
    /// blocks to be read as many as the kept ones hold on average.
    pub(super) fn reserve_for(&mut self, blocks: &[Option<std::sync::Arc<BlockFound>>]) {
        let kept = blocks.iter().flatten();
        let (count, held) = kept.clone().fold((0, [0; 3]), |(n, [a, b, c]), k| {
            let f = &k.found;
            (
                n + 1,
                [
                    a + f.names.len(),
                    b + f.bodies.len(),
                    c + f.descriptions.len(),
                ],
            )
        });
        let read = blocks.len() - count;
        let room = |held: usize| held + (held / count.max(1) + 1) * read;
        self.names.reserve(room(held[0]));
        self.bodies.reserve(room(held[1]));
        self.descriptions.reserve(room(held[2]));
    }

    pub(super) fn shrink_to_fit(&mut self) {
        self.names.shrink_to_fit();
        self.bodies.shrink_to_fit();
        self.descriptions.shrink_to_fit();
    }

    /// Appends a block's kept findings, placed at `origin`.
    pub(super) fn append_placed(&mut self, local: &Found, origin: Origin) {
        let shift = Shift {
            origin,
            forward: true,
        };
        self.names.extend(local.names.iter().map(|n| {
            let mut n = n.clone();
            shift.apply(&mut n);
            n
        }));
        self.bodies.extend(local.bodies.iter().map(|b| {
            let mut b = b.clone();
            shift.apply(&mut b);
            b
        }));
        self.descriptions.extend(local.descriptions.iter().map(|d| {
            let mut d = d.clone();
            shift.apply(&mut d);
            d
        }));
    }
}
