//! Who an actor is in this article, as Markdown for a hover: name and role,
//! kind, first reference, the forms and titles used, what the actor said, its
//! relations, and the people file's note. Short enough for an editor popup.

use std::fmt::Write as _;

use super::link::namesake_phrase;
use super::recognise::collapse;
use super::{Actor, ActorKind, Actors, Confidence, Form, Target};
use crate::span::Span;

/// Statements listed before "and N more".
const MAX_STATEMENTS: usize = 3;
/// Characters of a statement or reference shown.
const SHORT: usize = 72;

/// What the actor is, as a reader is told. A person known only by the shape
/// of the name is hedged, with its reason, unless the actor has a role: a
/// title or role the text gives is what makes a person sure, and the hover
/// shows that role beside this label. No parentheses: the CLI puts the label
/// in some.
pub fn kind_label(actor: &Actor) -> &'static str {
    match (actor.kind, actor.confidence) {
        (ActorKind::Person, Confidence::Certain) => "person",
        (ActorKind::Person, Confidence::Likely) if actor.role.is_some() => "person",
        (ActorKind::Person, Confidence::Likely) => {
            "probably a person: the text gives no title or role"
        }
        (ActorKind::Organisation, _) => "organisation",
        (ActorKind::Government, _) => "government",
    }
}

/// The hover text of the mention at index `mention`; `text` is the document
/// (or prose) text the actor model was built from.
pub fn describe(actors: &Actors, mention: usize, text: &str) -> Option<String> {
    let m = actors.mentions.get(mention)?;
    match &m.target {
        Target::Actor(a) => Some(describe_actor(actors, *a, text)),
        Target::NamedFor(a) => Some(describe_namesake(actors, m.name, *a, text)),
        Target::Ambiguous(candidates) => Some(describe_ambiguous(actors, m.name, candidates, text)),
    }
}

fn line(actors: &Actors, offset: usize) -> usize {
    actors.line_of(offset) + 1
}

/// Text cut to about `max` characters at a word boundary.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    let text = collapse(text);
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

fn describe_actor(actors: &Actors, a: usize, text: &str) -> String {
    let actor = &actors.actors[a];
    let mut out = String::new();
    let _ = write!(out, "**{}**", actor.name);
    if let Some(role) = &actor.role {
        let _ = write!(out, " — {}", role.text);
    }
    out.push_str("\n\n");
    let mentions: Vec<_> = actors.mentions_of(a).collect();
    let _ = write!(out, "{}", capitalise(kind_label(actor)));
    // The first reference in the body: a headline, a caption or a link's
    // text introduces no one.
    if let Some(first) = mentions
        .iter()
        .find(|m| !m.heading && !m.caption && !actors.in_link(m))
        .or(mentions.first())
    {
        let n = mentions.len();
        let _ = write!(
            out,
            " · {n} reference{} · first on line {}: “{}”",
            if n == 1 { "" } else { "s" },
            line(actors, first.span.start),
            shorten(first.span.of(text), SHORT)
        );
    }
    out.push('\n');
    let forms = forms_used(&mentions, text);
    if forms.len() > 1 {
        let list: Vec<String> = forms.iter().map(|(f, n)| format!("{f} ×{n}")).collect();
        let _ = writeln!(out, "\nForms: {}", list.join(", "));
    }
    let titles = titles_used(actors, a, text);
    if titles.len() > 1 {
        let list: Vec<String> = titles
            .iter()
            .map(|(t, l)| format!("{t} (line {l})"))
            .collect();
        let _ = writeln!(out, "\nTitles: {}", list.join("; "));
    }
    let relations: Vec<String> = actor
        .relations
        .iter()
        .map(|r| {
            let other = &actors.actors[r.other].name;
            if r.inverse {
                format!("{}: {other}", r.label)
            } else {
                format!("{} of {other}", r.label)
            }
        })
        .collect();
    if !relations.is_empty() {
        let _ = writeln!(out, "\nRelations: {}", relations.join("; "));
    }
    let statements: Vec<_> = actors.statements_of(a).collect();
    if !statements.is_empty() {
        out.push_str("\nSaid:\n");
        for s in statements.iter().take(MAX_STATEMENTS) {
            let _ = writeln!(
                out,
                "- line {}, {}: “{}”",
                line(actors, s.verb.start),
                collapse(s.verb.of(text)).to_lowercase(),
                shorten(s.content.of(text), SHORT)
            );
        }
        if statements.len() > MAX_STATEMENTS {
            let _ = writeln!(out, "- and {} more", statements.len() - MAX_STATEMENTS);
        }
    }
    if let Some(entry) = actors.entry_of(a) {
        let mut note = String::from("\nPeople file");
        if let Some(date) = &entry.as_of {
            let _ = write!(note, " (as of {date})");
        }
        note.push(':');
        if let Some(title) = &entry.title {
            let _ = write!(note, " {title}.");
        }
        if let Some(description) = &entry.description {
            let _ = write!(note, " {}", shorten(description, 2 * SHORT));
        }
        out.push_str(&note);
        out.push('\n');
    }
    out.trim_end().to_string()
}

/// A group or term named for a person ("the Vance administration"): who
/// the person is, and that this is no reference to them.
fn describe_namesake(actors: &Actors, name: Span, a: usize, text: &str) -> String {
    let phrase = namesake_phrase(text, name);
    format!(
        "*{}*: named for {}, not a reference to them\n\n{}",
        collapse(phrase.of(text)),
        actors.actors[a].name,
        describe_actor(actors, a, text)
    )
}

fn describe_ambiguous(actors: &Actors, name: Span, candidates: &[usize], text: &str) -> String {
    let mut out = format!(
        "**{}** — not linked: {} people in this article have this name\n",
        collapse(name.of(text)),
        candidates.len()
    );
    for &c in candidates {
        let actor = &actors.actors[c];
        let _ = write!(out, "\n- {}", actor.name);
        if let Some(role) = &actor.role {
            let _ = write!(out, " ({})", role.text);
        }
        if let Some(first) = actors.mentions_of(c).next() {
            let _ = write!(out, ", first on line {}", line(actors, first.span.start));
        }
    }
    out.push_str("\n\nUse a fuller name here so readers know which one is meant.");
    out
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Each written form of the name and how often it is used, in order of first use.
fn forms_used(mentions: &[&super::Mention], text: &str) -> Vec<(String, usize)> {
    let mut forms: Vec<(String, usize)> = Vec::new();
    for m in mentions {
        let form = match m.form {
            Form::Description => format!("“{}”", collapse(m.name.of(text))),
            _ => collapse(m.name.of(text)),
        };
        match forms.iter_mut().find(|(f, _)| *f == form) {
            Some((_, n)) => *n += 1,
            None => forms.push((form, 1)),
        }
    }
    forms
}

/// The distinct titles an actor is given, with the line of first use.
fn titles_used(actors: &Actors, a: usize, text: &str) -> Vec<(String, usize)> {
    let mut titles: Vec<(String, usize)> = Vec::new();
    for m in actors
        .mentions_of(a)
        .filter(|m| m.form != Form::Description)
    {
        let Some(title) = m.title.as_ref().or(m.appositive.as_ref()) else {
            continue;
        };
        let written = collapse(title.span.of(text));
        if !titles.iter().any(|(t, _)| *t == written) {
            titles.push((written, line(actors, m.span.start)));
        }
    }
    titles
}
