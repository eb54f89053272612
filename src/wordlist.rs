//! Reading the word lists in `data/`.
//!
//! Format: one entry per line; `#` starts a comment line; blank lines are skipped;
//! a line `[name]` starts a named section.

mod phrases;

pub use phrases::Phrases;

/// Every entry of a list, whatever its section.
pub fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    lines(src).filter(|line| !is_header(line))
}

/// The entries of one `[section]` of a list.
pub fn section(src: &'static str, name: &str) -> Vec<&'static str> {
    let mut inside = false;
    let mut out = Vec::new();
    for line in lines(src) {
        if is_header(line) {
            inside = &line[1..line.len() - 1] == name;
        } else if inside {
            out.push(line);
        }
    }
    out
}

fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

fn is_header(line: &str) -> bool {
    line.len() > 2 && line.starts_with('[') && line.ends_with(']')
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "# header\n\n[a]\none\ntwo\n# note\n[b]\nthree\n";

    #[test]
    fn sections_and_entries() {
        assert_eq!(section(LIST, "a"), vec!["one", "two"]);
        assert_eq!(section(LIST, "b"), vec!["three"]);
        assert_eq!(
            entries(LIST).collect::<Vec<_>>(),
            vec!["one", "two", "three"]
        );
    }
}
