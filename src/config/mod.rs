//! Settings: what the rules and the server read, whatever their source.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::checks::Severity;

pub mod editor;

/// The house style the reference rules follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Style {
    /// AP: formal titles capitalised before a name, lowercase elsewhere; surname on later reference.
    #[default]
    Ap,
    /// British papers: most titles lowercase ("the prime minister, Keir Starmer").
    Uk,
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

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub style: Style,
    pub check_on: CheckOn,
    pub debounce_ms: u64,
    /// Per-rule levels by code; rules not named keep their default severity.
    pub rules: BTreeMap<String, Level>,
    /// A newsroom's people file.
    pub people: Option<PathBuf>,
    pub words: Words,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            style: Style::Ap,
            check_on: CheckOn::Save,
            debounce_ms: 300,
            rules: BTreeMap::new(),
            people: None,
            words: Words::default(),
        }
    }
}

impl Settings {
    /// The configured level of a rule, if any.
    pub fn level(&self, code: &str) -> Option<Level> {
        self.rules.get(code).copied()
    }
}
