//! Who-is-who in the editor: hover, document highlights, references, the
//! outline of actors, and rename, all served from a document's latest analysis.

use std::collections::HashMap;

use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types::*;

use super::convert;
use super::store::Snapshot;
use crate::actors::{ActorKind, Actors, Form, PersonName, Target};
use crate::span::Span;

/// The byte offset of a position, if it lies inside the document.
fn offset(snapshot: &Snapshot, position: Position) -> Option<usize> {
    let resolved = convert::byte(&snapshot.rope, position, snapshot.encoding);
    (!resolved.clamped).then_some(resolved.byte)
}

fn range(snapshot: &Snapshot, span: Span) -> Range {
    convert::range(&snapshot.rope, span, snapshot.encoding)
}

fn actors(snapshot: &Snapshot) -> &Actors {
    &snapshot.analysis.actors
}

pub fn hover(snapshot: &Snapshot, position: Position) -> Option<Hover> {
    let at = offset(snapshot, position)?;
    let actors = actors(snapshot);
    let m = actors.mention_at(at)?;
    let text = crate::actors::describe(actors, m, &snapshot.analysis.prose.text)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(range(snapshot, actors.mentions[m].span)),
    })
}

/// The name spans of every reference to the actor at `at`; for a name shared
/// by several people, that reference alone.
fn references_at(snapshot: &Snapshot, at: usize) -> Option<Vec<Span>> {
    let actors = actors(snapshot);
    let m = actors.mention_at(at)?;
    Some(match &actors.mentions[m].target {
        Target::Actor(a) => actors.mentions_of(*a).map(|m| m.name).collect(),
        Target::Ambiguous(_) | Target::NamedFor(_) => vec![actors.mentions[m].name],
    })
}

pub fn document_highlight(
    snapshot: &Snapshot,
    position: Position,
) -> Option<Vec<DocumentHighlight>> {
    let spans = references_at(snapshot, offset(snapshot, position)?)?;
    Some(
        spans
            .into_iter()
            .map(|span| DocumentHighlight {
                range: range(snapshot, span),
                kind: Some(DocumentHighlightKind::TEXT),
            })
            .collect(),
    )
}

pub fn references(
    snapshot: &Snapshot,
    uri: &Url,
    position: Position,
    include_declaration: bool,
) -> Option<Vec<Location>> {
    let spans = references_at(snapshot, offset(snapshot, position)?)?;
    // The introduction (the first reference) is the actor's "declaration".
    let skip = usize::from(!include_declaration && spans.len() > 1);
    Some(
        spans
            .into_iter()
            .skip(skip)
            .map(|span| Location::new(uri.clone(), range(snapshot, span)))
            .collect(),
    )
}

fn symbol_kind(kind: ActorKind) -> SymbolKind {
    match kind {
        ActorKind::Person => SymbolKind::OBJECT,
        ActorKind::Organisation => SymbolKind::MODULE,
        ActorKind::Government => SymbolKind::NAMESPACE,
    }
}

/// The outline: people first, then organisations and governments, each in
/// order of first reference, with its role.
pub fn document_symbols(snapshot: &Snapshot) -> Vec<DocumentSymbol> {
    let actors = actors(snapshot);
    let mut order: Vec<usize> = (0..actors.actors.len()).collect();
    order.sort_by_key(|&a| {
        (
            actors.actors[a].kind,
            actors.actors[a].mentions.first().copied(),
        )
    });
    order
        .into_iter()
        .filter_map(|a| {
            let actor = &actors.actors[a];
            let first = actors.mentions_of(a).next()?;
            let count = actor.mentions.len();
            let detail = match &actor.role {
                Some(role) => format!("{} · {count} ref.", role.text),
                None => format!("{} · {count} ref.", crate::actors::kind_label(actor)),
            };
            #[allow(deprecated)]
            Some(DocumentSymbol {
                name: actor.name.clone(),
                detail: Some(detail),
                kind: symbol_kind(actor.kind),
                tags: None,
                deprecated: None,
                range: range(snapshot, first.span),
                selection_range: range(snapshot, first.name),
                children: None,
            })
        })
        .collect()
}

pub fn prepare_rename(snapshot: &Snapshot, position: Position) -> Option<PrepareRenameResponse> {
    let at = offset(snapshot, position)?;
    let actors = actors(snapshot);
    let m = &actors.mentions[actors.mention_at(at)?];
    if m.form == Form::Description || m.actor().is_none() {
        return None;
    }
    Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: range(snapshot, m.name),
        placeholder: m.name.of(&snapshot.analysis.prose.text).to_string(),
    })
}

