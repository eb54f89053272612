//! `copydesk actors`: the people and organisations of each file, with roles
//! and every reference.

use std::fmt::Write as _;

use clap::Args;
use serde_json::{json, Value};

use super::config::{gather, Selection, Work};
use super::inputs::{self, Inputs, Source};
use super::output::{Problems, Stdout};
use super::positions::{Position, Positions};
use super::{parallel, ListFormat, EXIT_ERROR};
use crate::actors::{kind_label, Actor, Actors, Form, Mention, Target};
use crate::analysis;
use crate::config::Settings;

#[derive(Args, Debug)]
pub struct ActorsArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
}

pub fn run(args: &ActorsArgs) -> u8 {
    let mut problems = Problems::default();
    let Some(Work { files: work, stdin }) =
        gather(&args.inputs, &Selection::default(), &mut problems)
    else {
        return EXIT_ERROR;
    };
    let mut out = Stdout::new();
    parallel::for_each_ordered(
        work,
        |(source, settings)| {
            describe_file(&source, settings.as_deref(), stdin.as_deref(), args.format)
        },
        |result| {
            match result {
                Some(Ok(rendered)) => out.write(&rendered),
                Some(Err(message)) => problems.error(message),
                None => {}
            }
            !out.closed
        },
    );
    out.flush();
    if problems.errors > 0 || out.closed {
        EXIT_ERROR
    } else {
        0
    }
}

/// One file's actors, rendered; `None` when its config was broken (reported already).
fn describe_file(
    source: &Source,
    settings: Option<&Settings>,
    stdin: Option<&str>,
    format: ListFormat,
) -> Option<Result<String, String>> {
    let settings = settings?;
    if source.stdin && stdin.is_none() {
        return None;
    }
    let text = match inputs::read(source, stdin) {
        Ok(text) => text,
        Err(message) => return Some(Err(format!("{}: {message}", source.shown))),
    };
    let language = source.language();
    let analysis = match std::panic::catch_unwind(|| analysis::analyze(&text, language, settings)) {
        Ok(analysis) => analysis,
        Err(payload) => {
            return Some(Err(format!(
                "{}: analysis failed: {}",
                source.shown,
                crate::checks::panic_message(payload.as_ref())
            )))
        }
    };
    let actors = &analysis.actors;
    let positions = positions_of(&text, actors);
    let rendered = match format {
        ListFormat::Human => human(&source.shown, &text, &positions, actors),
        ListFormat::Json => format!("{}\n", json_with(&source.shown, &text, &positions, actors)),
    };
    Some(Ok(rendered))
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

fn human(path: &str, text: &str, positions: &Positions, actors: &Actors) -> String {
    let mut out = format!("{path}\n");
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
            let Position { line, column } = positions.of(m.span.start);
            let _ = writeln!(
                out,
                "    {line}:{column}  {}  [{}]",
                m.span
                    .of(text)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                form_name(m)
            );
        }
    }
    for m in actors.mentions.iter() {
        if let Target::Ambiguous(candidates) = &m.target {
            let Position { line, column } = positions.of(m.span.start);
            let names: Vec<&str> = candidates
                .iter()
                .map(|&c| actors.actors[c].name.as_str())
                .collect();
            let _ = writeln!(
                out,
                "  not linked: {line}:{column}  {} could be {}",
                m.name.of(text),
                names.join(" or ")
            );
        }
    }
    out
}

fn reference(text: &str, positions: &Positions, m: &Mention) -> Value {
    let Position { line, column } = positions.of(m.span.start);
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

fn actor_json(text: &str, positions: &Positions, actors: &Actors, a: usize) -> Value {
    let actor: &Actor = &actors.actors[a];
    let relations: Vec<Value> = actor
        .relations
        .iter()
        .map(|r| json!({"relation": r.label, "of": if r.inverse { Value::Null } else { json!(actors.actors[r.other].name) }, "is": if r.inverse { json!(actors.actors[r.other].name) } else { Value::Null }}))
        .collect();
    let statements: Vec<Value> = actors
        .statements_of(a)
        .map(|s| json!({"line": positions.of(s.verb.start).line, "verb": s.verb.of(text), "content": s.content.of(text)}))
        .collect();
    json!({
        "name": actor.name,
        "kind": kind_label(actor),
        "role": actor.role.as_ref().map(|r| r.text.clone()),
        "references": actors.mentions_of(a).map(|m| reference(text, positions, m)).collect::<Vec<_>>(),
        "relations": relations,
        "statements": statements,
    })
}

/// The actors of one text as `--format json` prints them.
pub fn json_of(path: &std::path::Path, text: &str, actors: &Actors) -> Value {
    let positions = positions_of(text, actors);
    json_with(&path.display().to_string(), text, &positions, actors)
}

/// Every position the actors' output needs, found in one pass.
fn positions_of(text: &str, actors: &Actors) -> Positions {
    Positions::new(
        text,
        actors
            .mentions
            .iter()
            .map(|m| m.span.start)
            .chain(actors.statements.iter().map(|s| s.verb.start)),
    )
}

fn json_with(path: &str, text: &str, positions: &Positions, actors: &Actors) -> Value {
    let ambiguous: Vec<Value> = actors
        .mentions
        .iter()
        .filter_map(|m| match &m.target {
            Target::Ambiguous(c) => {
                let mut r = reference(text, positions, m);
                r["candidates"] = json!(c
                    .iter()
                    .map(|&a| actors.actors[a].name.clone())
                    .collect::<Vec<_>>());
                Some(r)
            }
            Target::Actor(_) | Target::NamedFor(_) => None,
        })
        .collect();
    json!({
        "path": path,
        "actors": ordered(actors).into_iter().map(|a| actor_json(text, positions, actors, a)).collect::<Vec<_>>(),
        "unlinked": ambiguous,
    })
}
