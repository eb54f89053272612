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

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;

use ropey::Rope;
use tokio::sync::watch;
use tower_lsp::lsp_types::Url;

use crate::analysis::{Analysis, Analyzer};
use crate::config::Settings;
use crate::document::{Document, Encoding, Language};

/// Memos of documents closed lately, kept for a re-open.
const KEEP_CLOSED: usize = 4;

pub struct Entry {
    pub doc: Document,
    /// The store's number for this state of the text and settings.
    pub revision: u64,
    /// The revision it was opened at: a lower one belongs to an earlier opening.
    opened: u64,
    /// The settings in force for this document; replaced (never mutated) when they change.
    pub settings: Arc<Settings>,
    /// The latest analysis made of this document since it was opened.
    latest: Option<Snapshot>,
    /// The latest revision whose analysis failed (a panic), so it is not retried.
    failed: Option<u64>,
    /// Numbers the checks scheduled, so a check knows whether a newer one follows.
    pub checks: u64,
}

#[derive(Default)]
pub struct Store {
    pub docs: HashMap<Url, Entry>,
    /// Documents opened in a language copydesk does not analyse.
    pub ignored: HashSet<Url>,
    pub encoding: Encoding,
    revisions: u64,
    /// Each document's analyser, lent out while its analysis runs; kept on
    /// for the last few documents closed.
    analyzers: HashMap<Url, Analyzer>,
    closed: VecDeque<Url>,
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
        self.closed.retain(|u| *u != uri);
        let revision = self.next_revision();
        self.docs.insert(
            uri,
            Entry {
                doc,
                revision,
                opened: revision,
                settings,
                latest: None,
                failed: None,
                checks: 0,
            },
        );
    }

    /// Closes a document; its memos stay for a re-open, a few documents long.
    pub fn close(&mut self, uri: &Url) -> bool {
        self.ignored.remove(uri);
        let was_open = self.docs.remove(uri).is_some();
        if was_open {
            self.closed.retain(|u| u != uri);
            self.closed.push_back(uri.clone());
            while self.closed.len() > KEEP_CLOSED {
                if let Some(oldest) = self.closed.pop_front() {
                    self.analyzers.remove(&oldest);
                }
            }
        }
        was_open
    }

    /// Gives a document's changed text (or settings) a new revision.
    pub fn touched(&mut self, uri: &Url) -> Option<u64> {
        let revision = self.next_revision();
        let entry = self.docs.get_mut(uri)?;
        entry.revision = revision;
        Some(revision)
    }

    /// The analysis a request for revision `wanted` (or later) can use, or
    /// what to do to get one.
    pub fn lookup(&mut self, uri: &Url, wanted: u64) -> Lookup {
        let Some(entry) = self.docs.get(uri) else {
            return Lookup::Missing;
        };
        if let Some(snapshot) = entry.latest.as_ref().filter(|s| s.revision >= wanted) {
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
            analyzer: self.analyzers.remove(uri).unwrap_or_default(),
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
        let open = self.docs.contains_key(uri) || self.closed.contains(uri);
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
        if open {
            self.analyzers.insert(uri.clone(), analyzer);
        }
        let snapshot = Snapshot {
            analysis: Arc::new(analysis),
            rope,
            revision,
            version,
            encoding,
        };
        if let Some(entry) = entry {
            if entry.latest.as_ref().is_none_or(|l| l.revision < revision) {
                entry.latest = Some(snapshot.clone());
            }
        }
        Some(snapshot)
    }
}

#[cfg(test)]
mod tests;
