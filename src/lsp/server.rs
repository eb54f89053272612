//! The language server: LSP requests and notifications onto the store and the analysis.
//!
//! tower-lsp runs handlers concurrently (tower-lsp #284), but starts them in
//! arrival order. So every handler that changes a document does so before its
//! first `.await`, and diagnostics are published only while the store still
//! holds the version they were computed from.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use futures::channel::mpsc::UnboundedSender;
use serde_json::Value;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

use super::settings::Config;
use super::store::{Job, Lookup, Snapshot, Store};
use super::{convert, mark_checked, navigation, publish};
use crate::config::CheckOn;
use crate::document::{Document, Encoding, Language};

#[derive(Clone)]
pub struct Backend {
    pub(super) client: Client,
    /// Diagnostics, serialised here and written in the order they are made.
    publications: UnboundedSender<String>,
    store: Arc<Mutex<Store>>,
    /// Settings state; when both are locked, this one first.
    pub(super) config: Arc<Mutex<Config>>,
    shut_down: Arc<AtomicBool>,
}

/// Why a document is being checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Trigger {
    Open,
    Save,
    Change,
    Settings,
}

impl Backend {
    pub fn new(client: Client, publications: UnboundedSender<String>) -> Self {
        Backend {
            client,
            publications,
            store: Arc::default(),
            config: Arc::default(),
            shut_down: Arc::default(),
        }
    }

    /// Whether the client sent `shutdown` before the connection ended.
    pub fn shut_down_cleanly(&self) -> bool {
        self.shut_down.load(Ordering::SeqCst)
    }

    pub(super) fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while the lock was held leaves the store as the panicking
        // handler left it; every mutation is a single step, so it is still whole.
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(super) async fn log(&self, level: MessageType, message: String) {
        match level {
            MessageType::ERROR => tracing::error!("{message}"),
            MessageType::WARNING => tracing::warn!("{message}"),
            _ => tracing::info!("{message}"),
        }
        self.client.log_message(level, message).await;
    }

    /// An analysis of the document's current text, made now if need be.
    pub(crate) async fn analysed(&self, uri: &Url) -> Option<Snapshot> {
        let wanted = self.store().docs.get(uri)?.revision;
        self.analysed_since(uri, wanted).await
    }

    /// An analysis of revision `wanted` or a later one. Waits for the
    /// document's running analysis, if any, rather than starting a second.
    async fn analysed_since(&self, uri: &Url, wanted: u64) -> Option<Snapshot> {
        loop {
            let lookup = self.store().lookup(uri, wanted);
            match lookup {
                Lookup::Ready(snapshot) => return Some(snapshot),
                Lookup::Missing => return None,
                Lookup::Wait(mut done) => {
                    // A closed channel means the same: look again.
                    let _ = done.changed().await;
                }
                Lookup::Run(job) => {
                    // In a task of its own, so a cancelled request does not
                    // leave the document's analysis unfinished.
                    let this = self.clone();
                    let owned = uri.clone();
                    let run = tokio::spawn(async move { this.run(owned, *job).await });
                    match run.await {
                        Ok(Ran::Done(snapshot)) => return Some(snapshot),
                        // The text changed under it: the current text is at
                        // least as new as the one wanted.
                        Ok(Ran::Superseded) => continue,
                        Ok(Ran::Failed) | Err(_) => return None,
                    }
                }
            }
        }
    }

