//! A newsroom's people file: names, spellings and titles the desk has agreed on.
//!
//! ```toml
//! [[person]]
//! name = "Wang Yi"
//! aliases = ["Wang"]            # other forms of the name, all correct
//! variants = ["Wang I"]         # spellings to avoid
//! title = "Foreign Minister"
//! description = "China's top diplomat; also heads the party's foreign affairs office."
//! as_of = "2025-03-01"
//! ```
//!
//! The file is read once per change on disk (its modification time and size are
//! checked on each analysis). A file that cannot be read or parsed is ignored,
//! with one logged error that names the line.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::SystemTime;

use serde::Deserialize;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonEntry {
    pub name: String,
    pub aliases: Vec<String>,
    pub variants: Vec<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub as_of: Option<String>,
    /// The zero-based line of the entry's `name`, for related locations.
    pub line: u32,
}

impl PersonEntry {
    /// Whether a written name is this person's, in any accepted or variant
    /// form. A variant may be of the family name alone: "Volodymyr Zelenskyy"
    /// answers to an entry "Volodymyr Zelensky" with the variant "Zelenskyy".
    pub fn answers_to(&self, written: &str) -> bool {
        let with_variant_family = |v: &String| {
            self.name.rsplit_once(' ').is_some_and(|(given, _)| {
                written
                    .strip_prefix(given)
                    .and_then(|r| r.strip_prefix(' '))
                    == Some(v.as_str())
            })
        };
        self.name == written
            || self.aliases.iter().any(|a| a == written)
            || self
                .variants
                .iter()
                .any(|v| v == written || with_variant_family(v))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct People {
    pub path: PathBuf,
    pub entries: Vec<PersonEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    person: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    name: toml::Spanned<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    variants: Vec<String>,
    title: Option<String>,
    description: Option<String>,
    as_of: Option<toml::Value>,
}

/// Parses a people file's text. The error names the file and the line.
pub fn parse(path: &Path, text: &str) -> Result<People, String> {
    let file: File = toml::from_str(text).map_err(|err| {
        let line = err.span().map_or(1, |s| line_of(text, s.start) + 1);
        format!(
            "people file {}: line {line}: {}",
            path.display(),
            err.message().trim()
        )
    })?;
    let entries = file
        .person
        .into_iter()
        .map(|raw| PersonEntry {
            line: line_of(text, raw.name.span().start) as u32,
            name: raw.name.into_inner().trim().to_string(),
            aliases: raw.aliases,
            variants: raw.variants,
            title: raw.title.filter(|t| !t.trim().is_empty()),
            description: raw.description.filter(|d| !d.trim().is_empty()),
            as_of: raw.as_of.map(|v| match v {
                toml::Value::String(s) => s,
                other => other.to_string(),
            }),
        })
        .collect();
    Ok(People {
        path: path.to_path_buf(),
        entries,
    })
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

type Stamp = (SystemTime, u64);

struct Cached {
    stamp: Stamp,
    result: Result<Arc<People>, String>,
}

static CACHE: LazyLock<Mutex<HashMap<PathBuf, Cached>>> = LazyLock::new(Mutex::default);

/// Why a people file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub message: String,
    /// True for the first load that met this error since the file last
    /// changed, so it is reported once, not on every analysis.
    pub first: bool,
}

/// The people file at `path`, read again only when it changed on disk.
pub fn load(path: &Path) -> Result<Arc<People>, LoadError> {
    let stamp = match std::fs::metadata(path) {
        Ok(meta) => (
            meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
            meta.len(),
        ),
        Err(_) => (SystemTime::UNIX_EPOCH, u64::MAX),
    };
    let mut cache = CACHE.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(cached) = cache.get(path).filter(|c| c.stamp == stamp) {
        return cached.result.clone().map_err(|message| LoadError {
            message,
            first: false,
        });
    }
    let result = std::fs::read_to_string(path)
        .map_err(|err| format!("people file {}: {err}", path.display()))
        .and_then(|text| parse(path, &text))
        .map(Arc::new);
    if let Err(message) = &result {
        tracing::error!("{message}; the people file is ignored until it is fixed");
    }
    cache.insert(
        path.to_path_buf(),
        Cached {
            stamp,
            result: result.clone(),
        },
    );
    result.map_err(|message| LoadError {
        message,
        first: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"# Desk list
[[person]]
name = "Wang Yi"
aliases = ["Wang"]
title = "Foreign Minister"
description = "China's top diplomat."
as_of = 2025-03-01

[[person]]
name = "Volodymyr Zelensky"
variants = ["Zelenskyy", "Zelenskiy"]
"#;

    #[test]
    fn entries_with_lines_and_dates() {
        let people = parse(Path::new("people.toml"), FILE).unwrap();
        assert_eq!(people.entries.len(), 2);
        let wang = &people.entries[0];
        assert_eq!(wang.line, 2);
        assert_eq!(wang.title.as_deref(), Some("Foreign Minister"));
        assert_eq!(wang.as_of.as_deref(), Some("2025-03-01"));
        assert!(people.entries[1].answers_to("Zelenskyy"));
        assert!(people.entries[1].answers_to("Volodymyr Zelenskiy"));
        assert!(!people.entries[1].answers_to("Olena Zelenskiy"));
    }

    #[test]
    fn a_malformed_file_names_its_line() {
        let bad = "[[person]]\nname = \"Wang Yi\"\ntitle = Foreign Minister\n";
        let err = parse(Path::new("people.toml"), bad).unwrap_err();
        assert!(err.starts_with("people file people.toml: line 3:"), "{err}");
        let unknown = "[[person]]\nname = \"A B\"\nrank = 3\n";
        let err = parse(Path::new("p.toml"), unknown).unwrap_err();
        assert!(err.contains("line 3"), "{err}");
    }

    #[test]
    fn a_missing_file_is_an_error_reported_once() {
        let path = Path::new("/nonexistent/copydesk/people.toml");
        let first = load(path).unwrap_err();
        assert!(
            first.first && first.message.contains("people.toml"),
            "{first:?}"
        );
        assert!(!load(path).unwrap_err().first);
    }
}
