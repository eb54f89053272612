//! Files for the CLI: finding prose files in folders, reading them as UTF-8,
//! and analysing each one without letting a failure stop the others.

use std::path::{Path, PathBuf};

use crate::analysis::{self, Analysis};
use crate::config::Settings;
use crate::document::Language;

/// The files to check: named files as they are, folders searched for prose files.
pub fn collect(paths: &[PathBuf], errors: &mut bool) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut files, errors);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            eprintln!("error: {}: no such file or folder", path.display());
            *errors = true;
        }
    }
    files
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut bool) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            eprintln!("error: {}: {err}", dir.display());
            *errors = true;
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name == "target" || name == "node_modules" {
            continue;
        }
        if path.is_dir() {
            walk(&path, files, errors);
        } else if Language::from_path(name).is_some() {
            files.push(path);
        }
    }
}

fn read(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (at byte {}); save it as UTF-8 and check again",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Reads and analyses one file. A problem is printed, and gives `None`.
pub fn analyse(path: &Path, settings: &Settings) -> Option<(String, Analysis)> {
    let text = match read(path) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("error: {}: {message}", path.display());
            return None;
        }
    };
    let language = Language::from_path(&path.to_string_lossy()).unwrap_or(Language::PlainText);
    match std::panic::catch_unwind(|| analysis::analyze(&text, language, settings)) {
        Ok(analysis) => Some((text, analysis)),
        Err(payload) => {
            eprintln!(
                "error: {}: analysis failed: {}",
                path.display(),
                crate::checks::panic_message(payload.as_ref())
            );
            None
        }
    }
}