/// Renames every reference to the actor at `position` as one edit. The new
/// name replaces the part of the name that was renamed: from a full name, the
/// whole name (so "Lavrov" references take the new family name); from a family
/// or given name, that part only.
pub fn rename(
    snapshot: &Snapshot,
    uri: &Url,
    position: Position,
    new_name: &str,
) -> Result<Option<WorkspaceEdit>> {
    let new_name = new_name.split_whitespace().collect::<Vec<_>>().join(" ");
    if new_name.is_empty() {
        return Err(Error::invalid_params("the new name is empty"));
    }
    let Some(at) = offset(snapshot, position) else {
        return Ok(None);
    };
    let actors = actors(snapshot);
    let Some(m) = actors.mention_at(at) else {
        return Ok(None);
    };
    let mention = &actors.mentions[m];
    let actor = match &mention.target {
        Target::Actor(a) => *a,
        // A group named for someone is renamed from the person's name.
        Target::NamedFor(_) => return Ok(None),
        Target::Ambiguous(c) => {
            return Err(Error::invalid_params(format!(
                "this name is shared by {} people; rename from a fuller reference",
                c.len()
            )))
        }
    };
    let text = &snapshot.analysis.prose.text;
    let plan = Plan::new(mention.form, &new_name, mention.name.of(text));
    let mut edits = Vec::new();
    for other in actors.mentions_of(actor) {
        let old = other.name.of(text);
        if let Some(replacement) = plan.replace(other.form, old) {
            if replacement != old {
                edits.push(TextEdit {
                    range: range(snapshot, other.name),
                    new_text: replacement,
                });
            }
        }
    }
    Ok(Some(WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }))
}

/// What a rename changes, worked out from the reference it started on.
enum Plan {
    /// A new full name, or an organisation's new name.
    Whole(String),
    /// A new family name (renamed from a family-name reference).
    Family { old: String, new: String },
    /// A new given name.
    Given { old: String, new: String },
}

impl Plan {
    fn new(form: Form, new_name: &str, old_name: &str) -> Plan {
        let old_name = old_name.split_whitespace().collect::<Vec<_>>().join(" ");
        match form {
            Form::Family => Plan::Family {
                old: old_name,
                new: new_name.to_string(),
            },
            Form::Given => Plan::Given {
                old: old_name,
                new: new_name.to_string(),
            },
            _ => Plan::Whole(new_name.to_string()),
        }
    }

    /// The new text of one reference, or `None` to leave it.
    fn replace(&self, form: Form, old: &str) -> Option<String> {
        let old = old.split_whitespace().collect::<Vec<_>>().join(" ");
        match (self, form) {
            (_, Form::Description) => None,
            (Plan::Whole(new), Form::Full | Form::Name) => Some(new.clone()),
            (Plan::Whole(new), Form::Family) => {
                let parsed = parse(new)?;
                Some(parsed.later().to_string())
            }
            (Plan::Whole(new), Form::Given) => {
                let parsed = parse(new)?;
                let given = parsed.given?;
                Some(given.split(' ').next()?.to_string())
            }
            (Plan::Family { new, .. }, Form::Family) => Some(new.clone()),
            (Plan::Family { old: from, new }, Form::Full) => Some(swap_part(&old, from, new)),
            (Plan::Given { new, .. }, Form::Given) => Some(new.clone()),
            (Plan::Given { old: from, new }, Form::Full) => Some(swap_part(&old, from, new)),
            _ => None,
        }
    }
}

fn parse(name: &str) -> Option<PersonName> {
    PersonName::parse(&name.split(' ').collect::<Vec<_>>())
}

/// A full name with one part replaced: "Sergei Lavrov" with "Lavrov" -> "Lavrova".
fn swap_part(full: &str, from: &str, to: &str) -> String {
    let words: Vec<&str> = full.split(' ').collect();
    let part: Vec<&str> = from.split(' ').collect();
    let at = words
        .windows(part.len())
        .rposition(|w| w == part.as_slice());
    match at {
        Some(i) => {
            let mut out: Vec<&str> = words[..i].to_vec();
            out.push(to);
            out.extend_from_slice(&words[i + part.len()..]);
            out.join(" ")
        }
        None => full.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_swap_inside_full_names() {
        assert_eq!(
            swap_part("Sergei Lavrov", "Lavrov", "Lavrova"),
            "Sergei Lavrova"
        );
        assert_eq!(swap_part("Xi Jinping", "Xi", "Hsi"), "Hsi Jinping");
        assert_eq!(
            swap_part("Kevin De Bruyne", "De Bruyne", "de Bruyne"),
            "Kevin de Bruyne"
        );
    }

    #[test]
    fn a_full_rename_shortens_to_the_right_part() {
        let plan = Plan::new(Form::Full, "Xi Jinping", "Hsi Chin-ping");
        assert_eq!(plan.replace(Form::Family, "Hsi").as_deref(), Some("Xi"));
        let plan = Plan::new(Form::Full, "Sergey Lavrov", "Sergei Lavrov");
        assert_eq!(
            plan.replace(Form::Family, "Lavrov").as_deref(),
            Some("Lavrov")
        );
        assert_eq!(
            plan.replace(Form::Given, "Sergei").as_deref(),
            Some("Sergey")
        );
        assert_eq!(plan.replace(Form::Description, "the minister"), None);
    }
}
