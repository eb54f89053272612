//! Settings in the server: which settings each open document gets, and when
//! they change.
//!
//! A document's settings are the defaults, then the nearest `.copydesk.toml`
//! above its folder, then the editor's `copydesk` settings. All of it is
//! cached: the editor's settings are pulled (`workspace/configuration`) only
//! at start-up and on `workspace/didChangeConfiguration`; config files are
//! found once per folder and read once, then again when the client reports a
//! change (`workspace/didChangeWatchedFiles`, registered when the client
//! allows it), on `workspace/didChangeConfiguration` (files created, edited
//! or deleted are looked for again), or, for clients that cannot watch files,
//! when a document is saved and the file's time stamp moved. A change
//! re-checks the open documents whose settings it changed, through the usual
//! publication path.
//!
//! A config file with problems sets nothing: the last good version of it (or
//! nothing) stays in force. Its problems are published as diagnostics on the
//! file while it is open in the editor, and shown once as a message.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, MutexGuard};
use std::time::SystemTime;

use ropey::Rope;
use serde_json::{json, Value};
use tower_lsp::lsp_types::*;

use super::convert;
use super::server::{Backend, Trigger};
use crate::config::file::{self, Finder, Loaded};
use crate::config::{editor, Checked, Layer, Problem, Settings};
use crate::document::{Document, Encoding};

/// The section of the editor's settings that belongs to copydesk.
const SECTION: &str = "copydesk";
const CONFIG_GLOB: &str = "**/.copydesk.toml";
/// The code of diagnostics on a config file.
const INVALID_CONFIG: &str = "invalid-config";

/// What a client can do for settings.
#[derive(Clone, Copy, Debug, Default)]
struct Abilities {
    /// Answers `workspace/configuration`.
    pull: bool,
    /// Lets the server register `workspace/didChangeWatchedFiles`.
    watch: bool,
    /// Applies workspace edits that create files.
    create_files: bool,
}

/// The settings state of a session.
#[derive(Default)]
pub struct Config {
    abilities: Abilities,
    encoding: Encoding,
    /// The folder a relative `people` path in editor settings is resolved against.
    root: Option<PathBuf>,
    editor: Layer,
    /// The editor-settings problems last shown, so the same ones are shown once.
    editor_shown: Vec<String>,
    finder: Finder,
    files: HashMap<PathBuf, FileState>,
    /// Settings by config file (`None`: no file), made from the layers on demand.
    merged: HashMap<Option<PathBuf>, Arc<Settings>>,
    /// Config files open in the editor.
    open: HashMap<PathBuf, Url>,
    /// Findings marked as checked this session whose config file edit may
    /// not be saved yet; dropped when a config file is read again.
    pending: Vec<Checked>,
}

struct FileState {
    loaded: Loaded,
    /// The settings of the last version without problems, this session.
    good: Option<Layer>,
    stamp: Option<(SystemTime, u64)>,
    /// Whether the current problems were shown; reset once the file is good.
    warned: bool,
}

/// Something to tell the client once the settings lock is released.
pub enum Notice {
    Show(String),
    Log(MessageType, String),
    Publish(Url, Vec<Diagnostic>),
}

