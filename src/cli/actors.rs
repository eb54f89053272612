//! `copydesk actors`: the people and organisations of each file, with roles
//! and every reference.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::{json, Value};

use super::{files, Format, EXIT_ERROR};
use crate::actors::{kind_label, Actor, Actors, Form, Mention, Target};

pub fn run(paths: &[PathBuf], format: Format, config: Option<&Path>) -> ExitCode {
    let mut failed = false;
    let files = files::collect(paths, &mut failed);
    let Ok(settings) = super::config::settings_for(&files, config) else {
        return ExitCode::from(EXIT_ERROR);
    };
    let mut out = std::io::stdout().lock();
    for (path, settings) in files.iter().zip(settings) {
        let Some((text, analysis)) = files::analyse(path, &settings) else {
            failed = true;
            continue;
        };
        let actors = &analysis.actors;
        if let Some(problem) = &actors.people_error {
            eprintln!("warning: {problem}");
        }
        let rendered = match format {
            Format::Human => human(path, &text, actors),
            Format::Json => json_of(path, &text, actors).to_string(),
        };
        if writeln!(out, "{rendered}").is_err() {
            return ExitCode::from(EXIT_ERROR);
        }
    }
    if failed {
        ExitCode::from(EXIT_ERROR)
    } else {
        ExitCode::SUCCESS
    }
}

/// 1-based line and character column of a byte offset.
fn position(text: &str, actors: &Actors, offset: usize) -> (usize, usize) {
    let line = actors.line_of(offset);
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    (line + 1, text[start..offset].chars().count() + 1)
}

fn form_name(m: &Mention) -> &'static str {
    match m.form {
        Form::Full => "full name",
        Form::Family => "family name",
        Form::Given => "given name",
        Form::Description => "description",
        Form::Name => "name",
    }
}

/// People first, then organisations and governments, each in order of appearance.
fn ordered(actors: &Actors) -> Vec<usize> {
    let mut order: Vec<usize> = (0..actors.actors.len()).collect();
    order.sort_by_key(|&a| {
        (
            actors.actors[a].kind,
            actors.actors[a].mentions.first().copied(),
        )
    });
    order
}

fn human(path: &Path, text: &str, actors: &Actors) -> String {
    let mut out = format!("{}\n", path.display());
    if actors.actors.is_empty() {
        out.push_str("  no people or organisations found\n");
    }
    for a in ordered(actors) {
        let actor = &actors.actors[a];
        let _ = write!(out, "  {}", actor.name);
        if let Some(role) = &actor.role {
            let _ = write!(out, " — {}", role.text);
        }
        let _ = writeln!(out, " ({})", kind_label(actor));
        for m in actors.mentions_of(a) {
            let (line, col) = position(text, actors, m.span.start);
            let _ = writeln!(
                out,
                "    {line}:{col}  {}  [{}]",
                m.span
                    .of(text)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                form_name(m)
            );
        }
    }
    for m in &actors.mentions {
        if let Target::Ambiguous(candidates) = &m.target {
            let (line, col) = position(text, actors, m.span.start);
            let names: Vec<&str> = candidates
                .iter()
                .map(|&c| actors.actors[c].name.as_str())
                .collect();
            let _ = writeln!(
                out,
                "  not linked: {line}:{col}  {} could be {}",
                m.name.of(text),
                names.join(" or ")
            );
        }
    }
    out
}

fn reference(text: &str, actors: &Actors, m: &Mention) -> Value {
    let (line, column) = position(text, actors, m.span.start);
    json!({
        "line": line,
        "column": column,
        "text": m.span.of(text),
        "name": m.name.of(text),
        "form": form_name(m),
        "start_byte": m.span.start,
        "end_byte": m.span.end,
    })
}

fn actor_json(text: &str, actors: &Actors, a: usize) -> Value {
    let actor: &Actor = &actors.actors[a];
    let relations: Vec<Value> = actor
        .relations
        .iter()
        .map(|r| json!({"relation": r.label, "of": if r.inverse { Value::Null } else { json!(actors.actors[r.other].name) }, "is": if r.inverse { json!(actors.actors[r.other].name) } else { Value::Null }}))
        .collect();
    let statements: Vec<Value> = actors
        .statements_of(a)
        .map(|s| json!({"line": actors.line_of(s.verb.start) + 1, "verb": s.verb.of(text), "content": s.content.of(text)}))
        .collect();
    json!({
        "name": actor.name,
        "kind": kind_label(actor),
        "role": actor.role.as_ref().map(|r| r.text.clone()),
        "references": actors.mentions_of(a).map(|m| reference(text, actors, m)).collect::<Vec<_>>(),
        "relations": relations,
        "statements": statements,
    })
}

/// The actors of one text as `--format json` prints them.
pub fn json_of(path: &Path, text: &str, actors: &Actors) -> Value {
    let ambiguous: Vec<Value> = actors
        .mentions
        .iter()
        .filter_map(|m| match &m.target {
            Target::Ambiguous(c) => {
                let mut r = reference(text, actors, m);
                r["candidates"] = json!(c
                    .iter()
                    .map(|&a| actors.actors[a].name.clone())
                    .collect::<Vec<_>>());
                Some(r)
            }
            Target::Actor(_) => None,
        })
        .collect();
    json!({
        "path": path.display().to_string(),
        "actors": ordered(actors).into_iter().map(|a| actor_json(text, actors, a)).collect::<Vec<_>>(),
        "unlinked": ambiguous,
    })
}
