//! The "Mark as checked" code action, offered on every copydesk diagnostic: an
//! edit that adds the `copydesk-disable-next-line` comment for its code. Where
//! the comment goes is decided by the core (`checks::suppression`).

use std::collections::HashSet;

use tower_lsp::lsp_types::*;

use super::convert;
use super::server::Backend;
use crate::checks::{self, suppression};
use crate::document::Language;

impl Backend {
    /// One action per copydesk diagnostic of a known rule, made against the
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
        let text = snapshot.rope.to_string();
        let mut seen = HashSet::new();
        let mut actions = Vec::new();
        for (diagnostic, code) in ours {
            let Some(span) = convert::span(&snapshot.rope, diagnostic.range, snapshot.encoding)
            else {
                continue;
            };
            let fix =
                suppression::mark_as_checked(&text, language, &snapshot.analysis.prose, span, code);
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
}
