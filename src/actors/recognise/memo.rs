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
    pub(super) asked: Vec<(u64, u8)>,
}

/// Where a block's coordinates start in a document.
#[derive(Clone, Copy, Debug)]
pub(super) struct Origin {
    pub byte: usize,
    pub token: usize,
    pub name: usize,
    pub description: usize,
}

/// A move of every coordinate of a finding: to a block's origin or from it.
struct Shift {
    origin: Origin,
    forward: bool,
}

impl Shift {
    fn by(&self, at: usize, origin: usize) -> usize {
        if self.forward {
            at + origin
        } else {
            at - origin
        }
    }

    fn byte(&self, at: usize) -> usize {
        self.by(at, self.origin.byte)
    }

    fn span(&self, span: Span) -> Span {
        Span::new(self.byte(span.start), self.byte(span.end))
    }

    fn title(&self, title: &mut Title) {
        title.span = self.span(title.span);
        title.office = title.office.map(|s| self.span(s));
        for word in &mut title.case_words {
            *word = self.span(*word);
        }
    }

    fn name(&self, name: &mut RawName) {
        name.name = self.span(name.name);
        name.span = self.span(name.span);
        name.tokens = self.by(name.tokens.start, self.origin.token)
            ..self.by(name.tokens.end, self.origin.token);
        name.courtesy = name.courtesy.map(|s| self.span(s));
        name.reach = self.byte(name.reach);
        for title in [&mut name.title, &mut name.appositive]
            .into_iter()
            .flatten()
        {
            self.title(title);
        }
        name.possessor = name.possessor.take().map(|p| match p {
            Possessor::Pronoun(s) => Possessor::Pronoun(self.span(s)),
            Possessor::Name(n) => Possessor::Name(self.by(n, self.origin.name)),
            Possessor::Description(d) => {
                Possessor::Description(self.by(d, self.origin.description))
            }
        });
    }

    fn body(&self, body: &mut RawBody) {
        body.span = self.span(body.span);
    }

    fn description(&self, description: &mut RawDescription) {
        description.span = self.span(description.span);
        self.title(&mut description.title);
    }

    fn found(&self, found: &mut Found) {
        found.names.iter_mut().for_each(|n| self.name(n));
        found.bodies.iter_mut().for_each(|b| self.body(b));
        found
            .descriptions
            .iter_mut()
            .for_each(|d| self.description(d));
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

    /// Appends a block's kept findings, placed at `origin`.
    pub(super) fn append_placed(&mut self, local: &Found, origin: Origin) {
        let shift = Shift {
            origin,
            forward: true,
        };
        self.names.extend(local.names.iter().map(|n| {
            let mut n = n.clone();
            shift.name(&mut n);
            n
        }));
        self.bodies.extend(local.bodies.iter().map(|b| {
            let mut b = b.clone();
            shift.body(&mut b);
            b
        }));
        self.descriptions.extend(local.descriptions.iter().map(|d| {
            let mut d = d.clone();
            shift.description(&mut d);
            d
        }));
    }
}
