//! The document store: open documents with their settings and latest
//! analysis, the analysers (memos) by document, and the session's encoding.
//!
//! **Revisions.** The store numbers every state of every document's text and
//! settings from one counter: an open, a change, a save with text and a
//! settings change each take the next number. Answers and publications
//! compare these numbers, never the client's version, which may repeat, stay
//! put on a save with text, or start again at 1 after a re-open.
//!
//! **One analysis per document.** At most one analysis of a URI runs at a
//! time, across a close and re-open too. Whoever needs an analysis while one
//! runs waits for it, then starts the next on the text current by then, so a
//! burst of edits costs one analysis in flight and one queued, whatever its
//! length.
//!
//! **Memory.** Analyses and memos are kept to a budget, counted in bytes of
//! the texts they were made from, least recently used first out: an analysis
//! takes about 11 times its text, memos about 37 times (measured at 10,000
//! and 100,000 words, `examples/retained.rs`). The document being worked on always keeps both; a
//! document left alone is analysed again when asked about (4 ms at 10,000
//! words). A change drops the analysis of the text before it at once.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use ropey::Rope;
use tokio::sync::watch;
use tower_lsp::lsp_types::Url;

use super::publish::Published;
use crate::analysis::{Analysis, Analyzer};
use crate::config::Settings;
use crate::document::{Document, Encoding, Language};

/// Texts whose analyses are kept: about 11 MB of analyses.
const ANALYSES_BUDGET: usize = 1 << 20;
/// Texts whose memos are kept, open or lately closed: about 14 MB of memos
/// (six documents of 10,000 words). A memo saves a re-analysis most of its
/// work; a document without one is analysed afresh (4 ms at 10,000 words).
const MEMOS_BUDGET: usize = 3 << 17;

pub struct Entry {
    pub doc: Document,
    /// The store's number for this state of the text and settings.
    pub revision: u64,
    /// The revision it was opened at: a lower one belongs to an earlier opening.
    opened: u64,
    /// The settings in force for this document; replaced (never mutated) when they change.
    pub settings: Arc<Settings>,
    /// The latest revision whose analysis failed (a panic), so it is not retried.
    failed: Option<u64>,
    /// Numbers the checks scheduled, so a check knows whether a newer one follows.
    pub checks: u64,
    /// The diagnostics last published, kept serialised for reuse.
    pub published: Published,
    /// The current revision, for a running analysis to see that its text
    /// has changed (or the document closed: `u64::MAX`) and give up.
    latest: Arc<AtomicU64>,
}

#[derive(Default)]
pub struct Store {
    pub docs: HashMap<Url, Entry>,
    /// Documents opened in a language copydesk does not analyse.
    pub ignored: HashSet<Url>,
    pub encoding: Encoding,
    revisions: u64,
    /// The latest analysis of each document, of its current opening.
    analyses: Kept<Snapshot>,
    /// Each document's analyser (its memos), lent out while its analysis
    /// runs; kept on after a close, for a re-open.
    analyzers: Kept<Analyzer>,
    /// URIs with an analysis running, each with the channel that tells its end.
    running: HashMap<Url, watch::Sender<()>>,
}

/// What an analysis needs, taken from the store so it can run without the lock.
pub struct Job {
    pub rope: Rope,
    pub revision: u64,
    pub version: i32,
    pub language: Language,
    pub settings: Arc<Settings>,
    pub analyzer: Analyzer,
    /// The document's current revision, as the store changes it.
    pub latest: Arc<AtomicU64>,
}

/// An analysis with the text it was made from.
#[derive(Clone)]
pub struct Snapshot {
    pub analysis: Arc<Analysis>,
    pub rope: Rope,
    pub revision: u64,
    /// The client's version of the text.
    pub version: i32,
    pub encoding: Encoding,
}

/// What a request for an analysis finds.
pub enum Lookup {
    /// An analysis of the wanted revision or a later one.
    Ready(Snapshot),
    /// The document is not open, or its analysis failed.
    Missing,
    /// An analysis is running: wait for its end, then look again.
    Wait(watch::Receiver<()>),
    /// Nothing runs: run this job.
    Run(Box<Job>),
}

impl Store {
    fn next_revision(&mut self) -> u64 {
        self.revisions += 1;
        self.revisions
    }

    pub fn open(&mut self, uri: Url, doc: Document, settings: Arc<Settings>) {
        self.ignored.remove(&uri);
        self.analyses.remove(&uri);
        let revision = self.next_revision();
        self.docs.insert(
            uri,
            Entry {
                doc,
                revision,
                opened: revision,
                settings,
                failed: None,
                checks: 0,
                published: Published::default(),
                latest: Arc::new(AtomicU64::new(revision)),
            },
        );
    }

    /// Closes a document; its memos stay for a re-open, within their budget.
    pub fn close(&mut self, uri: &Url) -> bool {
        self.ignored.remove(uri);
        self.analyses.remove(uri);
        let closed = self.docs.remove(uri);
        if let Some(entry) = &closed {
            entry.latest.store(u64::MAX, Ordering::Relaxed);
        }
        closed.is_some()
    }

