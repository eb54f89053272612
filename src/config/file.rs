//! `.copydesk.toml`: finding the nearest one, and reading it with the place
//! of every problem, so an editor can mark the line and the CLI can print it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::schema::{self, Entry, Item, Naming, Value};
use super::{Layer, Problem};
use crate::regular_file::{self, CONFIG_LIMIT};
use crate::span::Span;

pub const FILE_NAME: &str = ".copydesk.toml";

/// Whether a path names a copydesk config file.
pub fn is_config_file(path: &Path) -> bool {
    path.file_name().is_some_and(|name| name == FILE_NAME)
}

/// A config file as read from disk.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub path: PathBuf,
    /// The text problems point into (lossily decoded if it was not UTF-8).
    pub text: String,
    /// The settings, or every problem found; a file with problems sets nothing.
    pub result: Result<Layer, Vec<Problem>>,
}

/// Reads and checks a config file. Relative paths in it are resolved against its folder.
pub fn load(path: &Path) -> Loaded {
    let (text, result) = match regular_file::read(path, CONFIG_LIMIT) {
        Err(err) => (
            String::new(),
            Err(vec![Problem::new(format!("cannot read it: {err}"), None)]),
        ),
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => {
                let dir = path.parent().unwrap_or(Path::new(""));
                let result = parse(&text, dir);
                (text, result)
            }
            Err(err) => {
                let at = err.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
                let problem =
                    Problem::new("not valid UTF-8; save it as UTF-8", Some(Span::new(at, at)));
                (text, Err(vec![problem]))
            }
        },
    };
    Loaded {
        path: path.to_path_buf(),
        text,
        result,
    }
}

/// Parses a config file's text; `dir` is its folder.
pub fn parse(text: &str, dir: &Path) -> Result<Layer, Vec<Problem>> {
    let table = DeTable::parse(text).map_err(|err| {
        let message = err.message().trim().replace('\n', "; ");
        let span = err.span().map(|r| Span::new(r.start, r.end));
        vec![Problem::new(format!("TOML syntax: {message}"), span)]
    })?;
    let (layer, mut problems) =
        schema::read(&entries(table.get_ref()), Naming::SnakeCase, Some(dir));
    if problems.is_empty() {
        Ok(layer)
    } else {
        problems.sort_by_key(|p| p.span.map(|s| s.start));
        Err(problems)
    }
}

fn entries(table: &DeTable<'_>) -> Vec<Entry> {
    table
        .iter()
        .map(|(key, value)| Entry {
            key: key.get_ref().to_string(),
            key_span: Some(span(key.span())),
            item: item(value),
        })
        .collect()
}

fn item(value: &Spanned<DeValue<'_>>) -> Item {
    let value_kind = match value.get_ref() {
        DeValue::String(s) => Value::Str(s.to_string()),
        DeValue::Integer(n) => Value::Int(i128::from_str_radix(n.as_str(), n.radix()).ok()),
        DeValue::Float(_) => Value::Other("a fraction"),
        DeValue::Boolean(_) => Value::Other("a boolean"),
        DeValue::Datetime(_) => Value::Other("a date"),
        DeValue::Array(list) => Value::List(list.iter().map(item).collect()),
        DeValue::Table(table) => Value::Table(entries(table)),
    };
    Item {
        value: value_kind,
        span: Some(span(value.span())),
    }
}

fn span(range: std::ops::Range<usize>) -> Span {
    Span::new(range.start, range.end)
}

/// Finds the nearest config file above a folder, remembering the answer for
/// every folder on the way up, so each folder costs a walk only once.
#[derive(Debug, Default)]
pub struct Finder {
    nearest: HashMap<PathBuf, Option<PathBuf>>,
}

impl Finder {
    /// The config file in `dir` or the closest folder above it. Anything by
    /// that name counts, so a folder or a link loop named `.copydesk.toml` is
    /// reported when it is loaded rather than skipped in silence.
    pub fn nearest(&mut self, dir: &Path) -> Option<PathBuf> {
        let mut walked = Vec::new();
        let mut found = None;
        for folder in dir.ancestors() {
            if let Some(known) = self.nearest.get(folder) {
                found = known.clone();
                break;
            }
            walked.push(folder.to_path_buf());
            let candidate = folder.join(FILE_NAME);
            if regular_file::exists(&candidate) {
                found = Some(candidate);
                break;
            }
        }
        for folder in walked {
            self.nearest.insert(folder, found.clone());
        }
        found
    }

