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
//! The server and the CLI read the file (`config::people`); this module only
//! parses its text, so the analysis does no file input or output.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

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
    /// Every written form an entry answers to, with the first entry that does.
    by_form: HashMap<String, usize>,
}

impl People {
    pub fn new(path: PathBuf, entries: Vec<PersonEntry>) -> People {
        let mut by_form = HashMap::new();
        for (i, entry) in entries.iter().enumerate() {
            crate::work::step();
            let given = entry.name.rsplit_once(' ').map(|(given, _)| given);
            let forms = std::iter::once(entry.name.clone())
                .chain(entry.aliases.iter().cloned())
                .chain(entry.variants.iter().cloned())
                .chain(
                    given
                        .into_iter()
                        .flat_map(|g| entry.variants.iter().map(move |v| format!("{g} {v}"))),
                );
            for form in forms {
                by_form.entry(form).or_insert(i);
            }
        }
        People {
            path,
            entries,
            by_form,
        }
    }

    /// The first entry that answers to a written name ([`PersonEntry::answers_to`]),
    /// found in constant time however long the file.
    pub fn entry_for(&self, written: &str) -> Option<usize> {
        self.by_form.get(written).copied()
    }
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
    let mut lines = Lines::new(text);
    let entries = file
        .person
        .into_iter()
        .map(|raw| PersonEntry {
            line: lines.line_of(raw.name.span().start) as u32,
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
    Ok(People::new(path.to_path_buf(), entries))
}

fn line_of(text: &str, offset: usize) -> usize {
    Lines::new(text).line_of(offset)
}

/// Zero-based lines of offsets asked for in increasing order, counted in one
/// pass over the text however many entries the file has.
struct Lines<'t> {
    bytes: &'t [u8],
    at: usize,
    line: usize,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Self {
        Lines {
            bytes: text.as_bytes(),
            at: 0,
            line: 0,
        }
    }

    fn line_of(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.bytes.len());
        if offset < self.at {
            // Out of order (serde gives entries in file order, so never): count afresh.
            self.at = 0;
            self.line = 0;
        }
        crate::work::steps(offset - self.at);
        self.line += self.bytes[self.at..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.at = offset;
        self.line
    }
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
    fn every_form_finds_the_first_entry_that_answers_to_it() {
        let people = parse(Path::new("people.toml"), FILE).unwrap();
        for written in [
            "Wang Yi",
            "Wang",
            "Volodymyr Zelensky",
            "Zelenskiy",
            "Volodymyr Zelenskyy",
        ] {
            let expected = people.entries.iter().position(|e| e.answers_to(written));
            assert_eq!(people.entry_for(written), expected, "{written}");
            assert!(expected.is_some());
        }
        assert_eq!(people.entry_for("Olena Zelenskiy"), None);
    }

    #[test]
    fn twenty_thousand_entries_keep_their_lines() {
        let text: String = (0..20_000)
            .map(|i| format!("[[person]]\nname = \"Person Number{i}\"\n\n"))
            .collect();
        let people = parse(Path::new("p.toml"), &text).unwrap();
        assert_eq!(people.entries[19_999].line, 19_999 * 3 + 1);
        assert_eq!(people.entry_for("Person Number12345"), Some(12_345));
    }
}