    /// Runs an analysis job on a blocking thread, and hands its result to the store.
    async fn run(&self, uri: Url, job: Job) -> Ran {
        let revision = job.revision;
        let outcome = tokio::task::spawn_blocking(move || {
            let mut job = job;
            let text = job.rope.to_string();
            // The people file is read here, not by the analysis.
            let (settings, people_error) = crate::config::people::attach(&job.settings);
            let analysis = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let latest = std::sync::Arc::clone(&job.latest);
                let superseded = || latest.load(std::sync::atomic::Ordering::Relaxed) != revision;
                job.analyzer
                    .analyze_unless(&text, job.language, &settings, &superseded)
            }));
            (job, analysis, people_error.filter(|e| e.first))
        })
        .await;
        let (done, failure, people_error) = match outcome {
            Ok((job, Ok(None), _)) => {
                self.store().superseded(&uri, job);
                return Ran::Superseded;
            }
            Ok((job, Ok(Some(analysis)), people)) => (Some((job, analysis)), None, people),
            Ok((_, Err(payload), _)) => (
                None,
                Some(crate::checks::panic_message(payload.as_ref())),
                None,
            ),
            Err(err) => (None, Some(err.to_string()), None),
        };
        let notices = done
            .as_ref()
            .map(|(_, analysis)| (analysis.failures.clone(), people_error.map(|e| e.message)));
        let snapshot = self.store().finish(&uri, revision, done);
        if let Some(reason) = failure {
            self.log(
                MessageType::ERROR,
                format!("analysis of {uri} failed: {reason}"),
            )
            .await;
        }
        if let Some((failures, people_error)) = notices {
            if let Some(message) = people_error {
                self.log(
                    MessageType::ERROR,
                    format!("{message}; the people file is ignored until it is fixed"),
                )
                .await;
            }
            for failure in failures {
                self.log(
                    MessageType::ERROR,
                    format!(
                        "rule {} failed on {uri} and was skipped: {}",
                        failure.code, failure.message
                    ),
                )
                .await;
            }
        }
        snapshot.map_or(Ran::Failed, Ran::Done)
    }

    /// Analyses a document and publishes its diagnostics, unless the text
    /// changed meanwhile or a newer check was scheduled (it will publish).
    async fn check(&self, uri: Url, trigger: Trigger, number: u64) {
        let wanted = {
            let store = self.store();
            match store.docs.get(&uri) {
                Some(entry) if entry.checks == number => entry.revision,
                _ => return,
            }
        };
        let Some(snapshot) = self.analysed_since(&uri, wanted).await else {
            return;
        };
        let mut store = self.store();
        let Some(entry) = store.docs.get_mut(&uri) else {
            return;
        };
        if entry.checks != number || entry.revision != snapshot.revision {
            tracing::debug!(
                "{uri}: version {} is outdated, not published",
                snapshot.version
            );
            return;
        }
        tracing::debug!(
            "{uri}: publishing version {} after {trigger:?}",
            snapshot.version
        );
        // Inside the lock: no newer version can be sent before this one.
        let notification = entry.published.notification(
            &uri,
            snapshot.version,
            &snapshot.analysis.findings,
            &snapshot.rope,
            snapshot.encoding,
        );
        let _ = self.publications.unbounded_send(notification);
        drop(store);
    }

    /// Publishes diagnostics made outside an analysis (none, for a closed
    /// document; a config file's problems).
    pub(super) fn publish(&self, uri: Url, diagnostics: Vec<Diagnostic>) {
        let _ = self
            .publications
            .unbounded_send(publish::notification(uri, diagnostics, None));
    }

    /// Schedules a check after `delay_ms`; a check scheduled later supersedes it.
    pub(super) fn spawn_check(&self, uri: Url, trigger: Trigger, delay_ms: u64) {
        let number = {
            let mut store = self.store();
            let Some(entry) = store.docs.get_mut(&uri) else {
                return;
            };
            entry.checks += 1;
            entry.checks
        };
        let this = self.clone();
        tokio::spawn(async move {
            if delay_ms > 0 {
                tokio::time::sleep(Duration::from_millis(delay_ms)).await;
            }
            this.check(uri, trigger, number).await;
        });
    }
}

