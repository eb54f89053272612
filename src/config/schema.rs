//! The settings schema, shared by `.copydesk.toml` and editor settings: both
//! are turned into a small tree of [`Item`]s (with byte spans when they come
//! from a file) and read here, so they accept and reject the same values.

use std::path::Path;

use super::suggest::closest;
use super::{CheckOn, Layer, Level, Problem, Style};
use crate::checks::{self, Severity};
use crate::span::Span;

/// Longest debounce accepted: beyond this, checking "on change" never feels like it.
const MAX_DEBOUNCE_MS: u64 = 10_000;

pub(crate) enum Value {
    Str(String),
    /// A whole number; `None` when it does not fit an `i128`.
    Int(Option<i128>),
    List(Vec<Item>),
    Table(Vec<Entry>),
    /// Any other kind of value, by its name ("a boolean").
    Other(&'static str),
}

pub(crate) struct Item {
    pub value: Value,
    pub span: Option<Span>,
}

pub(crate) struct Entry {
    pub key: String,
    pub key_span: Option<Span>,
    pub item: Item,
}

/// How a source spells the multi-word setting names.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Naming {
    /// `.copydesk.toml`: snake_case only.
    SnakeCase,
    /// Editor settings: camelCase, the editors' habit; snake_case is accepted too.
    CamelCase,
}

impl Naming {
    /// The names of the top-level settings, as this source spells them.
    fn names(self) -> [&'static str; 7] {
        match self {
            Naming::SnakeCase => [
                "style",
                "check_on",
                "debounce_ms",
                "people",
                "rules",
                "words",
                "checked",
            ],
            Naming::CamelCase => [
                "style",
                "checkOn",
                "debounceMs",
                "people",
                "rules",
                "words",
                "checked",
            ],
        }
    }

    /// The snake_case name of a key this source accepts.
    fn canonical(self, key: &str) -> Option<&'static str> {
        let snake = Naming::SnakeCase.names();
        if let Some(i) = self.names().iter().position(|n| *n == key) {
            return Some(snake[i]);
        }
        (self == Naming::CamelCase)
            .then(|| snake.into_iter().find(|n| *n == key))
            .flatten()
    }
}

impl Value {
    fn describe(&self) -> String {
        match self {
            Value::Str(s) => format!("\"{s}\""),
            Value::Int(Some(n)) => n.to_string(),
            Value::Int(None) => "a number that large".to_string(),
            Value::List(_) => "a list".to_string(),
            Value::Table(_) => "a table".to_string(),
            Value::Other(what) => (*what).to_string(),
        }
    }
}

/// Reads a top-level table of settings. `base` is the folder a relative
/// `people` path is resolved against.
pub(crate) fn read(
    entries: &[Entry],
    naming: Naming,
    base: Option<&Path>,
) -> (Layer, Vec<Problem>) {
    let mut layer = Layer::default();
    let mut problems = Vec::new();
    for entry in entries {
        let name = entry.key.as_str();
        let item = &entry.item;
        let bad = |expected: &str| {
            Problem::new(
                format!("`{name}` must be {expected}, not {}", item.value.describe()),
                item.span,
            )
        };
        match naming.canonical(name) {
            Some("style") => match keyword(&item.value).as_deref() {
                Some("ap") => layer.style = Some(Style::Ap),
                Some("uk") => layer.style = Some(Style::Uk),
                Some("nyt") => layer.style = Some(Style::Nyt),
                _ => problems.push(bad("\"ap\", \"uk\" or \"nyt\"")),
            },
            Some("check_on") => match keyword(&item.value).as_deref() {
                Some("save") => layer.check_on = Some(CheckOn::Save),
                Some("change") => layer.check_on = Some(CheckOn::Change),
                _ => problems.push(bad("\"save\" or \"change\"")),
            },
            Some("debounce_ms") => match item.value {
                Value::Int(Some(ms)) if (0..=i128::from(MAX_DEBOUNCE_MS)).contains(&ms) => {
                    layer.debounce_ms = u64::try_from(ms).ok();
                }
                _ => problems.push(bad(&format!(
                    "a whole number of milliseconds from 0 to {MAX_DEBOUNCE_MS}"
                ))),
            },
            Some("people") => match &item.value {
                Value::Str(path) if !path.trim().is_empty() => {
                    layer.people = Some(match base {
                        Some(base) => base.join(path),
                        None => path.into(),
                    });
                }
                _ => problems.push(bad("the path of a people file")),
            },
            Some("rules") => match &item.value {
                Value::Table(rules) => read_rules(rules, &mut layer, &mut problems),
                _ => problems.push(bad("a table of rule codes and levels")),
            },
            Some("words") => match &item.value {
                Value::Table(words) => read_words(words, &mut layer, &mut problems),
                _ => problems.push(bad("a table with `sources` and `titles`")),
            },
            Some("checked") => match &item.value {
                Value::List(marks) => read_checked(marks, &mut layer, &mut problems),
                _ => problems.push(bad("a list of `[[checked]]` entries")),
            },
            _ => problems.push(unknown_key(entry, &naming.names(), "setting")),
        }
    }
    (layer, problems)
}