    /// Forgets every answer: a config file was created or deleted somewhere.
    pub fn clear(&mut self) {
        self.nearest.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Severity;
    use crate::config::{CheckOn, Level, Style};

    fn problems(text: &str) -> Vec<(String, (usize, usize))> {
        parse(text, Path::new("/desk"))
            .expect_err("the text has problems")
            .into_iter()
            .map(|p| {
                let at = p.line_col(text);
                (p.message, at)
            })
            .collect()
    }

    #[test]
    fn the_documented_example_reads() {
        let text = r#"
style = "uk"
check_on = "change"
debounce_ms = 250
people = "people.toml"

[rules]
vague-attribution = "error"

[words]
sources = ["Interfax", "TASS"]
titles = ["Security Council Secretary"]
"#;
        let layer = parse(text, Path::new("/desk")).expect("valid");
        assert_eq!(layer.style, Some(Style::Uk));
        assert_eq!(layer.check_on, Some(CheckOn::Change));
        assert_eq!(layer.debounce_ms, Some(250));
        assert_eq!(layer.people, Some(PathBuf::from("/desk/people.toml")));
        assert_eq!(
            layer.rules.get("vague-attribution"),
            Some(&Level::On(Severity::Error))
        );
        assert_eq!(layer.words.sources, vec!["Interfax", "TASS"]);
        assert_eq!(layer.words.titles, vec!["Security Council Secretary"]);
    }

    #[test]
    fn syntax_errors_point_at_their_line_and_column() {
        let found = problems("style = \"ap\"\ncheck_on = \"save\n");
        assert_eq!(found.len(), 1);
        assert!(found[0].0.starts_with("TOML syntax: "), "{found:?}");
        assert_eq!(found[0].1 .0, 2);
    }

    #[test]
    fn every_problem_is_reported_at_its_place_in_file_order() {
        let text = "checkOn = \"change\"\n[rules]\nvague-atribution = \"off\"\nvague-attribution = \"loud\"\n[words]\nsources = \"TASS\"\n";
        assert_eq!(
            problems(text),
            vec![
                (
                    "unknown setting `checkOn`; did you mean `check_on`?".to_string(),
                    (1, 1)
                ),
                (
                    "unknown rule `vague-atribution`; did you mean `vague-attribution`?".to_string(),
                    (3, 1)
                ),
                (
                    "the level of `vague-attribution` must be \"off\", \"hint\", \"information\", \"warning\" or \"error\", not \"loud\"".to_string(),
                    (4, 21)
                ),
                (
                    "`words.sources` must be a list of words, not \"TASS\"".to_string(),
                    (6, 11)
                ),
            ]
        );
    }

    #[test]
    fn non_utf8_and_missing_files_are_problems_not_panics() {
        let dir = std::env::temp_dir().join(format!("copydesk-file-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(FILE_NAME);
        std::fs::write(&path, b"style = \"a\xffp\"\n").unwrap();
        let loaded = load(&path);
        let problems = loaded.result.expect_err("not UTF-8");
        assert_eq!(problems[0].line_col(&loaded.text), (1, 11));
        std::fs::remove_file(&path).unwrap();
        let missing = load(&path).result.expect_err("missing");
        assert!(missing[0].message.starts_with("cannot read it"));
        std::fs::create_dir(&path).unwrap();
        let folder = load(&path).result.expect_err("a folder");
        assert_eq!(
            folder[0].message,
            "cannot read it: not a regular file but a folder"
        );
        assert_eq!(Finder::default().nearest(&dir), Some(path.clone()));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_nearest_file_wins_and_answers_are_cached() {
        let root = std::env::temp_dir().join(format!("copydesk-finder-{}", std::process::id()));
        let inner = root.join("politics/2025");
        std::fs::create_dir_all(&inner).unwrap();
        std::fs::write(root.join(FILE_NAME), "").unwrap();
        let mut finder = Finder::default();
        assert_eq!(finder.nearest(&inner), Some(root.join(FILE_NAME)));
        std::fs::write(root.join("politics").join(FILE_NAME), "").unwrap();
        assert_eq!(finder.nearest(&inner), Some(root.join(FILE_NAME)), "cached");
        finder.clear();
        assert_eq!(
            finder.nearest(&inner),
            Some(root.join("politics").join(FILE_NAME))
        );
        std::fs::remove_dir_all(&root).unwrap();
    }
}
