//! The document store's unit: one open text, held in a rope and edited in place.

mod position;

pub use position::{byte_at, line_col_at, Encoding, LineCol, Lines, Resolved};

use ropey::Rope;

/// The kinds of text copydesk analyses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    Markdown,
    PlainText,
}

impl Language {
    /// The language of a document from its client language id, falling back to
    /// its file name. `None` means the document is not ours to analyse.
    pub fn detect(language_id: &str, path: &str) -> Option<Language> {
        match language_id {
            "markdown" | "md" => return Some(Language::Markdown),
            "plaintext" | "text" | "txt" => return Some(Language::PlainText),
            _ => {}
        }
        Language::from_path(path)
    }

    pub fn from_path(path: &str) -> Option<Language> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Language::Markdown),
            "txt" => Some(Language::PlainText),
            _ => None,
        }
    }
}

/// An edit that replaced text, in byte offsets of the text before the edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Applied {
    pub start: usize,
    pub removed: usize,
    pub inserted: usize,
    /// A position of the edit lay outside the document and was clamped.
    pub clamped: bool,
}

/// An open document.
#[derive(Clone, Debug)]
pub struct Document {
    rope: Rope,
    version: i32,
    language: Language,
}

impl Document {
    pub fn new(text: &str, version: i32, language: Language) -> Self {
        Document {
            rope: Rope::from_str(text),
            version,
            language,
        }
    }

    pub fn rope(&self) -> &Rope {
        &self.rope
    }

    pub fn version(&self) -> i32 {
        self.version
    }

    pub fn set_version(&mut self, version: i32) {
        self.version = version;
    }

    pub fn language(&self) -> Language {
        self.language
    }

    pub fn text(&self) -> String {
        self.rope.to_string()
    }

    /// Replaces the whole text.
    pub fn replace_all(&mut self, text: &str) {
        self.rope = Rope::from_str(text);
    }

    /// Replaces the text between two positions: O(log n) plus the inserted length.
    pub fn replace(
        &mut self,
        start: LineCol,
        end: LineCol,
        text: &str,
        encoding: Encoding,
    ) -> Applied {
        let a = byte_at(&self.rope, start, encoding);
        let b = byte_at(&self.rope, end, encoding);
        let (from, to) = if a.byte <= b.byte {
            (a.byte, b.byte)
        } else {
            (b.byte, a.byte)
        };
        let from_char = self.rope.byte_to_char(from);
        let to_char = self.rope.byte_to_char(to);
        self.rope.remove(from_char..to_char);
        self.rope.insert(from_char, text);
        Applied {
            start: from,
            removed: to - from,
            inserted: text.len(),
            clamped: a.clamped || b.clamped,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// An independent reference: the byte offset of a UTF-16 position, by scanning.
    fn reference_offset(text: &str, line: u32, col: u32) -> usize {
        let mut offset = 0;
        let mut lines = 0;
        let bytes = text.as_bytes();
        while lines < line {
            match text[offset..].find(['\n', '\r']) {
                None => return text.len(),
                Some(i) => {
                    offset += i + 1;
                    if bytes[offset - 1] == b'\r' && bytes.get(offset) == Some(&b'\n') {
                        offset += 1;
                    }
                    lines += 1;
                }
            }
        }
        let mut units = 0;
        for (i, c) in text[offset..].char_indices() {
            if c == '\n' || c == '\r' || units + c.len_utf16() as u32 > col {
                return offset + i;
            }
            units += c.len_utf16() as u32;
        }
        text.len()
    }

    const PIECES: [&str; 9] = [
        "a",
        "Wang Yi ",
        "😀",
        "王毅",
        "e\u{301}",
        "\r\n",
        "\n",
        "🇺🇦 ",
        "’s",
    ];

    proptest! {
        #[test]
        fn incremental_edits_match_a_reference_string(
            edits in proptest::collection::vec((0u32..6, 0u32..30, 0u32..6, 0u32..30, 0usize..9, 0usize..4), 1..60)
        ) {
            let mut reference = String::from("Talks 😀 in 北京\r\nWang Yi’s visit\n");
            let mut doc = Document::new(&reference, 1, Language::PlainText);
            for (l1, c1, l2, c2, piece, count) in edits {
                let a = reference_offset(&reference, l1, c1);
                let b = reference_offset(&reference, l2, c2);
                let (from, to) = (a.min(b), a.max(b));
                let (start, end) = if a <= b { ((l1, c1), (l2, c2)) } else { ((l2, c2), (l1, c1)) };
                let text = PIECES[piece].repeat(count);
                // The reference snaps to character starts like the rope does.
                reference.replace_range(from..to, &text);
                doc.replace(LineCol::new(start.0, start.1), LineCol::new(end.0, end.1), &text, Encoding::Utf16);
                prop_assert_eq!(doc.text(), reference.clone());
            }
        }
    }

    #[test]
    fn languages_come_from_the_id_or_the_file_name() {
        assert_eq!(Language::detect("markdown", "x"), Some(Language::Markdown));
        assert_eq!(Language::detect("text", "x"), Some(Language::PlainText));
        assert_eq!(
            Language::detect("", "/a/story.MD"),
            Some(Language::Markdown)
        );
        assert_eq!(Language::detect("rust", "/a/main.rs"), None);
        assert_eq!(Language::detect("rust", "/a/Makefile"), None);
    }

    #[test]
    fn edits_splice_the_rope() {
        let mut d = Document::new("Wang Yi met 😀 Lavrov.\r\nNext", 1, Language::PlainText);
        let applied = d.replace(
            LineCol::new(0, 12),
            LineCol::new(0, 14),
            "🎉🎉",
            Encoding::Utf16,
        );
        assert_eq!(d.text(), "Wang Yi met 🎉🎉 Lavrov.\r\nNext");
        assert_eq!(applied.removed, 4);
        d.replace(
            LineCol::new(1, 0),
            LineCol::new(1, 4),
            "Last",
            Encoding::Utf16,
        );
        assert_eq!(d.text(), "Wang Yi met 🎉🎉 Lavrov.\r\nLast");
        let out = d.replace(LineCol::new(9, 0), LineCol::new(9, 0), "!", Encoding::Utf16);
        assert!(out.clamped);
        assert_eq!(d.text(), "Wang Yi met 🎉🎉 Lavrov.\r\nLast!");
    }
}