/// How an analysis job ended.
enum Ran {
    Done(Snapshot),
    /// The text changed while it ran, and it gave up.
    Superseded,
    Failed,
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        // The word lists, name model and patterns are built once per process:
        // on a thread of their own from here on, so that neither this answer
        // nor the first document opened waits for all of them (an analysis
        // that needs one still being built waits for that one). Detached: a
        // server told to exit meanwhile does not wait for it.
        if let Err(e) = std::thread::Builder::new()
            .name("warm-up".into())
            .spawn(crate::analysis::warm_up)
        {
            tracing::warn!(
                "no thread to build the word lists on ({e}); the first analysis builds them"
            );
        }
        let utf8 = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|encodings| encodings.contains(&PositionEncodingKind::UTF8));
        let encoding = if utf8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        };
        self.store().encoding = encoding;
        let notices = self.init_settings(&params, encoding);
        self.tell(notices).await;
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(convert::encoding_kind(encoding)),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                            include_text: Some(false),
                        })),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..CodeActionOptions::default()
                    },
                )),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec![mark_checked::COMMAND.to_string()],
                    ..ExecuteCommandOptions::default()
                }),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: WorkDoneProgressOptions::default(),
                })),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "copydesk".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        tracing::info!("copydesk {} ready", env!("CARGO_PKG_VERSION"));
        self.settings_initialized().await;
    }

    async fn shutdown(&self) -> Result<()> {
        self.shut_down.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        let Some(language) = Language::detect(&item.language_id, item.uri.path()) else {
            let config_file = self.config_file_opened(&item.uri);
            self.store().ignored.insert(item.uri);
            if let Some(notices) = config_file {
                self.tell(notices).await;
            }
            return;
        };
        let doc = Document::new(&item.text, item.version, language);
        let notices = self.open_with_settings(item.uri.clone(), doc);
        self.spawn_check(item.uri, Trigger::Open, 0);
        self.tell(notices).await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        // Everything up to the first `.await` runs in arrival order: apply the edits here.
        let (outcome, clamped) = {
            let mut store = self.store();
            let encoding = store.encoding;
            let ignored = store.ignored.contains(&uri);
            match store.docs.get_mut(&uri) {
                None if ignored => return,
                None => (None, false),
                Some(entry) => {
                    let mut clamped = false;
                    for change in params.content_changes {
                        match change.range {
                            Some(range) => {
                                let applied = entry.doc.replace(
                                    convert::line_col(range.start),
                                    convert::line_col(range.end),
                                    &change.text,
                                    encoding,
                                );
                                clamped |= applied.clamped;
                            }
                            None => entry.doc.replace_all(&change.text),
                        }
                    }
                    entry.doc.set_version(params.text_document.version);
                    let settings = &entry.settings;
                    let schedule =
                        (settings.check_on == CheckOn::Change).then_some(settings.debounce_ms);
                    store.touched(&uri);
                    (Some(schedule), clamped)
                }
            }
        };
        match outcome {
            None => {
                self.log(
                    MessageType::WARNING,
                    format!("didChange for {uri}, which is not open; ignored"),
                )
                .await
            }
            Some(Some(debounce)) => self.spawn_check(uri, Trigger::Change, debounce),
            Some(None) => {}
        }
        if clamped {
            self.log(
                MessageType::WARNING,
                "didChange named a position outside the document; it was clamped to the document's end".to_string(),
            )
            .await;
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let uri = params.text_document.uri;
        let known = {
            let mut store = self.store();
            let ignored = store.ignored.contains(&uri);
            match (store.docs.get_mut(&uri), params.text) {
                (Some(entry), Some(text)) => {
                    entry.doc.replace_all(&text);
                    store.touched(&uri);
                    Some(true)
                }
                (Some(_), None) => Some(true),
                (None, _) if ignored => None,
                (None, _) => Some(false),
            }
        };
        self.settings_on_save(&uri).await;
        match known {
            Some(true) => self.spawn_check(uri, Trigger::Save, 0),
            Some(false) => {
                self.log(
                    MessageType::WARNING,
                    format!("didSave for {uri}, which is not open; ignored"),
                )
                .await
            }
            None => {}
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let was_open = self.store().close(&uri);
        if was_open {
            self.publish(uri, Vec::new());
        } else {
            self.config_file_closed(&uri).await;
        }
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let (rope, encoding, language) = {
            let store = self.store();
            match store.docs.get(&uri) {
                Some(entry) => (
                    entry.doc.rope().clone(),
                    store.encoding,
                    entry.doc.language(),
                ),
                None => return Ok(None),
            }
        };
        let mut actions = Vec::new();
        for diagnostic in &params.context.diagnostics {
            if diagnostic.source.as_deref() != Some(convert::SOURCE) {
                continue;
            }
            let Some(data) = &diagnostic.data else {
                continue;
            };
            for (i, fix) in convert::stored_fixes(data, &rope, encoding)
                .into_iter()
                .enumerate()
            {
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(WorkspaceEdit {
                        changes: Some([(uri.clone(), fix.edits)].into_iter().collect()),
                        ..WorkspaceEdit::default()
                    }),
                    is_preferred: Some(i == 0),
                    ..CodeAction::default()
                }));
            }
        }
        actions.extend(
            self.mark_checked_actions(&uri, &params.context.diagnostics, language)
                .await,
        );
        Ok(Some(actions))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let at = params.text_document_position_params;
        let snapshot = self.analysed(&at.text_document.uri).await;
        Ok(snapshot.and_then(|s| navigation::hover(&s, at.position)))
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let at = params.text_document_position_params;
        let snapshot = self.analysed(&at.text_document.uri).await;
        Ok(snapshot.and_then(|s| navigation::document_highlight(&s, at.position)))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let at = params.text_document_position;
        let snapshot = self.analysed(&at.text_document.uri).await;
        Ok(snapshot.and_then(|s| {
            navigation::references(
                &s,
                &at.text_document.uri,
                at.position,
                params.context.include_declaration,
            )
        }))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let snapshot = self.analysed(&params.text_document.uri).await;
        Ok(snapshot.map(|s| DocumentSymbolResponse::Nested(navigation::document_symbols(&s))))
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let snapshot = self.analysed(&params.text_document.uri).await;
        Ok(snapshot.and_then(|s| navigation::prepare_rename(&s, params.position)))
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let at = params.text_document_position;
        match self.analysed(&at.text_document.uri).await {
            Some(s) => navigation::rename(&s, &at.text_document.uri, at.position, &params.new_name),
            None => Ok(None),
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        self.configuration_changed(params.settings).await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        self.config_files_changed(params).await;
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<Value>> {
        if params.command == mark_checked::COMMAND {
            self.mark_checked_command(&params.arguments).await;
            Ok(None)
        } else {
            Err(tower_lsp::jsonrpc::Error::invalid_params(format!(
                "unknown command {}",
                params.command
            )))
        }
    }
}