fn read_rules(entries: &[Entry], layer: &mut Layer, problems: &mut Vec<Problem>) {
    for entry in entries {
        let code = entry.key.as_str();
        if checks::rule_info(code).is_none() {
            let hint = if Naming::SnakeCase.canonical(code).is_some() {
                // In TOML, a setting written after `[rules]` lands inside it.
                format!("; `{code}` is a setting, not a rule: put it above the `[rules]` table")
            } else {
                closest(code, checks::rules().map(|r| r.code))
                    .map(|c| format!("; did you mean `{c}`?"))
                    .unwrap_or_else(|| "; `copydesk explain` lists the rules".to_string())
            };
            problems.push(Problem::new(
                format!("unknown rule `{code}`{hint}"),
                entry.key_span,
            ));
            continue;
        }
        match keyword(&entry.item.value).as_deref().and_then(parse_level) {
            Some(level) => {
                layer.rules.insert(code.to_string(), level);
            }
            None => problems.push(Problem::new(
                format!(
                    "the level of `{code}` must be \"off\", \"hint\", \"information\", \"warning\" or \"error\", not {}",
                    entry.item.value.describe()
                ),
                entry.item.span,
            )),
        }
    }
}

fn read_words(entries: &[Entry], layer: &mut Layer, problems: &mut Vec<Problem>) {
    for entry in entries {
        let list = match entry.key.as_str() {
            "sources" => &mut layer.words.sources,
            "titles" => &mut layer.words.titles,
            _ => {
                problems.push(unknown_key(entry, &["sources", "titles"], "word list"));
                continue;
            }
        };
        let Value::List(items) = &entry.item.value else {
            problems.push(Problem::new(
                format!(
                    "`words.{}` must be a list of words, not {}",
                    entry.key,
                    entry.item.value.describe()
                ),
                entry.item.span,
            ));
            continue;
        };
        for item in items {
            match &item.value {
                Value::Str(word) if !word.trim().is_empty() => list.push(word.trim().to_string()),
                other => problems.push(Problem::new(
                    format!(
                        "`words.{}` holds words, not {}",
                        entry.key,
                        other.describe()
                    ),
                    item.span,
                )),
            }
        }
    }
}

/// `[[checked]]` entries: `rule = "CODE"` and `sentence = "16 hex digits"`.
fn read_checked(marks: &[Item], layer: &mut Layer, problems: &mut Vec<Problem>) {
    for mark in marks {
        let Value::Table(entries) = &mark.value else {
            problems.push(Problem::new(
                format!(
                    "each `checked` entry is a table with `rule` and `sentence`, not {}",
                    mark.value.describe()
                ),
                mark.span,
            ));
            continue;
        };
        let (mut rule, mut sentence) = (None, None);
        let before = problems.len();
        for entry in entries {
            match (entry.key.as_str(), &entry.item.value) {
                ("rule", Value::Str(code)) if checks::rule_info(code).is_some() => {
                    rule = Some(code.clone());
                }
                ("rule", Value::Str(code)) => {
                    let hint = closest(code, checks::rules().map(|r| r.code))
                        .map(|c| format!("; did you mean `{c}`?"))
                        .unwrap_or_default();
                    problems.push(Problem::new(
                        format!("unknown rule `{code}`{hint}"),
                        entry.item.span,
                    ));
                }
                ("sentence", Value::Str(hash)) => {
                    match checks::suppression::checked::parse_hash(hash) {
                        Some(hash) => sentence = Some(hash),
                        None => problems.push(Problem::new(
                            format!("`sentence` must be 16 hex digits, as \"Mark as checked\" writes it, not \"{hash}\""),
                            entry.item.span,
                        )),
                    }
                }
                ("rule" | "sentence", other) => problems.push(Problem::new(
                    format!("`{}` must be a string, not {}", entry.key, other.describe()),
                    entry.item.span,
                )),
                _ => problems.push(unknown_key(entry, &["rule", "sentence"], "key")),
            }
        }
        match (rule, sentence) {
            (Some(rule), Some(sentence)) => layer.checked.push(super::Checked { rule, sentence }),
            _ if problems.len() == before => problems.push(Problem::new(
                "a `checked` entry needs both `rule` and `sentence`",
                mark.span,
            )),
            _ => {}
        }
    }
}

/// A string value as a keyword: trimmed, lowercase ("AP" is "ap").
fn keyword(value: &Value) -> Option<String> {
    match value {
        Value::Str(s) => Some(s.trim().to_ascii_lowercase()),
        _ => None,
    }
}

fn parse_level(s: &str) -> Option<Level> {
    Some(match s {
        "off" => Level::Off,
        "hint" => Level::On(Severity::Hint),
        "information" | "info" => Level::On(Severity::Information),
        "warning" => Level::On(Severity::Warning),
        "error" => Level::On(Severity::Error),
        _ => return None,
    })
}

fn unknown_key(entry: &Entry, known: &[&str], what: &str) -> Problem {
    let hint = closest(&entry.key, known.iter().copied())
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_else(|| format!("; known: {}", known.join(", ")));
    Problem::new(
        format!("unknown {what} `{}`{hint}", entry.key),
        entry.key_span,
    )
}