impl Config {
    /// The session's settings from `initialize`.
    pub fn new(params: &InitializeParams, encoding: Encoding) -> (Config, Vec<Notice>) {
        let workspace = params.capabilities.workspace.as_ref();
        let abilities = Abilities {
            pull: workspace.and_then(|w| w.configuration).unwrap_or(false),
            watch: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|w| w.dynamic_registration)
                .unwrap_or(false),
            create_files: workspace
                .and_then(|w| w.workspace_edit.as_ref())
                .is_some_and(|edit| {
                    edit.document_changes == Some(true)
                        && edit
                            .resource_operations
                            .as_ref()
                            .is_some_and(|ops| ops.contains(&ResourceOperationKind::Create))
                }),
        };
        #[allow(deprecated)] // rootUri: still what many clients send
        let root = params
            .workspace_folders
            .as_ref()
            .and_then(|folders| folders.first())
            .map(|folder| &folder.uri)
            .or(params.root_uri.as_ref())
            .and_then(|uri| uri.to_file_path().ok());
        let mut config = Config {
            abilities,
            encoding,
            root,
            ..Config::default()
        };
        let notices = match &params.initialization_options {
            Some(options) => config.set_editor(options),
            None => Vec::new(),
        };
        (config, notices)
    }

    /// Replaces the editor's layer. Settings that are not understood are left
    /// out; the problems are logged, and shown unless they were just shown.
    fn set_editor(&mut self, json: &Value) -> Vec<Notice> {
        let (layer, problems) = editor::read(json, self.root.as_deref());
        let messages: Vec<String> = problems.into_iter().map(|p| p.message).collect();
        let mut notices: Vec<Notice> = messages
            .iter()
            .map(|m| Notice::Log(MessageType::WARNING, format!("editor settings: {m}")))
            .collect();
        if !messages.is_empty() && messages != self.editor_shown {
            notices.push(Notice::Show(format!(
                "copydesk: editor settings ignored: {}",
                messages.join("; ")
            )));
        }
        self.editor_shown = messages;
        if layer != self.editor {
            self.editor = layer;
            self.merged.clear();
        }
        notices
    }

    /// The settings of a document, from the caches when they hold them.
    pub fn settings_for(&mut self, uri: &Url) -> (Arc<Settings>, Vec<Notice>) {
        let mut notices = Vec::new();
        let config_path = uri
            .to_file_path()
            .ok()
            .and_then(|path| path.parent().map(Path::to_path_buf))
            .and_then(|dir| self.finder.nearest(&dir));
        if let Some(path) = &config_path {
            if !self.files.contains_key(path) {
                notices.extend(self.load(path));
            }
        }
        if let Some(settings) = self.merged.get(&config_path) {
            return (Arc::clone(settings), notices);
        }
        let file_layer = config_path
            .as_ref()
            .and_then(|path| self.files.get(path))
            .and_then(|state| state.good.as_ref());
        let pending = Layer {
            checked: self.pending.clone(),
            ..Layer::default()
        };
        let settings = Arc::new(Settings::layered(
            file_layer.into_iter().chain([&self.editor, &pending]),
        ));
        self.merged.insert(config_path, Arc::clone(&settings));
        (settings, notices)
    }

    /// Reads a config file (again), keeping its last good settings if it now
    /// has problems.
    fn load(&mut self, path: &Path) -> Vec<Notice> {
        let loaded = file::load(path);
        let stamp = stamp(path);
        let previous = self.files.remove(path);
        let (mut good, mut warned) = previous.map_or((None, false), |p| (p.good, p.warned));
        let mut notices = Vec::new();
        match &loaded.result {
            Ok(layer) => {
                good = Some(layer.clone());
                warned = false;
            }
            Err(problems) => {
                for problem in problems {
                    notices.push(Notice::Log(MessageType::WARNING, located(&loaded, problem)));
                }
                if !warned {
                    warned = true;
                    let fallback = if good.is_some() {
                        "its last good version stays in force"
                    } else {
                        "copydesk goes on without it"
                    };
                    let more = match problems.len() {
                        0 | 1 => String::new(),
                        n => format!(" (and {} more)", n - 1),
                    };
                    if let Some(first) = problems.first() {
                        notices.push(Notice::Show(format!(
                            "copydesk: {}{more}; {fallback}",
                            located(&loaded, first)
                        )));
                    }
                }
            }
        }
        self.merged.remove(&Some(path.to_path_buf()));
        let state = FileState {
            loaded,
            good,
            stamp,
            warned,
        };
        if let Some(uri) = self.open.get(path) {
            notices.push(Notice::Publish(
                uri.clone(),
                diagnostics(&state.loaded, self.encoding),
            ));
        }
        self.files.insert(path.to_path_buf(), state);
        notices
    }

    /// Config files changed on disk: read them again, and find files anew
    /// (one may have been created or deleted).
    fn changed(&mut self, paths: &[PathBuf]) -> Vec<Notice> {
        self.finder.clear();
        if !paths.is_empty() && !self.pending.is_empty() {
            // The files are the record now.
            self.pending.clear();
            self.merged.clear();
        }
        let mut notices = Vec::new();
        for path in paths {
            if !crate::regular_file::exists(path) {
                self.files.remove(path);
                self.merged.remove(&Some(path.clone()));
                if let Some(uri) = self.open.get(path) {
                    notices.push(Notice::Publish(uri.clone(), Vec::new()));
                }
            } else if self.files.contains_key(path) || self.open.contains_key(path) {
                notices.extend(self.load(path));
            }
        }
        notices
    }

    /// Looks at the disk again: config files created, changed or deleted
    /// since they were last read.
    fn rescan(&mut self) -> Vec<Notice> {
        let stale = self.stale_files();
        self.changed(&stale)
    }

    /// Where "Mark as checked" records a finding of a document: the config
    /// file in force for it, else a new one at the workspace root (or beside
    /// the document, outside any workspace). `None` when the document is not
    /// a file, or the file would have to be created and the client cannot.
    pub fn checked_file(&mut self, uri: &Url) -> Option<(PathBuf, bool)> {
        let dir = uri.to_file_path().ok()?.parent()?.to_path_buf();
        if let Some(found) = self.finder.nearest(&dir) {
            return Some((found, true));
        }
        if !self.abilities.create_files {
            return None;
        }
        let folder = match &self.root {
            Some(root) if dir.starts_with(root) => root.clone(),
            _ => dir,
        };
        Some((folder.join(file::FILE_NAME), false))
    }

    /// A finding marked as checked, in force until the config files are read again.
    pub fn mark_pending(&mut self, mark: Checked) {
        if !self.pending.contains(&mark) {
            self.pending.push(mark);
            self.merged.clear();
        }
    }

    /// For clients that cannot watch files: the config files whose time stamp moved.
    fn stale_files(&mut self) -> Vec<PathBuf> {
        self.files
            .iter()
            .filter(|(path, state)| stamp(path) != state.stamp)
            .map(|(path, _)| path.clone())
            .collect()
    }
}

fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// A problem as `path:line:column: message`.
fn located(loaded: &Loaded, problem: &Problem) -> String {
    let (line, column) = problem.line_col(&loaded.text);
    format!(
        "{}:{line}:{column}: {}",
        loaded.path.display(),
        problem.message
    )
}

fn diagnostics(loaded: &Loaded, encoding: Encoding) -> Vec<Diagnostic> {
    let Err(problems) = &loaded.result else {
        return Vec::new();
    };
    let rope = Rope::from_str(&loaded.text);
    let href = Url::parse(&format!(
        "{}/blob/main/docs/configuration.md",
        env!("CARGO_PKG_REPOSITORY")
    ))
    .ok();
    problems
        .iter()
        .map(|problem| Diagnostic {
            range: problem
                .span
                .map(|span| convert::range(&rope, span, encoding))
                .unwrap_or_default(),
            severity: Some(DiagnosticSeverity::ERROR),
            code: Some(NumberOrString::String(INVALID_CONFIG.to_string())),
            code_description: href.clone().map(|href| CodeDescription { href }),
            source: Some(convert::SOURCE.to_string()),
            message: problem.message.clone(),
            ..Diagnostic::default()
        })
        .collect()
}

fn config_path(uri: &Url) -> Option<PathBuf> {
    uri.to_file_path()
        .ok()
        .filter(|path| file::is_config_file(path))
}

impl Backend {
    pub(super) fn config(&self) -> MutexGuard<'_, Config> {
        // Every change to the config state is made whole under the lock.
        self.config
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(super) fn init_settings(
        &self,
        params: &InitializeParams,
        encoding: Encoding,
    ) -> Vec<Notice> {
        let (config, notices) = Config::new(params, encoding);
        *self.config() = config;
        notices
    }

    pub(super) async fn tell(&self, notices: Vec<Notice>) {
        for notice in notices {
            match notice {
                Notice::Show(message) => {
                    tracing::warn!("{message}");
                    self.client
                        .show_message(MessageType::WARNING, message)
                        .await;
                }
                Notice::Log(level, message) => self.log(level, message).await,
                Notice::Publish(uri, diagnostics) => self.publish(uri, diagnostics),
            }
        }
    }

    /// Opens a document with its settings. The settings lock is held while the
    /// store takes the document, so no settings change can fall in between.
    pub(super) fn open_with_settings(&self, uri: Url, doc: Document) -> Vec<Notice> {
        let mut config = self.config();
        let (settings, notices) = config.settings_for(&uri);
        self.store().open(uri, doc, settings);
        notices
    }

    /// After `initialized`: pulls the editor's settings and asks to be told of
    /// config-file changes, as far as the client allows.
    pub(super) async fn settings_initialized(&self) {
        let abilities = self.config().abilities;
        if abilities.pull {
            self.reload_editor_settings(Value::Null).await;
        }
        if abilities.watch {
            let registration = Registration {
                id: "copydesk-config-files".to_string(),
                method: "workspace/didChangeWatchedFiles".to_string(),
                register_options: Some(json!({ "watchers": [{ "globPattern": CONFIG_GLOB }] })),
            };
            if let Err(err) = self.client.register_capability(vec![registration]).await {
                self.log(
                    MessageType::WARNING,
                    format!("could not ask to watch {CONFIG_GLOB}: {err}; config files are re-read on save"),
                )
                .await;
            }
        }
    }

