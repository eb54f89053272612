//! The document store: open documents with their settings and latest
//! analysis, and the session's negotiated encoding.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use ropey::Rope;
use tower_lsp::lsp_types::Url;

use crate::analysis::{Analysis, Analyzer};
use crate::config::Settings;
use crate::document::{Document, Encoding, Language};

pub struct Entry {
    pub doc: Document,
    /// The block cache, lent out while an analysis runs.
    pub analyzer: Option<Analyzer>,
    /// The latest analysis and the version it was made from.
    pub analysis: Option<(i32, Arc<Analysis>)>,
    /// Counts changes, so a debounced check knows whether another edit came after it.
    pub changes: u64,
    /// The settings in force for this document; replaced (never mutated) when they change.
    pub settings: Arc<Settings>,
}

#[derive(Default)]
pub struct Store {
    pub docs: HashMap<Url, Entry>,
    /// Documents opened in a language copydesk does not analyse.
    pub ignored: HashSet<Url>,
    pub encoding: Encoding,
}

/// What an analysis needs, taken from the store so it can run without the lock.
pub struct Job {
    pub text: String,
    pub rope: Rope,
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
    pub version: i32,
    pub encoding: Encoding,
    /// The settings it was made with.
    pub settings: Arc<Settings>,
}

impl Store {
    pub fn open(&mut self, uri: Url, doc: Document, settings: Arc<Settings>) {
        self.ignored.remove(&uri);
        self.docs.insert(
            uri,
            Entry {
                doc,
                analyzer: Some(Analyzer::default()),
                analysis: None,
                changes: 0,
                settings,
            },
        );
    }

    /// The latest analysis of a document, if it is of the current version.
    pub fn fresh(&self, uri: &Url) -> Option<Snapshot> {
        let entry = self.docs.get(uri)?;
        let (version, analysis) = entry.analysis.as_ref()?;
        (*version == entry.doc.version()).then(|| Snapshot {
            analysis: Arc::clone(analysis),
            rope: entry.doc.rope().clone(),
            version: *version,
            encoding: self.encoding,
            settings: Arc::clone(&entry.settings),
        })
    }

    pub fn job(&mut self, uri: &Url) -> Option<Job> {
        let entry = self.docs.get_mut(uri)?;
        let settings = Arc::clone(&entry.settings);
        Some(Job {
            text: entry.doc.text(),
            rope: entry.doc.rope().clone(),
            version: entry.doc.version(),
            language: entry.doc.language(),
            settings,
            analyzer: entry.analyzer.take().unwrap_or_default(),
        })
    }

    /// Takes back the analyzer and keeps the analysis if neither the document
    /// nor its settings have changed since.
    pub fn finish(&mut self, uri: &Url, job: Job, analysis: Analysis) -> Snapshot {
        let Job {
            rope,
            version,
            settings,
            analyzer,
            ..
        } = job;
        let analysis = Arc::new(analysis);
        if let Some(entry) = self.docs.get_mut(uri) {
            entry.analyzer.get_or_insert(analyzer);
            if entry.doc.version() == version && Arc::ptr_eq(&entry.settings, &settings) {
                entry.analysis = Some((version, Arc::clone(&analysis)));
            }
        }
        Snapshot {
            analysis,
            rope,
            version,
            encoding: self.encoding,
            settings,
        }
    }

    /// Whether a snapshot is of the document's current version and settings.
    pub fn is_current(&self, uri: &Url, snapshot: &Snapshot) -> bool {
        self.docs.get(uri).is_some_and(|e| {
            e.doc.version() == snapshot.version && Arc::ptr_eq(&e.settings, &snapshot.settings)
        })
    }
}
