//! What the CLI reads: the files named on the command line, the prose files
//! under named folders (walked as ripgrep and ruff walk them: `.gitignore`,
//! `.ignore`, no hidden files, symbolic links not followed), or standard input.

use std::io::Read as _;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use clap::Args;
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

use super::output::Problems;
use crate::document::Language;
use crate::regular_file::{self, ARTICLE_LIMIT};

/// What `check`, `actors` (and any command over articles) read.
#[derive(Args, Debug)]
pub struct Inputs {
    /// Files or folders to read (*.md, *.markdown, *.txt in folders); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Settings file to use instead of the nearest .copydesk.toml above each file.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// The path that standard input (`-`) stands for: it picks the .copydesk.toml,
    /// Markdown or plain text, and the name shown.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Skip files and folders that match GLOB (repeatable). A pattern without
    /// `/` matches any file or folder name (`drafts`, `*.txt`); one with `/`
    /// matches the path from the working folder (`desk/archive/**`).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
}

/// One article to read.
#[derive(Clone, Debug)]
pub struct Source {
    /// Where it is, or stands for (stdin): its config and its language follow from it.
    pub path: PathBuf,
    /// The name shown in output.
    pub shown: String,
    pub stdin: bool,
}

impl Source {
    pub fn language(&self) -> Language {
        Language::from_path(&self.path.to_string_lossy()).unwrap_or(if self.stdin {
            Language::Markdown
        } else {
            Language::PlainText
        })
    }
}

/// `--exclude` patterns.
#[derive(Clone, Debug)]
pub struct Excludes {
    /// Patterns without `/`: matched against each name in a path.
    names: GlobSet,
    /// Patterns with `/`: matched against the path and each folder above it.
    paths: GlobSet,
    cwd: Option<PathBuf>,
}

impl Excludes {
    pub fn new(patterns: &[String]) -> Result<Excludes, String> {
        let mut names = GlobSetBuilder::new();
        let mut paths = GlobSetBuilder::new();
        for pattern in patterns {
            let trimmed = pattern.trim_start_matches("./").trim_end_matches('/');
            let glob = GlobBuilder::new(trimmed)
                .literal_separator(true)
                .build()
                .map_err(|err| format!("--exclude {pattern}: {err}"))?;
            if trimmed.contains('/') {
                paths.add(glob);
            } else {
                names.add(glob);
            }
        }
        let build = |set: GlobSetBuilder| set.build().map_err(|err| format!("--exclude: {err}"));
        Ok(Excludes {
            names: build(names)?,
            paths: build(paths)?,
            cwd: std::env::current_dir().ok(),
        })
    }

    pub fn matches(&self, path: &Path) -> bool {
        if self.names.is_empty() && self.paths.is_empty() {
            return false;
        }
        let relative = match &self.cwd {
            Some(cwd) if path.is_absolute() => path.strip_prefix(cwd).unwrap_or(path),
            _ => path,
        };
        let parts: Vec<&std::ffi::OsStr> = relative
            .components()
            .filter_map(|c| match c {
                Component::Normal(name) => Some(name),
                _ => None,
            })
            .collect();
        if parts.iter().any(|name| self.names.is_match(name)) {
            return true;
        }
        let mut prefix = PathBuf::new();
        parts.iter().any(|name| {
            prefix.push(name);
            self.paths.is_match(&prefix)
        })
    }
}

/// The articles to read, in a fixed order: named paths as given, each
/// folder's files sorted by name. Problems are reported as they are met.
pub fn collect(inputs: &Inputs, excludes: &Arc<Excludes>, problems: &mut Problems) -> Vec<Source> {
    let mut sources = Vec::new();
    let mut stdin_taken = false;
    for path in &inputs.paths {
        if path.as_os_str() == "-" {
            if !stdin_taken {
                stdin_taken = true;
                let stands_for = inputs.stdin_filename.clone();
                if stands_for.as_deref().is_some_and(|p| excludes.matches(p)) {
                    continue;
                }
                sources.push(Source {
                    shown: stands_for
                        .as_ref()
                        .map_or("-".to_string(), |p| p.display().to_string()),
                    path: stands_for.unwrap_or_else(|| PathBuf::from("-")),
                    stdin: true,
                });
            }
            continue;
        }
        if excludes.matches(path) {
            continue;
        }
        if path.is_dir() {
            walk(path, excludes, &mut sources, problems);
        } else if regular_file::exists(path) {
            sources.push(Source {
                path: path.clone(),
                shown: path.display().to_string(),
                stdin: false,
            });
        } else {
            problems.error(format!("{}: no such file or folder", path.display()));
        }
    }
    sources
}

fn walk(dir: &Path, excludes: &Arc<Excludes>, sources: &mut Vec<Source>, problems: &mut Problems) {
    let filter = Arc::clone(excludes);
    let walker = ignore::WalkBuilder::new(dir)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |entry| !filter.matches(entry.path()))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                let name = entry.file_name().to_string_lossy();
                if is_file && Language::from_path(&name).is_some() {
                    let path = entry.into_path();
                    sources.push(Source {
                        shown: path.display().to_string(),
                        path,
                        stdin: false,
                    });
                }
            }
            // A bad pattern in an ignore file: the walk goes on with the rest of it.
            Err(err) if err.is_partial() => problems.warning(err.to_string()),
            Err(err) => problems.error(err.to_string()),
        }
    }
}

/// Standard input, as UTF-8, up to the article size limit.
pub fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(ARTICLE_LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    if bytes.len() as u64 > ARTICLE_LIMIT {
        return Err(regular_file::ReadError::TooLarge {
            limit: ARTICLE_LIMIT,
        }
        .to_string());
    }
    utf8(bytes)
}

/// An article's text; standard input is read by the caller, once.
pub fn read(source: &Source, stdin: Option<&str>) -> Result<String, String> {
    if source.stdin {
        return Ok(stdin.unwrap_or_default().to_string());
    }
    let bytes = regular_file::read(&source.path, ARTICLE_LIMIT).map_err(|e| e.to_string())?;
    utf8(bytes)
}

fn utf8(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (at byte {}); save it as UTF-8 and check again",
            e.utf8_error().valid_up_to()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excludes(patterns: &[&str]) -> Excludes {
        Excludes::new(&patterns.iter().map(|p| p.to_string()).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn names_match_anywhere_and_paths_from_the_top() {
        let e = excludes(&["drafts", "*.txt", "desk/archive/**", "./old/"]);
        assert!(e.matches(Path::new("desk/drafts/a.md")));
        assert!(e.matches(Path::new("./notes.txt")));
        assert!(e.matches(Path::new("desk/archive/2019/a.md")));
        assert!(e.matches(Path::new("old/a.md")));
        assert!(!e.matches(Path::new("desk/a.md")));
        assert!(!e.matches(Path::new("other/desk/archive/a.md")));
        assert!(Excludes::new(&["a[".to_string()]).is_err());
    }
}
