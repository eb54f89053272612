//! Random edits against a reference string, in UTF-8 and UTF-16 columns:
//! the document's rope must hold exactly the reference text after each edit,
//! and positions must convert both ways as the reference says.
//!
//! Input: parts separated by 0xFF (a byte UTF-8 never holds). The first part
//! is the starting text; each later part is an edit: a flags byte (bit 0:
//! UTF-16 columns), start line, start column, end line, end column (one byte
//! each), then the text to insert. Texts are read as lossy UTF-8.

#![no_main]

use copydesk::document::{byte_at, line_col_at, Document, Encoding, Language, LineCol};
use libfuzzer_sys::fuzz_target;

/// The reference: where a position lands, by scanning the text. Line breaks
/// are LF, CRLF and CR; a column past a line's end clamps to its end, a line
/// past the last to the end of the text; a column inside a character lands
/// on its start.
fn offset(text: &str, pos: LineCol, encoding: Encoding) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut start = 0;
    for _ in 0..pos.line {
        match text[start..].find(['\n', '\r']) {
            None => return (text.len(), true),
            Some(i) => {
                start += i + 1;
                if bytes[start - 1] == b'\r' && bytes.get(start) == Some(&b'\n') {
                    start += 1;
                }
            }
        }
    }
    let end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i);
    let mut units = 0;
    for (i, c) in text[start..end].char_indices() {
        let width = match encoding {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        } as u32;
        if units + width > pos.col {
            return (start + i, false);
        }
        units += width;
    }
    (end, pos.col > units)
}

fuzz_target!(|data: &[u8]| {
    let mut parts = data.split(|&b| b == 0xff);
    let Some(first) = parts.next() else {
        return;
    };
    let mut reference = String::from_utf8_lossy(first).into_owned();
    let mut doc = Document::new(&reference, 1, Language::PlainText);
    for part in parts.take(64) {
        let Some((head, inserted)) = part.split_at_checked(5) else {
            continue;
        };
        let encoding = if head[0] & 1 == 1 {
            Encoding::Utf16
        } else {
            Encoding::Utf8
        };
        let a = LineCol::new(u32::from(head[1]), u32::from(head[2]));
        let b = LineCol::new(u32::from(head[3]), u32::from(head[4]));
        let inserted = String::from_utf8_lossy(inserted);
        let (from, from_clamped) = offset(&reference, a, encoding);
        let (to, to_clamped) = offset(&reference, b, encoding);
        let resolved = byte_at(doc.rope(), a, encoding);
        assert_eq!(
            (resolved.byte, resolved.clamped),
            (from, from_clamped),
            "{a:?} in {reference:?}"
        );
        // A position that names a byte names it back.
        let back = line_col_at(doc.rope(), from, encoding);
        assert_eq!(offset(&reference, back, encoding).0, from);

        let applied = doc.replace(a, b, &inserted, encoding);
        assert_eq!(applied.clamped, from_clamped || to_clamped);
        let (lo, hi) = (from.min(to), from.max(to));
        reference.replace_range(lo..hi, &inserted);
        assert_eq!(doc.text(), reference);
    }
});
