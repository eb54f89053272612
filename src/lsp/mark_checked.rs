//! "Mark as checked", offered on every copydesk diagnostic of a known rule:
//!
//! - **in `.copydesk.toml`** (first, and the only one in plain text): an edit
//!   that appends a `[[checked]]` entry (the rule and a hash of the sentence)
//!   to the config file in force, or creates one; the article is left alone.
//!   Its command (`copydesk.markChecked`) makes the mark count at once, before
//!   the editor saves the config file;
//! - **here, as a comment** (Markdown only, where comments do not render): an
//!   edit that adds the `copydesk-disable-next-line` comment, placed by the
//!   core (`checks::suppression`).

use std::collections::HashSet;
use std::path::Path;

use ropey::Rope;
use serde_json::{json, Value};
use tower_lsp::lsp_types::*;

use super::convert;
use super::server::Backend;
use crate::checks::suppression::checked;
use crate::checks::{self, suppression};
use crate::config::Checked;
use crate::document::{Encoding, Language};

pub const COMMAND: &str = "copydesk.markChecked";

/// Sentences longer than this are cut in the comment above an entry.
const SHOWN_CHARS: usize = 72;

impl Backend {
    /// The actions for copydesk diagnostics of known rules, made against the
    /// document's current text.
    pub(super) async fn mark_checked_actions(
        &self,
        uri: &Url,
        diagnostics: &[Diagnostic],
        language: Language,
    ) -> Vec<CodeActionOrCommand> {
        let ours: Vec<(&Diagnostic, &str)> = diagnostics
            .iter()
            .filter(|d| d.source.as_deref() == Some(convert::SOURCE))
            .filter_map(|d| match &d.code {
                Some(NumberOrString::String(code)) => Some((d, code.as_str())),
                _ => None,
            })
            .filter(|(_, code)| checks::rule_info(code).is_some())
            .collect();
        if ours.is_empty() {
            return Vec::new();
        }
        let Some(snapshot) = self.analysed(uri).await else {
            return Vec::new();
        };
        let config_file = self.config().checked_file(uri);
        let text = snapshot.rope.to_string();
        let prose = &snapshot.analysis.prose;
        let mut seen = HashSet::new();
        let mut actions = Vec::new();
        for (diagnostic, code) in ours {
            let Some(span) = convert::span(&snapshot.rope, diagnostic.range, snapshot.encoding)
            else {
                continue;
            };
            if let Some((path, exists)) = &config_file {
                let (mark, sentence) = checked::mark(&text, prose, code, span.start);
                if seen.insert(format!("{mark:?}")) {
                    if let Some(action) = config_action(
                        diagnostic,
                        path,
                        *exists,
                        &mark,
                        &sentence,
                        snapshot.encoding,
                    ) {
                        actions.push(action);
                    }
                }
            }
            if language != Language::Markdown {
                continue;
            }
            let fix = suppression::mark_as_checked(&text, language, prose, span, code);
            let edits: Vec<TextEdit> = fix
                .edits
                .iter()
                .map(|e| TextEdit {
                    range: convert::range(&snapshot.rope, e.span, snapshot.encoding),
                    new_text: e.replacement.clone(),
                })
                .collect();
            if !seen.insert(format!("{edits:?}")) {
                continue;
            }
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(WorkspaceEdit {
                    changes: Some([(uri.clone(), edits)].into_iter().collect()),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(false),
                ..CodeAction::default()
            }));
        }
        actions
    }

    /// `copydesk.markChecked`: the editor applied the config file edit; the
    /// mark counts from now, saved or not.
    pub(super) async fn mark_checked_command(&self, arguments: &[Value]) {
        let Some(mark) = arguments.first().and_then(parse_mark) else {
            self.log(
                MessageType::WARNING,
                format!("{COMMAND}: expected {{\"rule\", \"sentence\"}}, got {arguments:?}"),
            )
            .await;
            return;
        };
        self.config().mark_pending(mark);
        self.refresh_settings().await;
    }
}

fn parse_mark(argument: &Value) -> Option<Checked> {
    let rule = argument.get("rule")?.as_str()?;
    checks::rule_info(rule)?;
    let sentence = checked::parse_hash(argument.get("sentence")?.as_str()?)?;
    Some(Checked {
        rule: rule.to_string(),
        sentence,
    })
}

/// The entry "Mark as checked" writes: a comment showing the sentence, so a
/// reader of the file knows what was checked, then the rule and the hash.
fn entry(mark: &Checked, sentence: &str) -> String {
    // A TOML comment may hold no control character.
    let visible = sentence.chars().filter(|c| !c.is_control());
    let mut shown: String = visible.clone().take(SHOWN_CHARS).collect();
    if visible.count() > SHOWN_CHARS {
        shown.push('…');
    }
    format!(
        "[[checked]]\n# {shown}\nrule = \"{}\"\nsentence = \"{}\"\n",
        mark.rule,
        checked::format_hash(mark.sentence)
    )
}

fn config_action(
    diagnostic: &Diagnostic,
    path: &Path,
    exists: bool,
    mark: &Checked,
    sentence: &str,
    encoding: Encoding,
) -> Option<CodeActionOrCommand> {
    let file_uri = Url::from_file_path(path).ok()?;
    let entry = entry(mark, sentence);
    let edit = if exists {
        // Appended after what is on disk; an array of tables may grow anywhere.
        let current = std::fs::read_to_string(path).ok()?;
        let gap = if current.is_empty() {
            ""
        } else if current.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        let end = convert::position(&Rope::from_str(&current), current.len(), encoding);
        WorkspaceEdit {
            changes: Some(
                [(
                    file_uri,
                    vec![TextEdit {
                        range: Range::new(end, end),
                        new_text: format!("{gap}{entry}"),
                    }],
                )]
                .into_iter()
                .collect(),
            ),
            ..WorkspaceEdit::default()
        }
    } else {
        let start = Position::new(0, 0);
        let new_text = format!(
            "# copydesk settings: see docs/configuration.md.\n# Findings marked as checked, by rule and a hash of their sentence.\n\n{entry}"
        );
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Operations(vec![
                DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                    uri: file_uri.clone(),
                    options: Some(CreateFileOptions {
                        overwrite: Some(false),
                        ignore_if_exists: Some(true),
                    }),
                    annotation_id: None,
                })),
                DocumentChangeOperation::Edit(TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier {
                        uri: file_uri,
                        version: None,
                    },
                    edits: vec![OneOf::Left(TextEdit {
                        range: Range::new(start, start),
                        new_text,
                    })],
                }),
            ])),
            ..WorkspaceEdit::default()
        }
    };
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    Some(CodeActionOrCommand::CodeAction(CodeAction {
        title: format!(
            "Mark as checked in {name}: hide {} in this sentence",
            mark.rule
        ),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(edit),
        command: Some(Command {
            title: "Mark as checked".to_string(),
            command: COMMAND.to_string(),
            arguments: Some(vec![json!({
                "rule": mark.rule,
                "sentence": checked::format_hash(mark.sentence),
            })]),
        }),
        is_preferred: Some(false),
        ..CodeAction::default()
    }))
}
