//! `copydesk rules`: every rule of the registry with its default severity and
//! summary, for people or (`--format json`) for programs.

use std::fmt::Write as _;

use serde_json::json;

use super::output::Stdout;
use super::ListFormat;
use crate::checks;

pub fn run(format: ListFormat) -> u8 {
    let text = match format {
        ListFormat::Human => {
            let mut out = String::new();
            for info in checks::rules() {
                let _ = writeln!(
                    out,
                    "{:<20} {:<12} {}",
                    info.code,
                    info.default_severity.name(),
                    info.summary
                );
            }
            out
        }
        ListFormat::Json => {
            let rules: Vec<_> = checks::rules()
                .map(|info| {
                    json!({
                        "code": info.code,
                        "default_severity": info.default_severity.name(),
                        "summary": info.summary,
                        "url": checks::doc_url(info.code),
                    })
                })
                .collect();
            format!("{}\n", serde_json::Value::Array(rules))
        }
    };
    let mut out = Stdout::new();
    out.write(&text);
    out.flush();
    0
}