    /// Gives a document's changed text (or settings) a new revision. The
    /// analysis of the old one can answer nothing any more: it goes.
    pub fn touched(&mut self, uri: &Url) -> Option<u64> {
        let revision = self.next_revision();
        let entry = self.docs.get_mut(uri)?;
        entry.revision = revision;
        entry.latest.store(revision, Ordering::Relaxed);
        self.analyses.remove(uri);
        Some(revision)
    }

    /// The analysis a request for revision `wanted` (or later) can use, or
    /// what to do to get one.
    pub fn lookup(&mut self, uri: &Url, wanted: u64) -> Lookup {
        let Some(entry) = self.docs.get(uri) else {
            return Lookup::Missing;
        };
        if let Some(snapshot) = self.analyses.get(uri).filter(|s| s.revision >= wanted) {
            return Lookup::Ready(snapshot.clone());
        }
        if entry.failed.is_some_and(|failed| failed >= wanted) {
            return Lookup::Missing;
        }
        if let Some(running) = self.running.get(uri) {
            return Lookup::Wait(running.subscribe());
        }
        let job = Job {
            rope: entry.doc.rope().clone(),
            revision: entry.revision,
            version: entry.doc.version(),
            language: entry.doc.language(),
            settings: Arc::clone(&entry.settings),
            analyzer: self.analyzers.take(uri).unwrap_or_default(),
            latest: Arc::clone(&entry.latest),
        };
        self.running.insert(uri.clone(), watch::channel(()).0);
        Lookup::Run(Box::new(job))
    }

    /// Ends the running analysis of `uri` (of `revision`): takes back the
    /// analyser, keeps the analysis if it is of the open document and newer
    /// than the one kept, and wakes those waiting. `None` if it failed.
    pub fn finish(
        &mut self,
        uri: &Url,
        revision: u64,
        done: Option<(Job, Analysis)>,
    ) -> Option<Snapshot> {
        let encoding = self.encoding;
        if let Some(running) = self.running.remove(uri) {
            running.send_replace(());
        }
        let entry = self
            .docs
            .get_mut(uri)
            .filter(|entry| revision >= entry.opened);
        let Some((job, analysis)) = done else {
            // The analyser may hold half an analysis: the next one starts afresh.
            if let Some(entry) = entry {
                entry.failed = Some(revision);
            }
            return None;
        };
        let Job {
            rope,
            version,
            analyzer,
            ..
        } = job;
        // Memos are kept by content, so they serve whichever text comes next.
        let bytes = rope.len_bytes();
        self.analyzers
            .insert(uri.clone(), analyzer, bytes, MEMOS_BUDGET);
        let snapshot = Snapshot {
            analysis: Arc::new(analysis),
            rope,
            revision,
            version,
            encoding,
        };
        let newer = self
            .analyses
            .peek(uri)
            .is_none_or(|kept| kept.revision < revision);
        if entry.is_some_and(|e| e.revision == revision) && newer {
            self.analyses
                .insert(uri.clone(), snapshot.clone(), bytes, ANALYSES_BUDGET);
        }
        Some(snapshot)
    }
}

impl Store {
    /// Ends a running analysis that gave up because its text changed: takes
    /// back the analyser (its memos are good) and wakes those waiting, who
    /// look again and find the text current by then.
    pub fn superseded(&mut self, uri: &Url, job: Job) {
        if let Some(running) = self.running.remove(uri) {
            running.send_replace(());
        }
        let bytes = job.rope.len_bytes();
        self.analyzers
            .insert(uri.clone(), job.analyzer, bytes, MEMOS_BUDGET);
    }
}

/// Values by document, held to a budget of text bytes: the least recently
/// used go first, never the one just put in.
struct Kept<T> {
    items: HashMap<Url, Item<T>>,
    bytes: usize,
    clock: u64,
}

struct Item<T> {
    value: T,
    bytes: usize,
    used: u64,
}

impl<T> Default for Kept<T> {
    fn default() -> Self {
        Kept {
            items: HashMap::new(),
            bytes: 0,
            clock: 0,
        }
    }
}

impl<T> Kept<T> {
    fn tick(&mut self) -> u64 {
        self.clock += 1;
        self.clock
    }

    fn insert(&mut self, uri: Url, value: T, bytes: usize, budget: usize) {
        self.remove(&uri);
        let used = self.tick();
        self.bytes += bytes;
        self.items.insert(uri.clone(), Item { value, bytes, used });
        while self.bytes > budget {
            let oldest = self
                .items
                .iter()
                .filter(|(u, _)| **u != uri)
                .min_by_key(|(_, item)| item.used)
                .map(|(u, _)| u.clone());
            match oldest {
                Some(oldest) => self.remove(&oldest),
                None => break,
            }
        }
    }

    /// The value, marked as used.
    fn get(&mut self, uri: &Url) -> Option<&T> {
        let used = self.tick();
        let item = self.items.get_mut(uri)?;
        item.used = used;
        Some(&item.value)
    }

    fn peek(&self, uri: &Url) -> Option<&T> {
        self.items.get(uri).map(|item| &item.value)
    }

    fn take(&mut self, uri: &Url) -> Option<T> {
        let item = self.items.remove(uri)?;
        self.bytes -= item.bytes;
        Some(item.value)
    }

    fn remove(&mut self, uri: &Url) {
        self.take(uri);
    }
}

#[cfg(test)]
mod tests;
