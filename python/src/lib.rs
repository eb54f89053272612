//! `copydesk._native`: the Rust side of the Python package. The `copydesk`
//! module (copydesk/__init__.py) wraps it; the `copydesk` command calls [`main`].
//!
//! Every function takes the text and settings, releases the GIL while the
//! analysis runs, and returns the CLI's JSON as a string that the Python side
//! decodes, so Python gets exactly the objects `--format json` and `jsonl` print.

use std::path::{Path, PathBuf};

use copydesk::analysis::{self, Analysis};
use copydesk::config::{editor, file, Settings};
use copydesk::document::Language;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

/// Settings for one call: the defaults, a `.copydesk.toml` at `config_path`,
/// or editor-style settings as JSON (`{"style": "uk", "rules": {…}}`).
fn settings(config_path: Option<PathBuf>, config_json: Option<&str>) -> PyResult<Settings> {
    let settings = layered(config_path, config_json)?;
    // The analysis reads no files: the people file the settings name is read here.
    match copydesk::config::people::attach(&std::sync::Arc::new(settings)) {
        (_, Some(err)) => Err(PyValueError::new_err(err.message)),
        (settings, None) => Ok(Settings::clone(&settings)),
    }
}

fn layered(config_path: Option<PathBuf>, config_json: Option<&str>) -> PyResult<Settings> {
    if let Some(path) = config_path {
        let loaded = file::load(&path);
        return match loaded.result {
            Ok(layer) => Ok(Settings::layered([&layer])),
            Err(problems) => Err(PyValueError::new_err(problems_text(
                &path.display().to_string(),
                &loaded.text,
                &problems,
            ))),
        };
    }
    let Some(json) = config_json else {
        return Ok(Settings::default());
    };
    let value: serde_json::Value = serde_json::from_str(json)
        .map_err(|e| PyValueError::new_err(format!("config: not JSON: {e}")))?;
    let (layer, problems) = editor::read(&value, None);
    if problems.is_empty() {
        Ok(Settings::layered([&layer]))
    } else {
        Err(PyValueError::new_err(problems_text(
            "config", "", &problems,
        )))
    }
}

fn problems_text(source: &str, text: &str, problems: &[copydesk::config::Problem]) -> String {
    problems
        .iter()
        .map(|p| match p.span {
            Some(_) => {
                let (line, column) = p.line_col(text);
                format!("{source}:{line}:{column}: {}", p.message)
            }
            None => format!("{source}: {}", p.message),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Analyses `text` with the GIL released; a panic becomes a RuntimeError.
fn analysed<R: Send>(
    py: Python<'_>,
    text: &str,
    path: &str,
    settings: &Settings,
    then: impl FnOnce(&Analysis) -> R + Send,
) -> PyResult<R> {
    let language = Language::from_path(path).unwrap_or(Language::PlainText);
    py.detach(|| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            then(&analysis::analyze(text, language, settings))
        }))
    })
    .map_err(|payload| {
        PyRuntimeError::new_err(format!(
            "copydesk: the analysis of {path} failed: {}",
            copydesk::checks::panic_message(payload.as_ref())
        ))
    })
}

/// The findings, as a JSON array of `copydesk check --format json` objects.
#[pyfunction]
#[pyo3(signature = (text, path, config_path=None, config_json=None))]
fn check(
    py: Python<'_>,
    text: String,
    path: String,
    config_path: Option<PathBuf>,
    config_json: Option<String>,
) -> PyResult<String> {
    let settings = settings(config_path, config_json.as_deref())?;
    let (text, path) = (text.as_str(), path.as_str());
    analysed(py, text, path, &settings, |a| {
        serde_json::Value::from(copydesk::cli::json::findings(
            Path::new(path),
            text,
            &a.findings,
        ))
        .to_string()
    })
}

/// The people and organisations, as `copydesk actors --format json` prints them.
#[pyfunction]
#[pyo3(signature = (text, path, config_path=None, config_json=None))]
fn actors(
    py: Python<'_>,
    text: String,
    path: String,
    config_path: Option<PathBuf>,
    config_json: Option<String>,
) -> PyResult<String> {
    let settings = settings(config_path, config_json.as_deref())?;
    let (text, path) = (text.as_str(), path.as_str());
    analysed(py, text, path, &settings, |a| {
        copydesk::cli::json::actors(Path::new(path), text, &a.actors).to_string()
    })
}

/// Who said what: a JSON array of statements.
#[pyfunction]
#[pyo3(signature = (text, path, config_path=None, config_json=None))]
fn statements(
    py: Python<'_>,
    text: String,
    path: String,
    config_path: Option<PathBuf>,
    config_json: Option<String>,
) -> PyResult<String> {
    let settings = settings(config_path, config_json.as_deref())?;
    let (text, path) = (text.as_str(), path.as_str());
    analysed(py, text, path, &settings, |a| {
        serde_json::Value::from(copydesk::cli::json::statements(text, a)).to_string()
    })
}

/// The `copydesk` command with these arguments (the program's name first);
/// returns its exit status. The GIL is released for the whole run: the
/// language server may serve for hours.
#[pyfunction]
fn main(py: Python<'_>, argv: Vec<String>) -> u8 {
    py.detach(|| copydesk::cli::run(argv))
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(actors, m)?)?;
    m.add_function(wrap_pyfunction!(statements, m)?)?;
    m.add_function(wrap_pyfunction!(main, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