    /// Reads the editor's settings again: pulled from the client when it can
    /// answer, else from what it pushed (`pushed`, the whole settings object or
    /// our section of it).
    pub(super) async fn reload_editor_settings(&self, pushed: Value) {
        let pulled = if self.config().abilities.pull {
            let item = ConfigurationItem {
                scope_uri: None,
                section: Some(SECTION.to_string()),
            };
            match self.client.configuration(vec![item]).await {
                Ok(values) => values.into_iter().next().unwrap_or(Value::Null),
                Err(err) => {
                    self.log(
                        MessageType::WARNING,
                        format!("workspace/configuration failed: {err}"),
                    )
                    .await;
                    Value::Null
                }
            }
        } else {
            Value::Null
        };
        let pushed = match pushed.get(SECTION) {
            Some(section) => section.clone(),
            // Some clients push our settings unwrapped; others push `{}` when
            // they hold none, which must not wipe `initializationOptions`.
            None if pushed.as_object().is_some_and(|o| o.is_empty()) => Value::Null,
            None => pushed,
        };
        let value = if pulled.is_null() { pushed } else { pulled };
        if value.is_null() {
            return;
        }
        let notices = self.config().set_editor(&value);
        self.tell(notices).await;
        self.refresh_settings().await;
    }

    /// `workspace/didChangeConfiguration`: the editor's settings, and the
    /// config files on disk, which may have been created, edited or deleted
    /// without the client saying so.
    pub(super) async fn configuration_changed(&self, pushed: Value) {
        let notices = self.config().rescan();
        self.tell(notices).await;
        self.reload_editor_settings(pushed).await;
        self.refresh_settings().await;
    }

    /// `workspace/didChangeWatchedFiles`.
    pub(super) async fn config_files_changed(&self, params: DidChangeWatchedFilesParams) {
        let paths: Vec<PathBuf> = params
            .changes
            .iter()
            .filter_map(|change| config_path(&change.uri))
            .collect();
        if paths.is_empty() {
            return;
        }
        let notices = self.config().changed(&paths);
        self.tell(notices).await;
        self.refresh_settings().await;
    }

    /// A document was saved. A config file is read again; for a client that
    /// cannot watch files, config files whose time stamp moved are too, and
    /// new ones are looked for.
    pub(super) async fn settings_on_save(&self, uri: &Url) {
        let notices = {
            let mut config = self.config();
            match config_path(uri) {
                Some(path) => config.changed(&[path]),
                None if !config.abilities.watch => {
                    let stale = config.stale_files();
                    config.changed(&stale)
                }
                None => return,
            }
        };
        self.tell(notices).await;
        self.refresh_settings().await;
    }

    /// A config file was opened in the editor: its problems, to publish.
    /// `None` for any other document.
    pub(super) fn config_file_opened(&self, uri: &Url) -> Option<Vec<Notice>> {
        let path = config_path(uri)?;
        let mut config = self.config();
        config.open.insert(path.clone(), uri.clone());
        let notices = match config.files.get(&path) {
            Some(state) => vec![Notice::Publish(
                uri.clone(),
                diagnostics(&state.loaded, config.encoding),
            )],
            None => config.load(&path),
        };
        Some(notices)
    }

    pub(super) async fn config_file_closed(&self, uri: &Url) {
        let was_open =
            config_path(uri).is_some_and(|path| self.config().open.remove(&path).is_some());
        if was_open {
            self.publish(uri.clone(), Vec::new());
        }
    }

    /// Gives every open document its current settings, and re-checks those
    /// whose settings changed.
    pub(super) async fn refresh_settings(&self) {
        let (changed, notices) = {
            let mut config = self.config();
            let mut store = self.store();
            let mut notices = Vec::new();
            let mut changed = Vec::new();
            for (uri, entry) in store.docs.iter_mut() {
                let (settings, more) = config.settings_for(uri);
                notices.extend(more);
                if *settings != *entry.settings {
                    entry.settings = settings;
                    changed.push(uri.clone());
                }
            }
            for uri in &changed {
                store.touched(uri);
            }
            (changed, notices)
        };
        self.tell(notices).await;
        for uri in changed {
            self.spawn_check(uri, Trigger::Settings, 0);
        }
    }
}
