//! Settings for the CLI: the file named by `--config`, or for each article
//! the nearest `.copydesk.toml` above it; `--select` and `--ignore` on top;
//! and the people file they name, read in.
//!
//! A broken config file is reported with line and column, and the articles
//! under it are not checked; the others are. A missing or broken people
//! file is reported, and the articles are checked without it. Either way
//! the run ends with exit status 2.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::format::shown;
use super::inputs::{self, Excludes, Inputs, Source};
use super::output::Problems;
use crate::checks;
use crate::config::file::{self, Finder, Loaded};
use crate::config::suggest::closest;
use crate::config::{people, Level, Settings};

/// `--select` and `--ignore`, checked against the registry.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Only these rules run, when given.
    pub select: Option<BTreeSet<&'static str>>,
    pub ignore: BTreeSet<&'static str>,
}

impl Selection {
    /// Codes in any case; an unknown one is an error that suggests the nearest.
    pub fn new(select: &[String], ignore: &[String]) -> Result<Selection, String> {
        let codes = |flag: &str, given: &[String]| -> Result<BTreeSet<&'static str>, String> {
            given
                .iter()
                .map(|code| code_of(code).ok_or_else(|| unknown_code(flag, code)))
                .collect()
        };
        Ok(Selection {
            select: (!select.is_empty())
                .then(|| codes("--select", select))
                .transpose()?,
            ignore: codes("--ignore", ignore)?,
        })
    }

    /// Rules not selected, and rules ignored, are off; a selected rule the
    /// config switched off is on again at its default severity.
    fn apply(&self, settings: &mut Settings) {
        for info in checks::rules() {
            let code = info.code;
            let on = self.select.as_ref().is_none_or(|s| s.contains(code))
                && !self.ignore.contains(code);
            if !on {
                settings.rules.insert(code.to_string(), Level::Off);
            } else if self.select.is_some() && settings.level(code) == Some(Level::Off) {
                settings.rules.remove(code);
            }
        }
    }

    fn is_empty(&self) -> bool {
        self.select.is_none() && self.ignore.is_empty()
    }
}

/// The registry's code for a code written in any case, with `_` for `-`.
pub fn code_of(written: &str) -> Option<&'static str> {
    let wanted = written.trim().to_ascii_lowercase().replace('_', "-");
    checks::rules().map(|r| r.code).find(|c| *c == wanted)
}

/// "no rule has the code …", with the nearest code when one is close.
pub fn unknown_code(context: &str, written: &str) -> String {
    let wanted = written.trim().to_ascii_lowercase().replace('_', "-");
    let hint = closest(&wanted, checks::rules().map(|r| r.code))
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_else(|| "; `copydesk rules` lists them".to_string());
    format!("{context}: no rule has the code `{written}`{hint}")
}

/// What every subcommand reads before it analyses: each file with its
/// settings, and stdin's text when `-` is one of the files.
pub struct Work {
    pub files: Vec<(Source, Option<Arc<Settings>>)>,
    pub stdin: Option<String>,
}

/// Finds the files, their settings and stdin's text. `None` when `--exclude`
/// does not parse; every problem goes to `problems`.
pub fn gather(inputs: &Inputs, selection: &Selection, problems: &mut Problems) -> Option<Work> {
    let excludes = match Excludes::new(&inputs.exclude) {
        Ok(excludes) => Arc::new(excludes),
        Err(message) => {
            problems.error(message);
            return None;
        }
    };
    let sources = inputs::collect(inputs, &excludes, problems);
    let settings = settings_for(&sources, inputs.config.as_deref(), selection, problems);
    let stdin = if sources.iter().any(|s| s.stdin) {
        inputs::read_stdin()
            .map_err(|message| problems.error(format!("-: {message}")))
            .ok()
    } else {
        None
    };
    Some(Work {
        files: sources.into_iter().zip(settings).collect(),
        stdin,
    })
}

/// The settings of each source, in order; `None` for a source whose config
/// file is broken. Every problem is reported once.
pub fn settings_for(
    sources: &[Source],
    explicit: Option<&Path>,
    selection: &Selection,
    problems: &mut Problems,
) -> Vec<Option<Arc<Settings>>> {
    let mut finder = Finder::default();
    let mut by_config: HashMap<Option<PathBuf>, Option<Arc<Settings>>> = HashMap::new();
    let mut people_reported = BTreeSet::new();
    sources
        .iter()
        .map(|source| {
            let config = match explicit {
                Some(config) => Some(config.to_path_buf()),
                None => std::path::absolute(&source.path)
                    .ok()
                    .and_then(|p| p.parent().map(Path::to_path_buf))
                    .and_then(|dir| finder.nearest(&dir)),
            };
            let settings = by_config.entry(config.clone()).or_insert_with(|| {
                let mut settings = match &config {
                    None => Settings::default(),
                    Some(config) => {
                        let loaded = file::load(config);
                        match &loaded.result {
                            Ok(layer) => Settings::layered([layer]),
                            Err(_) => {
                                report(&loaded, problems);
                                return None;
                            }
                        }
                    }
                };
                if !selection.is_empty() {
                    selection.apply(&mut settings);
                }
                let (settings, people_error) = people::attach(&Arc::new(settings));
                if let Some(err) = people_error {
                    if people_reported.insert(err.message.clone()) {
                        problems.error(format!("{}; checked without it", err.message));
                    }
                }
                Some(settings)
            });
            settings.clone()
        })
        .collect()
}

fn report(loaded: &Loaded, problems: &mut Problems) {
    let Err(found) = &loaded.result else {
        return;
    };
    let path = shown(&loaded.path);
    for problem in found {
        match problem.span {
            Some(_) => {
                let (line, column) = problem.line_col(&loaded.text);
                problems.error(format!("{path}:{line}:{column}: {}", problem.message));
            }
            None => problems.error(format!("{path}: {}", problem.message)),
        }
    }
    problems.error(format!(
        "{path}: the articles under it were not checked; fix it and check again"
    ));
}
