//! GitHub Actions workflow commands: `::warning file=…,line=…,col=…::…`, which
//! GitHub shows as annotations on the pull request's changed lines.

use super::FileView;
use crate::checks::{Finding, Severity};

pub fn annotation(view: &FileView, f: &Finding) -> String {
    let command = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "notice",
    };
    let start = view.positions.of(f.span.start);
    let end = view.positions.of(f.span.end);
    format!(
        "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
        property(view.path),
        start.line,
        start.column,
        end.line,
        end.column,
        property(&format!("copydesk {}", f.code)),
        data(&f.message),
    )
}

/// Escapes a command's message, as the runner's toolkit does.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value, which also may not hold `:` or `,`.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_properties_are_escaped() {
        assert_eq!(data("50% said\nno"), "50%25 said%0Ano");
        assert_eq!(property("a,b:c.md"), "a%2Cb%3Ac.md");
    }
}
