//! Settings for `copydesk check`: the file named by `--config`, or for each
//! checked file the nearest `.copydesk.toml` above it. A config file with a
//! problem stops the run: its problems are printed with line and column.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::file::{self, Finder, Loaded};
use crate::config::Settings;

/// The settings of each file, in order; `Err` once the problems are printed.
pub fn settings_for(files: &[PathBuf], explicit: Option<&Path>) -> Result<Vec<Arc<Settings>>, ()> {
    let mut finder = Finder::default();
    let mut by_config: HashMap<Option<PathBuf>, Option<Arc<Settings>>> = HashMap::new();
    let mut out = Vec::with_capacity(files.len());
    let mut failed = false;
    for path in files {
        let config = match explicit {
            Some(config) => Some(config.to_path_buf()),
            None => std::path::absolute(path)
                .ok()
                .and_then(|p| p.parent().map(Path::to_path_buf))
                .and_then(|dir| finder.nearest(&dir)),
        };
        let settings = by_config
            .entry(config.clone())
            .or_insert_with(|| match &config {
                None => Some(Arc::new(Settings::default())),
                Some(config) => {
                    let loaded = file::load(config);
                    match &loaded.result {
                        Ok(layer) => Some(Arc::new(Settings::layered([layer]))),
                        Err(_) => {
                            print_problems(&loaded);
                            None
                        }
                    }
                }
            });
        match settings {
            Some(settings) => out.push(Arc::clone(settings)),
            None => failed = true,
        }
    }
    if failed {
        Err(())
    } else {
        Ok(out)
    }
}

fn print_problems(loaded: &Loaded) {
    let Err(problems) = &loaded.result else {
        return;
    };
    let shown = shown_path(&loaded.path);
    for problem in problems {
        match problem.span {
            Some(_) => {
                let (line, column) = problem.line_col(&loaded.text);
                eprintln!("error: {shown}:{line}:{column}: {}", problem.message);
            }
            None => eprintln!("error: {shown}: {}", problem.message),
        }
    }
}

/// A path relative to the working folder when it lies inside it.
fn shown_path(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path)
        .display()
        .to_string()
}
