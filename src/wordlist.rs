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

/// The entries of one `[section]` of a list (a section may be opened more
/// than once). Only the section's own lines are read: the header is found
/// with a substring search, as the lists are read section by section.
pub fn section(src: &'static str, name: &str) -> Vec<&'static str> {
    let header = format!("[{name}]");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = src[from..].find(&header) {
        let start = from + found;
        let end = start + header.len();
        from = end;
        let line_start = src[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = src[end..].find('\n').map_or(src.len(), |i| end + i);
        let alone =
            src[line_start..start].trim().is_empty() && src[end..line_end].trim().is_empty();
        if !alone {
            continue;
        }
        for line in lines(&src[line_end..]) {
            if is_header(line) {
                break;
            }
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

    const LIST: &str = "# header [b]\n\n[a]\none\ntwo\n# note\n[b]\nthree\n  [a]  \nfour\n[a]x\n";

    #[test]
    fn sections_and_entries() {
        assert_eq!(section(LIST, "a"), vec!["one", "two", "four", "[a]x"]);
        assert_eq!(section(LIST, "b"), vec!["three"]);
        assert_eq!(
            entries(LIST).collect::<Vec<_>>(),
            vec!["one", "two", "three", "four", "[a]x"]
        );
    }
}
