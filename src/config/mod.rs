//! Settings: what the rules and the server read, whatever their source.
//!
//! Settings come in layers, each overriding the one before: the built-in
//! defaults, the nearest `.copydesk.toml` ([`file`]), then the editor's
//! settings ([`editor`]). A [`Layer`] holds only what its source sets; both
//! sources are read by one [`schema`], so they accept the same values.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

use crate::actors::People;
use crate::checks::Severity;
use crate::hashing::FastSet;
use crate::span::Span;

pub mod editor;
pub mod file;
pub mod people;
mod schema;
pub mod suggest;

/// The house style the reference rules follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Style {
    /// AP: formal titles capitalised before a name, lowercase elsewhere; surname on later reference.
    #[default]
    Ap,
    /// British papers: most titles lowercase ("the prime minister, Keir Starmer");
    /// courtesy titles on later reference ("Mr Starmer").
    Uk,
    /// The New York Times: titles as in AP; courtesy titles on later reference ("Mr. Obama").
    Nyt,
}

/// When the server checks a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CheckOn {
    #[default]
    Save,
    Change,
}

/// A rule's configured level: off, or the severity to report at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

/// Extra words a newsroom adds to the built-in lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    /// Organisations that act as sources ("Interfax").
    pub sources: Vec<String>,
    /// Formal titles ("Security Council Secretary").
    pub titles: Vec<String>,
}

/// A finding marked as checked outside the document: its rule, and the hash of
/// its sentence (`checks::suppression::checked`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Checked {
    pub rule: String,
    pub sentence: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub style: Style,
    pub check_on: CheckOn,
    pub debounce_ms: u64,
    /// Per-rule levels by code; rules not named keep their default severity.
    pub rules: BTreeMap<String, Level>,
    /// A newsroom's people file, resolved against the folder of the source that named it.
    pub people: Option<PathBuf>,
    /// That file's entries, read by the server or the CLI ([`people::attach`]):
    /// the analysis reads no files.
    pub people_list: Option<Arc<People>>,
    pub words: Words,
    /// Findings marked as checked, by rule and sentence.
    pub checked: BTreeSet<Checked>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            style: Style::Ap,
            check_on: CheckOn::Save,
            debounce_ms: 300,
            rules: BTreeMap::new(),
            people: None,
            people_list: None,
            words: Words::default(),
            checked: BTreeSet::new(),
        }
    }
}

impl Settings {
    /// The configured level of a rule, if any.
    pub fn level(&self, code: &str) -> Option<Level> {
        self.rules.get(code).copied()
    }

    /// The defaults with each layer applied over the one before.
    pub fn layered<'a>(layers: impl IntoIterator<Item = &'a Layer>) -> Settings {
        let mut settings = Settings::default();
        for layer in layers {
            settings.apply(layer);
        }
        settings
    }

    /// Values a layer sets replace earlier ones; rule levels replace per rule;
    /// word lists add up, since each names words the built-in lists lack.
    fn apply(&mut self, layer: &Layer) {
        if let Some(style) = layer.style {
            self.style = style;
        }
        if let Some(check_on) = layer.check_on {
            self.check_on = check_on;
        }
        if let Some(ms) = layer.debounce_ms {
            self.debounce_ms = ms;
        }
        self.rules.extend(
            layer
                .rules
                .iter()
                .map(|(code, level)| (code.clone(), *level)),
        );
        if let Some(people) = &layer.people {
            self.people = Some(people.clone());
        }
        add_new(&mut self.words.sources, &layer.words.sources);
        add_new(&mut self.words.titles, &layer.words.titles);
        self.checked.extend(layer.checked.iter().cloned());
    }
}

/// Appends the words of `more` that `list` lacks, in order, each once. A set
/// of what is there keeps this linear: newsrooms load tens of thousands.
fn add_new(list: &mut Vec<String>, more: &[String]) {
    let mut seen: FastSet<String> = list.iter().cloned().collect();
    for word in more {
        crate::work::step();
        if seen.insert(word.clone()) {
            list.push(word.clone());
        }
    }
}

/// The settings one source sets; what it leaves out comes from the layers below.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layer {
    pub style: Option<Style>,
    pub check_on: Option<CheckOn>,
    pub debounce_ms: Option<u64>,
    pub rules: BTreeMap<String, Level>,
    pub people: Option<PathBuf>,
    pub words: Words,
    /// Findings marked as checked; they add up across layers.
    pub checked: Vec<Checked>,
}

/// Something wrong in a settings source; `span` is a byte range of a config
/// file's text (editor settings have none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub span: Option<Span>,
}

impl Problem {
    pub fn new(message: impl Into<String>, span: Option<Span>) -> Problem {
        Problem {
            message: message.into(),
            span,
        }
    }

    /// The 1-based line and 1-based column (in characters) where the problem
    /// starts in `text`; line 1, column 1 when it has no place.
    pub fn line_col(&self, text: &str) -> (usize, usize) {
        let offset = self.span.map_or(0, |s| s.start).min(text.len());
        let offset = (0..=offset)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (
            before.matches('\n').count() + 1,
            before[line_start..].chars().count() + 1,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_layers_override_and_word_lists_add_up() {
        let file = Layer {
            check_on: Some(CheckOn::Change),
            debounce_ms: Some(100),
            rules: [("vague-attribution".to_string(), Level::Off)].into(),
            words: Words {
                sources: vec!["Interfax".into()],
                titles: vec![],
            },
            ..Layer::default()
        };
        let editor = Layer {
            debounce_ms: Some(50),
            rules: [("vague-attribution".to_string(), Level::On(Severity::Error))].into(),
            words: Words {
                sources: vec!["Interfax".into(), "TASS".into()],
                titles: vec![],
            },
            ..Layer::default()
        };
        let s = Settings::layered([&file, &editor]);
        assert_eq!(s.check_on, CheckOn::Change);
        assert_eq!(s.debounce_ms, 50);
        assert_eq!(s.style, Style::Ap);
        assert_eq!(
            s.level("vague-attribution"),
            Some(Level::On(Severity::Error))
        );
        assert_eq!(s.words.sources, vec!["Interfax", "TASS"]);
        assert_eq!(Settings::layered([]), Settings::default());
    }

    #[test]
    fn line_and_column_are_one_based_characters() {
        let text = "a = 1\r\nstyle = \"é😀x\"\n";
        let at = text.find('x').unwrap();
        let p = Problem::new("m", Some(Span::new(at, at + 1)));
        assert_eq!(p.line_col(text), (2, 12));
        assert_eq!(Problem::new("m", None).line_col(text), (1, 1));
        let past = Problem::new("m", Some(Span::new(999, 999)));
        assert_eq!(past.line_col(text), (3, 1));
    }
}
